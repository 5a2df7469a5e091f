${CX_WRAP:-} $CX --json tests/golden/errors/name-redefined.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
