/* state.h - the inside of a cx_state (include/cx.h) and of an evaluation.
 * Private to the interpreter (interp/); built-ins never see it. */
#ifndef CX_STATE_H
#define CX_STATE_H

#include <stdint.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include "../include/cx.h"
#include "../lang/ast.h"
#include "../runtime/source.h"
#include "env.h"
#include "files.h"
#include "memo.h"
#include "recurrence.h"
#include "scenario.h"
#include "bounded.h"
#include "../runtime/error.h"
#include "../runtime/budget.h"
#include "../runtime/number.h"
#include "../runtime/numalloc.h"
#include "../runtime/limits.h"

/* A note waiting for the end of its statement (output.h). */
typedef struct cx_pending_note {
    char *detail;
    cx_span span;
} cx_pending_note;

struct cx_state {
    cx_options opt;
    cx_num_ctx nctx;
    cx_sources sources;
    cx_unit **units; /* every parsed unit; functions point into them */
    size_t n_units, cap_units;
    cx_env env;
    cx_diag diag; /* errors of the current run */
    cx_output_fn out_fn;
    void *out_ud;
    size_t passed, failed;
    /* Set by cx_state_interrupt from a signal handler or another thread:
     * a lock-free atomic is safe for both. */
    atomic_int interrupted;
    cx_numalloc_account mem; /* GMP/MPFR bytes this state holds, its --max-memory */
    char **include_stack;    /* resolved paths of the files being run, for cycles */
    size_t include_depth, include_cap;
    size_t n_includes;
    cx_files files;         /* what a run may read, and what it read */
    cx_budget budget;       /* what a run may spend: steps, time, memory */
    cx_memo memo;           /* remembered user function results */
    cx_recurrences recur;   /* long recurrences that keep their last periods only */
    cx_pending_note *notes; /* notes of the running statement (output.h) */
    /* Output held back while a source runs as it is parsed (output.h). */
    struct cx_held_output *held;
    size_t n_held, cap_held, held_bytes;
    size_t held_lost_at; /* held_lost: where the first record that could not be held goes */
    bool holding, held_lost;
    size_t n_notes, cap_notes;
    cx_scenarios scen;    /* declared scenarios and the log a re-run follows */
    cx_bounds bounds;     /* the inputs bounded values depend on, and their labels */
    unsigned n_charts;    /* charts drawn so far: each SVG's ids are unique in a page */
    char **counts;        /* units the script declared (`unit employee;`), units.c */
    cx_span *count_spans; /* where each was declared */
    size_t n_counts, cap_counts;
    /* The C stack a run may use for nested evaluation: the limits on
     * nesting and call depth bound it in kinds, this bounds it in bytes,
     * whatever the mix (a deep expression inside deep recursion). */
    uintptr_t stack_base; /* an address near the outermost run's frame; 0 outside a run */
    size_t stack_budget;  /* bytes below it the evaluation may use */
};

/* The context every affine operation of the state runs with (bounded.h). */
static inline cx_aff_ctx cx_bounds_ctx(struct cx_state *st)
{
    return (cx_aff_ctx){.num = &st->nctx, .max_terms = CX_MAX_BOUND_TERMS, .gen = &st->bounds.gen};
}

typedef struct cx_eval {
    struct cx_state *st;
    int call_depth;
    bool keep_stmt; /* the statement just run must keep its nodes (a lean recurrence) */
} cx_eval;

/* Reads, parses and runs `path` (already resolved against the including
 * file; `written` as the script wrote it) in the same environment.  `at`
 * is the include statement's span. */
cx_status cx_state_include(struct cx_state *st, const char *path, const char *written, cx_span at);
/* Parses source `id` again and runs its statements (the second pass of a
 * run, without the first: it was parsed before), for a scenario. */
cx_status cx_state_rerun(struct cx_state *st, uint32_t id);
/* When sources a and b are one file read twice: the statements that read
 * each (files.h). */
static inline bool cx_state_same_file(const struct cx_state *st, uint32_t a, uint32_t b,
                                      cx_span *site_a, cx_span *site_b)
{
    return cx_files_same_file(&st->files, a, b, site_a, site_b);
}

/* The status a run that ended now would have: from the first error's kind,
 * else CX_RUN_OK (for entry points other than the runs: cx_define). */
cx_run_status cx_state_status(struct cx_state *st);

#endif
