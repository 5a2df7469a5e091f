python3 -c "
n=3000
row='|'+'|'.join(['x']*n)+'|\n'
open('$OUT/t.md','w').write('|'+'|'.join(['a']*n)+'|\n'+'|'+'|'.join(['-']*n)+'|\n'+row*300)"
$CX knit "$OUT/t.md" -o "$OUT/t.html" --timeout 0.5; echo "status $?"; ls "$OUT"
