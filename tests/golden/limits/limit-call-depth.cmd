${CX_WRAP:-} $CX --json --max-depth 50 tests/golden/limits/limit-call-depth.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
