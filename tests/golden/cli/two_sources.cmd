$CX -e 1 tests/golden/cli/quiet.cx
