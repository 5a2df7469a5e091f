/* operators.c - a OP b on values: arithmetic on numbers and element-wise on
 * series (whose periods must agree), comparisons (of series period by
 * period), text joined with +, periods moved and compared, and membership
 * (x in a..b, x in [list]).  No expressions: both sides are values. */
#include "eval.h"
#include "units.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/limits.h"
#include "../runtime/series.h"

static const char *kind_name(const cx_value *v) { return cx_value_kind_name(v->kind); }

static cx_num_binop arith_fn(int op)
{
    switch (op) {
    case CX_OP_ADD: return cx_num_add;
    case CX_OP_SUB: return cx_num_sub;
    case CX_OP_MUL: return cx_num_mul;
    case CX_OP_DIV: return cx_num_div;
    case CX_OP_POW: return cx_num_pow;
    default: return NULL;
    }
}

static bool cmp_holds(int op, int c)
{
    switch (op) {
    case CX_OP_LT: return c < 0;
    case CX_OP_GT: return c > 0;
    case CX_OP_LE: return c <= 0;
    case CX_OP_GE: return c >= 0;
    case CX_OP_EQ: return c == 0;
    case CX_OP_NE: return c != 0;
    default: return false;
    }
}

static cx_status type_mismatch(cx_eval *E, int op, const cx_value *a, const cx_value *b,
                               cx_span span)
{
    return cx_eval_error(E, CX_E_TYPE_OPERANDS, span, "cannot apply '%s' to %s and %s",
                         cx_ast_op_text(op), kind_name(a), kind_name(b));
}

static cx_status series_error(cx_eval *E, cx_num_status st, const cx_series *s, int64_t ord,
                              cx_span span)
{
    char pb[32];
    cx_period p = {s->freq, ord};
    cx_period_format(&p, pb, sizeof pb);
    size_t before = E->st->diag.len;
    cx_status r = cx_eval_num_error(E, st, span);
    /* Only an error this call recorded is named with its period (recording
     * it may have run out of memory). */
    if (E->st->diag.len > before) {
        cx_error *e = &E->st->diag.items[E->st->diag.len - 1];
        cx_error_set_message(e, "%s (at %s)", e->message, pb);
    }
    return r;
}

/* Element-wise arithmetic needs both series to have the same periods: a
 * period one side lacks is an error naming it, never silently dropped.
 * (No period in common at all is left to the caller's own message.) */
static cx_status periods_differ(cx_eval *E, int op, const cx_series *a, const cx_series *b,
                                cx_span span)
{
    int64_t la[CX_MISSING_SHOWN], lb[CX_MISSING_SHOWN];
    size_t na = cx_series_lacking(a, b, la, CX_MISSING_SHOWN); /* b's periods a lacks */
    size_t nb = cx_series_lacking(b, a, lb, CX_MISSING_SHOWN);
    if ((na == 0 && nb == 0) || na == b->len) return CX_OK;
    char *ta =
        na ? cx_periods_missing_text(a->freq, la, na < CX_MISSING_SHOWN ? na : CX_MISSING_SHOWN, na)
           : NULL;
    char *tb =
        nb ? cx_periods_missing_text(b->freq, lb, nb < CX_MISSING_SHOWN ? nb : CX_MISSING_SHOWN, nb)
           : NULL;
    cx_error *e;
    if (ta && tb)
        e = cx_diag_add(&E->st->diag, CX_E_NAME_PERIODS_DIFFER, span,
                        "the two series cover different periods: the left has no value for %s, "
                        "the right none for %s",
                        ta, tb);
    else
        e = cx_diag_add(&E->st->diag, CX_E_NAME_PERIODS_DIFFER, span,
                        "the two series cover different periods: the %s has no value for %s",
                        ta ? "left" : "right",
                        ta   ? ta
                        : tb ? tb
                             : "some periods");
    /* The hint names the common run of periods when they form one. */
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    size_t common = 0;
    for (size_t i = 0, j = 0; i < a->len && j < b->len;) {
        if (a->ords[i] < b->ords[j]) i++;
        else if (a->ords[i] > b->ords[j]) j++;
        else {
            if (a->ords[i] < lo) lo = a->ords[i];
            hi = a->ords[i];
            common++, i++, j++;
        }
    }
    if (e && common == 1) {
        char pl[32];
        cx_period p1 = {a->freq, lo};
        cx_period_format(&p1, pl, sizeof pl);
        cx_error_set_hint(e, "the one period both have is %s: use it alone (x %s)", pl, pl);
    } else if (e && common && (uint64_t)(hi - lo) + 1 == common) {
        char pl[32], ph[32];
        cx_period p1 = {a->freq, lo}, p2 = {a->freq, hi};
        cx_period_format(&p1, pl, sizeof pl);
        cx_period_format(&p2, ph, sizeof ph);
        cx_error_set_hint(e,
                          "to use only the periods both have, slice both sides to %s..%s: "
                          "x[%s..%s]%s",
                          pl, ph, pl, ph,
                          op == CX_OP_DIV ? ", or ratio(a, b), which divides over the periods "
                                            "both have"
                                          : "");
    } else if (e) {
        cx_error_set_hint(e, "slice both sides to periods they both have, or define the missing "
                             "ones");
    }
    free(ta);
    free(tb);
    return CX_FAIL;
}

/* The text a side adds to a join: a string as it is, a period in its one
 * written form (2026Q1); NULL for anything else. */
static const char *join_text(const cx_value *v, char *buf, size_t size, size_t *len)
{
    if (v->kind == CX_VAL_STR) {
        *len = v->u.str->len;
        return v->u.str->data;
    }
    if (v->kind != CX_VAL_PERIOD) return NULL;
    cx_period_format(&v->u.period, buf, size);
    *len = strlen(buf);
    return buf;
}

/* "a" + "b": text joins text, and a period joins in its written form
 * ("from " + 2026Q1).  A number is never turned into text implicitly: the
 * author chooses its form (fmt, pct, money). */
static cx_status concat(cx_eval *E, cx_span span, const cx_value *a, const cx_value *b,
                        cx_value *out)
{
    char pa[32], pb[32];
    size_t la, lb;
    const char *ta = join_text(a, pa, sizeof pa, &la), *tb = join_text(b, pb, sizeof pb, &lb);
    if (!ta || !tb) {
        const cx_value *other = a->kind == CX_VAL_STR ? b : a;
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_OPERANDS, span,
                                  "cannot apply '+' to %s and %s", kind_name(a), kind_name(b));
        if (e && other->kind == CX_VAL_NUM)
            cx_error_set_hint(e, "text joins text: write the number as text first, with "
                                 "fmt(x, places), pct(x) or money(x)");
        return CX_FAIL;
    }
    if (la + lb > (size_t)CX_MAX_STRING_BYTES) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_LIMIT_STRING_SIZE, span,
                                  "text of %zu bytes is longer than %ld bytes", la + lb,
                                  (long)CX_MAX_STRING_BYTES);
        (void)e;
        return CX_FAIL;
    }
    char *buf = malloc(la + lb + 1);
    if (!buf) return cx_eval_oom(E, span);
    memcpy(buf, ta, la);
    memcpy(buf + la, tb, lb);
    bool ok = cx_value_set_str(out, buf, la + lb);
    free(buf);
    return ok ? CX_OK : cx_eval_oom(E, span);
}

/* A comparison of series holds when both have the same periods and it holds
 * for every period (a series and a number: every period against it). */
static cx_status compare_series(cx_eval *E, int op, cx_span span, const cx_value *a,
                                const cx_value *b, cx_value *out)
{
    const cx_series *sa = a->kind == CX_VAL_SERIES ? a->u.series : NULL;
    const cx_series *sb = b->kind == CX_VAL_SERIES ? b->u.series : NULL;
    if ((!sa && a->kind != CX_VAL_NUM) || (!sb && b->kind != CX_VAL_NUM))
        return type_mismatch(E, op, a, b, span);
    if (sa && sb && sa->freq != sb->freq)
        return cx_eval_error(E, CX_E_TYPE_FREQUENCY, span,
                             "cannot compare %s %s series with %s %s series",
                             cx_article(cx_freq_name(sa->freq)), cx_freq_name(sa->freq),
                             cx_article(cx_freq_name(sb->freq)), cx_freq_name(sb->freq));
    bool holds = !(sa && sb) || (sa->len == sb->len && cx_series_lacking(sa, sb, NULL, 0) == 0);
    const cx_series *s = sa ? sa : sb;
    for (size_t i = 0; i < s->len && holds; i++) {
        const cx_num *x = sa ? &sa->vals[i] : &a->u.num;
        const cx_num *y = !sb ? &b->u.num : sa ? cx_series_get(sb, s->ords[i]) : &sb->vals[i];
        holds = cmp_holds(op, cx_num_cmp(x, y));
    }
    cx_value_set_bool(out, holds);
    return CX_OK;
}

/* a in b: a number in a range of numbers (lo <= a <= hi, on the step's
 * grid only when a step was written), a period in a range of periods, or
 * any value equal to an item of a list. */
static cx_status membership(cx_eval *E, cx_span span, const cx_value *a, const cx_value *b,
                            cx_value *out)
{
    if (b->kind == CX_VAL_LIST) {
        bool found = false;
        for (size_t i = 0; i < b->u.list->len && !found; i++) {
            const cx_value *it = &b->u.list->items[i];
            cx_value eq;
            cx_value_init(&eq);
            if (it->kind == a->kind &&
                (a->kind == CX_VAL_NUM || a->kind == CX_VAL_STR || a->kind == CX_VAL_BOOL ||
                 a->kind == CX_VAL_PERIOD) &&
                cx_eval_binop(E, CX_OP_EQ, span, a, it, &eq) == CX_OK)
                found = eq.u.b;
            cx_value_clear(&eq);
        }
        cx_value_set_bool(out, found);
        return CX_OK;
    }
    if (b->kind != CX_VAL_RANGE)
        return cx_eval_error(E, CX_E_TYPE_OPERANDS, span,
                             "'in' needs a range (a..b) or a list on its right, got %s",
                             kind_name(b));
    const cx_range *r = b->u.range;
    if (r->of_periods) {
        if (a->kind != CX_VAL_PERIOD || a->u.period.freq != r->plo.freq)
            return cx_eval_error(E, CX_E_TYPE_OPERANDS, span,
                                 "'in' a range of periods needs a period of the same frequency "
                                 "on its left, got %s",
                                 kind_name(a));
        int64_t o = a->u.period.ord;
        cx_value_set_bool(out,
                          o >= r->plo.ord && o <= r->phi.ord && (o - r->plo.ord) % r->pstep == 0);
        return CX_OK;
    }
    if (a->kind != CX_VAL_NUM)
        return cx_eval_error(E, CX_E_TYPE_OPERANDS, span,
                             "'in' a range of numbers needs a number on its left, got %s",
                             kind_name(a));
    bool in = cx_num_cmp(&a->u.num, &r->lo) >= 0 && cx_num_cmp(&a->u.num, &r->hi) <= 0;
    if (in && r->has_step) { /* on the grid lo, lo + step, ... */
        cx_num k;
        cx_num_init(&k);
        cx_num_status ns = cx_num_sub(&k, &a->u.num, &r->lo, &E->st->nctx);
        if (ns == CX_NUM_OK) ns = cx_num_div(&k, &k, &r->step, &E->st->nctx);
        in = ns == CX_NUM_OK && cx_num_is_integer(&k);
        cx_num_clear(&k);
        if (ns != CX_NUM_OK) return cx_eval_num_error(E, ns, span);
    }
    cx_value_set_bool(out, in);
    return CX_OK;
}

/* a OP b for every value kind that supports it.  out is written only on success. */
cx_status cx_eval_binop(cx_eval *E, int op, cx_span span, const cx_value *a, const cx_value *b,
                        cx_value *out)
{
    const cx_num_ctx *ctx = &E->st->nctx;
    if (a->unit || b->unit)
        return cx_eval_binop_spans(E, op, span, a, b, out, (cx_span){0, 0, 0}, (cx_span){0, 0, 0});
    if (op == CX_OP_IN) return membership(E, span, a, b, out);
    if (op == CX_OP_ADD && (a->kind == CX_VAL_STR || b->kind == CX_VAL_STR))
        return concat(E, span, a, b, out);
    if (cx_ast_op_is_comparison(op) && (a->kind == CX_VAL_SERIES || b->kind == CX_VAL_SERIES))
        return compare_series(E, op, span, a, b, out);
    if (a->kind == CX_VAL_BOUND || b->kind == CX_VAL_BOUND)
        return cx_bounded_binop(E, op, span, a, b, out);
    cx_num_binop fn = arith_fn(op);
    if (a->kind == CX_VAL_NUM && b->kind == CX_VAL_NUM) {
        if (fn) {
            cx_num r;
            cx_num_init(&r);
            cx_num_status st = fn(&r, &a->u.num, &b->u.num, ctx);
            if (st != CX_NUM_OK) {
                cx_num_clear(&r);
                return cx_eval_num_error(E, st, span);
            }
            cx_value_take_num(out, &r);
            cx_num_clear(&r);
            return CX_OK;
        }
        if (cx_ast_op_is_comparison(op)) {
            cx_value_set_bool(out, cmp_holds(op, cx_num_cmp(&a->u.num, &b->u.num)));
            return CX_OK;
        }
        return type_mismatch(E, op, a, b, span);
    }
    if (fn && (a->kind == CX_VAL_SERIES || b->kind == CX_VAL_SERIES)) {
        cx_series *r = NULL;
        int64_t bad = 0;
        cx_num_status st;
        const cx_series *s = a->kind == CX_VAL_SERIES ? a->u.series : b->u.series;
        if (a->kind == CX_VAL_SERIES && b->kind == CX_VAL_SERIES) {
            if (a->u.series->freq != b->u.series->freq) {
                cx_error *e = cx_diag_add(
                    &E->st->diag, CX_E_TYPE_FREQUENCY, span,
                    "cannot combine %s %s series with %s %s series",
                    cx_article(cx_freq_name(a->u.series->freq)), cx_freq_name(a->u.series->freq),
                    cx_article(cx_freq_name(b->u.series->freq)), cx_freq_name(b->u.series->freq));
                if (e)
                    cx_error_set_hint(e, "aggregate explicitly first: annual(x) sums whole "
                                         "years, ttm(x, period) the twelve months to a period");
                return CX_FAIL;
            }
            if (periods_differ(E, op, a->u.series, b->u.series, span) != CX_OK) return CX_FAIL;
            st = cx_series_binop(&r, a->u.series, b->u.series, fn, ctx, &bad);
        } else if (a->kind == CX_VAL_SERIES && b->kind == CX_VAL_NUM) {
            st = cx_series_scalar(&r, a->u.series, &b->u.num, false, fn, ctx, &bad);
        } else if (b->kind == CX_VAL_SERIES && a->kind == CX_VAL_NUM) {
            st = cx_series_scalar(&r, b->u.series, &a->u.num, true, fn, ctx, &bad);
        } else {
            return type_mismatch(E, op, a, b, span);
        }
        if (st != CX_NUM_OK) return series_error(E, st, s, bad, span);
        if (!r) return cx_eval_oom(E, span);
        if (r->len == 0 && a->kind == CX_VAL_SERIES && b->kind == CX_VAL_SERIES) {
            char *pa = cx_series_periods_text(a->u.series, 6);
            char *pb = cx_series_periods_text(b->u.series, 6);
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_NO_COMMON_PERIODS, span,
                                      "the two series have no period in common");
            if (e)
                cx_error_set_hint(e, "left has %s; right has %s", pa ? pa : "none",
                                  pb ? pb : "none");
            free(pa);
            free(pb);
            cx_series_unref(r);
            return CX_FAIL;
        }
        cx_value_take_series(out, r);
        return CX_OK;
    }
    if (a->kind == CX_VAL_PERIOD) {
        const cx_period *p = &a->u.period;
        int64_t n;
        if ((op == CX_OP_ADD || op == CX_OP_SUB) && b->kind == CX_VAL_NUM) {
            if (!cx_num_get_si(&b->u.num, &n))
                return cx_eval_error(E, CX_E_TYPE_PERIOD_STEP, span,
                                     "a period moves by a whole number of periods");
            cx_period r;
            if (!cx_period_add(p, op == CX_OP_ADD ? n : -n, &r))
                return cx_eval_error(E, CX_E_MATH_PERIOD_RANGE, span,
                                     "period out of range (years %d to %d)", CX_PERIOD_MIN_YEAR,
                                     CX_PERIOD_MAX_YEAR);
            cx_value_set_period(out, &r);
            return CX_OK;
        }
        if (b->kind == CX_VAL_PERIOD && (op == CX_OP_SUB || cx_ast_op_is_comparison(op))) {
            if (!cx_period_same_freq(p, &b->u.period))
                return cx_eval_error(
                    E, CX_E_TYPE_FREQUENCY, span, "cannot compare %s %s period with %s %s period",
                    cx_article(cx_freq_name(p->freq)), cx_freq_name(p->freq),
                    cx_article(cx_freq_name(b->u.period.freq)), cx_freq_name(b->u.period.freq));
            if (op == CX_OP_SUB) {
                cx_num d;
                cx_num_init(&d);
                cx_num_set_si(&d, cx_period_diff(&b->u.period, p));
                cx_value_take_num(out, &d);
                cx_num_clear(&d);
            } else {
                cx_value_set_bool(out, cmp_holds(op, cx_period_cmp(p, &b->u.period)));
            }
            return CX_OK;
        }
    }
    if ((op == CX_OP_EQ || op == CX_OP_NE) && a->kind == b->kind) {
        bool eq;
        if (a->kind == CX_VAL_BOOL) eq = a->u.b == b->u.b;
        else if (a->kind == CX_VAL_STR)
            eq = a->u.str->len == b->u.str->len &&
                 memcmp(a->u.str->data, b->u.str->data, a->u.str->len) == 0;
        else return type_mismatch(E, op, a, b, span);
        cx_value_set_bool(out, op == CX_OP_EQ ? eq : !eq);
        return CX_OK;
    }
    return type_mismatch(E, op, a, b, span);
}

/* ==== units ================================================================
 * a OP b when a side has a unit (units.c says what units are): + - and
 * comparisons need one unit (a plain 0 takes any), * / combine and cancel,
 * ^ raises to whole powers; then the plain operation, and the result's
 * unit. */

static bool is_plain_zero(const cx_value *v)
{
    return v->kind == CX_VAL_NUM && !v->unit && cx_num_is_zero(&v->u.num);
}

/* v without its unit: shares the payload. */
static void plain_copy(cx_value *dst, const cx_value *v)
{
    cx_value_copy(dst, v);
    cx_value_set_unit(dst, NULL);
}

cx_status cx_eval_binop_spans(cx_eval *E, int op, cx_span span, const cx_value *a,
                              const cx_value *b, cx_value *out, cx_span ls, cx_span rs)
{
    if (!a->unit && !b->unit) return cx_eval_binop(E, op, span, a, b, out);
    cx_value pa, pb;
    cx_value_init(&pa);
    cx_value_init(&pb);
    plain_copy(&pa, a);
    plain_copy(&pb, b);
    cx_uom *ru = NULL;
    mpq_t f;
    mpq_init(f);
    mpq_set_ui(f, 1, 1);
    cx_status st = CX_OK;
    const char *opt = cx_ast_op_text(op);
    bool additive = op == CX_OP_ADD || op == CX_OP_SUB || cx_ast_op_is_comparison(op);
    if (additive) {
        if (a->unit && b->unit) {
            if (!cx_uom_equal(a->unit, b->unit))
                st = cx_units_mismatch(E, a->unit, b->unit, span, ls, rs, opt);
            ru = cx_uom_ref(a->unit);
        } else if (is_plain_zero(a) || is_plain_zero(b)) {
            ru = cx_uom_ref(a->unit ? a->unit : b->unit); /* 0 is 0 in every unit */
        } else {
            st = cx_units_mismatch(E, a->unit, b->unit, span, ls, rs, opt);
        }
    } else if (op == CX_OP_MUL || op == CX_OP_DIV) {
        cx_uom_status us = cx_uom_mul(a->unit, b->unit, op == CX_OP_MUL ? 1 : -1, &ru, f);
        if (us == CX_UOM_NOMEM) st = cx_eval_oom(E, span);
        else if (us != CX_UOM_OK)
            st = cx_eval_error(E, CX_E_TYPE_UNIT, span,
                               "unit too large: at most %d symbols, exponents up to %d",
                               CX_UOM_MAX_FACTORS, CX_UOM_MAX_EXP);
    } else if (op == CX_OP_POW) {
        int64_t n = 0;
        if (b->unit)
            st = cx_eval_error(E, CX_E_TYPE_UNIT, rs.end > rs.start ? rs : span,
                               "an exponent has no unit");
        else if (b->kind != CX_VAL_NUM || !cx_num_get_si(&b->u.num, &n) ||
                 !cx_num_is_integer(&b->u.num))
            st = cx_eval_error(E, CX_E_TYPE_UNIT, rs.end > rs.start ? rs : span,
                               "a value with a unit is raised to whole powers only");
        else {
            cx_uom_status us = cx_uom_pow(a->unit, (long)n, &ru);
            if (us == CX_UOM_NOMEM) st = cx_eval_oom(E, span);
            else if (us != CX_UOM_OK)
                st = cx_eval_error(E, CX_E_TYPE_UNIT, span, "unit too large: exponents up to %d",
                                   CX_UOM_MAX_EXP);
        }
    } else {
        st = cx_eval_error(E, CX_E_TYPE_UNIT, span, "'%s' takes no values with units", opt);
    }
    if (st == CX_OK) st = cx_eval_binop(E, op, span, &pa, &pb, out);
    if (st == CX_OK &&
        (out->kind == CX_VAL_NUM || out->kind == CX_VAL_SERIES || out->kind == CX_VAL_BOUND)) {
        st = cx_units_scale(E, out, f, span);
        cx_value_set_unit(out, ru);
    }
    cx_uom_unref(ru);
    mpq_clear(f);
    cx_value_clear(&pa);
    cx_value_clear(&pb);
    return st;
}
