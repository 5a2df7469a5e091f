/* units.c - units on values (units.h): the counts a script declares, a
 * literal's unit, conversions with `as`, and the operators' unit rules:
 *   + - and comparisons  the same unit on both sides (a plain 0 takes the
 *                        other side's); the left side's written form wins;
 *                        units of one dimension but another scale
 *                        (USD/qtr, USD/yr) are an error whose hint writes
 *                        both conversions: cx converts only when told;
 *   * /                  units combine and cancel (runtime/unit.c);
 *   ^                    a whole exponent raises the unit.
 * A value's number is in its own unit: `4.8B USD/qtr` holds 4.8B. */
#include "units.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/series.h"
#include "eval.h"

/* ==== declared counts ==================================================== */

static bool is_count(void *ud, const char *name, size_t len)
{
    const cx_state *st = ud;
    for (size_t i = 0; i < st->n_counts; i++)
        if (strlen(st->counts[i]) == len && memcmp(st->counts[i], name, len) == 0) return true;
    return false;
}

static const char *src_text(cx_eval *E, cx_span span)
{
    const cx_source *s = cx_sources_get(&E->st->sources, span.src);
    return s ? s->text + span.start : "";
}

cx_status cx_units_declare(cx_eval *E, const cx_ast *n)
{
    for (size_t i = 0; i < n->list.len; i++) {
        const cx_ast *name = n->list.items[i];
        size_t len = strlen(name->name);
        if (cx_uom_is_builtin(name->name, len))
            return cx_eval_error(E, CX_E_NAME_REDEFINED, name->span,
                                 "'%s' is a unit already: cx knows currencies (ISO codes) and "
                                 "yr, half, qtr, mo, day, week",
                                 name->name);
        for (size_t k = 0; k < E->st->n_counts; k++) {
            if (strcmp(E->st->counts[k], name->name) != 0) continue;
            if (E->st->opt.repl) return CX_OK;
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_REDEFINED, name->span,
                                      "unit '%s' is already declared", name->name);
            if (e) cx_error_add_note(e, E->st->count_spans[k], "first declared here");
            return CX_FAIL;
        }
        if (E->st->n_counts == E->st->cap_counts) {
            size_t cap = E->st->cap_counts ? E->st->cap_counts * 2 : 8;
            char **c = realloc(E->st->counts, cap * sizeof *c);
            if (!c) return cx_eval_oom(E, n->span);
            E->st->counts = c;
            cx_span *sp = realloc(E->st->count_spans, cap * sizeof *sp);
            if (!sp) return cx_eval_oom(E, n->span);
            E->st->count_spans = sp;
            E->st->cap_counts = cap;
        }
        char *copy = malloc(len + 1);
        if (!copy) return cx_eval_oom(E, n->span);
        memcpy(copy, name->name, len + 1);
        E->st->count_spans[E->st->n_counts] = name->span;
        E->st->counts[E->st->n_counts++] = copy;
    }
    return CX_OK;
}

/* ==== reading a unit ====================================================== */

/* The unit written at `span` whose text is `text` (for `$5/yr` the text is
 * USD/yr while the span holds /yr: positions are counted from the end). */
static cx_status parse_unit(cx_eval *E, const char *text, cx_span span, cx_uom **out, mpq_t f)
{
    size_t at, bad, len = strlen(text);
    cx_uom_parse_status ps = cx_uom_parse(text, len, is_count, E->st, out, f, &at, &bad);
    if (ps == CX_UOM_PARSE_OK) return CX_OK;
    size_t shown = span.end - span.start, lead = len > shown ? len - shown : 0;
    cx_span where = span;
    if (at >= lead && bad > 0) {
        where.start = span.start + (uint32_t)(at - lead);
        where.end = where.start + (uint32_t)bad;
        if (where.end > span.end) where.end = span.end;
    }
    if (ps == CX_UOM_PARSE_NOMEM) return cx_eval_oom(E, span);
    if (ps == CX_UOM_PARSE_TOO_LARGE)
        return cx_eval_error(E, CX_E_TYPE_UNIT, where,
                             "unit too large: at most %d symbols, exponents up to %d",
                             CX_UOM_MAX_FACTORS, CX_UOM_MAX_EXP);
    if (ps == CX_UOM_PARSE_SYNTAX)
        return cx_eval_error(E, CX_E_TYPE_UNIT, where, "malformed unit '%s'", text);
    /* Unknown: say what it might be. */
    const char *w = text + at;
    char word[CX_UOM_MAX_SYM + 1];
    size_t wl = bad < CX_UOM_MAX_SYM ? bad : CX_UOM_MAX_SYM;
    memcpy(word, w, wl);
    word[wl] = '\0';
    cx_error *e =
        cx_diag_add(&E->st->diag, CX_E_NAME_UNKNOWN_UNIT, where, "unknown unit '%s'", word);
    if (!e) return CX_FAIL;
    char up[CX_UOM_MAX_SYM + 1];
    for (size_t i = 0; i <= wl; i++)
        up[i] = word[i] >= 'a' && word[i] <= 'z' ? (char)(word[i] - 'a' + 'A') : word[i];
    static const struct {
        const char *word, *hint;
    } known[] = {
        {"year", "a year is written yr"},    {"years", "a year is written yr"},
        {"y", "a year is written yr"},       {"quarter", "a quarter is written qtr"},
        {"q", "a quarter is written qtr"},   {"month", "a month is written mo"},
        {"months", "a month is written mo"}, {"days", "a day is written day"},
        {"weeks", "a week is written week"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(known[i].word, word) == 0) {
            cx_error_set_hint(e, "%s", known[i].hint);
            return CX_FAIL;
        }
    if (cx_uom_is_iso_currency(up, wl))
        cx_error_set_hint(e, "currencies are ISO codes in capitals: %s", up);
    else
        cx_error_set_hint(e,
                          "declare a count first (unit %s;), or write * to multiply by a name; "
                          "currencies are ISO codes (USD, EUR) and time is yr, half, qtr, mo, "
                          "day or week",
                          word);
    return CX_FAIL;
}

cx_status cx_units_scale(cx_eval *E, cx_value *v, const mpq_t f, cx_span span)
{
    if (mpq_cmp_ui(f, 1, 1) == 0) return CX_OK;
    cx_num k;
    cx_num_init(&k);
    cx_num_set_mpq(&k, f);
    cx_status st = CX_OK;
    if (v->kind == CX_VAL_NUM) {
        cx_num_status ns = cx_num_mul(&v->u.num, &v->u.num, &k, &E->st->nctx);
        if (ns != CX_NUM_OK) st = cx_eval_num_error(E, ns, span);
    } else if (v->kind == CX_VAL_SERIES) {
        cx_series *r = NULL;
        int64_t bad;
        cx_num_status ns =
            cx_series_scalar(&r, v->u.series, &k, false, cx_num_mul, &E->st->nctx, &bad);
        if (ns != CX_NUM_OK) st = cx_eval_num_error(E, ns, span);
        else if (!r) st = cx_eval_oom(E, span);
        else {
            cx_uom *u = cx_uom_ref(v->unit);
            cx_value_take_series(v, r);
            v->unit = u;
        }
    } else if (v->kind == CX_VAL_BOUND) {
        /* A bound is shared: the scaled form is a new one. */
        cx_bound *r = cx_bound_new();
        cx_aff_ctx ctx = cx_bounds_ctx(E->st);
        if (!r) st = cx_eval_oom(E, span);
        else if (cx_aff_scale(&r->f, &v->u.bound->f, &k, &ctx) != CX_AFF_OK) {
            cx_bound_unref(r);
            st = cx_eval_num_error(E, CX_NUM_TOO_BIG, span);
        } else {
            cx_uom *u = cx_uom_ref(v->unit);
            cx_value_take_bound(v, r);
            v->unit = u;
        }
    } else {
        st = cx_eval_error(E, CX_E_TYPE_UNIT, span, "cannot convert %s",
                           cx_value_kind_name(v->kind));
    }
    cx_num_clear(&k);
    return st;
}

cx_status cx_units_literal(cx_eval *E, const cx_ast *n, cx_value *out)
{
    cx_uom *u = NULL;
    mpq_t f;
    mpq_init(f);
    cx_status st = parse_unit(E, n->name, n->name_span, &u, f);
    if (st == CX_OK) {
        cx_value_set_num(out, n->a->num.value);
        st = cx_units_scale(E, out, f, n->span);
        cx_value_set_unit(out, u);
    }
    cx_uom_unref(u);
    mpq_clear(f);
    return st;
}

static char *snippet(cx_eval *E, cx_span s, const char *fallback)
{
    const char *t = src_text(E, s);
    size_t n = s.end - s.start;
    bool plain = n > 0 && n <= 40;
    for (size_t i = 0; i < n && plain; i++) plain = t[i] != '\n' && t[i] != '\r';
    return plain ? cx_strdupf("%.*s", (int)n, t) : cx_strdupf("%s", fallback);
}

/* The mismatch error: message at the operator, a note at each side with
 * its unit and dimension, aligned, and the hint. */
cx_status cx_units_mismatch(cx_eval *E, const cx_uom *a, const cx_uom *b, cx_span span, cx_span ls,
                            cx_span rs, const char *op)
{
    char *lt = snippet(E, ls, "x"), *rt = snippet(E, rs, "y");
    char *msg = NULL, *hint = NULL, *notes = NULL;
    if (!lt || !rt || !cx_uom_mismatch(a, b, lt, rt, op, &msg, &hint, &notes)) {
        free(lt);
        free(rt);
        free(msg);
        free(hint);
        free(notes);
        return cx_eval_oom(E, span);
    }
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT, span, "%s", msg);
    if (e) {
        char *nl = strchr(notes, '\n');
        if (nl) *nl = '\0';
        cx_error_add_note(e, ls.end > ls.start ? ls : span, "%s", notes);
        if (nl) cx_error_add_note(e, rs.end > rs.start ? rs : span, "%s", nl + 1);
        if (hint) cx_error_set_hint(e, "%s", hint);
    }
    free(lt);
    free(rt);
    free(msg);
    free(hint);
    free(notes);
    return CX_FAIL;
}

cx_status cx_units_as(cx_eval *E, const cx_ast *n, cx_value *v, cx_value *out)
{
    cx_uom *u = NULL;
    mpq_t f;
    mpq_init(f);
    cx_status st = parse_unit(E, n->name, n->name_span, &u, f);
    if (st == CX_OK && !u) {
        st = cx_eval_error(E, CX_E_TYPE_UNIT, n->name_span,
                           "'%s' cancels to no unit: convert to a unit", n->name);
    } else if (st == CX_OK && v->kind != CX_VAL_NUM && v->kind != CX_VAL_SERIES &&
               v->kind != CX_VAL_BOUND) {
        st = cx_eval_error(E, CX_E_TYPE_UNIT, n->a->span, "cannot convert %s to a unit",
                           cx_value_kind_name(v->kind));
    } else if (st == CX_OK && !v->unit) {
        char *t = cx_uom_text(u);
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT, n->a->span,
                                  "a plain number has no unit to convert from");
        if (e && t) {
            const char *lt = src_text(E, n->a->span);
            int ln = (int)(n->a->span.end - n->a->span.start);
            if (ln > 40) ln = 40;
            cx_error_set_hint(e,
                              "cx never gives a number a unit by itself: write it with its "
                              "unit (%.*s %s), or multiply by 1 %s",
                              ln, lt, t, t);
        }
        free(t);
        st = CX_FAIL;
    } else if (st == CX_OK && !cx_uom_same_dim(v->unit, u)) {
        st = cx_units_mismatch(E, v->unit, u, n->op_span, n->a->span, n->name_span, "as");
    } else if (st == CX_OK) {
        cx_uom_factor(v->unit, u, f);
        st = cx_units_scale(E, v, f, n->span);
        if (st == CX_OK) {
            cx_value_set_unit(v, u);
            cx_value_move(out, v);
        }
    }
    cx_uom_unref(u);
    mpq_clear(f);
    return st;
}

/* ==== operators =========================================================== */

bool cx_units_any(const cx_value *v)
{
    if (v->unit) return true;
    if (v->kind == CX_VAL_LIST)
        for (size_t i = 0; i < v->u.list->len; i++)
            if (cx_units_any(&v->u.list->items[i])) return true;
    return false;
}

cx_status cx_units_refuse(cx_eval *E, const cx_value *v, cx_span span, const char *what)
{
    if (!cx_units_any(v)) return CX_OK;
    cx_error *e =
        cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT_BUILTIN, span, "%s takes no units (yet)", what);
    if (e)
        cx_error_set_hint(e, "divide by the unit to say what the plain number is: x / (1 USD) "
                             "is x in dollars");
    return CX_FAIL;
}

char *cx_units_decorate(char *text, const cx_value *v)
{
    if (!text || !v->unit) return text;
    char *t = cx_uom_show(text, v->unit);
    free(text);
    return t;
}
