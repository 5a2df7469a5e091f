${CX_WRAP:-} $CX --json tests/golden/errors/type/type-period.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
