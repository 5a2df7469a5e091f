${CX_WRAP:-} $CX --json tests/golden/errors/type-frequency.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
