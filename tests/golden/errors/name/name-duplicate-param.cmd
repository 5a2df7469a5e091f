${CX_WRAP:-} $CX --json tests/golden/errors/name/name-duplicate-param.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
