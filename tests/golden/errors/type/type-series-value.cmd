${CX_WRAP:-} $CX --json tests/golden/errors/type/type-series-value.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
