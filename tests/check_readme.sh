#!/usr/bin/env bash
# Keeps README.md true: runs the first ```cx block of the README and compares
# cx's output and exit status with the session the README shows after it
# ("$ build/cx taste.cx" ... "$ echo $?" then the status).
#   usage: tests/check_readme.sh CXBIN
set -euo pipefail
cd "$(dirname "$0")/.."
cx=$(realpath "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import re, sys
tmp = sys.argv[1]
s = open("README.md", encoding="utf-8").read()
code = re.search(r"```cx\n(.*?)```", s, re.S).group(1)
session = re.search(r"\$ build/cx taste\.cx\n(.*?)\$ echo \$\?\n(\d+)\n", s, re.S)
open(f"{tmp}/taste.cx", "w", encoding="utf-8").write(code)
open(f"{tmp}/want.out", "w", encoding="utf-8").write(session.group(1))
open(f"{tmp}/want.code", "w").write(session.group(2) + "\n")
PY
set +e
(cd "$tmp" && LC_ALL=C NO_COLOR=1 "$cx" taste.cx >got.out 2>got.err; echo $? >got.code)
set -e
if cmp -s "$tmp/want.out" "$tmp/got.out" && cmp -s "$tmp/want.code" "$tmp/got.code" && [ ! -s "$tmp/got.err" ]; then
  echo "readme: 1 passed, 0 failed"
else
  diff -u "$tmp/want.out" "$tmp/got.out" || true
  echo "exit status: want $(cat "$tmp/want.code"), got $(cat "$tmp/got.code")"
  echo "readme: 0 passed, 1 failed"; exit 1
fi
