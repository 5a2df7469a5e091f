#!/usr/bin/env bash
# A long fuzzing campaign on one core: runs the libFuzzer binary until TOTAL
# inputs have been executed, restarting it after each finding (libFuzzer stops
# at the first crash, leak, timeout or OOM), and adds up the executions of
# every run from its final statistics.  The binary and the corpus live in DIR,
# so rebuilding build/fuzz meanwhile does not disturb the campaign.
#   usage: tests/fuzz/campaign.sh TOTAL DIR [MAXLEN]
# DIR must hold fuzz_parse (a copy of build/fuzz/fuzz_parse) and seeds/.
# Writes DIR/campaign.log (one line per run, then a total), DIR/run-N.log,
# findings in DIR/artifacts/ and new inputs in DIR/corpus/.  Stops early after
# five runs in a row that found something within 1,000 inputs.
set -u
total=$1
dir=$(realpath "$2")
maxlen=${3:-512}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir/corpus" "$dir/artifacts"
log="$dir/campaign.log"
done_runs=0; n=0; quick=0
echo "$(date -u +%FT%TZ) start: target $total executions, max_len $maxlen" >>"$log"
while [ "$done_runs" -lt "$total" ]; do
  n=$((n + 1))
  left=$((total - done_runs))
  start=$(date +%s)
  "$dir/fuzz_parse" -dict="$root/tests/fuzz/cx.dict" -max_len="$maxlen" -runs="$left" \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=5 -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
    "$dir/corpus" "$dir/seeds" "$root/tests/fuzz/crashes" </dev/null >"$dir/run-$n.log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  ran=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/run-$n.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/run-$n.log" | tail -1)
  ran=${ran:-0}
  done_runs=$((done_runs + ran))
  echo "$(date -u +%FT%TZ) run $n: exit $rc, $ran executions in ${secs}s (${rate:-?}/s), total $done_runs" >>"$log"
  if [ "$rc" = 0 ]; then quick=0; continue; fi
  grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$dir/run-$n.log" | sed 's/^/    /' >>"$log"
  if [ "$ran" -lt 1000 ]; then quick=$((quick + 1)); else quick=0; fi
  if [ "$quick" -ge 5 ]; then echo "stopping: five quick findings in a row" >>"$log"; break; fi
done
echo "$(date -u +%FT%TZ) end: $done_runs executions in $n runs; findings: $(ls "$dir/artifacts" | wc -l)" >>"$log"
