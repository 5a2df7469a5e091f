{ printf 'note = "\n'; head -c 17000000 /dev/zero | tr '\0' a | fold -w 100; printf '";\n'; } | ${CX_WRAP:-} $CX --json - | grep -o '"code": "[^"]*"'; exit "${PIPESTATUS[1]}"
