#!/usr/bin/env bash
# A PostgreSQL and N Parley nodes in cluster mode on loopback, for a developer
# (issue 23; docs/DEPLOY.md is the production layout).
#
#   tools/cluster-up.sh [NODES=3]     start; prints the nodes' URLs and the stop command
#   tools/cluster-up.sh stop DIR      SIGTERM to every node, then PostgreSQL; DIR removed
#
# Everything lives in a fresh temp dir: PostgreSQL's data and socket (no TCP
# port), each node's data directory and log, the shared master key file and
# an env file. Run as root (as the tests are), the postgres binaries run as
# nobody. Env: PARLEY_BIN (build/parley), BASE_PORT (18081: node i listens on
# BASE_PORT + i - 1), PG_OPTIONS (more of postgres' -c options), and any
# PARLEY_* setting, passed on to every node.
set -euo pipefail

stop_cluster() {
  local dir="$1"
  [ -f "$dir/cluster.env" ] || { echo "not a cluster-up directory: $dir" >&2; exit 2; }
  for pidfile in "$dir"/node-*/pid; do
    [ -f "$pidfile" ] && kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  done
  for pidfile in "$dir"/node-*/pid; do
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
  $AS_PG "$PG_BIN/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null
  rm -rf "$dir"
  echo "stopped; removed $dir"
}

if [ "${1:-}" = stop ]; then
  stop_cluster "${2:?usage: cluster-up.sh stop DIR}"
  exit 0
fi

NODES="${1:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PARLEY_BIN="${PARLEY_BIN:-$ROOT/build/parley}"
BASE_PORT="${BASE_PORT:-18081}"
[ -x "$PARLEY_BIN" ] || { echo "no $PARLEY_BIN: run make build first (or set PARLEY_BIN)" >&2; exit 2; }
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL server: apt-get install postgresql" >&2; exit 2; }

dir="$(mktemp -d /tmp/parley-cluster.XXXXXX)"
chmod 755 "$dir"
AS_PG=""
if [ "$(id -u)" = 0 ]; then AS_PG="setpriv --reuid=65534 --regid=65534 --clear-groups"; fi
mkdir -p "$dir/pg"
[ -z "$AS_PG" ] || chown 65534:65534 "$dir/pg"
$AS_PG "$PG_BIN/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 --no-sync \
  >"$dir/pg/initdb.log" 2>&1 || { cat "$dir/pg/initdb.log"; exit 1; }
$AS_PG "$PG_BIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
  -o "-k $dir/pg -c listen_addresses='' -p 5432 ${PG_OPTIONS:-}" start >/dev/null
"$PG_BIN/createdb" -h "$dir/pg" -p 5432 -U postgres parley
PG_URL="host=$dir/pg port=5432 user=postgres dbname=parley"
cat >"$dir/cluster.env" <<EOF
PG_BIN=$PG_BIN
AS_PG="$AS_PG"
PARLEY_STORE=postgres
PARLEY_PG_URL="$PG_URL"
PARLEY_CLUSTER=1
PARLEY_MASTER_KEY_FILE=$dir/master.key
PARLEY_ADMIN_TOKEN=${PARLEY_ADMIN_TOKEN:-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}
EOF
# shellcheck disable=SC1091
. "$dir/cluster.env"
export PARLEY_STORE PARLEY_PG_URL PARLEY_CLUSTER PARLEY_MASTER_KEY_FILE PARLEY_ADMIN_TOKEN

for i in $(seq "$NODES"); do
  node="$dir/node-$i"
  mkdir -p "$node"
  port=$((BASE_PORT + i - 1))
  PARLEY_DATA_DIR="$node/data" PARLEY_HTTP_PORT="$port" PARLEY_NODE_ID="node-$i" \
    setsid "$PARLEY_BIN" serve >"$node/log" 2>&1 &
  echo $! >"$node/pid"
  # The first node imports the demo catalog; the others start after it serves.
  for _ in $(seq 300); do
    grep -q "serving on" "$node/log" && break
    kill -0 "$(cat "$node/pid")" 2>/dev/null || break
    sleep 0.1
  done
  if ! grep -q "serving on" "$node/log"; then
    cat "$node/log"
    echo "node-$i did not start; stopping the rest" >&2
    stop_cluster "$dir" >/dev/null
    exit 1
  fi
  echo "node-$i  http://127.0.0.1:$port  (log: $node/log)"
done
echo "PostgreSQL: $PG_URL"
echo "admin token: $PARLEY_ADMIN_TOKEN"
echo "status: PARLEY_STORE=postgres PARLEY_PG_URL='$PG_URL' PARLEY_DATA_DIR=$dir/node-1/data $PARLEY_BIN cluster status"
echo "stop:   $0 stop $dir"
