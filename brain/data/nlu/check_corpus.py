#!/usr/bin/env python3
"""Checks one corpus file of brain/data/nlu against ../shared/spec/nlu-labels.md.

usage: check_corpus.py FILE.jsonl   (prints problems and per-intent counts; exit 1 on problems)
"""
import json, re, sys, unicodedata
from collections import Counter

INTENTS = """greet goodbye thanks affirm deny product_search product_info add_to_cart
remove_from_cart update_quantity view_cart clear_cart checkout provide_details order_status
payment_link human_handoff out_of_scope lead_create lead_qualify lead_update meeting_schedule
demo_schedule meeting_reschedule demo_reschedule meeting_done demo_done lead_reassign
activity_add tasks_list leads_list lead_history""".split()
TEXT = set("""query category product color size name address city company contact_name source
assignee note turnover current_system challenges order_id email""".split())
NUM = {"quantity", "ordinal", "price_max", "price_min"}
OTHER = {"phone", "datetime"}


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def main(path):
    problems, seen, counts = [], set(), Counter()
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except Exception as e:
            problems.append(f"{n}: bad JSON: {e}")
            continue
        t, intent, ents = r.get("text"), r.get("intent"), r.get("entities")
        if not isinstance(t, str) or not t.strip():
            problems.append(f"{n}: no text")
            continue
        if r.get("lang") not in ("en", "es", "ru", "id", "hi"):
            problems.append(f"{n}: lang {r.get('lang')!r}")
        if intent not in INTENTS:
            problems.append(f"{n}: unknown intent {intent!r}")
        if not isinstance(ents, dict):
            problems.append(f"{n}: entities must be an object")
            continue
        if "now" in r and not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", r["now"]):
            problems.append(f"{n}: bad now {r['now']!r}")
        if "datetime" in ents and "now" not in r:
            problems.append(f"{n}: datetime needs now")
        key = norm(t)
        if key in seen:
            problems.append(f"{n}: duplicate text")
        seen.add(key)
        counts[intent] += 1
        for k, v in ents.items():
            if k in TEXT:
                if not isinstance(v, str) or not v.strip():
                    problems.append(f"{n}: {k} must be a non-empty string")
                elif k != "order_id" and norm(v) not in norm(t):
                    problems.append(f"{n}: {k}={v!r} is not in the text as typed")
            elif k in NUM:
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    problems.append(f"{n}: {k} must be a number")
            elif k == "phone":
                if not isinstance(v, str) or not re.fullmatch(r"\+?\d{6,15}", v):
                    problems.append(f"{n}: phone must be digits with an optional leading +")
            elif k == "datetime":
                if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", v):
                    problems.append(f"{n}: datetime must be YYYY-MM-DDTHH:MM")
            else:
                problems.append(f"{n}: slot {k!r} is not in the contract")
    for p in problems[:200]:
        print(p)
    print(f"{sum(counts.values())} utterances, {len(problems)} problems")
    for i in INTENTS:
        flag = "" if counts[i] >= 60 else "   <-- fewer than 60"
        print(f"  {i:20s} {counts[i]}{flag}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
