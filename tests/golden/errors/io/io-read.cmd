${CX_WRAP:-} $CX --json tests/golden/errors/io-read.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
