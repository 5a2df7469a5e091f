${CX_WRAP:-} $CX --json tests/golden/errors/type/type-index.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
