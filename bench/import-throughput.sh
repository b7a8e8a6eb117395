#!/usr/bin/env bash
# Bulk import of a synthetic county, measured in one run:
#  1. the floor: a raw PostgreSQL COPY of the household file's rows (psql \copy into a table of text columns, no
#     index, no checks) in household-service's database;
#  2. the same file through the import API of household-service: POST /api/v1/household-imports, then the job polled
#     until COMPLETED (the services consuming its events paused meanwhile, see below); before it, a county of the same
#     size imported with every consumer running, once the suite is quiet (the same wait as before 4.), and before both
#     a third county, not measured, so that neither measured import pays for household-service's JIT. End to end:
#     every row read, checked as a registration, ID numbers encrypted and hashed, and households, members, incomes,
#     revisions, events and audit entries in the outbox committed;
#  2b. the write set: the rows the import wrote (households, members, incomes, revisions, events and audit entries in
#     the outbox), copied out and loaded again by COPY into empty tables with the same indexes and foreign keys. This is
#     what storing the import costs PostgreSQL alone, with no reading, checking, encryption or JSON on the Java side;
#  3. the peak resident memory of household-service (VmHWM), and (5.) its resident memory once it has been idle for
#     45 s after the searches, against the 400 MiB target;
#  4. searches over the loaded county for 20 s with wrk (exact ID number, name prefix in a township, category and
#     risk state in the county, income band in a village), after 10 s of the same unmeasured: latency percentiles.
#     Measured once the suite is quiet: for a while after the imports household-service publishes their events,
#     PostgreSQL vacuums and analyses the new rows (and with BENCH_CONSUMERS=run the other services consume the
#     events for minutes), and searches measured meanwhile would measure that work too, different in every run. The
#     wait (until the machine's CPUs are 85% idle over 5 s, at most 15 min) is printed.
# The county: platform/synthetic-county, HOUSEHOLDS households (about 4 members each) in a county code of its own
# per run (4599xx), so that runs against the same database do not meet.
#
# Needs wrk, psql and a running suite. Run the services as production does (full JIT; the heap of household-service's
# container, whose 1 GB limit gives it at most 512 MB, starting at 16 MB, see docker/service/Containerfile):
#   RURALWATCH_SERVICE_JVM_OPTIONS="-XX:+UseSerialGC -Xms16m -Xmx512m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=60000" bin/suite up
#   bench/import-throughput.sh [HOUSEHOLDS]          default 100000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATEFILE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}/run/suite.properties
HOUSEHOLDS=${1:-100000}
COUNTY=4599$(printf %02d $(( $(date +%s) / 60 % 99 + 1 )))
# the county imported with the consumers running (section 2a), and the one imported before to warm up (2a')
RUNNING_COUNTY=4594${COUNTY:4:2}
WARM_COUNTY=4593${COUNTY:4:2}
for tool in wrk psql; do
  command -v $tool >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }
source "$ROOT/bin/jdk.sh"
# shellcheck source=bench/quiet.sh
source "$ROOT/bench/quiet.sh"
# shellcheck source=bench/counties.sh
source "$ROOT/bench/counties.sh"
select_jdk
H=$(prop household-service.url)
PID=$(prop household-service.pid)
PSQL=(psql -X -q -h localhost -p "$(prop postgres.port)" -U postgres -d household)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; "${PSQL[@]}" -c "drop table if exists bench_copy_floor" >/dev/null 2>&1 || true' EXIT
now() { date +%s.%N; }

"$JAVA_HOME/bin/java" -jar "$ROOT/platform/synthetic-county/target/synthetic-county.jar" --county "$COUNTY" \
  --households "$HOUSEHOLDS" --seed "$COUNTY" --out "$WORK"
ROWS=$(( $(wc -l <"$WORK/households.csv") - 1 ))
echo "file: $(du -h "$WORK/households.csv" | cut -f1), $ROWS member rows"

echo
echo "== 1. raw COPY of the same rows =="
COLUMNS=$(head -1 "$WORK/households.csv" | tr ',' '\n' | awk '{printf "%sc%d text", (NR>1?", ":""), NR}')
"${PSQL[@]}" -c "drop table if exists bench_copy_floor; create table bench_copy_floor ($COLUMNS)"
START=$(now)
"${PSQL[@]}" -c "\\copy bench_copy_floor from '$WORK/households.csv' with (format csv, header true)"
COPY_SECONDS=$(echo "$(now) - $START" | bc -l)
printf 'COPY: %d rows in %.2f s = %.0f rows/s\n' "$ROWS" "$COPY_SECONDS" "$(echo "$ROWS / $COPY_SECONDS" | bc -l)"

echo
echo "== 2. through the import API =="
TOKEN=$("$ROOT/bin/suite" token --role county-admin --division "$COUNTY" --subject bench-importer --hours 2)
AUTH="Authorization: Bearer $TOKEN"
curl -sf -o /dev/null -X POST "$H/api/v1/divisions/import" -H "$AUTH" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$WORK/divisions.csv"
# On this 2-core machine the services consuming household-events (indicator, project-fund, report) would take the
# CPU the import and the searches need while they process the same hundred thousand households; they are paused until
# the end, so that the figures are household-service's own, and resumed afterwards (BENCH_CONSUMERS=run leaves them
# running).
CONSUMERS="$(prop indicator-service.pid) $(prop project-fund-service.pid) $(prop report-service.pid)"
RUNNING_SECONDS=
if [ "${BENCH_CONSUMERS:-pause}" = pause ]; then
  # 2a'. household-service's first import after a start also pays for compiling its code (the JIT's C2 threads spent
  # 12 s of CPU on a 20,000-household import right after a start, 2-4 s on each later one): an unmeasured import of
  # a county of its own comes first, so that the two measured imports below are set against each other, not against
  # the start
  printf 'warm-up import (not measured): %.2f s\n' \
    "$(import_county "$H" "$WARM_COUNTY" "$HOUSEHOLDS" "$COUNTY" "$WORK/warm-up")"
  # the services still working off earlier events (the warm-up, a previous run's paused import, a re-evaluation)
  # would slow this import down with work that is not its own
  echo "the suite was quiet after $(wait_quiet) s (CPUs >= 85% idle over 5 s)"
  # 2a. first the same import (a county of its own, same size and seed shape) with every consumer running, to set the
  # paused import against: how much the consumers' work during an import slows it down on this machine
  RUNNING_SECONDS=$(import_county "$H" "$RUNNING_COUNTY" "$HOUSEHOLDS" "$COUNTY" "$WORK/running")
  printf 'with every consumer running: %s households imported in %.2f s\n' "$HOUSEHOLDS" "$RUNNING_SECONDS"
fi
if [ "${BENCH_CONSUMERS:-pause}" = pause ]; then
  kill -STOP $CONSUMERS
  trap 'kill -CONT $CONSUMERS 2>/dev/null; rm -rf "$WORK"; "${PSQL[@]}" -c "drop table if exists bench_copy_floor" >/dev/null 2>&1 || true' EXIT
  echo "consumers paused during the import"
fi
OUTBOX_BEFORE=$("${PSQL[@]}" -Atc "select coalesce(max(id), 0) from outbox_event")
RSS_BEFORE=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
START=$(now)
JOB=$(curl -sf -X POST "$H/api/v1/household-imports?fileName=bench-$COUNTY.csv" -H "$AUTH" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/households.csv")
ACCEPTED=$(echo "$(now) - $START" | bc -l)
ID=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$JOB")
until [[ "$JOB" == *'"status":"COMPLETED"'* || "$JOB" == *'"status":"FAILED"'* ]]; do
  sleep 0.5
  JOB=$(curl -sf "$H/api/v1/household-imports/$ID" -H "$AUTH")
done
SECONDS_API=$(echo "$(now) - $START" | bc -l)
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$JOB"; }
MEMBERS=$(field membersStored)
printf 'accepted (upload, hash, header check, stored) in %.2f s\n' "$ACCEPTED"
printf 'import: %s households created, %s rejected, %s members in %.2f s = %.0f members/s\n' \
  "$(field householdsCreated)" "$(field householdsRejected)" "$MEMBERS" "$SECONDS_API" \
  "$(echo "$MEMBERS / $SECONDS_API" | bc -l)"
if [ -n "$RUNNING_SECONDS" ]; then
  printf 'with every consumer running it took %.2f s: %.2f× the paused import (issue target ≤ 1.5×)\n' \
    "$RUNNING_SECONDS" "$(echo "$RUNNING_SECONDS / $SECONDS_API" | bc -l)"
fi
printf 'ratio to raw COPY: %.1f%% of COPY rows/s (COPY %.1f× faster)\n' \
  "$(echo "100 * ($MEMBERS / $SECONDS_API) / ($ROWS / $COPY_SECONDS)" | bc -l)" \
  "$(echo "($ROWS / $COPY_SECONDS) / ($MEMBERS / $SECONDS_API)" | bc -l)"

echo
echo "== 2b. the import's write set by COPY =="
FLOOR_TABLES="household member household_income household_revision outbox_event"
"${PSQL[@]}" -c "drop table if exists $(sed 's/\([a-z_]*\)/bench_floor_\1/g; s/ /, /g' <<<"$FLOOR_TABLES")"
for table in $FLOOR_TABLES; do
  case $table in
    household) rows="select * from household where village_code like '$COUNTY%'" ;;
    outbox_event) rows="select * from outbox_event where id > $OUTBOX_BEFORE" ;;
    *) rows="select t.* from $table t join household h on h.id = t.household_id where h.village_code like '$COUNTY%'" ;;
  esac
  "${PSQL[@]}" -c "create table bench_floor_$table (like $table including all)" \
    -c "\\copy ($rows) to '$WORK/floor-$table.csv' with (format csv)"
  [ "$table" = household ] || [ "$table" = outbox_event ] \
    || "${PSQL[@]}" -c "alter table bench_floor_$table add foreign key (household_id) references bench_floor_household (id)"
done
"${PSQL[@]}" -c "alter table bench_floor_household add foreign key (village_code) references division (code)" -c checkpoint
START=$(now)
for table in $FLOOR_TABLES; do
  "${PSQL[@]}" -c "\\copy bench_floor_$table from '$WORK/floor-$table.csv' with (format csv)"
done
FLOOR_SECONDS=$(echo "$(now) - $START" | bc -l)
printf 'COPY of the rows the import wrote (%s MiB): %.2f s = %.0f members/s; the import took %.1f× as long\n' \
  "$(( $(cat "$WORK"/floor-*.csv | wc -c) / 1048576 ))" "$FLOOR_SECONDS" "$(echo "$MEMBERS / $FLOOR_SECONDS" | bc -l)" \
  "$(echo "$SECONDS_API / $FLOOR_SECONDS" | bc -l)"
"${PSQL[@]}" -c "drop table $(sed 's/\([a-z_]*\)/bench_floor_\1/g; s/ /, /g' <<<"$FLOOR_TABLES")"
# what each household cost in stored bytes (pg_column_size of the rows, TOAST-compressed as PostgreSQL keeps them), by
# what the bytes say: the household's own rows, its revision, and each kind of event the import put in the outbox
HOUSEHOLDS_STORED=$(field householdsCreated)
echo "write set per household stored (bytes; issue target: 6 KB in all):"
"${PSQL[@]}" -At -F ' ' -c "
  with county as (select id from household where village_code like '$COUNTY%'),
  kinds as (
    select 'rows (household, members, incomes)' as kind,
           (select coalesce(sum(pg_column_size(h.*)), 0) from household h join county c on c.id = h.id)
         + (select coalesce(sum(pg_column_size(m.*)), 0) from member m join county c on c.id = m.household_id)
         + (select coalesce(sum(pg_column_size(i.*)), 0) from household_income i join county c on c.id = i.household_id)
           as bytes
    union all
    select 'revision', (select coalesce(sum(pg_column_size(r.*)), 0) from household_revision r join county c on c.id = r.household_id)
    union all
    select 'event ' || event_type, sum(pg_column_size(o.*)) from outbox_event o where id > $OUTBOX_BEFORE group by event_type)
  select to_char(bytes / greatest($HOUSEHOLDS_STORED, 1), '999999') || '  ' || kind from kinds
  union all
  select to_char(sum(bytes) / greatest($HOUSEHOLDS_STORED, 1), '999999') || '  in all ('
         || to_char(sum(bytes) / greatest($HOUSEHOLDS_STORED, 1) / 6144.0, 'FM990.0') || '× the 6 KB target)' from kinds"

echo
echo "== 3. household-service memory =="
echo "RSS before $((RSS_BEFORE / 1024)) MiB, peak (VmHWM) $(( $(awk '/VmHWM/ {print $2}' "/proc/$PID/status") / 1024 )) MiB, now $(( $(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024 )) MiB"

echo
echo "== 4. search over the county, 20 s after 10 s of warm-up, 4 connections =="
echo "the suite was quiet $(wait_quiet) s after the imports (CPUs >= 85% idle over 5 s)"
"${PSQL[@]}" -c "analyze household; analyze member"
# names are UTF-8: the first character of a Chinese name is its first three bytes
LC_ALL=C awk -F, -v county="$COUNTY" 'NR > 1 && NR % 997 == 2 {
  print "{\"idNumber\":\"" $4 "\"}"
  print "{\"division\":\"" substr($2, 1, 9) "\",\"name\":\"" substr($3, 1, 3) "\",\"size\":20}"
  print "{\"division\":\"" county "\",\"category\":\"EDGE_AT_RISK\",\"riskState\":\"AT_RISK\",\"size\":20}"
  print "{\"division\":\"" $2 "\",\"incomeFrom\":0,\"incomeTo\":9000,\"sort\":\"INCOME\",\"size\":20}"
}' "$WORK/households.csv" >"$WORK/bodies.txt"
# the same searches for 10 s first, unmeasured: a JVM's first searches compile their code (household-service may have
# been restarted before this run), and a user's searches meet a service that has been serving for a while
BODIES="$WORK/bodies.txt" TOKEN=$TOKEN wrk -t2 -c4 -d10s -s "$ROOT/bench/search.lua" "$H" >/dev/null
BODIES="$WORK/bodies.txt" TOKEN=$TOKEN wrk -t2 -c4 -d20s --latency -s "$ROOT/bench/search.lua" "$H" \
  | sed -n '/Latency Distribution/,/Requests\/sec/p'

echo
echo "== 5. household-service memory once idle =="
# a service that has been quiet for 30 s after its heap grew collects it once and trims the C library's free memory
# (platform/idle-memory); the consuming services are still paused here, they consume the imports' events once this
# script ends
sleep 45
COLLECTIONS=$(curl -fsS "$(prop household-service.management.url)/q/metrics" \
  | awk '/^ruralwatch_idle_heap_collections_total/ {print int($2)}')
echo "RSS 45 s after the searches: $(( $(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024 )) MiB (target <= 400 MiB);" \
  "idle collections so far: ${COLLECTIONS:-?}"
