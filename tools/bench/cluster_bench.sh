#!/usr/bin/env bash
# Chat throughput of one node on RocksDB against 1, 2 and 3 nodes in cluster
# mode on one PostgreSQL (issue 23), in one run, with the peer's harness and
# 64-message mix (../shared/bench/load/run_chat.sh).
#
#   tools/bench/cluster_bench.sh [DURATION=15s] [NODES="1 2 3"]
#
# 64 connections in all. With N nodes, N wrk processes run at once, one per
# node's edge, 64/N connections each, over the same 10,000 shoppers (so a
# shopper's turns reach every edge and most are forwarded to the owner, as
# behind a load balancer). Requests/s are summed; p99 is the worst node's.
# Everything shares this machine's cores: PostgreSQL, the nodes and wrk.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
LOAD="${LOAD:-$ROOT/../shared/bench/load}"
PARLEY_BIN="${PARLEY_BIN:-$ROOT/build/parley}"
DURATION="${1:-15s}"
NODE_COUNTS="${2:-1 2 3}"
export QUIET=1

# run_wrk PORTS...: one run_chat.sh per port at once; prints "rps p99_ms non2xx errors".
run_wrk() {
  local n=$# conns=$((64 / $#)) threads=2 i=0 outs=()
  [ "$n" -gt 1 ] && threads=1
  for port in "$@"; do
    out="$(mktemp)"
    outs+=("$out")
    SEED=$((42 + i)) THREADS=$threads "$LOAD/run_chat.sh" "http://127.0.0.1:$port" "$DURATION" "$conns" \
      >"$out" 2>&1 &
    i=$((i + 1))
  done
  wait
  local rps=0 p99=0 non2xx=0 errors=0
  for out in "${outs[@]}"; do
    line="$(grep '^rps=' "$out" | tail -1)"
    [ -n "$line" ] || { cat "$out" >&2; echo "no result" >&2; exit 1; }
    eval "$(echo "$line" | tr ' ' '\n' | sed 's/^/r_/')"
    rps=$(echo "$rps + $r_rps" | bc)
    p99=$(echo "if ($r_p99_ms > $p99) $r_p99_ms else $p99" | bc)
    non2xx=$((non2xx + r_non2xx))
    errors=$((errors + r_errors))
    rm -f "$out"
  done
  echo "$rps $p99 $non2xx $errors"
}

printf '%-28s %10s %10s %8s %8s\n' "setup" "req/s" "p99 ms" "non-2xx" "errors"
# One node on RocksDB, the default.
tmp="$(mktemp -d)"
PARLEY_DATA_DIR="$tmp/data" PARLEY_HTTP_PORT=23402 "$PARLEY_BIN" serve >"$tmp/log" 2>&1 &
pid=$!
for _ in $(seq 300); do grep -q "serving on" "$tmp/log" && break; sleep 0.1; done
read -r rps p99 non2xx errors < <(run_wrk 23402)
printf '%-28s %10.0f %10s %8s %8s\n' "1 node, RocksDB" "$rps" "$p99" "$non2xx" "$errors"
kill -TERM "$pid"
wait "$pid" || true
rm -rf "$tmp"

for n in $NODE_COUNTS; do
  up="$(PARLEY_BIN="$PARLEY_BIN" BASE_PORT=23411 "$ROOT/tools/cluster-up.sh" "$n")"
  dir="$(echo "$up" | awk '/^stop:/ {print $4}')"
  ports=()
  for i in $(seq "$n"); do ports+=($((23410 + i))); done
  sleep 2  # every node has seen every other (a heartbeat is a third of the lease)
  read -r rps p99 non2xx errors < <(run_wrk "${ports[@]}")
  forwarded=0
  for port in "${ports[@]}"; do
    f="$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^parley_cluster_forwarded_total/ {print $2}')"
    forwarded=$((forwarded + ${f:-0}))
  done
  printf '%-28s %10.0f %10s %8s %8s   (%s turns forwarded)\n' "$n node(s), PostgreSQL" "$rps" "$p99" \
    "$non2xx" "$errors" "$forwarded"
  "$ROOT/tools/cluster-up.sh" stop "$dir" >/dev/null
done
