#!/usr/bin/env bash
# run.sh CXBIN - compiles the C baselines (bench/baselines/*.c, on GMP and
# MPFR), runs the benchmark workloads with cx, the baselines, GNU bc, calc and
# python3, checks that all of them print the right answer, and prints one
# Markdown table (also written to build/bench/results.md).  `make bench`
# calls it.
#
# Environment: BENCH_RUNS  runs per cell, median taken (default 5; cells
#                          slower than 1 s use at most 3, slower than 5 s one)
#              BENCH_TIMEOUT  seconds allowed per run (default 120)
#              BENCH_OUT   output folder (default build/bench in the repository)
#              CC          compiler for the baselines (default cc)
# Exit status: 0 when every tool agreed with the reference on every workload,
# 1 when a tool failed or printed a wrong answer, 2 when something is missing.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: bench/run.sh CXBIN   (or: make bench)" >&2
    exit 2
fi
cx=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${BENCH_OUT:-$root/build/bench}

if [ ! -x "$cx" ]; then
    echo "bench: $cx is not an executable; build it first (make)" >&2
    exit 2
fi
for tool in bc calc python3 "${CC:-cc}"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench: $tool is missing; install it (make deps installs bc, calc and python3)" >&2
        exit 2
    fi
done

# The C baselines: the same exact work in plain C on GMP (MPFR for the IRR),
# the floor that cx's times are divided by.  -O2, as cx itself is built.
mkdir -p "$out/baselines"
for src in "$here"/baselines/*.c; do
    name=$(basename "$src" .c)
    if ! "${CC:-cc}" -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra \
            -o "$out/baselines/$name" "$src" -lmpfr -lgmp; then
        echo "bench: could not compile $src (needs libgmp-dev and libmpfr-dev: make deps)" >&2
        exit 2
    fi
done

# The runner times each run and reads its peak memory (see bench/runner.c).
"${CC:-cc}" -std=c11 -O2 -Wall -Wextra -o "$out/runner" "$here/runner.c" || exit 2

# Time the real interpreter, not a wrapper: a version manager's shim (pyenv)
# would add tens of milliseconds to every Python run.
python=$(python3 -c 'import sys; print(sys.executable)')

exec "$python" -B "$here/bench.py" --cx "$cx" --baselines "$out/baselines" \
    --runner "$out/runner" --out "$out" --python "$python"
