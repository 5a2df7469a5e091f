${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-nul.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
