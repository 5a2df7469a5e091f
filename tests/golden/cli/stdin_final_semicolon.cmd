printf 'x = 2;\nx * 3 # the last statement needs no ;\n' | $CX && echo '1 + 1' | $CX -
