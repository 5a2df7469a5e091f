#!/usr/bin/env python3
"""REPL tests through a real pseudo-terminal.

Each test starts `cx` with no arguments on the slave side of a pty (so
isatty() is true and libedit edits the line), types keys into the master
side, and waits for the text it expects on the screen.  Every test gets its
own HOME and XDG_STATE_HOME in a temporary folder, so the user's history is
never read or written.

    usage: tests/repl/run.py CXBIN [FILTER]
"""
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

CX = os.path.realpath(sys.argv[1]) if len(sys.argv) > 1 else "build/cx"
FILTER = sys.argv[2] if len(sys.argv) > 2 else ""
TIMEOUT = 10.0
CTRL_C, CTRL_D, CTRL_P, TAB = b"\x03", b"\x04", b"\x10", b"\t"


class Failure(Exception):
    pass


class Repl:
    """One cx process on a pty; `expect` consumes the screen text in order."""

    def __init__(self, home, env=None, args=(), cols=None, stdout_file=None):
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "TERM": "xterm",
            "NO_COLOR": "1",
            "LC_ALL": "C.UTF-8",
        }
        for k, v in (env or {}).items():
            if v is None:
                base.pop(k, None)
            else:
                base[k] = v
        # Sanitizer builds: keep their settings.
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                base[k] = os.environ[k]
        self.pid, self.fd = pty.fork()
        STARTED.append(self)
        if self.pid == 0:
            if stdout_file:  # standard output not a terminal (input still is)
                out = os.open(stdout_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(out, 1)
            os.execve(CX, [CX, *args], base)
        if cols:
            self.resize(cols)
        self.buf = b""
        self.pos = 0
        self.status = None

    def _read(self, deadline):
        while time.time() < deadline:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if not r:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the child closed the pty
                return False
            if not data:
                return False
            self.buf += data
            return True
        return False

    def expect(self, what, timeout=TIMEOUT):
        """Waits for `what` (bytes, or a compiled regex) after the last match."""
        deadline = time.time() + timeout
        while True:
            hay = self.buf[self.pos:]
            if isinstance(what, bytes):
                i = hay.find(what)
                if i >= 0:
                    self.pos += i + len(what)
                    return hay[: i + len(what)]
            else:
                m = what.search(hay)
                if m:
                    self.pos += m.end()
                    return hay[: m.end()]
            if not self._read(deadline):
                if time.time() < deadline:
                    time.sleep(0.01)  # the child is gone: nothing more will come
                raise Failure("expected %r, screen since last match:\n%r" % (what, hay))

    def resize(self, cols, rows=24):
        """Sets the terminal's size, as a terminal window does."""
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def answer(self, text):
        """Types a line and returns what cx printed before the next prompt, as
        lines of plain text (the echo of the line itself left out)."""
        self.line(text)
        out = self.expect(b"cx> ")[: -len(b"cx> ")]
        out = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", out).replace(b"\r", b"")
        return out.decode("utf-8").split("\n")[1:-1]

    def editing(self, timeout=TIMEOUT):
        """Waits until libedit has the terminal in raw mode, reading keys.

        Keys typed while it is still in cooked mode would meet the kernel's
        line editing first (a ^D there is an end-of-file marker that raw mode
        then reads as a NUL byte), as with typeahead on any line editor."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if not termios.tcgetattr(self.fd)[3] & termios.ICANON:
                return
            time.sleep(0.005)
        raise Failure("the terminal never left cooked mode")

    def send(self, data, now=False):
        if not now:
            self.editing()
        os.write(self.fd, data)

    def line(self, text):
        """Types a line and presses Enter."""
        self.send(text.encode() + b"\r")

    def prompt(self):
        return self.expect(b"cx> ")

    def close(self, keys=CTRL_D):
        if keys:
            self.send(keys)
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            self._read(time.time() + 0.05)
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(st)
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            raise Failure("cx did not exit; screen since last match:\n%r" % self.buf[self.pos:])
        try:
            while self._read(time.time() + 0.05):
                pass
        except OSError:
            pass
        os.close(self.fd)
        # The REPL always leaves with 0; anything else is a crash or, under
        # a sanitizer, a leak report.
        if self.status != 0:
            raise Failure("exit status %s; screen:\n%r" % (self.status, self.buf[-2000:]))
        return self.status


TESTS = []
STARTED = []  # every Repl, so a failed test leaves no process behind


def reap():
    for r in STARTED:
        if r.status is None:
            try:
                os.kill(r.pid, signal.SIGKILL)
                os.waitpid(r.pid, 0)
                os.close(r.fd)
            except OSError:
                pass
    STARTED.clear()


def test(fn):
    TESTS.append(fn)
    return fn


def check(cond, msg):
    if not cond:
        raise Failure(msg)


# ---- the tests ---------------------------------------------------------------


@test
def bare_expression_prints_and_sets_underscore(home):
    r = Repl(home)
    r.prompt()
    r.line("2 + 2")
    r.expect(b"2 + 2 = 4")
    r.prompt()
    r.line("_ * 10;")
    r.expect(b"_ * 10 = 40")
    r.prompt()
    check(r.close() == 0, "exit status %s" % r.status)


@test
def redefining_a_name_is_allowed(home):
    r = Repl(home)
    r.prompt()
    r.line("x = 6")
    r.prompt()
    r.line("x = 7")
    r.prompt()
    r.line("x * 6")
    r.expect(b"x * 6 = 42")
    r.close()


@test
def open_bracket_continues_on_the_next_line(home):
    r = Repl(home)
    r.prompt()
    r.line("y = (1 +")
    r.expect(b"... ")
    r.line("2) * [10,")
    r.expect(b"... ")
    r.line("20][1]")  # lists count from 1
    r.prompt()
    r.line("y")
    r.expect(b"y = 30")
    r.close()


@test
def function_body_continues_on_the_next_line(home):
    r = Repl(home)
    r.prompt()
    r.line("fn double(a) =")
    r.expect(b"... ")
    r.line("  a * 2")
    r.prompt()
    r.line("double(21)")
    r.expect(b"double(21) = 42")
    r.close()


@test
def error_shows_caret_and_the_session_goes_on(home):
    r = Repl(home)
    r.prompt()
    r.line("capex = 5; capx + 1")
    r.expect(b"error: unknown name 'capx'")
    r.expect(b"^~~~")
    r.expect(b"did you mean 'capex'?")
    r.prompt()
    r.line("capex + 1")
    r.expect(b"capex + 1 = 6")
    r.prompt()
    r.line("1 +* 2")
    r.expect(b"error: ")
    r.prompt()
    r.line("3 * 3")
    r.expect(b"3 * 3 = 9")
    check(r.close() == 0, "exit status %s" % r.status)


@test
def failed_check_prints_and_the_session_goes_on(home):
    r = Repl(home)
    r.prompt()
    r.line("check 0.1 + 0.2 == 0.3")
    r.expect(b"PASS")
    r.prompt()
    r.line("check 1/3 ~ 0.5")
    r.expect(b"FAIL")
    r.prompt()
    r.line("7")
    r.expect(b"7 = 7")
    check(r.close() == 0, "exit status %s" % r.status)


@test
def tab_completes_names_builtins_and_keywords(home):
    r = Repl(home)
    r.prompt()
    r.line("revenue_2025 = 125B")
    r.prompt()
    r.send(b"reve" + TAB)
    r.expect(b"nue_2025")  # the rest of the name appears after the cursor
    r.send(b"\r")
    r.expect(b"revenue_2025 = 125,000,000,000")
    r.prompt()
    r.send(b"sq" + TAB)
    r.expect(b"rt(")  # a built-in completes with its parenthesis
    r.send(b"9/4)\r")
    r.expect(b"sqrt(9/4) = 1.5")
    r.prompt()
    r.send(b"che" + TAB)
    r.expect(b"ck ")  # a keyword completes with a space
    r.send(b"1 < 2\r")
    r.expect(b"PASS")
    r.prompt()
    r.close()


@test
def tab_lists_candidates_when_they_share_no_more(home):
    r = Repl(home)
    r.prompt()
    r.send(b"a" + TAB)
    listing = r.expect(b"cx> a")  # the listing, then the line drawn again
    check(b"abs" in listing and b"avg" in listing and b"and" in listing, "listing %r" % listing)
    r.send(CTRL_C)
    r.expect(b"\ncx> ")
    r.send(b":he" + TAB)
    r.expect(b"lp ")
    r.send(b"cag" + TAB)
    r.expect(b"r")
    r.send(b"\r")
    r.expect(b"cagr(s)")
    r.prompt()
    r.close()


@test
def load_takes_a_quoted_name_and_vars_says_when_empty(home):
    os.makedirs(os.path.join(home, "my dir"))
    with open(os.path.join(home, "my dir", "a b.cx"), "w") as f:
        f.write("spaced = 7;\n")
    r = Repl(home)
    r.prompt()
    r.line(":vars")
    r.expect(b"nothing is defined yet")
    r.prompt()
    r.line(':load ""')
    r.expect(b":load needs a file name")
    r.prompt()
    r.line(':load "' + os.path.join(home, "my dir", "a b.cx") + '"')
    r.prompt()
    r.line(":vars")
    r.expect(b"spaced = 7")
    r.prompt()
    r.line(":load " + os.path.join(home, "missing.cx"))
    r.expect(b"cannot read")
    r.prompt()
    r.close()


@test
def tab_completes_file_names_after_load(home):
    os.makedirs(os.path.join(home, "scripts", "old"))
    with open(os.path.join(home, "scripts", "growth.cx"), "w") as f:
        f.write("g = 2;\n")
    open(os.path.join(home, "scripts", ".hidden.cx"), "w").close()
    r = Repl(home)
    r.prompt()
    r.send(b":load ~/scr" + TAB)
    r.expect(b"ipts/")  # a folder completes with its slash
    r.send(b"gr" + TAB)
    r.expect(b"owth.cx")  # the hidden file and the folder do not match
    r.send(b"\r")
    r.prompt()
    r.line("g * 21")
    r.expect(b"g * 21 = 42")
    r.prompt()
    r.send(b":load ~/scripts/" + TAB + TAB)
    listing = r.expect(b"cx> :load ~/scripts/")  # both entries listed, no hidden one
    check(b"old/" in listing and b"growth.cx" in listing, "listing %r" % listing)
    check(b".hidden" not in listing, "hidden file offered: %r" % listing)
    r.send(CTRL_C)
    r.expect(b"\ncx> ")
    r.close()


@test
def history_persists_across_sessions(home):
    r = Repl(home)
    r.prompt()
    r.line("12345 * 2")
    r.expect(b"12345 * 2 = 24,690")
    r.prompt()
    check(r.close() == 0, "first session exit status %s" % r.status)
    hist = os.path.join(home, "state", "cx", "history")
    check(os.path.exists(hist), "no history file at " + hist)
    r = Repl(home)
    r.prompt()
    r.send(CTRL_P)  # the previous line, from the first session
    r.expect(b"12345 * 2")
    r.send(b"\r")
    r.expect(b"12345 * 2 = 24,690")
    r.prompt()
    r.close()


@test
def up_recalls_a_multi_line_entry_whole(home):
    r = Repl(home)
    r.prompt()
    r.line("fn f(a) =")
    r.expect(b"... ")
    r.line("  a * 2  # doubles")
    r.prompt()
    r.line("fn f(a) = a * 3")
    r.prompt()
    r.line("f(1)")
    r.expect(b"f(1) = 3")
    r.prompt()
    r.send(CTRL_P + CTRL_P + CTRL_P)  # f(1), the one-line fn, the two-line fn
    # libedit redraws only what changed on the first line; the second line
    # is shown on a line of its own
    r.expect(b"\n  a * 2  # doubles")
    r.send(b"\r")  # sent again whole: f doubles again
    r.prompt()
    r.line("f(1)")
    out = r.expect(b"f(1) = 2")
    check(b"error" not in out, "the recalled entry failed: %r" % out)
    r.prompt()
    r.close()


@test
def a_multi_line_entry_stays_one_across_sessions(home):
    r = Repl(home)
    r.prompt()
    r.line("fn g(a) =")
    r.expect(b"... ")
    r.line("  a + 1")
    r.prompt()
    r.line("(1 +")  # Ctrl-C keeps the lines an entry had, to fix them
    r.expect(b"... ")
    r.send(CTRL_C)
    r.prompt()
    check(r.close() == 0, "first session exit status %s" % r.status)
    hist = os.path.join(home, "state", "cx", "history")
    lines = open(hist, encoding="utf-8").read().split("\n")
    # libedit's file: one event per line, a newline inside one as \012
    check(lines[0] == "_HiStOrY_V2_", "history file: %r" % lines)
    check("fn\\040g(a)\\040=\\012\\040\\040a\\040+\\0401" in lines, "history file: %r" % lines)
    check("(1\\040+" in lines, "history file: %r" % lines)
    r = Repl(home)
    r.prompt()
    r.send(CTRL_P + CTRL_P)
    r.expect(b"fn g(a) =")
    r.expect(b"\n  a + 1")
    r.send(b"\r")
    r.prompt()
    r.line("g(41)")
    r.expect(b"g(41) = 42")
    r.prompt()
    r.close()


@test
def history_falls_back_to_the_home_folder(home):
    r = Repl(home, env={"XDG_STATE_HOME": None})
    r.prompt()
    r.line("6 * 7")
    r.expect(b"6 * 7 = 42")
    r.prompt()
    r.close()
    hist = os.path.join(home, ".local", "state", "cx", "history")
    check(os.path.exists(hist), "no history file at " + hist)


@test
def ctrl_c_cancels_the_line(home):
    r = Repl(home)
    r.prompt()
    r.send(b"this is not cx")
    r.send(CTRL_C)
    r.prompt()
    r.line("1 + 2")
    out = r.expect(b"1 + 2 = 3")
    check(b"error" not in out, "the cancelled line ran: %r" % out)
    r.prompt()
    r.line("(1 +")  # cancelling a continued entry drops all of it
    r.expect(b"... ")
    r.send(CTRL_C)
    r.prompt()
    r.line("4")
    out = r.expect(b"4 = 4")
    check(b"error" not in out, "the cancelled entry ran: %r" % out)
    r.close()


@test
def ctrl_c_stops_a_long_evaluation(home):
    r = Repl(home)
    r.prompt()
    # A user function in the generator keeps the sum from any shortcut.
    r.line("fn one(i) = if i > 0 then 1 else 0")
    r.prompt()
    r.line("sum(one(i) for i in 1..1000000000000)")
    time.sleep(0.5)  # well into the loop: it would take days
    started = time.time()
    r.send(CTRL_C, now=True)  # during the evaluation: the terminal is cooked
    r.expect(b"interrupted", timeout=5)
    check(time.time() - started < 5, "the evaluation did not stop in time")
    r.prompt()
    r.line("2 * 3")
    r.expect(b"2 * 3 = 6")
    r.prompt()
    check(r.close() == 0, "exit status %s" % r.status)


@test
def ctrl_d_leaves_with_status_0(home):
    r = Repl(home)
    r.prompt()
    check(r.close(CTRL_D) == 0, "exit status %s" % r.status)


@test
def ctrl_d_inside_an_entry_reports_what_it_lacks(home):
    r = Repl(home)
    r.prompt()
    r.line("z = (1 +")
    r.expect(b"... ")
    r.send(CTRL_D)
    r.expect(b"end of input")
    r.prompt()
    r.line("5")
    r.expect(b"5 = 5")
    r.close()


@test
def commands_help_vars_digits_reset_load_quit(home):
    script = os.path.join(home, "lib.cx")
    with open(script, "w") as f:
        f.write("loaded_share = 3 / 8;\nprint \"loaded\";\n")
    r = Repl(home)
    r.prompt()
    r.line(":help")
    r.expect(b":load FILE")
    r.prompt()
    r.line(":help round")
    r.expect(b"round(x, places = 0)")
    r.expect(b"round(1234.5678, 2) = 1,234.57")  # the example, evaluated
    r.prompt()
    r.line(":help nosuch")
    r.expect(b"no help for 'nosuch'")
    r.prompt()
    r.line(":load " + script)
    r.expect(b"loaded")
    r.prompt()
    r.line("fn twice(v) = v * 2")
    r.prompt()
    r.line(":vars")
    r.expect(b"loaded_share = 0.375")
    r.expect(b"fn twice(v)")
    r.prompt()
    r.line(":digits 3")
    r.expect(b"digits: 3")
    r.prompt()
    r.line("2/3")
    r.expect("2/3 = 0.667…".encode())
    r.prompt()
    r.line(":digits 0")
    r.expect(b"1 to 1000")
    r.prompt()
    r.line(":reset")
    r.prompt()
    r.line("loaded_share")
    r.expect(b"unknown name 'loaded_share'")
    r.prompt()
    r.line(":frobnicate")
    r.expect(b"unknown command ':frobnicate'")
    r.prompt()
    r.line(":quit")
    check(r.close(keys=None) == 0, "exit status %s" % r.status)


def flat(lines):
    """The words of some lines, one space between them: wrapping undone."""
    return " ".join(" ".join(lines).split())


@test
def help_lists_topics_and_explains_the_language(home):
    r = Repl(home)
    r.prompt()
    out = r.answer(":help")
    text = "\n".join(out)
    check("topics of the language (:help TOPIC):" in text, "no topics in :help:\n" + text)
    check("built-in functions (:help NAME):" in text, "no built-ins in :help:\n" + text)
    for word in ("table", "~", "within", "fn", "series", "for", "numbers", "npv", "xirr"):
        check(re.search(r"(^| )%s( |$)" % re.escape(word), text, re.M), "%r not listed" % word)
    out = r.answer(":help table")
    check(out[0] == "table NAME in ITEMS: EXPR, label = EXPR, ...;", "synopsis: %r" % out[:1])
    check("example: table rate in 5%..7% step 1%: pmt(rate / 12, 360, 400k)" in flat(out), "%r" % out)
    check(any(ln.startswith("      6% |") for ln in out), "the example's table is not shown: %r" % out)
    # within: relative with %, points with pp, as docs/language.md says
    words = flat(r.answer(":help within"))
    check("relative to the right side" in words and "with pp it is absolute" in words, words)
    check("FAIL 63% ~ 61% within 1pp [63% differs from 61% by 2pp, more than 1pp]" in words, words)
    words = flat(r.answer(":help ~"))
    check("after claimed = 100B, check 140B ~ claimed fails" in words, words)
    check("FAIL 140B ~ claimed" in words, words)
    words = flat(r.answer(":help units of numbers"))  # the first word that names a topic
    check("bp (basis points) by 10,000" in words and "13% * 25bp = 0.000325" in words, words)
    check("pp (percentage points) by 100" in words, words)
    words = flat(r.answer(":help include"))  # shown, not run: it needs a file
    check(words.endswith('example: include "assumptions.cx";'), words)
    # a built-in that is also a word of the language points to the topic
    words = flat(r.answer(":help periods"))
    check(words.startswith("periods(s)") and "see also: :help series" in words, words)
    words = flat(r.answer(":help :digits"))
    check(words == ":digits [N] significant digits of rounded values (now 10)", words)
    r.close()


@test
def every_help_example_runs(home):
    """Each topic's and each built-in's example runs without an error, so
    help cannot drift from the language."""
    r = Repl(home)
    r.prompt()
    out = r.answer(":help")
    names = []
    for head in ("topics of the language (:help TOPIC):", "built-in functions (:help NAME):"):
        i = out.index(head) + 1
        while i < len(out) and out[i].startswith("  "):
            names += out[i].split()
            i += 1
    check(len(names) > 80 and "series" in names and "yoy" in names, "names: %r" % names)
    for name in names:
        out = r.answer(":help " + name)
        text = "\n".join(out)
        check("<example>:" not in text and "example: " in text, ":help %s:\n%s" % (name, text))
        if name != "include":
            check(out[-1].startswith("    ") or "see also: :help" in out[-1],
                  ":help %s shows no result of its example:\n%s" % (name, text))
    r.close()


@test
def help_did_you_mean_and_any_case(home):
    r = Repl(home)
    r.prompt()
    r.line(":help npvv")
    r.expect(b"error: no help for 'npvv'; did you mean npv?")
    r.prompt()
    r.line(":help tabel")
    r.expect(b"did you mean table?")
    r.prompt()
    r.line(":help chekc")  # two keys swapped
    r.expect(b"did you mean check?")
    r.prompt()
    r.line(":help PMT")  # any case, before guessing
    r.expect(b"pmt(rate, nper, pv, fv = 0, type = 0)")
    r.prompt()
    r.line(":help Within")
    r.expect(b"check A ~ B within TOL;")
    r.prompt()
    r.line(":help qqqqq")
    out = r.expect(b"no help for 'qqqqq' (:help lists the topics and built-ins)")
    check(b"did you mean" not in out, "a far guess: %r" % out)
    r.prompt()
    r.close()


@test
def help_wraps_at_word_boundaries_to_the_terminal(home):
    r = Repl(home, cols=50)
    r.prompt()
    out = r.answer(":help money")
    check(all(len(ln) <= 50 for ln in out), "a line is wider than 50:\n" + "\n".join(out))
    check(out[0] == 'money(x, places = 2, symbol = "$")', out[0])
    check(all(ln.startswith("  ") for ln in out[1:]), "not indented:\n" + "\n".join(out))
    # no word was cut: the text is the built-in's, with the breaks undone
    check("no figure loses more than `places` asks: money(1.58M, 1) is $1.6M," in flat(out),
          flat(out))
    # a call in the text is kept on one line
    check(not any(ln.endswith("money(1.58M,") for ln in out), "a call was broken")
    narrow = len(out)
    # the example's lines hang under the first; a long result hangs too
    out = r.answer(":help ~")
    i = next(k for k, ln in enumerate(out) if ln.startswith("  example: "))
    check(out[i + 1] == " " * 11 + "claimed = 100B", "example lines: %r" % out[i:i + 3])
    fail = next(k for k, ln in enumerate(out) if ln.startswith("    FAIL  140B ~ claimed"))
    check(out[fail + 1].startswith("      ") and out[fail + 1][6] != " ",
          "a result's next line hangs at 6: %r" % out[fail:fail + 2])
    out = r.answer(":help :digits")  # a command's description hangs under itself
    check(out == [":digits [N]    significant digits of rounded",
                  " " * 15 + "values (now 10)"], "%r" % out)
    r.resize(120)  # the window grew: so does the text
    out = r.answer(":help money")
    check(len(out) < narrow and max(len(ln) for ln in out) > 80, "\n".join(out))
    check(all(len(ln) <= 120 for ln in out), "\n".join(out))
    r.close()


@test
def help_is_80_columns_wide_when_output_is_not_a_terminal(home):
    log = os.path.join(home, "out.txt")
    r = Repl(home, cols=50, stdout_file=log)
    # libedit does not edit when its output is not a terminal: the kernel's
    # line discipline reads the line, and Ctrl-D at its start ends the input.
    r.send(b":help within\r" + CTRL_D, now=True)
    r.close(keys=None)
    text = open(log, encoding="utf-8").read()
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "")
    lines = [ln for ln in text.split("\n") if ln.startswith("  ")]
    widest = max(len(ln) for ln in lines)
    check(70 < widest <= 80, "widest help line %d, not 80 columns:\n%s" % (widest, text))


@test
def tab_after_help_offers_topics(home):
    r = Repl(home)
    r.prompt()
    r.send(b":help ta" + TAB)
    r.expect(b"ble")
    r.send(b"\r")
    r.expect(b"table NAME in ITEMS")
    r.prompt()
    r.send(b":help wit" + TAB)  # wi: width or within
    r.expect(b"hin")
    r.send(b"\r")
    r.expect(b"check A ~ B within TOL;")
    r.prompt()
    r.close()


@test
def colour_only_on_a_terminal_without_no_color(home):
    esc = re.compile(rb"\x1b\[[0-9;]*m")
    r = Repl(home, env={"NO_COLOR": None})
    prompt = r.expect(b"cx>")
    check(esc.search(prompt), "no colour in the prompt: %r" % prompt)
    r.line("nosuch")
    err = r.expect(b"unknown name")
    check(esc.search(err), "no colour in the error: %r" % err)
    r.line("check 1 > 2")
    fail = r.expect(b"FAIL")
    check(b"\x1b[1;31mFAIL" in fail, "the failed check is not red: %r" % fail)
    r.close()
    for env in ({"NO_COLOR": "1"}, {"NO_COLOR": None, "TERM": "dumb"}):
        r = Repl(home, env=env)
        r.expect(b"cx> ")
        r.line("nosuch")
        r.expect(b"unknown name")
        r.line("check 1 > 2")
        r.expect(b"FAIL")
        r.prompt()
        r.close()
        check(not esc.search(r.buf), "colour with %r: %r" % (env, r.buf))


@test
def readme_session_is_what_cx_prints(home):
    """Replays the REPL session shown in README.md and compares the screen."""
    readme = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "README.md")
    text = open(readme, encoding="utf-8").read()
    m = re.search(r"```\n\$ build/cx\n(.*?)```", text, re.S)
    check(m, "no REPL session in README.md")
    want = m.group(1)
    typed = [ln[4:] for ln in want.split("\n") if ln.startswith(("cx> ", "... "))]
    r = Repl(home)
    r.prompt()
    for ln in typed:
        r.line(ln)
        r.expect(re.compile(rb"(cx> |\.\.\. )$"))
    r.close()
    screen = re.sub(rb"\x1b\[[0-9;]*[A-Za-z]", b"", r.buf).replace(b"\r\n", b"\n")
    screen = screen.replace(b"\r", b"").decode("utf-8", "replace")
    check(screen.startswith(want), "README session:\n%s\ncx printed:\n%s" % (want, screen))


def main():
    failed = 0
    ran = 0
    for fn in TESTS:
        if FILTER and FILTER not in fn.__name__:
            continue
        ran += 1
        home = tempfile.mkdtemp(prefix="cx-repl-")
        try:
            fn(home)
            print("ok   %s" % fn.__name__)
        except Failure as e:
            failed += 1
            print("FAIL %s\n%s" % (fn.__name__, e))
        finally:
            reap()
            shutil.rmtree(home, ignore_errors=True)
    print("repl: %d passed, %d failed" % (ran - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
