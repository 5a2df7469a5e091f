${CX_WRAP:-} $CX --json --max-series 5 tests/golden/limits/limit-series.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
