#!/usr/bin/env bash
# API throughput of 1, 2 and 3 Onair nodes sharing one PostgreSQL on this machine.
#   [NODES="1 2 3"] bench/cluster-throughput.sh [seconds per run (default 15)] [client threads (default 16)]
# Starts a throwaway PostgreSQL cluster (Debian's postgresql-15, as in the tests), one database per run, then the
# nodes, then ClusterLoad (closed loop, IAM GetUser, round-robin over the nodes). Everything runs on this host,
# so the client competes with the nodes and PostgreSQL for the same cores: read the figures as relative.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_RUN="${1:-15}"
THREADS="${2:-16}"
PGBIN="${ONAIR_PG_BIN:-/usr/lib/postgresql/15/bin}"
JAR="$ROOT/onair-server/target/onair-server.jar"
for tool in "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PGBIN/psql"; do
  [[ -x "$tool" ]] || { echo "missing $tool (apt-get install postgresql-15, or set ONAIR_PG_BIN)" >&2; exit 1; }
done
[[ -f "$JAR" ]] || "$ROOT/onair" --help >/dev/null

WORK="$(mktemp -d /tmp/onair-bench.XXXXXX)"
PGPORT=$((20000 + RANDOM % 20000))
PIDS=()
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ $EUID -eq 0 ]] && chown postgres:postgres "$WORK"
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 --no-sync >/dev/null
# durability stays on (fsync, synchronous_commit): the figures should be what an operator would see
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null

export ONAIR_ADMIN_ACCESS_KEY_ID=AKIAONAIRBENCH000001
export ONAIR_ADMIN_SECRET_ACCESS_KEY=onair-bench-admin-secret-access-key-01
MASTER_KEY="$(head -c 32 /dev/urandom | base64)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_node() { # $1 = database, $2 = index; prints the HTTP port
  local port; port="$(free_port)"
  java -jar "$JAR" serve --data-dir "$WORK/node-$1-$2" --bind 127.0.0.1 --http-port "$port" \
    --rtmp-port "$(free_port)" --rtmps-port "$(free_port)" --account-id 123456789012 \
    --database-url "postgresql://postgres@127.0.0.1:$PGPORT/$1" --master-key "$MASTER_KEY" \
    >"$WORK/node-$1-$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1800); do
    curl -fs "http://127.0.0.1:$port/_onair/health" >/dev/null 2>&1 && { echo "$port"; return; }
    sleep 0.1
  done
  echo "node $2 did not become healthy; log: $WORK/node-$1-$2.log" >&2; exit 1
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, ${SECONDS_PER_RUN}s per run, $THREADS client threads, IAM GetUser"
for nodes in ${NODES:-1 2 3}; do
  db="bench$nodes"
  "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qAtc "create database $db" >/dev/null
  ports=()
  for i in $(seq 1 "$nodes"); do ports+=("$(start_node "$db" "$i")"); done
  AWS_ACCESS_KEY_ID=$ONAIR_ADMIN_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$ONAIR_ADMIN_SECRET_ACCESS_KEY \
    java -cp "$JAR:$ROOT/onair-server/target/lib/*" "$ROOT/bench/CreateBenchUser.java" "${ports[0]}"
  java -cp "$JAR:$ROOT/onair-server/target/lib/*" "$ROOT/bench/ClusterLoad.java" \
    "$SECONDS_PER_RUN" "$THREADS" "${ports[@]}"
  "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qAtc \
    "select 'postgres: ' || xact_commit || ' commits, ' || tup_inserted || ' rows inserted' from pg_stat_database where datname = '$db'"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PIDS=()
done
