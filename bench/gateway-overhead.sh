#!/usr/bin/env bash
# Gateway overhead: the same GET (county overview) through the gateway and directly to report-service,
# same concurrency, same run. Needs wrk (Debian package `wrk`) and a running suite whose per-client rate limit does not
# cap the single benchmark client:
#   RURALWATCH_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 RURALWATCH_GATEWAY_RATE_LIMIT_BURST=1000000 bin/suite up
#
#   bench/gateway-overhead.sh [DURATION] [CONNECTIONS] [COUNTY]   defaults: 20s, 16 connections (2 threads), 459901
#
# Two measurements, each direct first and then through the gateway:
#   1. closed loop (wrk, CONNECTIONS connections for DURATION, after 5-s warm-up runs until the throughput settles):
#      p50/p99 and requests per second, and the gateway's throughput as a share of direct's (target >= 85%);
#      Each line also gives the CPU time (user + system) report-service and the gateway spent per request: the load
#      generator shares the same cores, so the throughput ratio is bounded by the gateway's CPU per request against
#      the service's and wrk's together;
#   2. open loop (bench/ConstantRateLoad.java) at half of the direct throughput just measured, 20 s each after 10 s of
#      warm-up: the p50 the gateway adds (target <= 2 ms).
# Also prints start time and RSS of each service. Requests carry a development token, so both paths include token
# verification (the gateway verifies it as well). COUNTY 459901 is created empty if missing; pass the county of an
# imported synthetic county (bench/import-throughput.sh prints the 4599xx code it imports) to ask about its households.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATEFILE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}/run/suite.properties
DURATION=${1:-20s}
CONNECTIONS=${2:-16}
COUNTY=${3:-459901}
# bench/ConstantRateLoad.java needs a JDK 21+, found as bin/suite finds it
source "$ROOT/bin/jdk.sh"
# shellcheck source=bench/quiet.sh
source "$ROOT/bench/quiet.sh"
select_jdk
JAVA=$JAVA_HOME/bin/java
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }

TOKEN=$("$ROOT/bin/suite" token --role county-admin --division "$COUNTY")
AUTH="Authorization: Bearer $TOKEN"
GATEWAY=$(prop gateway.url)
REPORT=$(prop report-service.url)
H=$(prop household-service.url)
# a county to ask about (created if missing)
if [ "$COUNTY" = 459901 ]; then
  curl -s -o /dev/null -X POST "$H/api/v1/divisions" -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"code":"459901","name":"压测县","level":"COUNTY"}'
fi
for _ in $(seq 1 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$REPORT/api/v1/reports/overview?division=$COUNTY")" = 200 ] && break
  sleep 0.2
done
PATH_Q="/api/v1/reports/overview?division=$COUNTY"

echo "== services: start time and resident memory =="
for s in household-service indicator-service project-fund-service report-service gateway; do
  pid=$(prop "$s.pid")
  rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")
  printf '%-22s start %6s ms   RSS %s\n' "$s" "$(prop "$s.startup.ms")" "$rss"
done

RPS=0
TICK=$(getconf CLK_TCK)
# CPU time (user + system, clock ticks) a process has used so far
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# warm-up: 5-s runs until one's throughput is within 5% of the one before (at most 60 s). A service or gateway just
# started compiles its request path for about a minute of load: the first 20 s through a gateway started a moment
# before ran at a third of its later throughput
warm() {
  local url=$1 rounds=0 previous=0 rps
  while [ $rounds -lt 12 ]; do
    rps=$(wrk -t2 -c"$CONNECTIONS" -d5s -H "$AUTH" "$url" | awk '/Requests\/sec/ {print $2}')
    rounds=$((rounds + 1))
    if awk -v a="$rps" -v b="$previous" 'BEGIN {exit !(b > 0 && a < b * 1.05 && a > b * 0.95)}'; then
      break
    fi
    previous=$rps
  done
  WARM_SECONDS=$((rounds * 5))
}
run() {
  local label=$1 url=$2
  warm "$url"
  local out report_before gateway_before report_cpu gateway_cpu requests
  report_before=$(cpu_ticks "$(prop report-service.pid)")
  gateway_before=$(cpu_ticks "$(prop gateway.pid)")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$AUTH" "$url")
  report_cpu=$(($(cpu_ticks "$(prop report-service.pid)") - report_before))
  gateway_cpu=$(($(cpu_ticks "$(prop gateway.pid)") - gateway_before))
  RPS=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  printf '%-8s p50 %-9s p99 %-9s %s req/s  (non-2xx: %s)  CPU per request: report-service %s ms, gateway %s ms  (after %s s of warm-up)\n' \
    "$label" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$RPS" \
    "$(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)" \
    "$(awk -v t="$report_cpu" -v hz="$TICK" -v n="$requests" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')" \
    "$(awk -v t="$gateway_cpu" -v hz="$TICK" -v n="$requests" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')" \
    "$WARM_SECONDS"
}
echo "== closed loop: GET $PATH_Q, $CONNECTIONS connections, $DURATION =="
echo "the suite was quiet after $(wait_quiet) s (CPUs >= 85% idle over 5 s)"
run direct "$REPORT$PATH_Q"
DIRECT_RPS=$RPS
run gateway "$GATEWAY$PATH_Q"
GATEWAY_RPS=$RPS
awk -v g="$GATEWAY_RPS" -v d="$DIRECT_RPS" 'BEGIN {printf "gateway throughput: %.0f%% of direct (target >= 85%%)\n", 100 * g / d}'

RATE=$(awk -v d="$DIRECT_RPS" 'BEGIN {printf "%d", d / 2}')
# prints the load's line prefixed with LABEL and keeps its p50 (ms) in P50
open_loop() {
  local label=$1 url=$2 out
  out=$("$JAVA" "$ROOT/bench/ConstantRateLoad.java" "$url" "$TOKEN" "$RATE" 20 64 10)
  printf '%-8s %s\n' "$label" "$out"
  P50=$(echo "$out" | sed -n 's/.*latency p50 \([0-9.]*\) ms.*/\1/p')
}
echo "== open loop: GET $PATH_Q at $RATE requests/s (half of direct's throughput), 20 s each =="
open_loop direct "$REPORT$PATH_Q"
DIRECT_P50=$P50
open_loop gateway "$GATEWAY$PATH_Q"
awk -v g="$P50" -v d="$DIRECT_P50" 'BEGIN {printf "p50 the gateway adds: %.1f ms (target <= 2 ms)\n", g - d}'
