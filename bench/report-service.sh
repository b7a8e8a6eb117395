#!/usr/bin/env bash
# report-service on a synthetic county, measured in one run:
#  1. event to read model while an import runs: HOUSEHOLDS households imported through household-service with every
#     service consuming; meanwhile a probe registers one household a second in a village of its own and times how long
#     report-service's overview of that village takes to count it (bench/LatencyProbe.java report), and where that time
#     went: household-service's relay picking the event up, Kafka and report-service's consumer up to the transaction
#     applying it, and that transaction and the village recount up to the overview counting it; printed for all probes
#     and apart for those committed while the import ran and after it (before it, not measured: an import of 5,000
#     households of a county of its own, 4591xx, caught up with in report-service: bench/counties.sh);
#  2. catching up: how long after the import report-service agrees with household-service and indicator-service on
#     every figure of the county (GET /api/v1/reports/reconciliation polled until no drift), and how long one
#     reconciliation of the county takes;
#  3. after a warm-up at the same rate, the county overview through the gateway at RATE requests/s for SECONDS s, open
#     loop (bench/ConstantRateLoad.java), then the same straight from report-service, then the county breakdown through
#     the gateway;
#  4. a rebuild of every read model from the topics: events replayed per second, and reconciliation afterwards.
# The county: platform/synthetic-county, HOUSEHOLDS households (about 4 members each) in a county code of its own per
# run (4596xx).
#
# Needs psql and a running suite, run as production does, with the gateway's per-client limit above RATE:
#   RURALWATCH_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=100000 RURALWATCH_GATEWAY_RATE_LIMIT_BURST=100000 \
#   RURALWATCH_SERVICE_JVM_OPTIONS="-XX:+UseSerialGC -Xms16m -Xmx512m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=60000" bin/suite up
#   bench/report-service.sh [HOUSEHOLDS] [RATE] [SECONDS]          defaults: 100000, 200, 30
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATEFILE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}/run/suite.properties
HOUSEHOLDS=${1:-100000}
RATE=${2:-200}
SECONDS_=${3:-30}
COUNTY=4596$(printf %02d $(( $(date +%s) / 60 % 99 + 1 )))
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }
source "$ROOT/bin/jdk.sh"
# shellcheck source=bench/quiet.sh
source "$ROOT/bench/quiet.sh"
# shellcheck source=bench/counties.sh
source "$ROOT/bench/counties.sh"
# shellcheck source=bench/probe-breakdown.sh
source "$ROOT/bench/probe-breakdown.sh"
select_jdk
H=$(prop household-service.url)
R=$(prop report-service.url)
G=$(prop gateway.url)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
at() { date -u +%H:%M:%S; }

"$JAVA_HOME/bin/java" -jar "$ROOT/platform/synthetic-county/target/synthetic-county.jar" --county "$COUNTY" \
  --households "$HOUSEHOLDS" --seed "$COUNTY" --out "$WORK"
TOKEN=$("$ROOT/bin/suite" token --role county-admin --division "$COUNTY" --subject bench-reports --hours 3)
AUTH="Authorization: Bearer $TOKEN"
curl -sf -o /dev/null -X POST "$H/api/v1/divisions/import" -H "$AUTH" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$WORK/divisions.csv"
# the probe's own county and village, so that its count moves only with the probe's households and the imported
# county's reconciliation is not disturbed by them
PROBE_COUNTY=4595${COUNTY:4:2}
PROBE_VILLAGE=${PROBE_COUNTY}101201
PROBE_TOKEN=$("$ROOT/bin/suite" token --role county-admin --division "$PROBE_COUNTY" --subject bench-probe --hours 3)
for body in "{\"code\":\"$PROBE_COUNTY\",\"name\":\"探针县\",\"level\":\"COUNTY\"}" \
    "{\"code\":\"${PROBE_COUNTY}101\",\"name\":\"探针镇\",\"level\":\"TOWNSHIP\",\"parentCode\":\"$PROBE_COUNTY\"}" \
    "{\"code\":\"$PROBE_VILLAGE\",\"name\":\"探针村\",\"level\":\"VILLAGE\",\"parentCode\":\"${PROBE_COUNTY}101\"}"; do
  curl -s -o /dev/null -X POST "$H/api/v1/divisions" -H "Authorization: Bearer $PROBE_TOKEN" \
    -H 'Content-Type: application/json' -d "$body"
done
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $PROBE_TOKEN" \
    "$R/api/v1/reports/overview?division=$PROBE_VILLAGE")" = 200 ] && break
  sleep 0.2
done

echo "== 1. event to read model while the import runs =="
# the first import after a start also compiles the code of its path in every service (bench/counties.sh): a county of
# its own first (4591xx), not measured, until report-service holds its households and their evaluations
WARM_COUNTY=4591${COUNTY:4:2}
warm_up_import "$H" "$WARM_COUNTY" 5000 "$WORK/warm-up" "select (select count(*) from report_household
    where village_code like '$WARM_COUNTY%') >= :created and (select count(*) from report_evaluation
    where village_code like '$WARM_COUNTY%' and standard_code = 'NATIONAL_HOUSEHOLD_2021') >= :created" \
  psql -X -q -h localhost -p "$(prop postgres.port)" -U postgres -d report
echo "the suite was quiet after $(wait_quiet) s (CPUs >= 85% idle over 5 s)"
START=$(now)
JOB=$(curl -sf -X POST "$H/api/v1/household-imports?fileName=bench-$COUNTY.csv" -H "$AUTH" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/households.csv")
ID=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$JOB")
"$JAVA_HOME/bin/java" "$ROOT/bench/LatencyProbe.java" report "$H" "$R" "$PROBE_TOKEN" "$PROBE_VILLAGE" 60 1000 \
  "$WORK/timeline" &
PROBE=$!
until [[ "$JOB" == *'"status":"COMPLETED"'* || "$JOB" == *'"status":"FAILED"'* ]]; do
  sleep 0.5
  JOB=$(curl -sf "$H/api/v1/household-imports/$ID" -H "$AUTH")
done
IMPORT_END=$(date +%s%6N)
IMPORTED=$(echo "$(now) - $START" | bc -l)
CREATED=$(sed -n 's/.*"householdsCreated":\([0-9]*\).*/\1/p' <<<"$JOB")
printf '%s import of %s households completed in %.1f s\n' "$(at)" "$CREATED" "$IMPORTED"

echo
echo "== 2. catching up: the report agrees with the sources (the probe goes on) =="
# caught up: every imported household counted and evaluated, and no figure differing from the sources
until curl -sf "$R/api/v1/reports/overview?division=$COUNTY" -H "$AUTH" \
    | grep -q "\"households\":$CREATED,.*\"evaluatedHouseholds\":$CREATED," \
    && curl -sf "$R/api/v1/reports/reconciliation?division=$COUNTY" -H "$AUTH" | grep -q '"consistent":true'; do
  sleep 1
done
CAUGHT_UP=$(echo "$(now) - $START" | bc -l)
printf 'no drift %.1f s after the import started (%.1f s after it completed)\n' "$CAUGHT_UP" \
  "$(echo "$CAUGHT_UP - $IMPORTED" | bc -l)"
curl -s -o "$WORK/reconciliation.json" -w 'one reconciliation of the county: %{time_total} s, ' \
  "$R/api/v1/reports/reconciliation?division=$COUNTY" -H "$AUTH"
sed -n 's/.*"villagesCompared":\([0-9]*\),"figuresCompared":\([0-9]*\).*"driftCount":\([0-9]*\).*/\1 villages, \2 figures, drift \3/p' \
  "$WORK/reconciliation.json"
curl -sf "$R/api/v1/reports/overview?division=$COUNTY" -H "$AUTH" | cut -c1-200
echo
wait $PROBE
# the probes apart, while the import ran and after it, and where their time went (bench/probe-breakdown.sh)
probe_phases "$WORK/timeline" "$IMPORT_END" "$(prop postgres.port)" report report-service \
  "while the services caught up with the import's events"

echo
echo "== 3. county overview at $RATE requests/s for $SECONDS_ s =="
# warm-up: each path at the measured rate for as long as it is measured, so that the JIT compilers of the gateway and
# report-service have done their work (a first run straight after a start shows compilation, not the steady state)
for path in overview breakdown; do
  "$JAVA_HOME/bin/java" "$ROOT/bench/ConstantRateLoad.java" "$G/api/v1/reports/$path?division=$COUNTY" "$TOKEN" "$RATE" "$SECONDS_" >/dev/null
done
"$JAVA_HOME/bin/java" "$ROOT/bench/ConstantRateLoad.java" "$R/api/v1/reports/overview?division=$COUNTY" "$TOKEN" "$RATE" "$SECONDS_" >/dev/null
printf 'overview via gateway:   '
"$JAVA_HOME/bin/java" "$ROOT/bench/ConstantRateLoad.java" "$G/api/v1/reports/overview?division=$COUNTY" "$TOKEN" "$RATE" "$SECONDS_"
printf 'overview direct:        '
"$JAVA_HOME/bin/java" "$ROOT/bench/ConstantRateLoad.java" "$R/api/v1/reports/overview?division=$COUNTY" "$TOKEN" "$RATE" "$SECONDS_"
printf 'breakdown via gateway:  '
"$JAVA_HOME/bin/java" "$ROOT/bench/ConstantRateLoad.java" "$G/api/v1/reports/breakdown?division=$COUNTY" "$TOKEN" "$RATE" "$SECONDS_"

echo
echo "== 4. rebuild of every read model from the topics =="
# a rebuild is an operator's action
OPERATOR="Authorization: Bearer $("$ROOT/bin/suite" token --role operator --division "$COUNTY" --subject bench-operator --hours 3)"
REBUILD=$(curl -sf -X POST "$R/api/v1/reports/rebuilds" -H "$OPERATOR")
RID=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$REBUILD")
until VIEW=$(curl -sf "$R/api/v1/reports/jobs/$RID" -H "$OPERATOR") && [[ "$VIEW" == *'"state":"DONE"'* || "$VIEW" == *'"state":"FAILED"'* ]]; do
  sleep 1
done
echo "$VIEW" | sed 's/.*"progress":\({[^}]*}\).*"startedAt":"\([^"]*\)","finishedAt":"\([^"]*\)".*/\1 started \2 finished \3/'
curl -sf "$R/api/v1/reports/reconciliation?division=$COUNTY" -H "$AUTH" | grep -o '"consistent":[a-z]*,"drift":\[[^]]\{0,200\}'
