${CX_WRAP:-} $CX --json tests/golden/errors/type-period-step.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
