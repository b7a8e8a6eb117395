#!/usr/bin/env bash
# Nothing accepted is lost, at county size: a synthetic county of HOUSEHOLDS households is imported through the
# gateway while
#  1. PostgreSQL is stopped for OUTAGE seconds (callers get 503 with Retry-After meanwhile),
#  2. the import's household-service and then every consuming service is killed with SIGKILL and started again,
#  3. Kafka is stopped for OUTAGE seconds while REGISTERED households are registered through the API;
# then it waits until the suite has caught up and checks the conservation the issue asks for: the import completed
# once with every household, household-service's counts = indicator-service's evaluated households = report-service's
# overview, reconciliation without drift, no event applied twice (inbox rows = events), no dead letter, an audit entry
# for every household created. It prints how long each phase took and how long the suite needed to agree again.
#
# Needs a running suite (bin/suite up, as production runs it), psql and curl:
#   RURALWATCH_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=100000 RURALWATCH_GATEWAY_RATE_LIMIT_BURST=100000 \
#   RURALWATCH_SERVICE_JVM_OPTIONS="-XX:+UseSerialGC -Xms16m -Xmx512m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=60000" bin/suite up
#   bench/fault-injection.sh [HOUSEHOLDS] [OUTAGE] [REGISTERED]            defaults: 20000, 300, 50
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}
STATEFILE=$STATE/run/suite.properties
HOUSEHOLDS=${1:-20000}
OUTAGE=${2:-300}
REGISTERED=${3:-50}
COUNTY=4597$(printf %02d $(( $(date +%s) / 60 % 99 + 1 )))
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }
source "$ROOT/bin/jdk.sh"
select_jdk
G=$(prop gateway.url)
PSQL=(psql -h localhost -p "$(prop postgres.port)" -U postgres -v ON_ERROR_STOP=1 -Atq)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s; }
at() { date -u +%H:%M:%S; }
suite() { "$ROOT/bin/suite" "$@" >/dev/null; }
q() { "${PSQL[@]}" -d "$1" -c "$2"; }

"$JAVA_HOME/bin/java" -jar "$ROOT/platform/synthetic-county/target/synthetic-county.jar" --county "$COUNTY" \
  --households "$HOUSEHOLDS" --seed "$COUNTY" --out "$WORK" >/dev/null
ADMIN="Authorization: Bearer $("$ROOT/bin/suite" token --role county-admin --division "$COUNTY" --subject bench-faults --hours 6)"
OPERATOR="Authorization: Bearer $("$ROOT/bin/suite" token --role operator --division "$COUNTY" --subject bench-ops --hours 6)"
AUDITOR="Authorization: Bearer $("$ROOT/bin/suite" token --role auditor --division "$COUNTY" --subject bench-audit --hours 6)"
curl -sf -o /dev/null -X POST "$G/api/v1/divisions/import" -H "$ADMIN" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$WORK/divisions.csv"
START=$(now)
IMPORT=$(curl -sf -X POST "$G/api/v1/household-imports?fileName=faults.csv" -H "$ADMIN" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/households.csv" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
echo "$(at) county $COUNTY: importing $HOUSEHOLDS households (import $IMPORT)"
status() { curl -s "$G/api/v1/household-imports/$IMPORT" -H "$ADMIN"; }
until [[ "$(status)" == *'"processedRows":'[1-9]* ]]; do sleep 1; done

echo "$(at) 1. PostgreSQL stopped for $OUTAGE s"
suite stop postgres
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$G/api/v1/households?division=$COUNTY" -H "$ADMIN")
RETRY=$(curl -s -D - -o /dev/null "$G/api/v1/households?division=$COUNTY" -H "$ADMIN" | sed -n 's/^[Rr]etry-[Aa]fter: *//p' | tr -d '\r')
echo "           a read meanwhile: HTTP $CODE, Retry-After ${RETRY:-none}"
sleep "$OUTAGE"
suite start postgres
echo "$(at)    PostgreSQL back"

echo "$(at) 2. services killed with SIGKILL and started again"
for service in household-service indicator-service project-fund-service report-service; do
  suite kill "$service"
  suite start "$service"
  echo "$(at)    $service back"
done

echo "$(at) 3. Kafka stopped for $OUTAGE s; $REGISTERED households registered meanwhile"
suite stop kafka
KAFKA_DOWN=$(now)
VILLAGE=${COUNTY}101201
# valid ID numbers (ISO 7064 MOD 11-2 check digit) born in a year of this run's own
id_number() {
  local body=$1 sum=0 weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks=10X98765432 k
  for k in $(seq 0 16); do sum=$(( sum + ${body:k:1} * weights[k] )); done
  echo "$body${checks:$(( sum % 11 )):1}"
}
YEAR=$(( 1940 + ${COUNTY:4:2} % 40 ))
for i in $(seq 1 "$REGISTERED"); do
  ID=$(id_number "110105${YEAR}0101$(printf %03d "$i")")
  CODE=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$G/api/v1/households" -H "$ADMIN" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: faults-$COUNTY-$i" \
    -d "{\"villageCode\":\"$VILLAGE\",\"members\":[{\"name\":\"故障户$i\",\"idNumber\":\"$ID\",\"relation\":\"HEAD\"}]}")
  [ "$CODE" = 201 ] || echo "           registration $i answered $CODE"
done
sleep $(( OUTAGE - ($(now) - KAFKA_DOWN) > 0 ? OUTAGE - ($(now) - KAFKA_DOWN) : 0 ))
suite start kafka
RECOVERED=$(now)
echo "$(at)    Kafka back"

until [[ "$(status)" == *'"status":"COMPLETED"'* || "$(status)" == *'"status":"FAILED"'* ]]; do sleep 2; done
echo "$(at) import: $(status | grep -o '"status":"[A-Z]*"\|"households[A-Za-z]*":[0-9]*\|"membersStored":[0-9]*' | tr -d '"' | tr '\n' ' ')"
EXPECTED=$(q household "select count(*) from household where village_code like '$COUNTY%'")
until [[ "$(curl -s "$G/api/v1/reports/reconciliation?division=$COUNTY" -H "$ADMIN")" == *'"driftCount":0'* ]]; do
  sleep 2
done
AGREED=$(now)
echo "$(at) every service agrees: $(( AGREED - RECOVERED )) s after the last fault ended, $(( AGREED - START )) s after the import began"

echo
echo "== conservation =="
printf '%-52s %s\n' "households in household-service" "$EXPECTED"
printf '%-52s %s\n' "evaluated households in indicator-service" \
  "$(q indicator "select count(distinct household_id) from household_projection where village_code like '$COUNTY%'")"
printf '%-52s %s\n' "households in report-service's overview" \
  "$(curl -s "$G/api/v1/reports/overview?division=$COUNTY" -H "$ADMIN" | grep -o '"households":[0-9]*' | head -1 | cut -d: -f2)"
# each household.registered.v1 of the county applied exactly once by report-service
q household "select event_id from outbox_event where event_type = 'household.registered.v1'
  and aggregate_id in (select id::text from household where village_code like '$COUNTY%')" >"$WORK/events"
printf '%-52s %s of %s\n' "household.registered.v1 applied once by report-service" \
  "$("${PSQL[@]}" -d report <<SQL
create temp table published (event_id text);
\\copy published from '$WORK/events'
select count(*) from published p join inbox_event i on i.event_id = p.event_id and i.consumer = 'report-service';
SQL
)" "$(wc -l <"$WORK/events")"
printf '%-52s %s\n' "report_household rows of the county" \
  "$(q report "select count(*) from report_household where village_code like '$COUNTY%'")"
for db in household indicator project_fund report; do
  printf '%-52s %s\n' "dead letters parked in $db" "$(q "$db" "select count(*) from dead_letter where state = 'PARKED'")"
done
printf '%-52s %s\n' "household CREATE audit entries of the county" \
  "$(curl -s "$G/api/v1/audit-entries?entityType=household&action=CREATE&size=1" -H "$AUDITOR" | grep -o '"totalItems":[0-9]*' | cut -d: -f2)"
printf '%-52s %s\n' "import job attempts" \
  "$(q household "select j.attempts from background_job j join household_import i on i.job_id = j.id where i.id = '$IMPORT'")"
curl -s "$G/api/v1/dead-letters/report-service?state=PARKED" -H "$OPERATOR" | grep -o '"totalItems":[0-9]*' \
  | sed 's/^/report-service dead letters via the API: /'
