d=$(mktemp -d); S=$d/loud.cx
{ printf 's = "'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '";\n'
  for i in $(seq 17); do echo "print s;"; done
  echo 'print "after the wait";'; echo 'check 1 + 1 == 3;'; echo 'print 1 / 0;'; echo 'print "never";'; } > "$S"
${CX_WRAP:-} $CX "$S" > "$d/out" 2> "$d/err"; echo "status $?"
echo "$(wc -l < "$d/out") lines, $(wc -c < "$d/out") bytes"; tail -2 "$d/out" | cut -c1-40
sed "s|$d/||" "$d/err"
# With a syntax error at the end, none of it: not even past the wait.
echo 'x = ;' >> "$S"
${CX_WRAP:-} $CX "$S" > "$d/out" 2> "$d/err"; echo "status $?"
echo "$(wc -c < "$d/out") bytes"; sed "s|$d/||" "$d/err"
rm -rf "$d"
