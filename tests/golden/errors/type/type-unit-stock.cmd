${CX_WRAP:-} $CX --json tests/golden/errors/type/type-unit-stock.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
