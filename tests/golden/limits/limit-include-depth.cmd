${CX_WRAP:-} $CX --json --max-includes 2 tests/golden/limits/limit-include-depth.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
