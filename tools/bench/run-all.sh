#!/usr/bin/env bash
# Runs every benchmark of docs/BENCHMARKS.md against the build in $1
# (default ./build). Loopback only; each step stops by itself.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)

echo "== durable appends through the group-commit writer"
"$build/bench/parley_append_bench"

echo "== read-all replay of 1,000,000 events"
"$build/bench/parley_replay_bench"

echo "== resident memory per live conversation actor"
"$build/bench/parley_actor_memory" 100000

echo "== search latency on a generated 10,000-product catalog"
shared="$here/../../../shared/catalog"
"$build/bench/parley_search_bench" "$here/../../data/demo_catalog.csv" "$here/../../tests/data/search_examples.jsonl" 10000

echo "== understanding latency per message"
"$build/bench/parley_nlu_bench" "$here/../../tests/data/nlu_examples.jsonl" "$here/../../brain/data/nlu"/*.jsonl

echo "== invoice PDFs (Pango/cairo), 1, 10 and 50 lines"
"$build/bench/parley_invoice_bench"

echo "== POST /api/v1/chat under wrk, 64 connections, WAL sync on"
data=$(mktemp -d)
port=${PARLEY_BENCH_PORT:-18181}
PARLEY_DATA_DIR="$data" PARLEY_HTTP_PORT=$port "$build/parley" serve 2>"$data/server.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
wrk -t2 -c64 -d15s --latency -s "$here/chat.lua" "http://127.0.0.1:$port"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^parley_append_batch_size_(sum|count)|^parley_live_actors'

echo "== search quality: Parley vs SQLite FTS5 on ../shared/catalog/search_examples.jsonl"
python3 "$shared/score.py" "http://127.0.0.1:$port/api/v1/products/search" "$shared/search_examples.jsonl" | tail -1
python3 "$here/fts5_peer.py" "$here/../../data/demo_catalog.csv" $((port + 1)) &
peer=$!
sleep 1
python3 "$shared/score.py" "http://127.0.0.1:$((port + 1))/search" "$shared/search_examples.jsonl" | tail -1
kill $peer

echo "== understanding quality on ../shared/nlu/examples.jsonl"
python3 "$shared/../nlu/score.py" "http://127.0.0.1:$port/api/v1/nlu/parse" "$shared/../nlu/examples.jsonl" | tail -1

echo "== Telegram webhooks end to end: webhook -> chat turn -> outbox -> fake Telegram sink"
"$build/bench/parley_telegram_webhooks" "$build/parley" 10 16
"$build/bench/parley_telegram_webhooks" "$build/parley" 10 64
