${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-bad-number.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
