#!/usr/bin/env bash
# The knitted Markdown keeps the report's block structure: for every golden
# report with an expected Markdown output (tests/golden/knit/**/NAME.md and
# NAME.expected.md), cmark-gfm must see the same paragraphs, headings,
# lists and tables in both, leaving out code blocks and raw HTML blocks
# (what cx blocks, their outputs and hidden blocks are).  An inline value or
# a bound number that broke a table row or a paragraph would show here.
#   usage: tests/knit/structure.sh STRUCTURE_BIN
set -u
cd "$(dirname "$0")/../.."
bin=$1
pass=0; fail=0
for want in $(find tests/golden/knit -name '*.expected.md' | sort); do
  report=${want%.expected.md}.md
  if diff -u <("$bin" "$report") <("$bin" "$want") >/tmp/structure.$$ 2>&1; then
    pass=$((pass+1))
  else
    fail=$((fail+1)); echo "--- $report: the knitted Markdown has another block structure"
    head -30 /tmp/structure.$$
  fi
done
rm -f /tmp/structure.$$
echo "knit structure: $pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
