#!/usr/bin/env python3
"""check_abi.py BUILD - libcx.so exports exactly the API (make lint runs it).

The functions declared in include/cx.h, the names listed in
include/libcx.map (the linker's version script) and the functions
libcx.so exports must be the same three sets: a function added to cx.h
but not to the map would be missing from the shared library, and one in
the map but not in cx.h would be an undocumented export.  With
--print-map, writes the map the header asks for (to paste into the file).
"""
import re
import subprocess
import sys


def header_functions():
    text = open("include/cx.h", encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)  # comments hold examples
    text = re.sub(r"^\s*#.*$", " ", text, flags=re.M)
    # A declaration: a return type, then the name and its '(' (not a
    # function-pointer type such as "(*cx_output_fn)").
    return set(re.findall(r"[\w\*\s]\*?\b(cx_\w+)\s*\(", text))


def map_names():
    text = open("include/libcx.map", encoding="utf-8").read()
    text = re.sub(r"#.*", "", text)
    m = re.search(r"global:(.*?)local:", text, re.S)
    return set(re.findall(r"\b(cx_\w+)\s*;", m.group(1))) if m else set()


def exported(build):
    out = subprocess.run(["nm", "-D", "--defined-only", f"{build}/libcx.so"],
                         capture_output=True, text=True, check=True).stdout
    return {l.split()[2].split("@")[0] for l in out.splitlines()
            if len(l.split()) == 3 and l.split()[1] in "TW"}


def main():
    if "--print-map" in sys.argv:
        names = sorted(header_functions())
        print("# libcx.map - what libcx.so exports: the functions of include/cx.h,")
        print("# no more (tests/check_abi.py compares the three).")
        print("CX_0 {\n  global:\n" + "".join(f"    {n};\n" for n in names) + "  local:\n    *;\n};")
        return 0
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    h, m, e = header_functions(), map_names(), exported(build)
    problems = []
    for name in sorted(h - m):
        problems.append(f"{name} is declared in include/cx.h but not listed in include/libcx.map")
    for name in sorted(m - h):
        problems.append(f"{name} is listed in include/libcx.map but not declared in include/cx.h")
    for name in sorted(m - e):
        problems.append(f"{name} is listed in include/libcx.map but libcx.so does not export it")
    for name in sorted(e - m):
        problems.append(f"libcx.so exports {name}, which include/libcx.map does not list")
    for p in problems:
        print("check_abi: " + p)
    if not problems:
        print(f"abi: libcx.so exports the {len(h)} functions of include/cx.h")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
