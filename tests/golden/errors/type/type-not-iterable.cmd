${CX_WRAP:-} $CX --json tests/golden/errors/type/type-not-iterable.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
