${CX_WRAP:-} $CX --json tests/golden/errors/type-range.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
