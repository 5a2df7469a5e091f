/* chart.h - the chart statement: its data (series or lists on one axis, as
 * exact rationals), the axis scale shared by the renderers (nice ticks and
 * labels, computed exactly: no double anywhere), the terminal text chart
 * (chart.c) and the SVG (chart_svg.c). */
#ifndef CX_CHART_H
#define CX_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <gmp.h>
#include "../lang/ast.h"
#include "../runtime/strbuf.h"
#include "state.h"

/* Fixed limits (docs/language.md, "Charts"): a legible chart has few lines,
 * and a text chart prints a row per point and series. */
enum {
    CX_CHART_MAX_SERIES = 8,    /* one colour each in the Okabe-Ito palette */
    CX_CHART_MAX_POINTS = 1000, /* periods on the axis (or list items) */
    CX_CHART_MAX_BITS = 3400,   /* a value's numerator and denominator: about 1,000 digits */
};

/* What a chart statement drew.  Owns everything it points to. */
typedef struct cx_chart {
    cx_chart_style style;
    cx_chart_format format;
    char *title;     /* NULL: none */
    unsigned id;     /* 1, 2, ... in its state: the SVG's element ids */
    size_t n_series; /* 1..CX_CHART_MAX_SERIES */
    size_t n_points; /* 1..CX_CHART_MAX_POINTS */
    int freq;        /* the series' cx_freq; -1 for lists */
    int64_t first;   /* the first period's ordinal (series) */
    char **names;    /* n_series: each series as written */
    char **labels;   /* n_points: each point's axis label (a period, or 1..n) */
    mpq_t *values;   /* n_series * n_points, series by series */
    bool *present;   /* the same: false where a series lacks the period */
    bool *approx;    /* the same: the value is approximate (labels get "≈") */
} cx_chart;

void cx_chart_free(cx_chart *c); /* frees c and what it owns; NULL is fine */

/* Runs `chart line a, b title "..." as money;`: evaluates the series,
 * emits a CX_OUT_CHART record (text chart, values, the chart for SVG). */
cx_status cx_exec_chart(cx_eval *E, const cx_ast *n);

/* The label of value i (series s * n_points + point) in the chart's
 * format, with "≈" before an approximate one; malloc'ed or NULL. */
char *cx_chart_point_label(const cx_chart *c, size_t i);

/* The terminal chart: one row of bars per point and series, labelled with
 * the period and the value; malloc'ed, NULL when out of memory. */
char *cx_chart_text(const cx_chart *c);

/* The SVG document (chart_svg.c); malloc'ed, NULL when out of memory. */
char *cx_chart_svg(const cx_chart *c);

/* ---- the scale (chart_scale.c) ------------------------------------------- */

/* An axis of nice ticks: lo, lo + step, ..., hi, where step is 1, 2 or 5
 * times a power of ten. */
typedef struct cx_chart_ticks {
    mpq_t lo, hi, step;
    long exp10; /* step = mult * 10^exp10 */
    int mult;   /* 1, 2 or 5 */
    size_t n;   /* ticks, lo and hi included: (hi - lo) / step + 1 */
} cx_chart_ticks;

void cx_chart_ticks_init(cx_chart_ticks *t);
void cx_chart_ticks_clear(cx_chart_ticks *t);
/* Nice ticks covering [min, max] (min <= max), about five intervals (at
 * most seven).  with_zero: the axis takes in 0 (bars start at zero).  All
 * values equal: the axis runs from 0 to them (0 to 1 when they are 0). */
void cx_chart_nice_ticks(cx_chart_ticks *t, const mpq_t min, const mpq_t max, bool with_zero);
/* Tick i's value into v (inited). */
void cx_chart_tick_value(const cx_chart_ticks *t, size_t i, mpq_t v);
/* Tick i's label in format f, the scale letter chosen for the whole axis
 * ("$0", "$0.5B", "$1.0B"; "0%", "25%"; "2e30"): malloc'ed or NULL. */
char *cx_chart_tick_label(const cx_chart_ticks *t, size_t i, cx_chart_format f);
/* A value's label: money and plain scaled to M, B, T past a million with
 * at most two decimals ("$4.8B", "-$61B", "125M"), smaller values with
 * three significant digits ("0.0123"), pct as a percentage ("50.6%"); past
 * 10^15 in scientific form ("1.2e18").  Rounded half away from zero. */
char *cx_chart_value_label(const mpq_t v, cx_chart_format f);
/* The exponent e with 10^e <= |x| < 10^(e+1); x != 0. */
long cx_chart_floor_log10(const mpq_t x);
/* Appends x with exactly `places` decimals, rounded half away from zero,
 * no separators ("-12.50"): the coordinates of the SVG. */
void cx_chart_put_fixed(cx_strbuf *b, const mpq_t x, long places);

#endif
