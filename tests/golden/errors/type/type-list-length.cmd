${CX_WRAP:-} $CX --json tests/golden/errors/type/type-list-length.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
