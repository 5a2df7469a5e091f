${CX_WRAP:-} $CX --json tests/golden/errors/math/math-too-few.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
