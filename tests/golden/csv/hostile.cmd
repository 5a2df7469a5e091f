d=$(mktemp -d) && cd "$d" && python3 - <<'PY'
mb = 1 << 20
files = {
    "big_text": b"quarter,revenue\n2025Q1," + b"x" * mb + b"\n",
    "big_quoted": b"quarter,note,revenue\n2025Q1,\"" + b"a,\"\"b\"\"\n" * (mb // 8) + b"\",7\n",
    "unterminated": b"quarter,revenue\n2025Q1,\"" + b"1," * (mb // 2) + b"\n",
    "nul": b"quarter,revenue\n2025Q1,5\x00\n",
    "bad_utf8": b"quarter,revenue\n2025Q1,\xc3\x28\n",
    "escape": b"quarter,revenue\n2025Q1,\x1b[31mred\n",
    "bad_header": b"\xc3\x28\xff,\x1b[2J\n2025Q1,1\n",
    "wide": b",".join(b"c%d" % i for i in range(100000)) + b",quarter,revenue\n" + b"," * 100000 + b"2025Q1,1\n",
    "many_rows": b"month,x\n" + b"".join(b"%04d-%02d,%d.5\n" % (y, m, y) for y in range(1000, 9999) for m in range(1, 13)),
}
for name, data in files.items():
    open(name + ".csv", "wb").write(data)
PY
for f in big_text big_quoted unterminated nul bad_utf8 escape bad_header wide; do
  printf 'csv("%s.csv", "revenue");\n' $f > t.cx; echo "== $f"; ${CX_WRAP:-} $CX t.cx 2>&1; echo "exit $?"
done
printf 'm = csv("many_rows.csv", "x");\ncount(m);\nm[1000-01];\nm[9998-12];\n' > t.cx; echo "== many_rows"; ${CX_WRAP:-} $CX t.cx; echo "exit $?"
cd / && rm -rf "$d"
