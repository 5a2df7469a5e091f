S=tests/golden/cli/csv.cx; d=$(mktemp -d)
${CX_WRAP:-} $CX --csv $S > "$d/csv" 2> "$d/csv_err"; st=$?
cat "$d/csv"; echo "--- standard error:"; cat "$d/csv_err"
# Python's csv module reads every block back (RFC 4180 quoting).
"${DEB_PYTHON:-/usr/bin/python3}" -c '
import csv, sys
text = open(sys.argv[1], newline="").read()
for b in text.split("\r\n\r\n") if text else []:
    rows = list(csv.reader(b.splitlines(keepends=True)))
    print("block: %d columns, %d rows; header %r" % (len(rows[0]), len(rows) - 1, rows[0]))
' "$d/csv"
${CX_WRAP:-} $CX --csv --json $S; echo "status $?"
rm -rf "$d"; exit $st
