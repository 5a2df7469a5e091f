#!/usr/bin/python3
"""Reference values for cx's financial built-ins, computed independently of
cx's C code: exact rationals with Python's fractions module, everything
irrational with mpmath at 80 significant digits (Debian: python3-mpmath).

The methods deliberately differ from cx's where they can: TVM values come from
summing discounted cash flows (cx uses closed forms), ipmt/ppmt/cum* from
simulating the loan balance period by period (cx: closed forms), irr from
mpmath.polyroots on the NPV polynomial (cx: bracketed Illinois search), xirr
and rate from mpmath.findroot (Anderson/Illinois from a bracket found here,
then Newton at 80 digits), ddb and db by walking the schedule.

Writes tests/finance/refs_mpmath.inc, one C initializer per line:
    {"cx expression", "reference", kind, "how it was computed"},
kind 'X': exact; the reference is the fraction p/q and cx must return it
          exactly (not approximate).
kind 'E': exact; cx must return an exact number equal to the reference to
          at least 45 significant digits (the fraction is too long to embed).
kind 'A': approximate; cx must mark it approximate and agree to 40 digits.
kind 'N': cx may be exact or approximate; agree to 40 digits.
Run from the repository root:  /usr/bin/python3 tests/finance/gen_refs.py
The output is committed, so the tests need neither Python nor mpmath."""
from fractions import Fraction as F
import datetime
import mpmath
from mpmath import mp, mpf

mp.dps = 80
OUT = "tests/finance/refs_mpmath.inc"
refs = []


def add(expr, value, kind, how):
    refs.append((expr, value, kind, how))


def M(x):
    """Fraction, int or str -> mpf at the working precision."""
    if isinstance(x, F):
        return mpf(x.numerator) / x.denominator
    return mpf(x)


def digits50(x):
    return mpmath.nstr(mpf(x), 50, min_fixed=-1, max_fixed=1)


def exact(expr, q, how):
    q = F(q)
    if q.numerator.bit_length() + q.denominator.bit_length() <= 600:
        s = f"{q.numerator}/{q.denominator}" if q.denominator != 1 else f"{q.numerator}"
        add(expr, s, 'X', how)
    else:
        add(expr, digits50(mpf(q.numerator) / q.denominator), 'E', how)


def approx(expr, x, how, kind='A'):
    add(expr, digits50(x), kind, how)


def dec(s):
    """cx literal text -> Fraction (plain decimals, %, and one '/k', as used below)."""
    s = s.strip()
    if '/' in s:
        a, b = s.split('/')
        return dec(a) / dec(b)
    if s.endswith('%'):
        return F(s[:-1]) / 100
    return F(s)

# ---- time value of money, by summing discounted flows ----------------------


def flows_of(nper, pmt, pv, fv, typ):
    """The TVM equation as dated flows: pv at 0, pmt at 1..n (type 0) or
    0..n-1 (type 1), fv at n."""
    fl = [(0, pv), (nper, fv)]
    for t in range(nper):
        fl.append((t + typ if typ else t + 1, pmt))
    return fl


def disc(r, t):
    return (1 + r) ** -t


def pv_ref(r, n, pmt, fv, typ):
    # pv + sum(pmt at t) * (1+r)^-t + fv (1+r)^-n = 0
    s = sum(pmt * disc(r, t + (0 if typ else 1)) for t in range(n)) + fv * disc(r, n)
    return -s


def fv_ref(r, n, pmt, pv, typ):
    s = pv * (1 + r) ** n + sum(pmt * (1 + r) ** (n - (t + (0 if typ else 1))) for t in range(n))
    return -s


def pmt_ref(r, n, pv, fv, typ):
    unit = sum(disc(r, t + (0 if typ else 1)) for t in range(n))
    return -(pv + fv * disc(r, n)) / unit


def schedule(r, n, pv, fv, typ):
    """Simulates the loan: (interest part, principal part) of each payment,
    Excel's convention (type 1 pays the previous period's interest)."""
    pmt = pmt_ref(r, n, pv, fv, typ)
    owed = pv
    out = []
    if typ == 0:
        for k in range(1, n + 1):
            interest = owed * r
            owed = owed + interest + pmt
            out.append((-interest, pmt + interest))
    else:
        accrued = F(0)
        for k in range(1, n + 1):
            owed = owed + accrued          # last period's interest falls due
            owed = owed + pmt              # the payment at the start
            out.append((-accrued, pmt + accrued))
            accrued = owed * r             # accrues over period k
    return pmt, out


how_sum = "exact: fractions, sum of the discounted cash flows"
tvm_cases = [
    ("8%/12", 240, "500", "0", 0),
    ("5%", 10, "-100", "1000", 1),
    ("0", 10, "-100", "1000", 0),
    ("0", 10, "-100", "1000", 1),
    ("-5%", 10, "-100", "0", 0),
    ("-99.9999%", 3, "-100", "0", 1),
    ("0.000000000001", 1000, "-100", "0", 0),
    ("5%", 1000, "-1000000000000", "0", 0),
    ("5%", 10, "-0.000000001", "0", 1),
    ("7.25%", 30, "-1250", "-50000", 1),
]
for r_s, n, a_s, b_s, typ in tvm_cases:
    r, a, b = dec(r_s), dec(a_s), dec(b_s)
    exact(f"pv({r_s}, {n}, {a_s}, {b_s}, {typ})", pv_ref(r, n, a, b, typ), how_sum)
    exact(f"fv({r_s}, {n}, {a_s}, {b_s}, {typ})", fv_ref(r, n, a, b, typ), how_sum)
    exact(f"pmt({r_s}, {n}, {b_s}, {a_s}, {typ})", pmt_ref(r, n, b, a, typ),
          "exact: fractions, payment solved from the sum of discounted flows")

how_sim = "exact: fractions, loan balance simulated period by period (type 1: interest paid a period late)"
for r_s, n, pv_s, fv_s, typ, pers in [
        ("10%/12", 36, "8000", "0", 0, [1, 2, 18, 36]),
        ("10%/12", 36, "8000", "0", 1, [1, 2, 18, 36]),
        ("10%", 3, "8000", "0", 0, [3]),
        ("0", 12, "1200", "0", 0, [5]),
        ("-3%", 8, "1000", "100", 1, [4]),
        ("0.000000000001", 1000, "1000000000000", "0", 0, [1, 500, 1000]),
        ("6%", 20, "-5000", "20000", 1, [20])]:
    r, pv, fv = dec(r_s), dec(pv_s), dec(fv_s)
    pmt, sched = schedule(r, n, pv, fv, typ)
    for per in pers:
        ip, pp = sched[per - 1]
        exact(f"ipmt({r_s}, {per}, {n}, {pv_s}, {fv_s}, {typ})", ip, how_sim)
        exact(f"ppmt({r_s}, {per}, {n}, {pv_s}, {fv_s}, {typ})", pp, how_sim)

for r_s, n, pv_s, s, e, typ in [
        ("9%/12", 360, "125000", 13, 24, 0), ("9%/12", 360, "125000", 13, 24, 1),
        ("9%/12", 360, "125000", 1, 1, 0), ("9%/12", 360, "125000", 1, 1, 1),
        ("9%/12", 360, "125000", 1, 360, 1), ("0", 10, "1000", 2, 5, 0),
        ("-2%", 10, "1000", 3, 7, 1), ("5%", 1000, "1000000000000", 990, 1000, 0)]:
    r, pv = dec(r_s), dec(pv_s)
    pmt, sched = schedule(r, n, pv, F(0), typ)
    exact(f"cumipmt({r_s}, {n}, {pv_s}, {s}, {e}, {typ})", sum(x[0] for x in sched[s - 1:e]), how_sim)
    exact(f"cumprinc({r_s}, {n}, {pv_s}, {s}, {e}, {typ})", sum(x[1] for x in sched[s - 1:e]), how_sim)

# nper: mpmath.findroot on the TVM equation in n (cx: logarithms)


def tvm_eq(r, n, pmt, pv, fv, typ):
    r, pmt, pv, fv = M(r), M(pmt), M(pv), M(fv)
    if r == 0:
        return pv + pmt * n + fv
    q = (1 + r) ** n
    return pv * q + pmt * (1 + r * typ) * (q - 1) / r + fv


for r_s, pmt_s, pv_s, fv_s, typ, guess in [
        ("12%/12", "-100", "-1000", "10000", 1, 60), ("12%/12", "-100", "-1000", "10000", 0, 60),
        ("12%/12", "-100", "-1000", "0", 0, -10), ("0.000000000001", "-1", "1000", "0", 0, 1000),
        ("-5%", "-10", "100", "0", 0, 10), ("5%", "-1000000000000", "10000000000000", "0", 1, 14)]:
    r, pmt, pv, fv = dec(r_s), dec(pmt_s), dec(pv_s), dec(fv_s)
    n = mpmath.findroot(lambda n: tvm_eq(r, n, pmt, pv, fv, typ), mpf(guess))
    approx(f"nper({r_s}, {pmt_s}, {pv_s}, {fv_s}, {typ})", n,
           "mpmath.findroot (80 digits) on the TVM equation in n")
exact("nper(0, -100, 1000, 0, 0)", F(10), "exact: -(pv + fv) / pmt at rate 0")
exact("nper(5%, pmt(5%, 10, 1000), 1000)", F(10), "round trip: exactly 10 periods")
exact("nper(-20%, pmt(-20%, 7, 1000, 0, 1), 1000, 0, 1)", F(7), "round trip: exactly 7 periods")

# rate: mpmath.findroot from a bracket found by scanning (cx: its own engine)


def rate_ref(n, pmt, pv, fv, typ, lo, hi):
    f = lambda r: tvm_eq(r, n, pmt, pv, fv, typ)
    r = mpmath.findroot(f, (mpf(lo), mpf(hi)), solver='anderson')
    return mpmath.findroot(f, r)  # Newton polish at 80 digits


for n, pmt_s, pv_s, fv_s, typ, lo, hi in [
        (48, "-200", "8000", "0", 0, "0.001", "0.05"), (48, "-200", "8000", "0", 1, "0.001", "0.05"),
        (10, "0", "-1000", "2000", 0, "0.01", "0.2"), (1000, "-1", "900", "0", 0, "0.0000001", "0.01"),
        (12, "-100", "1300", "0", 0, "-0.05", "-0.001"), (5, "-1000000000000", "4000000000000", "0", 1, "0.01", "0.5"),
        (360, "-1000", "100000", "0", 0, "0.005", "0.02"), (2, "0", "-1", "0.000001", 0, "-0.9999", "-0.99")]:
    r = rate_ref(n, dec(pmt_s), dec(pv_s), dec(fv_s), typ, lo, hi)
    approx(f"rate({n}, {pmt_s}, {pv_s}, {fv_s}, {typ})", r,
           "mpmath.findroot (Anderson from a bracket, then Newton, 80 digits) on the TVM equation")

for nom, k in [("5.25%", 4), ("12%", 12), ("0", 3), ("-4%", 2), ("100%", 365)]:
    exact(f"effect({nom}, {k})", (1 + dec(nom) / k) ** k - 1, "exact: fractions, (1 + nominal/n)^n - 1")
for eff, k in [("5.3543%", 4), ("12.682503013196972066%", 12), ("-4%", 2), ("21%", 2)]:
    e = dec(eff)
    x = k * (mpmath.root(mpf(e.numerator) / e.denominator + 1, k) - 1)
    kind = 'N' if eff == "21%" else 'A'
    approx(f"nominal({eff}, {k})", x, "mpmath: n ((1 + effect)^(1/n) - 1), 80 digits", kind)

# ---- cash flows ----------------------------------------------------------------

def npv_ref(r, flows, first_t):
    return sum(F(c) * (1 + r) ** -(t + first_t) for t, c in enumerate(flows))


def cx_list(xs):
    return "[" + ", ".join(str(x) for x in xs) + "]"


how_npv = "exact: fractions, sum of c_t (1 + r)^-t"
long_flows = [1000 + i for i in range(1, 1001)]
for r_s, flows in [("10%", [-10000, 3000, 4200, 6800]), ("0", [-5, 1, 2, 3]), ("-25%", [-100, 30, 40, 50]),
                   ("-99.9999%", [1, 2, 3]), ("0.000000000001", [-1000000000000, 400000000000, 600000000001]),
                   ("1000%", [1, 1, 1]), ("8%", [-40000, 8000, 9200, 10000, 12000, 14500])]:
    r = dec(r_s)
    exact(f"npv({r_s}, {cx_list(flows)})", npv_ref(r, flows, 1), how_npv + " from t = 1 (Excel)")
    exact(f"npv0({r_s}, {cx_list(flows)})", npv_ref(r, flows, 0), how_npv + " from t = 0")
exact("npv(5%, [1000 + i for i in 1..1000])", npv_ref(F(1, 20), long_flows, 1), how_npv + ", 1000 flows")
exact("npv(10%, -10000, 3000, 4200, 6800)", npv_ref(F(1, 10), [-10000, 3000, 4200, 6800], 1), how_npv)
exact("s 2021..2024 = [-100, 0, 60, 70]; t 2021 = -100; t 2023 = 60; t 2024 = 70; npv(7%, s) - npv(7%, t)",
      F(0), "a missing period counts as a zero flow")


def days(d):
    y, m, dd = map(int, d.split('-'))
    return (datetime.date(y, m, dd) - datetime.date(1970, 1, 1)).days


ms_dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
ms_vals = [-10000, 2750, 4250, 3250, 2750]


def xnpv_ref(r, vals, ds):
    d0 = days(ds[0])
    r = M(r)
    return mpmath.fsum(mpf(v) * (1 + r) ** (-mpf(days(d) - d0) / 365) for v, d in zip(vals, ds))


def dl(ds):
    return "[" + ", ".join(ds) + "]"


for r_s, vals, ds in [("9%", ms_vals, ms_dates), ("0.000000000001", ms_vals, ms_dates),
                      ("-50%", [-1, 1, 1], ["2025-06-30", "2025-12-31", "2030-01-01"]),
                      ("12%", [5, -1, 7], ["2024-02-29", "2024-03-01", "2024-12-31"]),
                      ("7%", [-10000, 4250, 2750, 3250], ["2008-01-01", "2008-10-30", "2008-03-01", "2009-02-15"])]:
    approx(f"xnpv({r_s}, {cx_list(vals)}, {dl(ds)})", xnpv_ref(dec(r_s), vals, ds),
           "mpmath: sum of v (1 + r)^-((d - d0)/365), 80 digits")
exact("xnpv(10%, [-1000, 600, 726], [2025-01-01, 2026-01-01, 2027-01-01])",
      F(-1000) + F(600) / F(11, 10) + F(726) / F(121, 100),
      "exact: whole 365-day years apart, fractions")


def irr_ref(flows, guess=mpf('0.1')):
    """All real IRRs via mpmath.polyroots on sum c_t x^t, x = 1/(1+r);
    returns the one nearest the guess, and all of them."""
    coeffs = list(reversed([M(c) for c in flows]))  # highest power first
    while coeffs and coeffs[0] == 0:
        coeffs.pop(0)
    roots = mpmath.polyroots(coeffs, maxsteps=500, extraprec=400)
    rates = sorted(1 / mpmath.re(x) - 1 for x in roots
                   if abs(mpmath.im(x)) < mpf(10) ** -60 and mpmath.re(x) > 0)
    return min(rates, key=lambda r: abs(r - guess)), rates


how_irr = "mpmath.polyroots (80 digits) on the NPV polynomial in 1/(1+r)"
for flows, guess in [([-70000, 12000, 15000, 18000, 21000, 26000], None), ([-70000, 12000, 15000, 18000, 21000], None),
                     ([-70000, 12000, 15000], "-10%"), ([-100, 230, -132], None), ([-100, 230, -132], "25%"),
                     ([-1000000000000, 1000000000001], None), ([-100, "0.0001"], None),
                     ([-1, 0, 0, 0, 0, 0, 0, 0, 0, 1000000], None), ([0, 0, -500, 100, 200, 300], None),
                     ([1000, -300, -400, -500], None), ([-100, 100], None), ([-100, 50, 50], None),
                     ([-5000000000000, 1000000000000, 2000000000000, 3000000000000], None)]:
    g = mpf(dec(guess).numerator) / dec(guess).denominator if guess else mpf('0.1')
    r, _ = irr_ref([F(str(c)) for c in flows], g)
    call = f"irr({cx_list(flows)}" + (f", {guess})" if guess else ")")
    approx(call, r, how_irr + (", the root nearest the guess" if guess or flows[1] == 230 else ""))
_, both = irr_ref([-100, 230, -132])
add("irr_all([-100, 230, -132])", "[" + ", ".join(digits50(x) for x in both) + "]", 'L', how_irr + ", every root")
_, four = irr_ref([-1, 10, -35, 50, -24])  # roots at x = 1, 1/2, 1/3, 1/4 ... r = 0, 1, 2, 3
add("irr_all([-1, 10, -35, 50, -24])", "[" + ", ".join(digits50(x) for x in four) + "]", 'L',
    how_irr + ", every root (r = 0%, 100%, 200%, 300%)")
# 1001 flows: a bond bought at par with a 1% coupon yields exactly 1%
# (polyroots on degree 1000 is too slow; the value is known in closed form,
# and mpmath confirms the NPV at 1% is 0 below).
long_irr_flows = [-1000] + [10] * 999 + [1010]
assert npv_ref(F(1, 100), long_irr_flows, 0) == 0
approx("irr([if i == 0 then -1000 else if i == 1000 then 1010 else 10 for i in 0..1000])",
       mpf(1) / 100, "exact value 1%: the flows' NPV at 1% is exactly 0 (checked with fractions)")


def xirr_ref(vals, ds, lo, hi):
    f = lambda r: xnpv_ref(r, vals, ds)
    r = mpmath.findroot(f, (mpf(lo), mpf(hi)), solver='anderson')
    return mpmath.findroot(f, r)


how_xirr = "mpmath.findroot (Anderson from a bracket, then Newton, 80 digits) on the XNPV"
for vals, ds, lo, hi in [(ms_vals, ms_dates, "0.1", "1"),
                         ([-1000, 1100], ["2024-01-01", "2024-12-31"], "0.05", "0.2"),
                         ([-1000, 400, 700], ["2025-06-30", "2026-06-30", "2027-06-30"], "0.01", "0.2"),
                         ([-100, 20, 90, -5], ["2020-02-29", "2020-08-31", "2021-12-01", "2022-03-15"], "-0.5", "0.5"),
                         ([-10000, 4250, 2750, 3250], ["2008-01-01", "2008-10-30", "2008-03-01", "2009-02-15"], "-0.9", "0.9")]:
    approx(f"xirr({cx_list(vals)}, {dl(ds)})", xirr_ref(vals, ds, lo, hi), how_xirr)
approx("xirr([-1000000000000, 1000000000000.0365], [2025-01-01, 2026-01-01])",
       mpf('1000000000000.0365') / mpf('1000000000000') - 1, "exact value 3.65e-14 (one 365-day year)")


def mirr_ref(flows, fr, rr):
    n = len(flows) - 1
    pv = sum(F(c) / (1 + fr) ** t for t, c in enumerate(flows) if c < 0)
    fv = sum(F(c) * (1 + rr) ** (n - t) for t, c in enumerate(flows) if c > 0)
    q = -fv / pv
    return mpmath.root(mpf(q.numerator) / q.denominator, n) - 1


ms_mirr = [-120000, 39000, 30000, 21000, 37000, 46000]
for flows, fr, rr in [(ms_mirr, "10%", "12%"), (ms_mirr[:4], "10%", "12%"), (ms_mirr, "10%", "14%"),
                      ([-100, 50, -20, 90], "0", "-30%"), ([-1000000000000, 1, 2000000000000], "5%", "5%")]:
    approx(f"mirr({cx_list(flows)}, {fr}, {rr})", mirr_ref(flows, dec(fr), dec(rr)),
           "mpmath: (-FV(positive) / PV(negative))^(1/n) - 1 from exact sums, 80 digits")
exact("mirr([-100, 0, 121], 10%, 10%)", F(1, 10), "exact: the square root of 121/100")


def payback_ref(flows, r=None):
    cum = F(0)
    for t, c in enumerate(flows):
        v = F(c) if r is None else F(c) / (1 + r) ** t
        prev, cum = cum, cum + v
        if cum >= 0:
            return F(0) if t == 0 else (t - 1) + (-prev) / v


for flows in [[-1000, 300, 400, 500], [-1000, 500, 500], [-100, 0, 0, 150], [50, -10, 20], [-1000, 200, -100, 2000]]:
    exact(f"payback({cx_list(flows)})", payback_ref(flows), "exact: fractions, cumulative sum interpolated in its period")
for r_s, flows in [("10%", [-1000, 500, 500, 500]), ("0", [-1000, 300, 400, 500]), ("-10%", [-1000, 300, 400, 500])]:
    exact(f"discounted_payback({r_s}, {cx_list(flows)})", payback_ref(flows, dec(r_s)),
          "exact: fractions, discounted cumulative sum interpolated in its period")

# ---- depreciation ----------------------------------------------------------------


def ddb_walk(cost, salv, life, per, factor=F(2)):
    rate = min(factor / life, F(1))
    book = cost
    d = F(0)
    for _ in range(per):
        d = max(min(book * rate, book - salv), F(0))
        book -= d
    return d


how_walk = "exact: fractions, walking the schedule period by period"
exact("sln(30000, 7500, 10)", F(2250), "exact: (cost - salvage) / life")
exact("sln(1000000000000, 1, 7)", F(999999999999, 7), "exact: (cost - salvage) / life")
for per in [1, 5, 10]:
    exact(f"syd(30000, 7500, 10, {per})", F(22500) * (10 - per + 1) * 2 / (10 * 11),
          "exact: (cost - salvage) (life - per + 1) 2 / (life (life + 1))")
for cost, salv, life, per, factor in [(2400, 300, 3650, 1, None), (2400, 300, 120, 1, 2), (2400, 300, 10, 1, 2),
                                      (2400, 300, 10, 2, "1.5"), (2400, 300, 10, 10, None), (2400, 300, 10, 8, 3),
                                      (1000, 0, 5, 5, None), (1000, 900, 5, 2, None), (100, 10, 3, 1, 5),
                                      (1000000000000, 1000, 1000, 1000, None)]:
    fac = F(2) if factor is None else dec(str(factor))
    call = f"ddb({cost}, {salv}, {life}, {per}" + (f", {factor})" if factor is not None else ")")
    exact(call, ddb_walk(F(cost), F(salv), F(life), per, fac), how_walk)


def db_walk(cost, salv, life, per, month=12):
    cost, salv = F(cost), F(salv)
    x = 1 - mpmath.root(mpf(salv.numerator * cost.denominator) / (salv.denominator * cost.numerator), life)
    rate = F(int(mpmath.nint(x * 1000)), 1000)  # Excel: rounded to three decimals
    total = F(0)
    d = F(0)
    for p in range(1, per + 1):
        if p == 1:
            d = cost * rate * month / 12
        elif p == life + 1:
            d = (cost - total) * rate * (12 - month) / 12
        else:
            d = (cost - total) * rate
        total += d
    return d


for per in range(1, 8):
    exact(f"db(1000000, 100000, 6, {per}, 7)", db_walk(1000000, 100000, 6, per, 7),
          how_walk + ", rate rounded to 3 decimals")
for args in [(10000, 1000, 5, 3, 12), (10000, 0, 4, 2, 12), (5000, 5000, 3, 1, 6), (1000, 1, 1, 2, 1)]:
    exact("db(%d, %d, %d, %d, %d)" % args, db_walk(*args), how_walk + ", rate rounded to 3 decimals")


def vdb_walk(cost, salv, life, start, end, factor=F(2), no_switch=False):
    cost, salv, life = F(cost), F(salv), F(life)
    rate = min(factor / life, F(1))
    book = cost
    total = F(0)
    straight = None
    p = 0
    while p < end:
        p += 1
        if straight is None:
            d = max(min(book * rate, book - salv), F(0))
            sl = (book - salv) / (life - (p - 1))
            if not no_switch and sl > d:
                straight = sl
                d = sl
            book -= d
        else:
            d = straight
        lo, hi = max(F(p - 1), start), min(F(p), end)
        if hi > lo:
            total += (hi - lo) * d
    return total


for cost, salv, life, s, e, factor, ns in [(2400, 300, 3650, 0, 1, None, None), (2400, 300, 120, 0, 1, None, None),
                                           (2400, 300, 10, 0, 1, None, None), (2400, 300, 120, 6, 18, None, None),
                                           (2400, 300, 120, 6, 18, "1.5", None), (2400, 300, 10, "0", "0.875", "1.5", None),
                                           (2400, 300, 10, 0, 10, None, None), (2400, 300, 10, 0, 10, None, "true"),
                                           (2400, 300, 10, "2.5", "7.25", None, None), (10000, 1000, 5, 3, 5, 3, None),
                                           (10000, 1000, 5, 3, 5, 3, "true")]:
    fac = F(2) if factor is None else dec(str(factor))
    call = f"vdb({cost}, {salv}, {life}, {s}, {e}"
    if factor is not None or ns is not None:
        call += f", {factor if factor is not None else 2}"
    if ns is not None:
        call += f", {ns}"
    call += ")"
    exact(call, vdb_walk(cost, salv, life, dec(str(s)), dec(str(e)), fac, ns == "true"), how_walk)

# ---- growth helpers ----------------------------------------------------------------
exact("annualize(1%, 12)", F(101, 100) ** 12 - 1, "exact: (1 + r)^n - 1")
exact("cagr(100, 121, 2)", F(1, 10), "exact: the square root of 121/100")
exact("q 2024Q1..2025Q2 = [10, 11, 12, 13, 12, 14]; yoy(q, 2025Q2)", F(14, 11) - 1, "exact: 14/11 - 1")
exact("q 2024Q1..2025Q2 = [10, 11, 12, 13, 12, 14]; qoq(q, 2025Q1)", F(12, 13) - 1, "exact: 12/13 - 1")
exact("q 2024Q1..2025Q2 = [10, 11, 12, 13, 12, 14]; cagr(q, 2024Q2, 2025Q2)", F(14, 11) - 1,
      "exact: one year apart")
exact("margin(12B, 80B)", F(3, 20), "exact")
exact("per_head(6B, 12000)", F(500000), "exact")
exact("share(25B, 125B)", F(1, 5), "exact")
exact("ratio(450B, 30B)", F(15), "exact")
exact("q 2025Q1..2025Q2 = [3, 5]; annualize(q, 2025Q2)", F(20), "exact: 5 a quarter is 20 a year")
exact("a 2024..2026 = [1, 2, 3]; b 2025..2027 = [4, 8, 9]; sum(share(a, b))", F(2, 4) + F(3, 8),
      "exact: element-wise over the common periods 2025 and 2026")

with open(OUT, "w") as f:
    f.write("/* Generated by tests/finance/gen_refs.py (python3-mpmath %s) - do not edit;\n"
            " * rerun the script to remake.  {expression, reference, kind, how}. */\n" % mpmath.__version__)
    for expr, value, kind, how in refs:
        def q(s):
            return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
        f.write("{%s, %s, '%s', %s},\n" % (q(expr), q(value), kind, q(how)))
print(f"{len(refs)} references written to {OUT}")
