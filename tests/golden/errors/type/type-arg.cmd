${CX_WRAP:-} $CX --json tests/golden/errors/type-arg.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
