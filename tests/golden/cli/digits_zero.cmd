$CX --digits=0 -e 1
