${CX_WRAP:-} $CX --json tests/golden/errors/math-date-order.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
