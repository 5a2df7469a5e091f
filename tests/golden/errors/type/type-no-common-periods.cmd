${CX_WRAP:-} $CX --json tests/golden/errors/type/type-no-common-periods.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
