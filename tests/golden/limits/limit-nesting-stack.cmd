S=tests/golden/limits/limit-nesting-stack.cx
${CX_WRAP:-} $CX --max-depth 100000 $S 2>&1 | grep -o 'error: .*'; echo "status ${PIPESTATUS[0]}"
# 60,000 nested calls, on standard input (too long for an argument)
{ printf 'abs(%.0s' $(seq 60000); printf 1; printf ')%.0s' $(seq 60000); } | ${CX_WRAP:-} $CX --max-nesting 100000 - 2>&1 | grep -o 'error: .*'; echo "status ${PIPESTATUS[1]}"
# within the limits as they are by default, nothing changes
${CX_WRAP:-} $CX -e 'fn g(n) = if n == 0 then 0 else 1 + g(n - 1); g(999)'; echo "status $?"
