# Waiting for a settled machine before a measurement, for the bench scripts (sourced). The services work off what an
# earlier run or a paused consumer left (an import's events, a re-evaluation's results) for minutes, and a figure
# measured meanwhile measures that work too, different in every run.

# idle share of the machine's CPUs over 5 s, in percent (/proc/stat: idle and iowait against all)
idle_percent() {
  local a b
  a=$(awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
  sleep 5
  b=$(awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
  echo "$a $b" | awk '{printf "%d", ($3 - $1) * 100 / ($4 - $2)}'
}

# waits until the machine's CPUs are 85% idle over 5 s (at most 15 min), and prints how many seconds that took
wait_quiet() {
  local from
  from=$(date +%s)
  until [ "$(idle_percent)" -ge 85 ] || [ $(( $(date +%s) - from )) -ge 900 ]; do :; done
  echo $(( $(date +%s) - from ))
}
