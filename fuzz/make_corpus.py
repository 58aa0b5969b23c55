#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/.

The seeds come from the tests (webhook bodies, signature vectors, API calls),
from ../shared (NLU and search examples), from data/demo_catalog.csv, and for
the event codecs from the payloads docs/API.md ("Event types") names, with the
tests' values. Run from anywhere: python3 fuzz/make_corpus.py. Seeds are named
"<source>-<n>"; files a fuzzer added (reproducers of fixed bugs) are kept.
"""
import base64
import glob
import hashlib
import hmac
import json
import os
import re
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

# The targets' configured secrets (fuzz/webhook_*.cpp, fuzz/http_router.cpp).
TWILIO_TOKEN, TWILIO_URL = "tw-token", "https://shop.example.com"


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def clear(target):
    for f in glob.glob(os.path.join(OUT, target, "*")):
        base = os.path.basename(f)
        if re.match(r"^[a-z_]+-\d+$", base):  # generated; crash-… reproducers stay
            os.remove(f)


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def test_sources():
    files = glob.glob(os.path.join(ROOT, "tests", "**", "*.cpp"), recursive=True)
    files += glob.glob(os.path.join(ROOT, "tests", "**", "*.hpp"), recursive=True)
    return {os.path.relpath(f, ROOT): open(f, encoding="utf-8").read() for f in sorted(files)}


def raw_strings(text):
    return re.findall(r'R"\((.*?)\)"', text, re.S)


def request(method, target, headers, body):
    head = "".join(f"{k}: {v}\n" for k, v in headers)
    return f"{method} {target}\n{head}\n{body}"


def twilio_signature(path, form):
    data = TWILIO_URL + path + "".join(k + v for k, v in sorted(form.items()))
    mac = hmac.new(TWILIO_TOKEN.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(mac).decode()


def webhooks(sources):
    found = {p: [] for p in ["telegram", "whatsapp", "greenapi", "maytapi", "stripe", "twilio"]}
    for path, text in sources.items():
        for s in raw_strings(text):
            s = s.strip()
            if not s.startswith("{"):
                continue
            if "update_id" in s:
                found["telegram"].append(s)
            elif "whatsapp_business_account" in s:
                found["whatsapp"].append(s)
            elif "typeWebhook" in s:
                try:  # the polling answer wraps the webhook in "body"
                    j = json.loads(s)
                    s = json.dumps(j.get("body", j), ensure_ascii=False)
                except ValueError:
                    pass
                found["greenapi"].append(s)
            elif '"type":"message"' in s or '"type":"ack"' in s:
                found["maytapi"].append(s)
            elif '"type":"' in s and "evt_" in s:
                found["stripe"].append(s)
        for pairs in re.findall(r'encode_form\(\s*\{((?:\s*\{"[^"]*",\s*"[^"]*"\},?)+)\s*\}\)', text):
            found["twilio"].append(dict(re.findall(r'\{"([^"]*)",\s*"([^"]*)"\}', pairs)))
    # tests/payments/stripe_wire_test.cpp, session_completed(): paid, unpaid, no order.
    for status, order in [("paid", "ORD-AB-1"), ("unpaid", "ORD-AB-1"), ("paid", "")]:
        found["stripe"].append(json.dumps({
            "id": "evt_1", "type": "checkout.session.completed",
            "data": {"object": {"id": "cs_test_1", "object": "checkout.session",
                                "client_reference_id": order, "payment_status": status,
                                "payment_intent": "pi_123", "amount_total": 6470,
                                "currency": "eur"}}}, separators=(",", ":")))
    # The platforms' answers to sends (tests/channels/adapters_test.cpp, classify).
    answers = {
        "telegram": ['{"ok":true,"result":{"message_id":77}}',
                     '{"ok":false,"error_code":429,"parameters":{"retry_after":7}}'],
        "whatsapp": ['{"messages":[{"id":"wamid.OUT"}]}', '{"error":{"code":131056}}'],
        "twilio": ['{"sid":"SMout"}'],
        "greenapi": ['{"idMessage":"X1"}'],
        "maytapi": ['{"success":true,"data":{"msgId":"K1"}}',
                    '{"success":false,"message":"not logged in"}'],
        "stripe": ['{"id":"cs_1","url":"https://checkout.stripe.com/c/cs_1"}',
                   '{"error":{"message":"Invalid API Key"}}',
                   '{"payment_status":"paid","amount_total":6470,"currency":"eur",'
                   '"payment_intent":"pi_9"}'],
    }
    headers = {
        "telegram": [("X-Telegram-Bot-Api-Secret-Token", "s3cret")],
        "whatsapp": [("X-Hub-Signature-256", "{sign}")],
        "greenapi": [("Authorization", "Bearer gt")],
        "maytapi": [],
        "stripe": [("Stripe-Signature", "{sign}")],
    }
    for platform, bodies in found.items():
        target = "webhook_" + platform
        clear(target)
        n = 0
        for body in bodies:
            n += 1
            path = "/webhooks/" + platform
            if platform == "twilio":
                text = urllib.parse.urlencode(body)
                h = [("X-Twilio-Signature", twilio_signature(path, body)),
                     ("Content-Type", "application/x-www-form-urlencoded")]
                write(target, f"tests-{n}", request("POST", path, h, text))
            else:
                h = headers[platform] + [("Content-Type", "application/json")]
                write(target, f"tests-{n}", request("POST", path, h, body))
        for i, body in enumerate(answers.get(platform, []), 1):
            write(target, f"answer-{i}", request("POST", "/", [("Retry-After", "3")], body))
    write("webhook_whatsapp", "handshake-1",
          request("GET", "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=vt"
                  "&hub.challenge=12345", [], ""))


def signatures():
    clear("signatures")
    body = '{"id":"evt_1","type":"checkout.session.completed"}'
    v1 = "749721cbedbfa4cc1aa6c9c2bec1edd93766a07906c9d9b3dbc7626e4e660caf"
    wa = '{"object":"whatsapp_business_account","entry":[]}'
    wa_sig = "sha256=" + hmac.new(b"app-secret", wa.encode(), hashlib.sha256).hexdigest()
    twilio_doc = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234" \
                 "&From=%2B12349013030&To=%2B18005551212"
    seeds = [  # tests/payments/stripe_signature_test.cpp, tests/channels/signatures_test.cpp
        ("whsec_test", "1700000000", "t=1700000000,v1=" + v1, body),
        ("whsec_test", "1700000000", "t=1700000000,v1=00ff,v1=" + v1 + ",v0=abc", body),
        ("whsec_test", "-5", "t=17x,v1=" + v1, body),
        ("app-secret", "1795000000", wa_sig, wa),
        ("12345", "0", "https://mycompany.com/myapp.php?foo=1&bar=2", twilio_doc),
        ("tw-token", "0", TWILIO_URL + "/webhooks/twilio",
         "MessageSid=SM1&From=whatsapp%3A%2B34600111222&Body=hola+%26+adi%C3%B3s"),
        ("Jefe", "0", "", "what do ya want for nothing?"),
    ]
    for i, fields in enumerate(seeds, 1):
        write("signatures", f"tests-{i}", "\n".join(fields))


# One payload per event type, with the tests' values (docs/API.md, "Event types").
LINE = {"sku": "HW-SCR-014", "name": "Ferrox Stainless Wood Screw", "quantity": 3,
        "unit_price_cents": 1490, "currency": "EUR", "color": "silver", "size": "4 x 30 mm",
        "colors": ["silver"], "sizes": ["4 x 30 mm"], "footwear": False, "line_total_cents": 4470}
CUSTOMER = {"name": "Ana", "phone": "+34600111222", "email": "anna@example.com",
            "address": "Calle Mayor 1", "city": "Madrid"}
EVENTS = [
    ("conversation.message_received", {"message_id": "m1", "channel": "telegram",
                                       "user_id": "4242", "text": "hola",
                                       "platform_message_id": "901", "language": "es"}),
    ("conversation.message_received", {"message_id": "m2", "channel": "whatsapp",
                                       "user_id": "34600111222", "text": "",
                                       "platform_message_id": "wamid.C", "kind": "location",
                                       "latitude": 40.1, "longitude": -3.2}),
    ("conversation.message_sent", {"message_id": "m3", "channel": "whatsapp",
                                   "user_id": "34600111222", "text": "Hola", "in_reply_to": "m1",
                                   "media": [{"url": "https://img/1.jpg", "caption": "Drill"}],
                                   "author": "maria",
                                   "template": {"name": "cart_reminder", "language": "es",
                                                "parameters": ["Ana", "2"]}}),
    ("conversation.products_shown", {"skus": ["HW-SCR-014", "WF-SHO-001"], "size": "38",
                                     "color": "red"}),
    ("cart.item_added", {"line": LINE}),
    ("cart.item_removed", {"sku": "HW-SCR-014"}),
    ("cart.quantity_changed", {"sku": "HW-SCR-014", "quantity": 5}),
    ("cart.variant_chosen", {"sku": "WF-SHO-001", "color": "red", "size": "38"}),
    ("cart.cleared", {}),
    ("checkout.started", {}),
    ("checkout.details_provided", CUSTOMER),
    ("checkout.confirmation_requested", {}),
    ("checkout.cancelled", {}),
    ("conversation.order_placed", {"order_id": "ORD-AB-1", "total_cents": 6470,
                                   "currency": "EUR"}),
    ("conversation.order_status_noted", {"order_id": "ORD-AB-1",
                                         "note": {"status": "shipped", "payment_url": "",
                                                  "payment_instructions": "",
                                                  "tracking": "TRK-1"}}),
    ("conversation.stage_changed", {"stage": "checkout"}),
    ("conversation.handoff_requested", {"by": "manager:34600111222"}),
    ("conversation.handoff_ended", {"by": "maria"}),
    ("conversation.customer_forgotten", {"by": "admin:root"}),
    ("order.invoice_mailed", {"to": "pii:1:s:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:AAAA", "via": "smtp"}),
    ("conversation.delivery_status", {"platform_message_id": "wamid.OUT2", "status": "read"}),
    ("conversation.search_performed", {"query": "tacones rojos", "results": 1}),
    ("conversation.nudge_scheduled", {"nudge_id": "telegram:555/n1", "number": 1,
                                      "due_us": 1795010800000000}),
    ("conversation.nudge_sent", {"nudge_id": "telegram:555/n1", "number": 1,
                                 "template": "cart_reminder"}),
    ("conversation.nudge_skipped", {"nudge_id": "telegram:555/n2", "number": 2,
                                    "reason": "outside_24h_window"}),
    ("conversation.nudge_cancelled", {"nudge_id": "telegram:555/n1", "number": 1,
                                      "reason": "order_placed"}),
    ("order.placed", {"order_id": "ORD-AB-1", "conversation_id": "telegram:555",
                      "customer": CUSTOMER, "lines": [LINE], "total_cents": 4470,
                      "currency": "EUR", "placed_at_us": 1795000000000000}),
    ("order.stock_reserved", {"lines": [{"sku": "HW-SCR-014", "quantity": 3}]}),
    ("order.stock_released", {"lines": [{"sku": "HW-SCR-014", "quantity": 3}]}),
    ("order.payment_requested", {"provider": "stripe", "reference": "cs_test_1",
                                 "url": "https://checkout.stripe.com/c/cs_1",
                                 "instructions": "", "at_us": 1795000000000000}),
    ("order.paid", {"provider": "stripe", "reference": "pi_123", "amount_cents": 6470,
                    "currency": "EUR", "source": "webhook", "by": "stripe",
                    "at_us": 1795000000000000}),
    ("order.shipped", {"tracking": "TRK-1", "by": "admin", "at_us": 1795000000000000}),
    ("order.delivered", {"by": "admin", "at_us": 1795000000000000}),
    ("order.cancelled", {"reason": "out of stock", "by": "admin", "at_us": 1795000000000000}),
    ("order.refunded", {"reason": "returned", "by": "admin", "at_us": 1795000000000000}),
    ("order.invoice_issued", {"number": 1, "invoice_id": "INV-2026-000001",
                              "issued_at_us": 1795000000000000, "vat_rate_bp": 2100,
                              "net_cents": 5347, "vat_cents": 1123, "gross_cents": 6470}),
    ("order.invoice_mailed", {"to": "anna@example.com", "via": "smtp",
                              "at_us": 1795000000000000}),
    ("order.invoice_mail_failed", {"to": "anna@example.com", "error": "550 no such user",
                                   "permanent": True, "at_us": 1795000000000000}),
    ("order.shopper_notified", {"status": "paid", "at_us": 1795000000000000}),
    ("lead.created", {"company": "Acme Corp", "contact_name": "John", "phone": "+15550100",
                      "email": "john@acme.example", "source": "telegram", "assignee": "maria",
                      "creator": "maria"}),
    ("lead.assigned", {"from": "maria", "to": "ivan", "by": "admin"}),
    ("lead.qualified", {"by": "maria"}),
    ("lead.details_updated", {"fields": {"budget": "5000", "city": "Madrid"}, "by": "maria"}),
    ("lead.appointment_scheduled", {"appointment": {"id": "a1", "kind": "demo",
                                                    "when_local": "2026-11-23T11:00",
                                                    "when_us": 1795000000000000,
                                                    "assignee": "maria", "note": "demo"},
                                    "by": "maria"}),
    ("lead.appointment_rescheduled", {"appointment_id": "a1", "from_local": "2026-11-23T11:00",
                                      "when_local": "2026-11-24T11:00",
                                      "when_us": 1795086400000000, "by": "maria"}),
    ("lead.appointment_done", {"appointment_id": "a1", "kind": "demo", "note": "went well",
                               "by": "maria"}),
    ("lead.appointment_cancelled", {"appointment_id": "a1", "note": "", "by": "maria"}),
    ("lead.activity_added", {"note": "called, no answer", "by": "maria"}),
    ("lead.status_changed", {"from": "new", "to": "won", "by": "maria"}),
    ("lead.follow_up_scheduled", {"step": {"step_id": "s1", "sequence": "default", "index": 0,
                                           "due_us": 1795000000000000, "text": "Hi again",
                                           "attachment_url": ""}, "by": "maria"}),
    ("lead.follow_up_sent", {"step_id": "s1", "to": "+15550100"}),
    ("lead.follow_up_skipped", {"step_id": "s1", "reason": "won"}),
    ("user.created", {"username": "maria", "profile": {"display_name": "Maria", "role": "sales",
                                                      "phones": ["34600112233"],
                                                      "telegram_ids": ["555"]},
                      "password_hash": "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                      "by": "admin"}),
    ("user.profile_changed", {"profile": {"display_name": "Maria", "role": "admin",
                                          "phones": [], "telegram_ids": []}, "by": "admin"}),
    ("user.password_changed", {"password_hash": "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aA",
                               "by": "maria"}),
    ("user.disabled", {"by": "admin"}),
    ("user.enabled", {"by": "admin"}),
    ("user.token_issued", {"token_id": hashlib.sha256(b"plt_1").hexdigest(),
                           "expires_us": 1797592000000000}),
    ("user.token_revoked", {"token_id": hashlib.sha256(b"plt_1").hexdigest(), "by": "maria"}),
    ("sequence.saved", {"steps": [{"day": 1, "text": "Hi {name}", "attachment_url": ""},
                                  {"day": 3, "text": "Still interested?",
                                   "attachment_url": "https://cdn.example.com/a.pdf"}],
                        "send_time": "10:00", "by": "admin"}),
    ("delivery.part_sent", {"part": 0, "parts": 2, "platform_message_id": "wamid.OUT1",
                            "attempts": 1}),
    ("delivery.dead_lettered", {"part": 1, "attempts": 8, "error": "HTTP 403: blocked"}),
    ("delivery.retry_requested", {"by": "admin"}),
    ("notification.queued", {"id": "n1", "channel": "telegram", "recipient": "555",
                             "text": "New order ORD-AB-1", "reason": "order_placed"}),
    ("llm.usage", {"provider": "openai", "model": "gpt-4o-mini", "agent": "shop",
                   "conversation_id": "telegram:555", "input_tokens": 812,
                   "output_tokens": 64, "latency_ms": 930, "attempts": 1, "outcome": "ok"}),
    ("llm.fallback", {"conversation_id": "telegram:555", "provider": "openai",
                      "model": "gpt-4o-mini", "reason": "timeout", "detail": "15 s"}),
    ("llm_config.agent_configured", {"agent": "shop", "provider": "anthropic",
                                     "model": "claude-3-5-haiku", "by": "admin"}),
    ("llm_config.prompt_changed", {"slug": "shop", "text": "You are a shop assistant.",
                                   "by": "admin"}),
    ("catalog.product_upserted", {"sku": "HW-SCR-014", "name": "Ferrox Stainless Wood Screw",
                                  "category": "Hardware > Screws", "price_cents": 1490,
                                  "currency": "EUR", "stock": 150, "colors": ["silver"],
                                  "sizes": ["4 x 30 mm"], "tags": ["wood screw", "stainless"],
                                  "description": "Wood screws for fences.",
                                  "image_url": "https://cdn.example.com/p/1.jpg"}),
    ("catalog.stock_changed", {"sku": "HW-SCR-014", "stock": 147}),
    ("catalog.product_removed", {"sku": "HW-SCR-014"}),
    ("invoice.number_assigned", {"number": 1, "order_id": "ORD-AB-1"}),
]
SNAPSHOTS = [
    ("snapshot:conversation", 3, {"id": "telegram:555", "channel": "telegram", "user_id": "555",
                                  "received": 4, "sent": 4, "last_received_at_us": 1795000000000000,
                                  "last_sent_at_us": 1795000000100000, "last_received_id": "m4",
                                  "language": "es", "stage": "checkout",
                                  "last_shown": ["WF-SHO-001"], "shown_size": "38",
                                  "shown_color": "red", "cart": [LINE], "customer": CUSTOMER,
                                  "checkout_open": True, "awaiting_confirmation": False,
                                  "orders": [], "last_order_total_cents": 0,
                                  "last_order_currency": "EUR", "order_notes": {},
                                  "handoff_requested": False, "handoff_since_us": 0,
                                  "handoff_by": "", "browsing": True, "nudges_sent": 0,
                                  "nudges_scheduled": 1, "nudge_id": "telegram:555/n1",
                                  "nudge_number": 1, "nudge_due_us": 1795010800000000,
                                  "last_nudge_at_us": 0}),
    ("snapshot:lead", 1, {"id": "L-1", "exists": True, "company": "Acme Corp",
                          "contact_name": "John", "phone": "+15550100", "email": "",
                          "source": "telegram", "assignee": "maria", "creator": "maria",
                          "status": "new", "qualified": False, "details": {"budget": "5000"},
                          "appointments": [{"id": "a1", "kind": "demo",
                                            "when_local": "2026-11-23T11:00",
                                            "when_us": 1795000000000000, "assignee": "maria",
                                            "note": "", "state": "scheduled"}],
                          "follow_ups": [], "activities": 2, "created_us": 1795000000000000,
                          "updated_us": 1795000000000000, "version": 5}),
    # tests/http/product_api_test.cpp: what the API takes
    ("api:product", 1, {"sku": "x-1", "name": "Brass Hinge", "price": 5.5, "stock": 3}),
    ("api:product", 1, {"sku": "X-3", "name": "n", "price": 1e300}),
]


def codecs():
    clear("event_codecs")
    clear("sealing")
    n = 0
    for type_, payload in EVENTS:
        n += 1
        p = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        write("event_codecs", f"docs-{n}",
              f"{type_}\n1\n1795000000000000\nORD-AB-1\nm1\n{p}")
        # fuzz/sealing.cpp reads the same lines.
        write("sealing", f"docs-{n}", f"{type_}\n1\n1795000000000000\nORD-AB-1\nm1\n{p}")
    for type_, schema, payload in SNAPSHOTS:
        n += 1
        p = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        write("event_codecs", f"docs-{n}", f"{type_}\n{schema}\n0\n\n\n{p}")


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def prefixed(s):
    b = s.encode()
    return varint(len(b)) + b


def records():
    """events/record_format.hpp records, stream keys and JSON envelopes."""
    clear("event_record")
    n = 0
    # tests/events/record_format_test.cpp's sample, then one record per event type.
    samples = [("conversation", "whatsapp:+91", 42, "conversation.message_received", 3,
                1795000000123456, "wamid.HBgM", '{"text":"привет"}')]
    for i, (type_, payload) in enumerate(EVENTS[::6], 1):
        samples.append((type_.split(".")[0], "e-%d" % i, i, type_, 1, 1795000000000000 + i,
                        "m%d" % i, json.dumps(payload, separators=(",", ":"))))
    for entity_type, entity_id, seq, type_, schema, ts, causation, payload in samples:
        n += 1
        rec = (b"\x01" + prefixed(type_) + varint(schema) + varint(ts) + varint(seq) +
               prefixed(entity_type) + prefixed(entity_id) + prefixed(causation) +
               payload.encode())
        write("event_record", f"tests-{n}", rec)
        n += 1
        key = entity_type.encode() + b"\0" + entity_id.encode() + b"\0" + seq.to_bytes(8, "big")
        write("event_record", f"tests-{n}", key)
        n += 1
        envelope = {"entity_type": entity_type, "entity_id": entity_id, "seq": seq,
                    "position": n, "type": type_, "schema_version": schema,
                    "timestamp": "2026-11-18T08:53:20.%06dZ" % (ts % 1000000),
                    "causation_id": causation, "payload": json.loads(payload)}
        write("event_record", f"tests-{n}", json.dumps(envelope, ensure_ascii=False))


def catalog_csv(sources):
    clear("catalog_csv")
    lines = read("data/demo_catalog.csv").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    n = 0
    for start in range(0, len(rows), len(rows) // 6):  # 8 rows from each part of the demo catalog
        n += 1
        write("catalog_csv", f"demo-{n}", header + "".join(rows[start:start + 8]))
    for path, text in sources.items():  # the tests' CSV strings (C++ literals joined)
        for m in re.finditer(r'"sku,name,category', text):
            n += 1  # C escapes (\n, \xff) to bytes; UTF-8 text stays as it is
            write("catalog_csv", f"tests-{n}", joined_literals(text, m.start()))


def joined_literals(text, i):
    """The adjacent C++ string literals starting at text[i] ('"'), as bytes."""
    out = b""
    while i < len(text) and text[i] == '"':
        j = i + 1
        while text[j] != '"':
            j += 2 if text[j] == "\\" else 1
        out += text[i + 1:j].encode().decode("unicode_escape").encode("latin-1")
        i = j + 1
        while i < len(text) and text[i].isspace():
            i += 1
    return out


def understand():
    clear("understand")
    n = 0
    texts = []
    with open(os.path.join(SHARED, "nlu", "examples.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                ex = json.loads(line)
                n += 1
                texts.append(ex["text"])
                write("understand", f"examples-{n}", ex.get("now", "") + "\n" + ex["text"])
    # A message at the edge's cap (domain::kMaxTextBytes, 16 KiB) made of the
    # examples, so libFuzzer's -max_len (the largest seed) reaches the cap.
    big = ""
    for t in texts * 50:
        if len((big + " " + t).encode()) > 16 * 1024:
            break
        big += " " + t
    n += 1
    write("understand", f"examples-{n}", "2026-11-22T10:00:00+05:30\n" + big)


def search_query(sources):
    clear("search_query")
    n = 0
    with open(os.path.join(SHARED, "catalog", "search_examples.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n += 1
                write("search_query", f"examples-{n}", json.loads(line)["q"])
    for q in re.findall(r'search\("([^"]+)"', sources["tests/projections/search_test.cpp"]):
        n += 1
        write("search_query", f"tests-{n}", q)


def http_router():
    clear("http_router")
    admin = [("Authorization", "Bearer admin-token")]
    json_h = [("Content-Type", "application/json")]
    csv = ("sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
           "HW-SCR-014,Ferrox Stainless Wood Screw 4 x 30 mm,Hardware > Screws,14.90,EUR,150,"
           "silver,4 x 30 mm,wood screw|stainless,Wood screws for fences.,"
           "https://cdn.example.com/p/1.jpg\n"
           "BAD-1,Broken,Hardware,twelve,EUR,1,,,,,\n")
    seeds = [  # tests/http/nlu_api_test.cpp and tests/http/product_api_test.cpp
        ("POST", "/api/v1/nlu/parse", json_h,
         '{"text":"add 3 of the second one","now":"2026-11-22T10:00:00+05:30"}'),
        ("POST", "/api/v1/nlu/parse", json_h,
         '{"text":"Schedule demo for Acme Corp tomorrow 11am","now":"2026-12-31T09:00:00Z"}'),
        ("POST", "/api/v1/nlu/parse", json_h, '{"text":"hi","now":"yesterday"}'),
        ("POST", "/api/v1/nlu/parse", json_h, '{"text":5}'),
        ("GET", "/api/v1/products/search?q=tacones%20rojos&limit=5", [], ""),
        ("GET", "/api/v1/products/search?q=x&limit=0", [], ""),
        ("GET", "/api/v1/products/hw-scr-014", [], ""),
        ("HEAD", "/api/v1/products/WF-SHO-001", [], ""),
        ("GET", "/api/v1/products/NOPE-1", [], ""),
        ("POST", "/api/v1/products", json_h + [("Authorization", "Bearer nope")],
         '{"sku":"X-1","name":"Thing","price":5}'),
        ("POST", "/api/v1/products", admin + json_h,
         '{"sku":"x-1","name":"Brass Hinge","price":5.5,"stock":3}'),
        ("PUT", "/api/v1/products/X-1", admin + json_h,
         '{"name":"Brass Hinge","price":6,"stock":0}'),
        ("PUT", "/api/v1/products/X-1", admin + json_h, '{"sku":"Y-2","name":"n","price":1}'),
        ("POST", "/api/v1/products", admin + json_h, '{"sku":"X-3","name":"n","price":1e300}'),
        ("DELETE", "/api/v1/products/HW-SCR-014", admin, ""),
        ("POST", "/api/v1/products/import", admin + [("Content-Type", "text/csv")], csv),
        ("PATCH", "/api/v1/products/X-1", admin, ""),
        ("GET", "/api/v1/nope", [], ""),
    ]
    for i, (method, target, headers, body) in enumerate(seeds, 1):
        write("http_router", f"tests-{i}", request(method, target, headers, body))


def main():
    sources = test_sources()
    webhooks(sources)
    signatures()
    codecs()
    records()
    catalog_csv(sources)
    understand()
    search_query(sources)
    http_router()


if __name__ == "__main__":
    main()
