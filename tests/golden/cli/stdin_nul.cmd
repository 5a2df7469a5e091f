printf '1 + 1;\0 2' | $CX
