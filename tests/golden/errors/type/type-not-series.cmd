${CX_WRAP:-} $CX --json tests/golden/errors/type/type-not-series.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
