/* series_fns.c - the aggregates (sum, avg, product, count, first, last) and
 * the period-aware built-ins (growth, cagr, annual, ttm, periods).  Series
 * storage and the frequency arithmetic are series.c's and period.c's; this
 * file checks arguments, chooses the periods and words the errors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "../runtime/product.h"
#include "../runtime/sum.h"
#include "args.h"
#include "builtins.h"

static void period_text(cx_freq f, int64_t ord, char *buf, size_t size)
{
    cx_period p = {f, ord};
    cx_period_format(&p, buf, size);
}

/* ==== sum, avg, product, count =========================================== */

/* A running sum reduced once at the end (runtime/sum.h), or a product kept
 * as a balanced tree (runtime/product.h). */
typedef struct fold {
    cx_sum sum;
    bool product;
    cx_product prod;
} fold;

static cx_status fold_one(cx_call *c, void *ud, const cx_num *x, size_t index)
{
    (void)index;
    fold *f = ud;
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_num_status st = f->product ? cx_product_add(&f->prod, x, ctx) : cx_sum_add(&f->sum, x, ctx);
    return st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, -1, st);
}

/* n * lo + step * n * (n - 1) / 2: the sum of an exact range without
 * walking it, so sum(1..10^12) is immediate and exact. */
static cx_num_status range_sum(cx_num *out, const cx_range *r, const cx_num *n,
                               const cx_num_ctx *ctx)
{
    cx_num t, u;
    cx_num_init(&t);
    cx_num_init(&u);
    cx_num_status st;
    cx_num_set_si(&u, 1);
    if ((st = cx_num_sub(&u, n, &u, ctx)) != CX_NUM_OK) goto out; /* n - 1 */
    if ((st = cx_num_mul(&u, &u, n, ctx)) != CX_NUM_OK) goto out; /* n (n - 1) */
    cx_num_set_si(&t, 2);
    if ((st = cx_num_div(&u, &u, &t, ctx)) != CX_NUM_OK) goto out;
    if ((st = cx_num_mul(&u, &u, &r->step, ctx)) != CX_NUM_OK) goto out;
    if ((st = cx_num_mul(&t, n, &r->lo, ctx)) != CX_NUM_OK) goto out;
    st = cx_num_add(out, &t, &u, ctx);
out:
    cx_num_clear(&t);
    cx_num_clear(&u);
    return st;
}

/* ln x in double through MPFR: cx's program then needs no libm (one
 * library fewer to load at every start). */
static double ln_d(double x)
{
    mpfr_t t;
    mpfr_init2(t, 64);
    mpfr_set_d(t, x, MPFR_RNDN);
    mpfr_log(t, t, MPFR_RNDN);
    double r = mpfr_get_d(t, MPFR_RNDN);
    mpfr_clear(t);
    return r;
}

/* True when the product of an exact range of numbers >= 1 certainly has
 * more bits than the result-size limit allows: such a product (10^7!) is
 * refused before it starts instead of after seconds of multiplying.  The
 * estimate is a lower bound (an integral of log2 under the sum, in double:
 * it decides a refusal, it is never shown), so nothing that fits is
 * refused. */
static bool product_too_big(const cx_range *r, const cx_num *n, const cx_num_ctx *ctx)
{
    if (r->of_periods || !cx_num_is_exact(&r->lo) || !cx_num_is_exact(&r->step)) return false;
    mpq_t q;
    mpq_init(q);
    cx_num_get_mpq(&r->lo, q);
    double lo = mpq_get_d(q);
    cx_num_get_mpq(&r->step, q);
    double step = mpq_get_d(q);
    cx_num_get_mpq(n, q);
    double count = mpq_get_d(q);
    mpq_clear(q);
    if (!(lo >= 1) || !(step > 0) || !(count >= 2)) return false;
    /* Sum over k < count of log2(lo + k step) >= the integral from 0 to
     * count - 1 (the terms grow): ((x ln x - x) / step) between the ends. */
    double a = lo, b = lo + (count - 1) * step;
    double nats = ((b * ln_d(b) - b) - (a * ln_d(a) - a)) / step;
    return nats / ln_d(2.0) > (double)ctx->max_bits * 1.001;
}

/* sum or product of the numbers the call names; *n receives their count. */
static cx_status fold_args(cx_call *c, cx_num *out, bool product, cx_num *n)
{
    const cx_value *a = &c->args[0];
    cx_num_status ns = CX_NUM_OK;
    if (!product && c->n == 1 && a->kind == CX_VAL_RANGE &&
        cx_range_closed(a->u.range, n, NULL, cx_call_num_ctx(c), &ns)) {
        if (ns == CX_NUM_OK) ns = range_sum(out, a->u.range, n, cx_call_num_ctx(c));
        return ns == CX_NUM_OK ? CX_OK : cx_call_num_error(c, 0, ns);
    }
    if (product && c->n == 1 && a->kind == CX_VAL_RANGE &&
        cx_range_closed(a->u.range, n, NULL, cx_call_num_ctx(c), &ns) && ns == CX_NUM_OK &&
        product_too_big(a->u.range, n, cx_call_num_ctx(c)))
        return cx_call_num_error(c, -1, CX_NUM_TOO_BIG);
    fold f = {.product = product};
    cx_sum_init(&f.sum);
    cx_product_init(&f.prod);
    size_t count = 0;
    cx_num acc;
    cx_num_init(&acc);
    cx_status st = cx_args_each_num(c, fold_one, &f, &count);
    if (st == CX_OK) {
        cx_num_status pst = product ? cx_product_take(&f.prod, &acc, cx_call_num_ctx(c))
                                    : cx_sum_take(&f.sum, &acc, cx_call_num_ctx(c));
        if (pst != CX_NUM_OK) st = cx_call_num_error(c, -1, pst);
    }
    cx_product_clear(&f.prod);
    cx_sum_clear(&f.sum);
    if (st == CX_OK) {
        cx_num_swap(out, &acc);
        cx_num_set_si(n, (int64_t)count);
    }
    cx_num_clear(&acc);
    return st;
}

/* sum or product of the arguments, as the call's number result. */
static cx_status fold_result(cx_call *c, cx_value *out, bool product)
{
    cx_num s, n;
    cx_num_init(&s);
    cx_num_init(&n);
    cx_status st = fold_args(c, &s, product, &n);
    if (st == CX_OK) cx_value_take_num(out, &s);
    cx_num_clear(&s);
    cx_num_clear(&n);
    return st;
}

cx_status cx_fn_sum(cx_call *c, cx_value *out) { return fold_result(c, out, false); }

cx_status cx_fn_product(cx_call *c, cx_value *out) { return fold_result(c, out, true); }

cx_status cx_fn_avg(cx_call *c, cx_value *out)
{
    cx_num s, n;
    cx_num_init(&s);
    cx_num_init(&n);
    cx_status st = fold_args(c, &s, false, &n);
    if (st == CX_OK && cx_num_is_zero(&n)) {
        st = cx_call_error(c, 0, CX_E_MATH_EMPTY,
                           "avg of nothing: the %s is empty (the mean needs at least one number)",
                           cx_value_kind_name(c->args[0].kind));
    } else if (st == CX_OK) {
        cx_num_status ns = cx_num_div(&s, &s, &n, cx_call_num_ctx(c));
        if (ns == CX_NUM_OK) cx_value_take_num(out, &s);
        else st = cx_call_num_error(c, -1, ns);
    }
    cx_num_clear(&s);
    cx_num_clear(&n);
    return st;
}

static cx_status count_one(cx_call *c, void *ud, const cx_num *x, size_t index)
{
    (void)c;
    (void)ud;
    (void)x;
    (void)index;
    return CX_OK;
}

cx_status cx_fn_count(cx_call *c, cx_value *out)
{
    const cx_value *a = &c->args[0];
    cx_num n;
    cx_num_init(&n);
    cx_status st = CX_OK;
    if (c->n > 1) {
        cx_num_set_si(&n, (int64_t)c->n); /* count(a, b, c) counts its arguments */
    } else if (a->kind == CX_VAL_LIST) {
        cx_num_set_si(&n, (int64_t)a->u.list->len);
    } else if (a->kind == CX_VAL_SERIES) {
        cx_num_set_si(&n, (int64_t)a->u.series->len);
    } else if (a->kind == CX_VAL_NUM) {
        cx_num_set_si(&n, 1);
    } else if (a->kind == CX_VAL_RANGE && a->u.range->of_periods) {
        const cx_range *r = a->u.range;
        int64_t d = cx_period_diff(&r->plo, &r->phi);
        cx_num_set_si(&n, d < 0 ? 0 : d / (r->pstep > 0 ? r->pstep : 1) + 1);
    } else if (a->kind == CX_VAL_RANGE) {
        cx_num_status ns = CX_NUM_OK;
        if (cx_range_closed(a->u.range, &n, NULL, cx_call_num_ctx(c), &ns)) {
            if (ns != CX_NUM_OK) st = cx_call_num_error(c, 0, ns);
        } else {
            size_t k = 0;
            st = cx_args_each_num(c, count_one, NULL, &k);
            cx_num_set_si(&n, (int64_t)k);
        }
    } else {
        st = cx_call_error(c, 0, CX_E_TYPE_ARG,
                           "count expects a list, a series or a range as argument 1, got %s",
                           cx_arg_kind_phrase(a));
    }
    if (st == CX_OK) cx_value_take_num(out, &n);
    cx_num_clear(&n);
    return st;
}

/* ==== first, last ======================================================== */

static cx_status first_last(cx_call *c, cx_value *out, bool last)
{
    const cx_value *a = &c->args[0];
    size_t len;
    if (a->kind == CX_VAL_LIST) len = a->u.list->len;
    else if (a->kind == CX_VAL_SERIES) len = a->u.series->len;
    else
        return cx_call_error(c, 0, CX_E_TYPE_ARG,
                             "%s expects a list or a series as argument 1, got %s", c->name,
                             cx_arg_kind_phrase(a));
    if (len == 0)
        return cx_call_error(c, 0, CX_E_MATH_EMPTY, "%s of nothing: the %s is empty", c->name,
                             cx_value_kind_name(a->kind));
    size_t i = last ? len - 1 : 0;
    if (a->kind == CX_VAL_LIST) cx_value_copy(out, &a->u.list->items[i]);
    else cx_value_set_num(out, &a->u.series->vals[i]);
    return CX_OK;
}

cx_status cx_fn_first(cx_call *c, cx_value *out) { return first_last(c, out, false); }
cx_status cx_fn_last(cx_call *c, cx_value *out) { return first_last(c, out, true); }

/* ==== growth ============================================================= */

/* cur / prev - 1 into *out; a zero prev is reported with both periods. */
static cx_status growth_of(cx_call *c, int arg, const cx_series *s, int64_t ord, const cx_num *cur,
                           const cx_num *prev, cx_num *out)
{
    if (cx_num_is_zero(prev)) {
        char pb[32], cb[32];
        period_text(s->freq, ord - 1, pb, sizeof pb);
        period_text(s->freq, ord, cb, sizeof cb);
        return cx_call_error(c, arg, CX_E_MATH_DIV_ZERO,
                             "division by zero: growth to %s is undefined because the value for "
                             "%s is 0",
                             cb, pb);
    }
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    cx_num_status st = cx_num_div(out, cur, prev, ctx);
    if (st == CX_NUM_OK) st = cx_num_sub(out, out, &one, ctx);
    cx_num_clear(&one);
    if (st == CX_NUM_OK && cx_num_sgn(prev) < 0) {
        /* -4.8B -> 2B is "-141.7%": the sign misleads. */
        char pb[32], cb[32];
        period_text(s->freq, ord - 1, pb, sizeof pb);
        period_text(s->freq, ord, cb, sizeof cb);
        cx_call_note(c,
                     "growth from a negative value (%s to %s) has a misleading sign: an "
                     "improvement shows as a fall; compare the difference instead",
                     pb, cb);
    }
    return st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, arg, st);
}

/* The series' frequency must be p's. */
static bool same_freq(cx_call *c, int arg, const cx_series *s, const cx_period *p)
{
    if (p->freq == s->freq) return true;
    char pb[32];
    cx_period_format(p, pb, sizeof pb);
    cx_call_error(c, arg, CX_E_TYPE_FREQUENCY, "%s: the series is %s but %s is %s", c->name,
                  cx_freq_name(s->freq), pb, cx_freq_name(p->freq));
    return false;
}

static cx_status growth_at(cx_call *c, const cx_series *s, cx_value *out)
{
    cx_period p, prev;
    if (!cx_arg_period(c, 1, &p) || !same_freq(c, 1, s, &p)) return CX_FAIL;
    char pb[32], qb[32], what[80];
    cx_period_format(&p, pb, sizeof pb);
    if (!cx_period_add(&p, -1, &prev))
        return cx_call_error(c, 1, CX_E_NAME_NO_PERIOD,
                             "growth needs the period before %s, which would be before year %d", pb,
                             CX_PERIOD_MIN_YEAR);
    cx_period_format(&prev, qb, sizeof qb);
    snprintf(what, sizeof what, "%s and %s", qb, pb);
    const cx_num *cur = cx_series_get(s, p.ord), *before = cx_series_get(s, prev.ord);
    if (!cur) return cx_arg_no_period(c, 1, s, p.ord, what);
    if (!before) return cx_arg_no_period(c, 1, s, prev.ord, what);
    cx_num r;
    cx_num_init(&r);
    cx_status st = growth_of(c, 1, s, p.ord, cur, before, &r);
    if (st == CX_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return st;
}

static cx_status growth_all(cx_call *c, const cx_series *s, cx_value *out)
{
    cx_series *r = cx_series_new(s->freq);
    if (!r) return cx_call_oom(c);
    cx_num g;
    cx_num_init(&g);
    cx_status st = CX_OK;
    for (size_t i = 1; i < s->len && st == CX_OK; i++) {
        if (s->ords[i - 1] != s->ords[i] - 1) continue;
        st = growth_of(c, 0, s, s->ords[i], &s->vals[i], &s->vals[i - 1], &g);
        if (st == CX_OK && !cx_series_set(r, s->ords[i], &g, (size_t)-1)) st = cx_call_oom(c);
    }
    cx_num_clear(&g);
    if (st == CX_OK && r->len == 0) {
        char *have = cx_call_periods_text(c, s);
        st = have ? cx_call_error(
                        c, 0, CX_E_NAME_NO_PERIOD,
                        "growth needs two consecutive periods; the series has values for %s", have)
                  : CX_FAIL;
        free(have);
    }
    if (st == CX_OK) cx_value_take_series(out, r);
    else cx_series_unref(r);
    return st;
}

cx_status cx_fn_growth(cx_call *c, cx_value *out)
{
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    return c->n == 2 ? growth_at(c, s, out) : growth_all(c, s, out);
}

/* ==== cagr =============================================================== */

/* (end / start)^(1 / years) - 1.  number.c keeps the power exact when the
 * root is (121/100 over 2 years is exactly 10%); otherwise it is approximate. */
static cx_status cagr_of(cx_call *c, int arg, const cx_num *start, const cx_num *end,
                         const cx_num *years, cx_num *out)
{
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    if (cx_num_is_zero(start))
        return cx_call_error(c, arg, CX_E_MATH_DIV_ZERO,
                             "division by zero: growth from a start of 0 is undefined");
    if (cx_num_sgn(start) * cx_num_sgn(end) < 0)
        return cx_call_error(c, arg, CX_E_MATH_DOMAIN,
                             "cagr needs a start and an end of the same sign");
    cx_num ratio, e, one;
    cx_num_init(&ratio);
    cx_num_init(&e);
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    cx_num_status st = CX_NUM_OK;
    if (cx_num_is_zero(end)) {
        cx_num_set_si(out, -1); /* everything lost, whatever the span */
        goto out;
    }
    if ((st = cx_num_div(&ratio, end, start, ctx)) != CX_NUM_OK) goto out;
    if ((st = cx_num_div(&e, &one, years, ctx)) != CX_NUM_OK) goto out;
    if ((st = cx_num_pow(&ratio, &ratio, &e, ctx)) != CX_NUM_OK) goto out;
    st = cx_num_sub(out, &ratio, &one, ctx);
out:
    cx_num_clear(&ratio);
    cx_num_clear(&e);
    cx_num_clear(&one);
    return st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, arg, st);
}

/* cagr(s, p1, p2): between two periods of a series, years counted by its
 * frequency (a daily series: 365 days a year). */
static cx_status cagr_between(cx_call *c, const cx_series *s, cx_num *out)
{
    cx_period p1, p2;
    if (!cx_arg_period(c, 1, &p1) || !same_freq(c, 1, s, &p1) || !cx_arg_period(c, 2, &p2) ||
        !same_freq(c, 2, s, &p2))
        return CX_FAIL;
    if (p2.ord <= p1.ord)
        return cx_call_error(c, 2, CX_E_MATH_ARG_RANGE,
                             "cagr: the end period must come after the start period");
    char a[32], b[32], what[80];
    cx_period_format(&p1, a, sizeof a);
    cx_period_format(&p2, b, sizeof b);
    snprintf(what, sizeof what, "%s and %s", a, b);
    const cx_num *v1 = cx_series_get(s, p1.ord), *v2 = cx_series_get(s, p2.ord);
    if (!v1) return cx_arg_no_period(c, 1, s, p1.ord, what);
    if (!v2) return cx_arg_no_period(c, 2, s, p2.ord, what);
    int per = cx_freq_per_year(s->freq);
    cx_num years;
    cx_num_init(&years);
    cx_num_set_frac(&years, p2.ord - p1.ord, per ? per : 365);
    cx_status st = cagr_of(c, -1, v1, v2, &years, out);
    cx_num_clear(&years);
    return st;
}

cx_status cx_fn_cagr(cx_call *c, cx_value *out)
{
    cx_num r, years;
    cx_num_init(&r);
    cx_num_init(&years);
    cx_status st = CX_FAIL;
    if (c->n == 1) {
        const cx_series *s = cx_arg_series(c, 0);
        if (!s) goto out;
        if (s->len < 2) {
            char *have = cx_call_periods_text(c, s);
            if (have)
                cx_call_error(c, 0, CX_E_NAME_NO_PERIOD,
                              "cagr needs at least two periods; the series has values for %s",
                              have);
            free(have);
            goto out;
        }
        /* Years between the first and last period; a daily series counts
         * 365 days a year, the convention XIRR uses. */
        int per = cx_freq_per_year(s->freq);
        cx_num_set_frac(&years, s->ords[s->len - 1] - s->ords[0], per ? per : 365);
        st = cagr_of(c, 0, &s->vals[0], &s->vals[s->len - 1], &years, &r);
    } else if (c->n == 3 && c->args[0].kind == CX_VAL_SERIES) {
        st = cagr_between(c, c->args[0].u.series, &r);
    } else if (c->n == 3) {
        const cx_num *a = cx_arg_num(c, 0), *b = a ? cx_arg_num(c, 1) : NULL, *y = NULL;
        if (!b || cx_arg_positive(c, 2, "a positive number of years", &y) != CX_OK) goto out;
        st = cagr_of(c, -1, a, b, y, &r);
    } else {
        cx_call_error(c, -1, CX_E_TYPE_ARITY,
                      "cagr takes a series, a series and two periods, or three numbers (start, "
                      "end, years); got %zu arguments",
                      c->n);
        goto out;
    }
    if (st == CX_OK) cx_value_take_num(out, &r);
out:
    cx_num_clear(&r);
    cx_num_clear(&years);
    return st;
}

/* ==== annual, ttm, periods =============================================== */

cx_status cx_fn_annual(cx_call *c, cx_value *out)
{
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    if (s->freq == CX_FREQ_YEAR) {
        /* Already annual: each year is its own sum.  Share, don't copy. */
        cx_value_copy(out, &c->args[0]);
        return CX_OK;
    }
    if (s->freq == CX_FREQ_DAY)
        return cx_call_error(c, 0, CX_E_TYPE_FREQUENCY,
                             "annual needs a half-yearly, quarterly or monthly series; this one "
                             "is daily");
    cx_series *r = cx_series_annual(s, cx_call_num_ctx(c));
    if (!r) return cx_call_oom(c);
    if (r->len == 0) {
        cx_series_unref(r);
        char *have = cx_call_periods_text(c, s);
        if (have)
            cx_call_error(c, 0, CX_E_NAME_NO_PERIOD,
                          "annual needs at least one complete calendar year of %d %s periods; the "
                          "series has values for %s",
                          cx_freq_per_year(s->freq), cx_freq_name(s->freq), have);
        free(have);
        return CX_FAIL;
    }
    cx_value_take_series(out, r);
    return CX_OK;
}

/* ttm(s): the trailing-twelve-month sum at every period whose whole year
 * back is present, as a series of s's frequency. */
static cx_status ttm_series(cx_call *c, const cx_series *s, cx_value *out)
{
    cx_series *r = cx_series_new(s->freq);
    if (!r) return cx_call_oom(c);
    cx_num v;
    cx_num_init(&v);
    cx_status st = CX_OK;
    for (size_t i = 0; i < s->len && st == CX_OK; i++) {
        int64_t missing;
        if (!cx_series_ttm(&v, s, s->ords[i], cx_call_num_ctx(c), &missing)) {
            if (cx_series_has(s, missing)) st = cx_call_num_error(c, -1, CX_NUM_TOO_BIG);
            continue; /* not a whole year back yet */
        }
        if (!cx_series_set(r, s->ords[i], &v, (size_t)-1)) st = cx_call_oom(c);
    }
    cx_num_clear(&v);
    if (st == CX_OK && r->len == 0) {
        char *have = cx_call_periods_text(c, s);
        st = have
                 ? cx_call_error(c, 0, CX_E_NAME_NO_PERIOD,
                                 "ttm needs a whole year of consecutive periods; the series has %s",
                                 have)
                 : CX_FAIL;
        free(have);
    }
    if (st != CX_OK) {
        cx_series_unref(r);
        return st;
    }
    cx_value_take_series(out, r);
    return CX_OK;
}

cx_status cx_fn_ttm(cx_call *c, cx_value *out)
{
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    int per = cx_freq_per_year(s->freq);
    if (per == 0)
        return cx_call_error(c, 0, CX_E_TYPE_FREQUENCY,
                             "ttm needs a half-yearly, quarterly or monthly series; this one is "
                             "daily");
    if (c->n == 1) return ttm_series(c, s, out);
    cx_period p;
    if (!cx_arg_period(c, 1, &p)) return CX_FAIL;
    int64_t end;
    if (p.freq == s->freq) end = p.ord;
    else if (p.freq == CX_FREQ_YEAR) end = p.ord * per + per - 1; /* the year to its last period */
    else {
        same_freq(c, 1, s, &p); /* reports the mismatch */
        return CX_FAIL;
    }
    cx_num r;
    cx_num_init(&r);
    int64_t missing = end;
    cx_status st = CX_OK;
    if (!cx_series_ttm(&r, s, end, cx_call_num_ctx(c), &missing)) {
        if (cx_series_has(s, missing)) {
            st = cx_call_num_error(c, -1, CX_NUM_TOO_BIG); /* a sum over the size limit */
        } else {
            char fb[32], eb[32], what[80];
            period_text(s->freq, end - per + 1, fb, sizeof fb);
            period_text(s->freq, end, eb, sizeof eb);
            if (per == 1) snprintf(what, sizeof what, "%s", eb);
            else snprintf(what, sizeof what, "%s..%s", fb, eb);
            st = cx_arg_no_period(c, 1, s, missing, what);
        }
    }
    if (st == CX_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return st;
}

cx_status cx_fn_periods(cx_call *c, cx_value *out)
{
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    cx_list *l = cx_list_new(s->len);
    if (!l) return cx_call_oom(c);
    cx_value v;
    cx_value_init(&v);
    for (size_t i = 0; i < s->len; i++) {
        cx_period p = {s->freq, s->ords[i]};
        cx_value_set_period(&v, &p);
        if (!cx_list_push_take(l, &v)) {
            cx_list_unref(l);
            return cx_call_oom(c);
        }
    }
    cx_value_take_list(out, l);
    return CX_OK;
}
