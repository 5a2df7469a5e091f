${CX_WRAP:-} $CX --json tests/golden/errors/type/type-operands.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
