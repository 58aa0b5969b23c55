#!/usr/bin/env python3
"""Knowledge search with 10,000 passages: starts `parley serve` on a fresh data
directory, uploads two FAQ documents of 5,000 rows each (a document keeps at
most 5,000 passages), then asks the 60 blind questions of
data/knowledge/service_questions_blind.tsv round robin, 3,000 times over one
keep-alive connection, and prints p50/p99 of GET /api/v1/knowledge/search.

    python3 bench/knowledge/search_load.py build/parley
"""
import csv, http.client, io, os, random, subprocess, sys, tempfile, time, urllib.parse

binary = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
random.seed(7)
topics = ["delivery", "shipping", "return", "refund", "exchange", "warranty", "opening hours",
          "payment", "card", "cash on delivery", "discount", "coupon", "tracking", "order status",
          "contact", "phone", "size guide", "stock", "gift wrap", "invoice"]
places = ["Madrid", "Bali", "Jakarta", "Moscow", "Delhi", "Mumbai", "Lima", "Kazan", "Bandung",
          "Sevilla", "Pune", "Surabaya"]
words = ["express", "standard", "weekend", "holiday", "business", "international", "local",
         "store", "online", "partner", "premium", "basic", "member", "student", "bulk"]

def faq(n, offset):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["question", "answer", "language"])
    for i in range(n):
        t, p, a, b = random.choice(topics), random.choice(places), random.choice(words), random.choice(words)
        w.writerow([f"{a.title()} {t} to {p}, question {offset + i}?",
                    f"For {b} {t} to {p} we offer {a} terms: {i % 9 + 1} days, {i % 40 + 5} EUR.", "en"])
    return out.getvalue()

data = tempfile.mkdtemp(prefix="parley-knowledge-")
env = dict(os.environ, PARLEY_DATA_DIR=data, PARLEY_HTTP_PORT="0", PARLEY_ADMIN_TOKEN="bench-token",
           PARLEY_MAX_BODY=str(4 << 20))
server = subprocess.Popen([binary, "serve"], env=env, stderr=subprocess.PIPE, text=True)
port = None
for line in server.stderr:
    if "serving on http://" in line:
        port = int(line.split("serving on http://")[1].split()[0].rsplit(":", 1)[1])
        break
conn = http.client.HTTPConnection("127.0.0.1", port)
for k in range(2):
    body = faq(5000, k * 5000).encode()
    q = urllib.parse.urlencode({"id": f"faq-{k}", "title": f"FAQ {k}", "format": "faq_csv", "language": "en"})
    t = time.time()
    conn.request("POST", "/api/v1/admin/knowledge?" + q, body, {"Authorization": "Bearer bench-token"})
    r = conn.getresponse(); answer = r.read()
    assert r.status == 201, answer[:300]
    print(f"uploaded faq-{k}: 5,000 rows, {len(body) // 1024} KiB in {time.time() - t:.2f} s")
questions = [row for row in csv.DictReader(open(os.path.join(root, "data/knowledge/service_questions_blind.tsv")), delimiter="\t")]
ms = []
for i in range(3000):
    row = questions[i % len(questions)]
    path = "/api/v1/knowledge/search?" + urllib.parse.urlencode({"q": row["question"], "language": row["language"], "limit": 5})
    t = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse(); r.read()
    ms.append((time.perf_counter() - t) * 1000)
    assert r.status == 200
ms.sort()
print(f"GET /api/v1/knowledge/search over 10,000 passages: p50 {ms[len(ms) // 2]:.2f} ms  p99 {ms[int(len(ms) * 0.99)]:.2f} ms  max {ms[-1]:.2f} ms  (n={len(ms)})")
server.terminate(); server.wait()
