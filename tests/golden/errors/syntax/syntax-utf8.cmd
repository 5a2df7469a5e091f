${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-utf8.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
