$CX --digits abc -e 1
