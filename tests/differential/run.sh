#!/usr/bin/env bash
# A differential test of the cx program's script-file runs: each random
# script (gen.py) runs as a file, parsed once with its long recurrences
# keeping only their last periods, and as standard input, parsed twice with
# every period kept (cli/main.c sets single_run for files only).  Both must
# print the same bytes, the same errors (the file's name for <stdin>) and
# exit with the same status: a verdict computed again must be the verdict.
# Numbers stop at 3,000 digits (--max-digits), which keeps a run short.
#   usage: tests/differential/run.sh build/cx [N] [SEED]   (default 40, 1)
set -u
CX=$1; n=${2:-40}; seed=${3:-1}
here=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen.py" "$tmp" "$n" "$seed" || { echo "differential: gen.py failed"; exit 1; }
fail=0
for f in "$tmp"/d*.cx; do
  timeout 60 "$CX" --max-digits 3000 "$f" >"$f.file.out" 2>"$f.file.err"; a=$?
  timeout 60 "$CX" --max-digits 3000 - <"$f" >"$f.stdin.out" 2>"$f.stdin.err"; b=$?
  sed -i "s|<stdin>|$f|g" "$f.stdin.err"
  if [ $a != $b ] || ! cmp -s "$f.file.out" "$f.stdin.out" || ! cmp -s "$f.file.err" "$f.stdin.err"; then
    fail=$((fail+1))
    echo "DIFF $(basename "$f") (seed $seed): status $a as a file, $b on stdin"
    diff "$f.file.out" "$f.stdin.out" | head -5
    diff "$f.file.err" "$f.stdin.err" | head -5
  fi
done
echo "differential: $n scripts, $fail differ"
[ $fail = 0 ]
