${CX_WRAP:-} $CX --json tests/golden/errors/math/math-no-payback.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
