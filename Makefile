# cx - hand-written GNU Makefile.  `make help` lists the targets.
# Generated sources and every build output live under $(BUILD); a sanitizer
# build uses its own folder so objects never mix.

PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR      = $(PREFIX)/bin
LIBDIR      = $(PREFIX)/lib
INCLUDEDIR  = $(PREFIX)/include
MANDIR      = $(PREFIX)/share/man
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
BUILD      ?= build

CC      ?= cc
CFLAGS  ?= -O2 -g
# The version comes from include/cx.h; the shared library's soname carries
# the major number (0 while the API may still change between minor versions).
VERSION  := $(shell sed -n 's/^\#define CX_VERSION "\(.*\)"/\1/p' include/cx.h)
SOMAJOR   = $(firstword $(subst ., ,$(VERSION)))
SONAME    = libcx.so.$(SOMAJOR)
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wwrite-strings -Wundef -Werror=implicit-function-declaration
# Every object is position-independent, so one set of objects makes both
# libcx.a and libcx.so (no semantic interposition: calls inside the library
# stay direct, as in a static build).
CX_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -I$(BUILD)/gen -MMD -MP \
            -fPIC -fno-semantic-interposition
GEN_WARN  = -Wall -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter
LDLIBS    = -lcsv -lmpfr -lgmp -lm
# Extra flags for the generated scanner and parser only (the fuzz build).
GEN_CFLAGS ?=
TEST_LIBS = -lcriterion
# cx knit's Markdown parser and HTML renderer (GitHub tables).  The cx program
# loads them with dlopen when it renders HTML (cli/knit_cmark.c), so a script
# run never maps them; tests that call cmark-gfm directly link them.
KNIT_LIBS = -lcmark-gfm-extensions -lcmark-gfm

GEN_C   = $(BUILD)/gen/parser.c $(BUILD)/gen/parser_nolac.c $(BUILD)/gen/lexer.c
GEN_H   = $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h
# The layers of libcx, each using only those before it (make lint checks
# the includes): values, then the front end and the built-ins side by side,
# then the interpreter.  docs/architecture.md says what lives where.
RUNTIME_SRC = $(sort $(wildcard runtime/*.c))
LANG_SRC    = $(sort $(wildcard lang/*.c))
STDLIB_SRC  = $(sort $(wildcard stdlib/*.c))
INTERP_SRC  = $(sort $(wildcard interp/*.c))
LIB_SRC = $(RUNTIME_SRC) $(LANG_SRC) $(STDLIB_SRC) $(INTERP_SRC)
CLI_SRC = $(sort $(wildcard cli/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))

LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/parser.o \
           $(BUILD)/obj/gen/parser_nolac.o $(BUILD)/obj/gen/lexer.o
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_OBJ = $(UNIT_SRC:%.c=$(BUILD)/obj/%.o)

# Debian packages the build and the tests need (make deps installs them).
DEB_PKGS = bison flex libgmp-dev libmpfr-dev libcsv-dev libcriterion-dev libedit-dev \
           libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config bc python3 valgrind \
           python3-jsonschema python3-setuptools python3-venv python3-pip \
           clang-format calc strace clang gcovr

.PHONY: all deps check check-differential check-unit check-knit check-browser check-threads check-tsan check-embed check-python check-golden check-repl check-docs check-confine check-hostile \
        fuzz fuzz-build fuzz-knit fuzz-smoke check-oom coverage check-examples check-asan check-valgrind \
        demo bench lint format install uninstall clean help FORCE

all: $(BUILD)/cx $(BUILD)/libcx.a $(BUILD)/libcx.so

$(BUILD)/libcx.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

# The shared library exports exactly the functions of include/cx.h, listed in
# include/libcx.map (make lint compares the two): libcx.so.VERSION, with the
# soname link libcx.so.MAJOR and the development link libcx.so.
$(BUILD)/libcx.so.$(VERSION): $(LIB_OBJ) include/libcx.map
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) \
	  -Wl,--version-script=include/libcx.map -Wl,--no-undefined -o $@ $(LIB_OBJ) $(LDLIBS)

$(BUILD)/libcx.so: $(BUILD)/libcx.so.$(VERSION)
	ln -sf libcx.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $@

# The cx program takes MPFR and libcsv from their static archives (in
# Debian's libmpfr-dev and libcsv-dev): loading and relocating two more
# shared libraries was most of what a script's start-up cost over a C
# program on GMP (issue 13, bench/README.md).  libcx.so keeps them shared.
CX_STATIC = -Wl,-Bstatic -lcsv -lmpfr -Wl,-Bdynamic
$(BUILD)/cx: $(CLI_OBJ) $(BUILD)/libcx.a
	$(CC) $(CFLAGS) $(LDFLAGS) -Wl,--as-needed -o $@ $(CLI_OBJ) $(BUILD)/libcx.a \
	  $(CX_STATIC) $(filter-out -lcsv -lmpfr,$(LDLIBS))

# Grouped targets (&:): one bison run makes both, even under make -j.
$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h &: lang/parser.y
	@mkdir -p $(BUILD)/gen
	bison -Wall -Werror --header=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

# The same grammar without LAC (lookahead correction), as cx_yyparse_nolac:
# it accepts the same scripts and builds the same trees without LAC's
# simulated parse on every token, but its syntax errors may list other
# expected tokens.  lang/parse.c uses it where no message can come out (a
# script's run after the check, the check's first, silent try).
$(BUILD)/gen/parser_nolac.c: lang/parser.y
	@mkdir -p $(BUILD)/gen
	bison -Wall -Werror -Fparse.lac=none -o $@ $<

$(BUILD)/obj/gen/parser_nolac.o: GEN_RENAME = -Dcx_yyparse=cx_yyparse_nolac

# -Cf: full, uncompressed tables.  The scanner is 170 KB larger and twice as
# fast (half of its instructions on a long script; issue 13, bench/README.md).
$(BUILD)/gen/lexer.c $(BUILD)/gen/lexer.h &: lang/lexer.l Makefile
	@mkdir -p $(BUILD)/gen
	flex -Cf --header-file=$(BUILD)/gen/lexer.h -o $(BUILD)/gen/lexer.c $<

# Our code: full warnings.  Every object waits for the generated headers.
$(BUILD)/obj/%.o: %.c | $(GEN_H)
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

# Generated code: flex and bison emit unused functions and signed compares.
$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c | $(GEN_H)
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) -Ilang $(GEN_WARN) $(CFLAGS) $(GEN_CFLAGS) $(GEN_RENAME) -c -o $@ $<

# Criterion's eq(str, ...) takes char *; string literals in tests stay char[].
$(UNIT_OBJ): WARN := $(filter-out -Wwrite-strings,$(WARN))

$(BUILD)/tests/unit: $(UNIT_OBJ) $(BUILD)/libcx.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libcx.a $(TEST_LIBS) $(LDLIBS)

# Several threads, each with its own state, run different scripts at once
# (tests/threads/threads.c); check-tsan runs it under ThreadSanitizer.
$(BUILD)/tests/threads: tests/threads/threads.c $(BUILD)/libcx.a
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $< $(BUILD)/libcx.a $(LDLIBS)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(BUILD)/tests/threads.d

# ---- set-up -----------------------------------------------------------------
# Installs what a fresh Debian 12 lacks when run as root; otherwise says what
# to install.  Quiet when everything is there.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing packages:$$missing"; echo "run: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/cx examples/thesis.cx; st=$$?; [ $$st -le 1 ] || exit $$st
	$(BUILD)/cx knit examples/reports/thesis.md -o $(BUILD)/thesis.html
	@echo "the thesis as a report: $(abspath $(BUILD))/thesis.html (source: examples/reports/thesis.md)"

# ---- tests ---------------------------------------------------------------------
check: deps
	@$(MAKE) --no-print-directory all $(BUILD)/tests/unit
	@$(MAKE) --no-print-directory check-unit check-golden check-knit check-repl check-docs \
	  check-confine check-threads check-embed check-python check-differential

# cx knit's Markdown keeps the report's block structure (cmark-gfm reads both).
$(BUILD)/tests/knit_structure: tests/knit/structure.c
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) $(WARN) $(CFLAGS) -o $@ $< $(KNIT_LIBS)

check-knit: $(BUILD)/cx $(BUILD)/tests/knit_structure
	bash tests/knit/structure.sh $(BUILD)/tests/knit_structure

# The knitted example reports in Debian's headless Chromium: the rendered
# page shows what cx computed (tests/browser/run.py).  Out of `make check`
# (Chromium is a large package and takes seconds to start); .ci/run runs it.
BROWSER_PKGS = chromium
check-browser: deps
	@$(MAKE) --no-print-directory DEB_PKGS="$(BROWSER_PKGS)" deps
	@$(MAKE) --no-print-directory $(BUILD)/cx
	python3 tests/browser/run.py $(BUILD)/cx $(BUILD)/browser

check-unit: $(BUILD)/tests/unit
	$(BUILD)/tests/unit -j2

# examples/embed/ built as a user would: cx installed into a temporary
# DESTDIR, the program compiled with pkg-config against it and run with the
# installed libcx.so (a few seconds).
check-embed: all
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	$(MAKE) --no-print-directory install DESTDIR=$$d PREFIX=/usr/local >/dev/null && \
	PKG_CONFIG_PATH=$$d/usr/local/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$$d \
	  $(MAKE) --no-print-directory -s -C examples/embed OUT=$$d/embed && \
	readelf -d $$d/embed | grep -q 'NEEDED.*\[$(SONAME)\]' && \
	LD_LIBRARY_PATH=$$d/usr/local/lib $$d/embed examples/embed/project.cx > $$d/out; \
	st=$$?; diff -u examples/embed/embed.expected $$d/out && [ $$st = 0 ] && \
	echo "embed: built with pkg-config against the installed libcx.so, output as expected"

# The Python package (bindings/python) over build/libcx.so with Debian's
# python3: its unittest suite, then `pip install` of a copy into a venv that
# sees Debian's setuptools (no network), used from another folder.
DEB_PYTHON ?= /usr/bin/python3
check-python: $(BUILD)/libcx.so
	CX_LIBRARY=$(BUILD)/libcx.so.0 PYTHONPATH=bindings/python PYTHONDONTWRITEBYTECODE=1 \
	  $(DEB_PYTHON) -m unittest discover -s bindings/python/tests
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && cp -r bindings/python $$d/src && \
	$(DEB_PYTHON) -m venv --system-site-packages $$d/venv && \
	$$d/venv/bin/pip install -q --no-index --no-build-isolation $$d/src && \
	lib=$$(realpath $(BUILD)/libcx.so.0) && cd $$d && \
	CX_LIBRARY=$$lib venv/bin/python -c 'import cx; r = cx.run("x = rate * 2;", inputs={"rate": "8%"}); assert str(r.values["x"]) == "4/25", r; print("python: pip install ./bindings/python works:", cx.__file__.split("/site-packages/")[1])'

check-threads: $(BUILD)/tests/threads
	$(BUILD)/tests/threads

# gcc's ThreadSanitizer (libtsan2) in its own build folder; a report fails.
check-tsan:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=build/tsan CFLAGS="-O1 -g -fsanitize=thread" \
	  LDFLAGS="-fsanitize=thread" build/tsan/tests/threads
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 build/tsan/tests/threads 12

# A script file (parsed once, long recurrences lean) against the same text on
# standard input (two passes, every period kept): DIFF_N random scripts.
DIFF_N ?= 200
DIFF_SEED ?= 1
check-differential: $(BUILD)/cx
	bash tests/differential/run.sh $(BUILD)/cx $(DIFF_N) $(DIFF_SEED)

check-golden: $(BUILD)/cx
	bash tests/golden/run.sh $(BUILD)/cx

# The documents stay true: every error code of the table is catalogued and
# shown by a golden test, the README's example prints what the README says, and
# docs/stdlib.md is what the built-in table generates (make docs/stdlib.md).
check-docs: $(BUILD)/cx $(BUILD)/docs/gen_stdlib_md $(BUILD)/docs/check_errors_md
	$(BUILD)/docs/check_errors_md
	bash tests/check_readme.sh $(BUILD)/cx
	@$(BUILD)/docs/gen_stdlib_md | cmp -s - docs/stdlib.md || \
	  { echo "docs/stdlib.md is stale: run make docs/stdlib.md"; exit 1; }

# docs/stdlib.md comes from the built-in table (stdlib/builtins.c): one
# source for the reference, the REPL's :help and this page.
$(BUILD)/docs/gen_stdlib_md: docs/gen_stdlib_md.c $(BUILD)/libcx.a
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libcx.a $(LDLIBS)

# docs/errors.md is written by hand and checked against the error table
# (runtime/errors.def) and the golden tests by a C program.
$(BUILD)/docs/check_errors_md: docs/check_errors_md.c $(BUILD)/libcx.a
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libcx.a $(LDLIBS)

docs/stdlib.md: $(BUILD)/docs/gen_stdlib_md
	$< > $@.tmp && mv $@.tmp $@

# Confined reads seen from the system calls: cx under strace never opens a
# file outside the script's folder or an --allow-read folder (a second).
check-confine: $(BUILD)/cx
	bash tests/confine/strace.sh $(BUILD)/cx

# Hostile inputs under a 512 MiB / 5 s cap each (robustness goal G1).
check-hostile: $(BUILD)/cx
	bash tests/hostile/run.sh $(BUILD)/cx

# A clang build of libcx with ASan+UBSan and libFuzzer coverage in build/fuzz,
# then FUZZ_TIME seconds (or FUZZ_RUNS inputs) of fuzzing on one core, seeded
# from the examples and the golden scripts cut into pieces of at most
# FUZZ_MAXLEN bytes (tests/fuzz/README.md).  The generated scanner and parser
# are built without comparison tracing: their compares are of table states,
# which teach libFuzzer nothing the dictionary does not, and cost a sixth of
# the time.  New inputs go to FUZZ_CORPUS, findings to build/fuzz/artifacts/.
FUZZ_TIME   ?= 300
FUZZ_RUNS   ?= -1
FUZZ_MAXLEN ?= 512
FUZZ_CORPUS ?= build/fuzz/corpus
FUZZ_SAN     = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SEEDS   = $(sort $(wildcard examples/*.cx) $(shell find tests/golden -name '*.cx'))
fuzz-build:
	@$(MAKE) --no-print-directory CC=clang BUILD=build/fuzz GEN_CFLAGS=-fno-sanitize-coverage=trace-cmp \
	  CFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" build/fuzz/libcx.a
	@$(MAKE) --no-print-directory build/fuzz/fuzz_parse

build/fuzz/fuzz_parse: tests/fuzz/fuzz_parse.c build/fuzz/libcx.a
	clang -std=c11 -D_GNU_SOURCE -Iinclude $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer \
	  -o $@ tests/fuzz/fuzz_parse.c build/fuzz/libcx.a $(LDLIBS) -lpthread

# cx knit's own harness: the command over a report (cli/knit*.c linked in).
KNIT_FUZZ_SRC = cli/knit.c cli/knit_scan.c cli/knit_md.c cli/knit_html.c cli/knit_json.c cli/knit_cmark.c \
                cli/options.c cli/json.c cli/report.c cli/csv.c
build/fuzz/fuzz_knit: tests/fuzz/fuzz_knit.c $(KNIT_FUZZ_SRC) build/fuzz/libcx.a
	clang -std=c11 -D_GNU_SOURCE -Iinclude -Icli $(FUZZ_SAN) -fsanitize=fuzzer \
	  -o $@ tests/fuzz/fuzz_knit.c $(KNIT_FUZZ_SRC) build/fuzz/libcx.a $(LDLIBS) $(KNIT_LIBS) -lpthread

# FUZZ_TIME seconds of fuzzing cx knit, seeded from the golden reports.
fuzz-knit: fuzz-build build/fuzz/fuzz_knit
	@mkdir -p build/fuzz/knit-corpus build/fuzz/artifacts
	build/fuzz/fuzz_knit -max_len=2048 -max_total_time=$(FUZZ_TIME) -close_fd_mask=3 \
	  -rss_limit_mb=2048 -artifact_prefix=build/fuzz/artifacts/knit- -print_final_stats=1 \
	  build/fuzz/knit-corpus tests/golden/knit </dev/null

fuzz: fuzz-build
	@python3 tests/fuzz/check_dict.py
	@rm -rf build/fuzz/seeds && mkdir -p $(FUZZ_CORPUS) build/fuzz/artifacts
	@python3 tests/fuzz/seeds.py build/fuzz/seeds $(FUZZ_MAXLEN) $(FUZZ_SEEDS)
	build/fuzz/fuzz_parse -dict=tests/fuzz/cx.dict -max_len=$(FUZZ_MAXLEN) \
	  -max_total_time=$(FUZZ_TIME) -runs=$(FUZZ_RUNS) -timeout=5 \
	  -rss_limit_mb=2048 -malloc_limit_mb=1024 -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1 \
	  $(FUZZ_CORPUS) build/fuzz/seeds tests/fuzz/crashes </dev/null

# One minute of fuzzing from the seeds and the saved findings alone, in a
# fresh corpus folder (a part of check-asan).
fuzz-smoke:
	@rm -rf build/fuzz/smoke
	@$(MAKE) --no-print-directory fuzz FUZZ_TIME=60 FUZZ_CORPUS=build/fuzz/smoke

# The allocation-failure sweep (robustness goal G4): an ASan build in
# build/oom whose allocations go through tests/oom/failalloc.c (the N-th one
# fails), then every N over a set of scripts (tests/oom/run.sh).  Only this
# build is linked with --wrap; the normal one never is.
OOM_SAN  = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OOM_WRAP = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup
check-oom:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=build/oom CFLAGS="$(OOM_SAN)" \
	  LDFLAGS="-fsanitize=address,undefined $(OOM_WRAP)" \
	  LDLIBS="build/oom/obj/tests/oom/failalloc.o $(LDLIBS)" build/oom/cx
	$(SAN_STACK) bash tests/oom/run.sh build/oom/cx $(OOM_FILTER)

# (Only the BUILD=build/oom sub-make reaches this: relink when it changes.)
build/oom/cx: build/oom/obj/tests/oom/failalloc.o

# Line and branch coverage (gcov, reported by gcovr) of the unit, golden and
# REPL suites, in build/cov: a table per folder on stdout, every file in
# build/cov/coverage.txt, and an HTML report in build/cov/html/index.html.
COV_DIRS = runtime lang stdlib interp cli
coverage:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=build/cov CFLAGS="-O0 -g --coverage" LDFLAGS=--coverage \
	  all build/cov/tests/unit
	@find build/cov -name '*.gcda' -delete
	build/cov/tests/unit -j2
	bash tests/golden/run.sh build/cov/cx
	python3 tests/repl/run.py build/cov/cx
	@rm -rf build/cov/html && mkdir -p build/cov/html
	gcovr -r . $(COV_DIRS:%=--filter %/) --json build/cov/coverage.json build/cov
	@gcovr --add-tracefile build/cov/coverage.json -r . --txt build/cov/coverage.txt \
	  --html-details build/cov/html/index.html
	@python3 tests/coverage_summary.py build/cov/coverage.json
	@echo "every file: build/cov/coverage.txt, tests/coverage_summary.py build/cov/coverage.json --files;" \
	  "HTML: build/cov/html/index.html"

# The REPL through a pseudo-terminal (python3's pty module): a few seconds.
check-repl: $(BUILD)/cx
	python3 tests/repl/run.py $(BUILD)/cx

# ASan's frames are two to three times larger: the sanitized suites get a
# 64 MiB stack, so cx's stack guard (three quarters of RLIMIT_STACK) stops
# the same scripts as in a plain build (tests/golden/limits/).
SAN_STACK = ulimit -s 65536 2>/dev/null;

check-asan:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=build/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" all build/asan/tests/unit
	$(SAN_STACK) ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  build/asan/tests/unit -j2
	$(SAN_STACK) ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  bash tests/golden/run.sh build/asan/cx
	$(SAN_STACK) ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  python3 tests/repl/run.py build/asan/cx
	$(SAN_STACK) HOSTILE_VMEM=unlimited ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1 bash tests/hostile/run.sh build/asan/cx || \
	  echo "check-asan: hostile cases above failed (see docs/reliability.md, Known gaps)"
	@$(MAKE) --no-print-directory fuzz-smoke

check-valgrind: all
	CX_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	  bash tests/golden/run.sh $(BUILD)/cx

# cx against C on GMP, bc, calc and python3; compiles the C baselines first.
bench: deps
	@$(MAKE) --no-print-directory all
	bash bench/run.sh $(BUILD)/cx

lint: all
	@bad=$$(nm -g --defined-only $(BUILD)/libcx.a | awk 'NF==3{print $$3}' | grep -v '^cx_' || true); \
	  if [ -n "$$bad" ]; then echo "libcx exports names without cx_:"; echo "$$bad"; exit 1; fi
	@if grep -nE '\b(printf|fprintf|puts|fputs|exit|abort)[[:space:]]*\(' lang/*.c lang/*.y runtime/*.c stdlib/*.c interp/*.c \
	  | grep -v 'snprintf\|vsnprintf'; then echo "library code must not print or exit"; exit 1; fi
	@python3 tests/check_layers.py $(BUILD)
	@python3 tests/check_abi.py $(BUILD)
	@clang-format --dry-run --Werror $(FORMAT_SRC) 2>&1 | head -20; \
	  if ! clang-format --dry-run --Werror $(FORMAT_SRC) >/dev/null 2>&1; then \
	    echo "files are not formatted: run make format"; exit 1; fi
	@echo "lint: ok"

# Every C file of ours (not the generated scanner and parser, not the
# grammar files, which clang-format cannot read) has .clang-format's layout.
FORMAT_SRC = $(LIB_SRC) $(CLI_SRC) $(UNIT_SRC) $(wildcard docs/*.c tests/fuzz/*.c tests/oom/*.c \
             include/*.h runtime/*.h lang/*.h stdlib/*.h interp/*.h cli/*.h tests/unit/*.h)

format:
	clang-format -i $(FORMAT_SRC)

# The libraries, the header, cx.pc (for pkg-config --cflags --libs cx), the
# program, its man page and completion.  PREFIX, LIBDIR and DESTDIR are
# honoured; cx.pc names the final places (without DESTDIR).
PKGCONFIGDIR = $(LIBDIR)/pkgconfig

$(BUILD)/cx.pc: cx.pc.in FORCE
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' $< > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

FORCE:

install: all $(BUILD)/cx.pc
	install -Dm755 $(BUILD)/cx $(DESTDIR)$(BINDIR)/cx
	install -Dm644 $(BUILD)/libcx.a $(DESTDIR)$(LIBDIR)/libcx.a
	install -Dm755 $(BUILD)/libcx.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libcx.so.$(VERSION)
	ln -sf libcx.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcx.so
	install -Dm644 include/cx.h $(DESTDIR)$(INCLUDEDIR)/cx.h
	install -Dm644 $(BUILD)/cx.pc $(DESTDIR)$(PKGCONFIGDIR)/cx.pc
	install -Dm644 docs/cx.1 $(DESTDIR)$(MANDIR)/man1/cx.1
	install -Dm644 contrib/bash-completion/cx $(DESTDIR)$(BASHCOMPDIR)/cx
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then \
	  ldconfig; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cx $(DESTDIR)$(INCLUDEDIR)/cx.h
	rm -f $(DESTDIR)$(LIBDIR)/libcx.a $(DESTDIR)$(LIBDIR)/libcx.so \
	      $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libcx.so.$(VERSION)
	rm -f $(DESTDIR)$(PKGCONFIGDIR)/cx.pc
	rm -f $(DESTDIR)$(MANDIR)/man1/cx.1 $(DESTDIR)$(BASHCOMPDIR)/cx

clean:
	rm -rf build

help:
	@echo "make            build build/cx and build/libcx.a"
	@echo "make demo       install missing packages, build, run examples/thesis.cx"
	@echo "make check      install missing packages, build, run unit, golden and REPL tests"
	@echo "make check-repl the REPL through a pseudo-terminal (tests/repl/)"
	@echo "make check-threads / check-embed / check-python   libcx in threads, in a C host, in Python"
	@echo "make check-asan the suites under AddressSanitizer + UBSan (build/asan), hostile inputs, fuzz-smoke"
	@echo "make check-tsan threads running scripts at once under ThreadSanitizer (build/tsan)"
	@echo "make check-valgrind  the golden suite under valgrind"
	@echo "make check-knit      cx knit: the knitted Markdown keeps the report's block structure"
	@echo "make check-browser   the example reports knitted and opened in headless Chromium (installs chromium)"
	@echo "make check-hostile   hostile inputs under time and memory caps"
	@echo "make check-confine   no file outside the allowed folders is opened (strace)"
	@echo "make check-oom  the N-th allocation fails, for every N over examples and golden scripts (build/oom)"
	@echo "make fuzz       FUZZ_TIME seconds (or FUZZ_RUNS inputs) of libFuzzer on one core (clang, build/fuzz)"
	@echo "make fuzz-smoke one minute of libFuzzer in a fresh corpus (part of check-asan)"
	@echo "make fuzz-knit  FUZZ_TIME seconds of libFuzzer on cx knit (reports; clang, build/fuzz)"
	@echo "make coverage   line and branch coverage of the unit, golden and REPL suites (gcovr, build/cov)"
	@echo "make bench      cx against C on GMP, bc, calc and python3 (bench/)"
	@echo "make lint       layers, exported-symbol prefix, libcx.so exports cx.h, no printing in library code, format"
	@echo "make format     apply .clang-format to every C file"
	@echo "make install    cx, libcx.a, libcx.so, cx.h, cx.pc, man page, completion"
	@echo "                (PREFIX=$(PREFIX) LIBDIR=$(LIBDIR) DESTDIR=$(DESTDIR))"
	@echo "make uninstall  remove what make install put there (same variables)"
	@echo "make clean      remove build/"
