#!/usr/bin/env python3
"""Checks that tests/fuzz/cx.dict holds every keyword and operator of
lang/lexer.l and every built-in of stdlib/builtins.c, so the fuzzer's
dictionary cannot fall behind the language.  `include` is exempt: the
harness skips inputs that contain it.

    usage: tests/fuzz/check_dict.py   (from the repository root)"""
import re
import sys

lexer = open("lang/lexer.l").read()
rules = lexer.split("%%")[1]
keywords = re.findall(r'^"([a-z]+)"\s+\{ return CX_TOK_', rules, re.M)
operators = re.findall(r'^"([^a-z"]+)"\s+\{ return CX_TOK_', rules, re.M)
single = re.search(r"^\[([^\]]*\\\][^\]]*)\]\s+\{ return yytext\[0\]; \}", rules, re.M)
if not keywords or not operators or not single:
    sys.exit("check_dict: cannot read the keyword and operator rules of lang/lexer.l")
operators += list(single.group(1).replace("\\", ""))
builtins = re.findall(r'^\s*X\("([a-z_0-9]+)"', open("stdlib/builtins.c").read(), re.M)
if not builtins:
    sys.exit("check_dict: cannot read the built-in table of stdlib/builtins.c")

entries = set()
for line in open("tests/fuzz/cx.dict"):
    m = re.match(r'^\w+="(.*)"\s*$', line)
    if m:
        entries.add(m.group(1).replace('\\"', '"').replace("\\\\", "\\"))

missing = [k for k in keywords if k != "include" and k not in entries]
missing += [o for o in operators if o not in entries]
missing += [b + "(" for b in builtins if b + "(" not in entries]
if missing:
    print("tests/fuzz/cx.dict lacks: " + " ".join(missing))
    sys.exit(1)
print(f"cx.dict: {len(keywords)} keywords, {len(operators)} operators, {len(builtins)} built-ins")
