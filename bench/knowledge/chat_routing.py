#!/usr/bin/env python3
"""How often a chat turn answers a shop question with the right FAQ passage.

    python3 bench/knowledge/chat_routing.py build/parley

Starts the binary on a fresh log, uploads tests/data/knowledge/shop_faq.csv, sends
each of the 60 questions of data/knowledge/service_questions_blind.tsv to
POST /api/v1/chat as a new shopper, and counts the replies that quote the answer
of the question's topic. The search alone is scored by the KnowledgeBlind test;
this scores the whole turn: understanding, the policy's routing and the quote.
The questions were written blind for search; the routing was tuned while
looking at them, so for the chat this is a development score.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOPICS = ["shipping", "returns", "hours", "payment", "discounts", "tracking", "contact", "sizes"]
PORT = 23471


def post(path, body, headers):
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=body, headers=headers)
    return json.load(urllib.request.urlopen(req))


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/parley")
    faq_path = os.path.join(ROOT, "tests/data/knowledge/shop_faq.csv")
    rows = list(csv.reader(open(faq_path, encoding="utf-8")))[1:]
    answer_of = {TOPICS[i]: rows[i][1] for i in range(len(rows))}
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, PARLEY_DATA_DIR=data, PARLEY_HTTP_PORT=str(PORT),
                   PARLEY_ADMIN_TOKEN="bench-admin")
        server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz")
                    break
                except OSError:
                    time.sleep(0.1)
            post("/api/v1/admin/knowledge?id=faq&title=Shop%20FAQ&format=faq_csv&language=en",
                 open(faq_path, "rb").read(),
                 {"Authorization": "Bearer bench-admin", "Content-Type": "text/csv"})
            per = {}
            lines = open(os.path.join(ROOT, "data/knowledge/service_questions_blind.tsv"),
                         encoding="utf-8").read().splitlines()[1:]
            for n, line in enumerate(lines):
                language, question, topic = line.split("\t")
                said = post("/api/v1/chat", json.dumps({"user_id": f"r{n}", "text": question})
                            .encode(), {"Content-Type": "application/json"})
                text = " ".join(r["text"] for r in said["replies"])
                good = answer_of.get(topic, "\0") in text
                hits, total = per.get(language, (0, 0))
                per[language] = (hits + good, total + 1)
            right = sum(h for h, _ in per.values())
            print(f"chat turns quoting the right passage: {right}/{len(lines)}  " +
                  "  ".join(f"{k} {h}/{t}" for k, (h, t) in per.items()))
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
