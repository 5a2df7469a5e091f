${CX_WRAP:-} $CX --json tests/golden/errors/io/io-csv-fields.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
