${CX_WRAP:-} $CX --json tests/golden/errors/syntax-control.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
