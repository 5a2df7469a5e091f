/* tvm.c - time value of money with Excel's names, argument order, defaults
 * and signs (money paid out is negative; type 0/1 = payments at the end or
 * the beginning of each period): pv, fv, pmt, ipmt, ppmt, nper, rate,
 * cumipmt, cumprinc, effect, nominal.  Everything is one equation,
 *   pv (1 + r)^n + pmt (1 + r type) ((1 + r)^n - 1) / r + fv = 0,
 * solved exactly for pv, fv or pmt (a rational function when n is whole),
 * in logarithms for n, and by ratefind.c's bracketed search for r. */
#include <stdlib.h>
#include "../runtime/format.h"
#include "roots.h"
#include "args.h"
#include "fincalc.h"
#include "finance.h"

#define TYPE_WHAT "0 (payments at the end of each period) or 1 (at the beginning)"

typedef struct tvm {
    const cx_num *rate, *nper, *pmt, *pv, *fv;
    long type;
    const cx_num *per;  /* ipmt, ppmt: the period asked about */
    int64_t start, end; /* cumipmt, cumprinc: the periods summed */
} tvm;

/* ==== the exact formulas =================================================== */

/* q = (1 + r)^n and the annuity factor a = (1 + r type) (q - 1) / r, for r != 0. */
static void annuity(cx_fc *k, cx_num *q, cx_num *a, const cx_num *r, const cx_num *n, long type)
{
    cx_num t;
    cx_num_init(&t);
    cx_fc_addi(k, q, r, 1);
    cx_fc_pow(k, q, q, n);
    cx_fc_addi(k, a, q, -1);
    cx_fc_div(k, a, a, r);
    if (type) {
        cx_fc_addi(k, &t, r, 1);
        cx_fc_mul(k, a, a, &t);
    }
    cx_num_clear(&t);
}

/* FV = -(pv q + pmt a); with r = 0, -(pv + pmt n). */
static void fv_of(cx_fc *k, cx_num *out, const cx_num *r, const cx_num *n, const cx_num *pmt,
                  const cx_num *pv, long type)
{
    cx_num q, a, t;
    cx_num_init(&q);
    cx_num_init(&a);
    cx_num_init(&t);
    if (cx_num_is_zero(r)) {
        cx_fc_mul(k, &t, pmt, n);
        cx_fc_add(k, &t, &t, pv);
    } else {
        annuity(k, &q, &a, r, n, type);
        cx_fc_mul(k, &t, pv, &q);
        cx_fc_mul(k, &a, pmt, &a);
        cx_fc_add(k, &t, &t, &a);
    }
    if (k->st == CX_NUM_OK) cx_num_neg(out, &t);
    cx_num_clear(&q);
    cx_num_clear(&a);
    cx_num_clear(&t);
}

/* PV = -(fv + pmt a) / q; with r = 0, -(fv + pmt n). */
static void pv_of(cx_fc *k, cx_num *out, const tvm *v)
{
    cx_num q, a, t;
    cx_num_init(&q);
    cx_num_init(&a);
    cx_num_init(&t);
    if (cx_num_is_zero(v->rate)) {
        cx_fc_mul(k, &t, v->pmt, v->nper);
        cx_fc_add(k, &t, &t, v->fv);
    } else {
        annuity(k, &q, &a, v->rate, v->nper, v->type);
        cx_fc_mul(k, &t, v->pmt, &a);
        cx_fc_add(k, &t, &t, v->fv);
        cx_fc_div(k, &t, &t, &q);
    }
    if (k->st == CX_NUM_OK) cx_num_neg(out, &t);
    cx_num_clear(&q);
    cx_num_clear(&a);
    cx_num_clear(&t);
}

/* PMT = -(fv + pv q) / a; with r = 0, -(pv + fv) / n. */
static void pmt_of(cx_fc *k, cx_num *out, const cx_num *r, const cx_num *n, const cx_num *pv,
                   const cx_num *fv, long type)
{
    cx_num q, a, t;
    cx_num_init(&q);
    cx_num_init(&a);
    cx_num_init(&t);
    if (cx_num_is_zero(r)) {
        cx_fc_add(k, &t, pv, fv);
        cx_fc_div(k, &t, &t, n);
    } else {
        annuity(k, &q, &a, r, n, type);
        cx_fc_mul(k, &t, pv, &q);
        cx_fc_add(k, &t, &t, fv);
        cx_fc_div(k, &t, &t, &a);
    }
    if (k->st == CX_NUM_OK) cx_num_neg(out, &t);
    cx_num_clear(&q);
    cx_num_clear(&a);
    cx_num_clear(&t);
}

static void fv_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    fv_of(k, out, v->rate, v->nper, v->pmt, v->pv, v->type);
}

static void pmt_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    pmt_of(k, out, v->rate, v->nper, v->pv, v->fv, v->type);
}

/* Interest in period `per`, Excel's convention: with type 0 it is the rate
 * times the balance after per - 1 payments; with type 1 the payment at the
 * start of a period pays the interest that accrued over the period before,
 * so period 1 has none and period p has r / (1 + r) of that balance. */
static void ipmt_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    cx_num pmt, bal, pm1, t;
    cx_num_init(&pmt);
    cx_num_init(&bal);
    cx_num_init(&pm1);
    cx_num_init(&t);
    int64_t per1;
    if (v->type == 1 && cx_num_get_si(v->per, &per1) && per1 == 1) {
        cx_num_set_si(out, 0);
    } else {
        pmt_of(k, &pmt, v->rate, v->nper, v->pv, v->fv, v->type);
        cx_fc_addi(k, &pm1, v->per, -1);
        fv_of(k, &bal, v->rate, &pm1, &pmt, v->pv, v->type);
        cx_fc_mul(k, &bal, &bal, v->rate);
        if (v->type == 1) {
            cx_fc_addi(k, &t, v->rate, 1);
            cx_fc_div(k, &bal, &bal, &t);
        }
        if (k->st == CX_NUM_OK) cx_num_swap(out, &bal);
    }
    cx_num_clear(&pmt);
    cx_num_clear(&bal);
    cx_num_clear(&pm1);
    cx_num_clear(&t);
}

static void ppmt_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    cx_num pmt, ip;
    cx_num_init(&pmt);
    cx_num_init(&ip);
    pmt_of(k, &pmt, v->rate, v->nper, v->pv, v->fv, v->type);
    ipmt_fn(k, &ip, v);
    cx_fc_sub(k, out, &pmt, &ip);
    cx_num_clear(&pmt);
    cx_num_clear(&ip);
}

/* The principal repaid over periods start..end, in closed form.  With A_p
 * the balance after p periods (-FV), principal_p = A_p - A_(p-1) for type 0;
 * for type 1 (see ipmt_fn) the same holds with W_p = A_p / (1 + r) for
 * p >= 1 and W_0 = pv.  The sum telescopes to W_end - W_(start-1). */
static void balance_w(cx_fc *k, cx_num *out, const tvm *v, const cx_num *pmt, int64_t p)
{
    if (v->type == 1 && p == 0) {
        cx_num_set(out, v->pv);
        return;
    }
    cx_num n, t;
    cx_num_init(&n);
    cx_num_init(&t);
    cx_num_set_si(&n, p);
    fv_of(k, out, v->rate, &n, pmt, v->pv, v->type);
    if (k->st == CX_NUM_OK) cx_num_neg(out, out);
    if (v->type == 1) {
        cx_fc_addi(k, &t, v->rate, 1);
        cx_fc_div(k, out, out, &t);
    }
    cx_num_clear(&n);
    cx_num_clear(&t);
}

static void cumprinc_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    cx_num pmt, a, b;
    cx_num_init(&pmt);
    cx_num_init(&a);
    cx_num_init(&b);
    pmt_of(k, &pmt, v->rate, v->nper, v->pv, v->fv, v->type);
    balance_w(k, &a, v, &pmt, v->end);
    balance_w(k, &b, v, &pmt, v->start - 1);
    cx_fc_sub(k, out, &a, &b);
    cx_num_clear(&pmt);
    cx_num_clear(&a);
    cx_num_clear(&b);
}

/* Interest = all payments in the range minus the principal among them. */
static void cumipmt_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    cx_num pmt, pr;
    cx_num_init(&pmt);
    cx_num_init(&pr);
    pmt_of(k, &pmt, v->rate, v->nper, v->pv, v->fv, v->type);
    cumprinc_fn(k, &pr, v);
    cx_fc_muli(k, &pmt, &pmt, v->end - v->start + 1);
    cx_fc_sub(k, out, &pmt, &pr);
    cx_num_clear(&pmt);
    cx_num_clear(&pr);
}

/* ==== running a formula ==================================================== */

typedef void (*tvm_fn)(cx_fc *k, cx_num *out, const tvm *v);

/* Runs fn exactly; if the exact fraction would pass the result-size limit
 * (a long horizon), again with the rate approximate.  `zero_why` words a
 * division by zero for this function. */
static cx_status run(cx_call *c, tvm_fn fn, tvm *v, cx_value *out, const char *zero_why)
{
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_num r, ar;
    cx_num_init(&r);
    cx_num_init(&ar);
    cx_fc k = {ctx, CX_NUM_OK};
    fn(&k, &r, v);
    if (k.st == CX_NUM_TOO_BIG && cx_num_is_exact(v->rate)) {
        mpfr_t t;
        mpfr_init2(t, ctx->prec);
        cx_num_get_mpfr(v->rate, t);
        cx_num_set_mpfr(&ar, t, ctx);
        mpfr_clear(t);
        tvm w = *v;
        w.rate = &ar;
        k.st = CX_NUM_OK;
        fn(&k, &r, &w);
    }
    cx_status st = CX_OK;
    if (k.st == CX_NUM_DIV_ZERO)
        st =
            cx_call_error(c, -1, CX_E_MATH_DIV_ZERO, "%s is undefined here: %s", c->name, zero_why);
    else if (k.st == CX_NUM_DOMAIN)
        st = cx_call_error(c, -1, CX_E_MATH_DOMAIN,
                           "%s is undefined here: a rate below -100%% with a fractional number "
                           "of periods",
                           c->name);
    else if (k.st != CX_NUM_OK) st = cx_call_num_error(c, -1, k.st);
    else cx_value_take_num(out, &r);
    cx_num_clear(&r);
    cx_num_clear(&ar);
    return st;
}

/* Reads numbers args[first..] into the slots, stopping at the call's end
 * (the rest keep their defaults).  false when one is not a number. */
static bool nums(cx_call *c, size_t first, const cx_num **slots[], size_t count)
{
    for (size_t i = 0; i < count && first + i < c->n; i++) {
        const cx_num *x = cx_arg_num(c, first + i);
        if (!x) return false;
        *slots[i] = x;
    }
    return true;
}

/* Zero, the default of fv and pv: a SMALL number owns no limbs, so one
 * constant can be shared read-only. */
static const cx_num ZERO = {.kind = CX_NUM_SMALL, .u.s = {0, 1}};

static const char *const ZERO_RATE_WHY =
    "a rate of -100% (or a rate and nper for which (1 + rate)^nper is 0 or 1)";

/* Legal results that are almost certainly a mistake get a note (the value
 * stands): a rate above 100% a period is usually a yearly rate used per
 * month, and a negative number of periods runs the schedule backwards. */
static void sanity(cx_call *c, const cx_num *rate, const cx_num *nper)
{
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    if (rate && cx_num_cmp(rate, &one) > 0) {
        /* Most often a percentage typed without its %: 6.5 is 650%. */
        char *r = cx_fmt_pct(rate, 2), *as_pct = cx_fmt_number(rate, 10, false);
        if (r && as_pct)
            cx_call_note(c,
                         "%s: a rate of %s a period is above 100%%: did you mean %s%%? (a rate "
                         "is written with %% or as a fraction: 6.5%% is 0.065)",
                         c->name, r, as_pct);
        else c->note_lost = true;
        free(r);
        free(as_pct);
    } else if (nper && cx_num_sgn(nper) < 0) {
        cx_call_note(c, "%s: a negative number of periods runs the payments backwards in time",
                     c->name);
    }
    cx_num_clear(&one);
}

cx_status cx_fn_pv(cx_call *c, cx_value *out)
{
    tvm v = {NULL, NULL, NULL, NULL, &ZERO, 0, NULL, 0, 0};
    const cx_num **s[] = {&v.rate, &v.nper, &v.pmt, &v.fv};
    if (!nums(c, 0, s, 4) || !cx_arg_long(c, 4, 0, 1, 0, TYPE_WHAT, &v.type)) return CX_FAIL;
    sanity(c, v.rate, v.nper);
    return run(c, pv_of, &v, out, ZERO_RATE_WHY);
}

cx_status cx_fn_fv(cx_call *c, cx_value *out)
{
    tvm v = {NULL, NULL, NULL, &ZERO, NULL, 0, NULL, 0, 0};
    const cx_num **s[] = {&v.rate, &v.nper, &v.pmt, &v.pv};
    if (!nums(c, 0, s, 4) || !cx_arg_long(c, 4, 0, 1, 0, TYPE_WHAT, &v.type)) return CX_FAIL;
    sanity(c, v.rate, v.nper);
    return run(c, fv_fn, &v, out, ZERO_RATE_WHY);
}

cx_status cx_fn_pmt(cx_call *c, cx_value *out)
{
    tvm v = {NULL, NULL, NULL, NULL, &ZERO, 0, NULL, 0, 0};
    const cx_num **s[] = {&v.rate, &v.nper, &v.pv, &v.fv};
    if (!nums(c, 0, s, 4) || !cx_arg_long(c, 4, 0, 1, 0, TYPE_WHAT, &v.type)) return CX_FAIL;
    sanity(c, v.rate, v.nper);
    return run(c, pmt_fn, &v, out,
               "nper is 0, or (1 + rate)^nper is 1, or the rate is -100% with type 1");
}

/* ipmt / ppmt: (rate, per, nper, pv, fv = 0, type = 0), per a whole period
 * from 1 to nper. */
static cx_status per_payment(cx_call *c, cx_value *out, tvm_fn fn)
{
    tvm v = {NULL, NULL, NULL, NULL, &ZERO, 0, NULL, 0, 0};
    const cx_num **s[] = {&v.rate, &v.per, &v.nper, &v.pv, &v.fv};
    if (!nums(c, 0, s, 5) || !cx_arg_long(c, 5, 0, 1, 0, TYPE_WHAT, &v.type)) return CX_FAIL;
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    bool ok =
        cx_num_is_integer(v.per) && cx_num_cmp(v.per, &one) >= 0 && cx_num_cmp(v.per, v.nper) <= 0;
    cx_num_clear(&one);
    if (!ok)
        return cx_call_error(c, 1, CX_E_MATH_ARG_RANGE,
                             "%s: per must be a whole period from 1 to nper", c->name);
    cx_num zero_pmt;
    cx_num_init(&zero_pmt);
    v.pmt = &zero_pmt; /* unused: the payment is derived */
    cx_status st = run(c, fn, &v, out, ZERO_RATE_WHY);
    cx_num_clear(&zero_pmt);
    return st;
}

cx_status cx_fn_ipmt(cx_call *c, cx_value *out) { return per_payment(c, out, ipmt_fn); }
cx_status cx_fn_ppmt(cx_call *c, cx_value *out) { return per_payment(c, out, ppmt_fn); }

/* cumipmt / cumprinc: (rate, nper, pv, start, end, type), Excel's order,
 * with every argument required as in Excel. */
static cx_status cumulative(cx_call *c, cx_value *out, tvm_fn fn)
{
    tvm v = {NULL, NULL, NULL, NULL, &ZERO, 0, NULL, 0, 0};
    const cx_num **s[] = {&v.rate, &v.nper, &v.pv};
    long start, end;
    if (!nums(c, 0, s, 3)) return CX_FAIL;
    if (!cx_num_is_integer(v.nper) || cx_num_sgn(v.nper) <= 0)
        return cx_call_error(c, 1, CX_E_MATH_ARG_RANGE,
                             "%s: nper must be a whole number of periods, at least 1", c->name);
    int64_t n;
    if (!cx_num_get_si(v.nper, &n) || n > 100000000)
        return cx_call_error(c, 1, CX_E_MATH_ARG_RANGE,
                             "%s: nper is larger than 100,000,000 periods", c->name);
    if (!cx_arg_long(c, 3, 1, (long)n, 1, "a whole period from 1 to nper", &start) ||
        !cx_arg_long(c, 4, 1, (long)n, 1, "a whole period from 1 to nper", &end) ||
        !cx_arg_long(c, 5, 0, 1, 0, TYPE_WHAT, &v.type))
        return CX_FAIL;
    if (start > end)
        return cx_call_error(c, 3, CX_E_MATH_ARG_RANGE,
                             "%s: the start period (%ld) is after the end period (%ld)", c->name,
                             start, end);
    v.start = start;
    v.end = end;
    cx_num zero_pmt;
    cx_num_init(&zero_pmt);
    v.pmt = &zero_pmt;
    cx_status st = run(c, fn, &v, out, ZERO_RATE_WHY);
    cx_num_clear(&zero_pmt);
    return st;
}

cx_status cx_fn_cumipmt(cx_call *c, cx_value *out) { return cumulative(c, out, cumipmt_fn); }
cx_status cx_fn_cumprinc(cx_call *c, cx_value *out) { return cumulative(c, out, cumprinc_fn); }

/* ==== effect, nominal ====================================================== */

/* effect = (1 + nominal / n)^n - 1 (exact); nominal = n ((1 + effect)^(1/n) - 1)
 * (exact when the root is). */
static void effect_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    cx_num t;
    cx_num_init(&t);
    cx_fc_div(k, &t, v->rate, v->nper);
    cx_fc_addi(k, &t, &t, 1);
    cx_fc_pow(k, &t, &t, v->nper);
    cx_fc_addi(k, out, &t, -1);
    cx_num_clear(&t);
}

static void nominal_fn(cx_fc *k, cx_num *out, const tvm *v)
{
    cx_num t, e, one;
    cx_num_init(&t);
    cx_num_init(&e);
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    cx_fc_div(k, &e, &one, v->nper);
    cx_fc_addi(k, &t, v->rate, 1);
    cx_fc_pow(k, &t, &t, &e);
    cx_fc_addi(k, &t, &t, -1);
    cx_fc_mul(k, out, &t, v->nper);
    cx_num_clear(&t);
    cx_num_clear(&e);
    cx_num_clear(&one);
}

static cx_status compounding(cx_call *c, cx_value *out, tvm_fn fn)
{
    tvm v = {NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, 0};
    long n;
    v.rate = cx_arg_num(c, 0);
    if (!v.rate || !cx_arg_long(c, 1, 1, 1000000000L, 1,
                                "a whole number of compounding periods per year, at least 1", &n))
        return CX_FAIL;
    cx_num nn;
    cx_num_init(&nn);
    cx_num_set_si(&nn, n);
    v.nper = &nn;
    cx_status st = run(c, fn, &v, out, "the rate divides by zero");
    cx_num_clear(&nn);
    return st;
}

cx_status cx_fn_effect(cx_call *c, cx_value *out) { return compounding(c, out, effect_fn); }
cx_status cx_fn_nominal(cx_call *c, cx_value *out) { return compounding(c, out, nominal_fn); }

/* ==== nper ================================================================= */

/* n = ln((z - fv) / (z + pv)) / ln(1 + r), z = pmt (1 + r type) / r; with
 * r = 0, n = -(pv + fv) / pmt.  Exact when the inputs are and n is a whole
 * number (checked exactly, so nper(pmt(...)) round-trips to an integer). */
cx_status cx_fn_nper(cx_call *c, cx_value *out)
{
    tvm v = {NULL, NULL, NULL, NULL, &ZERO, 0, NULL, 0, 0};
    const cx_num **s[] = {&v.rate, &v.pmt, &v.pv, &v.fv};
    if (!nums(c, 0, s, 4) || !cx_arg_long(c, 4, 0, 1, 0, TYPE_WHAT, &v.type)) return CX_FAIL;
    sanity(c, v.rate, NULL);
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_fc k = {ctx, CX_NUM_OK};
    cx_num z, a, b, ratio, base, kk, pw;
    cx_num_init(&z);
    cx_num_init(&a);
    cx_num_init(&b);
    cx_num_init(&ratio);
    cx_num_init(&base);
    cx_num_init(&kk);
    cx_num_init(&pw);
    cx_status st = CX_OK;
    if (cx_num_is_zero(v.rate)) {
        if (cx_num_is_zero(v.pmt)) {
            st = cx_call_error(c, 1, CX_E_MATH_NO_ROOT,
                               "nper has no solution: with no interest and no payment the "
                               "balance never changes");
            goto out;
        }
        cx_fc_add(&k, &a, v.pv, v.fv);
        cx_fc_div(&k, &a, &a, v.pmt);
        if (k.st == CX_NUM_OK) {
            cx_num_neg(&a, &a);
            cx_value_take_num(out, &a);
        }
        goto out;
    }
    cx_fc_addi(&k, &base, v.rate, 1);
    if (k.st == CX_NUM_OK && cx_num_sgn(&base) <= 0) {
        st = cx_call_error(c, 0, CX_E_MATH_DOMAIN, "nper needs a rate above -100%%");
        goto out;
    }
    cx_num_set(&z, v.pmt);
    if (v.type) cx_fc_mul(&k, &z, &z, &base);
    cx_fc_div(&k, &z, &z, v.rate);
    cx_fc_sub(&k, &a, &z, v.fv);
    cx_fc_add(&k, &b, &z, v.pv);
    if (k.st == CX_NUM_OK && cx_num_is_zero(&b)) {
        st = cx_call_error(c, 1, CX_E_MATH_NO_ROOT,
                           "nper has no solution: each payment only covers the interest, so "
                           "the balance never changes");
        goto out;
    }
    cx_fc_div(&k, &ratio, &a, &b);
    if (k.st == CX_NUM_OK && cx_num_sgn(&ratio) <= 0) {
        st = cx_call_error(c, -1, CX_E_MATH_NO_ROOT,
                           "nper has no solution: no number of periods turns this pv into this "
                           "fv with this payment");
        goto out;
    }
    if (k.st != CX_NUM_OK) goto out;
    /* n in MPFR first; then, when everything is exact and n is within a hair
     * of a whole number k, test (1 + r)^k == ratio exactly. */
    mpfr_prec_t w = ctx->prec + CX_ROOT_GUARD;
    mpfr_t n, t;
    mpfr_inits2(w, n, t, (mpfr_ptr)0);
    cx_num_get_mpfr(&ratio, n);
    mpfr_log(n, n, MPFR_RNDN);
    cx_num_get_mpfr(v.rate, t);
    mpfr_log1p(t, t, MPFR_RNDN);
    mpfr_div(n, n, t, MPFR_RNDN);
    bool done = false;
    if (cx_num_is_exact(&ratio) && cx_num_is_exact(&base) && mpfr_number_p(n)) {
        mpfr_round(t, n);
        if (mpfr_fits_slong_p(t, MPFR_RNDN) && mpfr_cmpabs_ui(t, 100000000) <= 0) {
            long kl = mpfr_get_si(t, MPFR_RNDN);
            cx_num_set_si(&kk, kl);
            cx_fc k2 = {ctx, CX_NUM_OK};
            cx_fc_pow(&k2, &pw, &base, &kk);
            if (k2.st == CX_NUM_OK && cx_num_eq(&pw, &ratio)) {
                cx_value_take_num(out, &kk);
                done = true;
            }
        }
    }
    if (!done) {
        if (!mpfr_number_p(n)) k.st = CX_NUM_TOO_BIG;
        else {
            cx_num_set_mpfr(&kk, n, ctx);
            cx_value_take_num(out, &kk);
        }
    }
    mpfr_clears(n, t, (mpfr_ptr)0);
out:
    if (st == CX_OK && k.st != CX_NUM_OK) st = cx_call_num_error(c, -1, k.st);
    cx_num_clear(&z);
    cx_num_clear(&a);
    cx_num_clear(&b);
    cx_num_clear(&ratio);
    cx_num_clear(&base);
    cx_num_clear(&kk);
    cx_num_clear(&pw);
    return st;
}

/* ==== rate ================================================================= */

/* The equation divided by (1 + r)^n, as a function of u = -ln(1 + r):
 *   pv + pmt (1 + r type) (1 - e^(n u)) / r + fv e^(n u),
 * with (1 - e^(n u)) / r = -expm1(n u) / expm1(-u), which keeps its digits
 * for tiny rates, and the limit pv + pmt n + fv at u = 0. */
typedef struct rate_data {
    mpfr_t n, pmt, pv, fv;
    long type;
} rate_data;

static int rate_eval(mpfr_t y, const mpfr_t u, void *ud)
{
    const rate_data *d = ud;
    mpfr_prec_t p = mpfr_get_prec(y);
    mpfr_t r, nu, ann, en, t;
    mpfr_inits2(p, r, nu, ann, en, t, (mpfr_ptr)0);
    if (mpfr_zero_p(u)) {
        mpfr_mul(t, d->pmt, d->n, MPFR_RNDN);
        mpfr_add(t, t, d->pv, MPFR_RNDN);
        mpfr_add(t, t, d->fv, MPFR_RNDN);
    } else {
        mpfr_neg(r, u, MPFR_RNDN);
        mpfr_expm1(r, r, MPFR_RNDN);
        mpfr_mul(nu, d->n, u, MPFR_RNDN);
        mpfr_exp(en, nu, MPFR_RNDN);
        mpfr_expm1(ann, nu, MPFR_RNDN);
        mpfr_neg(ann, ann, MPFR_RNDN);
        mpfr_div(ann, ann, r, MPFR_RNDN);
        if (d->type) {
            mpfr_add_ui(t, r, 1, MPFR_RNDN);
            mpfr_mul(ann, ann, t, MPFR_RNDN);
        }
        mpfr_mul(ann, ann, d->pmt, MPFR_RNDN);
        mpfr_mul(t, d->fv, en, MPFR_RNDN);
        mpfr_add(t, t, ann, MPFR_RNDN);
        mpfr_add(t, t, d->pv, MPFR_RNDN);
    }
    mpfr_set(y, t, MPFR_RNDN);
    int bad = !mpfr_number_p(t);
    mpfr_clears(r, nu, ann, en, t, (mpfr_ptr)0);
    return bad;
}

cx_status cx_fn_rate(cx_call *c, cx_value *out)
{
    tvm v = {NULL, NULL, NULL, NULL, &ZERO, 0, NULL, 0, 0};
    const cx_num **s[] = {&v.nper, &v.pmt, &v.pv, &v.fv};
    if (!nums(c, 0, s, 4) || !cx_arg_long(c, 4, 0, 1, 0, TYPE_WHAT, &v.type)) return CX_FAIL;
    cx_num dg;
    cx_num_init(&dg);
    cx_num_set_frac(&dg, 1, 10); /* Excel's default guess */
    const cx_num *guess = cx_arg_num_or(c, 5, &dg);
    if (!guess) {
        cx_num_clear(&dg);
        return CX_FAIL;
    }
    if (cx_num_sgn(v.nper) <= 0) {
        cx_num_clear(&dg);
        return cx_call_error(c, 0, CX_E_MATH_ARG_RANGE, "rate needs a positive number of periods");
    }
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    /* The flows the equation stands for: pv + pmt type now, pmt each period
     * between, fv + pmt (1 - type) at the end; their signs give Descartes'
     * count and the limits. */
    cx_fc k = {ctx, CX_NUM_OK};
    cx_num c0, cn, one;
    cx_num_init(&c0);
    cx_num_init(&cn);
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    cx_fc_muli(&k, &c0, v.pmt, v.type);
    cx_fc_add(&k, &c0, &c0, v.pv);
    cx_fc_muli(&k, &cn, v.pmt, 1 - v.type);
    cx_fc_add(&k, &cn, &cn, v.fv);
    int signs[3], ns = 0;
    if (cx_num_sgn(&c0)) signs[ns++] = cx_num_sgn(&c0);
    if (cx_num_cmp(v.nper, &one) > 0 && cx_num_sgn(v.pmt)) signs[ns++] = cx_num_sgn(v.pmt);
    if (cx_num_sgn(&cn)) signs[ns++] = cx_num_sgn(&cn);
    cx_rate_problem p;
    p.f = rate_eval;
    p.f_double = NULL;
    p.poll = cx_call_poll;
    p.poll_ud = c;
    p.stopped = false;
    p.cost = 1;
    p.has_bounds = false;
    p.sign_changes = 0;
    p.sign_high = ns ? signs[0] : 0;
    p.sign_low = ns ? signs[ns - 1] : 0;
    for (int i = 1; i < ns; i++) p.sign_changes += signs[i] != signs[i - 1];
    rate_data d;
    mpfr_prec_t w = ctx->prec + 64;
    mpfr_inits2(w, d.n, d.pmt, d.pv, d.fv, (mpfr_ptr)0);
    cx_num_get_mpfr(v.nper, d.n);
    cx_num_get_mpfr(v.pmt, d.pmt);
    cx_num_get_mpfr(v.pv, d.pv);
    cx_num_get_mpfr(v.fv, d.fv);
    d.type = v.type;
    p.ud = &d;
    cx_num r;
    cx_num_init(&r);
    cx_rate_result res = k.st == CX_NUM_OK ? cx_rate_solve(&p, guess, ctx, &r) : CX_RATE_NONE;
    cx_status st = CX_OK;
    if (k.st != CX_NUM_OK) st = cx_call_num_error(c, -1, k.st);
    else if (res == CX_RATE_FOUND) cx_value_take_num(out, &r);
    else if (res == CX_RATE_NOMEM) st = cx_call_oom(c);
    else if (res == CX_RATE_STOPPED) st = CX_FAIL; /* the budget's error is recorded */
    else if (p.sign_changes == 0)
        st = cx_call_error(c, -1, CX_E_MATH_NO_ROOT,
                           "rate has no solution: pv, the payments and fv all have the same sign "
                           "(one side must pay and the other receive)");
    else
        st = cx_call_error(c, -1, CX_E_MATH_NO_ROOT,
                           "rate found no solution above -100%% for these pv, pmt and fv");
    mpfr_clears(d.n, d.pmt, d.pv, d.fv, (mpfr_ptr)0);
    cx_num_clear(&r);
    cx_num_clear(&c0);
    cx_num_clear(&cn);
    cx_num_clear(&one);
    cx_num_clear(&dg);
    return st;
}
