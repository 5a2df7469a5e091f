${CX_WRAP:-} $CX --json --max-nesting 4 tests/golden/limits/limit-nesting.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
