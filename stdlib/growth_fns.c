/* growth_fns.c - the analyst's growth and ratio helpers: yoy and qoq growth
 * series, annualize (a periodic rate compounded to a year, or a flow series
 * at its yearly run rate), and the divisions an analyst writes by hand
 * (share, margin, per_head, ratio), each element-wise over series with the
 * period named when a divisor is zero. */
#include <stdio.h>
#include <stdlib.h>
#include "args.h"
#include "fincalc.h"
#include "finance.h"

static void period_text(cx_freq f, int64_t ord, char *buf, size_t size)
{
    cx_period p = {f, ord};
    cx_period_format(&p, buf, size);
}

/* ==== yoy, qoq ============================================================= */

/* cur / before - 1, with a zero `before` reported by its period. */
static cx_status growth_between(cx_call *c, const cx_series *s, int64_t ord, int64_t lag,
                                const cx_num *cur, const cx_num *before, cx_num *out)
{
    if (cx_num_is_zero(before)) {
        char pb[32], cb[32];
        period_text(s->freq, ord - lag, pb, sizeof pb);
        period_text(s->freq, ord, cb, sizeof cb);
        return cx_call_error(c, 0, CX_E_MATH_DIV_ZERO,
                             "division by zero: %s growth to %s is undefined because the value "
                             "for %s is 0",
                             c->name, cb, pb);
    }
    cx_fc k = {cx_call_num_ctx(c), CX_NUM_OK};
    cx_fc_div(&k, out, cur, before);
    cx_fc_addi(&k, out, out, -1);
    return k.st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, 0, k.st);
}

/* Growth against the value `lag` periods earlier: at period p (argument 1)
 * when given, otherwise as a series over every period that has one. */
static cx_status lagged_growth(cx_call *c, cx_value *out, int64_t lag, const char *span_name)
{
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    cx_num g;
    cx_num_init(&g);
    cx_status st = CX_OK;
    if (c->n == 2) {
        cx_period p;
        if (!cx_arg_period(c, 1, &p)) {
            cx_num_clear(&g);
            return CX_FAIL;
        }
        if (p.freq != s->freq) {
            char pb[32];
            cx_period_format(&p, pb, sizeof pb);
            cx_num_clear(&g);
            return cx_call_error(c, 1, CX_E_TYPE_FREQUENCY, "%s: the series is %s but %s is %s",
                                 c->name, cx_freq_name(s->freq), pb, cx_freq_name(p.freq));
        }
        const cx_num *cur = cx_series_get(s, p.ord), *before = cx_series_get(s, p.ord - lag);
        char what[96], pb[32], qb[32];
        period_text(s->freq, p.ord - lag, qb, sizeof qb);
        period_text(s->freq, p.ord, pb, sizeof pb);
        snprintf(what, sizeof what, "%s and %s (%s)", qb, pb, span_name);
        if (!cur) st = cx_arg_no_period(c, 1, s, p.ord, what);
        else if (!before) st = cx_arg_no_period(c, 1, s, p.ord - lag, what);
        else st = growth_between(c, s, p.ord, lag, cur, before, &g);
        if (st == CX_OK) cx_value_take_num(out, &g);
        cx_num_clear(&g);
        return st;
    }
    cx_series *r = cx_series_new(s->freq);
    if (!r) {
        cx_num_clear(&g);
        return cx_call_oom(c);
    }
    for (size_t i = 0; i < s->len && st == CX_OK; i++) {
        const cx_num *before = cx_series_get(s, s->ords[i] - lag);
        if (!before) continue;
        st = growth_between(c, s, s->ords[i], lag, &s->vals[i], before, &g);
        if (st == CX_OK && !cx_series_set(r, s->ords[i], &g, (size_t)-1)) st = cx_call_oom(c);
    }
    cx_num_clear(&g);
    if (st == CX_OK && r->len == 0) {
        char *have = cx_call_periods_text(c, s);
        st = have ? cx_call_error(c, 0, CX_E_NAME_NO_PERIOD,
                                  "%s needs two values %s apart; the series has values for %s",
                                  c->name, span_name, have)
                  : CX_FAIL;
        free(have);
    }
    if (st == CX_OK) cx_value_take_series(out, r);
    else cx_series_unref(r);
    return st;
}

cx_status cx_fn_yoy(cx_call *c, cx_value *out)
{
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    int per = cx_freq_per_year(s->freq);
    if (per == 0)
        return cx_call_error(c, 0, CX_E_TYPE_FREQUENCY,
                             "yoy needs an annual, half-yearly, quarterly or monthly series; "
                             "this one is daily");
    return lagged_growth(c, out, per, "a year");
}

cx_status cx_fn_qoq(cx_call *c, cx_value *out)
{
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    if (s->freq != CX_FREQ_QUARTER && s->freq != CX_FREQ_MONTH)
        return cx_call_error(c, 0, CX_E_TYPE_FREQUENCY,
                             "qoq needs a quarterly or monthly series; this one is %s",
                             cx_freq_name(s->freq));
    return lagged_growth(c, out, s->freq == CX_FREQ_QUARTER ? 1 : 3, "a quarter");
}

/* ==== annualize ============================================================ */

/* annualize(rate, n): a rate per period compounded over n periods a year,
 * (1 + rate)^n - 1.  annualize(s) / annualize(s, p): a half-yearly,
 * quarterly or monthly flow at its yearly run rate (value x periods a year). */
cx_status cx_fn_annualize(cx_call *c, cx_value *out)
{
    const cx_value *a = &c->args[0];
    cx_fc k = {cx_call_num_ctx(c), CX_NUM_OK};
    if (a->kind == CX_VAL_NUM) {
        const cx_num *n = NULL;
        if (c->n != 2)
            return cx_call_error(c, -1, CX_E_TYPE_ARITY,
                                 "annualize(rate, periods_per_year) needs the number of periods "
                                 "a year");
        if (cx_arg_positive(c, 1, "a positive number of periods a year", &n) != CX_OK)
            return CX_FAIL;
        cx_num r;
        cx_num_init(&r);
        cx_fc_addi(&k, &r, &a->u.num, 1);
        cx_fc_pow(&k, &r, &r, n);
        cx_fc_addi(&k, &r, &r, -1);
        cx_status st = k.st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, -1, k.st);
        if (st == CX_OK) cx_value_take_num(out, &r);
        cx_num_clear(&r);
        return st;
    }
    const cx_series *s = cx_arg_series(c, 0);
    if (!s) return CX_FAIL;
    int per = cx_freq_per_year(s->freq);
    if (per == 0)
        return cx_call_error(c, 0, CX_E_TYPE_FREQUENCY,
                             "annualize needs a half-yearly, quarterly or monthly series (or a "
                             "rate and periods a year); this one is daily");
    cx_num m;
    cx_num_init(&m);
    cx_num_set_si(&m, per);
    cx_status st = CX_OK;
    if (c->n == 2) {
        cx_period p;
        if (!cx_arg_period(c, 1, &p)) st = CX_FAIL;
        else if (p.freq != s->freq)
            st = cx_call_error(c, 1, CX_E_TYPE_FREQUENCY,
                               "annualize: the series is %s but the period is %s",
                               cx_freq_name(s->freq), cx_freq_name(p.freq));
        else if (!cx_series_get(s, p.ord)) st = cx_arg_no_period(c, 1, s, p.ord, "that period");
        else {
            cx_num r;
            cx_num_init(&r);
            cx_fc_mul(&k, &r, cx_series_get(s, p.ord), &m);
            if (k.st == CX_NUM_OK) cx_value_take_num(out, &r);
            else st = cx_call_num_error(c, -1, k.st);
            cx_num_clear(&r);
        }
    } else {
        cx_series *r = NULL;
        int64_t bad;
        cx_num_status ns = cx_series_scalar(&r, s, &m, false, cx_num_mul, k.ctx, &bad);
        if (ns != CX_NUM_OK) st = cx_call_num_error(c, 0, ns);
        else if (!r) st = cx_call_oom(c);
        else cx_value_take_series(out, r);
    }
    cx_num_clear(&m);
    return st;
}

/* ==== share, margin, per_head, ratio ======================================= */

/* args[0] / args[1] where each is a number or a series: element-wise over
 * the periods both series have; `bottom` names the divisor in messages
 * ("the revenue for 2025 is 0"). */
static cx_status divide(cx_call *c, cx_value *out, const char *bottom)
{
    const cx_value *a = &c->args[0], *b = &c->args[1];
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    for (int i = 0; i < 2; i++) {
        const cx_value *v = &c->args[i];
        if (v->kind != CX_VAL_NUM && v->kind != CX_VAL_SERIES)
            return cx_call_error(c, i, CX_E_TYPE_ARG,
                                 "%s expects a number or a series as argument %d, got %s", c->name,
                                 i + 1, cx_arg_kind_phrase(v));
    }
    if (a->kind == CX_VAL_NUM && b->kind == CX_VAL_NUM) {
        if (cx_num_is_zero(&b->u.num))
            return cx_call_error(c, 1, CX_E_MATH_DIV_ZERO, "division by zero: %s: the %s is 0",
                                 c->name, bottom);
        cx_num r;
        cx_num_init(&r);
        cx_num_status ns = cx_num_div(&r, &a->u.num, &b->u.num, ctx);
        if (ns == CX_NUM_OK) cx_value_take_num(out, &r);
        cx_num_clear(&r);
        return ns == CX_NUM_OK ? CX_OK : cx_call_num_error(c, -1, ns);
    }
    cx_series *r = NULL;
    int64_t bad = 0;
    cx_num_status ns;
    const cx_series *sa = a->kind == CX_VAL_SERIES ? a->u.series : NULL;
    const cx_series *sb = b->kind == CX_VAL_SERIES ? b->u.series : NULL;
    if (sa && sb) {
        if (sa->freq != sb->freq)
            return cx_call_error(c, 1, CX_E_TYPE_FREQUENCY,
                                 "%s: the first series is %s but the second is %s", c->name,
                                 cx_freq_name(sa->freq), cx_freq_name(sb->freq));
        ns = cx_series_binop(&r, sa, sb, cx_num_div, ctx, &bad);
    } else if (sa) {
        if (cx_num_is_zero(&b->u.num))
            return cx_call_error(c, 1, CX_E_MATH_DIV_ZERO, "division by zero: %s: the %s is 0",
                                 c->name, bottom);
        ns = cx_series_scalar(&r, sa, &b->u.num, false, cx_num_div, ctx, &bad);
    } else {
        ns = cx_series_scalar(&r, sb, &a->u.num, true, cx_num_div, ctx, &bad);
    }
    if (ns == CX_NUM_DIV_ZERO) {
        char pb[32];
        period_text(sb->freq, bad, pb, sizeof pb);
        return cx_call_error(c, 1, CX_E_MATH_DIV_ZERO, "division by zero: %s: the %s for %s is 0",
                             c->name, bottom, pb);
    }
    if (ns != CX_NUM_OK) return cx_call_num_error(c, -1, ns);
    if (!r) return cx_call_oom(c);
    if (sa && sb && r->len == 0 && sa->len && sb->len) {
        cx_series_unref(r);
        return cx_call_error(c, -1, CX_E_TYPE_NO_COMMON_PERIODS,
                             "%s: the two series have no period in common", c->name);
    }
    cx_value_take_series(out, r);
    return CX_OK;
}

cx_status cx_fn_share(cx_call *c, cx_value *out) { return divide(c, out, "total"); }
cx_status cx_fn_margin(cx_call *c, cx_value *out) { return divide(c, out, "revenue"); }
cx_status cx_fn_per_head(cx_call *c, cx_value *out) { return divide(c, out, "head count"); }
cx_status cx_fn_ratio(cx_call *c, cx_value *out) { return divide(c, out, "denominator"); }
