#!/usr/bin/env bash
# Confined reads, seen from the system calls (robustness goal G6): runs cx
# under strace on scripts that try to read outside their folder (an absolute
# path, '..', a symlink that points out, a missing file out there) and on
# one that stays inside, and asserts that no file outside the allowed
# folders is ever opened.  The only other files a run may open are the
# dynamic loader's (ld.so.cache and shared libraries).
#   usage: tests/confine/strace.sh CXBIN
set -u
CX=$(realpath "$1")
if ! command -v strace >/dev/null; then
  echo "confine: strace is missing (apt-get install strace, or make deps)"; exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home/inc" "$tmp/secret" "$tmp/other"
echo 'secret = 1;' > "$tmp/secret/s.cx"
echo 'other = 2;' > "$tmp/other/o.cx"
echo 'ok = 3;' > "$tmp/home/inc/ok.cx"
ln -s ../../secret/s.cx "$tmp/home/inc/link.cx"
printf 'include "inc/ok.cx";\nok;\n' > "$tmp/home/inside.cx"
printf 'include "%s/secret/s.cx";\n' "$tmp" > "$tmp/home/absolute.cx"
printf 'include "../secret/s.cx";\n' > "$tmp/home/dotdot.cx"
printf 'include "inc/link.cx";\n' > "$tmp/home/symlink.cx"
printf 'include "../secret/none.cx";\n' > "$tmp/home/missing.cx"
printf 'include "../other/o.cx";\nother;\n' > "$tmp/home/allowed.cx"
# csv() reads a data file the way include reads a script.
printf 'year,x\n2025,1\n' > "$tmp/secret/s.csv"
printf 'year,x\n2025,3\n' > "$tmp/home/inc/ok.csv"
ln -s ../../secret/s.csv "$tmp/home/inc/link.csv"
printf 'csv("inc/ok.csv", "x");\n' > "$tmp/home/csv_inside.cx"
printf 'csv("%s/secret/s.csv", "x");\n' "$tmp" > "$tmp/home/csv_absolute.cx"
printf 'csv("../secret/s.csv", "x");\n' > "$tmp/home/csv_dotdot.cx"
printf 'csv("inc/link.csv", "x");\n' > "$tmp/home/csv_symlink.cx"
# Reports (cx knit): the report's folder is the root; the output is the
# only file written (a temporary file beside it, renamed).
printf '<!--cx\ninclude "inc/ok.cx";\n-->\nok is `{cx} ok`, [3](cx:sum(csv("inc/ok.csv", "x"))).\n' \
  > "$tmp/home/knit_inside.md"
printf 'Secret: `{cx} sum(csv("../secret/s.csv", "x"))`.\n' > "$tmp/home/knit_dotdot.md"
printf '```cx\ninclude "inc/link.cx";\n```\n' > "$tmp/home/knit_symlink.md"
printf 'Other: `{cx} sum(csv("%s/secret/s.csv", "x"))`.\n' "$tmp" > "$tmp/home/knit_absolute.md"

pass=0; fail=0
# case        exit  options
while read -r name want opts; do
  [ -z "$name" ] && continue
  log="$tmp/$name.log"
  # shellcheck disable=SC2086
  if [ -f "$tmp/home/$name.md" ]; then set -- knit "$name.md" $opts; else set -- $opts "$name.cx"; fi
  (cd "$tmp/home" && strace -f -qq -e trace=open,openat,creat,rename,renameat,renameat2,unlink,mkdir \
     -o "$log" "$CX" "$@" >"$tmp/out" 2>"$tmp/err")
  code=$?
  why=()
  [ "$code" = "$want" ] || why+=("exit status $code, expected $want")
  # Every path the process opened, made absolute.
  while IFS= read -r path; do
    case "$path" in /*) ;; *) path="$tmp/home/$path" ;; esac
    real=$(realpath -m "$path")
    case "$real" in
      "$tmp"/home/*) ;;                                    # the script's own folder
      "$tmp"/other/*) [[ "$opts" == *--allow-read* ]] || why+=("opened $real") ;;
      /etc/ld.so.cache|/lib/*|/lib64/*|/usr/lib/*|/usr/lib64/*) ;;  # the dynamic loader
      *) why+=("opened $real, outside the allowed folders") ;;
    esac
  done < <(sed -n 's/.*\(open\|openat\|creat\|rename\|renameat2\?\|unlink\|mkdir\)([^"]*"\([^"]*\)".*/\2/p' "$log")
  # A report writes only its output (and the temporary file renamed to it).
  while IFS= read -r path; do
    case "$path" in out.html|out.html.tmp??????|"$tmp"/home/out.html*) ;;
      *) why+=("wrote $path") ;;
    esac
  done < <(sed -n 's/.*open\(at\)\?([^"]*"\([^"]*\)", [^)]*O_\(WRONLY\|RDWR\|CREAT\).*/\2/p' "$log")
  if grep -q 'secret' "$log"; then why+=("touched the secret folder: $(grep secret "$log" | head -1)"); fi
  if [ ${#why[@]} = 0 ]; then
    pass=$((pass+1)); printf 'ok   %-12s exit %s\n' "$name" "$code"
  else
    fail=$((fail+1)); printf 'FAIL %-12s exit %s\n' "$name" "$code"
    for w in "${why[@]}"; do echo "     - $w"; done
    head -n 2 "$tmp/err" | sed 's/^/     | /'
  fi
done <<EOT
inside    0
absolute  4
dotdot    4
symlink   4
missing   4
allowed   0  --allow-read ../other
csv_inside   0
csv_absolute 4
csv_dotdot   4
csv_symlink  4
knit_inside   0  -o out.html
knit_dotdot   4  -o out.html
knit_symlink  4  --check
knit_absolute 4  -o out.html
EOT
echo "confine: $pass passed, $fail failed"
[ $fail = 0 ]
