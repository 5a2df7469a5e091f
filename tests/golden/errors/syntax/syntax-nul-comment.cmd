${CX_WRAP:-} $CX --json tests/golden/errors/syntax/syntax-nul-comment.cx | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[0]}"
