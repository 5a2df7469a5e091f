/* eval.c - the expression evaluator: one function per expression kind,
 * errors as values with the span of the operator or operand at fault.  It
 * knows nothing of statements, checks or files (exec.c, check.c, state.c);
 * a note a built-in leaves waits in output.c for the statement's end.  Left-associative operator chains are walked
 * iteratively so a 100,000-term sum cannot exhaust the C stack; every other
 * recursion is bounded by the parser's nesting limit or the call-depth limit. */
#include "eval.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/format.h"
#include "../runtime/limits.h"
#include "../runtime/product.h"
#include "../runtime/sum.h"
#include "recurrence.h"
#include "../runtime/series.h"
#include "units.h"
#include "../runtime/suggest.h"
#include "../stdlib/builtins.h"
#include "display.h"
#include "output.h"

static const char *kind_name(const cx_value *v) { return cx_value_kind_name(v->kind); }

/* "number 1.5", "string", "series": what a value is, with the value itself
 * when it is a number (a wrong year or index is clearer shown than named).
 * malloc'ed; NULL on allocation failure. */
static char *describe(const cx_eval *E, const cx_value *v)
{
    if (v->kind != CX_VAL_NUM) return strdup(cx_value_kind_name(v->kind));
    return cx_fmt_brief(cx_eval_render(E, v));
}

/* ==== names =============================================================== */

static bool is_builtin(const char *name) { return cx_builtin_find(name) != NULL; }

static cx_status unknown_name(cx_eval *E, const char *name, cx_span span)
{
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_UNKNOWN, span, "unknown name '%s'", name);
    if (!e) return CX_FAIL;
    /* Candidates: the names in scope, the built-ins (unless the name is a
     * known one from elsewhere that cx lacks: mid is not min), the names
     * other tools use for them, and before '(' or at the start of a
     * statement the keywords that may stand there followed by an expression
     * (chekc(x > 1), chekc 2 > 1, which reads a period of chekc). */
    const cx_synonym *syn = cx_synonym_find(name);
    cx_suggest s, kw;
    cx_suggest_init(&s, name);
    cx_suggest_init(&kw, name);
    cx_env *env = &E->st->env;
    for (size_t i = env->frame_base; i < env->n_locals; i++)
        cx_suggest_offer(&s, env->locals[i].name);
    for (size_t i = 0; i < env->n_globals; i++) cx_suggest_offer(&s, env->globals[i]->name);
    if (!syn || syn->name) {
        size_t nb;
        const cx_builtin *tab = cx_builtin_table(&nb);
        for (size_t i = 0; i < nb; i++) cx_suggest_offer(&s, tab[i].name);
        size_t ns;
        const cx_synonym *syns = cx_synonym_table(&ns);
        for (size_t i = 0; i < ns; i++)
            if (syns[i].name) cx_suggest_offer_as(&s, syns[i].alias, syns[i].name);
    }
    const cx_source *src = cx_sources_get(&E->st->sources, span.src);
    if (src) {
        size_t at = span.end, before = span.start;
        while (at < src->len && src->text[at] == ' ') at++;
        while (before > 0 && (src->text[before - 1] == ' ' || src->text[before - 1] == '\t'))
            before--;
        bool call = at < src->len && src->text[at] == '(';
        bool starts = before == 0 || src->text[before - 1] == ';' || src->text[before - 1] == '\n';
        if (call || starts) {
            cx_suggest_offer(&kw, "check");
            cx_suggest_offer(&kw, "print");
        }
    }
    /* The same name in another case first, then what the name is called
     * in cx, then notation from elsewhere (a keyword in another case), then
     * a typo's neighbour. */
    char note[128];
    const char *best = NULL;
    if (s.best && s.best_dist == 0) best = s.best;
    else if (syn && syn->name) best = syn->name;
    else if (syn && syn->note) cx_error_set_hint(e, "%s", syn->note);
    else if (cx_suggest_notation(name, note, sizeof note)) cx_error_set_hint(e, "%s", note);
    else if (kw.best && (!s.best || kw.best_dist < s.best_dist)) best = kw.best;
    else best = s.best;
    if (best) {
        cx_binding *b = cx_env_global(env, best);
        const cx_source *bsrc = b ? cx_sources_get(&E->st->sources, b->span.src) : NULL;
        if (bsrc) {
            size_t line, col;
            cx_source_line_col(bsrc, b->span.start, &line, &col);
            cx_error_set_hint(e, "did you mean '%s'? (defined at %s:%zu:%zu)", best, bsrc->name,
                              line, col);
        } else {
            cx_error_set_hint(e, "did you mean '%s'?", best);
        }
    }
    return CX_FAIL;
}

/* ==== lean recurrences ==================================================== */

/* A lean recurrence's unkept values (recurrence.h), computed again from its
 * statement, in order, as the first time. */
cx_status cx_eval_fill_series(cx_eval *E, cx_binding *b, cx_span at)
{
    if (b->value.kind != CX_VAL_SERIES || cx_series_whole(b->value.u.series)) return CX_OK;
    /* Only in its own names: while a scenario runs the script again, the
     * script's names are set aside, and nothing reads them. */
    if (cx_env_global(&E->st->env, b->name) != b) return CX_OK;
    cx_series *s = b->value.u.series;
    const cx_recurrence *r = cx_recurrence_of(&E->st->recur, b);
    if (!r) return cx_eval_oom(E, b->span); /* not reached: added before any is unkept */
    const cx_ast *body = cx_ast_period_value(r->stmt);
    /* The value is computed as it was the first time: `t` the only local
     * (a caller's locals hidden), its own earlier periods read in place. */
    cx_env *env = &E->st->env;
    size_t mark = env->n_locals, saved_base = env->frame_base;
    cx_value v, tv;
    cx_value_init(&v);
    cx_value_init(&tv);
    cx_period p = {s->freq, s->unkept_lo};
    cx_value_set_period(&tv, &p);
    if (!cx_env_push_local(env, "t", &tv)) return cx_eval_oom(E, r->stmt->span);
    env->frame_base = mark;
    cx_status st = CX_OK;
    size_t notes = E->st->n_notes; /* the first run gave its notes already */
    while (!cx_series_whole(s)) {
        p.ord = s->unkept_lo;
        cx_value_set_period(&env->locals[mark].value, &p);
        cx_value_clear(&v);
        if ((st = cx_eval_expr(E, body, &v)) != CX_OK) break;
        if (v.kind != CX_VAL_NUM || v.unit) { /* not reached: steady() */
            st = cx_eval_oom(E, body->span);
            break;
        }
        if (!cx_series_set_take(s, p.ord, &v.u.num, (size_t)-1)) {
            st = cx_eval_oom(E, r->stmt->span);
            break;
        }
        if ((st = cx_eval_step(E, r->stmt->span)) != CX_OK) break;
    }
    env->frame_base = saved_base;
    cx_env_pop_locals(env, mark);
    cx_value_clear(&v);
    cx_value_clear(&tv);
    for (size_t i = notes; i < E->st->n_notes; i++) free(E->st->notes[i].detail);
    E->st->n_notes = notes;
    cx_diag *d = &E->st->diag;
    if (st != CX_OK && d->len && &d->items[d->len - 1] != &d->spare)
        cx_error_add_note(&d->items[d->len - 1], at,
                          "'%s' kept only its last periods (a long recurrence): reading it here "
                          "computes the others again",
                          b->name);
    return st;
}

/* The value a name denotes, borrowed (no copy), or NULL after an error.
 * `whole`: every period of a series may be read, so a lean recurrence
 * (recurrence.h) first computes again the values it did not keep;
 * otherwise the caller reads one period (keep_for). */
static const cx_value *lookup_as(cx_eval *E, const char *name, cx_span span, bool whole)
{
    cx_value *local = cx_env_local(&E->st->env, name);
    if (local) return local;
    cx_binding *b = cx_env_global(&E->st->env, name);
    if (b) {
        /* Tested here first: every name read passes by (a hot path). */
        if (whole && b->value.kind == CX_VAL_SERIES && !cx_series_whole(b->value.u.series) &&
            cx_eval_fill_series(E, b, span) != CX_OK)
            return NULL;
        return &b->value;
    }
    if (is_builtin(name)) {
        cx_eval_error(E, CX_E_TYPE_BUILTIN_VALUE, span,
                      "'%s' is a built-in function; call it with arguments: %s(...)", name, name);
        return NULL;
    }
    unknown_name(E, name, span);
    return NULL;
}

static const cx_value *lookup(cx_eval *E, const char *name, cx_span span)
{
    return lookup_as(E, name, span, true);
}

/* Before period ord of `base`, the value of `name`, is read (all: before
 * any of its periods are): a lean recurrence that did not keep it computes
 * its values again. */
static cx_status keep_for(cx_eval *E, const char *name, const cx_value *base, int64_t ord, bool all,
                          cx_span at)
{
    if (!name || base->kind != CX_VAL_SERIES || cx_series_whole(base->u.series)) return CX_OK;
    if (!all && !cx_series_unkept(base->u.series, ord)) return CX_OK;
    cx_binding *b = cx_env_global(&E->st->env, name);
    return b && &b->value == base ? cx_eval_fill_series(E, b, at) : CX_OK;
}

/* ==== periods ============================================================= */

/* A period from a literal in a period position: 2025 is a year. */
cx_status cx_eval_literal_period(cx_eval *E, const cx_ast *n, cx_period *out)
{
    if (n->kind == CX_AST_PERIOD) {
        *out = n->period;
        return CX_OK;
    }
    int64_t y;
    if (n->kind == CX_AST_NUM && n->num.is_int_text && cx_num_get_si(n->num.value, &y) &&
        cx_period_from_year(y, out))
        return CX_OK;
    return cx_eval_error(E, CX_E_TYPE_PERIOD, n->span,
                         "expected a period (a year like 2025, or 2025H1, 2025Q3, 2025-06, "
                         "2025-06-30)");
}

/* A period from a value in an index: a period, or an integer year. */
cx_status cx_eval_value_period(cx_eval *E, const cx_value *v, cx_span span, cx_period *out)
{
    if (v->kind == CX_VAL_PERIOD) {
        *out = v->u.period;
        return CX_OK;
    }
    int64_t y;
    if (v->kind == CX_VAL_NUM && !v->unit && cx_num_get_si(&v->u.num, &y) &&
        cx_period_from_year(y, out))
        return CX_OK;
    char *what = describe(E, v);
    cx_eval_error(E, CX_E_TYPE_PERIOD, span, "expected a period or a year (1 to 9999), got %s",
                  what ? what : "?");
    free(what);
    return CX_FAIL;
}

static cx_status missing_period(cx_eval *E, const char *name, const cx_series *s,
                                const cx_period *p, cx_span span)
{
    char pb[32];
    cx_period_format(p, pb, sizeof pb);
    if (p->freq != s->freq)
        return cx_eval_error(E, CX_E_TYPE_FREQUENCY, span, "%s is %s but %s is %s",
                             name ? name : "the series", cx_freq_name(s->freq), pb,
                             cx_freq_name(p->freq));
    char *have = cx_series_periods_text(s, 8);
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_NO_PERIOD, span, "%s has no value for %s",
                              name ? name : "the series", pb);
    if (e) {
        if (have) cx_error_set_hint(e, "%s has values for %s", name ? name : "it", have);
        else if (s->len == 0) cx_error_set_hint(e, "%s has no values yet", name ? name : "it");
    }
    free(have);
    return CX_FAIL;
}

static cx_status series_at(cx_eval *E, const char *name, const cx_series *s, const cx_period *p,
                           cx_span span, cx_value *out)
{
    const cx_num *x = p->freq == s->freq ? cx_series_get(s, p->ord) : NULL;
    if (!x) return missing_period(E, name, s, p, span);
    cx_value_set_num(out, x);
    return CX_OK;
}

static bool is_left_chain(const cx_ast *n)
{
    if (n->kind != CX_AST_BINARY) return false;
    switch (n->op) {
    case CX_OP_ADD:
    case CX_OP_SUB:
    case CX_OP_MUL:
    case CX_OP_DIV:
    case CX_OP_AND:
    case CX_OP_OR: return true;
    default: return false;
    }
}

static cx_status need_bool(cx_eval *E, const cx_value *v, cx_span span, const char *what)
{
    if (v->kind == CX_VAL_BOOL) return CX_OK;
    return cx_eval_error(E, CX_E_TYPE_NOT_BOOLEAN, span, "%s must be true or false, got %s", what,
                         kind_name(v));
}

/* Evaluates a binary node.  The left spine of left-associative operators is
 * collected on the heap and folded bottom-up, which is left-to-right order. */
/* `150B +- 10B`: '+' then '-' with nothing between, which is 150B + (-10B);
 * the writer most likely meant a bound, 150B ± 10B. */
static bool plus_minus_typed(const cx_ast *node)
{
    const cx_ast *r = cx_ast_rhs(node);
    return node->op == CX_OP_ADD && r->kind == CX_AST_UNARY && r->op == '-' &&
           r->op_span.start == node->op_span.end;
}

/* The note, once a statement (a loop would repeat it). */
static cx_status note_plus_minus(cx_eval *E, const cx_ast *node)
{
    cx_state *st = E->st;
    for (size_t i = 0; i < st->n_notes; i++)
        if (st->notes[i].span.src == node->op_span.src &&
            st->notes[i].span.start == node->op_span.start)
            return CX_OK;
    char *d = cx_strdupf("'+-' adds a negative number: a bound is written with '±' or '+/-' "
                         "(150B ± 10B); write + (-x) if you meant the sum");
    cx_span at = {node->op_span.src, node->op_span.start, cx_ast_rhs(node)->op_span.end};
    return cx_output_note_later(st, d, at) ? CX_OK : cx_eval_oom(E, node->op_span);
}

static cx_status eval_index(cx_eval *E, const cx_ast *n, cx_value *out, const cx_num **lent);

static inline bool is_arith(int op)
{
    return op == CX_OP_ADD || op == CX_OP_SUB || op == CX_OP_MUL || op == CX_OP_DIV;
}

/* out = a op b for + - * / (out may be a or b). */
static inline cx_num_status arith(int op, cx_num *out, const cx_num *a, const cx_num *b,
                                  const cx_num_ctx *ctx)
{
    return op == CX_OP_ADD   ? cx_num_add(out, a, b, ctx)
           : op == CX_OP_SUB ? cx_num_sub(out, a, b, ctx)
           : op == CX_OP_MUL ? cx_num_mul(out, a, b, ctx)
                             : cx_num_div(out, a, b, ctx);
}

static cx_status eval_binary(cx_eval *E, const cx_ast *n, cx_value *out)
{
    const cx_ast *local[32];
    const cx_ast **spine = local;
    size_t len = 0, cap = 32;
    cx_status st = CX_FAIL;
    const cx_ast *cur = n;
    spine[len++] = cur;
    if (is_left_chain(cur)) {
        while (is_left_chain(cx_ast_lhs(cur))) {
            if (len == cap) {
                size_t ncap = cap * 2;
                const cx_ast **s =
                    spine == local ? malloc(ncap * sizeof *s) : realloc(spine, ncap * sizeof *s);
                if (!s) {
                    if (spine != local) free(spine);
                    return cx_eval_oom(E, n->span);
                }
                if (spine == local) memcpy(s, local, sizeof local);
                spine = s;
                cap = ncap;
            }
            cur = cx_ast_lhs(cur);
            spine[len++] = cur;
        }
    }
    cx_value acc, rhs, res;
    cx_value_init(&acc);
    cx_value_init(&rhs);
    cx_value_init(&res);
    /* A period of a series on the far left (revenue[t - 1] * 1.13) is read
     * in place, not copied: the first step computes from it. */
    const cx_ast *first = cx_ast_lhs(spine[len - 1]);
    const cx_num *lent = NULL;
    if ((first->kind == CX_AST_INDEX ? eval_index(E, first, &acc, &lent)
                                     : cx_eval_expr(E, first, &acc)) != CX_OK)
        goto out;
    size_t i = len;
    if (lent && is_arith(spine[len - 1]->op)) {
        const cx_ast *node = spine[--i];
        if (cx_eval_expr(E, cx_ast_rhs(node), &rhs) != CX_OK) goto out;
        if (plus_minus_typed(node) && note_plus_minus(E, node) != CX_OK) goto out;
        if (rhs.kind == CX_VAL_NUM && !rhs.unit) {
            cx_num r;
            cx_num_init(&r);
            cx_num_status ns = arith(node->op, &r, lent, &rhs.u.num, &E->st->nctx);
            cx_value_take_num(&acc, &r);
            cx_num_clear(&r);
            if (ns != CX_NUM_OK) {
                cx_eval_num_error(E, ns, node->op_span);
                goto out;
            }
        } else {
            cx_value_set_num(&acc, lent);
            if (cx_eval_binop_spans(E, node->op, node->op_span, &acc, &rhs, &res,
                                    cx_ast_lhs(node)->span, cx_ast_rhs(node)->span) != CX_OK)
                goto out;
            cx_value_move(&acc, &res);
        }
    } else if (lent) {
        cx_value_set_num(&acc, lent);
    }
    while (i-- > 0) {
        const cx_ast *node = spine[i];
        if (node->op == CX_OP_AND || node->op == CX_OP_OR) {
            if (need_bool(E, &acc, cx_ast_lhs(node)->span,
                          node->op == CX_OP_AND ? "the left side of 'and'"
                                                : "the left side of 'or'") != CX_OK)
                goto out;
            bool short_circuit = node->op == CX_OP_AND ? !acc.u.b : acc.u.b;
            if (short_circuit) continue;
            cx_value_clear(&acc);
            if (cx_eval_expr(E, cx_ast_rhs(node), &acc) != CX_OK) goto out;
            if (need_bool(E, &acc, cx_ast_rhs(node)->span,
                          node->op == CX_OP_AND ? "the right side of 'and'"
                                                : "the right side of 'or'") != CX_OK)
                goto out;
            continue;
        }
        cx_value_clear(&rhs);
        if (cx_eval_expr(E, cx_ast_rhs(node), &rhs) != CX_OK) goto out;
        if (plus_minus_typed(node) && note_plus_minus(E, node) != CX_OK) goto out;
        /* Two plain numbers: + - * / in place (number.c lets the output be
         * an input), without a third value per step. */
        if (acc.kind == CX_VAL_NUM && rhs.kind == CX_VAL_NUM && !acc.unit && !rhs.unit &&
            is_arith(node->op)) {
            cx_num_status ns = arith(node->op, &acc.u.num, &acc.u.num, &rhs.u.num, &E->st->nctx);
            if (ns != CX_NUM_OK) {
                cx_eval_num_error(E, ns, node->op_span);
                goto out;
            }
            continue;
        }
        cx_value_clear(&res);
        if (cx_eval_binop_spans(E, node->op, node->op_span, &acc, &rhs, &res,
                                cx_ast_lhs(node)->span, cx_ast_rhs(node)->span) != CX_OK)
            goto out;
        cx_value_move(&acc, &res);
    }
    if (len > 64 && cx_eval_poll(E, n->span) != CX_OK) goto out;
    cx_value_move(out, &acc);
    st = CX_OK;
out:
    cx_value_clear(&acc);
    cx_value_clear(&rhs);
    cx_value_clear(&res);
    if (spine != local) free(spine);
    return st;
}

static cx_status eval_unary(cx_eval *E, const cx_ast *n, cx_value *out)
{
    cx_value v;
    cx_value_init(&v);
    cx_status st = cx_eval_expr(E, cx_ast_operand(n), &v);
    if (st != CX_OK) goto out;
    if (n->op == CX_OP_NOT) {
        if ((st = need_bool(E, &v, cx_ast_operand(n)->span, "the operand of 'not'")) == CX_OK)
            cx_value_set_bool(out, !v.u.b);
    } else if (v.kind == CX_VAL_NUM) {
        if (n->op == '-') cx_num_neg(&v.u.num, &v.u.num);
        cx_value_move(out, &v);
    } else if (v.kind == CX_VAL_BOUND) {
        if (n->op == '-') st = cx_bounded_neg(E, &v, n->span);
        if (st == CX_OK) cx_value_move(out, &v);
    } else if (v.kind == CX_VAL_SERIES) {
        if (n->op == '-') {
            cx_num minus1;
            cx_num_init(&minus1);
            cx_num_set_si(&minus1, -1);
            cx_series *r = NULL;
            int64_t bad;
            cx_series_scalar(&r, v.u.series, &minus1, false, cx_num_mul, &E->st->nctx, &bad);
            cx_num_clear(&minus1);
            if (!r) st = cx_eval_oom(E, n->span);
            else {
                cx_value_take_series(out, r);
                cx_value_set_unit(out, v.unit);
            }
        } else {
            cx_value_move(out, &v);
        }
    } else {
        st = cx_eval_error(E, CX_E_TYPE_OPERANDS, n->op_span, "cannot apply '%c' to %s", n->op,
                           kind_name(&v));
    }
out:
    cx_value_clear(&v);
    return st;
}

/* A series with a bound in a period, as the flows npv, npv0 and sum read:
 * its periods in order from the first to the last, a missing one a zero
 * flow, each period a number or a bound, in the series' unit.  false (out
 * untouched) when `a` is no such series. */
static bool bounded_series_flows(cx_eval *E, const cx_ast *a, cx_value *out, cx_status *st)
{
    if (cx_env_local(&E->st->env, a->name)) return false;
    const cx_binding *b = cx_env_global(&E->st->env, a->name);
    if (!b || b->value.kind != CX_VAL_SERIES || b->n_bound_periods == 0) return false;
    const cx_series *s = b->value.u.series;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < s->len; i++) {
        if (s->ords[i] < lo) lo = s->ords[i];
        if (s->ords[i] > hi) hi = s->ords[i];
    }
    for (size_t i = 0; i < b->n_bound_periods; i++) {
        if (b->bound_periods[i].ord < lo) lo = b->bound_periods[i].ord;
        if (b->bound_periods[i].ord > hi) hi = b->bound_periods[i].ord;
    }
    uint64_t len = (uint64_t)(hi - lo) + 1;
    if (len > (uint64_t)E->st->opt.max_series) {
        *st = cx_eval_error(E, CX_E_LIMIT_SERIES, a->span, "list longer than %ld items",
                            E->st->opt.max_series);
        return true;
    }
    cx_list *l = cx_list_new((size_t)len);
    if (!l) {
        *st = cx_eval_oom(E, a->span);
        return true;
    }
    cx_value_take_list(out, l);
    cx_num zero;
    cx_num_init(&zero);
    for (int64_t ord = lo; ord <= hi; ord++) {
        cx_value v;
        cx_value_init(&v);
        const cx_value *bv = cx_binding_bound_period(b, ord);
        const cx_num *x = bv ? NULL : cx_series_get(s, ord);
        if (bv) cx_value_copy(&v, bv);
        else cx_value_set_num(&v, x ? x : &zero);
        if (!bv) cx_value_set_unit(&v, b->value.unit);
        if (!cx_list_push_take(l, &v)) {
            cx_value_clear(&v);
            *st = cx_eval_oom(E, a->span);
            break;
        }
    }
    cx_num_clear(&zero);
    return true;
}

/* `8% to 12%`, `150B ± 10B`: bounded.c makes the input. */
static cx_status eval_bound(cx_eval *E, const cx_ast *n, cx_value *out)
{
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cx_status st = cx_eval_expr(E, n->a, &a);
    if (st == CX_OK) st = cx_eval_expr(E, n->b, &b);
    if (st == CX_OK) st = cx_bounded_make(E, n, &a, &b, out);
    cx_value_clear(&a);
    cx_value_clear(&b);
    return st;
}

/* ==== series access ======================================================= */

/* `capex 2025`: the name must denote a series. */
/* The global binding a series value belongs to, when name is not a local. */
static const cx_binding *series_binding(cx_eval *E, const char *name, const cx_value *v)
{
    if (!name || cx_env_local(&E->st->env, name)) return NULL;
    const cx_binding *b = cx_env_global(&E->st->env, name);
    return b && &b->value == v ? b : NULL;
}

/* A whole series with a period that is a bound cannot be read as numbers:
 * every built-in and operator would see one number there, or none. */
static cx_status bounded_series(cx_eval *E, const char *name, const cx_value *v, cx_span span)
{
    const cx_binding *b = series_binding(E, name, v);
    if (!b || b->n_bound_periods == 0) return CX_OK;
    cx_period p = {b->value.u.series->freq, b->bound_periods[0].ord};
    char pb[32];
    cx_period_format(&p, pb, sizeof pb);
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_BOUND, span,
                              "'%s' has a bound in %s: a whole series holds numbers", name, pb);
    if (e)
        cx_error_set_hint(e,
                          "read its periods one by one (%s %s, %s[t - 1]); a bound combines "
                          "with numbers and bounds",
                          name, pb, name);
    return CX_FAIL;
}

/* The bound at period p of series `name`, copied into out: true when there
 * is one. */
static bool bound_at(cx_eval *E, const char *name, const cx_value *v, const cx_period *p,
                     cx_value *out)
{
    const cx_binding *b = series_binding(E, name, v);
    const cx_value *bv =
        b && p->freq == b->value.u.series->freq ? cx_binding_bound_period(b, p->ord) : NULL;
    if (!bv) return false;
    cx_value_copy(out, bv);
    return true;
}

static cx_status eval_at(cx_eval *E, const cx_ast *n, cx_value *out)
{
    const char *name = cx_ast_at_series(n)->name;
    const cx_value *base = lookup_as(E, name, cx_ast_at_series(n)->span, false);
    if (!base) return CX_FAIL;
    cx_period p;
    if (cx_eval_literal_period(E, cx_ast_at_period(n), &p) != CX_OK) return CX_FAIL;
    if (keep_for(E, name, base, p.ord, false, n->span) != CX_OK) return CX_FAIL;
    if (base->kind != CX_VAL_SERIES)
        return cx_eval_error(E, CX_E_TYPE_NOT_SERIES, cx_ast_at_series(n)->span,
                             "'%s' is %s %s, not a series; '%s %.*s' reads one period of a series",
                             cx_ast_at_series(n)->name, cx_article(kind_name(base)),
                             kind_name(base), cx_ast_at_series(n)->name,
                             (int)(cx_ast_at_period(n)->span.end - cx_ast_at_period(n)->span.start),
                             cx_sources_get(&E->st->sources, cx_ast_at_period(n)->span.src)->text +
                                 cx_ast_at_period(n)->span.start);
    if (bound_at(E, cx_ast_at_series(n)->name, base, &p, out)) return CX_OK;
    cx_status st = series_at(E, cx_ast_at_series(n)->name, base->u.series, &p, n->span, out);
    if (st == CX_OK) cx_value_set_unit(out, base->unit);
    return st;
}

/* A slice asks for every period of its range: a missing one is an error,
 * never a silently shorter series (sum(x[2024Q3..2025Q2]) with 2025Q1
 * missing would add three quarters). */
static cx_status slice_series(cx_eval *E, const char *name, const cx_series *s, const cx_value *r,
                              cx_span span, cx_value *out)
{
    cx_period lo, hi;
    int64_t step = 1;
    if (r->u.range->of_periods) {
        lo = r->u.range->plo;
        hi = r->u.range->phi;
        step = r->u.range->pstep;
    } else {
        int64_t a, b;
        if (!cx_num_get_si(&r->u.range->lo, &a) || !cx_num_get_si(&r->u.range->hi, &b) ||
            !cx_num_get_si(&r->u.range->step, &step) || step < 1 || !cx_period_from_year(a, &lo) ||
            !cx_period_from_year(b, &hi))
            return cx_eval_error(E, CX_E_TYPE_PERIOD, span,
                                 "a series is sliced with a range of periods or years");
    }
    if (lo.freq != s->freq) return missing_period(E, name, s, &lo, span);
    int64_t first[CX_MISSING_SHOWN];
    uint64_t lacking = cx_series_lacking_range(s, lo.ord, hi.ord, step, first, CX_MISSING_SHOWN);
    if (lacking) {
        uint64_t want = (uint64_t)(hi.ord - lo.ord) / (uint64_t)step + 1;
        char *what;
        if (lacking == want && want > CX_MISSING_SHOWN) { /* none at all: name the range */
            char pl[32], ph[32];
            cx_period_format(&lo, pl, sizeof pl);
            cx_period_format(&hi, ph, sizeof ph);
            what = cx_strdupf("any period of %s..%s", pl, ph);
        } else {
            what = cx_periods_missing_text(
                s->freq, first, lacking < CX_MISSING_SHOWN ? lacking : CX_MISSING_SHOWN, lacking);
        }
        if (!what) return cx_eval_oom(E, span);
        char *have = cx_series_periods_text(s, 8);
        const char *who = name ? name : "the series";
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_NO_PERIOD, span,
                                  "%s has no value for %s, which the slice asks for", who, what);
        if (e) {
            if (have)
                cx_error_set_hint(e, "%s has values for %s; slice a range it covers", who, have);
            else if (s->len == 0) cx_error_set_hint(e, "%s has no values yet", who);
        }
        free(what);
        free(have);
        return CX_FAIL;
    }
    cx_series *res = cx_series_new(s->freq);
    if (!res) return cx_eval_oom(E, span);
    for (size_t i = 0; i < s->len; i++)
        if (s->ords[i] >= lo.ord && s->ords[i] <= hi.ord && (s->ords[i] - lo.ord) % step == 0 &&
            !cx_series_set(res, s->ords[i], &s->vals[i], (size_t)-1)) {
            cx_series_unref(res);
            return cx_eval_oom(E, span);
        }
    cx_value_take_series(out, res);
    return CX_OK;
}

/* base[key].  With `lent` non-NULL, a number read from a named series
 * without a unit is lent instead of copied: *lent points into the series
 * (which nothing changes while an expression is evaluated) and out is left
 * as it was; otherwise *lent stays NULL. */
static cx_status eval_index(cx_eval *E, const cx_ast *n, cx_value *out, const cx_num **lent)
{
    cx_value basev, idx;
    cx_value_init(&basev);
    cx_value_init(&idx);
    cx_status st = CX_FAIL;
    const cx_value *base;
    const char *name = NULL;
    /* Fast path: index a named series in place, without copying it. */
    if (cx_ast_index_base(n)->kind == CX_AST_NAME) {
        name = cx_ast_index_base(n)->name;
        base = lookup_as(E, name, cx_ast_index_base(n)->span, false);
        if (!base) goto out;
    } else {
        if (cx_eval_expr(E, cx_ast_index_base(n), &basev) != CX_OK) goto out;
        base = &basev;
    }
    if (cx_eval_expr(E, cx_ast_index_key(n), &idx) != CX_OK) goto out;
    if (base->kind == CX_VAL_SERIES) {
        if (idx.kind == CX_VAL_RANGE) {
            if (keep_for(E, name, base, 0, true, n->span) != CX_OK) goto out;
            if (bounded_series(E, name, base, n->span) != CX_OK) goto out;
            st = slice_series(E, name, base->u.series, &idx, cx_ast_index_key(n)->span, out);
        } else {
            cx_period p;
            if (cx_eval_value_period(E, &idx, cx_ast_index_key(n)->span, &p) != CX_OK) goto out;
            if (keep_for(E, name, base, p.ord, false, n->span) != CX_OK) goto out;
            if (bound_at(E, name, base, &p, out)) {
                st = CX_OK;
                goto out;
            }
            if (lent && name && !base->unit && p.freq == base->u.series->freq &&
                (*lent = cx_series_get(base->u.series, p.ord))) {
                st = CX_OK;
                goto out;
            }
            st = series_at(E, name, base->u.series, &p, n->span, out);
        }
        if (st == CX_OK) cx_value_set_unit(out, base->unit);
    } else if (base->kind == CX_VAL_LIST) {
        const cx_list *l = base->u.list;
        int64_t i;
        if (idx.kind != CX_VAL_NUM || idx.unit || !cx_num_get_si(&idx.u.num, &i)) {
            char *what = describe(E, &idx);
            st = cx_eval_error(E, CX_E_TYPE_INDEX, cx_ast_index_key(n)->span,
                               "a list is indexed by a whole number (1 is the first item), got %s",
                               what ? what : "?");
            free(what);
            goto out;
        }
        int64_t len = (int64_t)l->len;
        int64_t k = i > 0 ? i - 1 : len + i; /* -1 is the last item */
        if (i == 0 || k < 0 || k >= len) {
            if (len == 0)
                st = cx_eval_error(E, CX_E_NAME_NO_INDEX, cx_ast_index_key(n)->span,
                                   "index %lld is outside the list: the list is empty",
                                   (long long)i);
            else
                st = cx_eval_error(E, CX_E_NAME_NO_INDEX, cx_ast_index_key(n)->span,
                                   "index %lld is outside the list (it has %lld item%s; the first "
                                   "is [1], the last [-1])",
                                   (long long)i, (long long)len, len == 1 ? "" : "s");
            goto out;
        }
        cx_value_copy(out, &l->items[k]);
        st = CX_OK;
    } else {
        st = cx_eval_error(E, CX_E_TYPE_INDEX, cx_ast_index_base(n)->span,
                           "cannot index %s; only series and lists have [ ]", kind_name(base));
    }
out:
    cx_value_clear(&basev);
    cx_value_clear(&idx);
    return st;
}

/* ==== iteration =========================================================== */

/* Whether a numeric range runs over whole numbers in machine words (and
 * is not empty). */
static bool small_int_range(const cx_range *r)
{
    return r->lo.kind == CX_NUM_SMALL && r->lo.u.s.den == 1 && r->hi.kind == CX_NUM_SMALL &&
           r->hi.u.s.den == 1 && r->step.kind == CX_NUM_SMALL && r->step.u.s.den == 1 &&
           r->step.u.s.num > 0 && r->lo.u.s.num <= r->hi.u.s.num;
}

/* Calls fn for every item of a list, series (values), or range; fn may move
 * the item out.  Stops at the first failure. */
cx_status cx_eval_iterate(cx_eval *E, const cx_value *it, cx_span span, cx_item_fn fn, void *ud)
{
    cx_value item;
    cx_value_init(&item);
    cx_status st = CX_OK;
    if (it->kind == CX_VAL_LIST) {
        cx_list *l = it->u.list;
        l->rc++; /* keep it alive while the body runs */
        for (size_t i = 0; i < l->len && st == CX_OK; i++) {
            if ((st = cx_eval_step(E, span)) != CX_OK) break;
            cx_value_copy(&item, &l->items[i]);
            st = fn(E, &item, ud);
            cx_value_clear(&item);
        }
        cx_list_unref(l);
    } else if (it->kind == CX_VAL_SERIES) {
        cx_series *s = it->u.series;
        s->rc++;
        for (size_t i = 0; i < s->len && st == CX_OK; i++) {
            if ((st = cx_eval_step(E, span)) != CX_OK) break;
            cx_value_set_num(&item, &s->vals[i]);
            cx_value_set_unit(&item, it->unit);
            st = fn(E, &item, ud);
            cx_value_clear(&item);
        }
        cx_series_unref(s);
    } else if (it->kind == CX_VAL_RANGE) {
        const cx_range *r = it->u.range;
        if (r->of_periods) {
            for (cx_period p = r->plo; st == CX_OK && cx_period_cmp(&p, &r->phi) <= 0;) {
                if ((st = cx_eval_step(E, span)) != CX_OK) break;
                cx_value_set_period(&item, &p);
                st = fn(E, &item, ud);
                cx_value_clear(&item);
                if (!cx_period_add(&p, r->pstep, &p)) break;
            }
        } else if (small_int_range(r)) {
            /* Whole numbers in machine words: no number arithmetic per item. */
            int64_t k = r->lo.u.s.num, hi = r->hi.u.s.num, step = r->step.u.s.num;
            cx_num cur;
            cx_num_init(&cur);
            for (;;) {
                if ((st = cx_eval_step(E, span)) != CX_OK) break;
                cur.u.s.num = k;
                cx_value_set_num(&item, &cur);
                st = fn(E, &item, ud);
                cx_value_clear(&item);
                if (st != CX_OK || (uint64_t)hi - (uint64_t)k < (uint64_t)step) break;
                k += step;
            }
        } else {
            cx_num cur;
            cx_num_init(&cur);
            cx_num_set(&cur, &r->lo);
            while (st == CX_OK && cx_num_cmp(&cur, &r->hi) <= 0) {
                if ((st = cx_eval_step(E, span)) != CX_OK) break;
                cx_value_set_num(&item, &cur);
                st = fn(E, &item, ud);
                cx_value_clear(&item);
                if (st == CX_OK) {
                    cx_num_status ns = cx_num_add(&cur, &cur, &r->step, &E->st->nctx);
                    if (ns != CX_NUM_OK) st = cx_eval_num_error(E, ns, span);
                }
            }
            cx_num_clear(&cur);
        }
    } else {
        st = cx_eval_error(E, CX_E_TYPE_NOT_ITERABLE, span,
                           "cannot iterate over %s; use a list, a series or a range like 1..10",
                           kind_name(it));
    }
    return st;
}

static cx_status eval_range(cx_eval *E, const cx_ast *n, cx_value *out)
{
    cx_value lo, hi, step;
    cx_value_init(&lo);
    cx_value_init(&hi);
    cx_value_init(&step);
    cx_status st = CX_FAIL;
    cx_range *r = NULL;
    if (cx_eval_expr(E, cx_ast_range_lo(n), &lo) != CX_OK ||
        cx_eval_expr(E, cx_ast_range_hi(n), &hi) != CX_OK)
        goto out;
    if (cx_ast_range_step(n) && cx_eval_expr(E, cx_ast_range_step(n), &step) != CX_OK) goto out;
    if (cx_units_refuse(E, &lo, cx_ast_range_lo(n)->span, "a range") != CX_OK ||
        cx_units_refuse(E, &hi, cx_ast_range_hi(n)->span, "a range") != CX_OK ||
        cx_units_refuse(E, &step, n->span, "a range") != CX_OK)
        goto out;
    if (!(r = cx_range_new())) {
        st = cx_eval_oom(E, n->span);
        goto out;
    }
    if (lo.kind == CX_VAL_PERIOD || hi.kind == CX_VAL_PERIOD) {
        cx_period a, b;
        if (cx_eval_value_period(E, &lo, cx_ast_range_lo(n)->span, &a) != CX_OK ||
            cx_eval_value_period(E, &hi, cx_ast_range_hi(n)->span, &b) != CX_OK)
            goto out;
        if (!cx_period_same_freq(&a, &b)) {
            st = cx_eval_error(E, CX_E_TYPE_FREQUENCY, n->span,
                               "a range runs over one frequency: %s and %s differ",
                               cx_freq_name(a.freq), cx_freq_name(b.freq));
            goto out;
        }
        r->of_periods = true;
        r->plo = a;
        r->phi = b;
        r->pstep = 1;
        if (cx_ast_range_step(n)) {
            int64_t k;
            if (step.kind != CX_VAL_NUM || !cx_num_get_si(&step.u.num, &k) || k <= 0) {
                st = cx_eval_error(E, CX_E_TYPE_RANGE_STEP, cx_ast_range_step(n)->span,
                                   "the step of a period range is a positive whole number");
                goto out;
            }
            r->pstep = k;
        }
    } else {
        if (lo.kind != CX_VAL_NUM || hi.kind != CX_VAL_NUM) {
            st = cx_eval_error(E, CX_E_TYPE_RANGE, n->span,
                               "a range needs numbers or periods at both ends, got %s and %s",
                               kind_name(&lo), kind_name(&hi));
            goto out;
        }
        cx_num_set(&r->lo, &lo.u.num);
        cx_num_set(&r->hi, &hi.u.num);
        if (cx_ast_range_step(n)) {
            if (step.kind != CX_VAL_NUM || cx_num_sgn(&step.u.num) <= 0) {
                st = cx_eval_error(E, CX_E_TYPE_RANGE_STEP, cx_ast_range_step(n)->span,
                                   "the step of a range must be a positive number");
                goto out;
            }
            cx_num_set(&r->step, &step.u.num);
            r->has_step = true;
        } else {
            cx_num_set_si(&r->step, 1);
        }
    }
    cx_value_take_range(out, r);
    r = NULL;
    st = CX_OK;
out:
    if (r) cx_range_unref(r);
    cx_value_clear(&lo);
    cx_value_clear(&hi);
    cx_value_clear(&step);
    return st;
}

/* A comprehension feeds its elements to a sink: a list, or a running sum or
 * product (so sum(f(i) for i in 1..1000000) needs no million-item list). */
typedef enum { SINK_LIST, SINK_SUM, SINK_PRODUCT } sink_kind;

typedef struct comp_ctx {
    const cx_ast *comp;
    size_t slot; /* index of the loop variable among the locals */
    sink_kind sink;
    cx_list *list;
    cx_sum sum;         /* SINK_SUM: reduced once at the end (runtime/sum.h) */
    cx_product product; /* SINK_PRODUCT: a balanced tree (runtime/product.h) */
    cx_value bounded;   /* the bounded items so far, summed or multiplied; NONE: none */
    cx_uom *unit;       /* SINK_SUM: the unit of the first item; every item has it */
    bool any_item;
} comp_ctx;

static cx_status comp_item(cx_eval *E, cx_value *item, void *ud)
{
    comp_ctx *c = ud;
    cx_env *env = &E->st->env;
    cx_value_move(&env->locals[c->slot].value, item);
    cx_value v;
    cx_value_init(&v);
    cx_status st = CX_OK;
    if (cx_ast_comp_filter(c->comp)) {
        if ((st = cx_eval_expr(E, cx_ast_comp_filter(c->comp), &v)) != CX_OK) goto out;
        if ((st = need_bool(E, &v, cx_ast_comp_filter(c->comp)->span, "the filter after 'if'")) !=
            CX_OK)
            goto out;
        bool keep = v.u.b;
        cx_value_clear(&v);
        if (!keep) goto out;
    }
    if ((st = cx_eval_expr(E, cx_ast_comp_elem(c->comp), &v)) != CX_OK) goto out;
    if (c->sink == SINK_LIST) {
        if (c->list->len >= (size_t)E->st->opt.max_series) {
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_LIMIT_SERIES, c->comp->span,
                                      "list longer than %ld items", E->st->opt.max_series);
            if (e) cx_error_set_hint(e, "the limit is set with --max-series N");
            st = CX_FAIL;
            goto out;
        }
        if (!cx_list_push_take(c->list, &v)) st = cx_eval_oom(E, c->comp->span);
    } else if (v.kind == CX_VAL_BOUND) {
        /* Bounds add and multiply as forms, apart from the plain numbers. */
        int op = c->sink == SINK_SUM ? CX_OP_ADD : CX_OP_MUL;
        if (c->bounded.kind == CX_VAL_NONE) cx_value_move(&c->bounded, &v);
        else
            st =
                cx_eval_binop(E, op, cx_ast_comp_elem(c->comp)->span, &c->bounded, &v, &c->bounded);
    } else {
        if (v.kind != CX_VAL_NUM) {
            st = cx_eval_error(E, CX_E_TYPE_ARG, cx_ast_comp_elem(c->comp)->span,
                               "%s needs numbers, got %s", c->sink == SINK_SUM ? "sum" : "product",
                               kind_name(&v));
            goto out;
        }
        if (c->sink == SINK_PRODUCT && v.unit) {
            st = cx_units_refuse(E, &v, cx_ast_comp_elem(c->comp)->span, "product");
            goto out;
        }
        if (!c->any_item) c->unit = cx_uom_ref(v.unit);
        else if (!cx_uom_equal(c->unit, v.unit)) {
            st = cx_eval_error(E, CX_E_TYPE_UNIT, cx_ast_comp_elem(c->comp)->span,
                               "sum adds amounts in one unit; an item is in another");
            goto out;
        }
        c->any_item = true;
        cx_num_status ns = c->sink == SINK_PRODUCT
                               ? cx_product_add(&c->product, &v.u.num, &E->st->nctx)
                               : cx_sum_add(&c->sum, &v.u.num, &E->st->nctx);
        if (ns != CX_NUM_OK) st = cx_eval_num_error(E, ns, cx_ast_comp_elem(c->comp)->span);
    }
out:
    cx_value_clear(&v);
    return st;
}

static cx_status run_comp(cx_eval *E, const cx_ast *comp, sink_kind sink, cx_value *out)
{
    cx_value iter, none;
    cx_value_init(&iter);
    cx_value_init(&none);
    comp_ctx c = {.comp = comp, .sink = sink};
    cx_value_init(&c.bounded);
    cx_sum_init(&c.sum);
    cx_product_init(&c.product);
    cx_env *env = &E->st->env;
    size_t mark = env->n_locals;
    cx_status st = cx_eval_expr(E, cx_ast_comp_iter(comp), &iter);
    if (st != CX_OK) goto out;
    if (sink == SINK_LIST && !(c.list = cx_list_new(16))) {
        st = cx_eval_oom(E, comp->span);
        goto out;
    }
    if (!cx_env_push_local(env, comp->name, &none)) {
        st = cx_eval_oom(E, comp->span);
        goto out;
    }
    c.slot = mark;
    st = cx_eval_iterate(E, &iter, cx_ast_comp_iter(comp)->span, comp_item, &c);
    if (st == CX_OK) {
        if (sink == SINK_LIST) {
            cx_value_take_list(out, c.list);
            c.list = NULL;
        } else {
            cx_num acc;
            cx_num_init(&acc);
            cx_num_status ns = sink == SINK_PRODUCT
                                   ? cx_product_take(&c.product, &acc, &E->st->nctx)
                                   : cx_sum_take(&c.sum, &acc, &E->st->nctx);
            if (ns == CX_NUM_OK) {
                cx_value_take_num(out, &acc);
                cx_value_set_unit(out, c.unit);
            } else st = cx_eval_num_error(E, ns, comp->span);
            cx_num_clear(&acc);
            if (st == CX_OK && c.bounded.kind != CX_VAL_NONE)
                st = cx_eval_binop(E, sink == SINK_SUM ? CX_OP_ADD : CX_OP_MUL, comp->span,
                                   &c.bounded, out, out);
        }
    }
out:
    cx_env_pop_locals(env, mark);
    if (c.list) cx_list_unref(c.list);
    cx_product_clear(&c.product);
    cx_sum_clear(&c.sum);
    cx_value_clear(&c.bounded);
    cx_uom_unref(c.unit);
    cx_value_clear(&iter);
    return st;
}

/* ==== calls =============================================================== */

/* An error inside a user function names the calls that led there, like a
 * traceback: a note per call site, innermost first.  Past CALL_NOTES calls
 * the innermost ones stay, then one note counts the calls in between, then
 * the outermost call, where the script's own statement made it. */
enum { CALL_NOTES = 4 };

static void set_text(cx_note *note, char *text)
{
    if (!text) return;
    free(note->text);
    note->text = text;
}

static void note_call(cx_eval *E, const char *fn, cx_span call)
{
    cx_diag *d = &E->st->diag;
    if (!d->len) return;
    cx_error *e = &d->items[d->len - 1];
    size_t calls = 0;
    for (size_t i = 0; i < e->n_notes; i++)
        if (e->notes[i].kind == CX_NOTE_CALL) calls++;
    cx_note *last = e->n_notes ? &e->notes[e->n_notes - 1] : NULL;
    cx_note *before = e->n_notes > 1 ? &e->notes[e->n_notes - 2] : NULL;
    if (calls >= CALL_NOTES && last && last->kind == CX_NOTE_CALL && before &&
        before->kind == CX_NOTE_MORE_CALLS) {
        /* The last shown call moves into the count; this one is outermost. */
        before->count++;
        set_text(before, cx_strdupf("... and %zu more calls", before->count));
        last->span = call;
        set_text(last, cx_strdupf("in this call of '%s'", fn));
        return;
    }
    if (calls >= CALL_NOTES && last && last->kind == CX_NOTE_CALL) {
        last->kind = CX_NOTE_MORE_CALLS;
        last->count = 1;
        last->span = CX_NO_SPAN;
        set_text(last, cx_strdupf("... and 1 more call"));
    }
    size_t n = e->n_notes;
    cx_error_add_note(e, call, "in this call of '%s'", fn);
    if (e->n_notes > n) e->notes[n].kind = CX_NOTE_CALL;
}

static cx_status call_user(cx_eval *E, const cx_ast *n, const cx_ast *fn, cx_value *args,
                           size_t nargs, cx_value *out)
{
    if (nargs != fn->list.len)
        return cx_eval_error(E, CX_E_TYPE_ARITY, n->span, "%s takes %zu argument%s, got %zu",
                             fn->name, fn->list.len, fn->list.len == 1 ? "" : "s", nargs);
    if (E->call_depth >= E->st->opt.max_call_depth) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_LIMIT_CALL_DEPTH, n->span,
                                  "calls nested deeper than %d", E->st->opt.max_call_depth);
        if (e)
            cx_error_set_hint(e,
                              "does '%s' call itself without end? The limit is set with "
                              "--max-depth N",
                              fn->name);
        return CX_FAIL;
    }
    if (cx_eval_step(E, n->span) != CX_OK) return CX_FAIL;
    cx_env *env = &E->st->env;
    bool remember = cx_ast_fn_remembers(fn);
    if (remember && cx_memo_get(&E->st->memo, fn, args, nargs, env->generation, out)) return CX_OK;
    /* The arguments move into the locals: a copy keys the result. */
    enum { KEY_MAX = 8 };
    cx_value key[KEY_MAX];
    size_t nkey = remember && nargs <= KEY_MAX ? nargs : 0;
    for (size_t i = 0; i < nkey; i++) {
        cx_value_init(&key[i]);
        cx_value_copy(&key[i], &args[i]);
    }
    size_t mark = env->n_locals, saved_base = env->frame_base;
    for (size_t i = 0; i < nargs; i++)
        if (!cx_env_push_local(env, fn->list.items[i]->name, &args[i])) {
            cx_env_pop_locals(env, mark);
            for (size_t k = 0; k < nkey; k++) cx_value_clear(&key[k]);
            return cx_eval_oom(E, n->span);
        }
    env->frame_base = mark;
    E->call_depth++;
    cx_status st = cx_eval_expr(E, cx_ast_fn_body(fn), out);
    E->call_depth--;
    env->frame_base = saved_base;
    cx_env_pop_locals(env, mark);
    if (st != CX_OK) note_call(E, fn->name, n->span);
    else if (remember && nkey == nargs &&
             !cx_memo_put(&E->st->memo, fn, key, nkey, env->generation, out))
        st = cx_eval_oom(E, n->span);
    for (size_t i = 0; i < nkey; i++) cx_value_clear(&key[i]);
    return st;
}

/* A built-in reads a data file as `include` reads a script: relative to
 * the calling script's folder, confined to what the run may read. */
static uint32_t read_for_builtin(void *ud, const char *written, cx_span at)
{
    cx_eval *E = ud;
    const cx_source *src = cx_sources_get(&E->st->sources, at.src);
    char *path = written[0] == '/' ? strdup(written)
                                   : cx_strdupf("%s%s", src && src->dir ? src->dir : "", written);
    if (!path) {
        cx_eval_oom(E, at);
        return 0;
    }
    char resolved[PATH_MAX];
    uint32_t id = 0;
    /* A data file read again is the source it became the first time: a loop
     * of reads does not pile up copies. */
    if (cx_files_find(&E->st->files, &E->st->diag, path, written, false, at, resolved) &&
        !(id = cx_files_loaded(&E->st->files, resolved)))
        id = cx_files_load(&E->st->files, &E->st->sources, &E->st->diag, path, resolved,
                           E->st->opt.max_source_bytes, at);
    free(path);
    return id;
}

/* The record a built-in is called with: its arguments and the services it
 * may use, never the evaluator itself. */
static cx_call make_call(cx_eval *E, const cx_builtin *bi, const cx_value *args, size_t n,
                         const cx_span *spans, cx_span span)
{
    return (cx_call){.diag = &E->st->diag,
                     .nctx = &E->st->nctx,
                     .opt = &E->st->opt,
                     .budget = &E->st->budget,
                     .read_file = read_for_builtin,
                     .read_ud = E,
                     .sources = &E->st->sources,
                     .name = bi->name,
                     .args = args,
                     .n = n,
                     .arg_spans = spans,
                     .span = span};
}

/* After a built-in: a note it left is shown as a note line at the call,
 * when the call succeeded (the value stands; the note says why it is
 * suspicious). */
static cx_status finish_call(cx_eval *E, cx_call *c, cx_status st)
{
    bool lost = c->note_lost;
    if (c->note && st == CX_OK && !lost) lost = !cx_output_note_later(E->st, c->note, c->span);
    else free(c->note);
    c->note = NULL;
    return st == CX_OK && lost ? cx_eval_oom(E, c->span) : st;
}

/* last(v) of a lean recurrence's series: its last period, which it keeps
 * (recurrence.h), read without computing the others again. */
static bool lean_last(cx_eval *E, const cx_ast *n, cx_value *out)
{
    const cx_ast *a = n->list.items[0];
    if (a->kind != CX_AST_NAME || strcmp(n->name, "last") != 0 ||
        cx_env_local(&E->st->env, a->name))
        return false;
    const cx_binding *b = cx_env_global(&E->st->env, a->name);
    if (!b || b->value.kind != CX_VAL_SERIES || cx_series_whole(b->value.u.series)) return false;
    const cx_series *s = b->value.u.series;
    if (!s->len || cx_series_unkept(s, s->ords[s->len - 1])) return false;
    cx_value_set_num(out, &s->vals[s->len - 1]);
    cx_value_set_unit(out, b->value.unit);
    return true;
}

static cx_status eval_call(cx_eval *E, const cx_ast *n, cx_value *out)
{
    const cx_value *user = cx_env_local(&E->st->env, n->name);
    if (!user) {
        cx_binding *b = cx_env_global(&E->st->env, n->name);
        user = b ? &b->value : NULL;
    }
    const cx_builtin *bi = NULL;
    if (!user || user->kind != CX_VAL_FUNC) {
        bi = cx_builtin_find(n->name);
        if (!bi) {
            if (user)
                return cx_eval_error(E, CX_E_TYPE_NOT_FUNCTION, n->name_span,
                                     "'%s' is %s %s, not a function", n->name,
                                     cx_article(kind_name(user)), kind_name(user));
            return unknown_name(E, n->name, n->name_span);
        }
    }
    size_t nargs = n->list.len;
    if (bi && nargs == 1 && lean_last(E, n, out)) return CX_OK;
    /* f(x for x in R) with no filter is f(R): the built-ins know closed
     * forms for ranges (sum(i for i in 1..10^12) is instant). */
    if (bi && nargs == 1 && n->list.items[0]->kind == CX_AST_COMP) {
        const cx_ast *g = n->list.items[0];
        if (!g->comp_is_list && !cx_ast_comp_filter(g) &&
            cx_ast_comp_elem(g)->kind == CX_AST_NAME &&
            strcmp(cx_ast_comp_elem(g)->name, g->name) == 0) {
            cx_value it;
            cx_value_init(&it);
            cx_status st = cx_eval_expr(E, cx_ast_comp_iter(g), &it);
            if (st == CX_OK && it.kind != CX_VAL_LIST && it.kind != CX_VAL_SERIES &&
                it.kind != CX_VAL_RANGE)
                st = cx_eval_error(E, CX_E_TYPE_NOT_ITERABLE, cx_ast_comp_iter(g)->span,
                                   "cannot iterate over %s; use a list, a series or a range "
                                   "like 1..10",
                                   kind_name(&it));
            if (st == CX_OK) {
                cx_call c = make_call(E, bi, &it, 1, &cx_ast_comp_iter(g)->span, n->span);
                st = cx_units_call(E, bi, &c, out);
                st = finish_call(E, &c, st);
                if (st == CX_OK) st = cx_eval_poll(E, n->span);
            }
            cx_value_clear(&it);
            return st;
        }
    }
    /* sum(... for ...) and product(... for ...) fold as they go. */
    if (bi && bi->fold != CX_FOLD_NONE && nargs == 1 && n->list.items[0]->kind == CX_AST_COMP &&
        !n->list.items[0]->comp_is_list)
        return run_comp(E, n->list.items[0], bi->fold == CX_FOLD_SUM ? SINK_SUM : SINK_PRODUCT,
                        out);

    cx_value local_args[8];
    cx_span local_spans[8];
    cx_value *args = local_args;
    cx_span *spans = local_spans;
    if (nargs > 8) {
        args = malloc(nargs * sizeof *args);
        spans = malloc(nargs * sizeof *spans);
        if (!args || !spans) {
            free(args);
            free(spans);
            return cx_eval_oom(E, n->span);
        }
    }
    for (size_t i = 0; i < nargs; i++) cx_value_init(&args[i]);
    cx_status st = CX_OK;
    for (size_t i = 0; i < nargs && st == CX_OK; i++) {
        const cx_ast *a = n->list.items[i];
        spans[i] = a->span;
        if (a->kind == CX_AST_COMP) st = run_comp(E, a, SINK_LIST, &args[i]);
        else if (bi && a->kind == CX_AST_NAME && cx_bounded_is_linear_fn(bi->name) &&
                 bounded_series_flows(E, a, &args[i], &st))
            ; /* npv(r, capex) with a bound in a period: its flows, in order */
        else st = cx_eval_expr(E, a, &args[i]);
    }
    if (st == CX_OK && bi && cx_bounded_call_applies(bi->name, args, nargs)) {
        st = cx_bounded_call(E, bi->name, args, nargs, spans, n->span, out);
        if (st == CX_OK) st = cx_eval_poll(E, n->span);
    } else if (st == CX_OK) {
        if (!bi) {
            st = call_user(E, n, user->u.fn, args, nargs, out);
        } else if ((int)nargs < bi->min_args || (bi->max_args >= 0 && (int)nargs > bi->max_args)) {
            cx_error *e;
            if (bi->min_args == bi->max_args)
                e = cx_diag_add(&E->st->diag, CX_E_TYPE_ARITY, n->span,
                                "%s takes %d argument%s, got %zu", bi->name, bi->min_args,
                                bi->min_args == 1 ? "" : "s", nargs);
            else if (bi->max_args < 0)
                e = cx_diag_add(&E->st->diag, CX_E_TYPE_ARITY, n->span,
                                "%s takes at least %d argument%s, got %zu", bi->name, bi->min_args,
                                bi->min_args == 1 ? "" : "s", nargs);
            else
                e = cx_diag_add(&E->st->diag, CX_E_TYPE_ARITY, n->span,
                                "%s takes %d to %d arguments, got %zu", bi->name, bi->min_args,
                                bi->max_args, nargs);
            if (e) cx_error_set_hint(e, "usage: %s", bi->signature);
            st = CX_FAIL;
        } else if (nargs == 1 && args[0].kind == CX_VAL_BOUND && cx_bounded_is_fn(bi->name)) {
            /* sqrt, ln, exp of a bound: the range through MPFR, rounded
             * outward (bounded.c). */
            st = cx_bounded_apply(E, bi->name, &args[0], spans[0], out);
        } else {
            cx_call c = make_call(E, bi, args, nargs, spans, n->span);
            st = cx_units_call(E, bi, &c, out);
            st = finish_call(E, &c, st);
            if (st == CX_OK) st = cx_eval_poll(E, n->span);
        }
    }
    for (size_t i = 0; i < nargs; i++) cx_value_clear(&args[i]);
    if (args != local_args) {
        free(args);
        free(spans);
    }
    return st;
}

/* ==== expressions ========================================================= */

static cx_status eval_list(cx_eval *E, const cx_ast *n, cx_value *out)
{
    cx_list *l = cx_list_new(n->list.len ? n->list.len : 1);
    if (!l) return cx_eval_oom(E, n->span);
    for (size_t i = 0; i < n->list.len; i++) {
        cx_value v;
        cx_value_init(&v);
        if (cx_eval_expr(E, n->list.items[i], &v) != CX_OK) {
            cx_value_clear(&v);
            cx_list_unref(l);
            return CX_FAIL;
        }
        if (!cx_list_push_take(l, &v)) {
            cx_value_clear(&v);
            cx_list_unref(l);
            return cx_eval_oom(E, n->span);
        }
    }
    cx_value_take_list(out, l);
    return CX_OK;
}

static cx_status eval_if(cx_eval *E, const cx_ast *n, cx_value *out)
{
    cx_value c;
    cx_value_init(&c);
    cx_status st = cx_eval_expr(E, cx_ast_if_cond(n), &c);
    if (st == CX_OK) st = need_bool(E, &c, cx_ast_if_cond(n)->span, "the condition after 'if'");
    if (st == CX_OK) st = cx_eval_expr(E, c.u.b ? cx_ast_if_then(n) : cx_ast_if_else(n), out);
    cx_value_clear(&c);
    return st;
}

/* Nested built-in calls, comprehensions and recursion each stay within
 * their own limit, but together (or under a raised limit) they could
 * overflow the C stack: a crash.  This stops them first. */
static cx_status stack_exhausted(cx_eval *E, cx_span span)
{
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_LIMIT_NESTING, span,
                              "evaluation nested too deeply for the stack");
    if (e)
        cx_error_set_hint(e, "split the expression with names, lower --max-nesting or "
                             "--max-depth, or give cx more stack (ulimit -s)");
    return CX_FAIL;
}

cx_status cx_eval_expr(cx_eval *E, const cx_ast *n, cx_value *out)
{
    uintptr_t base = E->st->stack_base, here = (uintptr_t)&base;
    if (base && (base > here ? base - here : here - base) > E->st->stack_budget)
        return stack_exhausted(E, n->span);
    switch (n->kind) {
    case CX_AST_NUM:
    case CX_AST_CONST: cx_value_set_num(out, n->num.value); return CX_OK;
    case CX_AST_PERIOD: cx_value_set_period(out, &n->period); return CX_OK;
    case CX_AST_STR:
        return cx_value_set_str(out, n->str.text, n->str.len) ? CX_OK : cx_eval_oom(E, n->span);
    case CX_AST_BOOL: cx_value_set_bool(out, n->boolean); return CX_OK;
    case CX_AST_NAME: {
        const cx_value *v = lookup(E, n->name, n->span);
        if (!v) return CX_FAIL;
        if (v->kind == CX_VAL_SERIES && bounded_series(E, n->name, v, n->span) != CX_OK)
            return CX_FAIL;
        cx_value_copy(out, v);
        return CX_OK;
    }
    case CX_AST_UNARY: return eval_unary(E, n, out);
    case CX_AST_BINARY: return eval_binary(E, n, out);
    case CX_AST_AT: return eval_at(E, n, out);
    case CX_AST_INDEX: return eval_index(E, n, out, NULL);
    case CX_AST_CALL: return eval_call(E, n, out);
    case CX_AST_LIST: return eval_list(E, n, out);
    case CX_AST_RANGE: return eval_range(E, n, out);
    case CX_AST_COMP: return run_comp(E, n, SINK_LIST, out);
    case CX_AST_IF: return eval_if(E, n, out);
    case CX_AST_BOUND: return eval_bound(E, n, out);
    case CX_AST_UNIT_NUM: return cx_units_literal(E, n, out);
    case CX_AST_AS: {
        cx_value v;
        cx_value_init(&v);
        cx_status st = cx_eval_expr(E, n->a, &v);
        if (st == CX_OK) st = cx_units_as(E, n, &v, out);
        cx_value_clear(&v);
        return st;
    }
    default:
        return cx_eval_error(E, CX_E_INTERNAL, n->span,
                             "internal error: not an expression (node kind %d)", (int)n->kind);
    }
}
