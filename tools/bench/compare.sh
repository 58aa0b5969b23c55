#!/usr/bin/env bash
# Parley against the peer on the judged load (issue 22): `make bench-compare`.
#   tools/bench/compare.sh [BUILD=build]
# The peer and the load are ../shared/bench (read-only; every writable path is
# given here). Two figures, each measured A B A B (peer, Parley) so both see
# the same machine:
#   chat      ../shared/bench/load/compare.sh on the 64-message mix, 64 connections
#   telegram  webhooks at 64 connections into each server, replies to a fake
#             Bot API (load/sink.js); lost = accepted webhooks without a reply
# Prints one line per run, then the medians and ratios; the last lines are
#   chat: peer=R req/s p99=P ms | parley=R req/s p99=P ms | ratio=X
#   telegram: peer=... | parley=... lost=N | ratio=X
# env: DURATION (15s), ROUNDS (2), PEER_PORT (23401), PARLEY_PORT (23402),
#      SINK_PORT (23499), KEEP=1 keeps the logs (printed).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-build}" && pwd)"
bench="$here/../shared/bench"
load="$bench/load"
duration="${DURATION:-15s}"
rounds="${ROUNDS:-2}"
peer_port="${PEER_PORT:-23401}"
parley_port="${PARLEY_PORT:-23402}"
sink_port="${SINK_PORT:-23499}"
[ -x "$build/parley" ] || { echo "no $build/parley: run make build first" >&2; exit 1; }
[ -d "$bench" ] || { echo "no ../shared/bench next to this checkout" >&2; exit 1; }
"$here/tools/install-deps.sh" peer  # the peer's Debian packages (its run.sh uses /usr/bin/python3)
tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then echo "logs: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

peer_cmd="RESET_DB=1 DB_PATH=$tmp/peer.db exec $bench/baseline_fastapi/run.sh $peer_port"
parley_cmd="PARLEY_DATA_DIR=$tmp/parley-chat PARLEY_HTTP_PORT=$parley_port exec $build/parley serve"

echo "== chat: the 64-message mix, peer (A) against Parley (B), $rounds rounds of $duration"
(cd "$here" && DURATION="$duration" ROUNDS="$rounds" LOG_DIR="$tmp/chat" \
  "$load/compare.sh" "$peer_cmd" "http://127.0.0.1:$peer_port" "$parley_cmd" \
  "http://127.0.0.1:$parley_port" 2>/dev/null) | tee "$tmp/chat.txt" | grep -v '^[AB]: '

# Telegram: a server started in its own process group, ready when it answers.
start() {  # start NAME CMD URL
  setsid bash -c "$2" >"$tmp/$1.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 600); do curl -s -o /dev/null --max-time 1 "$3/" && return 0; sleep 0.2; done
  echo "$1 did not start: $(tail -5 "$tmp/$1.log")" >&2
  exit 1
}
stop() {
  local p="${pids[-1]}"
  kill -TERM -- "-$p" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 -- "-$p" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$p" 2>/dev/null || true
  unset 'pids[-1]'
}
setsid node "$load/sink.js" "$sink_port" >"$tmp/sink.log" 2>&1 &
pids+=("$!")
sleep 1
telegram_env="TELEGRAM_API_BASE=http://127.0.0.1:$sink_port TELEGRAM_BOT_TOKEN=123456:bench \
TELEGRAM_WEBHOOK_SECRET=bench-secret"
echo "== telegram: webhooks at 64 connections, replies to the fake Bot API, $rounds rounds of $duration"
for round in $(seq "$rounds"); do
  for who in peer parley; do
    if [ "$who" = peer ]; then
      cmd="$telegram_env RESET_DB=1 DB_PATH=$tmp/peer-tg.db exec $bench/baseline_fastapi/run.sh $peer_port"
      url="http://127.0.0.1:$peer_port"
    else
      rm -rf "$tmp/parley-tg"
      cmd="$telegram_env PARLEY_OUTBOX_PACING=0 PARLEY_DATA_DIR=$tmp/parley-tg PARLEY_HTTP_PORT=$parley_port exec $build/parley serve"
      url="http://127.0.0.1:$parley_port"
    fi
    start "tg-$who-$round" "cd $here && $cmd" "$url"
    line="$(TELEGRAM_SECRET=bench-secret QUIET=1 "$load/run_telegram.sh" "$url" "http://127.0.0.1:$sink_port" "$duration" | tail -1)"
    stop
    echo "$who $line" | tee -a "$tmp/telegram.txt"
  done
done

chat_last="$(tail -1 "$tmp/chat.txt")"
summary() {  # summary WHO FILE: median rps and p99 of WHO's lines
  local rps p99
  rps="$(grep "^$1 " "$2" | field rps | median)"
  p99="$(grep "^$1 " "$2" | field p99_ms | median)"
  echo "$rps $p99"
}
read -r peer_rps peer_p99 <<<"$(summary peer "$tmp/telegram.txt")"
read -r parley_rps parley_p99 <<<"$(summary parley "$tmp/telegram.txt")"
lost="$(grep '^parley ' "$tmp/telegram.txt" | field unanswered | sort -g | tail -1)"
echo
read -r _ _ peer_chat _ peer_chat_p99 < <(grep -E '^ *med +A ' "$tmp/chat.txt")
read -r _ _ parley_chat _ parley_chat_p99 < <(grep -E '^ *med +B ' "$tmp/chat.txt")
echo "chat: peer=$peer_chat req/s p99=$peer_chat_p99 ms | parley=$parley_chat req/s" \
  "p99=$parley_chat_p99 ms | $chat_last"
awk -v a="$peer_rps" -v ap="$peer_p99" -v b="$parley_rps" -v bp="$parley_p99" -v l="$lost" \
  'BEGIN {printf "telegram: peer=%.0f webhooks/s p99=%.1f ms | parley=%.0f webhooks/s p99=%.1f ms unanswered=%s | ratio=%.1f\n", a, ap, b, bp, l, b / a}'
