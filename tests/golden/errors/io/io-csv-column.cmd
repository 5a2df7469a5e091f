${CX_WRAP:-} $CX --json tests/golden/errors/io/io-csv-column.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
