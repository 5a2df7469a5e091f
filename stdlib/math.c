/* math.c - the numeric built-ins: abs, floor, ceil, round (of a number, or
 * item by item of a list or a series), sqrt, exp, ln, min and max.  The
 * arithmetic itself (exactness, approximation, limits) is number.c's; this
 * file checks arguments and reports failures. */
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

/* ==== abs, floor, ceil, round: a number, or item by item ================= */

/* One item's rounding: the function and, for round, its places. */
typedef struct item_fn {
    unary_ctx_fn f; /* NULL: round to `places` */
    long places;
} item_fn;

static cx_num_status apply_item(const item_fn *m, cx_num *out, const cx_num *x,
                                const cx_num_ctx *ctx)
{
    return m->f ? m->f(out, x, ctx) : cx_num_round(out, x, m->places, ctx);
}

static cx_status map_list(cx_call *c, cx_value *out, const cx_list *l, const item_fn *m)
{
    cx_list *r = cx_list_new(l->len);
    if (!r) return cx_call_oom(c);
    cx_value item;
    cx_value_init(&item);
    cx_num y;
    cx_num_init(&y);
    cx_status st = CX_OK;
    for (size_t i = 0; i < l->len && st == CX_OK; i++) {
        const cx_value *it = &l->items[i];
        if (it->kind != CX_VAL_NUM) {
            st = cx_call_error(c, 0, CX_E_TYPE_ARG,
                               "%s expects numbers, but item %zu of the list is %s", c->name, i + 1,
                               cx_arg_kind_phrase(it));
            break;
        }
        cx_num_status ns = apply_item(m, &y, &it->u.num, cx_call_num_ctx(c));
        if (ns != CX_NUM_OK) st = cx_call_num_error(c, 0, ns);
        else {
            cx_value_take_num(&item, &y);
            if (!cx_list_push_take(r, &item)) st = cx_call_oom(c);
        }
    }
    cx_num_clear(&y);
    cx_value_clear(&item);
    if (st == CX_OK) cx_value_take_list(out, r);
    else cx_list_unref(r);
    return st;
}

static cx_status map_series(cx_call *c, cx_value *out, const cx_series *s, const item_fn *m)
{
    cx_series *r = cx_series_new(s->freq);
    if (!r) return cx_call_oom(c);
    cx_num y;
    cx_num_init(&y);
    cx_status st = CX_OK;
    for (size_t i = 0; i < s->len && st == CX_OK; i++) {
        cx_num_status ns = apply_item(m, &y, &s->vals[i], cx_call_num_ctx(c));
        if (ns != CX_NUM_OK) st = cx_call_num_error(c, 0, ns);
        else if (!cx_series_set(r, s->ords[i], &y, (size_t)-1)) st = cx_call_oom(c);
    }
    cx_num_clear(&y);
    if (st == CX_OK) cx_value_take_series(out, r);
    else cx_series_unref(r);
    return st;
}

/* m over argument 0: a number gives a number, a list of numbers a list and
 * a series a series over the same periods.  Anything else is refused with
 * the standard "expects a number" message. */
static cx_status map_arg0(cx_call *c, cx_value *out, const item_fn *m)
{
    const cx_value *a = &c->args[0];
    if (a->kind == CX_VAL_LIST) return map_list(c, out, a->u.list, m);
    if (a->kind == CX_VAL_SERIES) return map_series(c, out, a->u.series, m);
    const cx_num *x = cx_arg_num(c, 0);
    if (!x) return CX_FAIL;
    cx_num r;
    cx_num_init(&r);
    cx_num_status st = apply_item(m, &r, x, cx_call_num_ctx(c));
    if (st == CX_NUM_OK) cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return st == CX_NUM_OK ? CX_OK : cx_call_num_error(c, m->f ? 0 : -1, st);
}

static cx_num_status abs_of(cx_num *out, const cx_num *a, const cx_num_ctx *ctx)
{
    (void)ctx;
    cx_num_abs(out, a);
    return CX_NUM_OK;
}

cx_status cx_fn_abs(cx_call *c, cx_value *out)
{
    item_fn m = {abs_of, 0};
    return map_arg0(c, out, &m);
}

cx_status cx_fn_floor(cx_call *c, cx_value *out)
{
    item_fn m = {cx_num_floor, 0};
    return map_arg0(c, out, &m);
}

cx_status cx_fn_ceil(cx_call *c, cx_value *out)
{
    item_fn m = {cx_num_ceil, 0};
    return map_arg0(c, out, &m);
}

cx_status cx_fn_sqrt(cx_call *c, cx_value *out) { return unary(c, out, cx_num_sqrt); }
cx_status cx_fn_exp(cx_call *c, cx_value *out) { return unary(c, out, cx_num_exp); }
cx_status cx_fn_ln(cx_call *c, cx_value *out) { return unary(c, out, cx_num_ln); }

cx_status cx_fn_round(cx_call *c, cx_value *out)
{
    item_fn m = {NULL, 0};
    const cx_value *a = &c->args[0];
    if (a->kind != CX_VAL_LIST && a->kind != CX_VAL_SERIES && !cx_arg_num(c, 0)) return CX_FAIL;
    /* number.c keeps absurd place counts cheap (round(0.5, 10^12) is 0.5), so
     * any whole number is accepted here. */
    if (!cx_arg_long(c, 1, -LONG_MAX, LONG_MAX, 0, "a whole number of decimal places", &m.places))
        return CX_FAIL;
    return map_arg0(c, out, &m);
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
