${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-bad-escape.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
