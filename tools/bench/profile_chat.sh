#!/usr/bin/env bash
# Profile `parley serve` under the judged chat mix (issue 22):
#   tools/bench/profile_chat.sh [BUILD=build] [OUT=profile.txt]
# Starts the server on a fresh data dir, warms it 3 s with
# ../shared/bench/load/run_chat.sh, then records 12 s of `perf record -g` while
# the mix runs 15 s at 64 connections, and writes the run's line (rps, p99)
# and the CPU by thread group and leaf function (tools/perf_leaf.py) to OUT.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-build}"
out="${2:-profile.txt}"
load="$here/../shared/bench/load"
port="${PORT:-23402}"
tmp="$(mktemp -d)"
PARLEY_DATA_DIR="$tmp/data" PARLEY_HTTP_PORT="$port" "$build/parley" serve >"$tmp/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
QUIET=1 "$load/run_chat.sh" "http://127.0.0.1:$port" 3s 64 >/dev/null
perf record -F 999 -g -o "$tmp/perf.data" -p "$server" -- sleep 12 >/dev/null 2>&1 &
perf_pid=$!
run="$(QUIET=1 "$load/run_chat.sh" "http://127.0.0.1:$port" 15s 64 | tail -1)"
wait $perf_pid || true
perf script -i "$tmp/perf.data" -F tid,ip,sym --no-demangle 2>/dev/null >"$tmp/perf.txt"
samples=$(grep -cv $'^\t\|^$' "$tmp/perf.txt" || true)
{
  echo "# tools/bench/profile_chat.sh at $(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet || echo '+changes')"
  echo "# $run"
  echo "# $samples samples in 12 s at 999 Hz ($(awk "BEGIN{printf \"%.2f\", $samples/12/999}") cores in parley)"
  "$here/tools/perf_leaf.py" "$tmp/perf.txt" "${TOP:-14}"
} >"$out"
head -3 "$out"
