/* args.c - the calling convention of built-ins (args.h): errors at an
 * argument or at the call, the services the call record carries, typed
 * argument access with the standard messages, and the walk over the
 * numbers of an aggregate (a list, a series, a range in closed form). */
#include "args.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/format.h"
#include "../runtime/limits.h"

/* ==== errors and services =============================================== */

static cx_span arg_span(const cx_call *c, int arg)
{
    return arg >= 0 && (size_t)arg < c->n ? c->arg_spans[arg] : c->span;
}

cx_status cx_call_error(cx_call *c, int arg, cx_err_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cx_diag_vadd(c->diag, code, arg_span(c, arg), fmt, ap);
    va_end(ap);
    return CX_FAIL;
}

cx_status cx_call_num_error(cx_call *c, int arg, cx_num_status st)
{
    return cx_num_error(c->diag, st, arg_span(c, arg), c->opt->max_result_digits);
}

const cx_num_ctx *cx_call_num_ctx(const cx_call *c) { return c->nctx; }
int cx_call_digits(const cx_call *c) { return c->opt->digits; }
long cx_call_max_series(const cx_call *c) { return c->opt->max_series; }

void cx_call_note(cx_call *c, const char *fmt, ...)
{
    if (c->note) return;
    va_list ap;
    va_start(ap, fmt);
    c->note = cx_vstrdupf(fmt, ap);
    va_end(ap);
    if (!c->note) c->note_lost = true;
}

int cx_call_poll(void *c) { return cx_call_step(c) != CX_OK; }

cx_status cx_call_step(cx_call *c)
{
    if (!c->budget) return CX_OK;
    cx_budget_status s = cx_budget_step(c->budget);
    return s == CX_BUDGET_OK ? CX_OK : cx_budget_error(c->diag, c->budget, s, c->span);
}

/* ==== arguments =========================================================== */

const char *cx_arg_kind_phrase(const cx_value *v)
{
    switch (v->kind) {
    case CX_VAL_NONE: return "nothing";
    case CX_VAL_NUM: return "a number";
    case CX_VAL_BOOL: return "a boolean";
    case CX_VAL_STR: return "a string";
    case CX_VAL_PERIOD: return "a period";
    case CX_VAL_LIST: return "a list";
    case CX_VAL_SERIES: return "a series";
    case CX_VAL_RANGE: return "a range";
    case CX_VAL_FUNC: return "a function";
    case CX_VAL_BOUND: return "a bound (a range of possible values)";
    }
    return "a value";
}

cx_status cx_call_oom(cx_call *c)
{
    return cx_call_error(c, -1, CX_E_LIMIT_MEMORY, "out of memory");
}

char *cx_call_periods_text(cx_call *c, const cx_series *s)
{
    char *t = s->len ? cx_series_periods_text(s, 8) : strdup("no periods");
    if (!t) cx_call_oom(c);
    return t;
}

/* What an argument was, for "expects X, got Y": a number of reasonable size
 * is shown (the reader sees 2,025.5 rather than "a number"), anything else
 * is named by its kind. */
static cx_status wrong_arg(cx_call *c, size_t i, const char *expected)
{
    const cx_value *v = &c->args[i];
    bool show = v->kind == CX_VAL_NUM && cx_num_bits(&v->u.num) <= 256;
    char *shown = show ? cx_fmt_number(&v->u.num, cx_call_digits(c), true) : NULL;
    if (show && !shown) return cx_call_oom(c);
    cx_call_error(c, (int)i, CX_E_TYPE_ARG, "%s expects %s as argument %zu, got %s", c->name,
                  expected, i + 1, shown ? shown : cx_arg_kind_phrase(v));
    free(shown);
    return CX_FAIL;
}

const cx_num *cx_arg_num(cx_call *c, size_t i)
{
    const cx_value *v = &c->args[i];
    if (v->kind == CX_VAL_NUM) return &v->u.num;
    wrong_arg(c, i, "a number");
    return NULL;
}

const cx_num *cx_arg_num_or(cx_call *c, size_t i, const cx_num *dflt)
{
    return i < c->n ? cx_arg_num(c, i) : dflt;
}

bool cx_arg_flag(cx_call *c, size_t i, bool dflt, bool *out)
{
    if (i >= c->n) {
        *out = dflt;
        return true;
    }
    const cx_value *v = &c->args[i];
    int64_t x;
    if (v->kind == CX_VAL_BOOL) {
        *out = v->u.b;
        return true;
    }
    if (v->kind == CX_VAL_NUM && cx_num_get_si(&v->u.num, &x) && (x == 0 || x == 1)) {
        *out = x == 1;
        return true;
    }
    wrong_arg(c, i, "true or false (or 1 or 0)");
    return false;
}

const char *cx_arg_text_or(cx_call *c, size_t i, const char *dflt)
{
    if (i >= c->n) return dflt;
    const cx_value *v = &c->args[i];
    if (v->kind == CX_VAL_STR) return v->u.str->data;
    wrong_arg(c, i, "a string");
    return NULL;
}

const cx_series *cx_arg_series(cx_call *c, size_t i)
{
    const cx_value *v = &c->args[i];
    if (v->kind == CX_VAL_SERIES) return v->u.series;
    wrong_arg(c, i, "a series");
    return NULL;
}

bool cx_arg_long(cx_call *c, size_t i, long lo, long hi, long dflt, const char *what, long *out)
{
    if (i >= c->n) {
        *out = dflt;
        return true;
    }
    const cx_value *v = &c->args[i];
    int64_t x;
    if (v->kind == CX_VAL_NUM && cx_num_get_si(&v->u.num, &x) && x >= lo && x <= hi) {
        *out = (long)x;
        return true;
    }
    wrong_arg(c, i, what);
    return false;
}

bool cx_arg_period(cx_call *c, size_t i, cx_period *out)
{
    const cx_value *v = &c->args[i];
    int64_t y;
    if (v->kind == CX_VAL_PERIOD) {
        *out = v->u.period;
        return true;
    }
    if (v->kind == CX_VAL_NUM && cx_num_get_si(&v->u.num, &y) && cx_period_from_year(y, out))
        return true;
    wrong_arg(
        c, i,
        "a period or a year from " CX_STR(CX_PERIOD_MIN_YEAR) " to " CX_STR(CX_PERIOD_MAX_YEAR));
    return false;
}

cx_status cx_arg_no_period(cx_call *c, int arg, const cx_series *s, int64_t ord, const char *what)
{
    char pb[32];
    cx_period p = {s->freq, ord};
    cx_period_format(&p, pb, sizeof pb);
    char *have = cx_call_periods_text(c, s);
    if (!have) return CX_FAIL;
    cx_call_error(c, arg, CX_E_NAME_NO_PERIOD,
                  "%s needs %s, but the series has no value for %s; it has values for %s", c->name,
                  what, pb, have);
    free(have);
    return CX_FAIL;
}

cx_status cx_arg_positive(cx_call *c, size_t i, const char *what, const cx_num **out)
{
    const cx_value *v = &c->args[i];
    if (v->kind == CX_VAL_NUM && cx_num_sgn(&v->u.num) > 0) {
        *out = &v->u.num;
        return CX_OK;
    }
    return wrong_arg(c, i, what);
}

cx_status cx_ret_text(cx_call *c, cx_value *out, char *s)
{
    bool ok = s && cx_value_set_str(out, s, strlen(s));
    free(s);
    return ok ? CX_OK : cx_call_oom(c);
}

bool cx_range_closed(const cx_range *r, cx_num *n, cx_num *last, const cx_num_ctx *ctx,
                     cx_num_status *st)
{
    *st = CX_NUM_OK;
    if (r->of_periods || !cx_num_is_exact(&r->lo) || !cx_num_is_exact(&r->hi) ||
        !cx_num_is_exact(&r->step) || cx_num_sgn(&r->step) <= 0)
        return false;
    if (cx_num_cmp(&r->hi, &r->lo) < 0) {
        cx_num_set_si(n, 0);
        return true;
    }
    /* k = floor((hi - lo) / step) steps fit, so there are k + 1 items and the
     * last is lo + k * step: the same values a walk would produce. */
    cx_num k;
    cx_num_init(&k);
    if ((*st = cx_num_sub(&k, &r->hi, &r->lo, ctx)) != CX_NUM_OK) goto out;
    if ((*st = cx_num_div(&k, &k, &r->step, ctx)) != CX_NUM_OK) goto out;
    if ((*st = cx_num_floor(&k, &k, ctx)) != CX_NUM_OK) goto out;
    if (last) {
        if ((*st = cx_num_mul(last, &k, &r->step, ctx)) != CX_NUM_OK) goto out;
        if ((*st = cx_num_add(last, last, &r->lo, ctx)) != CX_NUM_OK) goto out;
    }
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    *st = cx_num_add(n, &k, &one, ctx);
    cx_num_clear(&one);
out:
    cx_num_clear(&k);
    return true;
}

static cx_status walk_range(cx_call *c, const cx_range *r, cx_num_visit fn, void *ud, size_t *seen)
{
    if (r->of_periods)
        return cx_call_error(c, 0, CX_E_TYPE_ARG, "%s expects numbers, got a range of periods",
                             c->name);
    const cx_num_ctx *ctx = cx_call_num_ctx(c);
    long max = cx_call_max_series(c);
    cx_status st = CX_OK;
    cx_num cur;
    cx_num_init(&cur);
    cx_num_set(&cur, &r->lo);
    while (st == CX_OK && cx_num_cmp(&cur, &r->hi) <= 0) {
        /* An approximate or enormous range is walked item by item: bound it
         * the way lists are bounded. */
        if (*seen >= (size_t)max) {
            st = cx_call_error(c, 0, CX_E_LIMIT_SERIES,
                               "%s over a range of more than %ld items (the limit is set "
                               "with --max-series N)",
                               c->name, max);
            break;
        }
        if ((st = cx_call_step(c)) != CX_OK) break;
        st = fn(c, ud, &cur, (*seen)++);
        if (st != CX_OK) break;
        cx_num_status ns = cx_num_add(&cur, &cur, &r->step, ctx);
        if (ns != CX_NUM_OK) st = cx_call_num_error(c, 0, ns);
    }
    cx_num_clear(&cur);
    return st;
}

cx_status cx_args_each_num(cx_call *c, cx_num_visit fn, void *ud, size_t *count)
{
    size_t seen = 0;
    cx_status st = CX_OK;
    const cx_value *a = c->n == 1 ? &c->args[0] : NULL;
    if (a && a->kind == CX_VAL_LIST) {
        const cx_list *l = a->u.list;
        for (size_t i = 0; i < l->len && st == CX_OK; i++) {
            const cx_value *it = &l->items[i];
            if (it->kind != CX_VAL_NUM) {
                st = cx_call_error(c, 0, CX_E_TYPE_ARG,
                                   "%s expects numbers, but item %zu of the list is %s", c->name,
                                   i + 1, cx_arg_kind_phrase(it));
                break;
            }
            st = fn(c, ud, &it->u.num, seen++);
        }
    } else if (a && a->kind == CX_VAL_SERIES) {
        const cx_series *s = a->u.series;
        for (size_t i = 0; i < s->len && st == CX_OK; i++) st = fn(c, ud, &s->vals[i], seen++);
    } else if (a && a->kind == CX_VAL_RANGE) {
        st = walk_range(c, a->u.range, fn, ud, &seen);
    } else {
        for (size_t i = 0; i < c->n && st == CX_OK; i++) {
            const cx_value *v = &c->args[i];
            if (v->kind != CX_VAL_NUM) {
                st = cx_call_error(c, (int)i, CX_E_TYPE_ARG,
                                   "%s expects one list, series or range, or several numbers; "
                                   "argument %zu is %s",
                                   c->name, i + 1, cx_arg_kind_phrase(v));
                break;
            }
            st = fn(c, ud, &v->u.num, seen++);
        }
    }
    if (count) *count = seen;
    return st;
}
