echo "the old output" > "$OUT/out.md"
$CX knit tests/golden/knit/cli/keeps_old_output.md -o "$OUT/out.md"; echo "status $?"; cat "$OUT/out.md"; ls "$OUT"
