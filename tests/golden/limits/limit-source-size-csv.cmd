${CX_WRAP:-} $CX --max-source 100 tests/golden/limits/limit-source-size-csv.cx
