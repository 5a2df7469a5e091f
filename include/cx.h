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
} cx_options;

void cx_options_default(cx_options *o);

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
} cx_output_kind;

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
} cx_output;

typedef void (*cx_output_fn)(void *userdata, const cx_output *out);
/* Every record goes to fn as it is produced; the record's strings are valid
 * only during the call. */
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
 * `dir` (and below) for every later run; false when it is not a folder. */
bool cx_state_allow_read(cx_state *cx, const char *dir);

/* Runs a script file.  Relative includes resolve against its folder. */
cx_run_status cx_run_file(cx_state *cx, const char *path);
/* Runs source text; `name` is shown in messages ("<-e>", "<stdin>").
 * Relative includes resolve against the current directory. */
cx_run_status cx_run_string(cx_state *cx, const char *name, const char *text, size_t len);

/* Checks counted over the state's life. */
size_t cx_checks_passed(const cx_state *cx);
size_t cx_checks_failed(const cx_state *cx);

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

#endif
