#!/usr/bin/env bash
# Hostile-input corpus (robustness goal G1): runs cx over every case below
# with a 512 MiB address-space cap and a 5 s wall clock, and checks that it
# ends cleanly: in time, not killed by a signal, with the exit status the
# table expects, less than 64 KB on stderr, a `FILE:LINE:COL: error:` line
# for an error, no raw control bytes (other than \n and \t) on stdout or
# stderr, and for a success exactly the stdout in NAME.out (a case without
# NAME.out must print nothing on stdout).
# Small cases are the NAME.cx files here; the big ones are written by gen.py
# into a temporary folder at run time.
#   usage: tests/hostile/run.sh CXBIN [FILTER]
# HOSTILE_VMEM (KiB, default 524288) sets the cap; use "unlimited" for a
# sanitizer build, whose shadow memory needs terabytes of address space.
set -u
here=$(cd "$(dirname "$0")" && pwd)
CX=$(realpath "$1"); shift
filter=${1:-}
vmem=${HOSTILE_VMEM:-524288}
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen.py" "$tmp/gen" || { echo "hostile: gen.py failed"; exit 1; }

# case                   status  options   (status: the exit status expected;
#                                            a|b accepts either)
table='
parens_100k              3
sum_10mb                 0       --max-memory 256M
sum_names_10mb           3|0
pow_10e10                3
pow_10e12                3
tower                    3
literal_huge_exponent    3
literal_tiny_exponent    3
div_zero                 2
div_zero_computed        2
zero_pow_zero            0
neg_cube_root            2
sqrt_neg                 2
third_30_digits          0       --digits 30
ident_1mb                3
unknown_name_1mb         3
nul_byte                 2
invalid_utf8             2
ansi_escape              2
string_escape_control    2
recursion                3
sum_range_value          0
sum_huge_range           0
product_huge_range       3
literal_1m_digits        3
deep_if                  3
statements_100k          0
series_all_days          3
list_10e7                3
include_passwd           4
include_dir              4
include_dev_zero         4
include_fifo             4
include_dotdot           4
include_symlink          4
string_20mb              3
scenario_tables_12k      3
bounds_in_a_loop         3
recursion_within_limit   0
recursion_exponential    0
loop_timeout             3       --timeout 1
loop_max_steps           3       --max-steps 1000000
memory_64m               3       --max-memory 64M
check_million_digits     1
recursion_raised_depth   3       --max-depth 100000
calls_nested_20k         3       --max-nesting 100000
chart_days_span          3
chart_wide               0       --quiet
knit_blocks_100k         0       --check
knit_fails_100k          1       --check
knit_unclosed_fence_10mb 2       --check
knit_unclosed_hidden_10mb 2      --check
knit_backticks_12mb      0       --check
knit_open_bounds_100k    2       --check
knit_syntax_100k         2       --check
knit_keep_going_100k     2       --keep-going --check
knit_hidden_one_line_100k 0      --check
'
# Why these statuses (0 ok, 2 script error, 3 limit, 4 I/O; see cx --help):
# - sum_10mb: a 10 MB one-line sum (2,621,440 ones).  The parser folds sums
#   of plain literals into one constant (lang/fold.c), so it succeeds with
#   `x = 2,621,440` within --max-memory 256M.  sum_names_10mb, a sum of
#   names, keeps its tree (about 270 bytes a term) and must stop with a
#   clean out-of-memory limit error (3) under the 512 MiB cap; without the
#   cap (check-asan) it must print the same `x = 2,621,440` (status 0).
# - sum_huge_range: a sum over a range is closed-form, so 10^12 terms are
#   instant and exact.  product_huge_range must hit the result-size limit
#   within the time budget.
# - string_escape_control: \u{1B} in a string would put a raw ESC on stdout;
#   like \u{0}, a C0/C1 control escape (other than \n \t \r) is an error.
# - include_fifo: a FIFO is not a regular file; opening it would block.
# - include_passwd, include_dev_zero, include_dotdot, include_symlink: outside
#   the script's folder, refused before anything is opened (4).
# - loop_timeout, loop_max_steps, memory_64m: a run's budget (time, steps,
#   memory) ends it with a limit error that names the flag (3).
# - check_million_digits: a failed check (1) whose line stays short.
# - chart_days_span: a chart's axis is counted before anything is built (3);
#   chart_wide: the largest chart the limits allow draws in time (0).
# - recursion_raised_depth, calls_nested_20k: limits raised past what the C
#   stack holds end with limit-nesting ("for the stack"), not a crash (3).
# - knit_*: reports for `cx knit FILE.md OPTIONS` (gen.py's reports()).
#   knit_fails_100k: every figure is wrong (1); stderr stays short.
#   knit_open_bounds_100k: 100,000 unclosed bound numbers are one error
#   each, capped by the paragraph (2).

tr_ctl() { tr -d '\n\t\040-\176\200-\377' <"$1" | wc -c; }  # raw control bytes

pass=0; fail=0; failed=()
while read -r name want opts; do
  [ -z "$name" ] && continue
  [ -n "$filter" ] && [[ "$name" != *"$filter"* ]] && continue
  script="$here/$name.cx"; [ -f "$script" ] || script="$tmp/gen/$name.cx"
  knit=""
  if [[ "$name" == knit_* ]]; then knit=knit; script="$tmp/gen/$name.md"; fi
  if [ ! -f "$script" ]; then
    echo "--- $name: no such case"; fail=$((fail+1)); failed+=("$name"); continue
  fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  if [ -n "$knit" ]; then set -- knit "$script" $opts; else set -- $opts "$script"; fi
  ( ulimit -v "$vmem"; exec timeout -k 1 5 "$CX" "$@" ) \
    >"$tmp/out" 2>"$tmp/err" </dev/null
  code=$?
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  why=()
  if [ $code = 124 ] || [ $code = 137 ]; then why+=("did not finish within 5 s")
  elif [ $code -ge 128 ]; then why+=("killed by signal $((code-128))")
  elif [[ "|$want|" != *"|$code|"* ]]; then why+=("exit status $code, expected $want"); fi
  errsize=$(wc -c <"$tmp/err")
  [ "$errsize" -ge 65536 ] && why+=("stderr is $errsize bytes (limit 65535)")
  if [ $code -ge 2 ] && [ $code -lt 124 ] &&
     ! head -n 1 "$tmp/err" | grep -qE '^.+:[0-9]+:[0-9]+: error: '; then
    why+=("stderr does not start with FILE:LINE:COL: error:")
  fi
  n=$(tr_ctl "$tmp/out"); [ "$n" != 0 ] && why+=("$n raw control bytes on stdout")
  n=$(tr_ctl "$tmp/err"); [ "$n" != 0 ] && why+=("$n raw control bytes on stderr")
  exp_out="$here/$name.out"; [ -f "$exp_out" ] || exp_out=/dev/null
  # A success must print exactly the expected value; an error nothing.
  if [ $code -lt 2 ] && ! cmp -s "$tmp/out" "$exp_out"; then
    why+=("stdout differs: $(head -c 200 "$tmp/out" | tr -d '\000-\037' ; echo)")
  elif [ $code -ge 2 ] && [ -s "$tmp/out" ] && [ "$exp_out" = /dev/null ]; then
    why+=("an error case printed on stdout")
  fi
  if [ ${#why[@]} = 0 ]; then
    pass=$((pass+1))
    printf 'ok   %-24s %5d ms  exit %s\n' "$name" "$ms" "$code"
  else
    fail=$((fail+1)); failed+=("$name")
    printf 'FAIL %-24s %5d ms  exit %s\n' "$name" "$ms" "$code"
    for w in "${why[@]}"; do echo "     - $w"; done
    head -c 300 "$tmp/err" | head -n 2 | cut -c 1-160 | tr -d '\000-\010\013-\037' | sed 's/^/     | /'
  fi
done <<<"$table"
for f in "${failed[@]:+${failed[@]}}"; do echo "FAILED: $f"; done
echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ]
