#!/usr/bin/env python3
"""Browser test for `cx knit` (issue 11): every report in examples/reports/
is knitted to a standalone HTML page and opened in Debian's headless
Chromium, once for the DOM it builds (--dump-dom) and once for a picture
(--screenshot).  What the reader's browser shows is then checked against
what cx computed (`cx knit --check --json`):

- every inline value is in the page, in report order, as cx displays it;
- every bound number shows the author's text, marked passed or failed as
  its check went;
- every PASS and FAIL line in the page is a check cx reported, and the
  failed ones are marked as failures;
- a report with a chart shows it as an SVG image with a title;
- the page runs nothing: no script element, no on* attribute, no
  javascript: link (raw HTML in a report is dropped by default);
- the screenshot is a PNG of a real page.

    usage: tests/browser/run.py build/cx [OUTDIR]
Exit status 0 when every report passes, 1 when one fails, 2 when Chromium
is missing.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("CX_ROOT") or os.path.dirname(os.path.dirname(HERE))
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=900,1400",
]


class Page(html.parser.HTMLParser):
    """The parts of a rendered DOM the checks look at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, classes) of open elements
        self.values = []         # text of each .cx-value
        self.bounds = []         # (text, passed) of each .cx-bound
        self.lines = []          # (text, class) of each .cx-line
        self.svgs = []           # attributes of each <svg>
        self.svg_titles = 0
        self.scripts = 0
        self.handlers = []       # on* attributes
        self.js_links = []
        self.capture = []        # [kind, classes, text] being collected

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append((tag, name))
            if name.lower() in ("href", "src") and value and \
                    value.strip().lower().startswith("javascript:"):
                self.js_links.append(value)
        if tag == "script":
            self.scripts += 1
        if tag == "svg":
            self.svgs.append(a)
        if tag == "title" and any(t == "svg" for t, _ in self.stack):
            self.svg_titles += 1
        kind = None
        if "cx-value" in classes:
            kind = "value"
        elif "cx-bound" in classes:
            kind = "bound"
        elif "cx-line" in classes:
            kind = "line"
        if kind:
            self.capture.append([kind, classes, "", len(self.stack)])
        if tag not in ("br", "img", "meta", "link", "input", "hr", "col", "wbr"):
            self.stack.append((tag, classes))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if self.capture and self.capture[-1][3] == len(self.stack):
                kind, classes, text, _ = self.capture.pop()
                if kind == "value":
                    self.values.append(text)
                elif kind == "bound":
                    self.bounds.append((text, "cx-pass" in classes))
                else:
                    self.lines.append((text, classes))
                if self.capture:
                    self.capture[-1][2] += text
            if t == tag:
                break

    def handle_data(self, data):
        if self.capture:
            self.capture[-1][2] += data


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120, **kw)


def check_report(cx, chromium, report, out_dir):
    name = os.path.splitext(os.path.basename(report))[0]
    page = os.path.join(out_dir, name + ".html")
    shot = os.path.join(out_dir, name + ".png")
    problems = []
    knit = run([cx, "knit", report, "-o", page])
    if knit.returncode not in (0, 1) or not os.path.exists(page):
        return [f"cx knit exited {knit.returncode}: {knit.stderr.decode()[:300]}"]
    facts = json.loads(run([cx, "knit", "--check", "--json", report]).stdout)
    with tempfile.TemporaryDirectory() as profile:
        dom = run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                   "file://" + os.path.abspath(page)])
    with tempfile.TemporaryDirectory() as profile:
        run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
             "file://" + os.path.abspath(page)])
    p = Page()
    p.feed(dom.stdout.decode("utf-8", "replace"))
    if "<body" not in dom.stdout.decode("utf-8", "replace"):
        return [f"chromium printed no DOM (exit {dom.returncode}): {dom.stderr.decode()[:300]}"]

    constructs = facts["constructs"]
    inline = [c["value"] for c in constructs if c["kind"] == "inline"]
    if p.values != inline:
        problems.append(f"inline values {p.values} in the page, {inline} computed")
    bound = [(c["text"] or c["value"], c.get("passed", True)) for c in constructs
             if c["kind"] == "bound"]
    shown = [(t.strip(), ok) for t, ok in p.bounds]
    if [b[1] for b in shown] != [b[1] for b in bound] or \
            any(want.strip() not in got for (got, _), (want, _) in zip(shown, bound)):
        problems.append(f"bound numbers {shown} in the page, {bound} computed")
    checks = {o["text"]: o["passed"] for c in constructs for o in c.get("outputs", [])
              if o["kind"] == "check"}
    marks = [(t.strip(), cls) for t, cls in p.lines if t.strip().startswith(("PASS", "FAIL"))]
    for text, cls in marks:
        if text not in checks:
            problems.append(f"a check line cx did not report: {text!r}")
        elif ("cx-pass" in cls) != checks[text] or ("cx-fail" in cls) == checks[text]:
            problems.append(f"a check line marked wrongly: {text!r} {sorted(cls)}")
    if checks and not marks:
        problems.append("no PASS or FAIL line in the page")
    has_chart = any("chart" in c.get("code", "").split() and c.get("eval", True)
                    for c in constructs if c["kind"] == "block")
    if has_chart and not any(s.get("role") == "img" for s in p.svgs):
        problems.append("the report draws a chart, the page has no SVG image")
    if has_chart and p.svg_titles == 0:
        problems.append("the chart's SVG has no <title>")
    if p.scripts or p.handlers or p.js_links:
        problems.append(f"the page can run code: {p.scripts} script(s), handlers {p.handlers}, "
                        f"links {p.js_links}")
    try:
        with open(shot, "rb") as f:
            png = f.read()
        if not png.startswith(b"\x89PNG") or len(png) < 5000:
            problems.append(f"the screenshot is not a page ({len(png)} bytes)")
    except OSError as e:
        problems.append(f"no screenshot: {e}")
    print(f"{'ok  ' if not problems else 'FAIL'} {report}: {len(inline)} inline values, "
          f"{len(bound)} bound numbers, {len(marks)} check lines, "
          f"{'a chart, ' if has_chart else ''}screenshot {shot}")
    return problems


def main():
    cx = os.path.abspath(sys.argv[1])
    out_dir = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "build/browser")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("browser: chromium is missing (Debian package chromium; make deps installs it)")
        return 2
    os.makedirs(out_dir, exist_ok=True)
    reports = sorted(os.path.join(ROOT, "examples", "reports", f)
                     for f in os.listdir(os.path.join(ROOT, "examples", "reports"))
                     if f.endswith(".md"))
    failed = 0
    for report in reports:
        problems = check_report(cx, chromium, report, out_dir)
        for why in problems:
            print("     - " + why)
        failed += bool(problems)
    print(f"browser: {len(reports) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
