#!/usr/bin/env bash
# Indicator evaluation on a synthetic county, measured in one run:
#  1. event to result while an import runs: HOUSEHOLDS households imported through household-service with
#     indicator-service consuming (project-fund-service and report-service stopped until section 5, so that the
#     figures are indicator-service's and not theirs catching up on the same events; stopped rather than paused: a
#     paused consumer stays in its group until its session times out, and its lag holds household-service's bulk lane
#     for that long); meanwhile a probe registers one household a second and times how long indicator-service
#     takes to answer its evaluation (bench/LatencyProbe.java), over 60 s: printed for all probes, then apart for
#     those committed while the import ran and those committed after it, while indicator-service evaluates the
#     import's households (before it, not measured: an import of 5,000 households of a county of its own, 4592xx,
#     evaluated to the last, and three probes, so that the code of both paths is compiled: the first import after a
#     start evaluated its households at 160-300 a second for its first 15 s, later ones at 500-600);
#  2. event to result of every imported household: from its registration in household-service (registeredAt of its
#     state) to its first result in indicator-service, p50/p95/p99, and how long after the import the last came;
#  3. batch re-evaluation under a changed parameter: the county's monitoring threshold for this year set to 7000 元,
#     and the job re-evaluating its households polled to the end: households/s and how many changed;
#  4. batch re-evaluation under a changed standard: a county standard with the national standard's indicators saved
#     for the county, so that every household gets six new results (first versions: no history rows): households/s;
#  5. that standard retired, with project-fund-service and report-service started again and caught up (report-service
#     agreeing with the sources on every figure of the county, and holding the standard's results): how
#     long report-service takes to hold the new status, and to have every result of the standard out of use;
#  6. with every service consuming, a second county standard saved: its job, and how long after the job ended
#     report-service holds every one of its results (the job's events reach report-service through the bulk lane,
#     paced by the lag of every consumer of indicator-events);
#  7. the jobs of sections 3 and 4 four times more each (project-fund-service and report-service stopped again):
#     sections 3 and 4 time the first job of each kind since the service started, which also pays for compiling that
#     job's code (the JIT) and for a heap still small; these show the same jobs once that is done. The threshold
#     alternates between 6900 and 7000 元; each new standard is retired once its job has ended.
# The county: platform/synthetic-county, HOUSEHOLDS households (about 4 members each) in a county code of its own
# per run (4597xx).
#
# Needs psql and a running suite, run as production does:
#   RURALWATCH_SERVICE_JVM_OPTIONS="-XX:+UseSerialGC -Xms16m -Xmx512m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=60000" bin/suite up
#   bench/indicator-evaluation.sh [HOUSEHOLDS]          default 100000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATEFILE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}/run/suite.properties
HOUSEHOLDS=${1:-100000}
COUNTY=4597$(printf %02d $(( $(date +%s) / 60 % 99 + 1 )))
command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 1; }
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }
source "$ROOT/bin/jdk.sh"
# shellcheck source=bench/quiet.sh
source "$ROOT/bench/quiet.sh"
# shellcheck source=bench/probe-breakdown.sh
source "$ROOT/bench/probe-breakdown.sh"
# shellcheck source=bench/counties.sh
source "$ROOT/bench/counties.sh"
select_jdk
H=$(prop household-service.url)
I=$(prop indicator-service.url)
PSQL=(psql -X -q -h localhost -p "$(prop postgres.port)" -U postgres -d indicator)
WORK=$(mktemp -d)
STOPPED="project-fund-service report-service"
ARE_STOPPED=false
restart_stopped() {
  if $ARE_STOPPED; then
    for c in $STOPPED; do "$ROOT/bin/suite" start "$c" > /dev/null; done
    ARE_STOPPED=false
  fi
}
trap 'restart_stopped; rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
at() { echo "$(date -u +%H:%M:%S)"; }

"$JAVA_HOME/bin/java" -jar "$ROOT/platform/synthetic-county/target/synthetic-county.jar" --county "$COUNTY" \
  --households "$HOUSEHOLDS" --seed "$COUNTY" --out "$WORK"
TOKEN=$("$ROOT/bin/suite" token --role county-admin --division "$COUNTY" --subject bench-indicators --hours 3)
AUTH="Authorization: Bearer $TOKEN"
curl -sf -o /dev/null -X POST "$H/api/v1/divisions/import" -H "$AUTH" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$WORK/divisions.csv"
VILLAGE=$(awk -F, 'NR > 1 && length($1) == 12 {print $1; exit}' "$WORK/divisions.csv")

echo "== 1. event to result while the import runs =="
echo "the suite was quiet after $(wait_quiet) s (CPUs >= 85% idle over 5 s)"
ARE_STOPPED=true
for c in $STOPPED; do "$ROOT/bin/suite" stop "$c" > /dev/null; done
echo "project-fund-service and report-service stopped; indicator-service consumes"
# the first import after a start also compiles household-service's and indicator-service's code for it (the JIT), and
# the first registrations that of a person's path (the first probe of a suite just started took 4.5 s): a small import
# and three probes first, not measured
WARM_COUNTY=4592${COUNTY:4:2}
warm_up_import "$H" "$WARM_COUNTY" 5000 "$WORK/warm-up" "select count(*) >= :created from indicator_result
  where standard_code = 'NATIONAL_HOUSEHOLD_2021' and indicator_code = 'INCOME_ABOVE_THRESHOLD'
    and village_code like '$WARM_COUNTY%'" "${PSQL[@]}"
echo "the suite was quiet after $(wait_quiet) s (CPUs >= 85% idle over 5 s)"
"$JAVA_HOME/bin/java" "$ROOT/bench/LatencyProbe.java" evaluation "$H" "$I" "$TOKEN" "$VILLAGE" 3 300 > /dev/null
START=$(now)
JOB=$(curl -sf -X POST "$H/api/v1/household-imports?fileName=bench-$COUNTY.csv" -H "$AUTH" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/households.csv")
ID=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$JOB")
"$JAVA_HOME/bin/java" "$ROOT/bench/LatencyProbe.java" evaluation "$H" "$I" "$TOKEN" "$VILLAGE" 60 1000 \
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
wait $PROBE
# the same probes apart: those committed while the import ran, and those committed after it, while indicator-service
# evaluated the import's households (their events come through the bulk lane once the import has ended)
probe_phases "$WORK/timeline" "$IMPORT_END" "$(prop postgres.port)" indicator indicator-service \
  "while indicator-service evaluated the import's households"

echo
echo "== 2. event to result of every imported household =="
EVALUATED="select count(*) from indicator_result where standard_code = 'NATIONAL_HOUSEHOLD_2021'
  and indicator_code = 'INCOME_ABOVE_THRESHOLD' and village_code like '$COUNTY%'"
until [ "$("${PSQL[@]}" -Atc "$EVALUATED")" -ge "$CREATED" ]; do sleep 1; done
# when the last imported household got its first result (the probe's households left out: the probe runs 60 s, longer
# than the import and its catching up may take)
PROBES=$(awk '{printf "%s'"'"'%s'"'"'", (NR > 1 ? "," : ""), $1}' "$WORK/timeline")
LAST=$("${PSQL[@]}" -Atc "select extract(epoch from max(evaluated_at)) from indicator_result
  where standard_code = 'NATIONAL_HOUSEHOLD_2021' and indicator_code = 'INCOME_ABOVE_THRESHOLD'
    and village_code like '$COUNTY%' and household_id::text not in (${PROBES:-''})")
CAUGHT_UP=$(echo "$LAST - $START" | bc -l)
printf 'all %s households evaluated %.1f s after the import started (%.1f s after it completed)\n' \
  "$CREATED" "$CAUGHT_UP" "$(echo "$CAUGHT_UP - $IMPORTED" | bc -l)"
"${PSQL[@]}" -Atc "
  with versions as (
    select household_id, standard_code, evaluated_at from indicator_result
    union all
    select household_id, standard_code, evaluated_at from indicator_result_history),
  first as (
    select p.household_id, min(v.evaluated_at) - p.registered_at as lag
    from household_projection p join versions v on v.household_id = p.household_id
    where p.village_code like '$COUNTY%' and v.standard_code = 'NATIONAL_HOUSEHOLD_2021'
    group by p.household_id, p.registered_at)
  select format('registration to first result over %s households: p50 %s ms, p95 %s ms, p99 %s ms',
    count(*),
    round(extract(epoch from percentile_cont(0.5) within group (order by lag)) * 1000),
    round(extract(epoch from percentile_cont(0.95) within group (order by lag)) * 1000),
    round(extract(epoch from percentile_cont(0.99) within group (order by lag)) * 1000))
  from first"

job() {
  local id=$1 view
  until view=$(curl -sf "$I/api/v1/evaluation-jobs/$id" -H "$AUTH") && [[ "$view" == *'"state":"DONE"'* ]]; do sleep 0.5; done
  "${PSQL[@]}" -Atc "select format('job: %s households in %s s = %s households/s, %s changed',
      (result ->> 'processed')::int, round(extract(epoch from finished_at - started_at)::numeric, 1),
      round((result ->> 'processed')::int / extract(epoch from finished_at - started_at)::numeric),
      result ->> 'changedHouseholds')
    from background_job where id = '$id'"
}

# the re-evaluation job a saved standard or parameter value started
job_of() { sed -n 's/.*"evaluationJobId":"\([^"]*\)".*/\1/p' <<<"$1"; }
# results of a standard held by indicator-service, and by report-service
indicator_results() { "${PSQL[@]}" -Atc "select count(*) from indicator_result where standard_code = '$1'"; }
report_results() { "${REPORT[@]}" -Atc "select count(*) from report_indicator_result where standard_code = '$1'"; }
REPORT=(psql -X -q -h localhost -p "$(prop postgres.port)" -U postgres -d report)

echo
echo "== 3. re-evaluation after the county's monitoring threshold changed =="
SAVED=$(curl -sf -X POST "$I/api/v1/standard-parameters" -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"name\":\"monitoringThreshold\",\"regionCode\":\"$COUNTY\",\"year\":$(date +%Y),\"value\":7000,\"note\":\"benchmark\"}")
job "$(job_of "$SAVED")"

echo
echo "== 4. re-evaluation under a new standard for the county (every result new) =="
DEFINITION=$(curl -sf "$I/api/v1/indicator-standards/NATIONAL_HOUSEHOLD_2021" -H "$AUTH" \
  | sed 's/^.*"definition":\(.*\)}$/\1/' \
  | sed "s/\"code\":\"NATIONAL_HOUSEHOLD_2021\"/\"code\":\"BENCH_$COUNTY\"/; s/\"regionCode\":\"\"/\"regionCode\":\"$COUNTY\"/")
SAVED=$(curl -sf -X POST "$I/api/v1/indicator-standards" -H "$AUTH" -H 'Content-Type: application/json' -d "$DEFINITION")
job "$(job_of "$SAVED")"

echo
echo "== 5. retirement of the county standard, in report-service =="
restart_stopped
R=$(prop report-service.url)
HELD=$(indicator_results "BENCH_$COUNTY")
echo "project-fund-service and report-service started again; waiting for report-service to agree with the sources" \
  "and to hold the standard's $HELD results"
until [ "$(report_results "BENCH_$COUNTY")" -ge "$HELD" ] && curl -sf "$R/api/v1/reports/reconciliation?division=$COUNTY" -H "$AUTH" | grep -q '"consistent":true'; do
  sleep 1
done
RETIRED=$(now)
curl -sf -o /dev/null -X POST "$I/api/v1/indicator-standards/BENCH_$COUNTY/retirement" -H "$AUTH"
until [ "$("${REPORT[@]}" -Atc "select count(*) from report_standard where code = 'BENCH_$COUNTY' and status = 'RETIRED'")" \
  = 1 ]; do sleep 0.1; done
printf 'status held by report-service %.1f s after the retirement\n' "$(echo "$(now) - $RETIRED" | bc -l)"
until [ "$("${REPORT[@]}" -Atc "select count(*) from report_indicator_result where standard_code = 'BENCH_$COUNTY' and in_use")" \
  = 0 ] && [ "$("${REPORT[@]}" -Atc "select count(*) from report_evaluation where standard_code = 'BENCH_$COUNTY' and in_use")" \
  = 0 ]; do sleep 0.5; done
printf '%s results and their evaluations out of use %.1f s after the retirement\n' "$HELD" "$(echo "$(now) - $RETIRED" | bc -l)"

echo
echo "== 6. a new standard's results in report-service, every service consuming =="
SAVED=$(curl -sf -X POST "$I/api/v1/indicator-standards" -H "$AUTH" -H 'Content-Type: application/json' \
  -d "${DEFINITION//BENCH_$COUNTY/BENCH2_$COUNTY}")
JOB_ID=$(job_of "$SAVED")
job "$JOB_ID"
HELD=$(indicator_results "BENCH2_$COUNTY")
until [ "$(report_results "BENCH2_$COUNTY")" -ge "$HELD" ]; do sleep 0.2; done
"${PSQL[@]}" -Atc "select format('report-service held the standard''s %s results %s s after the job ended', $HELD,
  round(extract(epoch from now() - finished_at)::numeric, 1)) from background_job where id = '$JOB_ID'"
curl -sf -o /dev/null -X POST "$I/api/v1/indicator-standards/BENCH2_$COUNTY/retirement" -H "$AUTH"

echo
echo "== 7. the jobs of sections 3 and 4 again, warm =="
ARE_STOPPED=true
for c in $STOPPED; do "$ROOT/bin/suite" stop "$c" > /dev/null; done
for i in 1 2 3 4; do
  VALUE=$(( i % 2 == 1 ? 6900 : 7000 ))
  SAVED=$(curl -sf -X POST "$I/api/v1/standard-parameters" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"name\":\"monitoringThreshold\",\"regionCode\":\"$COUNTY\",\"year\":$(date +%Y),\"value\":$VALUE,\"note\":\"benchmark\"}")
  printf 'threshold %s, ' "$VALUE"
  job "$(job_of "$SAVED")"
done
for i in 1 2 3 4; do
  SAVED=$(curl -sf -X POST "$I/api/v1/indicator-standards" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "${DEFINITION//BENCH_$COUNTY/BENCH_W${i}_$COUNTY}")
  printf 'new standard BENCH_W%s, ' "$i"
  job "$(job_of "$SAVED")"
  curl -sf -o /dev/null -X POST "$I/api/v1/indicator-standards/BENCH_W${i}_$COUNTY/retirement" -H "$AUTH"
done
