#!/usr/bin/env bash
# Two builds of Parley alternated on the judged chat mix (issue 22), for
# changes smaller than this machine's run-to-run spread (10-30 %):
#   tools/bench/ab.sh BIN_A BIN_B [ROUNDS=3]
# Each run: a fresh data directory, 5 s of warm-up, then 12 s measured with
# ../shared/bench/load/run_chat.sh at 64 connections. Prints per run
#   A|B rps=... p50_ms=... p99_ms=... non2xx=... errors=... cpu_us=... vol_cs=... invol_cs=...
# where cpu_us is the server's CPU (user + system) per request and vol_cs /
# invol_cs its context switches per request, voluntary and not (all threads).
# env: PORT (23411), WARM (5s), DURATION (12s).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BIN_A BIN_B [ROUNDS]" >&2; exit 2; }
here="$(cd "$(dirname "$0")/../.." && pwd)"
run_chat="$here/../shared/bench/load/run_chat.sh"
[ -x "$run_chat" ] || { echo "no ../shared/bench/load next to this checkout" >&2; exit 1; }
bin_a="$(realpath "$1")"
bin_b="$(realpath "$2")"
rounds="${3:-3}"
port="${PORT:-23411}"
warm="${WARM:-5s}"
duration="${DURATION:-12s}"
secs="${duration%s}"
tmp="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
ticks_hz="$(getconf CLK_TCK)"
# user + system ticks, voluntary and involuntary context switches of every thread
usage() {
  local t=0 v=0 n=0
  for task in /proc/"$pid"/task/*; do
    read -r -a f < "$task/stat" || continue
    t=$((t + f[13] + f[14]))
    v=$((v + $(awk '/^voluntary_ctxt/ {print $2}' "$task/status" 2>/dev/null || echo 0)))
    n=$((n + $(awk '/^nonvoluntary_ctxt/ {print $2}' "$task/status" 2>/dev/null || echo 0)))
  done
  echo "$t $v $n"
}
for _ in $(seq 1 "$rounds"); do
  for side in A B; do
    bin="$bin_a"
    [ "$side" = B ] && bin="$bin_b"
    rm -rf "$tmp/data"
    PARLEY_DATA_DIR="$tmp/data" PARLEY_HTTP_PORT="$port" "$bin" serve > "$tmp/log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
      curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
      sleep 0.2
    done
    QUIET=1 "$run_chat" "http://127.0.0.1:$port" "$warm" > /dev/null
    read -r t0 v0 n0 <<< "$(usage)"
    line="$(QUIET=1 "$run_chat" "http://127.0.0.1:$port" "$duration" | tail -1)"
    read -r t1 v1 n1 <<< "$(usage)"
    requests="$(awk -v l="$line" -v s="$secs" 'BEGIN { split(l, a, /[= ]/); print a[2] * s }')"
    awk -v side="$side" -v l="$line" -v r="$requests" -v dt=$((t1 - t0)) -v hz="$ticks_hz" \
      -v dv=$((v1 - v0)) -v dn=$((n1 - n0)) \
      'BEGIN { printf "%s %s cpu_us=%.0f vol_cs=%.2f invol_cs=%.2f\n", side, l,
               dt * 1e6 / hz / r, dv / r, dn / r }'
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
  done
done
