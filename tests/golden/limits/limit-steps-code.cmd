${CX_WRAP:-} $CX --json --max-steps 100 tests/golden/limits/limit-steps-code.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
