/* math.c - the numeric built-ins: abs, floor, ceil, round, sqrt, exp, ln,
 * min and max.  The arithmetic itself (exactness, approximation, limits) is
 * number.c's; this file checks arguments and reports failures. */
#include <limits.h>
#include "args.h"
#include "builtins.h"

typedef cx_num_status (*unary_ctx_fn)(cx_num *out, const cx_num *a, const cx_num_ctx *ctx);

/* f(x) for one number argument, with f's failure reported at the argument. */
static cx_status unary(cx_call *c, cx_value *out, unary_ctx_fn f)
{
    const cx_num *x = cx_arg_num(c, 0);
    if (!x) return CX_FAIL;
    cx_num r;
    cx_num_init(&r);
    cx_num_status st = f(&r, x, cx_call_num_ctx(c));
    if (st == CX_NUM_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, 0, st);
}

cx_status cx_fn_abs(cx_call *c, cx_value *out)
{
    const cx_num *x = cx_arg_num(c, 0);
    if (!x) return CX_FAIL;
    cx_num r;
    cx_num_init(&r);
    cx_num_abs(&r, x);
    cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return CX_OK;
}

cx_status cx_fn_floor(cx_call *c, cx_value *out) { return unary(c, out, cx_num_floor); }
cx_status cx_fn_ceil(cx_call *c, cx_value *out) { return unary(c, out, cx_num_ceil); }
cx_status cx_fn_sqrt(cx_call *c, cx_value *out) { return unary(c, out, cx_num_sqrt); }
cx_status cx_fn_exp(cx_call *c, cx_value *out) { return unary(c, out, cx_num_exp); }
cx_status cx_fn_ln(cx_call *c, cx_value *out) { return unary(c, out, cx_num_ln); }

cx_status cx_fn_round(cx_call *c, cx_value *out)
{
    const cx_num *x = cx_arg_num(c, 0);
    long places;
    if (!x) return CX_FAIL;
    /* number.c keeps absurd place counts cheap (round(0.5, 10^12) is 0.5), so
     * any whole number is accepted here. */
    if (!cx_arg_long(c, 1, -LONG_MAX, LONG_MAX, 0, "a whole number of decimal places", &places))
        return CX_FAIL;
    cx_num r;
    cx_num_init(&r);
    cx_num_status st = cx_num_round(&r, x, places, cx_call_num_ctx(c));
    if (st == CX_NUM_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, -1, st);
}

/* ==== min and max ======================================================== */

typedef struct extreme {
    int want; /* -1: smallest, +1: largest */
    cx_num best;
} extreme;

static cx_status keep_extreme(cx_call *c, void *ud, const cx_num *x, size_t index)
{
    (void)c;
    extreme *e = ud;
    /* Ties keep the first: min(1, 1.0) shows the value as first written. */
    if (index == 0 || cx_num_cmp(x, &e->best) * e->want > 0) cx_num_set(&e->best, x);
    return CX_OK;
}

static cx_status min_max(cx_call *c, cx_value *out, int want)
{
    extreme e;
    e.want = want;
    cx_num_init(&e.best);
    cx_status st = CX_OK;
    size_t n = 0;
    const cx_value *a = &c->args[0];
    cx_num count;
    cx_num_init(&count);
    cx_num_status ns = CX_NUM_OK;
    /* An exact range in closed form: its first item is the smallest and
     * its last the largest, without walking a billion items. */
    if (c->n == 1 && a->kind == CX_VAL_RANGE &&
        cx_range_closed(a->u.range, &count, &e.best, cx_call_num_ctx(c), &ns)) {
        if (ns != CX_NUM_OK) {
            st = cx_call_num_error(c, 0, ns);
            goto out;
        }
        n = cx_num_is_zero(&count) ? 0 : 1;
        if (want < 0) cx_num_set(&e.best, &a->u.range->lo);
    } else {
        st = cx_args_each_num(c, keep_extreme, &e, &n);
        if (st != CX_OK) goto out;
    }
    if (n == 0) {
        st = cx_call_error(c, 0, CX_E_MATH_EMPTY, "%s of nothing: the %s is empty", c->name,
                           cx_value_kind_name(a->kind));
        goto out;
    }
    cx_value_take_num(out, &e.best);
out:
    cx_num_clear(&count);
    cx_num_clear(&e.best);
    return st;
}

cx_status cx_fn_min(cx_call *c, cx_value *out) { return min_max(c, out, -1); }
cx_status cx_fn_max(cx_call *c, cx_value *out) { return min_max(c, out, +1); }
