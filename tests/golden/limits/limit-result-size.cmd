${CX_WRAP:-} $CX --json --max-digits 20 tests/golden/limits/limit-result-size.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
