${CX_WRAP:-} $CX --json tests/golden/errors/type-builtin-value.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
