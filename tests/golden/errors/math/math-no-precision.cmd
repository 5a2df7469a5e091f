${CX_WRAP:-} $CX --json tests/golden/errors/math/math-no-precision.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
