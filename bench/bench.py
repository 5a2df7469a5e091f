#!/usr/bin/env python3
"""Runs the benchmark workloads with cx, GNU bc and python3, checks that every
tool printed the right answer, and prints one Markdown table.

    python3 bench/bench.py --cx build/cx --out build/bench

bench/run.sh is the entry point (`make bench`); see bench/README.md.
Environment: BENCH_RUNS (runs per cell, default 5; slow cells use fewer),
BENCH_TIMEOUT (seconds per run, default 120).
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
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import gen_statements  # noqa: E402  (lives next to this file)

sys.set_int_max_str_digits(0)  # results have up to 77,338 digits

TOOLS = ("cx", "bc", "frac", "dec")
TOOL_NAMES = {"cx": "cx", "bc": "bc", "frac": "python3 Fraction", "dec": "python3 decimal"}
NPV_DIGITS = 30      # cx shows the NPV to this many significant digits
APPROX_REL = Fraction(1, 10**40)  # bc (scale 100) and decimal (60 digits) must be this close


def npv_reference():
    """sum((1000 + 3i) / (151/150)^i, i = 1..3000) over one common
    denominator 151^3000: a different route from every tool's script."""
    n = 3000
    num = sum((1000 + 3 * i) * 150**i * 151 ** (n - i) for i in range(1, n + 1))
    return Fraction(num, 151**n)


# Each workload: file stem, table label, reference value (computed here, not
# by any tool), how each tool's printed value is checked, extra cx arguments,
# and whether the "python3 Fraction" script uses int (the exact integer type).
WORKLOADS = [
    dict(stem="1_startup", label="1. start-up (`1 + 1`)",
         ref=lambda: Fraction(2)),
    dict(stem="2_sum", label="2. sum of 1,000,000 exact products",
         ref=lambda: Fraction(1000000 * 1000001 * 1000002 // 3), py_int=True),
    dict(stem="3_compound", label="3. compounding over 10,000 periods",
         ref=lambda: Fraction(21, 20) ** 10000 * 1000),
    dict(stem="4_npv", label="4. NPV of 3,000 exact cash flows",
         ref=npv_reference, cx_args=["--digits", str(NPV_DIGITS)],
         check={"cx": "shown", "frac": "exact", "bc": "approx", "dec": "approx"}),
    dict(stem="5_factorial", label="5. 20,000! by a loop",
         ref=lambda: Fraction(math.factorial(20000)), py_int=True),
    dict(stem="6_statements", label="6. script of 30,000 assignments",
         ref=None, rss=True),
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


def verify(printed, ref, how):
    """None when `printed` is right for reference `ref`, else why not."""
    if printed.approx:
        return "marked approximate"
    if how == "exact":
        if printed.cut:
            return "digits were cut"
        return None if printed.value == ref else "wrong value"
    if how == "shown":  # cx's rounded display: must be ref rounded at the shown digits
        if not printed.cut:
            return None if printed.value == ref else "wrong value"
        if printed.sig < 20:
            return f"only {printed.sig} digits shown"
        return None if printed.value == round_sig(ref, printed.sig) else "wrong value"
    if how == "approx":
        return None if abs(printed.value - ref) <= abs(ref) * APPROX_REL else "too far off"
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
    """A short exact rendering of a reference value for the table."""
    if decimal_places(q) is None:  # does not terminate: the rounded figure
        return abbreviate_digits(decimal_of(round_sig(q, NPV_DIGITS))) + "…"
    return abbreviate_digits(decimal_of(q))


def abbreviate_digits(s):
    count = sum(ch.isdigit() for ch in s)
    if len(s) <= 34:
        return s
    return f"{s[:14]}…{s[-10:]} ({count:,} digits)"


# ---- running ------------------------------------------------------------------

class Cell:
    def __init__(self):
        self.times = []
        self.error = None     # the tool failed or printed a wrong answer
        self.output = ""
        self.rss_kb = None


def command(tool, path, wl, cx, python):
    if tool == "cx":
        return [cx] + wl.get("cx_args", []) + [path]
    if tool == "bc":
        return ["bc", "-q", path]
    return [python, path]


def run_once(argv, env, timeout):
    start = time.perf_counter()
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=timeout)
    elapsed = time.perf_counter() - start
    return elapsed, p


def peak_rss_kb(argv, env, timeout):
    """Peak resident set of one run, by GNU time (`-f %M`, kilobytes)."""
    gnu_time = "/usr/bin/time"
    if not os.access(gnu_time, os.X_OK):
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as f:
        subprocess.run([gnu_time, "-f", "%M", "-o", f.name] + argv, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       timeout=timeout, check=True)
        return int(f.read().strip().splitlines()[-1])


def measure(tool, wl, ref, paths, args, env):
    cell = Cell()
    argv = command(tool, paths[tool], wl, args.cx, args.python)
    how = wl.get("check", {}).get(tool, "exact")
    try:
        first, p = run_once(argv, env, args.timeout)
    except subprocess.TimeoutExpired:
        cell.error = f"timed out after {args.timeout} s"
        return cell
    except OSError as e:
        cell.error = f"could not run: {e.strerror}"
        return cell
    cell.output = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        cell.error = f"exit {p.returncode}" + (f": {msg[0][:160]}" if msg else "")
        return cell
    try:
        why = verify(Printed(cell.output), ref, how)
    except (ValueError, ZeroDivisionError):
        why = "printed no number"
    if why:
        cell.error = f"{why}: printed {abbreviate_digits(cell.output.strip())!r}"
        return cell
    cell.times.append(first)
    # Slow cells get fewer runs so `make bench` stays near three minutes.
    runs = args.runs if first < 1 else min(args.runs, 3) if first < 5 else 1
    for _ in range(runs - 1):
        elapsed, p = run_once(argv, env, args.timeout)
        if p.returncode != 0:
            cell.error = f"exit {p.returncode} on a later run"
            return cell
        cell.times.append(elapsed)
    if wl.get("rss"):
        cell.rss_kb = peak_rss_kb(argv, env, args.timeout)
    return cell


# ---- the table --------------------------------------------------------------------

def fmt_ms(seconds):
    ms = seconds * 1000
    return f"{ms:.1f}" if ms < 10 else f"{ms:,.0f}"


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:,.0f}×"


def median(cell):
    return statistics.median(cell.times) if cell.times and not cell.error else None


def time_cell(cell, note="", default_runs=5):
    if cell.error:
        return "✗ " + ("wrong" if "printed" in cell.error else "error")
    s = fmt_ms(median(cell))
    if len(cell.times) < default_runs:
        s += f" (n={len(cell.times)})"
    return s + note


def table(results, args, wall):
    head = ["workload", "cx", "bc", "python3 Fraction", "python3 decimal",
            "cx/bc", "cx/py-Fraction", "result (all tools agree?)"]
    rows = []
    for wl, ref, cells in results:
        py_note = " (int)" if wl.get("py_int") else ""
        agree = all(c.error is None for c in cells.values())
        rows.append([
            wl["label"],
            time_cell(cells["cx"], default_runs=args.runs),
            time_cell(cells["bc"], default_runs=args.runs),
            time_cell(cells["frac"], py_note, args.runs),
            time_cell(cells["dec"], default_runs=args.runs),
            fmt_ratio(median(cells["cx"]), median(cells["bc"])),
            fmt_ratio(median(cells["cx"]), median(cells["frac"])),
            ("✓ " if agree else "✗ ") + f"`{abbreviate(ref)}`",
        ])
        if wl.get("rss"):
            kb = {t: (c.rss_kb if not c.error else None) for t, c in cells.items()}
            mb = {t: (f"{v / 1024:.1f}" if v is not None else "–") for t, v in kb.items()}
            rows.append(["   peak RSS of 6, MB (GNU time %M)", mb["cx"], mb["bc"], mb["frac"],
                         mb["dec"], fmt_ratio(kb["cx"], kb["bc"]), fmt_ratio(kb["cx"], kb["frac"]),
                         ""])
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] + ["---:"] * 6 + ["---"]) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    notes = [
        "",
        f"Times in ms, median of {args.runs} run{'s' if args.runs > 1 else ''} (BENCH_RUNS); "
        "a cell marked (n=k) took over a second and used k runs. Ratios below 1 mean cx is faster. (int): the exact "
        "Python column uses int, Python's exact integer type, for integer-only work. "
        "Workload 4 is exact in cx and Fraction; bc runs it at scale 100 and decimal at "
        "60 digits, both checked to 40 digits. bench/README.md explains each row.",
        "",
        f"Machine: {machine()}; {versions(args)}; total {wall:.0f} s.",
    ]
    problems = []
    for wl, _ref, cells in results:
        for tool in TOOLS:
            if cells[tool].error:
                problems.append(f"- {wl['label']}, {TOOL_NAMES[tool]}: {cells[tool].error}")
    if problems:
        notes += ["", "**Failures (a benchmark of wrong answers is worthless):**", ""] + problems
    return "\n".join(lines + notes) + "\n", not problems


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


def versions(args):
    out = []
    for argv, word in (([args.cx, "--version"], "cx"), (["bc", "--version"], "bc")):
        try:
            p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
            first = p.stdout.decode("utf-8", "replace").strip().splitlines()
            if p.returncode == 0 and first and word in first[0]:
                out.append(first[0][:60])
        except (OSError, subprocess.TimeoutExpired):
            pass
    out.append("Python " + platform.python_version())
    return ", ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cx", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    args.cx = os.path.abspath(args.cx)
    args.runs = max(1, int(os.environ.get("BENCH_RUNS", "5")))
    args.timeout = float(os.environ.get("BENCH_TIMEOUT", "120"))
    if not shutil.which("bc"):
        sys.exit("bench: GNU bc is not installed (apt-get install bc)")

    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ, BC_LINE_LENGTH="0")  # one line per number
    env.pop("BC_ENV_ARGS", None)                # no -l or files slipped in

    start = time.perf_counter()
    results = []
    for wl in WORKLOADS:
        if wl["stem"] == "6_statements":
            ref = gen_statements.generate(args.out)
            folder = args.out
        else:
            ref = wl["ref"]()
            folder = os.path.join(HERE, "workloads")
        paths = {
            "cx": os.path.join(folder, wl["stem"] + ".cx"),
            "bc": os.path.join(folder, wl["stem"] + ".bc"),
            "frac": os.path.join(folder, wl["stem"] + ".frac.py"),
            "dec": os.path.join(folder, wl["stem"] + ".dec.py"),
        }
        cells = {}
        for tool in TOOLS:
            print(f"bench: {wl['label']}: {TOOL_NAMES[tool]}...", file=sys.stderr, flush=True)
            cells[tool] = measure(tool, wl, ref, paths, args, env)
        results.append((wl, ref, cells))

    text, ok = table(results, args, time.perf_counter() - start)
    with open(os.path.join(args.out, "results.md"), "w", encoding="utf-8") as f:
        f.write("# cx benchmark: cx, GNU bc and python3 side by side\n\n" + text)
    print(text, end="")
    print(f"\n(written to {os.path.join(args.out, 'results.md')})", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
