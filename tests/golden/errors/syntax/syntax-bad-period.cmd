${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-bad-period.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
