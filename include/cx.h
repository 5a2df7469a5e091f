/* cx.h - the public API of libcx, the cx interpreter as a library.
 *
 * A host creates a cx_state, runs files or strings in it (definitions persist
 * between runs, as in the REPL), receives every output record through a
 * callback as it is produced, then reads the run's status and errors.
 * libcx never prints, never exits and never reads the terminal.
 *
 *     cx_options o; cx_options_default(&o);
 *     cx_state *cx = cx_state_new(&o);
 *     cx_state_set_output(cx, on_output, NULL);
 *     cx_run_status st = cx_run_file(cx, "thesis.cx");
 *     for (size_t i = 0; i < cx_error_count(cx); i++) {
 *         char *msg = cx_error_render(cx, i, false); fputs(msg, stderr); free(msg);
 *     }
 *     cx_state_free(cx);
 *
 * Beyond display strings, a host can define inputs before a run
 * (cx_define) and read exact values after it (cx_state_value and the
 * cx_value_* / cx_number_* functions), or from the output records as they
 * come (cx_output.result).
 *
 * Threads.  Separate states may be used by separate threads at the same
 * time: a state shares nothing mutable with another (memory for numbers is
 * counted and limited per state, --max-memory included).  One state must not
 * be used by two threads at once; hand it over with the usual
 * synchronisation.  Thread-safe everywhere: cx_options_default,
 * cx_builtins, and cx_state_interrupt (also from a signal handler).  Call
 * cx_set_out_of_memory_handler before threads start using cx.  GMP's memory
 * functions are set process-wide by the first cx_state_new; a host that
 * sets its own with mp_set_memory_functions must do so before that, and
 * loses cx's accounting.
 */
#ifndef CX_H
#define CX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CX_VERSION "0.1.0"

/* ---- where: a byte range in one source ----------------------------------- */
typedef struct cx_span {
    uint32_t src;   /* source id; 0 = none */
    uint32_t start; /* byte offset of the first byte */
    uint32_t end;   /* byte offset one past the last byte */
} cx_span;

/* ---- options --------------------------------------------------------------- */
/* Nested evaluation (deep expressions, recursion) uses the calling
 * thread's C stack, up to three quarters of RLIMIT_STACK (at most 6 MiB);
 * past that a run stops with limit-nesting.  A host that runs cx on a
 * thread with a smaller stack should lower max_nesting and max_call_depth
 * (the defaults need well under 1 MiB). */
typedef struct cx_options {
    int digits;             /* significant digits for cut values (--digits), 1..1000 */
    long precision_bits;    /* MPFR precision for approximate values (--precision) */
    long max_source_bytes;  /* per source file (--max-source) */
    int max_nesting;        /* expression nesting (--max-nesting) */
    int max_call_depth;     /* user function call depth (--max-depth) */
    long max_result_digits; /* decimal digits in one number (--max-digits) */
    int max_include_depth;  /* nested includes (--max-includes) */
    long max_series;        /* periods in a series, items in a list (--max-series) */
    long max_memory_mb;     /* memory for numbers (--max-memory) */
    bool repl;              /* redefinition allowed; bare expressions set `_` */
    long timeout_ms;        /* wall-clock time of one run, 0 = none (--timeout); default 60 s */
    long long max_steps;    /* evaluation steps of one run, 0 = none (--max-steps); default none */
    /* The state runs one script (or files in turn) and is freed: nobody
     * reads it after the run or uses it after a failed one (the cx
     * program's runs of script files).  Then a source is parsed once, its statements
     * run as they are parsed and their output is held until the parse has
     * reached the end without a syntax error (a source with one still
     * prints nothing but its errors; its statements may have run); and a
     * long recurrence keeps only its last periods' values, computing the
     * others again when they are read (docs/language.md, "Long
     * recurrences"), so cx_state_value gives NULL for such a series.
     * Default false. */
    bool single_run;
} cx_options;

void cx_options_default(cx_options *o);
/* sizeof(cx_options) in this build of the library: a binding that mirrors
 * the struct (Python's ctypes) checks it before it passes one. */
size_t cx_options_size(void);

/* ---- process-wide ------------------------------------------------------------ */
/* Called when the system allocator fails inside GMP/MPFR, which cannot
 * recover: the handler should report and end the process (the CLI prints
 * "out of memory" and exits 4).  Without one, such a failure crashes. */
void cx_set_out_of_memory_handler(void (*fn)(size_t request));

/* ---- state ------------------------------------------------------------------ */
typedef struct cx_state cx_state;

/* NULL on allocation failure or invalid options. */
cx_state *cx_state_new(const cx_options *o);
void cx_state_free(cx_state *cx);
/* Changes the display digits between runs (REPL `:digits`). */
void cx_state_set_digits(cx_state *cx, int digits);
/* Asks a running evaluation to stop with an "interrupted" error as soon as it
 * can.  Async-signal-safe: call it from a SIGINT handler.  A request that
 * arrives when no run is in progress is dropped when the next run starts. */
void cx_state_interrupt(cx_state *cx);

/* ---- outputs ------------------------------------------------------------------ */
typedef enum cx_output_kind {
    CX_OUT_VALUE, /* a bare expression: "expr = value" */
    CX_OUT_PRINT, /* a print statement */
    CX_OUT_CHECK, /* a check: passed or failed, with both sides */
    CX_OUT_TABLE, /* a sensitivity table (text holds every line) */
    CX_OUT_NOTE,  /* a note: a legal result that is almost certainly a mistake */
    CX_OUT_CHART, /* a chart: text holds a text bar chart; cx_output_chart_svg draws it */
} cx_output_kind;

/* A chart's data and look, inside a CHART record (opaque). */
typedef struct cx_chart cx_chart;

/* A value inside a state: a number, a series, ... (opaque).  Pointers to it
 * are always borrowed: from cx_state_value, valid until the state's next
 * run, definition or cx_state_free; from an output record, valid only
 * during the callback.  Read it with the cx_value_* functions below. */
typedef struct cx_value cx_value;

typedef struct cx_output {
    cx_output_kind kind;
    const char *text;   /* what cx prints for this record, without the final newline */
    const char *expr;   /* VALUE, CHECK, TABLE: the source text of the expression or claim */
    const char *value;  /* VALUE: the rendered value; CHECK: the left side */
    const char *rhs;    /* CHECK: the right side (NULL for a bare condition) */
    const char *detail; /* CHECK: how it was decided ("in [5.5B .. 6.5B)"), may be NULL */
    bool passed;        /* CHECK */
    bool approx;        /* VALUE/CHECK: an approximate number was involved */
    const char *file;   /* source name */
    size_t line;        /* 1-based line of the statement */
    /* The values behind the text (NULL when absent; borrowed, valid only
     * during the callback):
     * VALUE: the value; CHECK: the left side (a bare condition: its truth
     * value); TABLE: the rows, a list of lists, each row the variable's
     * value followed by each column's value. */
    const cx_value *result;
    const cx_value *rhs_result; /* CHECK: the right side; NULL for a bare condition */
    /* TABLE: the header, n_columns strings: the variable's name, then each
     * column's expression as written. */
    const char *const *columns;
    size_t n_columns;
    /* CHART: "line" or "bar"; "plain", "money" or "pct"; the title (NULL:
     * none).  columns holds each series as written and result the list of
     * their values (series, or lists of numbers). */
    const char *chart_style;
    const char *chart_format;
    const char *chart_title;
    const cx_chart *chart; /* CHART: for cx_output_chart_svg; NULL otherwise */
    /* CHECK of `... in all scenarios`: the scenario it was decided in
     * ("base" for the script as written); NULL for any other check. */
    const char *scenario;
    /* CHECK over bounded values: "PASS", "FAIL", "DEPENDS" (holds for some
     * values, not others) or "UNDECIDED"; NULL for any other check.  Only
     * PASS has `passed` true. */
    const char *verdict;
} cx_output;

/* A CHART record drawn as a standalone SVG document (UTF-8, no XML
 * declaration, so it can be inlined in HTML or written to a .svg file):
 * nice ticks, a legend, <title> and <desc> with the data for screen
 * readers, the Okabe-Ito palette, every coordinate printed from exact
 * values, so the same chart is the same bytes everywhere.  Element ids are
 * "cx-chart-N-..." with N counting the state's charts.  malloc'ed (free
 * with free or cx_free); NULL when `out` is not a chart or memory ran out.
 * Call it during the output callback, while the record is valid. */
char *cx_output_chart_svg(const cx_output *out);

typedef void (*cx_output_fn)(void *userdata, const cx_output *out);
/* Every record goes to fn as it is produced; the record's strings and
 * values are valid only during the call. */
void cx_state_set_output(cx_state *cx, cx_output_fn fn, void *userdata);

/* ---- running ------------------------------------------------------------------- */
typedef enum cx_run_status {
    CX_RUN_OK = 0,           /* everything ran and every check passed */
    CX_RUN_CHECK_FAILED = 1, /* ran to the end; at least one check failed */
    CX_RUN_ERROR = 2,        /* an error in the script (syntax, name, type, math) */
    CX_RUN_LIMIT = 3,        /* a resource limit was hit */
    CX_RUN_IO = 4,           /* a file could not be read */
} cx_run_status;

/* A run reads only files inside its entry file's folder tree (for
 * cx_run_string: the current directory's) and inside folders allowed here:
 * an include outside them is an error (io-read-outside), checked after
 * symlinks and '..' are resolved and before anything is opened.  Allows
 * `dir` (and below) for every later run; false when it is not a folder,
 * or with errno ENOMEM when memory ran out. */
bool cx_state_allow_read(cx_state *cx, const char *dir);

/* Runs a script file.  Relative includes resolve against its folder. */
cx_run_status cx_run_file(cx_state *cx, const char *path);
/* Runs source text; `name` is shown in messages ("<-e>", "<stdin>").
 * Relative includes resolve against the current directory. */
cx_run_status cx_run_string(cx_state *cx, const char *name, const char *text, size_t len);

/* Checks counted over the state's life. */
size_t cx_checks_passed(const cx_state *cx);
size_t cx_checks_failed(const cx_state *cx);

/* ---- reports (cx knit) --------------------------------------------------------- */
/* A report is a Markdown file with cx in it; the host finds the cx parts
 * (blocks, inline values, bound numbers) and runs them in order in one
 * state through the functions below.  Each part is a *region* of the
 * report: a source of its own, parsed alone, whose errors point at the
 * report's own line and column ("report.md:42:36: error: ...").  The time
 * budget (timeout_ms, max_steps) covers the whole report: it starts at
 * cx_report_load and no region call restarts it.  Every call below clears
 * the errors of the one before. */

/* Reads the report file at `path` (at most max_source_bytes) as the entry
 * of the reads that follow: its folder becomes the tree `include` and
 * csv() may read (with the cx_state_allow_read folders).  Returns its
 * source id with its bytes in *text and *len (borrowed until
 * cx_state_free), or 0 after an error (the status by cx_error_get: io or
 * limit). */
uint32_t cx_report_load(cx_state *cx, const char *path, const char **text, size_t *len);
/* A region of source `parent` (the report, or a region): its bytes [start,
 * start + len).  An `expression` region holds one expression without a
 * final ';'.  Its id, or 0 on a bad range or when memory ran out. */
uint32_t cx_region_new(cx_state *cx, uint32_t parent, size_t start, size_t len, bool expression);
/* Parses the region for syntax errors only; runs nothing.  An expression
 * region must be exactly one expression. */
cx_run_status cx_region_check(cx_state *cx, uint32_t region);
/* Runs a script region's statements; their records reach the output
 * callback as for a script (stamped with the report's name and line). */
cx_run_status cx_region_run(cx_state *cx, uint32_t region);
/* Evaluates an expression region into *text: its value as cx displays it
 * (a string without quotes: money(x, 0) gives $6B).  malloc'ed (cx_free);
 * NULL unless the status is CX_RUN_OK.  A note it raises reaches the
 * output callback. */
cx_run_status cx_region_value(cx_state *cx, uint32_t region, char **text);

/* A bound number: the figure an author wrote, checked against an
 * expression. */
typedef struct cx_bound_result {
    bool checked; /* false for an empty figure (nothing to check: fill it in) */
    bool passed;  /* the expression rounds to the figure at its written precision */
    /* The computed value written as the figure was (its currency, sign,
     * commas, decimals and suffix: "$6.0B", "61%", "−4.8B"); for an empty
     * figure, as cx displays it ("6,012,000,000"). */
    char *value;
    char *figure; /* the figure as cx read it ("$6.0B" -> "6.0B"); NULL when empty */
    char *detail; /* how it was decided ("6,012,000,000 is in [5.95B .. 6.05B)"); NULL when empty */
} cx_bound_result;
/* Evaluates expression region `region` and checks EXPR ~ FIGURE, where
 * FIGURE is the `fig_len` bytes at `fig_start` of source `src` as an article
 * writes numbers: an optional sign ('-' or U+2212), an optional currency
 * sign ($, U+20AC, U+00A3), digits with optional thousands commas and
 * decimals, and an optional suffix k, K, M, m, B, bn, T, %, bp, pp.  The
 * precision is the one the figure was written with, as for `check A ~ B`
 * ($6.0B: half of 0.1B either side), so a verdict is never looser than
 * the figure.  A failed figure is not an error: out->passed is false and
 * the status CX_RUN_CHECK_FAILED (counted in cx_checks_failed).  A figure
 * cx cannot read is a syntax error located at it.  Free *out with
 * cx_bound_result_free. */
cx_run_status cx_region_bound(cx_state *cx, uint32_t region, uint32_t src, size_t fig_start,
                              size_t fig_len, cx_bound_result *out);
void cx_bound_result_free(cx_bound_result *r);
/* Whether the `len` bytes at `start` of source `src` are a figure
 * cx_region_bound can read (or empty): the syntax pass over a report's
 * bound numbers, which runs nothing.  A syntax error when not. */
cx_run_status cx_figure_check(cx_state *cx, uint32_t src, size_t start, size_t len);
/* Adds an error the host found in source `src` (an unclosed fence of a
 * report, an unknown block option) at bytes [start, start + len), with
 * code syntax-report: it is then read and rendered like cx's own errors
 * (cx_error_count, cx_error_get, cx_error_render).  Clears nothing; false
 * when memory ran out. */
bool cx_report_error(cx_state *cx, uint32_t src, size_t start, size_t len, const char *message,
                     const char *hint);

/* ---- inputs ------------------------------------------------------------------- */
/* Defines `name` before a run from `text`, which cx reads as it reads a
 * script: a number literal ("8%", "4.8B", "-1_250.5", "1/3"), a period
 * ("2025Q3", "2025-06-30"), a string ("\"ACME\""), true or false, or a
 * list of those ("[1, 2.5, 4]").  Literals may be combined with arithmetic
 * but may not name anything: an input is a constant.  The text is shown in
 * messages as the source "<input NAME>", so a script that defines the same
 * name again gets the usual redefinition error pointing at both.  Errors
 * (a bad name, bad text, not a constant) are reported like a run's: the
 * status, then cx_error_count / cx_error_get / cx_error_render.  In REPL
 * mode an existing name is replaced. */
cx_run_status cx_define(cx_state *cx, const char *name, const char *text);

/* ---- errors of the last run ----------------------------------------------------- */
typedef enum cx_err_kind {
    CX_ERRK_SYNTAX,
    CX_ERRK_NAME,
    CX_ERRK_TYPE,
    CX_ERRK_MATH,
    CX_ERRK_LIMIT,
    CX_ERRK_IO,
    CX_ERRK_INTERNAL,
} cx_err_kind;

typedef struct cx_error_info {
    cx_err_kind kind;
    const char *code;    /* stable code from docs/errors.md, e.g. "name-unknown" */
    const char *message; /* one line, without "error: " */
    const char *hint;    /* NULL when none */
    const char *file;    /* NULL when the error has no source position */
    size_t line, col;    /* 1-based; col counts characters */
    size_t end_line, end_col;
    bool at_end_of_input; /* a syntax error because the input ended: the REPL reads more */
} cx_error_info;

size_t cx_error_count(const cx_state *cx);
/* Fills *out for error i (strings owned by the state, valid until the next
 * run); false when i is out of range. */
bool cx_error_get(const cx_state *cx, size_t i, cx_error_info *out);
/* "file:line:col: error: message", the source line, a caret line under the
 * span, notes and the hint, each line ending in '\n'; ANSI colour when
 * `color`.  malloc'ed; the caller frees. */
char *cx_error_render(const cx_state *cx, size_t i, bool color);

/* ---- introspection (REPL, tools) ------------------------------------------------- */
/* Calls fn for every name defined in the state, in definition order, with its
 * rendered value ("fn margin(x, rev)" for functions). */
void cx_state_each_name(const cx_state *cx,
                        void (*fn)(void *ud, const char *name, const char *value), void *ud);
/* The i-th defined name (0-based, definition order), NULL past the last; no
 * value is rendered, so it is cheap enough for Tab completion.  Valid until
 * the next run. */
const char *cx_state_name(const cx_state *cx, size_t i);

typedef struct cx_builtin_info {
    const char *name;
    const char *signature; /* "round(x, places = 0)" */
    const char *doc;       /* one line */
    const char *example;   /* a cx expression */
    const char *notes;     /* conventions; "Differs from Excel: ..." sentences; NULL when none */
} cx_builtin_info;
/* The built-in table, NULL-name terminated; the REPL's help and docs/stdlib.md come from it. */
const cx_builtin_info *cx_builtins(size_t *count);

/* ---- values, exactly -------------------------------------------------------------- */
/* What a value is.  Numbers, booleans, strings and periods are scalars;
 * lists hold values, series hold numbers by period. */
typedef enum cx_kind {
    CX_KIND_NONE,     /* no value */
    CX_KIND_NUMBER,   /* exact rational, or approximate (cx_number_is_approx) */
    CX_KIND_BOOLEAN,  /* true or false */
    CX_KIND_STRING,   /* text (UTF-8) */
    CX_KIND_PERIOD,   /* a year, half, quarter, month or day */
    CX_KIND_LIST,     /* values, in order */
    CX_KIND_SERIES,   /* numbers by period, in period order, one frequency */
    CX_KIND_RANGE,    /* lo..hi step s (read its text) */
    CX_KIND_FUNCTION, /* a user function (read its text) */
    CX_KIND_BOUND,    /* every value from lo to hi, none more likely (read its text) */
} cx_kind;

/* A number inside a value (opaque, borrowed like the value it is in). */
typedef struct cx_num cx_number;

typedef enum cx_frequency {
    CX_FREQUENCY_YEAR,
    CX_FREQUENCY_HALF,
    CX_FREQUENCY_QUARTER,
    CX_FREQUENCY_MONTH,
    CX_FREQUENCY_DAY,
} cx_frequency;

typedef struct cx_period_info {
    cx_frequency frequency;
    int year;      /* 1..9999 */
    int part;      /* HALF 1-2, QUARTER 1-4, MONTH and DAY 1-12 (the month); YEAR 0 */
    int day;       /* DAY 1-31; otherwise 0 */
    char text[16]; /* as cx writes it: "2025", "2025H1", "2025Q3", "2025-06", "2025-06-30" */
} cx_period_info;

/* The value `name` is bound to (a global name of the state), or NULL; NULL
 * too for a series with a period that is a bound (`capex 2026 = 150B ±
 * 10B`), which is not numbers only: read such periods in the script. */
const cx_value *cx_state_value(const cx_state *cx, const char *name);

cx_kind cx_value_kind(const cx_value *v);
/* "none", "number", "boolean", "string", "period", "list", "series",
 * "range", "function". */
const char *cx_kind_name(cx_kind kind);
/* The text cx shows for the value with `digits` significant digits for
 * rounded numbers ("6,000,000,000", "0.3333333333…", "{2024: 83, ...}"). */
char *cx_value_text(const cx_value *v, int digits);
/* The unit of measure of a NUMBER or SERIES value as cx writes it
 * ("USD/yr", "EUR", "USD/employee/yr"; docs/language.md, "Units"),
 * malloc'ed (cx_free); NULL for a value without a unit.  The numbers of
 * cx_value_number and cx_value_series_number are in this unit. */
char *cx_value_unit(const cx_value *v);
/* The number of a NUMBER value; NULL for other kinds. */
const cx_number *cx_value_number(const cx_value *v);
/* A BOOLEAN's truth; false for other kinds. */
bool cx_value_boolean(const cx_value *v);
/* A STRING's bytes (NUL-terminated, borrowed like v) and their count in
 * *len when len is not NULL; NULL for other kinds. */
const char *cx_value_string(const cx_value *v, size_t *len);
/* A PERIOD into *out; false for other kinds. */
bool cx_value_period(const cx_value *v, cx_period_info *out);
/* Items of a LIST, periods of a SERIES; 0 for other kinds. */
size_t cx_value_length(const cx_value *v);
/* Item i of a LIST; NULL past the end or for other kinds. */
const cx_value *cx_value_item(const cx_value *v, size_t i);
/* The i-th period of a SERIES (in period order) and its number; false / NULL
 * past the end or for other kinds. */
bool cx_value_series_period(const cx_value *v, size_t i, cx_period_info *out);
const cx_number *cx_value_series_number(const cx_value *v, size_t i);

/* An approximate number (computed by sqrt, exp, ln, a root search, ...):
 * its exact form below is that of the binary approximation. */
bool cx_number_is_approx(const cx_number *x);
int cx_number_sign(const cx_number *x); /* -1, 0 or 1 */
/* The exact rational n/d in lowest terms, d > 0, as decimal digits with a
 * leading '-' on a negative numerator: "-37", "200".  NULL when out of
 * memory, or for an approximate number too far from 1 to write out
 * (beyond about 2^(2^21)). */
char *cx_number_numerator(const cx_number *x);
char *cx_number_denominator(const cx_number *x);
/* A plain decimal: no grouping, no marks, no exponent ("-1234.5",
 * "0.3333333333").  An exact number whose decimals end is written in full;
 * any other is rounded half away from zero to `digits` significant digits
 * (1..1000; never fewer than its integer digits), as cx displays it.  An
 * approximate number past 10^1000 or below 10^-1000 gets an exponent
 * ("1.5e1200").  *exact (when not NULL) tells whether the text is the
 * number's exact value. */
char *cx_number_decimal(const cx_number *x, int digits, bool *exact);
/* The text cx shows for the number ("6,000,000,000", "≈1.414213562"). */
char *cx_number_text(const cx_number *x, int digits);
/* The nearest double (±HUGE_VAL past its range): for hosts that plot or
 * hand the number to floating-point code; the exact value is above. */
double cx_number_to_double(const cx_number *x);

/* Frees a string these functions returned (any other malloc'ed result of
 * libcx too): for hosts whose free() may not be libcx's, such as Python. */
void cx_free(void *p);

#endif
