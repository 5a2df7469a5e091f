${CX_WRAP:-} $CX --json tests/golden/limits/limit-include-count.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
