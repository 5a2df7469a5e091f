${CX_WRAP:-} $CX --json tests/golden/errors/type-period.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
