${CX_WRAP:-} $CX --json tests/golden/errors/io/io-csv-period.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
