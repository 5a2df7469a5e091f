#!/usr/bin/env bash
# Golden tests: runs build/cx over every tests/golden/**/NAME.cx and every
# examples/NAME.cx and compares stdout, stderr and the exit status byte for
# byte with NAME.out, NAME.err and NAME.code beside the script (a missing
# .err means "nothing on stderr", a missing .code means 0).
# NAME.cmd, when present, is a shell command run instead of `cx NAME.cx`
# ($CX is the binary; for command-line and stdin tests).  NAME.args adds
# options before the script.
# Reports: every tests/golden/knit/**/NAME.md runs as `cx knit NAME.md ARGS`,
# ARGS from NAME.args (default --check), where OUT.html and OUT.md stand for
# a fresh output path; the file written there is compared with
# NAME.expected.html or NAME.expected.md (a missing one means "nothing is
# written"), besides stdout, stderr and the exit status.  NAME.cmd works as
# for scripts ($OUT is the output folder).
#   usage: tests/golden/run.sh CXBIN [--bless] [FILTER]
# --bless rewrites the expectation files from the actual output; review the
# diff before committing it.  CX_WRAP (e.g. valgrind ...) prefixes each run.
set -u
cd "$(dirname "$0")/../.."
CX=$(realpath "$1"); shift
bless=0; filter=""
for a in "$@"; do
  case "$a" in --bless) bless=1 ;; *) filter="$a" ;; esac
done
export LC_ALL=C TZ=UTC NO_COLOR=1 CX
wrap=${CX_WRAP:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; failed=()

for script in $(find tests/golden examples -name '*.cx' | sort); do
  base=${script%.cx}
  case "$script" in */inc/*) continue ;; esac   # files only included by others
  [ -n "$filter" ] && [[ "$script" != *"$filter"* ]] && continue
  args=""; [ -f "$base.args" ] && args=$(cat "$base.args")
  if [ -f "$base.cmd" ]; then
    (eval "$(cat "$base.cmd")") >"$tmp/out" 2>"$tmp/err" </dev/null
  else
    # shellcheck disable=SC2086
    $wrap "$CX" $args "$script" >"$tmp/out" 2>"$tmp/err" </dev/null
  fi
  echo $? >"$tmp/code"
  if [ $bless = 1 ]; then
    cp "$tmp/out" "$base.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
    if [ "$(cat "$tmp/code")" != 0 ]; then cp "$tmp/code" "$base.code"; else rm -f "$base.code"; fi
    continue
  fi
  exp_out="$base.out"; [ -f "$exp_out" ] || exp_out=/dev/null
  exp_err="$base.err"; [ -f "$exp_err" ] || exp_err=/dev/null
  exp_code=0; [ -f "$base.code" ] && exp_code=$(cat "$base.code")
  ok=1
  if ! cmp -s "$tmp/out" "$exp_out"; then ok=0; echo "--- $script: stdout differs"; diff -u "$exp_out" "$tmp/out" | head -40; fi
  if ! cmp -s "$tmp/err" "$exp_err"; then ok=0; echo "--- $script: stderr differs"; diff -u "$exp_err" "$tmp/err" | head -40; fi
  if [ "$(cat "$tmp/code")" != "$exp_code" ]; then ok=0; echo "--- $script: exit status $(cat "$tmp/code"), expected $exp_code"; fi
  if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); failed+=("$script"); fi
done
# Reports (cx knit): NAME.md in, NAME.expected.{md,html} out.
for report in $(find tests/golden/knit -name '*.md' ! -name '*.expected.md' 2>/dev/null | sort); do
  base=${report%.md}
  case "$report" in */inc/*) continue ;; esac
  [ -n "$filter" ] && [[ "$report" != *"$filter"* ]] && continue
  OUT="$tmp/o"; rm -rf "$OUT"; mkdir -p "$OUT"; export OUT
  args="--check"; [ -f "$base.args" ] && args=$(cat "$base.args")
  args=${args//OUT.html/$OUT/out.html}; args=${args//OUT.md/$OUT/out.md}
  if [ -f "$base.cmd" ]; then
    (eval "$(cat "$base.cmd")") >"$tmp/out" 2>"$tmp/err" </dev/null
  else
    # shellcheck disable=SC2086
    $wrap "$CX" knit "$report" $args >"$tmp/out" 2>"$tmp/err" </dev/null
  fi
  echo $? >"$tmp/code"
  if [ $bless = 1 ]; then
    cp "$tmp/out" "$base.out"; [ -s "$base.out" ] || rm -f "$base.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
    if [ "$(cat "$tmp/code")" != 0 ]; then cp "$tmp/code" "$base.code"; else rm -f "$base.code"; fi
    for ext in html md; do
      if [ -f "$OUT/out.$ext" ]; then cp "$OUT/out.$ext" "$base.expected.$ext"; else rm -f "$base.expected.$ext"; fi
    done
    continue
  fi
  exp_out="$base.out"; [ -f "$exp_out" ] || exp_out=/dev/null
  exp_err="$base.err"; [ -f "$exp_err" ] || exp_err=/dev/null
  exp_code=0; [ -f "$base.code" ] && exp_code=$(cat "$base.code")
  ok=1
  if ! cmp -s "$tmp/out" "$exp_out"; then ok=0; echo "--- $report: stdout differs"; diff -u "$exp_out" "$tmp/out" | head -40; fi
  if ! cmp -s "$tmp/err" "$exp_err"; then ok=0; echo "--- $report: stderr differs"; diff -u "$exp_err" "$tmp/err" | head -40; fi
  if [ "$(cat "$tmp/code")" != "$exp_code" ]; then ok=0; echo "--- $report: exit status $(cat "$tmp/code"), expected $exp_code"; fi
  for ext in html md; do
    got="$OUT/out.$ext"; want="$base.expected.$ext"
    if [ -f "$want" ] && ! cmp -s "$got" "$want"; then ok=0; echo "--- $report: out.$ext differs"; diff -u "$want" "$got" | head -40; fi
    if [ ! -f "$want" ] && [ -f "$got" ]; then ok=0; echo "--- $report: wrote out.$ext, none expected"; fi
  done
  if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); failed+=("$report"); fi
done
[ $bless = 1 ] && { echo "blessed: review with git diff"; exit 0; }
for f in "${failed[@]:+${failed[@]}}"; do echo "FAILED: $f"; done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
