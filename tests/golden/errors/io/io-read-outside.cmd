${CX_WRAP:-} $CX --json tests/golden/errors/io/io-read-outside.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
