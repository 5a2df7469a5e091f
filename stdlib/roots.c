/* roots.c - bracketed root finding in MPFR: Illinois false position with a
 * bisection safeguard from a guaranteed sign change, and a grid scan that
 * finds every sign change in a range.  The callers (stdlib/cashflow.c,
 * stdlib/tvm.c) decide the brackets; this file only keeps them. */
#include "roots.h"
#include "../runtime/grow.h"

#include <stdlib.h>

/* Evaluates f(x) into y; any failure, or a NaN/infinite value the callback
 * let through, stops the search. */
static bool eval(cx_root_fn f, void *ud, mpfr_t y, const mpfr_t x, size_t *evals)
{
    if (evals) (*evals)++;
    if (f(y, x, ud) != 0) return false;
    return mpfr_number_p(y) != 0;
}

/* |b - a| is within 2^-prec of the smaller end (both ends on one side of 0),
 * or within 2^-2prec absolutely (a root at or very near 0). */
static bool narrow(const mpfr_t a, const mpfr_t b, mpfr_t t, mpfr_t m, mpfr_prec_t prec)
{
    mpfr_sub(t, b, a, MPFR_RNDN);
    mpfr_abs(t, t, MPFR_RNDN);
    if (mpfr_zero_p(t)) return true;
    if (mpfr_sgn(a) * mpfr_sgn(b) > 0) {
        if (mpfr_cmpabs(a, b) < 0) mpfr_abs(m, a, MPFR_RNDN);
        else mpfr_abs(m, b, MPFR_RNDN);
        mpfr_mul_2si(m, m, -(long)prec, MPFR_RNDN);
        if (mpfr_cmp(t, m) <= 0) return true;
    }
    mpfr_set_ui_2exp(m, 1, -2 * (long)prec, MPFR_RNDN);
    return mpfr_cmp(t, m) <= 0;
}

/* Moves x to at least tol = 2^-(prec+1) max(|a|, |b|) (or 2^-(2prec+1))
 * inside [a, b].  Near the root false position lands on, or within rounding
 * of, the end it is converging to; a step of tol past it crosses the root
 * and leaves a bracket narrow enough to stop, where otherwise the far end
 * would only come in by bisection. */
static void keep_off_ends(mpfr_t x, const mpfr_t a, const mpfr_t b, mpfr_t tol, mpfr_t t,
                          mpfr_prec_t prec)
{
    mpfr_srcptr lo = mpfr_cmp(a, b) < 0 ? a : b;
    mpfr_srcptr hi = mpfr_cmp(a, b) < 0 ? b : a;
    if (mpfr_cmpabs(a, b) > 0) mpfr_abs(tol, a, MPFR_RNDN);
    else mpfr_abs(tol, b, MPFR_RNDN);
    mpfr_mul_2si(tol, tol, -(long)prec - 1, MPFR_RNDN);
    mpfr_set_ui_2exp(t, 1, -2 * (long)prec - 1, MPFR_RNDN);
    if (mpfr_cmp(tol, t) < 0) mpfr_set(tol, t, MPFR_RNDN);
    mpfr_sub(t, hi, lo, MPFR_RNDN);
    mpfr_div_2ui(t, t, 2, MPFR_RNDN);
    if (mpfr_cmp(tol, t) > 0) mpfr_set(tol, t, MPFR_RNDN); /* never past the middle */
    mpfr_add(t, lo, tol, MPFR_RNDN);
    if (mpfr_cmp(x, t) < 0) {
        mpfr_set(x, t, MPFR_RNDN);
        return;
    }
    mpfr_sub(t, hi, tol, MPFR_RNDN);
    if (mpfr_cmp(x, t) > 0) mpfr_set(x, t, MPFR_RNDN);
}

cx_root_status cx_root_bracketed(mpfr_t root, cx_root_fn f, void *ud, const mpfr_t lo,
                                 const mpfr_t hi, mpfr_prec_t prec, size_t *evals)
{
    mpfr_prec_t w = prec + CX_ROOT_GUARD;
    mpfr_t a, b, fa, fb, ga, gb, x, fx, t, m, w0;
    mpfr_inits2(w, a, b, fa, fb, ga, gb, x, fx, t, m, w0, (mpfr_ptr)0);
    cx_root_status st = CX_ROOT_OK;
    mpfr_set(a, lo, MPFR_RNDN);
    mpfr_set(b, hi, MPFR_RNDN);
    if (!eval(f, ud, fa, a, evals) || !eval(f, ud, fb, b, evals)) {
        st = CX_ROOT_EVAL;
        goto out;
    }
    if (mpfr_zero_p(fa)) {
        mpfr_set(root, a, MPFR_RNDN);
        goto out;
    }
    if (mpfr_zero_p(fb)) {
        mpfr_set(root, b, MPFR_RNDN);
        goto out;
    }
    if (mpfr_sgn(fa) == mpfr_sgn(fb)) {
        st = CX_ROOT_NO_SIGN_CHANGE;
        goto out;
    }
    if (mpfr_sgn(a) * mpfr_sgn(b) < 0) {
        /* A bracket across 0 can only end on a relative width once 0 is
         * out of it; and a root exactly at 0 (a rate of 0%) should come
         * out as 0, not as a tiny number.  So look at 0 first. */
        mpfr_set_zero(x, 1);
        if (!eval(f, ud, fx, x, evals)) {
            st = CX_ROOT_EVAL;
            goto out;
        }
        if (mpfr_zero_p(fx)) {
            mpfr_set_zero(root, 1);
            goto out;
        }
        if (mpfr_sgn(fx) == mpfr_sgn(fa)) {
            mpfr_set_zero(a, 1);
            mpfr_set(fa, fx, MPFR_RNDN);
        } else {
            mpfr_set_zero(b, 1);
            mpfr_set(fb, fx, MPFR_RNDN);
        }
    }
    mpfr_set(ga, fa, MPFR_RNDN); /* the values false position uses (Illinois-scaled) */
    mpfr_set(gb, fb, MPFR_RNDN);
    mpfr_sub(w0, b, a, MPFR_RNDN);
    mpfr_abs(w0, w0, MPFR_RNDN);
    int kept = 0;   /* -1: the last step kept a, +1: it kept b */
    int window = 0; /* steps since the width was last measured */
    bool bisect = false;
    /* Each window of four steps at least halves the bracket, so the budget
     * covers halving from any width MPFR can hold down to 2^-2prec. */
    long budget = 8 * (long)w + 4 * (long)mpfr_get_emax() / (1L << 20) + 4000;
    bool done = false;
    for (long iter = 0; iter < budget; iter++) {
        if (narrow(a, b, t, m, prec)) {
            done = true;
            break;
        }
        if (!bisect) {
            /* x = b - gb (b - a) / (gb - ga), kept strictly inside (a, b). */
            mpfr_sub(t, b, a, MPFR_RNDN);
            mpfr_sub(m, gb, ga, MPFR_RNDN);
            mpfr_div(t, t, m, MPFR_RNDN);
            mpfr_mul(t, t, gb, MPFR_RNDN);
            mpfr_sub(x, b, t, MPFR_RNDN);
            if (!mpfr_number_p(x)) bisect = true;
            else keep_off_ends(x, a, b, t, m, prec);
        }
        if (bisect) {
            mpfr_add(x, a, b, MPFR_RNDN);
            mpfr_div_2ui(x, x, 1, MPFR_RNDN);
            kept = 0;
        }
        if (!eval(f, ud, fx, x, evals)) {
            st = CX_ROOT_EVAL;
            goto out;
        }
        if (mpfr_zero_p(fx)) {
            mpfr_set(a, x, MPFR_RNDN);
            mpfr_set(b, x, MPFR_RNDN);
            mpfr_set_zero(fa, 1);
            mpfr_set_zero(fb, 1);
            done = true;
            break;
        }
        if (mpfr_sgn(fx) == mpfr_sgn(fb)) {
            mpfr_set(b, x, MPFR_RNDN);
            mpfr_set(fb, fx, MPFR_RNDN);
            mpfr_set(gb, fx, MPFR_RNDN);
            if (kept == -1) mpfr_div_2ui(ga, ga, 1, MPFR_RNDN); /* a kept twice: Illinois */
            kept = -1;
        } else {
            mpfr_set(a, x, MPFR_RNDN);
            mpfr_set(fa, fx, MPFR_RNDN);
            mpfr_set(ga, fx, MPFR_RNDN);
            if (kept == 1) mpfr_div_2ui(gb, gb, 1, MPFR_RNDN);
            kept = 1;
        }
        bisect = false;
        if (++window == 3) {
            /* Three steps that did not halve the bracket: the interpolation
             * is stalling on one side, so the next step bisects. */
            mpfr_sub(t, b, a, MPFR_RNDN);
            mpfr_abs(t, t, MPFR_RNDN);
            mpfr_div_2ui(m, w0, 1, MPFR_RNDN);
            bisect = mpfr_cmp(t, m) > 0;
            mpfr_set(w0, t, MPFR_RNDN);
            window = 0;
        }
    }
    if (!done) {
        st = CX_ROOT_NO_CONVERGENCE;
        goto out;
    }
    mpfr_set(root, mpfr_cmpabs(fa, fb) <= 0 ? a : b, MPFR_RNDN);
out:
    mpfr_clears(a, b, fa, fb, ga, gb, x, fx, t, m, w0, (mpfr_ptr)0);
    return st;
}

void cx_root_brackets_free(cx_root_bracket *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        mpfr_clear(b[i].a);
        mpfr_clear(b[i].b);
    }
    free(b);
}

/* Appends [a, b] to the growing array; false on allocation failure. */
static bool push_bracket(cx_root_bracket **arr, size_t *n, size_t *cap, const mpfr_t a,
                         const mpfr_t b, mpfr_prec_t w)
{
    if (!CX_GROW(*arr, *cap, *n, 4)) return false;
    cx_root_bracket *r = &(*arr)[(*n)++];
    mpfr_init2(r->a, w);
    mpfr_init2(r->b, w);
    mpfr_set(r->a, a, MPFR_RNDN);
    mpfr_set(r->b, b, MPFR_RNDN);
    return true;
}

cx_root_status cx_root_scan(cx_root_bracket **out, size_t *n, cx_root_fn f, void *ud,
                            const mpfr_t lo, const mpfr_t hi, size_t steps, mpfr_prec_t prec)
{
    mpfr_prec_t w = prec + CX_ROOT_GUARD;
    *out = NULL;
    *n = 0;
    if (steps == 0) steps = 1;
    size_t cap = 0;
    cx_root_status st = CX_ROOT_OK;
    mpfr_t x, px, y, span;
    mpfr_inits2(w, x, px, y, span, (mpfr_ptr)0);
    mpfr_sub(span, hi, lo, MPFR_RNDN);
    int prev = 0; /* sign of f at the previous sample; 0 after an exact zero */
    for (size_t k = 0; k <= steps; k++) {
        /* x = lo + span * k / steps, computed afresh each time so rounding
         * does not accumulate along the grid. */
        if (k == steps) {
            mpfr_set(x, hi, MPFR_RNDN);
        } else {
            mpfr_mul_ui(x, span, (unsigned long)k, MPFR_RNDN);
            mpfr_div_ui(x, x, (unsigned long)steps, MPFR_RNDN);
            mpfr_add(x, x, lo, MPFR_RNDN);
        }
        if (!eval(f, ud, y, x, NULL)) {
            st = CX_ROOT_EVAL;
            break;
        }
        int s = mpfr_sgn(y);
        if (s == 0) {
            if (!push_bracket(out, n, &cap, x, x, w)) {
                st = CX_ROOT_NOMEM;
                break;
            }
        } else if (prev != 0 && s != prev) {
            if (!push_bracket(out, n, &cap, px, x, w)) {
                st = CX_ROOT_NOMEM;
                break;
            }
        }
        prev = s;
        mpfr_set(px, x, MPFR_RNDN);
    }
    mpfr_clears(x, px, y, span, (mpfr_ptr)0);
    if (st != CX_ROOT_OK) {
        cx_root_brackets_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return st;
}

void cx_root_values_free(mpfr_t *roots, size_t n)
{
    for (size_t i = 0; i < n; i++) mpfr_clear(roots[i]);
    free(roots);
}

cx_root_status cx_root_all(mpfr_t **roots, size_t *n, cx_root_fn f, void *ud, const mpfr_t lo,
                           const mpfr_t hi, size_t steps, mpfr_prec_t prec)
{
    cx_root_bracket *br;
    size_t nb;
    *roots = NULL;
    *n = 0;
    cx_root_status st = cx_root_scan(&br, &nb, f, ud, lo, hi, steps, prec);
    if (st != CX_ROOT_OK) return st;
    mpfr_t *r = nb ? malloc(nb * sizeof *r) : NULL;
    if (nb && !r) {
        cx_root_brackets_free(br, nb);
        return CX_ROOT_NOMEM;
    }
    size_t k = 0;
    for (; k < nb; k++) {
        mpfr_init2(r[k], prec);
        st = cx_root_bracketed(r[k], f, ud, br[k].a, br[k].b, prec, NULL);
        if (st != CX_ROOT_OK) {
            k++;
            break;
        }
    }
    cx_root_brackets_free(br, nb);
    if (st != CX_ROOT_OK) {
        cx_root_values_free(r, k);
        return st;
    }
    *roots = r;
    *n = nb;
    return CX_ROOT_OK;
}
