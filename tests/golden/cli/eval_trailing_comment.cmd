$CX -e 'x = 2; x * 3 # the final semicolon is optional, even before a comment'
