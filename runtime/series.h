/* series.h - period-indexed series: sorted (period, number) pairs of one
 * frequency.  Lookup is a binary search; element-wise operations run over the
 * periods both series have.  Reference counted like the other heavy values
 * (value.h); cx_series_set requires the only reference (rc == 1). */
#ifndef CX_SERIES_H
#define CX_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "number.h"
#include "period.h"

typedef struct cx_series {
    int rc;
    cx_freq freq;
    size_t len, cap;
    int64_t *ords; /* ascending, unique */
    cx_num *vals;  /* vals[i] belongs to ords[i] */
    /* Periods unkept_lo .. unkept_lo + n_unkept - 1 are present but their
     * values are not kept (a long recurrence keeps its last periods only,
     * interp/recurrence.h, and recomputes the others); their vals are zeros
     * that no reader may take for values. */
    int64_t unkept_lo;
    uint64_t n_unkept;
} cx_series;

typedef cx_num_status (*cx_num_binop)(cx_num *out, const cx_num *a, const cx_num *b,
                                      const cx_num_ctx *ctx);

cx_series *cx_series_new(cx_freq freq);        /* rc 1, empty; NULL on failure */
cx_series *cx_series_copy(const cx_series *s); /* deep copy, rc 1 */
void cx_series_unref(cx_series *s);            /* frees at rc 0 */

/* The value at ord, or NULL when the series has no such period or does not
 * keep its value. */
const cx_num *cx_series_get(const cx_series *s, int64_t ord);
/* Whether the series keeps the values of all its periods. */
static inline bool cx_series_whole(const cx_series *s) { return s->n_unkept == 0; }
/* Whether ord is one of the periods whose values are not kept. */
static inline bool cx_series_unkept(const cx_series *s, int64_t ord)
{
    return (uint64_t)ord - (uint64_t)s->unkept_lo < s->n_unkept;
}
/* Stops keeping the value of period ord, which must be present and either
 * the period right after the unkept ones or, when there are none, any
 * period; false (nothing changed) otherwise.  Setting the first unkept
 * period's value (cx_series_set_take) keeps it again. */
bool cx_series_unkeep(cx_series *s, int64_t ord);
/* Inserts or replaces (copies v).  false on allocation failure or when the
 * series would exceed max_len periods. */
bool cx_series_set(cx_series *s, int64_t ord, const cx_num *v, size_t max_len);
/* The same, taking v's number instead of copying it (v is left an inited
 * number the caller still clears); false leaves v as it was. */
bool cx_series_set_take(cx_series *s, int64_t ord, cx_num *v, size_t max_len);
/* Whether the series has period ord (kept or not). */
bool cx_series_has(const cx_series *s, int64_t ord);

/* A short list of the periods for error messages: "2024, 2025" or, when
 * consecutive runs exist, "2021..2024, 2026".  At most `max_items` pieces,
 * then ", …".  malloc'ed; NULL when the series is empty or on failure. */
char *cx_series_periods_text(const cx_series *s, size_t max_items);
/* The same for any sorted ordinals of one frequency. */
char *cx_periods_text(cx_freq freq, const int64_t *ords, size_t n, size_t max_items);

/* "2025Q1, 2025Q3", "2025Q1..2025Q4 and 12 more": the first `shown`
 * missing periods and how many there are in all; malloc'ed, NULL when out
 * of memory.  Messages show at most CX_MISSING_SHOWN of them. */
enum { CX_MISSING_SHOWN = 6 };
char *cx_periods_missing_text(cx_freq freq, const int64_t *first, size_t shown, uint64_t total);

/* How many periods of `want` `have` lacks (both of one frequency); the
 * first max_first of them, in order, go to first[]. */
size_t cx_series_lacking(const cx_series *have, const cx_series *want, int64_t *first,
                         size_t max_first);
/* How many of the periods lo, lo + step, ... <= hi (step >= 1) s lacks; the
 * first max_first of them, in order, go to first[]. */
uint64_t cx_series_lacking_range(const cx_series *s, int64_t lo, int64_t hi, int64_t step,
                                 int64_t *first, size_t max_first);

/* Element-wise a OP b over the periods present in both (same frequency
 * required: the caller checks).  On a number error, *bad_ord is the period
 * where it happened and *out is NULL. */
cx_num_status cx_series_binop(cx_series **out, const cx_series *a, const cx_series *b,
                              cx_num_binop op, const cx_num_ctx *ctx, int64_t *bad_ord);
/* s OP x (scalar_left false) or x OP s (scalar_left true) for every period. */
cx_num_status cx_series_scalar(cx_series **out, const cx_series *s, const cx_num *x,
                               bool scalar_left, cx_num_binop op, const cx_num_ctx *ctx,
                               int64_t *bad_ord);

/* Aggregation between frequencies.
 * annual: sums each calendar year for which every sub-period is present
 * (years with gaps are left out); s must not be annual or daily.
 * ttm: the sum of the year ending at `end` (4 quarters, 12 months, 2 halves);
 * false with *missing_ord set when one of them is absent. */
cx_series *cx_series_annual(const cx_series *s, const cx_num_ctx *ctx);
bool cx_series_ttm(cx_num *out, const cx_series *s, int64_t end, const cx_num_ctx *ctx,
                   int64_t *missing_ord);

#endif
