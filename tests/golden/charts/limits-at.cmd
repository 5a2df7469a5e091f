${CX_WRAP:-} $CX tests/golden/charts/limits-at.cx | wc -l; exit "${PIPESTATUS[0]}"
