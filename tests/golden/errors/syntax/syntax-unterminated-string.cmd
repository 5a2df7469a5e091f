${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-unterminated-string.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
