r=tests/golden/knit/cli/usage.md
{
$CX knit $r; echo "status $?"
$CX knit $r -o "$OUT/x.txt"; echo "status $?"
$CX knit $r -o "$OUT/x.md" --check; echo "status $?"
$CX knit $r --bogus; echo "status $?"
$CX knit $r --timeout soon --check; echo "status $?"
$CX knit; echo "status $?"
$CX knit tests/golden/knit/cli/no_such_report.md --check; echo "status $?"
$CX knit $r -o "$OUT/no/such/dir/x.md"; echo "status $?"
$CX knit $r --max-source 10 --check; echo "status $?"
$CX knit $r -o "$OUT/x.md"; echo "status $?"; cat "$OUT/x.md"
mkdir "$OUT/dir.md"; $CX knit $r -o "$OUT/dir.md"; echo "status $?"
ln -s /dev/null "$OUT/null.md"; $CX knit $r -o "$OUT/null.md"; echo "status $?"; ls -l /dev/null | cut -c1
$CX knit --help | head -3
} 2>&1 | sed "s|$OUT|OUT|g"
