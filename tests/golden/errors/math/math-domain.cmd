${CX_WRAP:-} $CX --json tests/golden/errors/math/math-domain.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
