${CX_WRAP:-} $CX --json tests/golden/errors/math/math-no-root.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
