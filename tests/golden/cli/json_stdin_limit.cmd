out=$(printf '1 + 1;\n2 + 2;\n' | $CX --json --max-source 8 -); st=$?; printf '%s\n' "$out"; printf '%s\n' "$out" | "${DEB_PYTHON:-/usr/bin/python3}" tests/golden/cli/json_validate.py; exit $st
