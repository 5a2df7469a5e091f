$CX -e "1/3" --digits 3
