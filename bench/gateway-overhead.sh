#!/usr/bin/env bash
# Gateway overhead: the same GET (county overview) through the gateway and directly to report-service,
# same concurrency, same run. Needs wrk (Debian package `wrk`) and a running suite whose per-client rate limit does not
# cap the single benchmark client:
#   RURALWATCH_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 RURALWATCH_GATEWAY_RATE_LIMIT_BURST=1000000 bin/suite up
#
#   bench/gateway-overhead.sh [DURATION] [CONNECTIONS]      defaults: 20s, 16 connections, 2 threads
#
# Prints p50/p99 latency and requests per second for both, plus start time and RSS of each service. Requests carry a
# development token, so both paths include token verification (the gateway verifies it as well).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATEFILE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}/run/suite.properties
DURATION=${1:-20s}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }

TOKEN=$("$ROOT/bin/suite" token --role county-admin --division 459901)
AUTH="Authorization: Bearer $TOKEN"
GATEWAY=$(prop gateway.url)
REPORT=$(prop report-service.url)
H=$(prop household-service.url)
# a county to ask about (created if missing)
curl -s -o /dev/null -X POST "$H/api/v1/divisions" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"code":"459901","name":"压测县","level":"COUNTY"}'
for _ in $(seq 1 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$REPORT/api/v1/reports/overview?division=459901")" = 200 ] && break
  sleep 0.2
done
PATH_Q="/api/v1/reports/overview?division=459901"

echo "== services: start time and resident memory =="
for s in household-service indicator-service project-fund-service report-service gateway; do
  pid=$(prop "$s.pid")
  rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")
  printf '%-22s start %6s ms   RSS %s\n' "$s" "$(prop "$s.startup.ms")" "$rss"
done

run() {
  local label=$1 url=$2
  # warm-up, then the measured run
  wrk -t2 -c"$CONNECTIONS" -d5s -H "$AUTH" "$url" >/dev/null
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$AUTH" "$url")
  printf '%-8s p50 %-9s p99 %-9s %s req/s  (non-2xx: %s)\n' "$label" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)"
}
echo "== GET $PATH_Q, $CONNECTIONS connections, $DURATION =="
run direct "$REPORT$PATH_Q"
run gateway "$GATEWAY$PATH_Q"
