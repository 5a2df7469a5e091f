${CX_WRAP:-} $CX --json tests/golden/errors/type/type-frequency-chart.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
