${CX_WRAP:-} $CX --json tests/golden/errors/math/math-negative-tolerance.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
