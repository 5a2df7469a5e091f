#!/usr/bin/env python3
"""Seed corpus for fuzz_parse: cuts scripts into pieces of at most MAXLEN
bytes, at statement ends, so that libFuzzer (run with -max_len=MAXLEN) sees
whole statements instead of the first MAXLEN bytes of each file.

    usage: tests/fuzz/seeds.py OUTDIR MAXLEN FILE...

A piece is a run of whole lines that ends where a statement does (a line
ending in ';', a comment or a blank line); a single statement longer than
MAXLEN is cut.  Each piece is named after its file and its number, so files
with the same name in different folders do not overwrite each other.
Scripts that contain `include` are left out: the harness skips them."""
import os
import sys


def statements(text):
    """The text as a list of chunks, each ending at the end of a statement."""
    out, cur = [], ""
    for line in text.splitlines(keepends=True):
        cur += line
        s = line.strip()
        if not s or s.endswith(";") or s.startswith("#"):
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def pieces(text, maxlen):
    out, cur = [], ""
    for st in statements(text):
        if len(cur) + len(st) > maxlen and cur.strip():
            out.append(cur)
            cur = ""
        cur += st
        while len(cur) > maxlen:
            out.append(cur[:maxlen])
            cur = cur[maxlen:]
    if cur.strip():
        out.append(cur)
    return out


def main():
    outdir, maxlen, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for f in files:
        with open(f, "rb") as fh:
            text = fh.read().decode("latin-1")
        if "include" in text:
            continue
        stem = f.replace("/", "-").removesuffix(".cx")
        for i, p in enumerate(pieces(text, maxlen)):
            with open(os.path.join(outdir, f"{stem}-{i}.cx"), "wb") as fh:
                fh.write(p.encode("latin-1"))
            n += 1
    print(f"seeds: {n} pieces of at most {maxlen} bytes from {len(files)} scripts")


if __name__ == "__main__":
    main()
