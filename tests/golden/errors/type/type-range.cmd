${CX_WRAP:-} $CX --json tests/golden/errors/type/type-range.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
