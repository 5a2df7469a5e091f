{ printf 'x = '; head -c 100001 /dev/zero | tr '\0' 1; printf ';\n'; } | ${CX_WRAP:-} $CX --json - | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[1]}"
