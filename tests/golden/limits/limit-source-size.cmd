${CX_WRAP:-} $CX --json --max-source 30 tests/golden/limits/limit-source-size.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
