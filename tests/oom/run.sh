#!/usr/bin/env bash
# The allocation-failure sweep (robustness goal G4; tests/oom/failalloc.c
# says how a run is judged): every N over the examples that make at most
# OOM_EXAMPLE_MAX (5,000) allocations and the golden scripts that make at
# most OOM_MAX (500), and the golden reports of cx knit under the same
# bound, with the N-th allocation failing persistently and then
# transiently.  One script at a time, on one core: about 9 minutes.
# OOM_MAX=2000 OOM_EXAMPLE_MAX=20000 is the full sweep (every example and
# all but three golden scripts): about 12 minutes.
#   usage: tests/oom/run.sh build/oom/cx [FILTER]
# Prints one line per script and a total; exits 1 if a run failed at a site
# that tests/oom/known.txt does not list.
set -u
cd "$(dirname "$0")/../.."
CX=$(realpath "$1"); shift
filter=${1:-}
max=${OOM_MAX:-500}
exmax=${OOM_EXAMPLE_MAX:-5000}
export LC_ALL=C TZ=UTC NO_COLOR=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
export CX_FAIL_KNOWN=$PWD/tests/oom/known.txt
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
scripts=0; failed=0; skipped=0; allocs=0; runs=0; known=0
# Reports (cx knit) are swept too: tests/golden/knit/**/NAME.md with its
# NAME.args (OUT.html and OUT.md become a temporary output), except the
# command-line cases (NAME.cmd) and --json (whose document, printed even
# after an error, is not the start of the reference's).
reports=$(find tests/golden/knit -name '*.md' ! -name '*.expected.md' | sort)
for script in $(ls examples/*.cx tests/oom/*.cx; find tests/golden -name '*.cx' | sort) $reports; do
  knit=""
  case "$script" in *.md) knit=knit ;; esac
  base=${script%.cx}; base=${base%.md}
  case "$script" in */inc/*) continue ;; esac   # only included by others
  [ -f "$base.cmd" ] && continue                 # command-line and stdin tests
  [ -n "$filter" ] && [[ "$script" != *"$filter"* ]] && continue
  args=""; [ -f "$base.args" ] && args=$(cat "$base.args")
  [ -n "$knit" ] && [ -z "$args" ] && args="--check"
  [[ "$args" == *--json* ]] && continue
  args=${args//OUT.html/$tmp/out.html}; args=${args//OUT.md/$tmp/out.md}
  lim=$max; case "$script" in examples/* | tests/oom/*) lim=$exmax ;; esac
  # shellcheck disable=SC2086
  if [ -n "$knit" ]; then set -- knit "$script" $args; else set -- $args "$script"; fi
  CX_FAIL_MAX=$lim CX_FAIL_SWEEP="$tmp/run" "$CX" "$@" </dev/null >/dev/null 2>"$tmp/log"
  st=$?
  summary=$(tail -1 "$tmp/log")
  case "$summary" in
    skipped:*) skipped=$((skipped + 1)); continue ;;
  esac
  scripts=$((scripts + 1))
  read -r a r k <<<"$(sed -E 's/^([0-9]+) allocations, ([0-9]+) runs: .* ([0-9]+) known.*/\1 \2 \3/' <<<"$summary")"
  allocs=$((allocs + ${a:-0})); runs=$((runs + ${r:-0})); known=$((known + ${k:-0}))
  echo "$script: $summary"
  if [ $st != 0 ]; then
    failed=$((failed + 1))
    grep -v '^  known:' "$tmp/log" | head -n -1 | head -20
  fi
done
echo "oom: $scripts scripts and reports ($skipped skipped: over $exmax allocations for an example, $max for a golden script), $allocs allocations, $runs runs, $known at known sites, $failed scripts with failures, $(( $(date +%s) - start ))s"
[ $failed = 0 ]
