${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-unexpected.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
