echo '2+2; check 1/3 ~ 0.33;' | $CX
