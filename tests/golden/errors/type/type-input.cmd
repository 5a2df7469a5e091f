${CX_WRAP:-} $CX --json --set 'rate=base_rate + 1%' tests/golden/errors/type/type-input.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
