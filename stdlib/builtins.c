/* builtins.c - THE built-in table (one row per function: name, arity, C
 * function, signature, doc line, example), its lookup, the public
 * cx_builtins() view of the same rows, and the argument helpers of args.h
 * that every family uses.  The functions themselves live in math.c,
 * series_fns.c and display_fns.c. */
#include "builtins.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/format.h"
#include "../runtime/limits.h"
#include "args.h"

#define CX_STR_(x) #x
#define CX_STR(x) CX_STR_(x)

/* ==== the table ========================================================== */

/* Each row is written once, here; the evaluator's table and the public
 * cx_builtin_info rows (REPL :help, docs/stdlib.md) are both expanded from
 * it, so the docs cannot drift from what the evaluator calls.  Rows are in
 * name order, which is the order help lists them in.  Examples are runnable
 * scripts: the series functions define a small series first. */
#define CX_BUILTIN_ROWS(X)                                                                      \
    X("abs", 1, 1, cx_fn_abs, "abs(x)", "the absolute value of x", "abs(-3)")                  \
    X("annual", 1, 1, cx_fn_annual, "annual(s)",                                                \
      "the sum of each complete calendar year of a half-yearly, quarterly or monthly series "   \
      "(years with a missing period are left out)",                                            \
      "q 2025Q1..2025Q4 = [1B, 2B, 3B, 4B]; annual(q)")                                         \
    X("avg", 1, -1, cx_fn_avg, "avg(xs) | avg(x, y, ...)",                                      \
      "the mean of a list, series or range, or of several numbers", "avg([1, 2, 3, 4])")        \
    X("cagr", 1, 3, cx_fn_cagr, "cagr(s) | cagr(start, end, years)",                            \
      "compound annual growth rate (end / start)^(1 / years) - 1; for a series, from its "      \
      "first to its last period (exact when the root is)",                                     \
      "cagr(100, 121, 2)")                                                                      \
    X("ceil", 1, 1, cx_fn_ceil, "ceil(x)", "the smallest integer not below x", "ceil(-1.5)")   \
    X("count", 1, -1, cx_fn_count, "count(xs) | count(x, y, ...)",                              \
      "how many items a list, series or range has, or how many arguments", "count([3, 1, 4])") \
    X("exp", 1, 1, cx_fn_exp, "exp(x)", "e to the power x (approximate)", "exp(1)")             \
    X("first", 1, 1, cx_fn_first, "first(xs)",                                                  \
      "the first item of a list, or the value of a series' earliest period",                   \
      "first([3, 1, 4])")                                                                       \
    X("floor", 1, 1, cx_fn_floor, "floor(x)", "the largest integer not above x", "floor(-1.5)") \
    X("fmt", 2, 2, cx_fn_fmt, "fmt(x, places)",                                                 \
      "x as text with `places` decimals and thousands separators", "fmt(1234.5, 2)")            \
    X("growth", 1, 2, cx_fn_growth, "growth(s, p) | growth(s)",                                 \
      "period-over-period growth s[p] / s[p - 1] - 1; without p, the series of that growth "    \
      "for every period whose previous period exists",                                         \
      "capex 2024 = 83B; capex 2025 = 125B; growth(capex, 2025)")                               \
    X("last", 1, 1, cx_fn_last, "last(xs)",                                                     \
      "the last item of a list, or the value of a series' latest period", "last([3, 1, 4])")    \
    X("ln", 1, 1, cx_fn_ln, "ln(x)", "the natural logarithm of x > 0 (approximate)",            \
      "ln(10)")                                                                                 \
    X("max", 1, -1, cx_fn_max, "max(xs) | max(x, y, ...)",                                      \
      "the largest number of a list, series or range, or of several numbers",                  \
      "max([4, 9, 2])")                                                                         \
    X("min", 1, -1, cx_fn_min, "min(xs) | min(x, y, ...)",                                      \
      "the smallest number of a list, series or range, or of several numbers",                 \
      "min(3, 1, 2)")                                                                           \
    X("money", 1, 2, cx_fn_money, "money(x, places = 2)",                                       \
      "x as dollars: $1,234.50 below a million, scaled to M, B or T above",                    \
      "money(-4.8B)")                                                                           \
    X("pct", 1, 2, cx_fn_pct, "pct(x, places = 1)",                                             \
      "x as a percentage with `places` decimals", "pct(0.50602409)")                            \
    X("periods", 1, 1, cx_fn_periods, "periods(s)", "the periods of a series, as a list",       \
      "capex 2024 = 83B; capex 2025 = 125B; periods(capex)")                                    \
    X("product", 1, -1, cx_fn_product, "product(xs) | product(x, y, ...)",                      \
      "the product of a list, series or range, or of several numbers (1 when empty)",          \
      "product(i for i in 1..10)")                                                              \
    X("round", 1, 2, cx_fn_round, "round(x, places = 0)",                                       \
      "x rounded half away from zero to `places` decimals (negative: to tens, hundreds, ...)",  \
      "round(1234.5678, 2)")                                                                    \
    X("sqrt", 1, 1, cx_fn_sqrt, "sqrt(x)",                                                      \
      "the square root of x >= 0: exact for a perfect square, otherwise approximate",          \
      "sqrt(9/4)")                                                                              \
    X("sum", 1, -1, cx_fn_sum, "sum(xs) | sum(x, y, ...)",                                      \
      "the sum of a list, series or range, or of several numbers (0 when empty)",              \
      "sum(x^2 for x in 1..10)")                                                                \
    X("ttm", 2, 2, cx_fn_ttm, "ttm(s, p)",                                                      \
      "trailing twelve months: the sum of the 4 quarters, 12 months or 2 halves ending at p",  \
      "q 2025Q1..2025Q4 = [1B, 2B, 3B, 4B]; ttm(q, 2025Q4)")

#define CX_TABLE_ROW(name, lo, hi, fn, sig, doc, ex) {name, lo, hi, fn, sig, doc, ex},
static const cx_builtin table[] = {CX_BUILTIN_ROWS(CX_TABLE_ROW)};
#undef CX_TABLE_ROW

#define CX_INFO_ROW(name, lo, hi, fn, sig, doc, ex) {name, sig, doc, ex},
static const cx_builtin_info infos[] = {CX_BUILTIN_ROWS(CX_INFO_ROW){NULL, NULL, NULL, NULL}};
#undef CX_INFO_ROW

#define N_BUILTINS (sizeof table / sizeof table[0])

const cx_builtin *cx_builtin_find(const char *name)
{
    /* Two dozen rows: a scan is as fast as a search and needs no ordering. */
    if (!name) return NULL;
    for (size_t i = 0; i < N_BUILTINS; i++)
        if (strcmp(table[i].name, name) == 0) return &table[i];
    return NULL;
}

const cx_builtin *cx_builtin_table(size_t *count)
{
    if (count) *count = N_BUILTINS;
    return table;
}

const cx_builtin_info *cx_builtins(size_t *count)
{
    if (count) *count = N_BUILTINS;
    return infos;
}

/* ==== argument helpers (args.h) ========================================== */

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
    }
    return "a value";
}

cx_status cx_call_oom(cx_call *c)
{
    return cx_call_error(c, -1, CX_ERRK_LIMIT, "limit-memory", "out of memory");
}

/* What an argument was, for "expects X, got Y": a number of reasonable size
 * is shown (the reader sees 2,025.5 rather than "a number"), anything else
 * is named by its kind. */
static cx_status wrong_arg(cx_call *c, size_t i, const char *expected)
{
    const cx_value *v = &c->args[i];
    char *shown = v->kind == CX_VAL_NUM && cx_num_bits(&v->u.num) <= 256
                      ? cx_fmt_number(&v->u.num, cx_call_digits(c), true)
                      : NULL;
    cx_call_error(c, (int)i, CX_ERRK_TYPE, "type-arg", "%s expects %s as argument %zu, got %s",
                  c->name, expected, i + 1, shown ? shown : cx_arg_kind_phrase(v));
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

const cx_series *cx_arg_series(cx_call *c, size_t i)
{
    const cx_value *v = &c->args[i];
    if (v->kind == CX_VAL_SERIES) return v->u.series;
    wrong_arg(c, i, "a series");
    return NULL;
}

bool cx_arg_long(cx_call *c, size_t i, long lo, long hi, long dflt, const char *what,
                 long *out)
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
    wrong_arg(c, i,
              "a period or a year from " CX_STR(CX_PERIOD_MIN_YEAR) " to " CX_STR(CX_PERIOD_MAX_YEAR));
    return false;
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

static cx_status walk_range(cx_call *c, const cx_range *r, cx_num_visit fn, void *ud,
                            size_t *seen)
{
    if (r->of_periods)
        return cx_call_error(c, 0, CX_ERRK_TYPE, "type-arg",
                             "%s expects numbers, got a range of periods", c->name);
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
            st = cx_call_error(c, 0, CX_ERRK_LIMIT, "limit-series",
                               "%s over a range of more than %ld items (the limit is set "
                               "with --max-series N)",
                               c->name, max);
            break;
        }
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
                st = cx_call_error(c, 0, CX_ERRK_TYPE, "type-arg",
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
                st = cx_call_error(c, (int)i, CX_ERRK_TYPE, "type-arg",
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
