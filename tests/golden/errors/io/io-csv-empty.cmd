${CX_WRAP:-} $CX --json tests/golden/errors/io/io-csv-empty.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
