${CX_WRAP:-} $CX --json tests/golden/errors/name/name-no-period.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
