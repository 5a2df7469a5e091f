#!/usr/bin/env bash
# Keeps the error catalogue complete: collects every error code the source
# can produce and fails, listing them, when a code is missing from
# docs/errors.md, when docs/errors.md lists a code the source no longer has,
# or when a code a script can trigger is shown by no golden test.
#   usage: tests/check_error_codes.sh
#
# Codes are the string literals passed as the `code` argument of the error
# functions (cx_diag_add, cx_parse_error, cx_eval_error, cx_call_error, ...)
# in lang/ runtime/ stdlib/ and cli/.  A call whose code is not a literal,
# and a literal that looks like a code ("math-...") but reaches none of
# those functions, are errors too: a new wrapper must be taught to this
# script rather than let its codes go unseen.
#
# Text output does not print codes, so a golden test shows a code through
# `cx --json`: its NAME.cmd keeps the "code" fields of the JSON on stdout
# (NAME.out), next to the rendered errors on stderr (NAME.err).  A code
# counts as shown when a tests/golden/**/*.out or *.err holds
# "code": "THE-CODE".  A code is exempt when every row docs/errors.md gives
# it says "not reachable from a script".
#
# The error cases are laid out as tests/golden/errors/KIND/CODE[-WHAT].cx:
# a case outside its kind's folder, or whose name does not start with a
# code, is a problem too.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, re, sys

# function -> index of its code argument
FUNCS = {
    "cx_diag_add": 2, "cx_diag_vadd": 2, "cx_parse_error": 2, "cx_eval_error": 2,
    "cx_call_error": 3, "cx_cli_report_error": 2, "bad_token": 2, "bad_part": 2,
}
CODE_SHAPE = re.compile(r'"((?:syntax|name|type|math|limit|io|internal)(?:-[a-z0-9]+)+|internal|interrupted)"')

def strip_comments(s):
    """Blanks out comments, keeping strings and line numbers."""
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c == "\\":                     # an escaped quote in a flex pattern
            out.append(s[i:i + 2]); i += 2
        elif c in "\"'":
            j = i + 1
            while j < n and s[j] != c:
                j += 2 if s[j] == "\\" else 1
            out.append(s[i:j + 1]); i = j + 1
        elif s.startswith("/*", i):
            j = s.find("*/", i + 2); j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", s[i:j])); i = j
        elif s.startswith("//", i):
            j = s.find("\n", i); j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        else:
            out.append(c); i += 1
    return "".join(out)

def call_args(s, i):
    """Top-level arguments of the call whose '(' is at s[i]."""
    depth, cur, args, j = 0, [], [], i
    while j < len(s):
        c = s[j]
        if c in "\"'":
            k = j + 1
            while s[k] != c:
                k += 2 if s[k] == "\\" else 1
            cur.append(s[j:k + 1]); j = k + 1; continue
        if c in "([{":
            depth += 1
            if depth == 1:
                j += 1; continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip()); return args
        elif c == "," and depth == 1:
            args.append("".join(cur).strip()); cur = []; j += 1; continue
        cur.append(c); j += 1
    return args

problems = []
codes = {}        # code -> ["file:line", ...]
shaped = {}       # code-like literal -> first "file:line"
files = sorted(f for d in ("lang", "runtime", "stdlib", "cli")
               for ext in ("c", "h", "y", "l") for f in glob.glob(f"{d}/*.{ext}"))
call_re = re.compile(r"\b(" + "|".join(FUNCS) + r")\s*\(")
for path in files:
    s = strip_comments(open(path, encoding="utf-8", errors="replace").read())
    line_of = lambda pos: s.count("\n", 0, pos) + 1
    for m in CODE_SHAPE.finditer(s):
        shaped.setdefault(m.group(1), f"{path}:{line_of(m.start())}")
    for m in call_re.finditer(s):
        args = call_args(s, m.end() - 1)
        k = FUNCS[m.group(1)]
        where = f"{path}:{line_of(m.start())}"
        if len(args) <= k:
            continue                      # a declaration's parameter list ends early
        a = args[k]
        if re.fullmatch(r'"[^"]*"', a):
            codes.setdefault(a[1:-1], []).append(where)
        elif re.fullmatch(r"(const\s+)?char\s*\*\s*code", a) or a == "code":
            continue                      # the definition, or a wrapper passing its own code on
        else:
            problems.append(f"{where}: {m.group(1)} gets a code that is not a string literal: {a}")
for c, where in sorted(shaped.items()):
    if c not in codes:
        problems.append(f"{where}: \"{c}\" looks like an error code but reaches no error function")

# docs/errors.md: rows of its tables that name a code in backquotes
doc_rows = {}     # code -> [row text, ...]
doc_paths = set()
try:
    doc = open("docs/errors.md", encoding="utf-8").read()
except OSError:
    doc = ""
    problems.append("docs/errors.md is missing")
for line in doc.splitlines():
    if not line.startswith("|"):
        continue
    first = line.split("|")[1]
    for c in re.findall(r"`([a-z][a-z0-9-]*)`", first):
        doc_rows.setdefault(c, []).append(line)
    doc_paths.update(re.findall(r"`((?:errors|limits|cli|checks|numbers|periods|statements)/(?:[\w.-]+/)*[\w.-]+\.cx)`", line))

golden = ""
for f in sorted(glob.glob("tests/golden/**/*.out", recursive=True) +
                glob.glob("tests/golden/**/*.err", recursive=True)):
    golden += open(f, encoding="utf-8", errors="replace").read()
shown = set(re.findall(r'"code": "([a-z0-9-]+)"', golden))

unreachable = {c for c, rows in doc_rows.items()
               if all("not reachable from a script" in r for r in rows)}
for c in sorted(codes):
    if c not in doc_rows:
        problems.append(f"{codes[c][0]}: code {c} is not in docs/errors.md")
    elif c not in unreachable and c not in shown:
        problems.append(f"{codes[c][0]}: code {c} is shown by no golden test "
                        "(no \"code\": \"" + c + "\" in tests/golden/**/*.out or *.err)")
for c in sorted(set(doc_rows) - set(codes)):
    problems.append(f"docs/errors.md: code {c} is listed but the source never produces it")
for p in sorted(doc_paths):
    if not glob.glob(f"tests/golden/{p}"):
        problems.append(f"docs/errors.md: names tests/golden/{p}, which does not exist")

# tests/golden/errors/KIND/CODE.cx or CODE-WHAT.cx: each error case sits in
# the folder of its kind and is named after a code the source produces
# (files under an inc/ folder are only included by other cases).
for f in sorted(glob.glob("tests/golden/errors/**/*.cx", recursive=True)):
    parts = f.split("/")[3:]
    if "inc" in parts[:-1]:
        continue
    name = parts[-1][:-len(".cx")]
    named = [c for c in codes if name == c or name.startswith(c + "-")]
    if len(parts) != 2:
        problems.append(f"{f}: an error case belongs in tests/golden/errors/KIND/")
    elif not named:
        problems.append(f"{f}: the name does not start with an error code")
    elif parts[0] != max(named, key=len).split("-")[0]:
        problems.append(f"{f}: a {max(named, key=len)} case outside tests/golden/errors/"
                        f"{max(named, key=len).split('-')[0]}/")

for p in problems:
    print(p)
n_shown = len([c for c in codes if c in shown])
print(f"error codes: {len(codes)} in the source, {len([c for c in codes if c in doc_rows])} in "
      f"docs/errors.md, {n_shown} shown by golden tests, "
      f"{len([c for c in codes if c in unreachable])} not reachable from a script; "
      f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
sys.exit(1 if problems else 0)
PY
