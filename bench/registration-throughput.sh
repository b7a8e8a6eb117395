#!/usr/bin/env bash
# The cost of personal-data encryption on household registration, same run:
#  1. the crypto work of one registration and one full read, AES-256-GCM and SM4-GCM, in one JVM
#     (bench/PersonalDataCost.java: 6 encryptions, 4 keyed hashes and the duplicate-check candidates per household);
#  2. registrations per second of 4-member households with phone and bank account, posted directly to
#     household-service (which encrypts in the mode it runs in) for DURATION with CONNECTIONS connections.
# The share of (1) in (2) is the cost of encryption; throughput without it is (2) / (1 - share).
# Needs wrk and a running suite (bin/suite up, or RURALWATCH_PERSONAL_DATA_MODE=sm bin/suite up for SM mode).
#
#   bench/registration-throughput.sh [DURATION] [CONNECTIONS]      defaults: 20s, 8 connections, 2 threads
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATEFILE=${RURALWATCH_STATE_DIR:-$ROOT/.suite}/run/suite.properties
DURATION=${1:-20s}
CONNECTIONS=${2:-8}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -f "$STATEFILE" ] || { echo "The suite is not running: bin/suite up" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$STATEFILE" | sed 's/\\:/:/g'; }
source "$ROOT/bin/jdk.sh"
# shellcheck source=bench/quiet.sh
source "$ROOT/bench/quiet.sh"
select_jdk
JAVA=$JAVA_HOME/bin/java

echo "== crypto work per household (single thread) =="
BCPROV=$(find "$HOME/.m2/repository/org/bouncycastle/bcprov-jdk18on" -name 'bcprov-jdk18on-*.jar' | sort -V | tail -1)
"$JAVA" -cp "$ROOT/platform/personal-data/target/classes:$BCPROV" "$ROOT/bench/PersonalDataCost.java"

H=$(prop household-service.url)
TOKEN=$("$ROOT/bin/suite" token --role county-admin --division 459902)
AUTH="Authorization: Bearer $TOKEN"
for d in '{"code":"459902","name":"压测二县","level":"COUNTY"}' \
         '{"code":"459902101","name":"压测镇","level":"TOWNSHIP","parentCode":"459902"}' \
         '{"code":"459902101201","name":"压测村","level":"VILLAGE","parentCode":"459902101"}'; do
  curl -s -o /dev/null -X POST "$H/api/v1/divisions" -H "$AUTH" -H 'Content-Type: application/json' -d "$d"
done
echo
echo "== registrations through household-service, $CONNECTIONS connections, $DURATION =="
echo "the suite was quiet after $(wait_quiet) s (CPUs >= 85% idle over 5 s)"
# RUN separates the ID numbers of repeated runs against the same database
RUN=$(( $(date +%s) / 60 % 10 )) VILLAGE=459902101201 TOKEN=$TOKEN \
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/register.lua" "$H"
