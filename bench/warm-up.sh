# An unmeasured import before a measurement, for the bench scripts (sourced). The first import after a start also
# compiles the code of its path in every service it reaches (the JIT): indicator-service evaluated a first import's
# households at 160-300 a second for its first 15 s and a later one's at 500-600, and a person's event waited behind
# them accordingly. A measurement of the steady state imports a small county of its own first.
#
#   warm_up_import HOUSEHOLD_URL COUNTY HOUSEHOLDS DIR SETTLED_SQL PSQL...
# imports a synthetic county of HOUSEHOLDS households (platform/synthetic-county, written to DIR), waits for the import
# to end, then until SETTLED_SQL (run by the psql command PSQL..., with :created replaced by the households created)
# answers t, and prints how long it all took.
warm_up_import() {
  local url=$1 county=$2 households=$3 dir=$4 settled=$5 auth job id created from
  shift 5
  mkdir -p "$dir"
  "$JAVA_HOME/bin/java" -jar "$ROOT/platform/synthetic-county/target/synthetic-county.jar" --county "$county" \
    --households "$households" --seed "$county" --out "$dir" > /dev/null
  auth="Authorization: Bearer $("$ROOT/bin/suite" token --role county-admin --division "$county" \
    --subject bench-warm-up --hours 1)"
  curl -sf -o /dev/null -X POST "$url/api/v1/divisions/import" -H "$auth" \
    -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$dir/divisions.csv"
  from=$(date +%s.%N)
  job=$(curl -sf -X POST "$url/api/v1/household-imports?fileName=bench-$county.csv" -H "$auth" \
    -H 'Content-Type: text/csv' --data-binary @"$dir/households.csv")
  id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$job")
  until [[ "$job" == *'"status":"COMPLETED"'* || "$job" == *'"status":"FAILED"'* ]]; do
    sleep 0.5
    job=$(curl -sf "$url/api/v1/household-imports/$id" -H "$auth")
  done
  created=$(sed -n 's/.*"householdsCreated":\([0-9]*\).*/\1/p' <<<"$job")
  until [ "$("$@" -Atc "${settled//:created/$created}")" = t ]; do sleep 1; done
  printf 'warm-up (not measured): %s households imported and caught up with in %.1f s\n' "$created" \
    "$(echo "$(date +%s.%N) - $from" | bc -l)"
}
