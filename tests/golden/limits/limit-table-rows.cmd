${CX_WRAP:-} $CX --json tests/golden/limits/limit-table-rows.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
