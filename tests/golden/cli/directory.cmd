$CX tests/golden/cli
