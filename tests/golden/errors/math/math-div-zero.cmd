${CX_WRAP:-} $CX --json tests/golden/errors/math/math-div-zero.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
