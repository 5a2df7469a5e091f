/* cashflow.c - the built-ins over a stream of cash flows: npv (Excel's: the
 * first flow one period out), npv0 (the first flow now), xnpv, irr, irr_all,
 * xirr, mirr, payback and discounted_payback.  Flows are a list, a series
 * (discounted by its periods: a missing period is a zero flow) or, for npv,
 * several numbers; dated flows are day periods, 365 days to a year.  Exact
 * wherever the discounting is; finding rates is ratefind.c's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "../runtime/format.h"
#include "roots.h"
#include "args.h"
#include "fincalc.h"
#include "finance.h"

/* Excel's XNPV/XIRR year. */
#define DAYS_PER_YEAR 365

/* ==== reading flows ======================================================= */

typedef struct flows {
    size_t n;
    const cx_num **v; /* borrowed from the call's arguments */
    int64_t *t;       /* periods (days, for dated flows) after the first flow */
    int64_t div;      /* t / div is the discount exponent: 1, or 365 for days */
} flows;

static void flows_free(flows *f)
{
    free(f->v);
    free(f->t);
    f->v = NULL;
    f->t = NULL;
    f->n = 0;
}

static cx_status flows_alloc(cx_call *c, flows *f, size_t n)
{
    f->n = n;
    f->div = 1;
    f->v = malloc((n ? n : 1) * sizeof *f->v);
    f->t = malloc((n ? n : 1) * sizeof *f->t);
    if (f->v && f->t) return CX_OK;
    flows_free(f);
    return cx_call_oom(c);
}

static cx_status empty_flows(cx_call *c, size_t arg)
{
    return cx_call_error(c, (int)arg, CX_E_MATH_EMPTY,
                         "%s needs at least one cash flow; the %s is empty", c->name,
                         cx_value_kind_name(c->args[arg].kind));
}

/* The flows of argument `arg`: a list of numbers (t = position), a series
 * (t = periods after its first), or, when `rest` allows and argument `arg`
 * is a number, the numbers from argument `arg` on (npv(rate, a, b, c)). */
static cx_status read_flows(cx_call *c, size_t arg, bool rest, flows *f)
{
    const cx_value *a = &c->args[arg];
    if (a->kind == CX_VAL_LIST) {
        const cx_list *l = a->u.list;
        if (l->len == 0) return empty_flows(c, arg);
        for (size_t i = 0; i < l->len; i++)
            if (l->items[i].kind != CX_VAL_NUM)
                return cx_call_error(c, (int)arg, CX_E_TYPE_ARG,
                                     "%s expects cash flows (numbers), but item %zu of the list "
                                     "is %s",
                                     c->name, i + 1, cx_arg_kind_phrase(&l->items[i]));
        if (flows_alloc(c, f, l->len) != CX_OK) return CX_FAIL;
        for (size_t i = 0; i < l->len; i++) {
            f->v[i] = &l->items[i].u.num;
            f->t[i] = (int64_t)i;
        }
        return CX_OK;
    }
    if (a->kind == CX_VAL_SERIES) {
        const cx_series *s = a->u.series;
        if (s->len == 0) return empty_flows(c, arg);
        if (flows_alloc(c, f, s->len) != CX_OK) return CX_FAIL;
        for (size_t i = 0; i < s->len; i++) {
            f->v[i] = &s->vals[i];
            f->t[i] = s->ords[i] - s->ords[0];
        }
        return CX_OK;
    }
    if (rest && a->kind == CX_VAL_NUM) {
        for (size_t i = arg; i < c->n; i++)
            if (!cx_arg_num(c, i)) return CX_FAIL;
        if (flows_alloc(c, f, c->n - arg) != CX_OK) return CX_FAIL;
        for (size_t i = arg; i < c->n; i++) {
            f->v[i - arg] = &c->args[i].u.num;
            f->t[i - arg] = (int64_t)(i - arg);
        }
        return CX_OK;
    }
    return cx_call_error(c, (int)arg, CX_E_TYPE_ARG,
                         "%s expects cash flows (a list or a series of numbers) as argument %zu, "
                         "got %s",
                         c->name, arg + 1, cx_arg_kind_phrase(a));
}

static void day_text(int64_t day, char *buf, size_t size)
{
    cx_period p = {CX_FREQ_DAY, day};
    cx_period_format(&p, buf, size);
}

/* Dated flows: a daily series at argument `arg`, or a list of values there
 * and a list of dates (day periods) at arg + 1.  t = days after the first
 * date, which must be the earliest (Excel's rule); *used is how many
 * arguments the flows took. */
static cx_status read_dated(cx_call *c, size_t arg, flows *f, size_t *used)
{
    const cx_value *a = &c->args[arg];
    if (a->kind == CX_VAL_SERIES) {
        *used = 1;
        const cx_series *s = a->u.series;
        if (s->freq != CX_FREQ_DAY)
            return cx_call_error(c, (int)arg, CX_E_TYPE_FREQUENCY,
                                 "%s needs dated flows: a daily series (dates like 2025-06-30) "
                                 "or a list of values and a list of dates; this series is %s",
                                 c->name, cx_freq_name(s->freq));
        if (read_flows(c, arg, false, f) != CX_OK) return CX_FAIL;
        f->div = DAYS_PER_YEAR;
        return CX_OK;
    }
    *used = 2;
    if (a->kind != CX_VAL_LIST)
        return cx_call_error(c, (int)arg, CX_E_TYPE_ARG,
                             "%s expects a list of values and a list of dates, or a daily "
                             "series, as argument %zu; got %s",
                             c->name, arg + 1, cx_arg_kind_phrase(a));
    if (arg + 1 >= c->n)
        return cx_call_error(c, -1, CX_E_TYPE_ARITY,
                             "%s needs the dates of the flows: %s(%svalues, dates) with dates like "
                             "2025-06-30, or a daily series",
                             c->name, c->name, arg > 0 ? "rate, " : "");
    const cx_value *d = &c->args[arg + 1];
    if (d->kind != CX_VAL_LIST)
        return cx_call_error(c, (int)arg + 1, CX_E_TYPE_ARG,
                             "%s expects a list of dates as argument %zu, got %s", c->name, arg + 2,
                             cx_arg_kind_phrase(d));
    const cx_list *dl = d->u.list;
    if (dl->len != a->u.list->len)
        return cx_call_error(c, (int)arg + 1, CX_E_TYPE_LIST_LENGTH,
                             "%s has %zu value%s but %zu date%s; each value needs its date",
                             c->name, a->u.list->len, a->u.list->len == 1 ? "" : "s", dl->len,
                             dl->len == 1 ? "" : "s");
    for (size_t i = 0; i < dl->len; i++) {
        const cx_value *it = &dl->items[i];
        if (it->kind != CX_VAL_PERIOD || it->u.period.freq != CX_FREQ_DAY)
            return cx_call_error(c, (int)arg + 1, CX_E_TYPE_ARG,
                                 "%s expects dates (day periods like 2025-06-30), but item %zu of "
                                 "the dates is %s",
                                 c->name, i + 1,
                                 it->kind == CX_VAL_PERIOD ? cx_freq_name(it->u.period.freq)
                                                           : cx_arg_kind_phrase(it));
    }
    if (read_flows(c, arg, false, f) != CX_OK) return CX_FAIL;
    f->div = DAYS_PER_YEAR;
    int64_t d0 = dl->items[0].u.period.ord;
    for (size_t i = 0; i < dl->len; i++) {
        int64_t di = dl->items[i].u.period.ord;
        if (di < d0) {
            char b0[32], bi[32];
            day_text(d0, b0, sizeof b0);
            day_text(di, bi, sizeof bi);
            flows_free(f);
            return cx_call_error(c, (int)arg + 1, CX_E_MATH_DATE_ORDER,
                                 "%s: date %zu (%s) is before the first date (%s); the first "
                                 "date starts the schedule and must be the earliest",
                                 c->name, i + 1, bi, b0);
        }
        f->t[i] = di - d0;
    }
    return CX_OK;
}

/* ==== discounting ========================================================= */

/* A copy of x as an approximate number (the fallback when an exact result
 * would pass the size limit). */
static void approx_of(cx_num *out, const cx_num *x, const cx_num_ctx *ctx)
{
    mpfr_t t;
    mpfr_init2(t, ctx->prec);
    cx_num_get_mpfr(x, t);
    cx_num_set_mpfr(out, t, ctx);
    mpfr_clear(t);
}

/* sum of v_i * (1 + rate)^-((t_i + shift) / div). */
static cx_num_status discount_sum(cx_num *out, const cx_num *rate, const flows *f, int64_t shift,
                                  const cx_num_ctx *ctx)
{
    cx_fc k = {ctx, CX_NUM_OK};
    cx_num base, e, term, acc;
    cx_num_init(&base);
    cx_num_init(&e);
    cx_num_init(&term);
    cx_num_init(&acc);
    cx_fc_addi(&k, &base, rate, 1);
    for (size_t i = 0; i < f->n && k.st == CX_NUM_OK; i++) {
        cx_num_set_frac(&e, -(f->t[i] + shift), f->div);
        cx_fc_pow(&k, &term, &base, &e);
        cx_fc_mul(&k, &term, &term, f->v[i]);
        cx_fc_add(&k, &acc, &acc, &term);
    }
    if (k.st == CX_NUM_OK) cx_num_swap(out, &acc);
    cx_num_clear(&base);
    cx_num_clear(&e);
    cx_num_clear(&term);
    cx_num_clear(&acc);
    return k.st;
}

/* discount_sum, exact when it can be, approximate when the exact fraction
 * would pass the result-size limit; failures reported at the call. */
static cx_status discounted(cx_call *c, const cx_num *rate, size_t rate_arg, const flows *f,
                            int64_t shift, cx_num *out)
{
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_num_status st = discount_sum(out, rate, f, shift, ctx);
    if (st == CX_NUM_TOO_BIG && cx_num_is_exact(rate)) {
        cx_num r;
        cx_num_init(&r);
        approx_of(&r, rate, ctx);
        st = discount_sum(out, &r, f, shift, ctx);
        cx_num_clear(&r);
    }
    if (st == CX_NUM_DIV_ZERO)
        return cx_call_error(c, (int)rate_arg, CX_E_MATH_DIV_ZERO,
                             "%s is undefined at a rate of -100%%: the flows would be divided "
                             "by 0",
                             c->name);
    if (st == CX_NUM_DOMAIN)
        return cx_call_error(c, (int)rate_arg, CX_E_MATH_DOMAIN,
                             "%s needs a rate above -100%% for flows a fraction of a year apart",
                             c->name);
    return st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, -1, st);
}

static cx_status npv_common(cx_call *c, cx_value *out, int64_t shift)
{
    const cx_num *rate = cx_arg_num(c, 0);
    if (!rate) return CX_FAIL;
    flows f = {0, NULL, NULL, 1};
    if (read_flows(c, 1, true, &f) != CX_OK) return CX_FAIL;
    cx_num r;
    cx_num_init(&r);
    cx_status st = discounted(c, rate, 0, &f, shift, &r);
    if (st == CX_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    flows_free(&f);
    return st;
}

/* Excel's NPV: the first flow is discounted one full period. */
cx_status cx_fn_npv(cx_call *c, cx_value *out) { return npv_common(c, out, 1); }
/* The first flow at t = 0, undiscounted: what most textbooks call NPV. */
cx_status cx_fn_npv0(cx_call *c, cx_value *out) { return npv_common(c, out, 0); }

cx_status cx_fn_xnpv(cx_call *c, cx_value *out)
{
    const cx_num *rate = cx_arg_num(c, 0);
    if (!rate) return CX_FAIL;
    flows f = {0, NULL, NULL, 1};
    size_t used;
    if (read_dated(c, 1, &f, &used) != CX_OK) return CX_FAIL;
    cx_status st = CX_OK;
    if (1 + used < c->n)
        st = cx_call_error(c, (int)(1 + used), CX_E_TYPE_ARITY,
                           "xnpv takes a rate and dated flows: xnpv(rate, values, dates) or "
                           "xnpv(rate, daily_series)");
    cx_num r;
    cx_num_init(&r);
    if (st == CX_OK) st = discounted(c, rate, 0, &f, 0, &r);
    if (st == CX_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    flows_free(&f);
    return st;
}

/* ==== irr, irr_all, xirr ================================================== */

/* Flows as the rate engine sees them: nonzero coefficients by ascending
 * time, the first at time 0, so the value at u is sum c_i e^(e_i u) with
 * e_i = t_i / div (div = 365 for dated flows). */
typedef struct rate_terms {
    size_t m;
    mpfr_t *c;
    int64_t *t; /* e_i * div: whole periods or days (e_i = t_i / div: term_time) */
    int64_t div;
    bool zero_root; /* the flows add up to exactly 0: r = 0 is a root */
    double *cd;     /* c as doubles for terms_eval_double; NULL when one is not normal */
} rate_terms;

static void terms_free(rate_terms *rt)
{
    for (size_t i = 0; i < rt->m; i++) mpfr_clear(rt->c[i]);
    free(rt->c);
    free(rt->t);
    free(rt->cd);
    rt->cd = NULL;
    rt->m = 0;
}

static int terms_eval(mpfr_t y, const mpfr_t u, void *ud)
{
    const rate_terms *rt = ud;
    mpfr_prec_t p = mpfr_get_prec(y);
    if (rt->zero_root && mpfr_zero_p(u)) {
        /* Exactly, whatever the rounding of the coefficients: flows like
         * 0.1 + 0.2 - 0.3 do add up to 0. */
        mpfr_set_zero(y, 1);
        return 0;
    }
    /* Horner in x = e^(u / div) over the integer times (periods, or days
     * for dated flows), from the last flow down: one exp per evaluation. */
    mpfr_t x, acc, t;
    mpfr_inits2(p, x, acc, t, (mpfr_ptr)0);
    mpfr_div_si(x, u, (long)rt->div, MPFR_RNDN);
    mpfr_exp(x, x, MPFR_RNDN);
    mpfr_set(acc, rt->c[rt->m - 1], MPFR_RNDN);
    for (size_t i = rt->m - 1; i-- > 0;) {
        int64_t gap = rt->t[i + 1] - rt->t[i];
        if (gap == 1) mpfr_mul(acc, acc, x, MPFR_RNDN);
        else {
            mpfr_pow_si(t, x, (long)gap, MPFR_RNDN);
            mpfr_mul(acc, acc, t, MPFR_RNDN);
        }
        mpfr_add(acc, acc, rt->c[i], MPFR_RNDN);
    }
    mpfr_set(y, acc, MPFR_RNDN);
    int bad = !mpfr_number_p(acc);
    mpfr_clears(x, acc, t, (mpfr_ptr)0);
    return bad;
}

/* e^v in double through MPFR (once per evaluation: cx's program then needs
 * no libm), and x^k by squaring; both may overflow to infinity. */
static double exp_d(double v)
{
    mpfr_t t;
    mpfr_init2(t, 64);
    mpfr_set_d(t, v, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    double r = mpfr_get_d(t, MPFR_RNDN);
    mpfr_clear(t);
    return r;
}

static double pow_d(double x, int64_t k)
{
    double r = 1;
    for (; k > 0; k >>= 1) {
        if (k & 1) r *= x;
        x *= x;
    }
    return r;
}

/* terms_eval in doubles, for a first estimate of the root (finance.h,
 * f_double): the same Horner scheme, scaled by 2^-600 whenever the sum
 * grows past 2^600 so that long flows at high rates do not overflow (the
 * earlier, smaller terms then add their scaled values, which soon round to
 * nothing against the sum). */
static int terms_eval_double(double *y, double u, void *ud)
{
    const rate_terms *rt = ud;
    if (!rt->cd) return 1;
    if (rt->zero_root && u == 0) {
        *y = 0;
        return 0;
    }
    double x = exp_d(u / (double)rt->div);
    if (!isfinite(x) || x == 0) return 1;
    double acc = rt->cd[rt->m - 1];
    double down = 1; /* 2^-(600 k) after k scalings; the sum is acc / down */
    for (size_t i = rt->m - 1; i-- > 0;) {
        int64_t gap = rt->t[i + 1] - rt->t[i];
        double g = gap == 1 ? x : pow_d(x, gap);
        if (!isfinite(g) || g == 0) return 1;
        acc *= g;
        if (acc > 0x1p600 || acc < -0x1p600) {
            acc *= 0x1p-600;
            down *= 0x1p-600; /* 0 after two: c_i / 2^1200 is below acc's last bit */
        }
        acc += rt->cd[i] * down;
    }
    if (!isfinite(acc)) return 1;
    *y = acc;
    return 0;
}

/* rt->cd: the coefficients as doubles, or NULL when one is beyond double's
 * normal range (or there is no memory for them): then no estimate. */
static void terms_doubles(rate_terms *rt)
{
    rt->cd = NULL;
    if (rt->m == 0) return;
    double *cd = malloc(rt->m * sizeof *cd);
    if (!cd) return;
    for (size_t i = 0; i < rt->m; i++) {
        cd[i] = mpfr_get_d(rt->c[i], MPFR_RNDN);
        if (!isnormal(cd[i])) {
            free(cd);
            return;
        }
    }
    rt->cd = cd;
}

/* A flow's time and its position, sorted by time then position (C11's
 * qsort has no context argument, so the time travels with the index). */
typedef struct timed {
    int64_t t;
    size_t i;
} timed;

static int by_time(const void *a, const void *b)
{
    const timed *x = a, *y = b;
    if (x->t != y->t) return (x->t > y->t) - (x->t < y->t);
    return (x->i > y->i) - (x->i < y->i);
}

/* Builds the terms: flows sorted by time, same-time flows added exactly,
 * zeros dropped, times shifted so the first nonzero flow is at 0. */
static cx_status build_terms(cx_call *c, const flows *f, rate_terms *rt)
{
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    mpfr_prec_t p = ctx->prec + 64;
    rt->m = 0;
    rt->div = f->div;
    rt->cd = NULL;
    timed *ix = malloc(f->n * sizeof *ix);
    rt->c = malloc(f->n * sizeof *rt->c);
    rt->t = malloc(f->n * sizeof *rt->t);
    if (!ix || !rt->c || !rt->t) {
        free(ix);
        terms_free(rt);
        return cx_call_oom(c);
    }
    bool sorted = true;
    for (size_t i = 0; i < f->n; i++) {
        ix[i] = (timed){f->t[i], i};
        if (i && f->t[i] < f->t[i - 1]) sorted = false;
    }
    if (!sorted) qsort(ix, f->n, sizeof *ix, by_time); /* periodic flows come in order */
    cx_num sum, total;
    cx_num_init(&sum);
    cx_num_init(&total);
    cx_num_status st = CX_NUM_OK;
    bool exact = true;
    for (size_t i = 0; i < f->n && st == CX_NUM_OK;) {
        int64_t ti = ix[i].t;
        cx_num_set_si(&sum, 0);
        for (; i < f->n && ix[i].t == ti && st == CX_NUM_OK; i++)
            st = cx_num_add(&sum, &sum, f->v[ix[i].i], ctx);
        if (st == CX_NUM_OK) st = cx_num_add(&total, &total, &sum, ctx);
        exact = exact && cx_num_is_exact(&sum);
        if (st != CX_NUM_OK || cx_num_sgn(&sum) == 0) continue;
        size_t k = rt->m++;
        mpfr_init2(rt->c[k], p);
        cx_num_get_mpfr(&sum, rt->c[k]);
        rt->t[k] = ti;
    }
    rt->zero_root = exact && cx_num_is_zero(&total);
    cx_num_clear(&sum);
    cx_num_clear(&total);
    free(ix);
    if (st != CX_NUM_OK) {
        terms_free(rt);
        return cx_call_num_error(c, -1, st);
    }
    int64_t t0 = rt->m ? rt->t[0] : 0;
    for (size_t k = 0; k < rt->m; k++) rt->t[k] -= t0;
    terms_doubles(rt);
    return CX_OK;
}

/* e_k = t_k / div at the coefficients' precision, as the bounds need it
 * (only three of them: not kept for every flow). */
static void term_time(mpfr_t e, const rate_terms *rt, size_t k)
{
    mpfr_set_si(e, (long)rt->t[k], MPFR_RNDN);
    mpfr_div_si(e, e, (long)rt->div, MPFR_RNDN);
}

/* The rate problem of the terms: Descartes' sign count, the limiting signs
 * and proven bounds on every root.  For u >= 0 (x = e^u >= 1) the last term
 * outweighs all others once x^(e_last - e_prev) > S / |c_last|; for u <= 0
 * the first does once x^(e_1) < |c_0| / S; so every root lies in
 * [min(0, ln(|c_0| / S_rest) / e_1), max(0, ln(S_front / |c_last|) / gap)]. */
static void make_problem(cx_call *c, rate_terms *rt, cx_rate_problem *p)
{
    p->f = terms_eval;
    p->f_double = terms_eval_double;
    p->ud = rt;
    p->poll = cx_call_poll;
    p->poll_ud = c;
    p->stopped = false;
    p->cost = rt->m;
    p->sign_changes = 0;
    p->has_bounds = false;
    if (rt->m < 2) return;
    for (size_t i = 1; i < rt->m; i++)
        if (mpfr_sgn(rt->c[i]) != mpfr_sgn(rt->c[i - 1])) p->sign_changes++;
    p->sign_high = mpfr_sgn(rt->c[0]);
    p->sign_low = mpfr_sgn(rt->c[rt->m - 1]);
    size_t m = rt->m;
    mpfr_t s, t, z, e, e2;
    mpfr_inits2(64, s, t, z, (mpfr_ptr)0);
    mpfr_inits2(mpfr_get_prec(rt->c[0]), e, e2, (mpfr_ptr)0);
    mpfr_set_zero(z, 1);
    mpfr_inits2(64, p->u_min, p->u_max, (mpfr_ptr)0);
    /* Rounded outwards; cx_rate_all pads the bounds by 1 besides. */
    mpfr_set_zero(s, 1);
    for (size_t i = 1; i < m; i++) {
        mpfr_abs(t, rt->c[i], MPFR_RNDU);
        mpfr_add(s, s, t, MPFR_RNDU);
    }
    mpfr_abs(t, rt->c[0], MPFR_RNDD);
    mpfr_div(t, t, s, MPFR_RNDD);
    mpfr_log(t, t, MPFR_RNDD);
    term_time(e, rt, 1);
    mpfr_div(t, t, e, MPFR_RNDD);
    mpfr_min(p->u_min, t, z, MPFR_RNDD);
    mpfr_set_zero(s, 1);
    for (size_t i = 0; i + 1 < m; i++) {
        mpfr_abs(t, rt->c[i], MPFR_RNDU);
        mpfr_add(s, s, t, MPFR_RNDU);
    }
    mpfr_abs(t, rt->c[m - 1], MPFR_RNDD);
    mpfr_div(t, s, t, MPFR_RNDU);
    mpfr_log(t, t, MPFR_RNDU);
    term_time(e, rt, m - 1);
    term_time(e2, rt, m - 2);
    mpfr_sub(s, e, e2, MPFR_RNDD);
    mpfr_div(t, t, s, MPFR_RNDU);
    mpfr_max(p->u_max, t, z, MPFR_RNDU);
    mpfr_clears(s, t, z, e, e2, (mpfr_ptr)0);
    p->has_bounds = true;
}

static void problem_free(cx_rate_problem *p)
{
    if (p->has_bounds) mpfr_clears(p->u_min, p->u_max, (mpfr_ptr)0);
    p->has_bounds = false;
}

/* The error for a rate search that found nothing. */
static cx_status no_rate(cx_call *c, int arg, cx_rate_result res, const cx_rate_problem *p)
{
    if (res == CX_RATE_NOMEM) return cx_call_oom(c);
    if (res == CX_RATE_STOPPED) return CX_FAIL; /* the budget's error is recorded */
    if (res == CX_RATE_EVAL)
        return cx_call_error(c, arg, CX_E_MATH_NO_ROOT,
                             "%s found no rate: the value of the flows grows beyond the "
                             "number range before it changes sign",
                             c->name);
    if (p->sign_changes == 0)
        return cx_call_error(c, arg, CX_E_MATH_NO_ROOT,
                             "%s has no solution: the cash flows never change sign (a rate of "
                             "return needs at least one negative and one positive flow)",
                             c->name);
    return cx_call_error(c, arg, CX_E_MATH_NO_ROOT,
                         "%s found no rate: the flows change sign %d times, but their value "
                         "does not cross zero at any rate above -100%%",
                         c->name, p->sign_changes);
}

/* The rate nearest `guess` at which the flows are worth zero. */
static cx_status solve_flows(cx_call *c, const flows *f, const cx_num *guess, cx_value *out)
{
    rate_terms rt;
    if (build_terms(c, f, &rt) != CX_OK) return CX_FAIL;
    cx_rate_problem p;
    make_problem(c, &rt, &p);
    cx_num r;
    cx_num_init(&r);
    cx_rate_result res = cx_rate_solve(&p, guess, cx_call_num_ctx(c), &r);
    cx_status st = res == CX_RATE_FOUND ? CX_OK : no_rate(c, 0, res, &p);
    if (st == CX_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    problem_free(&p);
    terms_free(&rt);
    return st;
}

/* Excel's default guess, 10%. */
static void default_guess(cx_num *g) { cx_num_set_frac(g, 1, 10); }

cx_status cx_fn_irr(cx_call *c, cx_value *out)
{
    flows f = {0, NULL, NULL, 1};
    cx_num dg;
    cx_num_init(&dg);
    default_guess(&dg);
    const cx_num *guess = cx_arg_num_or(c, 1, &dg);
    cx_status st = guess ? read_flows(c, 0, false, &f) : CX_FAIL;
    if (st == CX_OK) st = solve_flows(c, &f, guess, out);
    flows_free(&f);
    cx_num_clear(&dg);
    return st;
}

cx_status cx_fn_xirr(cx_call *c, cx_value *out)
{
    flows f = {0, NULL, NULL, 1};
    size_t used = 0;
    cx_num dg;
    cx_num_init(&dg);
    default_guess(&dg);
    cx_status st = read_dated(c, 0, &f, &used);
    const cx_num *guess = NULL;
    if (st == CX_OK && used + 1 < c->n)
        st = cx_call_error(c, (int)(used + 1), CX_E_TYPE_ARITY,
                           "xirr takes dated flows and a guess: xirr(values, dates, guess = 10%%) "
                           "or xirr(daily_series, guess = 10%%)");
    if (st == CX_OK && !(guess = cx_arg_num_or(c, used, &dg))) st = CX_FAIL;
    if (st == CX_OK) st = solve_flows(c, &f, guess, out);
    flows_free(&f);
    cx_num_clear(&dg);
    return st;
}

cx_status cx_fn_irr_all(cx_call *c, cx_value *out)
{
    const cx_num *lo = c->n > 1 ? cx_arg_num(c, 1) : NULL;
    const cx_num *hi = c->n > 2 ? cx_arg_num(c, 2) : NULL;
    if ((c->n > 1 && !lo) || (c->n > 2 && !hi)) return CX_FAIL;
    if (lo && hi && cx_num_cmp(lo, hi) > 0)
        return cx_call_error(c, 2, CX_E_MATH_ARG_RANGE,
                             "irr_all: the range is empty (the upper rate is below the lower)");
    flows f = {0, NULL, NULL, 1};
    if (read_flows(c, 0, false, &f) != CX_OK) return CX_FAIL;
    rate_terms rt;
    cx_status st = build_terms(c, &f, &rt);
    flows_free(&f);
    if (st != CX_OK) return st;
    cx_rate_problem p;
    make_problem(c, &rt, &p);
    cx_num *rates = NULL;
    size_t n = 0;
    cx_rate_result res = cx_rate_all(&p, lo, hi, cx_call_num_ctx(c), &rates, &n);
    /* No rate in the range is an answer here (the empty list), not an error. */
    if (res == CX_RATE_NONE) res = CX_RATE_FOUND;
    if (res != CX_RATE_FOUND) st = no_rate(c, 0, res, &p);
    cx_list *l = st == CX_OK ? cx_list_new(n ? n : 1) : NULL;
    if (st == CX_OK && !l) st = cx_call_oom(c);
    for (size_t i = 0; i < n && st == CX_OK; i++) {
        cx_value v;
        cx_value_init(&v);
        cx_value_set_num(&v, &rates[i]);
        if (!cx_list_push_take(l, &v)) {
            cx_value_clear(&v);
            st = cx_call_oom(c);
        }
    }
    if (st == CX_OK) cx_value_take_list(out, l);
    else if (l) cx_list_unref(l);
    cx_rate_free(rates, n);
    problem_free(&p);
    terms_free(&rt);
    return st;
}

/* ==== mirr ================================================================ */

/* MIRR: negative flows discounted to t = 0 at the finance rate, positive
 * flows compounded to the last period at the reinvestment rate, then the
 * rate that grows the one into the other over the whole span:
 * (-FV(positives) / PV(negatives))^(1 / T) - 1. */
cx_status cx_fn_mirr(cx_call *c, cx_value *out)
{
    const cx_num *fr = cx_arg_num(c, 1), *rr = fr ? cx_arg_num(c, 2) : NULL;
    if (!rr) return CX_FAIL;
    flows f = {0, NULL, NULL, 1};
    if (read_flows(c, 0, false, &f) != CX_OK) return CX_FAIL;
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    int64_t T = f.t[f.n - 1];
    cx_status st = CX_OK;
    bool has_neg = false, has_pos = false;
    for (size_t i = 0; i < f.n; i++) {
        has_neg |= cx_num_sgn(f.v[i]) < 0;
        has_pos |= cx_num_sgn(f.v[i]) > 0;
    }
    if (!has_neg || !has_pos || T == 0) {
        st = cx_call_error(c, 0, CX_E_MATH_DOMAIN,
                           "mirr needs at least one negative and one positive flow, at least "
                           "one period apart");
        flows_free(&f);
        return st;
    }
    cx_fc k = {ctx, CX_NUM_OK};
    cx_num fb, rb, pvn, fvp, term, e;
    cx_num_init(&fb);
    cx_num_init(&rb);
    cx_num_init(&pvn);
    cx_num_init(&fvp);
    cx_num_init(&term);
    cx_num_init(&e);
    cx_fc_addi(&k, &fb, fr, 1);
    cx_fc_addi(&k, &rb, rr, 1);
    for (size_t i = 0; i < f.n && k.st == CX_NUM_OK; i++) {
        int s = cx_num_sgn(f.v[i]);
        if (s < 0) {
            cx_fc_powi(&k, &term, &fb, -f.t[i]);
            cx_fc_mul(&k, &term, &term, f.v[i]);
            cx_fc_add(&k, &pvn, &pvn, &term);
        } else if (s > 0) {
            cx_fc_powi(&k, &term, &rb, T - f.t[i]);
            cx_fc_mul(&k, &term, &term, f.v[i]);
            cx_fc_add(&k, &fvp, &fvp, &term);
        }
    }
    cx_num_neg(&fvp, &fvp);
    cx_fc_div(&k, &term, &fvp, &pvn);
    cx_num_set_frac(&e, 1, T);
    cx_fc_pow(&k, &term, &term, &e);
    cx_fc_addi(&k, &term, &term, -1);
    if (k.st == CX_NUM_DIV_ZERO)
        st = cx_call_error(c, -1, CX_E_MATH_DIV_ZERO,
                           "mirr is undefined at a finance rate of -100%%");
    else if (k.st != CX_NUM_OK) st = cx_call_num_error(c, -1, k.st);
    else cx_value_take_num(out, &term);
    cx_num_clear(&fb);
    cx_num_clear(&rb);
    cx_num_clear(&pvn);
    cx_num_clear(&fvp);
    cx_num_clear(&term);
    cx_num_clear(&e);
    flows_free(&f);
    return st;
}

/* ==== payback ============================================================= */

/* Periods until the cumulative flows (discounted at `rate` when not NULL)
 * first reach zero, counting each period's flow as arriving evenly through
 * that period: a crossing inside period t is (t - 1) + the share of its flow
 * still needed.  A first flow that is already >= 0 pays back at 0. */
static cx_status payback_of(cx_call *c, const cx_num *rate, size_t flows_arg, cx_value *out)
{
    flows f = {0, NULL, NULL, 1};
    if (read_flows(c, flows_arg, false, &f) != CX_OK) return CX_FAIL;
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_fc k = {ctx, CX_NUM_OK};
    cx_num cum, prev, v, base;
    cx_num_init(&cum);
    cx_num_init(&prev);
    cx_num_init(&v);
    cx_num_init(&base);
    if (rate) cx_fc_addi(&k, &base, rate, 1);
    bool found = false;
    for (size_t i = 0; i < f.n && k.st == CX_NUM_OK && !found; i++) {
        cx_num_set(&v, f.v[i]);
        if (rate) {
            cx_num p;
            cx_num_init(&p);
            cx_fc_powi(&k, &p, &base, -f.t[i]);
            cx_fc_mul(&k, &v, &v, &p);
            cx_num_clear(&p);
        }
        cx_num_set(&prev, &cum);
        cx_fc_add(&k, &cum, &cum, &v);
        if (k.st != CX_NUM_OK || cx_num_sgn(&cum) < 0) continue;
        found = true;
        if (i == 0) {
            cx_num_set_si(&cum, 0);
        } else {
            /* (t - 1) + (-prev) / v; v > 0 here since prev < 0 <= cum. */
            cx_num_neg(&prev, &prev);
            cx_fc_div(&k, &prev, &prev, &v);
            cx_fc_addi(&k, &cum, &prev, f.t[i] - 1);
        }
    }
    cx_status st = CX_OK;
    if (k.st == CX_NUM_DIV_ZERO && rate)
        st =
            cx_call_error(c, 0, CX_E_MATH_DIV_ZERO, "%s is undefined at a rate of -100%%", c->name);
    else if (k.st != CX_NUM_OK) st = cx_call_num_error(c, -1, k.st);
    else if (!found) {
        char *left = cx_fmt_number(&cum, cx_call_digits(c), true);
        st = left ? cx_call_error(c, (int)flows_arg, CX_E_MATH_NO_PAYBACK,
                                  "%s: the flows never pay back; the cumulative%s total is still "
                                  "%s after the last flow",
                                  c->name, rate ? " discounted" : "", left)
                  : cx_call_oom(c);
        free(left);
    } else {
        cx_value_take_num(out, &cum);
    }
    cx_num_clear(&cum);
    cx_num_clear(&prev);
    cx_num_clear(&v);
    cx_num_clear(&base);
    flows_free(&f);
    return st;
}

cx_status cx_fn_payback(cx_call *c, cx_value *out) { return payback_of(c, NULL, 0, out); }

cx_status cx_fn_discounted_payback(cx_call *c, cx_value *out)
{
    const cx_num *rate = cx_arg_num(c, 0);
    return rate ? payback_of(c, rate, 1, out) : CX_FAIL;
}
