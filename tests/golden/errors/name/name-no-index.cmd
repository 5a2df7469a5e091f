${CX_WRAP:-} $CX --json tests/golden/errors/name/name-no-index.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
