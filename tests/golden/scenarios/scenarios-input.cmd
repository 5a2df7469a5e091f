$CX --set g=5% tests/golden/scenarios/scenarios-input.cx
