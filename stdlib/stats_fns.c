/* stats_fns.c - statistics over a list, a series, a range or several
 * numbers: median, percentile (Excel's PERCENTILE.INC), sort, the sample and
 * population variance and standard deviation; and all / any over booleans.
 * Every result is exact for exact inputs, except a standard deviation whose
 * variance is not the square of a rational: that is number.c's sqrt, marked
 * approximate.  The numbers are read with cx_args_each_num (args.c), so the
 * argument forms and their errors are those of sum and avg. */
#include <stdlib.h>
#include "../runtime/format.h"
#include "../runtime/grow.h"
#include "args.h"
#include "builtins.h"

/* ==== the numbers of a call, kept ========================================= */

/* Copies of the numbers an aggregate reads, in the order read. */
typedef struct numvec {
    cx_num *v;
    size_t len, cap;
} numvec;

static cx_status keep_num(cx_call *c, void *ud, const cx_num *x, size_t index)
{
    (void)index;
    numvec *nv = ud;
    if (!CX_GROW(nv->v, nv->cap, nv->len, 16)) return cx_call_oom(c);
    cx_num_init(&nv->v[nv->len]);
    cx_num_set(&nv->v[nv->len], x);
    nv->len++;
    return CX_OK;
}

static void numvec_clear(numvec *nv)
{
    for (size_t i = 0; i < nv->len; i++) cx_num_clear(&nv->v[i]);
    free(nv->v);
    nv->v = NULL;
    nv->len = nv->cap = 0;
}

/* The numbers of the call's first `nargs` arguments, read as an aggregate
 * (one list, series or range, or several numbers).  A call record holds
 * only pointers, so a shortened copy of it is safe. */
static cx_status collect(cx_call *c, size_t nargs, numvec *nv)
{
    cx_call sub = *c;
    sub.n = nargs;
    return cx_args_each_num(&sub, keep_num, nv, NULL);
}

static cx_status empty_error(cx_call *c, const char *why)
{
    return cx_call_error(c, 0, CX_E_MATH_EMPTY, "%s of nothing: the %s is empty%s", c->name,
                         cx_value_kind_name(c->args[0].kind), why);
}

/* ==== sorting ============================================================= */

/* One number and where it was read, so equal numbers keep their order (a
 * stable sort on top of qsort); dir is +1 ascending, -1 descending. */
typedef struct sort_item {
    const cx_num *x;
    size_t at;
    int dir;
} sort_item;

static int by_value(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    int c = cx_num_cmp(a->x, b->x);
    c = (c > 0) - (c < 0);
    if (c != 0) return c * a->dir;
    return (a->at > b->at) - (a->at < b->at);
}

/* The numbers of nv in order (dir +1 ascending, -1 descending), as pointers
 * into nv; malloc'ed, NULL when out of memory (or nv empty). */
static const cx_num **sorted(const numvec *nv, int dir)
{
    if (nv->len == 0) return NULL;
    sort_item *items = malloc(nv->len * sizeof *items);
    const cx_num **out = malloc(nv->len * sizeof *out);
    if (items && out) {
        for (size_t i = 0; i < nv->len; i++) items[i] = (sort_item){&nv->v[i], i, dir};
        qsort(items, nv->len, sizeof *items, by_value);
        for (size_t i = 0; i < nv->len; i++) out[i] = items[i].x;
    } else {
        free(out);
        out = NULL;
    }
    free(items);
    return out;
}

cx_status cx_fn_sort(cx_call *c, cx_value *out)
{
    numvec nv = {0};
    bool desc = false;
    size_t nargs = c->n;
    /* sort(xs, true): a boolean second argument after one aggregate asks
     * for descending order; sort(3, 1, 2) sorts its arguments. */
    cx_val_kind k0 = c->args[0].kind;
    if (c->n == 2 && c->args[1].kind == CX_VAL_BOOL) {
        desc = c->args[1].u.b;
        nargs = 1;
    } else if (c->n == 2 && (k0 == CX_VAL_LIST || k0 == CX_VAL_SERIES || k0 == CX_VAL_RANGE)) {
        return cx_call_error(c, 1, CX_E_TYPE_ARG,
                             "sort expects true (descending) or false as argument 2, got %s",
                             cx_arg_kind_phrase(&c->args[1]));
    }
    cx_status st = collect(c, nargs, &nv);
    if (st != CX_OK) goto out;
    cx_list *l = cx_list_new(nv.len);
    const cx_num **order = sorted(&nv, desc ? -1 : 1);
    if (!l || (nv.len > 0 && !order)) {
        if (l) cx_list_unref(l);
        free(order);
        st = cx_call_oom(c);
        goto out;
    }
    cx_value item;
    cx_value_init(&item);
    for (size_t i = 0; i < nv.len && st == CX_OK; i++) {
        cx_value_set_num(&item, order[i]);
        if (!cx_list_push_take(l, &item)) st = cx_call_oom(c);
    }
    cx_value_clear(&item);
    free(order);
    if (st == CX_OK) cx_value_take_list(out, l);
    else cx_list_unref(l);
out:
    numvec_clear(&nv);
    return st;
}

/* ==== median, percentile ================================================== */

cx_status cx_fn_median(cx_call *c, cx_value *out)
{
    numvec nv = {0};
    const cx_num **order = NULL;
    cx_num m;
    cx_num_init(&m);
    cx_status st = collect(c, c->n, &nv);
    if (st != CX_OK) goto out;
    if (nv.len == 0) {
        st = empty_error(c, " (the median needs at least one number)");
        goto out;
    }
    if (!(order = sorted(&nv, 1))) {
        st = cx_call_oom(c);
        goto out;
    }
    size_t n = nv.len;
    if (n % 2 == 1) {
        cx_num_set(&m, order[n / 2]);
    } else { /* the mean of the two middle numbers */
        const cx_num_ctx *ctx = cx_call_num_ctx(c);
        cx_num two;
        cx_num_init(&two);
        cx_num_set_si(&two, 2);
        cx_num_status ns = cx_num_add(&m, order[n / 2 - 1], order[n / 2], ctx);
        if (ns == CX_NUM_OK) ns = cx_num_div(&m, &m, &two, ctx);
        cx_num_clear(&two);
        if (ns != CX_NUM_OK) {
            st = cx_call_num_error(c, -1, ns);
            goto out;
        }
    }
    cx_value_take_num(out, &m);
out:
    free(order);
    cx_num_clear(&m);
    numvec_clear(&nv);
    return st;
}

/* floor(h) for 0 <= h < 2^63 as an index; h may be approximate. */
static size_t index_floor(const cx_num *h, const cx_num_ctx *ctx)
{
    int64_t k = 0;
    if (cx_num_is_exact(h)) {
        cx_num f;
        cx_num_init(&f);
        if (cx_num_floor(&f, h, ctx) == CX_NUM_OK) cx_num_get_si(&f, &k);
        cx_num_clear(&f);
    } else {
        mpfr_t t;
        mpfr_init2(t, mpfr_get_prec(h->u.f));
        cx_num_get_mpfr(h, t);
        k = (int64_t)mpfr_get_si(t, MPFR_RNDD);
        mpfr_clear(t);
    }
    return k < 0 ? 0 : (size_t)k;
}

/* Excel's PERCENTILE.INC: with the n numbers sorted x[0..n-1] and
 * h = (n - 1) p, the value x[floor h] + (h - floor h)(x[floor h + 1] -
 * x[floor h]).  p = 0 is the smallest, p = 1 the largest, p = 0.5 the
 * median. */
cx_status cx_fn_percentile(cx_call *c, cx_value *out)
{
    const cx_num *p = cx_arg_num(c, 1);
    if (!p) return CX_FAIL;
    cx_num zero, one;
    cx_num_init(&zero);
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    bool in_range = cx_num_cmp(p, &zero) >= 0 && cx_num_cmp(p, &one) <= 0;
    cx_num_clear(&zero);
    cx_num_clear(&one);
    if (!in_range) {
        char *shown = cx_num_bits(p) <= 256 ? cx_fmt_number(p, cx_call_digits(c), true) : NULL;
        cx_call_error(c, 1, CX_E_MATH_ARG_RANGE,
                      "percentile: p must be from 0 to 1 (0%% to 100%%), got %s",
                      shown ? shown : "a number outside that range");
        free(shown);
        return CX_FAIL;
    }
    numvec nv = {0};
    const cx_num **order = NULL;
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_num h, frac, r;
    cx_num_init(&h);
    cx_num_init(&frac);
    cx_num_init(&r);
    cx_num_status ns = CX_NUM_OK;
    cx_status st = collect(c, 1, &nv);
    if (st != CX_OK) goto out;
    if (nv.len == 0) {
        st = empty_error(c, " (a percentile needs at least one number)");
        goto out;
    }
    if (!(order = sorted(&nv, 1))) {
        st = cx_call_oom(c);
        goto out;
    }
    cx_num_set_si(&h, (int64_t)nv.len - 1);
    if ((ns = cx_num_mul(&h, &h, p, ctx)) != CX_NUM_OK) goto out;
    size_t k = index_floor(&h, ctx);
    if (k >= nv.len - 1) k = nv.len - 1;
    cx_num_set_si(&frac, (int64_t)k);
    if ((ns = cx_num_sub(&frac, &h, &frac, ctx)) != CX_NUM_OK) goto out;
    /* An exact zero fraction is the k-th number itself, exactly: no
     * arithmetic with a neighbour that may be approximate. */
    if (k + 1 >= nv.len || (cx_num_is_exact(&frac) && cx_num_is_zero(&frac))) {
        cx_num_set(&r, order[k]);
    } else {
        if ((ns = cx_num_sub(&r, order[k + 1], order[k], ctx)) != CX_NUM_OK) goto out;
        if ((ns = cx_num_mul(&r, &r, &frac, ctx)) != CX_NUM_OK) goto out;
        if ((ns = cx_num_add(&r, &r, order[k], ctx)) != CX_NUM_OK) goto out;
    }
    cx_value_take_num(out, &r);
out:
    if (ns != CX_NUM_OK) st = cx_call_num_error(c, -1, ns);
    free(order);
    cx_num_clear(&h);
    cx_num_clear(&frac);
    cx_num_clear(&r);
    numvec_clear(&nv);
    return st;
}

/* ==== var, varp, stdev, stdevp ============================================ */

/* The variance of the call's numbers: the sum of squared deviations from
 * the mean over n - 1 (sample) or n (population).  Two passes, so an
 * approximate input loses no digits to cancellation; exact inputs give the
 * exact rational. */
static cx_status variance(cx_call *c, bool sample, const char *what, cx_num *out)
{
    numvec nv = {0};
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    cx_num mean, d, n;
    cx_num_init(&mean);
    cx_num_init(&d);
    cx_num_init(&n);
    cx_num_status ns = CX_NUM_OK;
    cx_status st = collect(c, c->n, &nv);
    if (st != CX_OK) goto out;
    if (nv.len == 0) {
        st = empty_error(c, sample ? " (the sample variance needs at least two numbers)"
                                   : " (the variance needs at least one number)");
        goto out;
    }
    if (sample && nv.len < 2) {
        st = cx_call_error(c, 0, CX_E_MATH_TOO_FEW,
                           "%s needs at least two numbers, got one: the sample %s divides by "
                           "n - 1 (for a whole population use %sp, which is 0 here)",
                           c->name, what, c->name);
        goto out;
    }
    for (size_t i = 0; i < nv.len; i++)
        if ((ns = cx_num_add(&mean, &mean, &nv.v[i], ctx)) != CX_NUM_OK) goto out;
    cx_num_set_si(&n, (int64_t)nv.len);
    if ((ns = cx_num_div(&mean, &mean, &n, ctx)) != CX_NUM_OK) goto out;
    cx_num_set_si(out, 0);
    for (size_t i = 0; i < nv.len; i++) {
        if ((ns = cx_num_sub(&d, &nv.v[i], &mean, ctx)) != CX_NUM_OK) goto out;
        if ((ns = cx_num_mul(&d, &d, &d, ctx)) != CX_NUM_OK) goto out;
        if ((ns = cx_num_add(out, out, &d, ctx)) != CX_NUM_OK) goto out;
    }
    cx_num_set_si(&n, (int64_t)nv.len - (sample ? 1 : 0));
    ns = cx_num_div(out, out, &n, ctx);
out:
    if (ns != CX_NUM_OK) st = cx_call_num_error(c, -1, ns);
    cx_num_clear(&mean);
    cx_num_clear(&d);
    cx_num_clear(&n);
    numvec_clear(&nv);
    return st;
}

static cx_status var_result(cx_call *c, cx_value *out, bool sample, bool root)
{
    cx_num v;
    cx_num_init(&v);
    cx_status st = variance(c, sample, root ? "standard deviation" : "variance", &v);
    if (st == CX_OK && root) {
        /* Exact when the variance is the square of a rational (number.c). */
        cx_num_status ns = cx_num_sqrt(&v, &v, cx_call_num_ctx(c));
        if (ns != CX_NUM_OK) st = cx_call_num_error(c, -1, ns);
    }
    if (st == CX_OK) cx_value_take_num(out, &v);
    cx_num_clear(&v);
    return st;
}

cx_status cx_fn_var(cx_call *c, cx_value *out) { return var_result(c, out, true, false); }
cx_status cx_fn_varp(cx_call *c, cx_value *out) { return var_result(c, out, false, false); }
cx_status cx_fn_stdev(cx_call *c, cx_value *out) { return var_result(c, out, true, true); }
cx_status cx_fn_stdevp(cx_call *c, cx_value *out) { return var_result(c, out, false, true); }

/* ==== all, any ============================================================ */

/* Every item must be a boolean, even after the answer is known: a number
 * in the list is a mistake to report, not a value to skip. */
static cx_status all_any(cx_call *c, cx_value *out, bool want_all)
{
    const cx_value *items = c->args;
    size_t n = c->n;
    bool in_list = c->n == 1 && c->args[0].kind == CX_VAL_LIST;
    if (in_list) {
        items = c->args[0].u.list->items;
        n = c->args[0].u.list->len;
    }
    bool acc = want_all;
    for (size_t i = 0; i < n; i++) {
        const cx_value *v = &items[i];
        if (v->kind != CX_VAL_BOOL) {
            cx_error *e =
                in_list ? cx_diag_add(c->diag, CX_E_TYPE_ARG, c->arg_spans[0],
                                      "%s expects booleans (true or false), but item %zu of the "
                                      "list is %s",
                                      c->name, i + 1, cx_arg_kind_phrase(v))
                        : cx_diag_add(c->diag, CX_E_TYPE_ARG, c->arg_spans[i],
                                      "%s expects a list of booleans or several booleans; "
                                      "argument %zu is %s",
                                      c->name, i + 1, cx_arg_kind_phrase(v));
            if (e) cx_error_set_hint(e, "compare to get a boolean: %s(x > 0 for x in xs)", c->name);
            return CX_FAIL;
        }
        acc = want_all ? acc && v->u.b : acc || v->u.b;
    }
    cx_value_set_bool(out, acc);
    return CX_OK;
}

cx_status cx_fn_all(cx_call *c, cx_value *out) { return all_any(c, out, true); }
cx_status cx_fn_any(cx_call *c, cx_value *out) { return all_any(c, out, false); }
