#!/usr/bin/env bash
# Disbursements under concurrency: CLIENTS clients send REQUESTS disbursement requests in all to project-fund-service,
# spread over PROJECTS projects of one county, each approved with a budget of BUDGET yuan from one fund batch
# (bench/DisbursementLoad.java sets them up and sends the load; amounts 100–5,000 yuan, so that together the requests
# ask for more than the budgets and the last ones for each project are refused). Prints the throughput, the latency
# percentiles, and then checks in the database that nothing was overspent: no budget line above its amount, each
# line's paid total equal to its disbursement rows and to what the clients were told was paid, and the batch's lines
# within the batch.
#
# Needs psql and a running suite, run as production does:
#   RURALWATCH_SERVICE_JVM_OPTIONS="-XX:+UseSerialGC -Xms16m -Xmx512m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=60000" bin/suite up
#   bench/disbursement-concurrency.sh [REQUESTS] [CLIENTS] [PROJECTS] [BUDGET]   defaults: 10000 50 20 1000000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATEFILE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}/run/suite.properties
REQUESTS=${1:-10000}
CLIENTS=${2:-50}
PROJECTS=${3:-20}
BUDGET=${4:-1000000}
COUNTY=4598$(printf %02d $(( $(date +%s) / 60 % 99 + 1 )))
command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 1; }
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }
source "$ROOT/bin/jdk.sh"
select_jdk
F=$(prop project-fund-service.url)
H=$(prop household-service.url)
PSQL=(psql -X -q -h localhost -p "$(prop postgres.port)" -U postgres -d project_fund)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TOKEN=$("$ROOT/bin/suite" token --role county-admin --division "$COUNTY" --subject bench-disbursements --hours 1)

# the county, a township and a village, registered in household-service; project-fund-service learns them from
# household-events, so the load starts once its database holds the village (at most 30 s)
for division in "{\"code\":\"$COUNTY\",\"name\":\"压测县\",\"level\":\"COUNTY\"}" \
    "{\"code\":\"${COUNTY}101\",\"name\":\"压测镇\",\"level\":\"TOWNSHIP\",\"parentCode\":\"$COUNTY\"}" \
    "{\"code\":\"${COUNTY}101201\",\"name\":\"压测村\",\"level\":\"VILLAGE\",\"parentCode\":\"${COUNTY}101\"}"; do
  curl -sf -o /dev/null -X POST "$H/api/v1/divisions" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$division"
done
KNOWN="select count(*) from known_division where code = '${COUNTY}101201'"
for _ in $(seq 150); do [ "$("${PSQL[@]}" -Atc "$KNOWN")" = 1 ] && break; sleep 0.2; done
[ "$("${PSQL[@]}" -Atc "$KNOWN")" = 1 ] || { echo "project-fund-service did not learn county $COUNTY" >&2; exit 1; }

"$JAVA_HOME/bin/java" "$ROOT/bench/DisbursementLoad.java" "$F" "$TOKEN" "$COUNTY" "$REQUESTS" "$CLIENTS" \
  "$PROJECTS" "$BUDGET" | tee "$WORK/load.txt" | grep -v '^paid '

echo "== checks in project-fund-service's database =="
"${PSQL[@]}" -Atc "
  select format('budget lines above their amount: %s', count(*)) from project_budget_line l
    join project p on p.id = l.project_id where p.county_code = '$COUNTY' and l.disbursed > l.amount"
"${PSQL[@]}" -Atc "
  select format('lines whose paid total differs from their disbursement rows: %s', count(*)) from project_budget_line l
    join project p on p.id = l.project_id
   where p.county_code = '$COUNTY'
     and l.disbursed <> (select coalesce(sum(d.amount), 0) from disbursement d
                          where d.project_id = l.project_id and d.batch_id = l.batch_id)"
"${PSQL[@]}" -Atc "
  select format('batch %s: amount %s, allocated %s, paid %s (%s%%)', b.id, b.amount, b.allocated, sum(l.disbursed),
                round(sum(l.disbursed) * 100 / b.amount, 2))
    from fund_batch b join project_budget_line l on l.batch_id = b.id where b.county_code = '$COUNTY' group by b.id"
DIFFER=0
while read -r _ project amount; do
  stored=$("${PSQL[@]}" -Atc "select disbursed from project_budget_line where project_id = '$project'")
  [ "$stored" = "$amount" ] || { echo "project $project: clients were told $amount was paid, the line holds $stored"; DIFFER=$((DIFFER + 1)); }
done < <(grep '^paid ' "$WORK/load.txt")
echo "projects where what the clients were told differs from the line: $DIFFER"
