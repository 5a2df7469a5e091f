$CX -e 1 --digits
