#!/usr/bin/env bash
# Rolling restart (or upgrade) of the Onair nodes, one at a time, never taking more than one out of the pool.
#   deploy/rolling-restart.sh node1.internal node2.internal node3.internal
# Needs ssh to each node and the node's HTTP port reachable from here. For an upgrade, copy the new jar to
# /opt/onair/onair-server.jar on the node before its restart (the NEW_JAR variable does it for you).
set -euo pipefail
PORT="${ONAIR_HTTP_PORT:-8080}"
NEW_JAR="${NEW_JAR:-}"

wait_health() { # $1 host, $2 expected status (200 or 503/000), $3 seconds
  for _ in $(seq 1 "$(( $3 * 2 ))"); do
    status="$(curl -s -o /dev/null -w '%{http_code}' "http://$1:$PORT/_onair/health" || true)"
    [[ "$status" == "$2" || ( "$2" == "down" && "$status" != "200" ) ]] && return 0
    sleep 0.5
  done
  return 1
}

for node in "$@"; do
  echo "== $node"
  wait_health "$node" 200 5 || { echo "$node is not healthy before its restart; stopping here" >&2; exit 1; }
  if [[ -n "$NEW_JAR" ]]; then
    scp -q "$NEW_JAR" "$node:/opt/onair/onair-server.jar.new"
    ssh "$node" 'mv /opt/onair/onair-server.jar.new /opt/onair/onair-server.jar'
  fi
  # SIGTERM via systemd: /_onair/health answers 503 at once, so nginx stops sending new requests here
  # (passive checks: proxy_next_upstream retries on the other nodes); in-flight requests drain. Encoders
  # connected to this node are disconnected; they reconnect through nginx, which sends them to another node.
  ssh "$node" 'systemctl restart onair'
  # the first start after an upgrade runs Flyway migrations; only one node migrates, the others wait on
  # Flyway's lock. Migrations are additive, so old nodes keep working during the roll.
  wait_health "$node" 200 120 || { echo "$node did not come back healthy; stopping here" >&2; exit 1; }
  echo "   $node healthy"
  sleep 5   # let nginx's fail_timeout expire so the node gets traffic before the next one goes
done
echo "all nodes restarted"
