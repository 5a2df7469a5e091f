$CX tests/golden/cli/quiet.cx -q --digits 3 2>&1
