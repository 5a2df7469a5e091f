${CX_WRAP:-} $CX --json tests/golden/errors/type-not-series.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
