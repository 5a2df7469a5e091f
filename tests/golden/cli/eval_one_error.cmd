$CX -e 'print "\u20AC"'
