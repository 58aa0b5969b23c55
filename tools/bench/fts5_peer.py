#!/usr/bin/env python3
"""The search peer of docs/BENCHMARKS.md: SQLite FTS5 over the same catalog.

Serves GET /search?q=&limit= on 127.0.0.1:PORT as {"results":[{"sku":...}]} so that
../shared/catalog/score.py can score it exactly like Parley's endpoint.
FTS5 gets a fair setup: porter stemming, diacritics removed, name/category/tags/
description columns weighted like Parley's fields (3, 2.5, 2, 1), and the query's
words OR-ed (AND finds nothing for most need-based queries).

usage: fts5_peer.py CATALOG.csv PORT
"""
import csv
import http.server
import json
import re
import sqlite3
import sys
import urllib.parse

catalog, port = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(":memory:", check_same_thread=False)
db.execute("CREATE VIRTUAL TABLE p USING fts5(sku UNINDEXED, name, category, tags, description,"
           " tokenize='porter unicode61 remove_diacritics 2')")
with open(catalog, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        db.execute("INSERT INTO p VALUES (?,?,?,?,?)",
                   (row["sku"], row["name"], row["category"], row["tags"].replace("|", " "),
                    row["description"]))


def search(q, limit):
    words = re.findall(r"\w+", q.lower())
    if not words:
        return []
    match = " OR ".join('"%s"' % w.replace('"', '') for w in words)
    rows = db.execute("SELECT sku FROM p WHERE p MATCH ? ORDER BY bm25(p, 0, 3.0, 2.5, 2.0, 1.0)"
                      " LIMIT ?", (match, limit)).fetchall()
    return [{"sku": r[0]} for r in rows]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        qs = urllib.parse.parse_qs(url.query)
        body = json.dumps({"results": search(qs.get("q", [""])[0],
                                             int(qs.get("limit", ["10"])[0]))}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
