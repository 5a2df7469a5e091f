S=tests/golden/cli/interrupt-script.cx
${CX_WRAP:-} $CX "$S" & pid=$!
sleep 2; kill -INT $pid; wait $pid; echo "status $?"
