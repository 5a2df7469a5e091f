${CX_WRAP:-} $CX --json tests/golden/errors/type/type-arg.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
