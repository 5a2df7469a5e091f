/* period_fns.c - the calendar parts of a period (year, half, quarter, month,
 * as numbers) and spread, which divides a figure, or each year of an annual
 * series, into exact parts.  Periods themselves (ordinals, days, text) are
 * period.c's; this file picks the parts and words the errors. */
#include <limits.h>
#include <stdlib.h>
#include "args.h"
#include "builtins.h"

/* ==== year, half, quarter, month ========================================== */

static const char *freq_noun(cx_freq f)
{
    switch (f) {
    case CX_FREQ_YEAR: return "a year";
    case CX_FREQ_HALF: return "a half-year";
    case CX_FREQ_QUARTER: return "a quarter";
    case CX_FREQ_MONTH: return "a month";
    case CX_FREQ_DAY: return "a day";
    }
    return "a period";
}

/* The number of p's calendar unit of `months` months (1 month, 3 a quarter,
 * 6 a half, 12 a year): 2025Q3 in quarters is 3, in halves 2.  A period
 * longer than the unit spans several and is refused: the quarter of 2025H1
 * could be 1 or 2.  `takes` lists what the function accepts. */
static cx_status period_part(cx_call *c, cx_value *out, int months, cx_freq unit, const char *takes)
{
    cx_period p;
    if (!cx_arg_period(c, 0, &p)) return CX_FAIL;
    int64_t y1, y2;
    int m1, m2, d;
    cx_civil_from_days(cx_period_first_day(&p), &y1, &m1, &d);
    cx_civil_from_days(cx_period_last_day(&p), &y2, &m2, &d);
    int64_t u1 = (y1 * 12 + m1 - 1) / months, u2 = (y2 * 12 + m2 - 1) / months;
    if (u1 != u2) {
        char pb[32], ab[32], bb[32];
        cx_period a = {unit, u1}, b = {unit, u2};
        cx_period_format(&p, pb, sizeof pb);
        cx_period_format(&a, ab, sizeof ab);
        cx_period_format(&b, bb, sizeof bb);
        return cx_call_error(c, 0, CX_E_TYPE_FREQUENCY, "%s needs %s; %s is %s, which spans %s..%s",
                             c->name, takes, pb, freq_noun(p.freq), ab, bb);
    }
    cx_num r;
    cx_num_init(&r);
    cx_num_set_si(&r, months == 12 ? y1 : (m1 - 1) / months + 1);
    cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return CX_OK;
}

cx_status cx_fn_year(cx_call *c, cx_value *out)
{
    return period_part(c, out, 12, CX_FREQ_YEAR, "a period");
}

cx_status cx_fn_half(cx_call *c, cx_value *out)
{
    return period_part(c, out, 6, CX_FREQ_HALF, "a half-year, a quarter, a month or a day");
}

cx_status cx_fn_quarter(cx_call *c, cx_value *out)
{
    return period_part(c, out, 3, CX_FREQ_QUARTER, "a quarter, a month or a day");
}

cx_status cx_fn_month(cx_call *c, cx_value *out)
{
    return period_part(c, out, 1, CX_FREQ_MONTH, "a month or a day");
}

/* ==== spread ============================================================== */

/* The shares of a spread: n equal parts (w NULL), or parts in proportion to
 * the weights w[0..n-1], whose total is `total`. */
typedef struct shares {
    size_t n;
    cx_num *w;
    cx_num total;
} shares;

static void shares_clear(shares *sh)
{
    for (size_t i = 0; sh->w && i < sh->n; i++) cx_num_clear(&sh->w[i]);
    free(sh->w);
    cx_num_clear(&sh->total);
}

/* Argument 1: a whole number of parts, or a list of weights (numbers, none
 * negative, not all 0). */
static cx_status shares_arg(cx_call *c, shares *sh)
{
    const cx_value *a = &c->args[1];
    if (a->kind != CX_VAL_LIST) {
        long n;
        if (!cx_arg_long(c, 1, 1, LONG_MAX, 1,
                         "a whole number of parts (at least 1) or a list of weights", &n))
            return CX_FAIL;
        if (n > cx_call_max_series(c))
            return cx_call_error(c, 1, CX_E_LIMIT_SERIES,
                                 "spread into more than %ld parts (the limit is set with "
                                 "--max-series N)",
                                 cx_call_max_series(c));
        sh->n = (size_t)n;
        cx_num_set_si(&sh->total, n);
        return CX_OK;
    }
    const cx_list *l = a->u.list;
    if (l->len == 0)
        return cx_call_error(c, 1, CX_E_MATH_EMPTY,
                             "spread of nothing: the list of weights is empty");
    sh->w = calloc(l->len, sizeof *sh->w);
    if (!sh->w) return cx_call_oom(c);
    sh->n = l->len;
    for (size_t i = 0; i < l->len; i++) cx_num_init(&sh->w[i]);
    for (size_t i = 0; i < l->len; i++) {
        const cx_value *it = &l->items[i];
        if (it->kind != CX_VAL_NUM)
            return cx_call_error(
                c, 1, CX_E_TYPE_ARG,
                "spread expects numbers as weights, but item %zu of the list is %s", i + 1,
                cx_arg_kind_phrase(it));
        if (cx_num_sgn(&it->u.num) < 0)
            return cx_call_error(c, 1, CX_E_MATH_ARG_RANGE,
                                 "spread: weight %zu is negative; a weight is the share of the "
                                 "whole its part gets, 0 or more",
                                 i + 1);
        cx_num_set(&sh->w[i], &it->u.num);
        cx_num_status ns = cx_num_add(&sh->total, &sh->total, &it->u.num, cx_call_num_ctx(c));
        if (ns != CX_NUM_OK) return cx_call_num_error(c, 1, ns);
    }
    if (cx_num_is_zero(&sh->total))
        return cx_call_error(c, 1, CX_E_MATH_ARG_RANGE,
                             "spread: the weights are all 0; at least one must be above 0");
    return CX_OK;
}

/* Part i of x: x / n, or x * w[i] / total. */
static cx_num_status part_of(cx_num *out, const cx_num *x, const shares *sh, size_t i,
                             const cx_num_ctx *ctx)
{
    cx_num_status ns = CX_NUM_OK;
    if (sh->w) ns = cx_num_mul(out, x, &sh->w[i], ctx);
    else cx_num_set(out, x);
    if (ns == CX_NUM_OK) ns = cx_num_div(out, out, &sh->total, ctx);
    return ns;
}

static cx_status spread_number(cx_call *c, const cx_num *x, const shares *sh, cx_value *out)
{
    cx_list *l = cx_list_new(sh->n);
    if (!l) return cx_call_oom(c);
    cx_value item;
    cx_value_init(&item);
    cx_num y;
    cx_num_init(&y);
    cx_status st = CX_OK;
    for (size_t i = 0; i < sh->n && st == CX_OK; i++) {
        cx_num_status ns = part_of(&y, x, sh, i, cx_call_num_ctx(c));
        if (ns != CX_NUM_OK) {
            st = cx_call_num_error(c, -1, ns);
            break;
        }
        cx_value_take_num(&item, &y);
        if (!cx_list_push_take(l, &item)) st = cx_call_oom(c);
    }
    cx_num_clear(&y);
    cx_value_clear(&item);
    if (st == CX_OK) cx_value_take_list(out, l);
    else cx_list_unref(l);
    return st;
}

/* Each year of an annual series into 2, 4 or 12 parts: a half-yearly,
 * quarterly or monthly series. */
static cx_status spread_series(cx_call *c, const cx_series *s, const shares *sh, cx_value *out)
{
    if (s->freq != CX_FREQ_YEAR)
        return cx_call_error(c, 0, CX_E_TYPE_FREQUENCY,
                             "spread splits each year of an annual series; this one is %s",
                             cx_freq_name(s->freq));
    cx_freq f = sh->n == 2 ? CX_FREQ_HALF : sh->n == 4 ? CX_FREQ_QUARTER : CX_FREQ_MONTH;
    if (sh->n != 2 && sh->n != 4 && sh->n != 12)
        return cx_call_error(c, 1, CX_E_TYPE_ARG,
                             "spread of an annual series makes 2, 4 or 12 parts a year (halves, "
                             "quarters or months), got %zu",
                             sh->n);
    long max = cx_call_max_series(c);
    if (s->len > (size_t)max / sh->n)
        return cx_call_error(c, -1, CX_E_LIMIT_SERIES,
                             "spread would make a series of more than %ld periods (the limit is "
                             "set with --max-series N)",
                             max);
    cx_series *r = cx_series_new(f);
    if (!r) return cx_call_oom(c);
    cx_num y;
    cx_num_init(&y);
    cx_status st = CX_OK;
    for (size_t i = 0; i < s->len && st == CX_OK; i++) {
        for (size_t j = 0; j < sh->n && st == CX_OK; j++) {
            cx_num_status ns = part_of(&y, &s->vals[i], sh, j, cx_call_num_ctx(c));
            if (ns != CX_NUM_OK) st = cx_call_num_error(c, -1, ns);
            else if (!cx_series_set(r, s->ords[i] * (int64_t)sh->n + (int64_t)j, &y, (size_t)-1))
                st = cx_call_oom(c);
        }
    }
    cx_num_clear(&y);
    if (st == CX_OK) cx_value_take_series(out, r);
    else cx_series_unref(r);
    return st;
}

cx_status cx_fn_spread(cx_call *c, cx_value *out)
{
    const cx_value *a = &c->args[0];
    if (a->kind != CX_VAL_NUM && a->kind != CX_VAL_SERIES)
        return cx_call_error(c, 0, CX_E_TYPE_ARG,
                             "spread expects a number or an annual series as argument 1, got %s",
                             cx_arg_kind_phrase(a));
    shares sh = {0};
    cx_num_init(&sh.total);
    cx_status st = shares_arg(c, &sh);
    if (st == CX_OK)
        st = a->kind == CX_VAL_NUM ? spread_number(c, &a->u.num, &sh, out)
                                   : spread_series(c, a->u.series, &sh, out);
    shares_clear(&sh);
    return st;
}
