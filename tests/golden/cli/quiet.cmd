$CX --quiet tests/golden/cli/quiet.cx
