/* builtins.h - the built-in function table and the call record.
 * One row per built-in (name, arity, C function, fold, signature, one-line
 * doc, example); the evaluator looks names up here, and the REPL's :help and
 * docs/stdlib.md are generated from the same rows.
 *
 * Calling convention.  The evaluator has already evaluated the arguments (a
 * generator argument `sum(x^2 for x in 1..n)` arrives as one list) and checked
 * the arity against min_args/max_args.  A function writes its result into
 * *out (an inited CX_VAL_NONE value) and returns CX_OK, or reports an error
 * with cx_call_error (stdlib/args.h) and returns CX_FAIL. */
#ifndef CX_BUILTINS_H
#define CX_BUILTINS_H

#include <stddef.h>
#include "../runtime/budget.h"
#include "../runtime/error.h"
#include "../runtime/source.h"
#include "../runtime/value.h"

/* A call as a built-in sees it: its arguments, where they are, and the
 * services it may use (stdlib/args.h): the run's diagnostics for errors, the
 * number context (precision, result-size limit) and the options (--digits,
 * --max-series).  A built-in never sees the evaluator. */
typedef struct cx_call {
    cx_diag *diag; /* errors are appended here */
    const cx_num_ctx *nctx;
    const cx_options *opt;
    cx_budget *budget; /* steps and time a long loop inside a built-in spends */
    /* Reading a data file (csv): the file becomes a source of the run, read
     * as `include` reads, relative to the calling script's folder and
     * confined to the folders the run may read.  Returns the source's id,
     * or 0 after reporting an error at `at`.  NULL: no file access. */
    uint32_t (*read_file)(void *ud, const char *path, cx_span at);
    void *read_ud;
    const cx_sources *sources; /* the text of a file read_file returned */
    /* A note the call leaves (cx_call_note): the evaluator shows it after a
     * successful call as a note line.  malloc'ed, NULL when none. */
    char *note;
    /* The note could not be made for want of memory: the call then ends as
     * out of memory, never as a value shown without its note. */
    bool note_lost;
    const char *name; /* the built-in's name */
    const cx_value *args;
    size_t n;
    const cx_span *arg_spans; /* one per argument */
    cx_span span;             /* the whole call */
} cx_call;

typedef cx_status (*cx_builtin_fn)(cx_call *c, cx_value *out);

/* How the evaluator may feed a built-in a comprehension without a filter
 * or a list: sum(f(i) for i in 1..n) folds each item into a running sum
 * instead of building an n-item list first. */
typedef enum cx_fold { CX_FOLD_NONE, CX_FOLD_SUM, CX_FOLD_PRODUCT } cx_fold;

typedef struct cx_builtin {
    const char *name;
    int min_args;
    int max_args; /* -1: any number */
    cx_builtin_fn fn;
    cx_fold fold;
    const char *signature; /* "round(x, places = 0)" */
    const char *doc;       /* one line */
    const char *example;   /* a cx expression that runs */
    const char *notes;     /* conventions and differences from Excel; NULL when none */
} cx_builtin;

/* NULL when there is no such built-in. */
const cx_builtin *cx_builtin_find(const char *name);
/* The whole table and its length. */
const cx_builtin *cx_builtin_table(size_t *count);

/* ---- the families (files in stdlib/), registered in builtins.c ---------------------- */
/* bound_fns.c */
cx_status cx_fn_lo(cx_call *c, cx_value *out);
cx_status cx_fn_hi(cx_call *c, cx_value *out);
cx_status cx_fn_mid(cx_call *c, cx_value *out);
cx_status cx_fn_width(cx_call *c, cx_value *out);
/* math.c */
cx_status cx_fn_abs(cx_call *c, cx_value *out);
cx_status cx_fn_floor(cx_call *c, cx_value *out);
cx_status cx_fn_ceil(cx_call *c, cx_value *out);
cx_status cx_fn_round(cx_call *c, cx_value *out);
cx_status cx_fn_sqrt(cx_call *c, cx_value *out);
cx_status cx_fn_exp(cx_call *c, cx_value *out);
cx_status cx_fn_ln(cx_call *c, cx_value *out);
cx_status cx_fn_min(cx_call *c, cx_value *out);
cx_status cx_fn_max(cx_call *c, cx_value *out);
/* series_fns.c: aggregates over a list, a series, a range or several numbers */
cx_status cx_fn_sum(cx_call *c, cx_value *out);
cx_status cx_fn_avg(cx_call *c, cx_value *out);
cx_status cx_fn_product(cx_call *c, cx_value *out);
cx_status cx_fn_count(cx_call *c, cx_value *out);
cx_status cx_fn_first(cx_call *c, cx_value *out);
cx_status cx_fn_last(cx_call *c, cx_value *out);
cx_status cx_fn_growth(cx_call *c, cx_value *out);
cx_status cx_fn_cagr(cx_call *c, cx_value *out);
cx_status cx_fn_annual(cx_call *c, cx_value *out);
cx_status cx_fn_ttm(cx_call *c, cx_value *out);
cx_status cx_fn_periods(cx_call *c, cx_value *out);
/* stats_fns.c: statistics over a list, a series, a range or several numbers */
cx_status cx_fn_median(cx_call *c, cx_value *out);
cx_status cx_fn_percentile(cx_call *c, cx_value *out);
cx_status cx_fn_sort(cx_call *c, cx_value *out);
cx_status cx_fn_var(cx_call *c, cx_value *out);
cx_status cx_fn_varp(cx_call *c, cx_value *out);
cx_status cx_fn_stdev(cx_call *c, cx_value *out);
cx_status cx_fn_stdevp(cx_call *c, cx_value *out);
cx_status cx_fn_all(cx_call *c, cx_value *out);
cx_status cx_fn_any(cx_call *c, cx_value *out);
/* period_fns.c: the calendar parts of a period, and spread */
cx_status cx_fn_year(cx_call *c, cx_value *out);
cx_status cx_fn_half(cx_call *c, cx_value *out);
cx_status cx_fn_quarter(cx_call *c, cx_value *out);
cx_status cx_fn_month(cx_call *c, cx_value *out);
cx_status cx_fn_spread(cx_call *c, cx_value *out);
/* csv_load.c: a column of a CSV file as a series */
cx_status cx_fn_csv(cx_call *c, cx_value *out);
/* display_fns.c: formatting helpers that return strings */
cx_status cx_fn_pct(cx_call *c, cx_value *out);
cx_status cx_fn_money(cx_call *c, cx_value *out);
cx_status cx_fn_fmt(cx_call *c, cx_value *out);
cx_status cx_fn_pp(cx_call *c, cx_value *out);

#endif
