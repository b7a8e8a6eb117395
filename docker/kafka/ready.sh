#!/usr/bin/env bash
# The kafka container's health check: sends Kafka's ApiVersions request (version 0) to the broker's listener and
# exits 0 only when the broker answers it without an error. Plain bash, so that a check starts no JVM.
set -euo pipefail
port=${1:-9092}

exec 3<> "/dev/tcp/127.0.0.1/$port"
# size 12; api key 18 (ApiVersions), version 0, correlation id 7, client id "hc"
printf '\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x07\x00\x02hc' >&3
# the answer starts with its size (4 bytes), the correlation id (4) and the error code (2)
answer=$(timeout 5 head -c 10 <&3 | od -An -tx1 | tr -d ' \n')
exec 3<&-
[ "${answer:8:12}" = "000000070000" ]
