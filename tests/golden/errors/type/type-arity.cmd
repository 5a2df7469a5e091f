${CX_WRAP:-} $CX --json tests/golden/errors/type/type-arity.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
