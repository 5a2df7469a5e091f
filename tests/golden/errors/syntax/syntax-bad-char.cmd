${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-bad-char.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
