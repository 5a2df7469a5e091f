${CX_WRAP:-} $CX --json tests/golden/errors/math-period-range.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
