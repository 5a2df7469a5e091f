/* exec.c - statements: assignments (whole names and series periods), bare
 * expressions, print, fn, source, include, and the dispatch that runs each
 * statement (tables: table.c, charts: chart.c) and then polls the limits.  Expressions are eval.c's,
 * checks check.c's; an include hands the file to state.c, which runs its
 * statements here again (the one inherent loop). */
#include "exec.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/series.h"
#include "chart.h"
#include "check.h"
#include "display.h"
#include "eval.h"
#include "units.h"
#include "output.h"
#include "scenario.h"
#include "table.h"
#include "../runtime/grow.h"

static const char *kind_name(const cx_value *v) { return cx_value_kind_name(v->kind); }

static cx_status redefined(cx_eval *E, const char *what, cx_span span, cx_span first)
{
    cx_error *e =
        cx_diag_add(&E->st->diag, CX_E_NAME_REDEFINED, span, "%s is already defined", what);
    if (!e) return CX_FAIL;
    cx_error_add_note(e, first, "first defined here");
    /* Both definitions come from one file read twice: say which includes. */
    cx_span site_first, site_again;
    if (cx_state_same_file(E->st, first.src, span.src, &site_first, &site_again)) {
        cx_error_add_note(e, site_first, "the file is included here");
        cx_error_add_note(e, site_again, "and included again here");
        cx_error_set_hint(e, "include each file once");
        return CX_FAIL;
    }
    cx_error_set_hint(e, "a script defines each fact once, so a pasted line cannot silently "
                         "change it; use a new name");
    return CX_FAIL;
}

/* Finds or makes the global a statement defines.  In a script an existing
 * binding is an error; in the REPL it is replaced. */
static cx_status define_name(cx_eval *E, const char *name, cx_span span, cx_binding **out)
{
    cx_binding *b = cx_env_global(&E->st->env, name);
    if (b) {
        if (!E->st->opt.repl) {
            char *what = cx_strdupf("'%s'", name);
            if (!what) return cx_eval_oom(E, span);
            cx_status st = redefined(E, what, span, b->span);
            free(what);
            return st;
        }
        cx_value_clear(&b->value);
        E->st->env.generation++;
        b->span = span;
        b->figure = (cx_figure){0, 0, false, false};
        b->n_periods = 0;
        cx_binding_clear_bound_periods(b);
    } else if (!(b = cx_env_define(&E->st->env, name, span))) {
        return cx_eval_oom(E, span);
    }
    *out = b;
    return CX_OK;
}

static cx_status exec_assign(cx_eval *E, const cx_ast *n)
{
    cx_value v;
    cx_value_init(&v);
    cx_status st = cx_eval_expr(E, cx_ast_value(n), &v);
    cx_binding *b;
    cx_figure fig = cx_written_figure(cx_ast_value(n));
    if (st == CX_OK) cx_scenario_override(E->st, n->name, NULL, &v, &fig);
    if (st == CX_OK && (st = define_name(E, n->name, n->name_span, &b)) == CX_OK) {
        cx_value_move(&b->value, &v);
        b->figure = fig;
        if (!cx_bounded_name(E->st, cx_ast_value(n), &b->value, n->name))
            st = cx_eval_oom(E, n->span);
    }
    cx_value_clear(&v);
    return st;
}

/* The series a period assignment writes, made writable (copy on write). */
static cx_series *writable_series(cx_binding *b)
{
    cx_series *s = b->value.u.series;
    if (s->rc > 1) {
        cx_series *c = cx_series_copy(s);
        if (!c) return NULL;
        cx_uom *u = cx_uom_ref(b->value.unit);
        cx_value_take_series(&b->value, c);
        b->value.unit = u;
        s = c;
    }
    return s;
}

static cx_status store_period(cx_eval *E, cx_binding *b, const cx_period *p, cx_value *v,
                              cx_span span, cx_span value_span, cx_figure fig)
{
    if (v->kind != CX_VAL_NUM && v->kind != CX_VAL_BOUND)
        return cx_eval_error(E, CX_E_TYPE_SERIES_VALUE, value_span,
                             "a period of a series holds a number, got %s", kind_name(v));
    cx_series *s = b->value.u.series;
    bool had = cx_series_has(s, p->ord) || cx_binding_bound_period(b, p->ord);
    if (had && !E->st->opt.repl) {
        char pb[32];
        cx_period_format(p, pb, sizeof pb);
        char *what = cx_strdupf("'%s %s'", b->name, pb);
        cx_status st = redefined(E, what ? what : b->name, span, cx_binding_period_span(b, p->ord));
        free(what);
        return st;
    }
    /* The periods of a series share one unit: the first period's; a later
     * one in another unit of the same dimension is converted exactly. */
    if (s->len == 0 && b->n_bound_periods == 0) {
        cx_value_set_unit(&b->value, v->unit);
    } else if (!cx_uom_equal(b->value.unit, v->unit)) {
        if (!b->value.unit || !v->unit || !cx_uom_same_dim(b->value.unit, v->unit)) {
            char *su = b->value.unit ? cx_uom_text(b->value.unit) : cx_strdupf("no unit");
            char *vu = v->unit ? cx_uom_text(v->unit) : cx_strdupf("no unit");
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_UNIT, value_span,
                                      "the periods of '%s' are in %s; this one is in %s", b->name,
                                      su ? su : "?", vu ? vu : "?");
            if (e) {
                cx_error_add_note(e, b->span, "'%s' was first defined here", b->name);
                cx_error_set_hint(e, "the periods of one series measure one thing: write each "
                                     "in the same unit");
            }
            free(su);
            free(vu);
            return CX_FAIL;
        }
        mpq_t f;
        mpq_init(f);
        cx_uom_factor(v->unit, b->value.unit, f);
        cx_status cs = cx_units_scale(E, v, f, value_span);
        mpq_clear(f);
        if (cs != CX_OK) return cs;
    }
    if (!(s = writable_series(b))) return cx_eval_oom(E, span);
    if (s->len >= (size_t)E->st->opt.max_series && !cx_series_has(s, p->ord)) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_LIMIT_SERIES, span,
                                  "series '%s' would have more than %ld periods", b->name,
                                  E->st->opt.max_series);
        if (e) cx_error_set_hint(e, "the limit is set with --max-series N");
        return CX_FAIL;
    }
    E->st->env.generation++; /* a function reading the series may now see more */
    if (v->kind == CX_VAL_BOUND) {
        /* Kept beside the series: a whole-series read is then an error
         * (eval.c), never a range read as one number. */
        if (cx_series_has(s, p->ord))
            return cx_eval_error(E, CX_E_TYPE_BOUND, value_span,
                                 "this period holds a number already; a bound cannot replace it "
                                 "(define the series again)");
        if (!cx_binding_set_bound_period(b, p->ord, v) ||
            !cx_binding_note_period(b, p->ord, span, fig))
            return cx_eval_oom(E, span);
        return CX_OK;
    }
    if (!cx_binding_set_bound_period(b, p->ord, NULL) ||
        !cx_series_set_take(s, p->ord, &v->u.num, (size_t)-1) ||
        !cx_binding_note_period(b, p->ord, span, fig))
        return cx_eval_oom(E, span);
    return CX_OK;
}

/* Stores v, taking it (its value node says how it was written); while the
 * script runs again for a scenario, the scenario's value when it sets this
 * period.  v is left to be cleared. */
static cx_status set_period_take(cx_eval *E, cx_binding *b, const cx_period *p, cx_value *v,
                                 cx_span span, const cx_ast *value_node)
{
    cx_figure fig = cx_written_figure(value_node);
    cx_value own; /* a unit conversion or a scenario's value changes it */
    cx_value_init(&own);
    cx_value_move(&own, v);
    cx_scenario_override(E->st, b->name, p, &own, &fig);
    cx_status st = store_period(E, b, p, &own, span, value_node->span, fig);
    if (st == CX_OK && own.kind == CX_VAL_BOUND) { /* witnesses name it `capex 2026` */
        char pb[32];
        cx_period_format(p, pb, sizeof pb);
        char *label = cx_strdupf("%s %s", b->name, pb);
        if (!cx_bounded_name(E->st, value_node, &own, label)) st = cx_eval_oom(E, span);
        free(label);
    }
    cx_value_clear(&own);
    return st;
}

/* The same for a value the caller keeps (an item of a shared list). */
static cx_status set_period(cx_eval *E, cx_binding *b, const cx_period *p, const cx_value *v,
                            cx_span span, const cx_ast *value_node)
{
    cx_value own;
    cx_value_init(&own);
    cx_value_copy(&own, v);
    cx_status st = set_period_take(E, b, p, &own, span, value_node);
    cx_value_clear(&own);
    return st;
}

/* The periods a period assignment writes, from literals (`x 2025Q1..2025Q4`). */
static cx_status literal_periods(cx_eval *E, const cx_ast *n, cx_period *first, cx_period *last)
{
    if (cx_eval_literal_period(E, cx_ast_first_period(n), first) != CX_OK) return CX_FAIL;
    *last = *first;
    if (!cx_ast_last_period(n)) return CX_OK;
    if (cx_eval_literal_period(E, cx_ast_last_period(n), last) != CX_OK) return CX_FAIL;
    if (!cx_period_same_freq(first, last))
        return cx_eval_error(E, CX_E_TYPE_FREQUENCY, cx_ast_last_period(n)->span,
                             "a range runs over one frequency: %s and %s differ",
                             cx_freq_name(first->freq), cx_freq_name(last->freq));
    if (cx_period_cmp(first, last) > 0)
        return cx_eval_error(E, CX_E_TYPE_RANGE, cx_ast_last_period(n)->span,
                             "the range ends before it starts");
    return CX_OK;
}

/* The periods `x[key] = ...` writes, from an expression: a period or a year
 * (capex[p]), or a range of them (capex[start..start + 11]). */
static cx_status key_periods(cx_eval *E, const cx_ast *n, cx_period *first, cx_period *last)
{
    const cx_ast *key = cx_ast_period_key(n);
    cx_value k;
    cx_value_init(&k);
    cx_status st = cx_eval_expr(E, key, &k);
    if (st == CX_OK && k.kind == CX_VAL_RANGE) {
        const cx_range *r = k.u.range;
        int64_t a, b;
        if (r->of_periods && r->pstep == 1) {
            *first = r->plo;
            *last = r->phi;
        } else if (!r->of_periods && !r->has_step && cx_num_get_si(&r->lo, &a) &&
                   cx_num_get_si(&r->hi, &b) && cx_period_from_year(a, first) &&
                   cx_period_from_year(b, last)) {
        } else {
            st = cx_eval_error(E, CX_E_TYPE_PERIOD, key->span,
                               "a series is assigned over a range of periods or years, every "
                               "one of them (no step)");
        }
        if (st == CX_OK && cx_period_cmp(first, last) > 0)
            st = cx_eval_error(E, CX_E_TYPE_RANGE, key->span, "the range ends before it starts");
    } else if (st == CX_OK) {
        st = cx_eval_value_period(E, &k, key->span, first);
        *last = *first;
    }
    cx_value_clear(&k);
    return st;
}

static cx_status exec_assign_at(cx_eval *E, const cx_ast *n)
{
    cx_period first, last;
    if ((n->kind == CX_AST_ASSIGN_AT ? literal_periods(E, n, &first, &last)
                                     : key_periods(E, n, &first, &last)) != CX_OK)
        return CX_FAIL;
    const cx_ast *key = n->kind == CX_AST_ASSIGN_AT ? cx_ast_first_period(n) : cx_ast_period_key(n);
    cx_binding *b = cx_env_global(&E->st->env, n->name);
    if (b && b->value.kind == CX_VAL_SERIES) {
        if (b->value.u.series->freq != first.freq) {
            cx_error *e =
                cx_diag_add(&E->st->diag, CX_E_TYPE_FREQUENCY, key->span,
                            "'%s' is %s %s series; this period is %s", n->name,
                            cx_article(cx_freq_name(b->value.u.series->freq)),
                            cx_freq_name(b->value.u.series->freq), cx_freq_name(first.freq));
            if (e) cx_error_add_note(e, b->span, "'%s' was first defined here", n->name);
            return CX_FAIL;
        }
        /* New periods join a series that keeps all its values. */
        if (cx_eval_fill_series(E, b, n->span) != CX_OK) return CX_FAIL;
    } else {
        if (define_name(E, n->name, n->name_span, &b) != CX_OK) return CX_FAIL;
        cx_series *s = cx_series_new(first.freq);
        if (!s) return cx_eval_oom(E, n->span);
        cx_value_take_series(&b->value, s);
    }
    /* Evaluate with `t` bound to each period in turn: a recurrence reads
     * earlier periods (revenue[t - 1]); a list is spread over the range. */
    cx_env *env = &E->st->env;
    size_t mark = env->n_locals;
    cx_value v, tv;
    cx_value_init(&v);
    cx_value_init(&tv);
    cx_status st = CX_OK;
    int64_t count = cx_period_diff(&first, &last) + 1;
    if (count > E->st->opt.max_series) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_LIMIT_SERIES, n->span,
                                  "a range of %lld periods is more than %ld", (long long)count,
                                  E->st->opt.max_series);
        if (e) cx_error_set_hint(e, "the limit is set with --max-series N");
        return CX_FAIL;
    }
    /* A long recurrence keeps only its last `keep` periods (recurrence.h). */
    int64_t keep = cx_recurrence_keep(E, n, b, count);
    /* Out of memory is an error, not a recurrence that keeps every value:
     * that would count other steps. */
    if (keep && !cx_recurrence_add(&E->st->recur, b, n)) return cx_eval_oom(E, n->span);
    if (keep) E->keep_stmt = true;
    cx_period p = first;
    cx_value_set_period(&tv, &p);
    if (!cx_env_push_local(env, "t", &tv)) return cx_eval_oom(E, n->span);
    for (int64_t i = 0; i < count; i++) {
        cx_value_set_period(&env->locals[mark].value, &p);
        cx_value_clear(&v);
        if ((st = cx_eval_expr(E, cx_ast_period_value(n), &v)) != CX_OK) break;
        if (i == 0 && v.kind == CX_VAL_LIST) {
            const cx_list *l = v.u.list;
            if ((int64_t)l->len != count) {
                st = cx_eval_error(E, CX_E_TYPE_LIST_LENGTH, cx_ast_period_value(n)->span,
                                   "the range has %lld period%s but the list has %zu value%s",
                                   (long long)count, count == 1 ? "" : "s", l->len,
                                   l->len == 1 ? "" : "s");
                break;
            }
            for (size_t k = 0; k < l->len && st == CX_OK; k++) {
                /* A list literal's items are each written as they are. */
                const cx_ast *vn = cx_ast_period_value(n);
                const cx_ast *item =
                    vn->kind == CX_AST_LIST && k < vn->list.len ? vn->list.items[k] : vn;
                st = set_period(E, b, &p, &l->items[k], n->span, item);
                cx_period_add(&p, 1, &p);
            }
            break;
        }
        if ((st = set_period_take(E, b, &p, &v, n->span, cx_ast_period_value(n))) != CX_OK) break;
        if ((st = cx_eval_step(E, n->span)) != CX_OK) break;
        if (keep && i >= keep && !cx_series_unkeep(b->value.u.series, p.ord - keep))
            keep = 0; /* not reached: the periods are consecutive */
        cx_period_add(&p, 1, &p);
    }
    cx_env_pop_locals(env, mark);
    cx_value_clear(&v);
    return st;
}

static cx_status exec_expr_stmt(cx_eval *E, const cx_ast *n)
{
    cx_value v;
    cx_value_init(&v);
    cx_status st = cx_eval_expr(E, cx_ast_value(n), &v);
    if (st != CX_OK) goto out;
    char *expr = cx_sources_text(&E->st->sources, cx_ast_value(n)->span);
    char *val = cx_eval_render(E, &v);
    char *text = expr && val ? cx_strdupf("%s = %s", expr, val) : NULL;
    if (text) {
        cx_output rec = {
            .kind = CX_OUT_VALUE, .text = text, .expr = expr, .value = val, .result = &v};
        rec.approx = v.kind == CX_VAL_NUM && !cx_num_is_exact(&v.u.num);
        cx_output_emit(E->st, &rec, n->span);
    } else {
        st = cx_eval_oom(E, n->span);
    }
    free(expr);
    free(val);
    free(text);
    if (st == CX_OK && E->st->opt.repl) {
        /* `_` is the last result at the prompt. */
        cx_binding *b = cx_env_global(&E->st->env, "_");
        if (!b) b = cx_env_define(&E->st->env, "_", n->span);
        if (b) cx_value_move(&b->value, &v);
        E->st->env.generation++;
    }
out:
    cx_value_clear(&v);
    return st;
}

static cx_status exec_print(cx_eval *E, const cx_ast *n)
{
    char *text = strdup("");
    cx_status st = CX_OK;
    for (size_t i = 0; i < n->list.len && st == CX_OK && text; i++) {
        cx_value v;
        cx_value_init(&v);
        st = cx_eval_expr(E, n->list.items[i], &v);
        if (st == CX_OK) {
            char *s = cx_eval_render(E, &v);
            char *t = s ? cx_strdupf("%s%s%s", text, i ? " " : "", s) : NULL;
            free(s);
            free(text);
            text = t;
        }
        cx_value_clear(&v);
    }
    if (st == CX_OK && !text) st = cx_eval_oom(E, n->span);
    if (st == CX_OK) {
        cx_output rec = {.kind = CX_OUT_PRINT, .text = text};
        cx_output_emit(E->st, &rec, n->span);
    }
    free(text);
    return st;
}

static cx_status exec_fn(cx_eval *E, const cx_ast *n)
{
    /* A user function may share a built-in's name and then wins in this
     * script's calls: a script must not break when the library grows. */
    for (size_t i = 0; i < n->list.len; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(n->list.items[i]->name, n->list.items[j]->name) == 0)
                return cx_eval_error(E, CX_E_NAME_DUPLICATE_PARAM, n->list.items[i]->span,
                                     "parameter '%s' appears twice", n->list.items[i]->name);
    cx_binding *b;
    /* It would win over the built-in in a lean recurrence's calls. */
    cx_recurrences *lean = &E->st->recur;
    for (size_t i = 0; cx_recurrence_plain_fn(n->name) && i < lean->n; i++)
        if (cx_eval_fill_series(E, lean->items[i].b, n->span) != CX_OK) return CX_FAIL;
    if (define_name(E, n->name, n->name_span, &b) != CX_OK) return CX_FAIL;
    cx_value_clear(&b->value);
    b->value.kind = CX_VAL_FUNC;
    b->value.u.fn = n;
    return CX_OK;
}

static cx_status exec_source(cx_eval *E, const cx_ast *n)
{
    cx_binding *b;
    if (define_name(E, n->name, n->name_span, &b) != CX_OK) return CX_FAIL;
    return cx_value_set_str(&b->value, n->str.text, n->str.len) ? CX_OK : cx_eval_oom(E, n->span);
}

/* ---- table ---- */

static cx_status exec_include(cx_eval *E, const cx_ast *n)
{
    const cx_source *src = cx_sources_get(&E->st->sources, n->span.src);
    char *path;
    if (n->str.len && n->str.text[0] == '/') path = strdup(n->str.text);
    else path = cx_strdupf("%s%s", src && src->dir ? src->dir : "", n->str.text);
    if (!path) return cx_eval_oom(E, n->span);
    cx_status st = cx_state_include(E->st, path, n->str.text,
                                    cx_ast_path_node(n) ? cx_ast_path_node(n)->span : n->span);
    free(path);
    return st;
}

static cx_status exec_stmt(cx_eval *E, const cx_ast *n)
{
    switch (n->kind) {
    case CX_AST_ASSIGN: return exec_assign(E, n);
    case CX_AST_ASSIGN_AT:
    case CX_AST_ASSIGN_INDEX: return exec_assign_at(E, n);
    case CX_AST_EXPR_STMT: return exec_expr_stmt(E, n);
    case CX_AST_PRINT: return exec_print(E, n);
    case CX_AST_CHECK: return n->boolean ? cx_check_all_scenarios(E, n) : cx_check_exec(E, n);
    case CX_AST_FN: return exec_fn(E, n);
    case CX_AST_INCLUDE: return exec_include(E, n);
    case CX_AST_TABLE: return cx_exec_table(E, n);
    case CX_AST_CHART: return cx_exec_chart(E, n);
    case CX_AST_SOURCE: return exec_source(E, n);
    case CX_AST_SCENARIO: return cx_exec_scenario(E, n);
    case CX_AST_SCENARIO_TABLE: return cx_exec_scenario_table(E, n);
    case CX_AST_TORNADO: return cx_exec_tornado(E, n);
    case CX_AST_UNIT_DECL: return cx_units_declare(E, n);
    case CX_AST_ERROR: return CX_FAIL;
    default: return exec_expr_stmt(E, n);
    }
}

cx_status cx_exec_stmt(cx_eval *E, const cx_ast *n)
{
    switch (cx_scenario_gate(E->st, n)) {
    case CX_GATE_SKIP: return CX_OK;
    case CX_GATE_STOP: return CX_FAIL; /* a re-run for a scenario ends here */
    case CX_GATE_RUN: break;
    }
    cx_status st = cx_eval_step(E, n->span);
    if (st == CX_OK) st = exec_stmt(E, n);
    if (st != CX_OK) cx_scenario_failed(E->st);
    /* after the statement's own output */
    if (!cx_output_flush_notes(E->st, st == CX_OK) && st == CX_OK) st = cx_eval_oom(E, n->span);
    return st == CX_OK ? cx_eval_poll(E, n->span) : CX_FAIL;
}
