${CX_WRAP:-} $CX --json tests/golden/errors/name/name-redefined.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
