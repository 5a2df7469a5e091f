#!/usr/bin/env bash
# run.sh CXBIN - runs the benchmark workloads with cx, GNU bc and python3,
# checks that all of them print the right answer, and prints one Markdown
# table (also written to build/bench/results.md).  `make bench` calls it.
#
# Environment: BENCH_RUNS  runs per cell, median taken (default 5; cells
#                          slower than 1 s use at most 3, slower than 5 s one)
#              BENCH_TIMEOUT  seconds allowed per run (default 120)
#              BENCH_OUT   output folder (default build/bench in the repository)
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
for tool in bc python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench: $tool is missing; install it (apt-get install $tool, or make deps)" >&2
        exit 2
    fi
done

# Peak RSS comes from GNU time (Debian package "time"), not the shell keyword.
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing GNU time (package time) for peak-RSS figures" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null \
            || echo "bench: could not install time; peak RSS will show as -" >&2
    else
        echo "bench: /usr/bin/time is missing, so peak RSS will show as -;" \
             "install it with: sudo apt-get install time" >&2
    fi
fi

# Time the real interpreter, not a wrapper: a version manager's shim (pyenv)
# would add tens of milliseconds to every Python run.
python=$(python3 -c 'import sys; print(sys.executable)')

exec "$python" -B "$here/bench.py" --cx "$cx" --out "$out" --python "$python"
