$CX --help && $CX -h | head -1
