#!/usr/bin/env python3
"""Parses a `cx --json` document on standard input with Python's json module
and checks it against the schema in docs/json.md; prints a one-line summary
(or what is wrong) so a golden test can compare it.  Exit 1 when invalid."""
import json
import sys

OUTPUT_KEYS = {"kind", "text", "expr", "value", "rhs", "detail", "passed", "approx", "file", "line"}
ERROR_KEYS = {"kind", "code", "message", "hint", "file", "line", "col", "end_line", "end_col",
              "at_end_of_input", "rendered"}
KINDS = {"value", "print", "check", "table"}
ERROR_KINDS = {"syntax", "name", "type", "math", "limit", "io", "internal"}


def fail(msg):
    print("invalid: " + msg)
    sys.exit(1)


def opt_str(v):
    return v is None or isinstance(v, str)


def opt_int(v):
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 1)


try:
    doc = json.load(sys.stdin)
except ValueError as e:
    fail("not JSON: %s" % e)
if set(doc) != {"version", "outputs", "errors", "checks", "status"}:
    fail("top-level keys %s" % sorted(doc))
passed = failed = 0
for o in doc["outputs"]:
    if set(o) != OUTPUT_KEYS:
        fail("output keys %s" % sorted(o))
    if o["kind"] not in KINDS or not isinstance(o["text"], str):
        fail("output %r" % o)
    if not all(opt_str(o[k]) for k in ("expr", "value", "rhs", "detail", "file")):
        fail("output strings %r" % o)
    if not opt_int(o["line"]) or not isinstance(o["approx"], bool):
        fail("output line/approx %r" % o)
    if o["kind"] == "check":
        if not isinstance(o["passed"], bool):
            fail("check without passed %r" % o)
        passed += o["passed"]
        failed += not o["passed"]
    elif o["passed"] is not None:
        fail("passed on a %s" % o["kind"])
for e in doc["errors"]:
    if set(e) != ERROR_KEYS:
        fail("error keys %s" % sorted(e))
    if e["kind"] not in ERROR_KINDS or not isinstance(e["message"], str):
        fail("error %r" % e)
    if not all(opt_int(e[k]) for k in ("line", "col", "end_line", "end_col")):
        fail("error position %r" % e)
    if not isinstance(e["rendered"], str) or not isinstance(e["at_end_of_input"], bool):
        fail("error rendered %r" % e)
c = doc["checks"]
if set(c) != {"passed", "failed"}:
    fail("checks %r" % c)
if not isinstance(doc["status"], int) or doc["status"] not in (0, 1, 2, 3, 4):
    fail("status %r" % doc["status"])
print("valid: %d outputs (%s), %d checks passed, %d failed, %d errors (%s), status %d" % (
    len(doc["outputs"]), " ".join(o["kind"] for o in doc["outputs"]) or "none",
    c["passed"], c["failed"], len(doc["errors"]),
    " ".join(e["code"] for e in doc["errors"]) or "none", doc["status"]))
for o in doc["outputs"]:
    if o["kind"] == "print":
        print("print text: %r" % o["text"])
