cp tests/golden/knit/fix/fix.md "$OUT/report.md"
chmod 640 "$OUT/report.md"
cd "$OUT" && $CX knit report.md --fix; echo "status $?"
cat report.md; stat -c %a report.md
$CX knit report.md --fix; echo "status $?"
