${CX_WRAP:-} $CX --json tests/golden/errors/type/type-operands-text-plus-number.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
