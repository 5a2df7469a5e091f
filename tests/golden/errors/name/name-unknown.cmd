${CX_WRAP:-} $CX --json tests/golden/errors/name-unknown.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
