/* unit_calls.c - a built-in called with values that have units: its rule
 * (stdlib/unit_rules.h) says which arguments are amounts; they must share
 * one unit; the built-in runs on the plain numbers; the rule gives the
 * result's unit.  A built-in without a rule refuses units with an error
 * naming it, so a unit is never dropped silently. */
#include "units.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/series.h"
#include "../stdlib/builtins.h"
#include "../stdlib/unit_rules.h"
#include "eval.h"

static bool is_amount(const cx_unit_rule_row *r, size_t i)
{
    return r->amounts == CX_UR_ALL || (i < 31 && (r->amounts & (1 << i)));
}

/* The one unit of v's numbers: *u (borrowed), with *has set when v holds
 * at least one number; false when they disagree. */
static bool unit_of(const cx_value *v, const cx_uom **u, bool *has)
{
    if (v->kind == CX_VAL_NUM || v->kind == CX_VAL_SERIES || v->kind == CX_VAL_BOUND) {
        if (*has && !cx_uom_equal(*u, v->unit)) return false;
        *u = v->unit;
        *has = true;
    } else if (v->kind == CX_VAL_LIST) {
        for (size_t i = 0; i < v->u.list->len; i++)
            if (!unit_of(&v->u.list->items[i], u, has)) return false;
    }
    return true;
}

/* v without units, at any depth (a list is copied when an item has one). */
static bool strip(cx_value *dst, const cx_value *v)
{
    cx_value_copy(dst, v);
    cx_value_set_unit(dst, NULL);
    if (v->kind != CX_VAL_LIST || !cx_units_any(v)) return true;
    cx_list *l = cx_list_new(v->u.list->len);
    if (!l) return false;
    for (size_t i = 0; i < v->u.list->len; i++) {
        cx_value it;
        cx_value_init(&it);
        if (!strip(&it, &v->u.list->items[i]) || !cx_list_push_take(l, &it)) {
            cx_value_clear(&it);
            cx_list_unref(l);
            return false;
        }
    }
    cx_value_take_list(dst, l);
    return true;
}

/* Gives the result (a number, series or list of them) the unit u. */
static void give(cx_value *v, cx_uom *u)
{
    if (v->kind == CX_VAL_NUM || v->kind == CX_VAL_SERIES || v->kind == CX_VAL_BOUND)
        cx_value_set_unit(v, u);
    else if (v->kind == CX_VAL_LIST && v->u.list->rc == 1)
        for (size_t i = 0; i < v->u.list->len; i++) give(&v->u.list->items[i], u);
}

static cx_status refuse(cx_eval *E, cx_span span, const char *hint, const char *what,
                        const char *name)
{
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT_BUILTIN, span, what, name);
    if (e) cx_error_set_hint(e, "%s", hint);
    return CX_FAIL;
}

/* The time unit a series' frequency counts in: qtr for quarters. */
static const char *freq_unit(cx_freq f)
{
    switch (f) {
    case CX_FREQ_YEAR: return "yr";
    case CX_FREQ_HALF: return "half";
    case CX_FREQ_QUARTER: return "qtr";
    case CX_FREQ_MONTH: return "mo";
    default: return "day";
    }
}

/* annual, ttm, annualize: a flow per sub-year period, in the series' own
 * frequency, becomes a flow per year. */
static cx_status flow_unit(cx_eval *E, const cx_call *c, const cx_uom *u, cx_uom **out)
{
    int k;
    const cx_value *s = &c->args[0];
    char *t = cx_uom_text(u);
    cx_status st = CX_OK;
    if (!cx_uom_time_denominator(u, &k)) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT_STOCK, c->arg_spans[0],
                                  "%s adds up a flow (an amount per period, like USD/qtr); "
                                  "this is %s, a stock",
                                  c->name, t ? t : "?");
        if (e)
            cx_error_set_hint(e, "a stock is read at a date, not added up: last(x) is its "
                                 "latest level; if it is a flow, write its unit per period "
                                 "(USD/qtr)");
        st = CX_FAIL;
    } else if (s->kind == CX_VAL_SERIES && strcmp(u->f[k].sym, freq_unit(s->u.series->freq))) {
        const char *want = freq_unit(s->u.series->freq);
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT, c->arg_spans[0],
                                  "%s adds the periods of %s %s series, so each must be a flow "
                                  "per %s; this one is in %s",
                                  c->name, cx_article(cx_freq_name(s->u.series->freq)),
                                  cx_freq_name(s->u.series->freq), want, t ? t : "?");
        if (e) {
            cx_uom *w = cx_uom_with_time(u, want);
            char *wt = w ? cx_uom_text(w) : NULL;
            if (wt) cx_error_set_hint(e, "convert first: x as %s", wt);
            free(wt);
            cx_uom_unref(w);
        }
        st = CX_FAIL;
    } else if (!(*out = cx_uom_with_time(u, "yr"))) {
        st = cx_eval_oom(E, c->span);
    }
    free(t);
    return st;
}

/* money()'s text for a plain number ("$6.0B", n bytes of t) in unit u:
 * the unit's own display, its `$` replacing money's.  malloc'ed. */
static char *money_in_unit(const char *t, size_t n, const cx_uom *u)
{
    char *bare = malloc(n + 1), *shown = NULL;
    if (!bare) return NULL;
    size_t k = 0;
    bool dropped = false;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '$' && !dropped) {
            dropped = true;
            continue;
        }
        bare[k++] = t[i];
    }
    bare[k] = '\0';
    shown = cx_uom_show(bare, u);
    free(bare);
    return shown;
}

cx_status cx_units_call(cx_eval *E, const cx_builtin *bi, cx_call *c, cx_value *out)
{
    bool any = false;
    for (size_t i = 0; i < c->n && !any; i++) any = cx_units_any(&c->args[i]);
    if (!any) return bi->fn(c, out);
    cx_unit_rule_row r = cx_unit_rule_of(bi->name);
    if (r.rule == CX_UR_NONE) {
        size_t i = 0;
        while (i + 1 < c->n && !cx_units_any(&c->args[i])) i++;
        return refuse(E, c->arg_spans[i],
                      "divide by the unit to say what the plain number is: x / (1 USD) is x in "
                      "dollars",
                      "%s takes no values with units", bi->name);
    }
    /* The amounts share one unit; the other arguments have none. */
    const cx_uom *u = NULL;
    bool has = false;
    for (size_t i = 0; i < c->n; i++) {
        if (!is_amount(&r, i)) {
            if (cx_units_any(&c->args[i]))
                return refuse(E, c->arg_spans[i],
                              "a rate, a count of periods or an option is a plain number",
                              "this argument of %s takes no unit", bi->name);
            continue;
        }
        if ((r.rule == CX_UR_COUNT && strcmp(bi->name, "count") == 0) || r.rule == CX_UR_PER)
            continue;
        if (!unit_of(&c->args[i], &u, &has)) {
            char *ta = u ? cx_uom_text(u) : cx_strdupf("no unit");
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT, c->arg_spans[i],
                                      "the amounts %s takes are in different units", bi->name);
            if (e)
                cx_error_set_hint(e, "convert them to one unit first with as (the first is in %s)",
                                  ta ? ta : "?");
            free(ta);
            return CX_FAIL;
        }
    }
    cx_uom *ru = NULL;
    cx_status st = CX_OK;
    switch (r.rule) {
    case CX_UR_KEEP: ru = cx_uom_ref((cx_uom *)u); break;
    case CX_UR_MONEY: ru = cx_uom_ref((cx_uom *)u); break;
    case CX_UR_COUNT:
    case CX_UR_CANCEL: break;
    case CX_UR_SQUARE:
        if (u) {
            cx_uom_status us = cx_uom_pow(u, 2, &ru);
            if (us == CX_UOM_NOMEM) st = cx_eval_oom(E, c->span);
            else if (us != CX_UOM_OK)
                st = cx_eval_error(E, CX_E_TYPE_UNIT, c->span, "unit too large: exponents up to %d",
                                   CX_UOM_MAX_EXP);
        }
        break;
    case CX_UR_STOCK:
        if (u && cx_uom_time_denominator(u, NULL)) {
            ru = cx_uom_with_time(u, NULL);
            /* NULL is no unit only for 1/yr alone; else memory ran out. */
            if (!ru && u->n > 1) st = cx_eval_oom(E, c->span);
        } else ru = cx_uom_ref((cx_uom *)u);
        break;
    case CX_UR_FLOW:
        if (u) st = flow_unit(E, c, u, &ru);
        break;
    case CX_UR_PER: {
        mpq_t f;
        mpq_init(f);
        cx_uom_status us =
            cx_uom_mul(c->args[0].unit, c->n > 1 ? c->args[1].unit : NULL, -1, &ru, f);
        if (us == CX_UOM_NOMEM) st = cx_eval_oom(E, c->span);
        else if (us != CX_UOM_OK || mpq_cmp_ui(f, 1, 1) != 0)
            st = cx_eval_error(E, CX_E_TYPE_UNIT, c->span,
                               "per_head needs units that divide without a factor");
        mpq_clear(f);
        break;
    }
    case CX_UR_NONE: break;
    }
    if (st != CX_OK) {
        cx_uom_unref(ru);
        return st;
    }
    /* The built-in on the plain numbers. */
    cx_value local[8];
    cx_value *plain = c->n <= 8 ? local : malloc(c->n * sizeof *plain);
    if (!plain) {
        cx_uom_unref(ru);
        return cx_eval_oom(E, c->span);
    }
    for (size_t i = 0; i < c->n; i++) cx_value_init(&plain[i]);
    bool ok = true;
    for (size_t i = 0; i < c->n && ok; i++) ok = strip(&plain[i], &c->args[i]);
    if (!ok) st = cx_eval_oom(E, c->span);
    else {
        const cx_value *orig = c->args;
        c->args = plain;
        st = bi->fn(c, out);
        c->args = orig;
    }
    if (st == CX_OK && r.rule == CX_UR_MONEY && out->kind == CX_VAL_STR && ru) {
        /* "$6.0B" from money() on the plain number: the unit's own display;
         * a bound's "$140B–$160B" gets it on each end. */
        const char *t = out->u.str->data;
        const char *dash = strstr(t, "–");
        char *shown = money_in_unit(t, dash ? (size_t)(dash - t) : strlen(t), ru);
        if (shown && dash) {
            const char *rest = dash + strlen("–");
            char *second = money_in_unit(rest, strlen(rest), ru);
            char *both = second ? cx_strdupf("%s–%s", shown, second) : NULL;
            free(second);
            free(shown);
            shown = both;
        }
        if (!shown || !cx_value_set_str(out, shown, strlen(shown))) st = cx_eval_oom(E, c->span);
        free(shown);
    } else if (st == CX_OK && ru) {
        give(out, ru);
    }
    for (size_t i = 0; i < c->n; i++) cx_value_clear(&plain[i]);
    if (plain != local) free(plain);
    cx_uom_unref(ru);
    return st;
}
