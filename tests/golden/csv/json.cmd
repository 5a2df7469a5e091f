${CX_WRAP:-} $CX --json tests/golden/csv/json.cx
