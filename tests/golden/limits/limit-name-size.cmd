${CX_WRAP:-} $CX --json tests/golden/limits/limit-name-size.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
