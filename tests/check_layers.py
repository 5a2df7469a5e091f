#!/usr/bin/env python3
"""check_layers.py BUILD - the house's layers hold (make lint runs it).

1. Includes: every #include "..." in include/ runtime/ lang/ stdlib/ interp/
   cli/ names a header of its own layer or of a layer below it:

       include/  <-  runtime/  <-  lang/, stdlib/  <-  interp/  <-  cli/

   lang/ and stdlib/ stand side by side and use neither each other; cli/ uses
   only include/cx.h (the public API), like any other host program.
   Generated headers (BUILD/gen/parser.h, lexer.h) belong to lang/.

2. Calls: no two files of libcx or of the cx program call each other round
   in a loop.  The call graph is read from the objects (nm: who defines and
   who uses each symbol), and every strongly connected group of more than
   one file is reported, except the one loop that is inherent: a statement
   includes a file (interp/exec.c -> interp/state.c) and a file runs
   statements (interp/state.c -> interp/exec.c); a statement that compares
   scenarios runs the script again (interp/exec.c -> interp/scenario_run.c
   -> interp/state.c) in the same way, and so does a check over bounds that
   splits their ranges (interp/check.c -> interp/scenario_run.c), while a
   check in all scenarios is decided by check.c in each.
"""
import glob
import os
import re
import subprocess
import sys

LAYERS = ["include", "runtime", "lang", "stdlib", "interp", "cli"]
ALLOWED = {  # layer -> layers whose headers it may include
    "include": {"include"},
    "runtime": {"include", "runtime"},
    "lang": {"include", "runtime", "lang"},
    "stdlib": {"include", "runtime", "stdlib"},
    "interp": {"include", "runtime", "lang", "stdlib", "interp"},
    "cli": {"include", "cli"},
}
INHERENT_LOOP = {"interp/exec.c", "interp/state.c", "interp/scenario_run.c", "interp/check.c"}
INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(path):
    top = path.split("/", 1)[0]
    return top if top in LAYERS else None


def resolve(src, name, build):
    """The repository path of header `name` included from `src`."""
    for base in (os.path.dirname(src), "include"):
        p = os.path.normpath(os.path.join(base, name))
        if os.path.exists(p):
            return p
    if os.path.exists(os.path.join(build, "gen", name)):
        return "lang/" + name  # parser.h and lexer.h are made from lang/
    return None


def check_includes(build):
    problems = []
    files = [f for d in LAYERS for ext in ("c", "h", "y", "l")
             for f in sorted(glob.glob(f"{d}/*.{ext}"))]
    for f in files:
        text = open(f, encoding="utf-8", errors="replace").read()
        here = layer_of(f)
        for m in INCLUDE_RE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            target = resolve(f, m.group(1), build)
            if target is None:
                problems.append(f'{f}:{line}: includes "{m.group(1)}", which is not in the tree')
                continue
            there = layer_of(target)
            if there not in ALLOWED[here]:
                problems.append(f'{f}:{line}: {here}/ includes {target} from {there}/: '
                                f'{here}/ may use only {", ".join(sorted(ALLOWED[here]))}')
    return problems, len(files)


def check_calls(build):
    objs = [f"{build}/obj/{src[:-2]}.o" for d in ("runtime", "lang", "stdlib", "interp", "cli")
            for src in sorted(glob.glob(f"{d}/*.c"))]
    defined, used = {}, {}
    for o in objs:
        src = os.path.relpath(o, f"{build}/obj")[:-2] + ".c"
        out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
        used[src] = set()
        for row in out.splitlines():
            parts = row.split()
            if len(parts) == 3 and parts[1] in "TDRB":
                defined[parts[2]] = src
            elif len(parts) == 2 and parts[0] == "U":
                used[src].add(parts[1])
    edges = {s: {defined[u] for u in us if u in defined and defined[u] != s}
             for s, us in used.items()}
    # Tarjan's strongly connected components, iteratively.
    index, low, on, stack, sccs, counter = {}, {}, set(), [], [], [0]
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter[0]; counter[0] += 1
        stack.append(root); on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]; counter[0] += 1
                    stack.append(w); on.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = set()
                while True:
                    w = stack.pop(); on.discard(w); comp.add(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    sccs.append(comp)
    problems = []
    for comp in sccs:
        if comp != INHERENT_LOOP:
            problems.append("files that call each other in a loop: " + ", ".join(sorted(comp)))
    return problems, len(objs)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    p1, nfiles = check_includes(build)
    p2, nobjs = check_calls(build)
    for p in p1 + p2:
        print(p)
    print(f"layers: {nfiles} files' includes and {nobjs} objects' calls checked; "
          f"{len(p1) + len(p2)} problem{'' if len(p1) + len(p2) == 1 else 's'}")
    return 1 if p1 or p2 else 0


if __name__ == "__main__":
    sys.exit(main())
