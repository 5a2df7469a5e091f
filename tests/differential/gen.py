#!/usr/bin/env python3
"""gen.py DIR N SEED - random scripts for tests/differential/run.sh.

Each script defines one to three long recurrences (1,023 to 1,500 daily
periods: most of them long enough to keep only their last periods) from
literals, names of numbers, their own earlier periods and other series,
through arithmetic and the built-ins a lean recurrence may call, then reads
them in the ways that compute the other periods again: last(), one period,
a slice, a whole-series function, a check, a chart, a claim with ~, a function with a parameter
named like a global, more periods after the last, a scenario's table.  Some end with a syntax
error, a division by zero or a function named like a built-in."""
import datetime
import random
import sys

RATES = ["1.0005", "0.97", "13%", "2", "0.5"]


def day(n):
    """The n-th day from 2000-01-01 (the first is n = 1)."""
    return (datetime.date(2000, 1, 1) + datetime.timedelta(days=n - 1)).isoformat()


def body(r, name, others, scalars):
    terms = [f"{name}[t - {r.randint(1, 3)}]"]
    for _ in range(r.randint(0, 3)):
        k = r.random()
        if k < 0.3 and scalars:
            terms.append(r.choice(scalars))
        elif k < 0.5 and others:
            terms.append(f"{r.choice(others)}[t - {r.randint(0, 2)}]")
        elif k < 0.7:
            terms.append(f"{r.randint(1, 99)}/{r.randint(1, 9)}")
        else:
            terms.append(r.choice(RATES))
    e = terms[0]
    for t in terms[1:]:
        e = f"({e} {r.choice('+-*')} {t})"
    k = r.random()
    if k < 0.4:
        e = f"round({e}, {r.randint(0, 3)})"
    elif k < 0.5:
        e = f"max({e}, -1000)"
    elif k < 0.6:
        e = f"abs({e})"
    elif k < 0.65:
        e = f"floor({e})"
    return e


def read(r, s, n, i):
    k = r.random()
    if k < 0.2:
        return f"print last({s});"
    if k < 0.4:
        return f"print {s} {day(r.randint(1, n))};"
    if k < 0.5:
        return f"print sum({s}[{day(r.randint(1, 5))}..{day(r.randint(10, 30))}]);"
    if k < 0.6:
        return f"print count({s}), min({s}), max({s});"
    if k < 0.7:
        return f"check {s} {day(32)} > {r.randint(-5, 500)};"
    if k < 0.8:
        return f"fn f{i}(k0) = {s}[{day(60)}] + k0;\nprint f{i}(1);"
    if k < 0.85:
        return f"chart line {s}[{day(1)}..{day(r.randint(2, 12))}];"
    if k < 0.9:
        return f"check {s} {day(r.randint(1, n))} ~ {r.randint(1, 300)};"
    return f"{s} {day(n + 1)}..{day(n + 3)} = {s}[t - 1] + 1;"


def script(r):
    lines, scalars, series = [], [], []
    for i in range(r.randint(0, 2)):
        lines.append(f"k{i} = {r.choice(['1.01', '3/7', '0.25', '2', '-1'])};")
        scalars.append(f"k{i}")
    n = r.choice([1023, 1024, 1100, 1500])
    extended = set()
    for i in range(r.randint(1, 3)):
        s = f"s{i}"
        for d in ("1999-12-29", "1999-12-30", "1999-12-31"):
            lines.append(f"{s} {d} = {r.randint(1, 200)};")
        b = body(r, s, series, scalars)
        if r.random() < 0.3:
            lines.append(f"{s}[2000-01-01..2000-01-01 + {n - 1}] = {b};")
        else:
            lines.append(f"{s} 2000-01-01..{day(n)} = {b};")
        series.append(s)
        for _ in range(r.randint(0, 3)):
            s = r.choice(series)
            line = read(r, s, n, len(lines))
            if line.startswith(f"{s} {day(n + 1)}"):
                if s in extended:
                    continue
                extended.add(s)
            lines.append(line)
    if scalars and r.random() < 0.15:  # the script run again with another k0
        lines.append(f"scenario other: k0 = {r.choice(['1.02', '1/3', '-2'])};")
        lines.append(f"table scenarios: last({series[-1]}), {series[0]} {day(7)};")
    k = r.random()
    if k < 0.1:
        lines.insert(r.randint(0, len(lines)), "x = (1 + ;")
    elif k < 0.2:
        # right after the first recurrence, before anything reads it
        at = next(i for i, line in enumerate(lines) if line.startswith(("s0 2000", "s0[")))
        lines[at + 1:at + 1] = ["fn round(x, p) = x;", f"print s0 {day(5)};"]
    elif k < 0.25:
        lines.append("print 1 / 0;")
    return "\n".join(lines) + "\n"


r = random.Random(int(sys.argv[3]))
for i in range(int(sys.argv[2])):
    with open(f"{sys.argv[1]}/d{i:04d}.cx", "w") as f:
        f.write(script(r))
