printf 'a = 1;\nsum([a, 2,\n' | $CX -
