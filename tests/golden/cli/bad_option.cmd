$CX --bogus x.cx
