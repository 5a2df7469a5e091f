out=$($CX --json tests/golden/units/json.cx); st=$?; printf '%s\n' "$out"; printf '%s\n' "$out" | "${DEB_PYTHON:-/usr/bin/python3}" tests/golden/cli/json_validate.py; exit $st
