printf 'print "not run";\n1 +* 2\n' | $CX
