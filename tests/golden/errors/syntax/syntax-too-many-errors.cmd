${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-too-many-errors.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
