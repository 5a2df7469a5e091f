#!/usr/bin/env python3
"""Writes the large hostile inputs into OUTDIR at run time, so the repository
does not carry megabytes of parentheses.  Each case is one NAME.cx; its
expected exit status and stdout live in run.sh's table and NAME.out beside
this script, like the small cases.
    usage: gen.py OUTDIR
"""
import os
import sys

MB = 1024 * 1024


def cases():
    # 100,000 nested parentheses: the nesting limit (256) stops it at once.
    yield "parens_100k", "x = " + "(" * 100_000 + "1" + ")" * 100_000 + ";\n"

    # Built-in calls nested 20,000 deep under --max-nesting 100000: the
    # stack guard stops them before the C stack overflows.
    yield "calls_nested_20k", "x = " + "abs(" * 20_000 + "1" + ")" * 20_000 + ";\n"

    # A 10 MB one-line sum of ones (2,621,440 terms): left-associative, so
    # no nesting; the parser folds it into one constant, so it runs within
    # --max-memory 256M.
    n = 10 * MB // 4
    yield "sum_10mb", "x = " + " + ".join(["1"] * n) + ";\nx;\n"

    # The same size of sum over a name does not fold: its tree (two nodes a
    # term) passes the 512 MiB cap, which must end as a clean limit error.
    yield "sum_names_10mb", "a = 1;\nx = " + " + ".join(["a"] * n) + ";\nx;\n"

    # Identifiers far past the 1,024-byte name limit; the message must not
    # echo a megabyte of source back.
    yield "ident_1mb", "a" * MB + " = 1;\n"
    yield "unknown_name_1mb", "b" * MB + " + 1;\n"

    # A number literal of a million digits (the literal limit is 100,000).
    yield "literal_1m_digits", "x = " + "7" * 1_000_000 + ";\n"

    # if-expressions nested 100,000 deep: the nesting limit again.
    k = 100_000
    yield "deep_if", "x = " + "if true then " * k + "1" + " else 0" * k + ";\n"

    # 100,000 statements, each depending on the one before: must succeed.
    lines = ["x0 = 0;"]
    lines += [f"x{i} = x{i - 1} + 1;" for i in range(1, 100_000)]
    lines.append("x99999;")
    yield "statements_100k", "\n".join(lines) + "\n"

    # A scenario table over a long script: it runs the script again once
    # per scenario, so the re-run limit (1,000,000 statements) must stop it
    # in time, as a limit, before the table prints.
    lines = ["a0 = 1;"] + [f"a{i} = a{i - 1} + 1;" for i in range(1, 12_500)]
    lines += [f"scenario s{s}: a0 = {s};" for s in range(100)]
    lines += ["table scenarios: a12499;"] * 1000
    yield "scenario_tables_12k", "\n".join(lines) + "\n"

    # Bounds made in a loop: the limit on bounds in one run stops it.
    yield "bounds_in_a_loop", "x = [0 to 1 for i in 1..200000];\n"

    # A 20 MB string literal (the string limit is 16 MiB).
    yield "string_20mb", 's = "' + "z" * (20 * MB) + '";\n'


def reports():
    """Reports for `cx knit` (cases named knit_*)."""
    # 100,000 tiny blocks, then an inline value and a bound number that read
    # the last one: each block is a region of the report parsed alone, so
    # this is linear (about 0.3 s), not 100,000 re-scans of 2.5 MB.
    blocks = "".join(f"```cx\nx{i} = {i};\n```\n" for i in range(100_000))
    yield "knit_blocks_100k", blocks + "Last: `{cx} x99999`, [99,999](cx:x99999).\n"

    # 100,000 bound numbers that all fail: stderr shows the first 20 and a
    # count, the output marks every one (exit 1).
    yield "knit_fails_100k", "```cx\nx = 1;\n```\n" + "[2](cx:x) `{cx} x`\n" * 100_000

    # A fence opened at the top of 10 MB and never closed: one located error.
    yield "knit_unclosed_fence_10mb", "# Report\n\n```cx\nx = 1;\n" + "y = 2;\n" * (10 * MB // 7)

    # A hidden block never closed, and 10 MB of '-' that never make '-->'.
    yield "knit_unclosed_hidden_10mb", "<!--cx\nx = 1;\n" + "- " * (5 * MB)

    # Backtick runs of every length up to 5,000 in one paragraph (12 MB):
    # finding code spans stays linear.
    yield "knit_backticks_12mb", " ".join("`" * i for i in range(1, 5000)) + "\n"

    # 100,000 blocks with a syntax error each: all found in one pass, the
    # first 20 shown on stderr, then a count.
    yield "knit_syntax_100k", "```cx\nx = 1 +;\n```\n" * 100_000

    # 100,000 unknown names under --keep-going: each shown in place in the
    # output, the run goes on, stderr stays short, and the "defined later"
    # search is not repeated 100,000 times over the report.
    yield "knit_keep_going_100k", "`{cx} nope` " * 100_000 + "\n\n```cx\nnope = 1;\n```\n"

    # 100,000 hidden checks on one 2.5 MB line: each check's line and column
    # is found from the last one's, not from the line's start.
    yield "knit_hidden_one_line_100k", "<!--cx check 1 == 1; --> " * 100_000 + "\n"

    # 100,000 bound numbers whose '(' is never closed, in one paragraph.
    yield "knit_open_bounds_100k", "[1](cx:(" * 100_000 + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen.py OUTDIR")
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    for name, text in cases():
        with open(os.path.join(out, name + ".cx"), "w", encoding="ascii") as f:
            f.write(text)
    for name, text in reports():
        with open(os.path.join(out, name + ".md"), "w", encoding="ascii") as f:
            f.write(text)
    # Including a FIFO that no one writes to: open() would wait forever, so
    # it must be refused as "not a regular file" (the path is absolute, hence
    # generated here).
    fifo = os.path.join(out, "fifo")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    with open(os.path.join(out, "include_fifo.cx"), "w", encoding="ascii") as f:
        f.write(f'include "{fifo}";\n')
    # A symlink inside the script's folder that points outside it.
    link = os.path.join(out, "passwd_link.cx")
    if not os.path.lexists(link):
        os.symlink("/etc/passwd", link)
    with open(os.path.join(out, "include_symlink.cx"), "w", encoding="ascii") as f:
        f.write('include "passwd_link.cx";\n')


main()
