${CX_WRAP:-} $CX --json tests/golden/errors/math/math-empty.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
