${CX_WRAP:-} $CX --json --set check=1 tests/golden/errors/name/name-bad-input.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
