/* check.c - claims: `check COND;`, `check A ~ B;` and `check A ~ B within T;`.
 * A check never stops the run: it produces a PASS or FAIL output record that
 * shows both sides and, for `~`, the interval it used.  The CLI turns any
 * failure into exit status 1. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "scenario.h"

#include "../runtime/format.h"
#include "../runtime/series.h"
#include "display.h"
#include "env.h"
#include "eval.h"
#include "output.h"
#include "units.h"

/* How a side is shown: as a plain number, or in percent, basis points or
 * percentage points when the claim's figure was written that way (`~ 61%`),
 * also through a name bound to such a figure (`g = 61.0%; check x ~ g;`). */
typedef enum { SHOW_PLAIN, SHOW_PCT, SHOW_BP, SHOW_PP } show_mode;

static const cx_figure computed = {0, 0, false, false};

/* A period written as a literal in an index or after a name (2025, 2025Q3),
 * without reporting anything: false when it is not one. */
static bool literal_period(const cx_ast *n, cx_period *out)
{
    int64_t y;
    if (n->kind == CX_AST_PERIOD) {
        *out = n->period;
        return true;
    }
    return n->kind == CX_AST_NUM && n->num.is_int_text && cx_num_get_si(n->num.value, &y) &&
           cx_period_from_year(y, out);
}

/* The global series binding a name denotes, unless a local hides it. */
static const cx_binding *global_of(cx_eval *E, const char *name)
{
    if (cx_env_local(&E->st->env, name)) return NULL;
    return cx_env_global(&E->st->env, name);
}

/* How the figure a side stands for was written: a number literal (possibly
 * negated), or a name or a series period bound directly to one (`claimed`,
 * `capex 2025`, `capex[2025]`).  Anything else is computed. */
static cx_figure figure_of(cx_eval *E, const cx_ast *n)
{
    while (n->kind == CX_AST_UNARY && (n->op == '-' || n->op == '+')) n = cx_ast_operand(n);
    const cx_binding *b;
    cx_period p;
    if (n->kind == CX_AST_UNIT_NUM) n = n->a; /* 6B USD/yr: written as 6B */
    switch (n->kind) {
    case CX_AST_NUM: return (cx_figure){n->num.quantum10, n->num.suffix, true, true};
    case CX_AST_NAME: b = global_of(E, n->name); return b ? b->figure : computed;
    case CX_AST_AT:
    case CX_AST_INDEX: {
        const cx_ast *base = n->kind == CX_AST_AT ? cx_ast_at_series(n) : cx_ast_index_base(n);
        const cx_ast *key = n->kind == CX_AST_AT ? cx_ast_at_period(n) : cx_ast_index_key(n);
        if (base->kind != CX_AST_NAME || !literal_period(key, &p)) return computed;
        b = global_of(E, base->name);
        if (!b || b->value.kind != CX_VAL_SERIES || b->value.u.series->freq != p.freq)
            return computed;
        return cx_binding_period_figure(b, p.ord);
    }
    default: return computed;
    }
}

static show_mode mode_of_figure(cx_figure f)
{
    if (!f.written) return SHOW_PLAIN;
    switch (f.suffix) {
    case '%': return SHOW_PCT;
    case 'b': return SHOW_BP;
    case 'p': return SHOW_PP;
    default: return SHOW_PLAIN;
    }
}

static show_mode mode_of(cx_eval *E, const cx_ast *n) { return mode_of_figure(figure_of(E, n)); }

/* A side of a claim as its line shows it: in the claim's form, and never a
 * million digits twice (cx_fmt_brief). */
static char *show_full(cx_eval *E, const cx_value *v, show_mode m);

static char *show(cx_eval *E, const cx_value *v, show_mode m)
{
    return cx_fmt_brief(show_full(E, v, m));
}

static char *show_full(cx_eval *E, const cx_value *v, show_mode m)
{
    char suffix = m == SHOW_PCT ? '%' : m == SHOW_BP ? 'b' : m == SHOW_PP ? 'p' : 0;
    return cx_display_as(v, suffix, E->st->opt.digits, &E->st->nctx);
}

static char *show_num(cx_eval *E, const cx_num *x, show_mode m)
{
    cx_value v;
    cx_value_init(&v);
    cx_value_set_num(&v, x);
    char *s = show(E, &v, m);
    cx_value_clear(&v);
    return s;
}

/* A number in a unit (the figure's), in the claim's form. */
static char *show_num_in(cx_eval *E, const cx_num *x, show_mode m, cx_uom *unit)
{
    cx_value v;
    cx_value_init(&v);
    cx_value_set_num(&v, x);
    cx_value_set_unit(&v, unit);
    char *s = show(E, &v, m);
    cx_value_clear(&v);
    return s;
}

/* A side's text with the claim's unit ($6,000,000,000/yr); takes s. */
static char *with_unit(char *s, const cx_uom *u)
{
    if (!s || !u) return s;
    char *t = cx_uom_show(s, u);
    free(s);
    return t;
}

/* Reports a verdict.  A claim whose text cannot be made is an error, never
 * a verdict reported without its words (nor one counted unseen). */
static cx_status emit_verdict(cx_eval *E, const cx_ast *n, const char *word, bool passed,
                              const char *lhs, const char *rhs, const char *detail, bool approx,
                              const cx_value *lv, const cx_value *rv)
{
    /* The claim as written: from its first operand to its last. */
    const cx_ast *last = cx_ast_tolerance(n)   ? cx_ast_tolerance(n)
                         : cx_ast_check_rhs(n) ? cx_ast_check_rhs(n)
                                               : cx_ast_check_lhs(n);
    cx_span span = {n->span.src, cx_ast_check_lhs(n)->span.start, last->span.end};
    char *claim = cx_sources_text(&E->st->sources, span);
    const char *in = E->st->scen.label;
    char *text = claim ? cx_strdupf("%s  %s  %s%s%s[%s]",
                                    word     ? word
                                    : passed ? "PASS"
                                             : "FAIL",
                                    claim, in ? "in " : "", in ? in : "", in ? "  " : "", detail)
                       : NULL;
    if (!text) {
        free(claim);
        return cx_eval_oom(E, n->span);
    }
    cx_output rec = {.kind = CX_OUT_CHECK,
                     .text = text,
                     .expr = claim,
                     .value = lhs,
                     .rhs = rhs,
                     .detail = detail,
                     .passed = passed,
                     .approx = approx,
                     .result = lv,
                     .rhs_result = rv,
                     .scenario = E->st->scen.label,
                     .verdict = word};
    cx_output_emit(E->st, &rec, n->span);
    if (passed) E->st->passed++;
    else E->st->failed++;
    free(claim);
    free(text);
    return CX_OK;
}

static cx_status emit(cx_eval *E, const cx_ast *n, bool passed, const char *lhs, const char *rhs,
                      const char *detail, bool approx, const cx_value *lv, const cx_value *rv)
{
    return emit_verdict(E, n, NULL, passed, lhs, rhs, detail, approx, lv, rv);
}

static cx_status need_number(cx_eval *E, const cx_value *v, cx_span span, const char *side)
{
    if (v->kind == CX_VAL_NUM) return CX_OK;
    return cx_eval_error(E, CX_E_TYPE_CHECK_NUMBER, span, "the %s of '~' must be a number, got %s",
                         side, cx_value_kind_name(v->kind));
}

/* "x is in [lo .. hi]": a range claim (`check capex in 7B..10B`) shows the
 * range in the form its first end was written in. */
static char *range_detail(cx_eval *E, const cx_ast *range_node, const cx_value *l,
                          const cx_value *r, bool holds, show_mode m)
{
    const cx_range *rg = r->u.range;
    char *ls = show(E, l, m), *lo = NULL, *hi = NULL, *d = NULL;
    if (rg->of_periods) {
        char pl[32], ph[32];
        cx_period_format(&rg->plo, pl, sizeof pl);
        cx_period_format(&rg->phi, ph, sizeof ph);
        lo = strdup(pl);
        hi = strdup(ph);
    } else {
        lo = show_num(E, &rg->lo, m);
        hi = show_num(E, &rg->hi, m);
    }
    (void)range_node;
    char *step = !rg->of_periods && rg->has_step ? show_num(E, &rg->step, m) : NULL;
    /* A step that could not be shown fails the detail: never a range shown
     * without the step it has. */
    bool step_shown = rg->of_periods || !rg->has_step || step;
    if (ls && lo && hi && step_shown)
        d = cx_strdupf("%s is %s [%s .. %s]%s%s", ls, holds ? "in" : "outside", lo, hi,
                       step ? " step " : "", step ? step : "");
    free(step);
    free(ls);
    free(lo);
    free(hi);
    return d;
}

/* A comparison of series holds when it holds for every period, and both
 * sides have the same periods (a series and a number: every period against
 * the number).  *holds gets the verdict, *detail the first period where it
 * fails or the periods it held for; CX_FAIL on an error. */
static cx_status series_claim(cx_eval *E, const cx_ast *c, const cx_value *l, const cx_value *r,
                              show_mode m, bool *holds, char **detail)
{
    const cx_series *sa = l->kind == CX_VAL_SERIES ? l->u.series : NULL;
    const cx_series *sb = r->kind == CX_VAL_SERIES ? r->u.series : NULL;
    const cx_series *s = sa ? sa : sb;
    *holds = false;
    *detail = NULL;
    if ((!sa && l->kind != CX_VAL_NUM) || (!sb && r->kind != CX_VAL_NUM))
        return cx_eval_error(E, CX_E_TYPE_OPERANDS, c->op_span,
                             "cannot compare %s with %s; a series compares with a series or "
                             "a number",
                             cx_value_kind_name(l->kind), cx_value_kind_name(r->kind));
    if (sa && sb && sa->freq != sb->freq)
        return cx_eval_error(E, CX_E_TYPE_FREQUENCY, c->op_span,
                             "cannot compare %s %s series with %s %s series",
                             cx_article(cx_freq_name(sa->freq)), cx_freq_name(sa->freq),
                             cx_article(cx_freq_name(sb->freq)), cx_freq_name(sb->freq));
    char *ops = cx_sources_text(&E->st->sources, c->op_span);
    if (!ops) return cx_eval_oom(E, c->op_span);
    char pb[32];
    *holds = true;
    *detail = NULL;
    /* A period one side lacks fails the claim, named. */
    if (sa && sb) {
        int64_t miss;
        const cx_series *lacks = NULL;
        if (cx_series_lacking(sa, sb, &miss, 1)) lacks = sa;
        else if (cx_series_lacking(sb, sa, &miss, 1)) lacks = sb;
        if (lacks) {
            cx_period p = {s->freq, miss};
            cx_period_format(&p, pb, sizeof pb);
            *holds = false;
            *detail =
                cx_strdupf("the %s side has no value for %s", lacks == sa ? "left" : "right", pb);
            free(ops);
            return CX_OK;
        }
    }
    for (size_t i = 0; i < s->len && *holds; i++) {
        cx_value x, y, res;
        cx_value_init(&x);
        cx_value_init(&y);
        cx_value_init(&res);
        cx_value_set_num(&x, sa ? &sa->vals[i] : &l->u.num);
        cx_value_set_num(&y, !sb ? &r->u.num : sa ? cx_series_get(sb, s->ords[i]) : &sb->vals[i]);
        cx_status st = cx_eval_binop(E, c->op, c->op_span, &x, &y, &res);
        if (st == CX_OK && !res.u.b) {
            cx_period p = {s->freq, s->ords[i]};
            cx_period_format(&p, pb, sizeof pb);
            char *xs = show(E, &x, m), *ys = show(E, &y, m);
            *holds = false;
            *detail = xs && ys ? cx_strdupf("at %s: %s %s %s is false", pb, xs, ops, ys) : NULL;
            free(xs);
            free(ys);
        }
        cx_value_clear(&x);
        cx_value_clear(&y);
        cx_value_clear(&res);
        if (st != CX_OK) {
            free(ops);
            return CX_FAIL;
        }
    }
    if (*holds) {
        char *have = cx_series_periods_text(s, 4);
        /* A series with no periods has no text; otherwise NULL is out of memory. */
        *detail = have || s->len == 0
                      ? cx_strdupf("holds for every period: %s", have ? have : "none")
                      : NULL;
        free(have);
    }
    free(ops);
    return CX_OK;
}

static cx_status check_cond(cx_eval *E, const cx_ast *n)
{
    const cx_ast *c = cx_ast_claim(n);
    cx_value l, r, res;
    cx_value_init(&l);
    cx_value_init(&r);
    cx_value_init(&res);
    char *ls = NULL, *rs = NULL, *detail = NULL;
    cx_status st = CX_FAIL;
    bool claim = c->kind == CX_AST_BINARY && (cx_ast_op_is_comparison(c->op) || c->op == CX_OP_IN);
    if (claim) {
        /* Show both sides of a comparison, each evaluated once. */
        if (cx_eval_expr(E, cx_ast_lhs(c), &l) != CX_OK ||
            cx_eval_expr(E, cx_ast_rhs(c), &r) != CX_OK)
            goto out;
        const cx_ast *rn = cx_ast_rhs(c);
        if (c->op == CX_OP_IN && rn->kind == CX_AST_RANGE) rn = cx_ast_range_lo(rn);
        show_mode m = mode_of(E, rn) != SHOW_PLAIN ? mode_of(E, rn) : mode_of(E, cx_ast_lhs(c));
        ls = show(E, &l, m);
        rs = show(E, &r, m);
        if (c->op == CX_OP_IN && l.kind == CX_VAL_BOUND && r.kind == CX_VAL_RANGE &&
            !r.u.range->of_periods && !r.u.range->has_step) {
            /* `x in 7B..10B` for a bound x: all, none or part of it inside. */
            const char *word = NULL;
            bool passed = false;
            if (cx_bounded_inside(E, c->op_span, &l, &r.u.range->lo, true, &r.u.range->hi, true,
                                  r.unit, &word, &passed) != CX_OK)
                goto out;
            const char *how = cx_bounded_inside_words(word);
            char *x1 = show_num(E, &r.u.range->lo, m), *x2 = show_num(E, &r.u.range->hi, m);
            detail = ls && x1 && x2 ? cx_strdupf("%s: %s [%s .. %s]", ls, how, x1, x2) : NULL;
            free(x1);
            free(x2);
            if (!detail) {
                cx_eval_oom(E, n->span);
                goto out;
            }
            st = emit_verdict(E, n, word, passed, ls, rs, detail, false, &l, &r);
            goto out;
        }
        if (c->op != CX_OP_IN && (l.kind == CX_VAL_BOUND || r.kind == CX_VAL_BOUND)) {
            /* Bounds: PASS, FAIL, DEPENDS or UNDECIDED, with a witness. */
            const char *word = NULL;
            bool passed = false;
            if (!ls || !rs) {
                cx_eval_oom(E, n->span);
                goto out;
            }
            if (cx_bounded_verdict(E, c->op, c->op_span, &l, &r, ls, rs, &word, &detail, &passed) !=
                CX_OK)
                goto out;
            if (strcmp(word, "UNDECIDED") == 0 &&
                cx_bounded_split(E, c, &l, &r, ls, rs, &word, &detail, &passed) != CX_OK)
                goto out;
            st = emit_verdict(E, n, word, passed, ls, rs, detail, false, &l, &r);
            goto out;
        }
        if (c->op != CX_OP_IN && (l.kind == CX_VAL_SERIES || r.kind == CX_VAL_SERIES)) {
            bool holds = false;
            if (series_claim(E, c, &l, &r, m, &holds, &detail) != CX_OK) goto out;
            cx_value_set_bool(&res, holds);
        } else {
            if (cx_eval_binop(E, c->op, c->op_span, &l, &r, &res) != CX_OK) goto out;
            if (c->op == CX_OP_IN && r.kind == CX_VAL_RANGE) {
                detail = range_detail(E, cx_ast_rhs(c), &l, &r, res.u.b, m);
            } else {
                char *ops = cx_sources_text(&E->st->sources, c->op_span);
                detail = ls && rs && ops
                             ? cx_strdupf("%s %s %s%s", ls, ops, rs, res.u.b ? "" : " is false")
                             : NULL;
                free(ops);
            }
        }
    } else {
        if (cx_eval_expr(E, c, &res) != CX_OK) goto out;
        detail = strdup(res.kind == CX_VAL_BOOL && res.u.b ? "true" : "false");
    }
    if (res.kind != CX_VAL_BOOL) {
        cx_eval_error(E, CX_E_TYPE_NOT_BOOLEAN, c->span,
                      "a check needs a claim that is true or false, got %s",
                      cx_value_kind_name(res.kind));
        goto out;
    }
    bool approx = (l.kind == CX_VAL_NUM && !cx_num_is_exact(&l.u.num)) ||
                  (r.kind == CX_VAL_NUM && !cx_num_is_exact(&r.u.num));
    bool sides = l.kind != CX_VAL_NONE; /* a comparison, not a bare condition */
    if (!detail || (sides && (!ls || !rs))) {
        cx_eval_oom(E, n->span);
        goto out;
    }
    st = emit(E, n, res.u.b, ls, rs, detail, approx, sides ? &l : &res, sides ? &r : NULL);
out:
    free(ls);
    free(rs);
    free(detail);
    cx_value_clear(&l);
    cx_value_clear(&r);
    cx_value_clear(&res);
    return st;
}

/* The precision of the right side of `~`, as a power of ten, and the value
 * the interval is centred on.  A figure written as a literal, or a name or
 * period bound directly to one, keeps its written precision: 4.8B -> 10^8,
 * `claimed = 100B` -> 10^9.  A computed figure is taken as displayed at
 * --digits significant digits, one unit in its last displayed place:
 * 6,000,000,000 -> 10^0, 0.3333333333... -> 10^-10; *shown is the displayed
 * value.  So no claim passes more loosely than the figure as written.
 * Returns false (error reported) for a computed zero, which has no
 * precision to read, or a figure too large to rebuild. */
static bool figure_quantum(cx_eval *E, const cx_ast *b_node, const cx_num *b, int64_t *q10,
                           cx_num *shown)
{
    cx_figure f = figure_of(E, b_node);
    if (f.written) {
        *q10 = f.quantum10;
        cx_num_set(shown, b);
        return true;
    }
    if (cx_num_is_zero(b)) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_MATH_NO_PRECISION, b_node->span,
                                  "cannot tell the precision of a computed zero");
        if (e) cx_error_set_hint(e, "say how close it must be: check A ~ 0 within 0.01;");
        return false;
    }
    int64_t last_place, int_zeros;
    cx_num_status st =
        cx_fmt_shown(b, E->st->opt.digits, shown, &last_place, &int_zeros, &E->st->nctx);
    if (st != CX_NUM_OK) {
        cx_eval_num_error(E, st, b_node->span);
        return false;
    }
    *q10 = last_place;
    return true;
}

/* True when a number literal with a suffix in `suffixes` appears anywhere
 * in the expression (bounded by the parser's nesting limit). */
static bool has_suffix(const cx_ast *n, const char *suffixes)
{
    if (!n) return false;
    if (n->kind == CX_AST_NUM) return n->num.suffix && strchr(suffixes, n->num.suffix);
    if (n->kind == CX_AST_CALL || n->kind == CX_AST_LIST || n->kind == CX_AST_PRINT) {
        for (size_t i = 0; i < n->list.len; i++)
            if (has_suffix(n->list.items[i], suffixes)) return true;
        return false;
    }
    return has_suffix(n->a, suffixes) || has_suffix(n->b, suffixes) || has_suffix(n->c, suffixes);
}

/* What a tolerance means, from how it was written: `within 1%` or `within
 * 50bp` is relative to the right side, `within 1pp` is percentage points,
 * a plain number or amount is absolute. */
typedef enum { TOL_ABSOLUTE, TOL_RELATIVE, TOL_POINTS } tol_kind;

static cx_status tolerance_kind(cx_eval *E, const cx_ast *t, tol_kind *out)
{
    cx_figure f = figure_of(E, t);
    if (f.written) {
        *out = f.suffix == '%' || f.suffix == 'b' ? TOL_RELATIVE
               : f.suffix == 'p'                  ? TOL_POINTS
                                                  : TOL_ABSOLUTE;
        return CX_OK;
    }
    /* Computed from a percentage (`within 2 * 1%`): relative or absolute?
     * A guess could pass a wrong figure, so the author says which. */
    if (has_suffix(t, "%bp")) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_TOLERANCE, t->span,
                                  "a tolerance computed from a percentage is ambiguous");
        if (e)
            cx_error_set_hint(e, "write it as one figure: 'within 2%%' is relative to the right "
                                 "side, 'within 2pp' is percentage points, 'within 0.02' is "
                                 "absolute");
        return CX_FAIL;
    }
    *out = TOL_ABSOLUTE;
    return CX_OK;
}

cx_num_status cx_check_rounds_to(const cx_num *a, const cx_num *shown, int64_t q10, cx_num *lo,
                                 cx_num *hi, bool *passed, const cx_num_ctx *ctx)
{
    cx_num q;
    cx_num_init(&q);
    *passed = false;
    cx_num_status ns = cx_num_from_decimal(&q, "5", 1, q10 - 1, ctx);
    if (ns == CX_NUM_OK) ns = cx_num_sub(lo, shown, &q, ctx);
    if (ns == CX_NUM_OK) ns = cx_num_add(hi, shown, &q, ctx);
    if (ns == CX_NUM_OK) {
        /* A rounds to B, half away from zero: [lo, hi) for B > 0, (lo, hi]
         * for B < 0, (lo, hi) for B = 0. */
        int s = cx_num_sgn(shown);
        int cl = cx_num_cmp(a, lo), ch = cx_num_cmp(a, hi);
        bool lo_ok = s < 0 || s == 0 ? cl > 0 : cl >= 0;
        bool hi_ok = s > 0 || s == 0 ? ch < 0 : ch <= 0;
        *passed = lo_ok && hi_ok;
    }
    cx_num_clear(&q);
    return ns;
}

static bool figure_quantum(cx_eval *E, const cx_ast *b_node, const cx_num *b, int64_t *q10,
                           cx_num *shown);
static cx_status tolerance_kind(cx_eval *E, const cx_ast *t, tol_kind *out);

/* The tolerance of `A ~ B within T`: evaluated, its kind, in B's unit when
 * absolute (a unit on a relative one is refused), and not negative.  tol
 * comes back without its unit. */
static cx_status eval_tolerance(cx_eval *E, const cx_ast *n, cx_uom *unit, cx_value *tol,
                                tol_kind *tk)
{
    const cx_ast *tn = cx_ast_tolerance(n);
    if (cx_eval_expr(E, tn, tol) != CX_OK || need_number(E, tol, tn->span, "tolerance") ||
        tolerance_kind(E, tn, tk) != CX_OK)
        return CX_FAIL;
    if (*tk == TOL_ABSOLUTE && !cx_uom_equal(tol->unit, unit) && !cx_num_is_zero(&tol->u.num))
        return cx_units_mismatch(E, tol->unit, unit, tn->span, tn->span, cx_ast_check_rhs(n)->span,
                                 "within");
    if (*tk != TOL_ABSOLUTE && tol->unit)
        return cx_units_refuse(E, tol, tn->span, "a relative tolerance");
    cx_value_set_unit(tol, NULL);
    if (cx_num_sgn(&tol->u.num) < 0)
        return cx_eval_error(E, CX_E_MATH_NEGATIVE_TOLERANCE, tn->span,
                             "a tolerance cannot be negative");
    return CX_OK;
}

/* `A ~ B` and `A ~ B within T` for a bound A: the interval the figure (or
 * the tolerance) allows, and whether all, none or part of A lies in it. */
static cx_status bounded_approx(cx_eval *E, const cx_ast *n, const cx_value *a, const cx_value *b)
{
    const cx_num_ctx *ctx = &E->st->nctx;
    show_mode m = mode_of(E, cx_ast_check_rhs(n));
    cx_num lo, hi, q, mid;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_num_init(&q);
    cx_num_init(&mid);
    cx_value tol;
    cx_value_init(&tol);
    char *as = NULL, *bs = NULL, *x1 = NULL, *x2 = NULL, *detail = NULL;
    bool lo_in = true, hi_in = false, passed = false;
    const char *word = NULL;
    cx_status st = CX_FAIL;
    cx_num_status ns = CX_NUM_OK;
    if (n->check_kind == CX_CHECK_WITHIN) {
        tol_kind tk;
        if (eval_tolerance(E, n, b->unit, &tol, &tk) != CX_OK) goto out;
        if (tk == TOL_POINTS && m == SHOW_PLAIN) m = SHOW_PCT;
        cx_num_abs(&q, &b->u.num);
        if (tk == TOL_RELATIVE) ns = cx_num_mul(&q, &tol.u.num, &q, ctx);
        else cx_num_set(&q, &tol.u.num);
        if (ns == CX_NUM_OK) ns = cx_num_sub(&lo, &b->u.num, &q, ctx);
        if (ns == CX_NUM_OK) ns = cx_num_add(&hi, &b->u.num, &q, ctx);
        hi_in = true;
    } else {
        int64_t q10;
        bool unused;
        if (!figure_quantum(E, cx_ast_check_rhs(n), &b->u.num, &q10, &mid)) goto out;
        ns = cx_check_rounds_to(&mid, &mid, q10, &lo, &hi, &unused, ctx);
        if (cx_num_sgn(&mid) < 0) lo_in = false, hi_in = true;
    }
    if (ns != CX_NUM_OK) {
        cx_eval_num_error(E, ns, n->op_span);
        goto out;
    }
    if (cx_bounded_inside(E, n->op_span, a, &lo, lo_in, &hi, hi_in, b->unit, &word, &passed) !=
        CX_OK)
        goto out;
    as = show(E, a, m);
    bs = show(E, b, m);
    x1 = show_num_in(E, &lo, m, b->unit);
    x2 = show_num_in(E, &hi, m, b->unit);
    const char *how = cx_bounded_inside_words(word);
    if (as && x1 && x2)
        detail = cx_strdupf("%s: %s %s%s .. %s%s", as, how, lo_in ? "[" : "(", x1, x2,
                            hi_in ? "]" : ")");
    if (!detail || !bs) {
        cx_eval_oom(E, n->span);
        goto out;
    }
    st = emit_verdict(E, n, word, passed, as, bs, detail, false, a, b);
out:
    free(as);
    free(bs);
    free(x1);
    free(x2);
    free(detail);
    cx_value_clear(&tol);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    cx_num_clear(&q);
    cx_num_clear(&mid);
    return st;
}

static cx_status check_approx(cx_eval *E, const cx_ast *n)
{
    cx_value a, b, tol;
    cx_value_init(&a);
    cx_value_init(&b);
    cx_value_init(&tol);
    cx_num lo, hi, half, q, diff, shown;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_num_init(&half);
    cx_num_init(&q);
    cx_num_init(&diff);
    cx_num_init(&shown);
    char *as = NULL, *bs = NULL, *detail = NULL, *x1 = NULL, *x2 = NULL;
    cx_uom *unit = NULL;
    cx_status st = CX_FAIL;
    const cx_num_ctx *ctx = &E->st->nctx;
    /* Name lookups for the figure's form happen after both sides ran. */
    if (cx_eval_expr(E, cx_ast_check_lhs(n), &a) != CX_OK ||
        (a.kind != CX_VAL_BOUND && need_number(E, &a, cx_ast_check_lhs(n)->span, "left side")) ||
        cx_eval_expr(E, cx_ast_check_rhs(n), &b) != CX_OK ||
        need_number(E, &b, cx_ast_check_rhs(n)->span, "right side"))
        goto out;
    if (a.kind == CX_VAL_BOUND) {
        st = bounded_approx(E, n, &a, &b);
        goto out;
    }
    show_mode m = mode_of(E, cx_ast_check_rhs(n));
    bool passed;
    bool approx = !cx_num_is_exact(&a.u.num) || !cx_num_is_exact(&b.u.num);
    /* Units: both sides in one unit (the right side's, which the line
     * shows); the numbers are then compared plain. */
    if (!cx_uom_equal(a.unit, b.unit)) {
        cx_units_mismatch(E, a.unit, b.unit, n->op_span, cx_ast_check_lhs(n)->span,
                          cx_ast_check_rhs(n)->span, "~");
        goto out;
    }
    unit = cx_uom_ref(b.unit);
    cx_value_set_unit(&a, NULL);
    cx_value_set_unit(&b, NULL);
    if (n->check_kind == CX_CHECK_WITHIN) {
        const cx_ast *tn = cx_ast_tolerance(n);
        tol_kind tk;
        if (eval_tolerance(E, n, unit, &tol, &tk) != CX_OK) goto out;
        /* Points compare rates: the sides are shown in percent. */
        if (tk == TOL_POINTS && m == SHOW_PLAIN) m = SHOW_PCT;
        cx_num_status ns = cx_num_sub(&diff, &a.u.num, &b.u.num, ctx);
        if (ns == CX_NUM_OK) cx_num_abs(&diff, &diff);
        /* The allowed difference: tol, or tol of |B| when relative. */
        cx_num_abs(&half, &b.u.num);
        if (ns == CX_NUM_OK && tk == TOL_RELATIVE) ns = cx_num_mul(&q, &tol.u.num, &half, ctx);
        else if (ns == CX_NUM_OK) cx_num_set(&q, &tol.u.num);
        /* The relative difference |A - B| / |B|, when B is not zero. */
        bool has_rel = !cx_num_is_zero(&b.u.num);
        if (ns == CX_NUM_OK && has_rel) ns = cx_num_div(&lo, &diff, &half, ctx);
        if (ns != CX_NUM_OK) {
            cx_eval_num_error(E, ns, n->op_span);
            goto out;
        }
        passed = cx_num_cmp(&diff, &q) <= 0;
        /* A difference of two percentages is in points. */
        show_mode dm = m == SHOW_PCT || m == SHOW_PP ? SHOW_PP : m;
        as = with_unit(show(E, &a, m), unit);
        bs = with_unit(show(E, &b, m), unit);
        x1 = with_unit(show_num(E, &diff, dm), unit);
        x2 = show(E, &tol, tk == TOL_RELATIVE ? mode_of(E, tn) : tk == TOL_POINTS ? SHOW_PP : dm);
        if (tk == TOL_ABSOLUTE) x2 = with_unit(x2, unit);
        char *rel = has_rel && tk != TOL_POINTS ? show_num(E, &lo, SHOW_PCT) : NULL;
        char *bound = tk == TOL_RELATIVE ? with_unit(show_num(E, &q, dm), unit) : NULL;
        if (as && bs && x1 && x2 && (!has_rel || tk == TOL_POINTS || rel) &&
            (tk != TOL_RELATIVE || bound))
            detail = cx_strdupf("%s differs from %s by %s%s%s%s, %s %s%s%s%s", as, bs, x1,
                                rel ? " (" : "", rel ? rel : "", rel ? ")" : "",
                                passed ? "within" : "more than", x2, bound ? " of it (" : "",
                                bound ? bound : "", bound ? ")" : "");
        free(rel);
        free(bound);
    } else {
        int64_t q10;
        if (!figure_quantum(E, cx_ast_check_rhs(n), &b.u.num, &q10, &shown)) goto out;
        cx_num_status ns = cx_check_rounds_to(&a.u.num, &shown, q10, &lo, &hi, &passed, ctx);
        if (ns != CX_NUM_OK) {
            cx_eval_num_error(E, ns, cx_ast_check_rhs(n)->span);
            goto out;
        }
        int s = cx_num_sgn(&shown);
        as = with_unit(show(E, &a, m), unit);
        bs = with_unit(show(E, &b, m), unit);
        x1 = with_unit(show_num(E, &lo, m), unit);
        x2 = with_unit(show_num(E, &hi, m), unit);
        if (as && x1 && x2)
            detail = cx_strdupf("%s is %s %s%s .. %s%s", as, passed ? "in" : "outside",
                                s > 0 ? "[" : "(", x1, x2, s < 0 ? "]" : ")");
    }
    if (!detail || !as || !bs) {
        cx_eval_oom(E, n->span);
        goto out;
    }
    cx_value_set_unit(&a, unit);
    cx_value_set_unit(&b, unit);
    st = emit(E, n, passed, as, bs, detail, approx, &a, &b);
out:
    cx_uom_unref(unit);
    free(as);
    free(bs);
    free(detail);
    free(x1);
    free(x2);
    cx_value_clear(&a);
    cx_value_clear(&b);
    cx_value_clear(&tol);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    cx_num_clear(&half);
    cx_num_clear(&q);
    cx_num_clear(&diff);
    cx_num_clear(&shown);
    return st;
}

cx_status cx_check_exec(cx_eval *E, const cx_ast *n)
{
    if (n->check_kind == CX_CHECK_COND) return check_cond(E, n);
    return check_approx(E, n);
}
