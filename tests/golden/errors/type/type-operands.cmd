${CX_WRAP:-} $CX --json tests/golden/errors/type-operands.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
