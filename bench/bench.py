#!/usr/bin/env python3
"""Runs the benchmark workloads with cx, the C baselines on GMP, GNU bc, calc
and python3, checks that every tool printed the right answer, and prints one
Markdown table.

    python3 bench/bench.py --cx CX --baselines DIR --runner RUNNER --out DIR

bench/run.sh is the entry point (`make bench`); it compiles the C baselines
and the runner (bench/runner.c, which times each run and reads its peak
memory) first.  See bench/README.md.  Environment: BENCH_RUNS (runs per cell, default
5; slow cells use fewer), BENCH_TIMEOUT (seconds per run, default 120).
"""
import argparse
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import gen_statements  # noqa: E402  (lives next to this file)

sys.set_int_max_str_digits(0)  # results have up to 213,237 digits

TOOLS = ("cx", "c", "bc", "calc", "frac", "dec")
TOOL_NAMES = {"cx": "cx", "c": "C (GMP)", "bc": "bc", "calc": "calc",
              "frac": "py Fraction", "dec": "py decimal"}
SCRIPT_EXT = {"cx": ".cx", "bc": ".bc", "calc": ".calc", "frac": ".frac.py", "dec": ".dec.py"}
SHOWN_DIGITS = 30    # cx shows the NPV and the IRR to this many significant digits


# ---- reference values, each by a different route from every tool's script ----

def npv_reference():
    """sum((1000 + 3i) / (151/150)^i, i = 1..3000) over one common
    denominator 151^3000."""
    n = 3000
    num = sum((1000 + 3 * i) * 150**i * 151 ** (n - i) for i in range(1, n + 1))
    return Fraction(num, 151**n)


def cents_reference():
    """v = round(v * 1.13, 2) over 100,000 periods, in whole cents on
    integers: c -> floor((113 c + 50) / 100), which is rounding half away
    from zero for the positive values this recurrence has."""
    c = 100 * 100
    for _ in range(100000):
        c = (113 * c + 50) // 100
    return Fraction(c, 100)


IRR_FLOWS = [-1000000] + [1000 + 3 * i for i in range(1, 10000)]


def irr_reference():
    """The IRR of IRR_FLOWS to about 60 digits, proven: Newton's method at 80
    digits finds x = 1 / (1 + r), a root of P(x) = sum f[i] x^i; then P is
    evaluated at x - 10^-60 rounding every step up and at x + 10^-60 rounding
    every step down.  All f[i] but f[0] are positive, so those are an upper
    and a lower bound of P there; opposite signs bracket the root."""
    def horner(x, rounding, derivative=False):
        with localcontext() as ctx:
            ctx.prec = 80
            ctx.rounding = rounding
            p = d = Decimal(0)
            for f in reversed(IRR_FLOWS):
                d = d * x + p
                p = p * x + f
            return (p, d) if derivative else p

    with localcontext() as ctx:
        ctx.prec = 80
        x = 1 / Decimal("1.001")
        for _ in range(100):
            p, d = horner(x, ctx.rounding, derivative=True)
            step = p / d
            x -= step
            if abs(step) < Decimal("1e-70"):
                break
        below, above = x - Decimal("1e-60"), x + Decimal("1e-60")
    if not horner(below, ROUND_CEILING) < 0 < horner(above, ROUND_FLOOR):
        raise RuntimeError("bench: the IRR reference is not bracketed")
    return 1 / Fraction(x) - 1


# Each workload: file stem, table label, reference value, how each tool's
# printed value is checked (default "exact"), extra cx arguments, tools that
# do not run it (and why), and notes on the exact-integer columns.
WORKLOADS = [
    dict(stem="1_startup", label="1. start-up (`1 + 1`)",
         ref=lambda: Fraction(2)),
    dict(stem="2_sum_int", label="2. sum of 10⁶ integer products",
         ref=lambda: Fraction(1000000 * 1000001 * 1000002 // 3), int_only=True),
    dict(stem="3_sum_dec", label="3. sum((i × 200000.25) × 1.13), 10⁶ terms",
         ref=lambda: Fraction("200000.25") * Fraction("1.13") * 1000000 * 1000001 / 2),
    dict(stem="4_cents", label="4. cents compounding, 100,000 periods",
         ref=cents_reference),
    dict(stem="5_compound", label="5. exact compounding, 30,000 steps",
         ref=lambda: Fraction(21, 20) ** 30000 * 1000),
    dict(stem="6_npv", label="6. exact NPV of 3,000 monthly flows at 8%",
         ref=npv_reference, cx_args=["--digits", str(SHOWN_DIGITS)],
         check={"cx": "shown", "bc": "approx", "dec": "approx"}, tol=Fraction(1, 10**40)),
    dict(stem="7_irr", label="7. IRR of 10,000 flows to 30 digits",
         ref=irr_reference, cx_args=["--digits", str(SHOWN_DIGITS)],
         check={"cx": "rounded", "c": "approx", "bc": "approx", "calc": "approx",
                "dec": "approx"}, tol=Fraction(1, 10**30),
         skip={"frac": "Newton's method on exact fractions doubles the digits every step"}),
    dict(stem="8_factorial", label="8. 50,000! by a loop",
         ref=lambda: Fraction(math.factorial(50000)), int_only=True),
    dict(stem="9_statements", label="9. script of 30,000 assignments",
         ref=None, generated=True),
]


# ---- parsing and checking printed values -------------------------------------

class Printed:
    """A number as a tool printed it: its exact value, whether the tool marked
    it approximate (cx "≈") or cut (cx "…"), and its significant digits."""

    def __init__(self, text):
        s = text.strip().splitlines()[-1].strip() if text.strip() else ""
        self.text = s
        self.approx = s.startswith("\u2248")
        self.cut = "\u2026" in s
        core = s.replace("\u2248", "").replace("\u2026", "").replace(",", "").replace("_", "")
        if "/" in core:
            p, q = core.split("/", 1)
            self.value = Fraction(int(p), int(q))
            self.sig = None
        else:
            self.value = Fraction(core)  # raises ValueError when not a number
            mantissa = core.lstrip("+-").lower().split("e")[0].replace(".", "")
            self.sig = len(mantissa.lstrip("0")) or 1


def round_sig(q, digits):
    """q rounded half away from zero to `digits` significant digits."""
    if q == 0:
        return q
    a = abs(q)
    e = len(str(a.numerator)) - len(str(a.denominator))
    while a >= Fraction(10) ** (e + 1):
        e += 1
    while a < Fraction(10) ** e:
        e -= 1
    unit = Fraction(10) ** (e - digits + 1)
    r = math.floor(a / unit + Fraction(1, 2)) * unit
    return r if q > 0 else -r


def verify(printed, ref, how, tol):
    """None when `printed` is right for reference `ref`, else why not.

    exact    the value equals the reference; not marked approximate or cut
    shown    cx's rounded display of an exact value ("…"): the reference
             rounded half away from zero at the digits shown (at least 20)
    rounded  cx's display of an approximate value ("≈"): the reference
             rounded to SHOWN_DIGITS significant digits
    approx   within tol of the reference, relatively (a fixed-precision tool)
    """
    if how == "rounded":
        if not printed.approx:
            return "an approximate value not marked ≈"
        return None if printed.value == round_sig(ref, SHOWN_DIGITS) else "wrong value"
    if printed.approx:
        return "marked approximate"
    if how == "exact":
        if printed.cut:
            return "digits were cut"
        return None if printed.value == ref else "wrong value"
    if how == "shown":
        if not printed.cut:
            return None if printed.value == ref else "wrong value"
        if printed.sig < 20:
            return f"only {printed.sig} digits shown"
        return None if printed.value == round_sig(ref, printed.sig) else "wrong value"
    if how == "approx":
        return None if abs(printed.value - ref) <= abs(ref) * tol else "too far off"
    raise ValueError(how)


def decimal_places(q):
    """Decimals in q's exact expansion, or None when it does not terminate."""
    d = q.denominator
    twos = (d & -d).bit_length() - 1
    rest = d >> twos
    fives = max(0, round((rest.bit_length() - 1) / 2.321928094887362))
    while 5**fives < rest:
        fives += 1
    while fives > 0 and 5 ** (fives - 1) >= rest:
        fives -= 1
    return max(twos, fives) if 5**fives == rest else None


def decimal_of(q):
    """Exact decimal of a terminating fraction."""
    places = decimal_places(q)
    n = abs(q.numerator) * 10**places // q.denominator
    digits = str(n).rjust(places + 1, "0")
    sign = "-" if q < 0 else ""
    return sign + (digits if places == 0 else digits[:-places] + "." + digits[-places:])


def abbreviate(q):
    """A short rendering of a reference value for the table."""
    if decimal_places(q) is None:  # does not terminate: the rounded figure
        return abbreviate_digits(decimal_of(round_sig(q, SHOWN_DIGITS))) + "…"
    return abbreviate_digits(decimal_of(q))


def abbreviate_digits(s):
    count = sum(ch.isdigit() for ch in s)
    if len(s) <= 34:
        return s
    return f"{s[:14]}…{s[-10:]} ({count:,} digits)"


# ---- running ------------------------------------------------------------------

class Cell:
    """One tool on one workload: its run times, peak memory and output."""

    def __init__(self, skip=None):
        self.skip = skip      # why the tool does not run this workload
        self.times = []
        self.rss_kb = None    # the largest peak resident set over the runs
        self.error = None     # the tool failed or printed a wrong answer
        self.output = b""
        self.runs = 0         # how many runs this cell gets

    def ok(self):
        return not self.skip and not self.error and self.times


def command(tool, wl, paths, args):
    if tool == "cx":
        return [args.cx] + wl.get("cx_args", []) + [paths["cx"]]
    if tool == "c":
        exe = os.path.join(args.baselines, wl["stem"])
        return [exe, paths["cx"]] if wl.get("generated") else [exe]
    if tool == "bc":
        return ["bc", "-q", paths["bc"]]
    if tool == "calc":
        return ["calc", "-q", "-f", paths["calc"]]
    return [args.python, paths[tool]]


def run_once(argv, env, args):
    """Runs argv once under the runner (bench/runner.c).  Returns (seconds,
    exit status, stdout bytes, first stderr line, peak RSS in KB); raises
    TimeoutExpired after BENCH_TIMEOUT seconds."""
    timeout = max(1, math.ceil(args.timeout))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".run") as report:
        p = subprocess.run([args.runner, report.name, str(timeout)] + argv,
                           stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                           timeout=timeout + 30)
        fields = report.read().split()
        out.seek(0)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
        first = lines[0][:160] if lines else ""
        if p.returncode != 0 or len(fields) != 4:
            raise OSError(0, f"the runner failed: {first or p.returncode}")
        seconds, rss_kb, status, timed_out = float(fields[0]), int(fields[1]), int(fields[2]), fields[3]
        if timed_out == "1":
            raise subprocess.TimeoutExpired(argv, timeout)
        return seconds, status, out.read(), first, rss_kb


FAST_CELL_S = 0.02   # a cell whose first run took less ...
FAST_CELL_RUNS = 41  # ... gets at least this many runs


def first_run(cell, tool, wl, ref, argv, args, env):
    """The first run of a cell: its output is checked against the reference,
    and its time decides how many runs the cell gets."""
    try:
        elapsed, status, out, err, rss = run_once(argv, env, args)
    except subprocess.TimeoutExpired:
        cell.error = f"timed out after {args.timeout:g} s"
        return
    except OSError as e:
        cell.error = f"could not run: {e.strerror}"
        return
    cell.output = out
    if status != 0:
        cell.error = f"exit {status}" + (f": {err}" if err else "")
        return
    text = out.decode("utf-8", "replace")
    how = wl.get("check", {}).get(tool, "exact")
    try:
        why = verify(Printed(text), ref, how, wl.get("tol"))
    except (ValueError, ZeroDivisionError):
        why = "printed no number"
    if why:
        cell.error = f"{why}: printed {abbreviate_digits(text.strip())!r}"
        return
    cell.times.append(elapsed)
    cell.rss_kb = rss
    # Slow cells get fewer runs so `make bench` stays within a few minutes;
    # cells of a few milliseconds get more, since one scheduling hiccup is a
    # large part of their time and they cost next to nothing.
    if elapsed < FAST_CELL_S:
        cell.runs = max(args.runs, FAST_CELL_RUNS)
    else:
        cell.runs = args.runs if elapsed < 1 else min(args.runs, 3) if elapsed < 5 else 1


def later_run(cell, argv, args, env):
    """A further timed run: it must succeed and print the same bytes."""
    try:
        elapsed, status, out, _err, rss = run_once(argv, env, args)
    except subprocess.TimeoutExpired:
        cell.error = f"timed out after {args.timeout:g} s on a later run"
        return
    except OSError as e:
        cell.error = f"could not run on a later run: {e.strerror}"
        return
    if status != 0:
        cell.error = f"exit {status} on a later run"
    elif out != cell.output:
        cell.error = "printed something else on a later run"
    else:
        cell.times.append(elapsed)
        cell.rss_kb = max(cell.rss_kb, rss)


def measure(wl, ref, paths, args, env):
    """Every tool on one workload.  The runs go in rounds (each tool once,
    then each again), so a burst of load from elsewhere on the machine
    slows every tool, not just one."""
    cells = {t: Cell(wl.get("skip", {}).get(t)) for t in TOOLS}
    argvs = {t: command(t, wl, paths, args) for t in TOOLS}
    for tool in TOOLS:
        if not cells[tool].skip:
            print(f"bench: {wl['label']}: {TOOL_NAMES[tool]}...", file=sys.stderr, flush=True)
            first_run(cells[tool], tool, wl, ref, argvs[tool], args, env)
    for _ in range(1, max([args.runs] + [c.runs for c in cells.values()])):
        for tool in TOOLS:
            c = cells[tool]
            if c.ok() and len(c.times) < c.runs:
                later_run(c, argvs[tool], args, env)
    return cells


# ---- the table --------------------------------------------------------------------

def fmt_ms(seconds):
    ms = seconds * 1000
    return f"{ms:.1f}" if ms < 10 else f"{ms:,.0f}"


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:,.0f}×"


def fmt_mb(kb):
    return "–" if kb is None else f"{kb / 1024:.1f}"


def median(cell):
    return statistics.median(cell.times) if cell.ok() else None


def peak(cell):
    return cell.rss_kb if cell.ok() else None


def time_cell(cell, note, default_runs):
    if cell.skip:
        return "n/a"
    if cell.error:
        return "✗ " + ("wrong" if "printed" in cell.error else "error")
    s = fmt_ms(median(cell)) + note
    if len(cell.times) != default_runs:
        s += f" (n={len(cell.times)})"
    return s


def table(results, args, wall, load):
    others = [t for t in TOOLS if t != "cx"]
    head = (["workload"] + [TOOL_NAMES[t] for t in TOOLS]
            + [f"cx/{TOOL_NAMES[t].split()[-1] if t in ('frac', 'dec') else TOOL_NAMES[t].split()[0]}"
               for t in others]
            + ["cx MB", "C MB", "result (all tools agree?)"])
    rows = []
    for wl, ref, cells in results:
        notes = {t: "" for t in TOOLS}
        if wl.get("int_only"):
            notes["frac"], notes["c"] = " (int)", " (mpz)"
        agree = all(c.skip or c.ok() for c in cells.values())
        rows.append(
            [wl["label"]]
            + [time_cell(cells[t], notes[t], args.runs) for t in TOOLS]
            + [fmt_ratio(median(cells["cx"]), median(cells[t])) for t in others]
            + [fmt_mb(peak(cells["cx"])), fmt_mb(peak(cells["c"])),
               ("✓ " if agree else "✗ ") + f"`{abbreviate(ref)}`"])
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(head) - 2) + ["---"]) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]

    # Peak memory of every tool: measured on every run anyway.
    mem_head = ["workload"] + [TOOL_NAMES[t] for t in TOOLS] + ["cx/C"]
    mem = ["", "Peak resident memory, MB (largest ru_maxrss over the runs, the figure GNU time's %M prints):", "",
           "| " + " | ".join(mem_head) + " |",
           "|" + "|".join(["---"] + ["---:"] * (len(mem_head) - 1)) + "|"]
    for wl, _ref, cells in results:
        mem.append("| " + " | ".join(
            [wl["label"].split(" ", 1)[0] + " " + wl["stem"].split("_", 1)[1]]
            + [("n/a" if cells[t].skip else fmt_mb(peak(cells[t]))) for t in TOOLS]
            + [fmt_ratio(peak(cells["cx"]), peak(cells["c"]))]) + " |")

    notes = [
        "",
        f"Times in ms per process (start-up included), median of {args.runs} "
        f"run{'s' if args.runs > 1 else ''} (BENCH_RUNS); "
        "(n=k): the cell used k runs (fewer for a slow cell, at least 41 for one under 20 ms). "
        "cx/X is cx's median time divided by X's: below 1 cx is faster. "
        "(int), (mpz): exact integer types for integer-only work. "
        "6 is exact in cx, C, calc and Fraction; bc (scale 100) and decimal (60 digits) are "
        "checked to 40 digits. 7 is approximate everywhere: cx must show the root rounded "
        "to 30 digits, the others must be within 10⁻³⁰ of it. bench/README.md explains each row.",
    ]
    problems = []
    for wl, _ref, cells in results:
        for tool in TOOLS:
            if cells[tool].skip:
                notes += ["", f"n/a: {wl['label'].split(' ', 1)[0]} {TOOL_NAMES[tool]}: "
                              f"{cells[tool].skip}."]
            elif cells[tool].error:
                problems.append(f"- {wl['label']}, {TOOL_NAMES[tool]}: {cells[tool].error}")
    notes += ["", f"Machine: {machine()}; load average {load[0]:.2f} at the start, "
                  f"{load[1]:.2f} at the end; {versions(args)}; total {wall:.0f} s."]
    if problems:
        notes += ["", "**Failures (a benchmark of wrong answers is worthless):**", ""] + problems
    return "\n".join(lines + mem + notes) + "\n", not problems


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model or platform.machine()}, {os.cpu_count()} cores"


def first_line(argv, word):
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
        lines = p.stdout.decode("utf-8", "replace").strip().splitlines()
        if p.returncode == 0 and lines and word in lines[0]:
            return lines[0]
    except (OSError, subprocess.TimeoutExpired):
        pass
    return None


def versions(args):
    out = [first_line([args.cx, "--version"], "cx"), first_line(["bc", "--version"], "bc")]
    calc = first_line(["calc", "-v"], "version")
    if calc:
        out.append("calc " + calc.rsplit("version", 1)[1].strip(" )"))
    out.append(first_line([os.path.join(args.baselines, "versions")], "GMP"))
    out.append("Python " + platform.python_version())
    return ", ".join(v[:60] for v in out if v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cx", required=True)
    ap.add_argument("--baselines", required=True, help="folder of the compiled C baselines")
    ap.add_argument("--runner", required=True, help="the compiled bench/runner.c")
    ap.add_argument("--out", required=True)
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    args.cx = os.path.abspath(args.cx)
    args.baselines = os.path.abspath(args.baselines)
    args.runner = os.path.abspath(args.runner)
    args.runs = max(1, int(os.environ.get("BENCH_RUNS", "5")))
    args.timeout = float(os.environ.get("BENCH_TIMEOUT", "120"))
    for tool in ("bc", "calc"):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is not installed (apt-get install {tool}, or make deps)")

    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ, BC_LINE_LENGTH="0")  # one line per number
    env.pop("BC_ENV_ARGS", None)                # no -l or files slipped in

    load_start = os.getloadavg()[0]
    start = time.perf_counter()
    results = []
    for wl in WORKLOADS:
        if wl.get("generated"):
            ref = gen_statements.generate(args.out)
            folder = args.out
        else:
            ref = wl["ref"]()
            folder = os.path.join(HERE, "workloads")
        paths = {t: os.path.join(folder, wl["stem"] + ext) for t, ext in SCRIPT_EXT.items()}
        results.append((wl, ref, measure(wl, ref, paths, args, env)))

    text, ok = table(results, args, time.perf_counter() - start, (load_start, os.getloadavg()[0]))
    with open(os.path.join(args.out, "results.md"), "w", encoding="utf-8") as f:
        f.write("# cx benchmark: cx, C on GMP, GNU bc, calc and python3 side by side\n\n" + text)
    print(text, end="")
    print(f"\n(written to {os.path.join(args.out, 'results.md')})", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
