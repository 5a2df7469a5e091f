${CX_WRAP:-} $CX --json tests/golden/errors/io/io-read.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
