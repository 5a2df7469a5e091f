${CX_WRAP:-} $CX --json tests/golden/errors/math-negative-tolerance.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
