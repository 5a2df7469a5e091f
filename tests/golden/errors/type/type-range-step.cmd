${CX_WRAP:-} $CX --json tests/golden/errors/type/type-range-step.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
