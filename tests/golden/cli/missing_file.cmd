$CX tests/golden/cli/does_not_exist.cx
