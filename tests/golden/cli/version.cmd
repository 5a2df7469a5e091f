$CX --version
