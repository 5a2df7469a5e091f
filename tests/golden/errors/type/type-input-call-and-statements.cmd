for v in 'sqrt(2)' '1; print 2' ''; do
  ${CX_WRAP:-} $CX --set "rate=$v" tests/golden/errors/type/type-input-call-and-statements.cx; echo "status $?"
done
