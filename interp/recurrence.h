/* recurrence.h - long recurrences that keep only their last periods.
 *
 * `v 2000-01-01..2273-10-15 = round(v[t - 1] * 1.13, 2);` defines 100,000
 * periods whose exact values may grow to thousands of digits each.  When
 * nothing can read the state after the run (cx_options.single_run),
 * such a recurrence keeps the values of its last periods only and
 * remembers its statement; the other periods stay present (cx_series_has)
 * but unkept (runtime/series.h).  Whatever then reads one of them, or the
 * whole series, first recomputes them all from the statement, in order,
 * exactly as the first time: the recurrence may read only what cannot
 * change after it ran (see cx_recurrence_lag). */
#ifndef CX_RECURRENCE_H
#define CX_RECURRENCE_H

#include <stddef.h>
#include <stdint.h>
#include "../lang/ast.h"
#include "env.h"

typedef struct cx_recurrence {
    cx_binding *b;      /* the series' binding */
    const cx_ast *stmt; /* the period assignment; its unit keeps its nodes */
} cx_recurrence;

typedef struct cx_recurrences {
    cx_recurrence *items;
    size_t n, cap;
} cx_recurrences;

struct cx_eval;

/* Below this many periods a recurrence keeps every value. */
enum { CX_RECUR_MIN_PERIODS = 1024, CX_RECUR_MAX_LAG = 64 };

/* How many periods at the end recurrence n (a period assignment of `count`
 * periods to series b) must keep: the farthest it reads back in its own
 * series (v[t - 3]: 3), at least 1.  0 when it keeps every value: lean
 * recurrences are off, the REPL or a scenario's re-run, a short range, a
 * series with a unit or a bound, or a value that reads anything but
 * literals, `t`, names of plain numbers, periods t +- c of plain series and
 * of its own (c <= CX_RECUR_MAX_LAG back), through arithmetic and abs,
 * ceil, floor, max, min, round. */
int cx_recurrence_keep(struct cx_eval *E, const cx_ast *n, const cx_binding *b, int64_t count);

/* Remembers that b's unkept periods come from statement n; the caller then
 * makes the statement's unit keep it.  false when out of memory. */
bool cx_recurrence_add(cx_recurrences *r, cx_binding *b, const cx_ast *n);

/* The recurrence b's unkept periods come from, or NULL. */
const cx_recurrence *cx_recurrence_of(const cx_recurrences *r, const cx_binding *b);

/* Whether a function named `name` would replace a built-in that a lean
 * recurrence may call: defining one makes them compute their values first
 * (exec.c), since it would win over the built-in in their calls. */
bool cx_recurrence_plain_fn(const char *name);

void cx_recurrences_free(cx_recurrences *r);

#endif
