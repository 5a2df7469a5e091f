/* bounded.c - bounded values in the interpreter (bounded.h): making inputs,
 * arithmetic and comparisons on bounds, and the verdict of a check. */
#include "bounded.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"
#include "../runtime/limits.h"
#include "display.h"
#include "eval.h"
#include "state.h"
#include "units.h"
#include "../runtime/unit.h"

void cx_bounds_init(cx_bounds *b)
{
    memset(b, 0, sizeof *b);
    cx_aff_gen_init(&b->gen);
    b->gen.max_syms = CX_MAX_BOUND_SYMBOLS;
}

void cx_bounds_free(cx_bounds *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->labels[i].text);
        cx_uom_unref(b->labels[i].unit);
    }
    free(b->labels);
    cx_aff_gen_clear(&b->gen);
    memset(b, 0, sizeof *b);
}

static cx_status aff_error(cx_eval *E, cx_aff_status s, cx_span span)
{
    cx_error *e;
    switch (s) {
    case CX_AFF_OK: return CX_OK;
    case CX_AFF_DIV_ZERO:
        e = cx_diag_add(&E->st->diag, CX_E_MATH_DIV_ZERO, span,
                        "division by a bound that may be 0");
        if (e) cx_error_set_hint(e, "a divisor's range must lie on one side of 0");
        return CX_FAIL;
    case CX_AFF_TOO_BIG: return cx_eval_num_error(E, CX_NUM_TOO_BIG, span);
    case CX_AFF_DOMAIN:
        return cx_eval_error(E, CX_E_MATH_DOMAIN, span,
                             "the bound reaches outside the function's domain");
    case CX_AFF_TOO_MANY_TERMS:
        e = cx_diag_add(&E->st->diag, CX_E_LIMIT_BOUNDS, span,
                        "a bound depends on more than %d inputs and steps", CX_MAX_BOUND_TERMS);
        if (e) cx_error_set_hint(e, "a fixed limit; combine fewer bounded values in one result");
        return CX_FAIL;
    case CX_AFF_TOO_MANY_SYMBOLS:
        e = cx_diag_add(&E->st->diag, CX_E_LIMIT_BOUNDS, span,
                        "more than %d bounded inputs and steps in one run", CX_MAX_BOUND_SYMBOLS);
        if (e) cx_error_set_hint(e, "a fixed limit; a bound made in a loop makes one each time");
        return CX_FAIL;
    case CX_AFF_INEXACT:
        e = cx_diag_add(&E->st->diag, CX_E_TYPE_BOUND, span,
                        "a bound combines with exact numbers only; this one is approximate");
        if (e) cx_error_set_hint(e, "bounds stay exact: use exact figures, or round one first");
        return CX_FAIL;
    case CX_AFF_NOMEM: return cx_eval_oom(E, span);
    case CX_AFF_NOT_EVALUABLE: break;
    }
    return cx_eval_error(E, CX_E_INTERNAL, span, "internal error: a bound could not be evaluated");
}

/* A number or a bound as a form. */
static cx_status as_form(cx_eval *E, const cx_value *v, cx_aff *out, cx_span span)
{
    if (v->kind == CX_VAL_BOUND) return aff_error(E, cx_aff_set(out, &v->u.bound->f), span);
    return aff_error(E, cx_aff_set_num(out, &v->u.num), span);
}

/* Moves f into out: a number when it is one value, else a bound. */
static cx_status give(cx_eval *E, cx_aff *f, cx_value *out, cx_span span)
{
    if (cx_aff_is_point(f)) { /* one value: a number (approximate after MPFR) */
        if (!f->approx) {
            cx_value_set_num(out, &f->c);
            return CX_OK;
        }
        mpfr_t t;
        mpfr_init2(t, E->st->nctx.prec);
        cx_num_get_mpfr(&f->c, t);
        cx_num x;
        cx_num_init(&x);
        cx_num_set_mpfr(&x, t, &E->st->nctx);
        mpfr_clear(t);
        cx_value_take_num(out, &x);
        cx_num_clear(&x);
        return CX_OK;
    }
    cx_bound *b = cx_bound_new();
    if (!b) return cx_eval_oom(E, span);
    cx_aff_swap(&b->f, f);
    cx_value_take_bound(out, b);
    return CX_OK;
}

static char literal_suffix(const cx_ast *n)
{
    while (n->kind == CX_AST_UNARY && (n->op == '-' || n->op == '+')) n = cx_ast_operand(n);
    return n->kind == CX_AST_NUM ? n->num.suffix : 0;
}

static cx_status need_exact(cx_eval *E, const cx_value *v, const cx_ast *n)
{
    if (v->kind == CX_VAL_NUM && cx_num_is_exact(&v->u.num)) return CX_OK;
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_BOUND, n->span,
                              v->kind == CX_VAL_NUM ? "a bound's ends are exact numbers; this "
                                                      "one is approximate"
                                                    : "a bound's ends are numbers, got %s",
                              cx_value_kind_name(v->kind));
    if (e) cx_error_set_hint(e, "write growth = 8%% to 12%%; or capex = 150B ± 10B;");
    return CX_FAIL;
}

cx_status cx_bounded_make(cx_eval *E, const cx_ast *n, const cx_value *pa, const cx_value *pb,
                          cx_value *out)
{
    cx_state *st = E->st;
    cx_aff f;
    cx_aff_init(&f);
    cx_status s = need_exact(E, pa, n->a);
    if (s == CX_OK) s = need_exact(E, pb, n->b);
    if (s == CX_OK && pa->unit && pb->unit && !cx_uom_equal(pa->unit, pb->unit))
        s = cx_units_mismatch(E, pa->unit, pb->unit, n->op_span, n->a->span, n->b->span,
                              cx_ast_op_text(n->op));
    if (s != CX_OK) goto out;
    bool to = n->op == CX_OP_TO;
    if (to && cx_num_cmp(&pa->u.num, &pb->u.num) > 0) {
        char *l = cx_eval_render(E, pa), *h = cx_eval_render(E, pb);
        cx_error *e = cx_diag_add(&st->diag, CX_E_TYPE_BOUND, n->span,
                                  "the bound's low end, %s, is above its high end, %s", l ? l : "?",
                                  h ? h : "?");
        if (e) cx_error_set_hint(e, "write the smaller end first: 8%% to 12%%");
        free(l);
        free(h);
        s = CX_FAIL;
        goto out;
    }
    if (!to && cx_num_sgn(&pb->u.num) < 0) {
        s = cx_eval_error(E, CX_E_TYPE_BOUND, n->b->span,
                          "a bound's half-width is 0 or more: write 150B ± 10B");
        goto out;
    }
    if (!CX_GROW(st->bounds.labels, st->bounds.cap, st->bounds.n, 16)) {
        s = cx_eval_oom(E, n->span);
        goto out;
    }
    cx_input_label *lab = &st->bounds.labels[st->bounds.n];
    if (!(lab->text = cx_sources_text(&st->sources, n->span))) {
        s = cx_eval_oom(E, n->span);
        goto out;
    }
    lab->suffix = literal_suffix(n->a);
    lab->unit = cx_uom_ref(pa->unit ? pa->unit : pb->unit);
    st->bounds.n++;
    cx_aff_ctx ctx = cx_bounds_ctx(st);
    uint64_t tag = st->bounds.n;
    s = aff_error(E,
                  to ? cx_aff_input_range(&f, NULL, &pa->u.num, &pb->u.num, tag, &ctx)
                     : cx_aff_input_pm(&f, NULL, &pa->u.num, &pb->u.num, tag, &ctx),
                  n->span);
    if (s == CX_OK) s = give(E, &f, out, n->span);
    /* `150B ± 10B USD`, `$140B to $160B`: one unit for the whole bound. */
    if (s == CX_OK) cx_value_set_unit(out, pa->unit ? pa->unit : pb->unit);
out:
    cx_aff_clear(&f);
    return s;
}

static bool number_or_bound(const cx_value *v)
{
    return v->kind == CX_VAL_NUM || v->kind == CX_VAL_BOUND;
}

static cx_aff_op aff_op(int op)
{
    switch (op) {
    case CX_OP_LT: return CX_AFF_LT;
    case CX_OP_LE: return CX_AFF_LE;
    case CX_OP_GT: return CX_AFF_GT;
    case CX_OP_GE: return CX_AFF_GE;
    case CX_OP_EQ: return CX_AFF_EQ;
    default: return CX_AFF_NE;
    }
}

static cx_status decide(cx_eval *E, int op, cx_span span, const cx_value *a, const cx_value *b,
                        cx_aff_witness *w)
{
    return cx_bounded_decide(E, op, span, a, b, w);
}

cx_status cx_bounded_decide(cx_eval *E, int op, cx_span span, const cx_value *a, const cx_value *b,
                            cx_aff_witness *w)
{
    cx_aff_ctx ctx = cx_bounds_ctx(E->st);
    cx_aff x, y;
    cx_aff_init(&x);
    cx_aff_init(&y);
    cx_status s = CX_OK;
    if (!number_or_bound(a) || !number_or_bound(b))
        s = cx_eval_error(E, CX_E_TYPE_OPERANDS, span, "cannot compare %s with %s",
                          cx_value_kind_name(a->kind), cx_value_kind_name(b->kind));
    /* Units must agree, as for any comparison (a plain 0 takes any). */
    bool zero = (a->kind == CX_VAL_NUM && !a->unit && cx_num_is_zero(&a->u.num)) ||
                (b->kind == CX_VAL_NUM && !b->unit && cx_num_is_zero(&b->u.num));
    if (s == CX_OK && (a->unit || b->unit) && !zero && !cx_uom_equal(a->unit, b->unit))
        s = cx_units_mismatch(E, a->unit, b->unit, span, (cx_span){0, 0, 0}, (cx_span){0, 0, 0},
                              cx_ast_op_text(op));
    if (s == CX_OK) s = as_form(E, a, &x, span);
    if (s == CX_OK) s = as_form(E, b, &y, span);
    if (s == CX_OK) s = aff_error(E, cx_aff_sub(&x, &x, &y, &ctx), span);
    if (s == CX_OK) s = aff_error(E, cx_aff_decide(w, &x, aff_op(op), &ctx), span);
    cx_aff_clear(&x);
    cx_aff_clear(&y);
    return s;
}

cx_status cx_bounded_binop(cx_eval *E, int op, cx_span span, const cx_value *a, const cx_value *b,
                           cx_value *out)
{
    if (!number_or_bound(a) || !number_or_bound(b))
        return cx_eval_error(E, CX_E_TYPE_OPERANDS, span, "cannot apply '%s' to %s and %s",
                             cx_ast_op_text(op), cx_value_kind_name(a->kind),
                             cx_value_kind_name(b->kind));
    if (cx_ast_op_is_comparison(op)) {
        cx_aff_witness w;
        cx_aff_witness_init(&w);
        cx_status s = decide(E, op, span, a, b, &w);
        if (s == CX_OK && (w.verdict == CX_AFF_PASS || w.verdict == CX_AFF_FAIL)) {
            cx_value_set_bool(out, w.verdict == CX_AFF_PASS);
        } else if (s == CX_OK) {
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_BOUND, span,
                                      w.verdict == CX_AFF_DEPENDS
                                          ? "'%s' holds for some values of the bounds and not "
                                            "for others"
                                          : "cx cannot tell whether '%s' holds for every value "
                                            "of the bounds",
                                      cx_ast_op_text(op));
            if (e) cx_error_set_hint(e, "a check decides it and shows where: check a < b;");
            s = CX_FAIL;
        }
        cx_aff_witness_clear(&w);
        return s;
    }
    cx_aff_ctx ctx = cx_bounds_ctx(E->st);
    cx_aff x, y;
    cx_aff_init(&x);
    cx_aff_init(&y);
    cx_status s = CX_OK;
    if (op == CX_OP_POW) {
        int64_t k;
        if (b->kind != CX_VAL_NUM || !cx_num_get_si(&b->u.num, &k) || k > 1000 || k < -1000)
            s = cx_eval_error(E, CX_E_TYPE_BOUND, span,
                              "a bound is raised to a whole number from -1000 to 1000");
        if (s == CX_OK) s = as_form(E, a, &x, span);
        if (s == CX_OK) s = aff_error(E, cx_aff_pow(&x, &x, k, &ctx), span);
    } else {
        s = as_form(E, a, &x, span);
        if (s == CX_OK) s = as_form(E, b, &y, span);
        cx_aff_status as = CX_AFF_OK;
        if (s == CX_OK) {
            switch (op) {
            case CX_OP_ADD: as = cx_aff_add(&x, &x, &y, &ctx); break;
            case CX_OP_SUB: as = cx_aff_sub(&x, &x, &y, &ctx); break;
            case CX_OP_MUL: as = cx_aff_mul(&x, &x, &y, &ctx); break;
            case CX_OP_DIV: as = cx_aff_div(&x, &x, &y, &ctx); break;
            default:
                s = cx_eval_error(E, CX_E_TYPE_OPERANDS, span, "cannot apply '%s' to a bound",
                                  cx_ast_op_text(op));
            }
        }
        if (s == CX_OK) s = aff_error(E, as, span);
    }
    if (s == CX_OK) s = give(E, &x, out, span);
    cx_aff_clear(&x);
    cx_aff_clear(&y);
    return s;
}

bool cx_bounded_is_fn(const char *name)
{
    return !strcmp(name, "sqrt") || !strcmp(name, "ln") || !strcmp(name, "exp");
}

cx_status cx_bounded_apply(cx_eval *E, const char *name, const cx_value *v, cx_span span,
                           cx_value *out)
{
    if (v->unit)
        return cx_eval_error(E, CX_E_TYPE_UNIT_BUILTIN, span, "%s takes no values with units",
                             name);
    cx_aff_fn fn = !strcmp(name, "sqrt") ? CX_AFF_SQRT
                   : !strcmp(name, "ln") ? CX_AFF_LN
                                         : CX_AFF_EXP;
    cx_aff_ctx ctx = cx_bounds_ctx(E->st);
    cx_aff f;
    cx_aff_init(&f);
    cx_aff_status as = cx_aff_apply(&f, &v->u.bound->f, fn, &ctx);
    cx_status s;
    if (as == CX_AFF_DOMAIN)
        s = cx_eval_error(E, CX_E_MATH_DOMAIN, span, "%s is not defined on all of this bound",
                          name);
    else s = aff_error(E, as, span);
    if (s == CX_OK) s = give(E, &f, out, span);
    cx_aff_clear(&f);
    return s;
}

cx_status cx_bounded_neg(cx_eval *E, cx_value *v, cx_span span)
{
    /* The form may be shared (a name's value): negate a new one. */
    cx_aff_ctx ctx = cx_bounds_ctx(E->st);
    cx_bound *r = cx_bound_new();
    if (!r) return cx_eval_oom(E, span);
    cx_status s = aff_error(E, cx_aff_neg(&r->f, &v->u.bound->f, &ctx), span);
    if (s != CX_OK) {
        cx_bound_unref(r);
        return s;
    }
    cx_uom *u = cx_uom_ref(v->unit);
    cx_value_take_bound(v, r);
    cx_value_set_unit(v, u);
    cx_uom_unref(u);
    return CX_OK;
}

bool cx_bounded_name(cx_state *st, const cx_ast *value_node, const cx_value *v, const char *name)
{
    if (!name) return false;
    if (value_node->kind != CX_AST_BOUND || v->kind != CX_VAL_BOUND || v->u.bound->f.n != 1)
        return true;
    const cx_aff_input *in = cx_aff_gen_input(&st->bounds.gen, v->u.bound->f.t[0].sym);
    if (!in || in->tag == 0 || in->tag > st->bounds.n) return true;
    char *copy = strdup(name);
    if (!copy) return false; /* witnesses would name it otherwise: out of memory */
    free(st->bounds.labels[in->tag - 1].text);
    st->bounds.labels[in->tag - 1].text = copy;
    return true;
}

/* ==== verdicts ============================================================== */

char *cx_bounded_show_num(cx_eval *E, const cx_num *x, char suffix, cx_uom *unit)
{
    cx_value v;
    cx_value_init(&v);
    cx_value_set_num(&v, x);
    cx_value_set_unit(&v, unit);
    char *s = suffix && !unit ? cx_display_as(&v, suffix, E->st->opt.digits, &E->st->nctx)
                              : cx_eval_render(E, &v);
    cx_value_clear(&v);
    return s;
}

/* "growth = 12%, margin = 20%": the inputs of a point, each as written. */
char *cx_bounded_point_text(cx_eval *E, const cx_aff_point *p)
{
    cx_state *st = E->st;
    char *text = strdup("");
    for (size_t i = 0; i < p->n && text; i++) {
        const cx_aff_input *in = cx_aff_gen_input(&st->bounds.gen, p->sym[i]);
        if (!in || in->tag == 0 || in->tag > st->bounds.n) continue;
        const cx_input_label *lab = &st->bounds.labels[in->tag - 1];
        cx_num x;
        cx_num_init(&x);
        char *val = NULL;
        if (cx_aff_input_value(&x, &st->bounds.gen, p->sym[i], &p->eps[i], &st->nctx) == CX_AFF_OK)
            val = cx_bounded_show_num(E, &x, lab->suffix, lab->unit);
        cx_num_clear(&x);
        char *t = val ? cx_strdupf("%s%s%s = %s", text, *text ? ", " : "", lab->text, val) : NULL;
        free(val);
        free(text);
        text = t;
    }
    return text;
}

static const char *op_word(cx_aff_op op)
{
    static const char *const words[] = {"<", "<=", ">", ">=", "==", "!="};
    return words[op];
}

cx_status cx_bounded_verdict(cx_eval *E, int op, cx_span span, const cx_value *l, const cx_value *r,
                             const char *ls, const char *rs, const char **word, char **detail,
                             bool *passed)
{
    *detail = NULL;
    *passed = false;
    if (!number_or_bound(l) || !number_or_bound(r))
        return cx_eval_error(E, CX_E_TYPE_CHECK_NUMBER, span,
                             "a check compares a bound with a number or a bound, not %s",
                             cx_value_kind_name(l->kind == CX_VAL_BOUND ? r->kind : l->kind));
    cx_aff_witness w;
    cx_aff_witness_init(&w);
    cx_status s = decide(E, op, span, l, r, &w);
    char *pt = NULL, *be = NULL;
    const char *ops = cx_ast_op_text(op);
    if (s != CX_OK) goto out;
    switch (w.verdict) {
    case CX_AFF_PASS:
        *word = "PASS";
        *passed = true;
        if (!(pt = cx_bounded_point_text(E, &w.hold))) break;
        *detail = *pt ? cx_strdupf("%s %s %s for every value; closest at %s", ls, ops, rs, pt)
                      : cx_strdupf("%s %s %s for every value", ls, ops, rs);
        break;
    case CX_AFF_FAIL:
        *word = "FAIL";
        if (!(pt = cx_bounded_point_text(E, &w.fail))) break;
        *detail = *pt ? cx_strdupf("%s %s %s for no value; closest at %s", ls, ops, rs, pt)
                      : cx_strdupf("%s %s %s for no value", ls, ops, rs);
        break;
    case CX_AFF_DEPENDS:
        *word = "DEPENDS";
        if (!(pt = cx_bounded_point_text(E, &w.fail))) break;
        if (w.has_break_even && w.be_tag >= 1 && w.be_tag <= E->st->bounds.n) {
            const cx_input_label *lab = &E->st->bounds.labels[w.be_tag - 1];
            char *v = cx_bounded_show_num(E, &w.be_value, lab->suffix, lab->unit);
            be = v ? cx_strdupf("; holds when %s %s %s", lab->text, op_word(w.be_op), v) : NULL;
            free(v);
            if (!be) break;
        }
        *detail = cx_strdupf("%s %s %s: fails at %s%s", ls, ops, rs, pt, be ? be : "");
        break;
    case CX_AFF_UNDECIDED:
        *word = "UNDECIDED";
        *detail = cx_strdupf("%s %s %s: the ranges overlap, and after a non-linear step they are "
                             "wider than the true ones, so cx cannot tell",
                             ls, ops, rs);
        break;
    }
    if (!*detail) s = cx_eval_oom(E, span);
out:
    free(pt);
    free(be);
    cx_aff_witness_clear(&w);
    return s;
}

const char *cx_bounded_inside_words(const char *word)
{
    return !strcmp(word, "PASS")      ? "every value in"
           : !strcmp(word, "FAIL")    ? "no value in"
           : !strcmp(word, "DEPENDS") ? "part in"
                                      : "cx cannot tell how much in";
}

cx_status cx_bounded_inside(cx_eval *E, cx_span span, const cx_value *l, const cx_num *ilo,
                            bool lo_in, const cx_num *ihi, bool hi_in, cx_uom *unit,
                            const char **word, bool *passed)
{
    cx_value lo, hi;
    cx_value_init(&lo);
    cx_value_init(&hi);
    cx_value_set_num(&lo, ilo);
    cx_value_set_num(&hi, ihi);
    cx_value_set_unit(&lo, unit); /* the figure's unit */
    cx_value_set_unit(&hi, unit);
    cx_aff_witness a, b;
    cx_aff_witness_init(&a);
    cx_aff_witness_init(&b);
    cx_status s = decide(E, lo_in ? CX_OP_GE : CX_OP_GT, span, l, &lo, &a);
    if (s == CX_OK) s = decide(E, hi_in ? CX_OP_LE : CX_OP_LT, span, l, &hi, &b);
    if (s == CX_OK) {
        bool all = a.verdict == CX_AFF_PASS && b.verdict == CX_AFF_PASS;
        bool none = a.verdict == CX_AFF_FAIL || b.verdict == CX_AFF_FAIL;
        bool exact = !cx_aff_has_noise(&l->u.bound->f);
        *passed = all;
        *word = all ? "PASS" : none ? "FAIL" : exact ? "DEPENDS" : "UNDECIDED";
    }
    cx_aff_witness_clear(&a);
    cx_aff_witness_clear(&b);
    cx_value_clear(&lo);
    cx_value_clear(&hi);
    return s;
}

const cx_input_label *cx_bounded_label(const cx_state *st, cx_aff_sym s)
{
    const cx_aff_input *in = cx_aff_gen_input(&st->bounds.gen, s);
    if (!in || in->tag == 0 || in->tag > st->bounds.n) return NULL;
    return &st->bounds.labels[in->tag - 1];
}
