"""cx - exact, checkable financial arithmetic from Python, over libcx.so.

    >>> import cx
    >>> r = cx.run("fv = 1000 * (1 + rate) ^ years; check fv > 2000;",
    ...            inputs={"rate": "8%", "years": 10})
    >>> r.ok, r.values["fv"]
    (True, Fraction(1647129056757192, 762939453125))
    >>> r.checks[0].text
    'PASS  fv > 2000  [2,158.92499727278669824 > 2,000]'

`run` takes a script's text or path, defines the inputs before it runs
(each read as cx reads a literal: "8%", "4.8B", Fraction(1, 3), 10,
Decimal("0.085"), Period("2025Q3"), lists of these), and returns a Result:
the status, every output record as it came, the checks, the errors, and the
value of every name the script defined.  Numbers are fractions.Fraction,
exact; a number cx computed approximately (sqrt, exp, irr, ...) is an
Approx, a Fraction subclass holding the exact value of the binary
approximation.  Periods are Period (a str: "2025Q3"), series are Series (a
dict of Period -> Fraction), lists are lists, strings str, booleans bool.

Only the standard library is used (ctypes).  Separate States may run in
separate threads; one State must not be used by two threads at once.
"""
import ctypes
import decimal
import os
from fractions import Fraction

from ._lib import OUTPUT_FN, ErrorInfo, Options, PeriodInfo, lib, take_text

__all__ = ["run", "State", "Result", "Output", "Error", "Approx", "Period", "Series", "Opaque",
           "Quantity",
           "quote", "literal", "STATUS"]
__version__ = "0.1.0"

# cx_run_status
OK, CHECK_FAILED, ERROR, LIMIT, IO = range(5)
STATUS = {OK: "ok", CHECK_FAILED: "check failed", ERROR: "error", LIMIT: "limit", IO: "io"}
_OUTPUT_KINDS = ("value", "print", "check", "table", "note", "chart")
_ERROR_KINDS = ("syntax", "name", "type", "math", "limit", "io", "internal")
_FREQUENCIES = ("year", "half", "quarter", "month", "day")
# cx_kind
(_NONE, _NUMBER, _BOOLEAN, _STRING, _PERIOD, _LIST, _SERIES, _RANGE, _FUNCTION,
 _BOUND) = range(10)


class Approx(Fraction):
    """A number cx computed approximately: the exact value of its binary
    approximation (as Fraction(float) would give for a double)."""
    approx = True

    def __repr__(self):
        return "Approx(%s, %s)" % (self.numerator, self.denominator)


class Period(str):
    """A cx period, as cx writes it ("2025", "2025H1", "2025Q3", "2025-06",
    "2025-06-30"), with its frequency ("year", "half", "quarter", "month",
    "day"), year, part (half, quarter or month number; 0 for a year) and
    day (0 unless a day)."""

    def __new__(cls, text, frequency=None, year=0, part=0, day=0):
        p = super().__new__(cls, text)
        p.frequency, p.year, p.part, p.day = frequency, year, part, day
        return p

    def __repr__(self):
        return "Period(%s)" % str.__repr__(self)


class Series(dict):
    """A cx series: Period -> Fraction, in period order, one frequency."""

    def __init__(self, items=(), frequency=None, unit=None):
        super().__init__(items)
        self.frequency = frequency
        self.unit = unit


class Quantity:
    """A number with its unit: Quantity(Fraction(6000000000), "USD/yr").  The
    number is in that unit; Python has no units, so cx never drops one."""

    def __init__(self, value, unit):
        self.value, self.unit = value, unit

    def __repr__(self):
        return "Quantity(%r, %r)" % (self.value, self.unit)

    def __eq__(self, other):
        return isinstance(other, Quantity) and (self.value, self.unit) == (other.value, other.unit)


class Opaque:
    """A value read as text only: a range ("1..10 step 3"), a function, or a
    bound ("0.08 to 0.12": every value from lo to hi)."""

    def __init__(self, kind, text):
        self.kind, self.text = kind, text

    def __repr__(self):
        return "Opaque(%r, %r)" % (self.kind, self.text)

    def __eq__(self, other):
        return isinstance(other, Opaque) and (self.kind, self.text) == (other.kind, other.text)


class Output:
    """One output record: kind ("value", "print", "check", "table", "note",
    "chart"), text (as cx prints it), expr, value and rhs (Python values: a
    check's two sides), passed (checks), approx, file, line; for a table,
    columns and rows; for a chart, columns (the series as written), value
    (their values), chart (style, format, title) and svg (the SVG text)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        return "Output(%s: %r)" % (self.kind, self.text)


class Error:
    """One error: kind, code (docs/errors.md), message, hint, file, line,
    col, end_line, end_col and rendered (the text cx prints)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        return "Error(%s: %s)" % (self.code, self.message)

    def __str__(self):
        return self.rendered


class Result:
    """What run() gives back."""

    def __init__(self, status, outputs, errors, values, passed, failed):
        self.status = status  # 0 ok, 1 a check failed, 2 error, 3 limit, 4 io
        self.outputs = outputs  # every Output, in order
        self.errors = errors  # Error list, empty when none
        self.values = values  # name -> Python value, for every name defined
        self.passed, self.failed = passed, failed  # check counts

    @property
    def ok(self):
        return self.status == OK

    @property
    def checks(self):
        return [o for o in self.outputs if o.kind == "check"]

    def __repr__(self):
        return "Result(%s, %d outputs, %d checks passed, %d failed, %d errors)" % (
            STATUS.get(self.status, self.status), len(self.outputs), self.passed, self.failed,
            len(self.errors))


# ---- values out ---------------------------------------------------------------

def _period(info):
    return Period(info.text.decode(), _FREQUENCIES[info.frequency], info.year, info.part,
                  info.day)


def _number(n):
    num, den = take_text(lib.cx_number_numerator(n)), take_text(lib.cx_number_denominator(n))
    approx = lib.cx_number_is_approx(n)
    if num is None or den is None:  # an approximate number too far out to write exactly
        return Approx(take_text(lib.cx_number_decimal(n, 30, None)))
    value = Fraction(int(num), int(den))
    return Approx(value) if approx else value


def _value(v, digits=10):
    """A borrowed cx_value * as a Python value."""
    if not v:
        return None
    kind = lib.cx_value_kind(v)
    unit = take_text(lib.cx_value_unit(v))
    if kind == _NUMBER:
        n = _number(lib.cx_value_number(v))
        return Quantity(n, unit) if unit else n
    if kind == _BOOLEAN:
        return bool(lib.cx_value_boolean(v))
    if kind == _STRING:
        n = ctypes.c_size_t()
        p = lib.cx_value_string(v, ctypes.byref(n))
        return ctypes.string_at(p, n.value).decode("utf-8", "replace")
    if kind == _PERIOD:
        info = PeriodInfo()
        lib.cx_value_period(v, ctypes.byref(info))
        return _period(info)
    if kind == _LIST:
        return [_value(lib.cx_value_item(v, i), digits) for i in range(lib.cx_value_length(v))]
    if kind == _SERIES:
        s = Series()
        info = PeriodInfo()
        for i in range(lib.cx_value_length(v)):
            lib.cx_value_series_period(v, i, ctypes.byref(info))
            s[_period(info)] = _number(lib.cx_value_series_number(v, i))
            s.frequency = _FREQUENCIES[info.frequency]
        s.unit = unit  # the numbers are in it; None without one
        return s
    if kind in (_RANGE, _FUNCTION, _BOUND):
        return Opaque({_RANGE: "range", _FUNCTION: "function", _BOUND: "bound"}[kind],
                      take_text(lib.cx_value_text(v, digits)))
    return None


# ---- values in ----------------------------------------------------------------

def quote(s):
    """A Python string as a cx string literal: quote(' say "hi"') is
    '" say \\"hi\\""'."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F:
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def literal(x):
    """The cx text of an input: bool, int, Fraction, Decimal, float (its
    repr, read as the decimal it shows), Period, a list or tuple of these,
    or a str, which is cx text already ("8%", "4.8B", '"a string"')."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, Period):
        return str(x)
    if isinstance(x, str):
        return x
    if isinstance(x, int):
        return str(x)
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator,
                                                                      x.denominator)
    if isinstance(x, decimal.Decimal):
        if not x.is_finite():
            raise ValueError("cx: %s is not a number cx can hold" % x)
        return format(x, "f")
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise ValueError("cx: %r is not a number cx can hold" % x)
        return repr(x)
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(literal(i) for i in x) + "]"
    raise TypeError("cx: cannot pass a %s as an input" % type(x).__name__)


# ---- states -------------------------------------------------------------------

class State:
    """A cx state: definitions persist between runs.  Use as a context
    manager, or call close().  Options: digits (significant digits for
    rounded values), repl (redefinition allowed), and the limits of
    cx_options (precision_bits, max_memory_mb, max_series, ...)."""

    def __init__(self, digits=10, repl=False, **limits):
        opts = Options()
        lib.cx_options_default(ctypes.byref(opts))
        opts.digits, opts.repl = digits, repl
        for k, v in limits.items():
            if not hasattr(opts, k):
                raise TypeError("cx: unknown option %r" % k)
            setattr(opts, k, v)
        self._digits = digits
        self._cx = lib.cx_state_new(ctypes.byref(opts))
        if not self._cx:
            raise ValueError("cx: invalid options (or out of memory)")
        self.outputs = []
        self._callback_error = None
        self._cb = OUTPUT_FN(self._on_output)  # kept alive as long as the state
        lib.cx_state_set_output(self._cx, self._cb, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def close(self):
        if getattr(self, "_cx", None):
            lib.cx_state_free(self._cx)
            self._cx = None

    def _state(self):
        if not self._cx:
            raise ValueError("cx: the state is closed")
        return self._cx

    def _on_output(self, _ud, rec_p):
        try:
            r = rec_p.contents
            text = lambda b: b.decode("utf-8", "replace") if b is not None else None
            out = Output(kind=_OUTPUT_KINDS[r.kind], text=text(r.text), expr=text(r.expr),
                         value_text=text(r.value), rhs_text=text(r.rhs),
                         detail=text(r.detail), passed=bool(r.passed) if r.kind == 2 else None,
                         approx=bool(r.approx), file=text(r.file), line=r.line,
                         value=None, rhs=None, columns=None, rows=None)
            if r.kind == 3 and r.columns:
                out.columns = [text(r.columns[i]) for i in range(r.n_columns)]
                out.rows = _value(r.result, self._digits)
            elif r.kind == 5:  # a chart: its series, their values, its look and its SVG
                out.columns = [text(r.columns[i]) for i in range(r.n_columns)]
                out.value = _value(r.result, self._digits)
                out.chart = {"style": text(r.chart_style), "format": text(r.chart_format),
                             "title": text(r.chart_title)}
                svg = lib.cx_output_chart_svg(rec_p)
                if not svg:
                    raise MemoryError("cx: the chart's SVG")
                out.svg = ctypes.string_at(svg).decode("utf-8")
                lib.cx_free(svg)
            else:
                out.value = _value(r.result, self._digits)
                out.rhs = _value(r.rhs_result, self._digits)
            self.outputs.append(out)
        except BaseException as e:  # an exception must not cross into C
            self._callback_error = e

    def _finish(self, status):
        if self._callback_error is not None:
            e, self._callback_error = self._callback_error, None
            raise e
        return status

    def define(self, name, value):
        """Defines an input before a run (cx_define); returns the status
        (0 when defined); errors() tells what was wrong."""
        return self._finish(lib.cx_define(self._state(), name.encode(), literal(value).encode()))

    def run_string(self, text, name="<python>"):
        data = text.encode()
        return self._finish(lib.cx_run_string(self._state(), name.encode(), data, len(data)))

    def run_file(self, path):
        return self._finish(lib.cx_run_file(self._state(), os.fsencode(path)))

    def interrupt(self):
        """Stops a run in progress (from another thread)."""
        if self._cx:
            lib.cx_state_interrupt(self._cx)

    def errors(self):
        """The errors of the last run or definition."""
        errs = []
        info = ErrorInfo()
        for i in range(lib.cx_error_count(self._state())):
            if not lib.cx_error_get(self._cx, i, ctypes.byref(info)):
                continue
            text = lambda b: b.decode("utf-8", "replace") if b is not None else None
            errs.append(Error(kind=_ERROR_KINDS[info.kind], code=text(info.code),
                              message=text(info.message), hint=text(info.hint),
                              file=text(info.file), line=info.line or None,
                              col=info.col or None, end_line=info.end_line or None,
                              end_col=info.end_col or None,
                              rendered=take_text(lib.cx_error_render(self._cx, i, False))))
        return errs

    def names(self):
        """Every name defined, in definition order."""
        out, i = [], 0
        while True:
            n = lib.cx_state_name(self._state(), i)
            if n is None:
                return out
            out.append(n.decode("utf-8", "replace"))
            i += 1

    def __getitem__(self, name):
        v = lib.cx_state_value(self._state(), name.encode())
        if not v:
            raise KeyError(name)
        return _value(v, self._digits)

    def __contains__(self, name):
        return bool(lib.cx_state_value(self._state(), name.encode()))

    def values(self):
        """name -> Python value for every defined name."""
        return {n: self[n] for n in self.names()}

    @property
    def checks_passed(self):
        return lib.cx_checks_passed(self._state())

    @property
    def checks_failed(self):
        return lib.cx_checks_failed(self._state())


def _is_path(source):
    if isinstance(source, os.PathLike):
        return True
    return (isinstance(source, str) and "\n" not in source and ";" not in source
            and source.endswith(".cx") and os.path.isfile(source))


def run(source, inputs=None, *, name="<python>", digits=10, **limits):
    """Runs a cx script, given as text or as a path (an os.PathLike, or a
    str naming an existing .cx file), after defining `inputs` (a dict of
    name -> value, see literal()).  Returns a Result; an error in an input
    stops before the script runs, as `cx --set` does."""
    with State(digits=digits, **limits) as st:
        status = OK
        for k, v in (inputs or {}).items():
            status = st.define(k, v)
            if status != OK:
                break
        if status == OK:
            status = st.run_file(source) if _is_path(source) else st.run_string(source, name)
        return Result(status, st.outputs, st.errors(), st.values(), st.checks_passed,
                      st.checks_failed)
