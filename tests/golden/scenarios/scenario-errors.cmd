st=0; while IFS= read -r l; do case $l in ''|'#'*) continue ;; esac; ${CX_WRAP:-} $CX -e "$l" </dev/null; s=$?; [ "$s" -gt "$st" ] && st=$s; done <tests/golden/scenarios/scenario-errors.cx; exit $st
