r=tests/golden/knit/charts/chart_md.md
{
$CX knit $r -o "$OUT/out.md"; echo "status $?"
ls "$OUT"
cmp "$OUT/out-chart-1.svg" tests/golden/knit/charts/chart_md.chart-1.svg && echo "chart 1: the expected SVG"
head -c 120 "$OUT/out-chart-2.svg"; echo
# an image that cannot be written (a folder has its name): no Markdown
# without its images
mkdir -p "$OUT/ro/x-chart-1.svg"
$CX knit $r -o "$OUT/ro/x.md"; echo "status $?"; ls "$OUT/ro"
# --check writes nothing
$CX knit $r --check; echo "status $?"
} 2>&1 | sed "s|$OUT|OUT|g"
