${CX_WRAP:-} $CX --json tests/golden/errors/type/type-check-number.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
