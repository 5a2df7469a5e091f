${CX_WRAP:-} $CX --json tests/golden/errors/math/math-date-order.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
