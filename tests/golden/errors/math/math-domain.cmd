${CX_WRAP:-} $CX --json tests/golden/errors/math-domain.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
