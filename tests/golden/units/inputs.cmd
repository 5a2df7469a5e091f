$CX --set "savings=6B USD/yr" tests/golden/units/inputs.cx
