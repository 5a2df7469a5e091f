${CX_WRAP:-} $CX --json tests/golden/errors/name/name-include-cycle-3.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
