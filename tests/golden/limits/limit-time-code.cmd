${CX_WRAP:-} $CX --json --timeout 0.1 tests/golden/limits/limit-time-code.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
