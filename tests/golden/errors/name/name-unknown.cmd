${CX_WRAP:-} $CX --json tests/golden/errors/name/name-unknown.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
