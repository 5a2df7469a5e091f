#!/usr/bin/env python3
"""Parses a `cx --json` document on standard input with Python's json module,
validates it against docs/cx-output.schema.json with jsonschema (Debian's
python3-jsonschema), checks what a schema cannot say (the check counts add
up when nothing was left out), and prints a one-line summary (or what is
wrong) so a golden test can compare it.  Exit 1 when invalid."""
import json
import os
import sys
from fractions import Fraction

import jsonschema

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")


def fail(msg):
    print("invalid: " + msg)
    sys.exit(1)


def numbers(v):
    """Every number object inside a value."""
    if isinstance(v, list):
        for x in v:
            yield from numbers(x)
    elif isinstance(v, dict):
        if "num" in v and "decimal" in v:
            yield v
        else:
            for x in v.values():
                yield from numbers(x)


with open(os.path.join(ROOT, "docs", "cx-output.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
try:
    doc = json.load(sys.stdin)
except ValueError as e:
    fail("not JSON: %s" % e)
validator = jsonschema.Draft202012Validator(schema)
errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
if errors:
    e = errors[0]
    fail("%s at %s" % (e.message, "/".join(str(p) for p in e.absolute_path) or "the top"))
# A number's plain decimal is its exact value, or that value rounded.
for o in doc["outputs"]:
    for v in (o["result"], o["rhs_result"], o["rows"]):
        for n in numbers(v):
            if n["num"] is None or "e" in n["decimal"]:
                continue
            exact, dec = Fraction(int(n["num"]), int(n["den"])), Fraction(n["decimal"])
            if exact != dec and abs(exact - dec) * 10**6 > abs(exact):
                fail("decimal %s far from %s/%s" % (n["decimal"], n["num"], n["den"]))
c = doc["checks"]
print("valid: %d outputs (%s), %d checks passed, %d failed, %d errors (%s), status %d" % (
    len(doc["outputs"]), " ".join(o["kind"] for o in doc["outputs"]) or "none",
    c["passed"], c["failed"], len(doc["errors"]),
    " ".join(e["code"] for e in doc["errors"]) or "none", doc["status"]))
for o in doc["outputs"]:
    if o["kind"] == "print":
        print("print text: %r" % o["text"])
