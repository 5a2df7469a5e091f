S=tests/golden/cli/set.cx
${CX_WRAP:-} $CX --set principal=1k --set rate=8% --set years=10 --set 'label="base case"' --set start=2025Q3 $S; echo "status $?"
${CX_WRAP:-} $CX --set=principal=1k --set rate=-1/3 --set years=2 --set label='"bear"' --set start=2026 $S; echo "status $?"
# the script may not define an input again; a bad value stops before the script runs
${CX_WRAP:-} $CX --set fv=1 --set principal=1k --set rate=8% --set years=10 --set label=1 --set start=1 $S; echo "status $?"
${CX_WRAP:-} $CX --set principal=1k --set rate=8x $S; echo "status $?"
${CX_WRAP:-} $CX --set rate $S; echo "status $?"
${CX_WRAP:-} $CX --set 'x=[1, 2025Q3, true]' -e 'x'; echo "status $?"
