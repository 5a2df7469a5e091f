cd tests/golden/knit/cli && $CX knit same_output.md -o ./same_output.md; echo "status $?"; cat same_output.md
