${CX_WRAP:-} $CX --chart-svg /nonexistent/cx-charts tests/golden/cli/chart-svg-unwritable.cx
