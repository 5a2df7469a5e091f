$CX -e "1+1" >/dev/full
