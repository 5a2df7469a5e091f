${CX_WRAP:-} $CX --json tests/golden/errors/name/name-unknown-unit.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
