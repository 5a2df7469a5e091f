${CX_WRAP:-} $CX --json tests/golden/errors/type/type-builtin-value.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
