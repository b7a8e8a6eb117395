# A latency probe's figures, for the bench scripts (sourced). Where its time went: the probe's timeline
# (bench/LatencyProbe.java: household, registration answered, result seen) joined with its registration event's outbox
# row in household-service (picked up by the relay: published_at is the start of the relay's transaction) and inbox row
# in the consuming service (received_at is the start of the transaction applying the batch the event came in, whose size
# is the number of rows received at that moment).
#
#   probe_breakdown TIMELINE PORT DATABASE CONSUMER [FROM TO]
# PORT is PostgreSQL's, DATABASE and CONSUMER the consuming service's database and inbox consumer name; FROM and TO
# (microseconds since the epoch) keep the probes answered in [FROM, TO).
probe_breakdown() {
  local timeline=$1 port=$2 database=$3 consumer=$4 from=${5:-0} to=${6:-9999999999999999} ids events work
  local psql=(psql -X -q -At -F ' ' -h localhost -p "$port" -U postgres)
  work=$(mktemp -d)
  awk -v from="$from" -v to="$to" '$2 >= from && $2 < to' "$timeline" > "$work/timeline"
  if [ ! -s "$work/timeline" ]; then
    echo "    no probes"
    rm -rf "$work"
    return
  fi
  ids=$(awk '{printf "%s'"'"'%s'"'"'", (NR > 1 ? "," : ""), $1}' "$work/timeline")
  "${psql[@]}" -d household -c "select aggregate_id, event_id, (extract(epoch from published_at) * 1e6)::bigint
    from outbox_event where event_type = 'household.registered.v1' and aggregate_id in ($ids)" > "$work/outbox"
  events=$(awk '{printf "%s'"'"'%s'"'"'", (NR > 1 ? "," : ""), $2}' "$work/outbox")
  "${psql[@]}" -d "$database" -c "select i.event_id, (extract(epoch from i.received_at) * 1e6)::bigint,
      (select count(*) from inbox_event b where b.consumer = i.consumer and b.received_at = i.received_at)
    from inbox_event i where i.consumer = '$consumer' and i.event_id in ($events)" > "$work/inbox"
  awk 'FILENAME ~ /timeline$/ { committed[$1] = $2; seen[$1] = $3; next }
       FILENAME ~ /outbox$/ { event[$1] = $2; published[$1] = $3; next }
       { received[$1] = $2; batch[$1] = $3 }
       END {
         for (id in seen) if ((id in event) && (event[id] in received)) {
           e = event[id]
           print "1relay", (published[id] - committed[id]) / 1000
           print "2queue", (received[e] - published[id]) / 1000
           print "3apply", (seen[id] - received[e]) / 1000
           print "4batch", batch[e]
         }
       }' "$work/timeline" "$work/outbox" "$work/inbox" | sort -k1,1 -k2,2n \
    | awk -v consumer="$consumer" 'function report(name, what,   i) {
             if (n == 0) return
             printf "    %-62s p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f\n", what, v[int(0.5 * n + 0.99)], \
               v[int(0.95 * n + 0.99)], v[int(0.99 * n + 0.99)], v[n]
           }
           $1 != last { report(last, label[last]); n = 0; last = $1 }
           { v[++n] = $2 }
           BEGIN {
             label["1relay"] = "answered -> household-service relay takes the event (ms)"
             label["2queue"] = "relay -> " consumer " begins the batch holding it (ms)"
             label["3apply"] = "batch begun -> the result is seen (ms)"
             label["4batch"] = "events in that batch"
           }
           END { report(last, label[last]) }'
  rm -rf "$work"
}

# The latencies of the probes answered in [FROM, TO) (microseconds since the epoch), as one line:
#   probe_percentiles TIMELINE [FROM TO]
probe_percentiles() {
  local timeline=$1 from=${2:-0} to=${3:-9999999999999999}
  awk -v from="$from" -v to="$to" '$2 >= from && $2 < to { print ($3 - $2) / 1000 }' "$timeline" | sort -n \
    | awk '{ v[NR] = $1 }
      END {
        if (NR == 0) { print "no probes"; exit }
        line = NR " probes,"
        split("50 95 99", ps, " ")
        for (i = 1; i <= 3; i++) {
          k = ps[i] / 100 * NR; k = (k == int(k)) ? k : int(k) + 1; line = line sprintf(" p%d %.0f ms,", ps[i], v[k])
        }
        printf "%s max %.0f ms\n", line, v[NR]
      }'
}

# The probes apart: those committed while the import ran (answered before END) and those committed after it, while
# the services catch up with the import's events (AFTER says what they do), each with where its time went:
#   probe_phases TIMELINE END PORT DATABASE CONSUMER AFTER
probe_phases() {
  local timeline=$1 end=$2 port=$3 database=$4 consumer=$5 after=$6
  echo "  committed while the import ran: $(probe_percentiles "$timeline" 0 "$end")"
  probe_breakdown "$timeline" "$port" "$database" "$consumer" 0 "$end"
  echo "  committed after it, $after: $(probe_percentiles "$timeline" "$end")"
  probe_breakdown "$timeline" "$port" "$database" "$consumer" "$end"
}
