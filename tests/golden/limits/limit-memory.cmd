${CX_WRAP:-} $CX --json --max-memory 1 tests/golden/limits/limit-memory.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
