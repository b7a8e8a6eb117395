# Synthetic counties imported through household-service's API, for the bench scripts (sourced).

# import_county HOUSEHOLD_URL COUNTY HOUSEHOLDS SEED DIR
# generates a county of HOUSEHOLDS households (platform/synthetic-county, written to DIR), imports its divisions, then
# its households, and waits for the import job to end: prints the seconds the household import took, and leaves the
# job's last view in DIR/job.json
import_county() {
  local url=$1 county=$2 households=$3 seed=$4 dir=$5 auth job id started
  mkdir -p "$dir"
  "$JAVA_HOME/bin/java" -jar "$ROOT/platform/synthetic-county/target/synthetic-county.jar" --county "$county" \
    --households "$households" --seed "$seed" --out "$dir" > /dev/null
  auth="Authorization: Bearer $("$ROOT/bin/suite" token --role county-admin --division "$county" \
    --subject bench-importer --hours 2)"
  curl -sf -o /dev/null -X POST "$url/api/v1/divisions/import" -H "$auth" \
    -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$dir/divisions.csv"
  started=$(date +%s.%N)
  job=$(curl -sf -X POST "$url/api/v1/household-imports?fileName=bench-$county.csv" -H "$auth" \
    -H 'Content-Type: text/csv' --data-binary @"$dir/households.csv")
  id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$job")
  until [[ "$job" == *'"status":"COMPLETED"'* || "$job" == *'"status":"FAILED"'* ]]; do
    sleep 0.5
    job=$(curl -sf "$url/api/v1/household-imports/$id" -H "$auth")
  done
  echo "$(date +%s.%N) - $started" | bc -l
  echo "$job" > "$dir/job.json"
}

# An unmeasured import before a measurement. The first import after a start also compiles the code of its path in
# every service it reaches (the JIT): indicator-service evaluated a first import's households at 160-300 a second for
# its first 15 s and a later one's at 500-600, and a person's event waited behind them accordingly. A measurement of
# the steady state imports a small county of its own first.
#
#   warm_up_import HOUSEHOLD_URL COUNTY HOUSEHOLDS DIR SETTLED_SQL PSQL...
# imports a synthetic county of HOUSEHOLDS households (import_county), then waits until SETTLED_SQL (run by the psql
# command PSQL..., with :created replaced by the households created) answers t, and prints how long it all took.
warm_up_import() {
  local url=$1 county=$2 households=$3 dir=$4 settled=$5 imported created from
  shift 5
  imported=$(import_county "$url" "$county" "$households" "$county" "$dir")
  from=$(date +%s.%N)
  created=$(sed -n 's/.*"householdsCreated":\([0-9]*\).*/\1/p' "$dir/job.json")
  until [ "$("$@" -Atc "${settled//:created/$created}")" = t ]; do sleep 1; done
  printf 'warm-up (not measured): %s households imported and caught up with in %.1f s\n' "$created" \
    "$(echo "$imported + $(date +%s.%N) - $from" | bc -l)"
}
