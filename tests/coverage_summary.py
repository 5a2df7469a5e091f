#!/usr/bin/env python3
"""The summary table of `make coverage`: line and branch coverage per folder
of libcx and the CLI, and in total, from gcovr's JSON report.

    usage: tests/coverage_summary.py build/cov/coverage.json [--files]

--files adds one row per file, least covered first."""
import json
import sys

FOLDERS = ["runtime", "lang", "stdlib", "interp", "cli"]


def count(entry):
    lines = hit = branches = taken = 0
    for ln in entry["lines"]:
        if ln.get("gcovr/noncode"):
            continue
        lines += 1
        hit += ln["count"] > 0
        for b in ln.get("branches", []):
            branches += 1
            taken += b["count"] > 0
    return lines, hit, branches, taken


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "    -"


def row(name, c):
    lines, hit, branches, taken = c
    return f"{name:<24} {hit:>6}/{lines:<6} {pct(hit, lines)}   {taken:>6}/{branches:<6} {pct(taken, branches)}"


def main():
    data = json.load(open(sys.argv[1]))
    per_file = {}
    for f in data["files"]:
        name = f["file"]
        if name.split("/")[0] not in FOLDERS:
            continue
        per_file[name] = count(f)
    print(f"{'':<24} {'lines':>13} {'':>6}   {'branches':>13}")
    total = [0, 0, 0, 0]
    for folder in FOLDERS:
        acc = [0, 0, 0, 0]
        for name, c in per_file.items():
            if name.startswith(folder + "/"):
                acc = [x + y for x, y in zip(acc, c)]
        total = [x + y for x, y in zip(total, acc)]
        print(row(folder + "/", acc))
    print(row("total", total))
    if "--files" in sys.argv:
        print()
        for name, c in sorted(per_file.items(), key=lambda kv: kv[1][1] / max(kv[1][0], 1)):
            print(row(name, c))


if __name__ == "__main__":
    main()
