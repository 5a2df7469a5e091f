/* check.c - claims: `check COND;`, `check A ~ B;` and `check A ~ B within T;`.
 * A check never stops the run: it produces a PASS or FAIL output record that
 * shows both sides and, for `~`, the interval it used.  The CLI turns any
 * failure into exit status 1. */
#include <stdlib.h>
#include <string.h>
#include "check.h"

#include "../runtime/format.h"
#include "eval.h"
#include "output.h"

/* How a side is shown: as a plain number, or in percent or basis points
 * when the claim's figure was written that way (`~ 61%`). */
typedef enum { SHOW_PLAIN, SHOW_PCT, SHOW_BP } show_mode;

static show_mode mode_of(const cx_ast *n)
{
    if (n && n->kind == CX_AST_UNARY && n->op == '-') n = cx_ast_operand(n);
    if (!n || n->kind != CX_AST_NUM) return SHOW_PLAIN;
    return n->num.suffix == '%' ? SHOW_PCT : n->num.suffix == 'b' ? SHOW_BP : SHOW_PLAIN;
}

static char *show(cx_eval *E, const cx_value *v, show_mode m)
{
    if (v->kind != CX_VAL_NUM || m == SHOW_PLAIN) return cx_eval_render(E, v);
    cx_num k, x;
    cx_num_init(&k);
    cx_num_init(&x);
    cx_num_set_si(&k, m == SHOW_PCT ? 100 : 10000);
    cx_num_mul(&x, &v->u.num, &k, &E->st->nctx);
    char *s = cx_fmt_number(&x, E->st->opt.digits, true);
    char *r = s ? cx_strdupf("%s%s", s, m == SHOW_PCT ? "%" : "bp") : NULL;
    free(s);
    cx_num_clear(&k);
    cx_num_clear(&x);
    return r;
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

static void emit(cx_eval *E, const cx_ast *n, bool passed, const char *lhs, const char *rhs,
                 const char *detail, bool approx)
{
    /* The claim as written: from its first operand to its last. */
    const cx_ast *last = cx_ast_tolerance(n)   ? cx_ast_tolerance(n)
                         : cx_ast_check_rhs(n) ? cx_ast_check_rhs(n)
                                               : cx_ast_check_lhs(n);
    cx_span span = {n->span.src, cx_ast_check_lhs(n)->span.start, last->span.end};
    char *claim = cx_sources_text(&E->st->sources, span);
    char *text = cx_strdupf("%s  %s  [%s]", passed ? "PASS" : "FAIL", claim ? claim : "", detail);
    if (text) {
        cx_output rec = {.kind = CX_OUT_CHECK,
                         .text = text,
                         .expr = claim,
                         .value = lhs,
                         .rhs = rhs,
                         .detail = detail,
                         .passed = passed,
                         .approx = approx};
        cx_output_emit(E->st, &rec, n->span);
    }
    if (passed) E->st->passed++;
    else E->st->failed++;
    free(claim);
    free(text);
}

static cx_status need_number(cx_eval *E, const cx_value *v, cx_span span, const char *side)
{
    if (v->kind == CX_VAL_NUM) return CX_OK;
    return cx_eval_error(E, CX_E_TYPE_CHECK_NUMBER, span, "the %s of '~' must be a number, got %s",
                         side, cx_value_kind_name(v->kind));
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
    if (c->kind == CX_AST_BINARY && cx_ast_op_is_comparison(c->op)) {
        /* Show both sides of a comparison, each evaluated once. */
        if (cx_eval_expr(E, cx_ast_lhs(c), &l) != CX_OK ||
            cx_eval_expr(E, cx_ast_rhs(c), &r) != CX_OK ||
            cx_eval_binop(E, c->op, c->op_span, &l, &r, &res) != CX_OK)
            goto out;
        show_mode m =
            mode_of(cx_ast_rhs(c)) != SHOW_PLAIN ? mode_of(cx_ast_rhs(c)) : mode_of(cx_ast_lhs(c));
        ls = show(E, &l, m);
        rs = show(E, &r, m);
        char *ops = cx_sources_text(&E->st->sources, c->op_span);
        detail = ls && rs && ops ? cx_strdupf("%s %s %s%s", ls, ops, rs, res.u.b ? "" : " is false")
                                 : NULL;
        free(ops);
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
    emit(E, n, res.u.b, ls, rs, detail ? detail : "", approx);
    st = CX_OK;
out:
    free(ls);
    free(rs);
    free(detail);
    cx_value_clear(&l);
    cx_value_clear(&r);
    cx_value_clear(&res);
    return st;
}

/* The precision a figure was written with, as a power of ten.  A literal
 * (possibly negated) gives its written precision: 4.8B -> 10^8.  A computed
 * figure is taken as displayed (at --digits significant digits), and its
 * last non-zero digit gives the precision: 6,000,000,000 -> 10^9.  *shown
 * receives the value the interval is centred on (the displayed one).
 * Returns false (error reported) for a computed zero, which has no
 * precision to read, or a figure too large to rebuild. */
static bool figure_quantum(cx_eval *E, const cx_ast *b_node, const cx_num *b, int64_t *q10,
                           cx_num *shown)
{
    const cx_ast *lit = b_node;
    if (lit->kind == CX_AST_UNARY && lit->op == '-') lit = cx_ast_operand(lit);
    if (lit->kind == CX_AST_NUM) {
        *q10 = lit->num.quantum10;
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
    *q10 = last_place + int_zeros;
    return true;
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
    char *as = NULL, *bs = NULL, *detail = NULL, *x1 = NULL, *x2 = NULL, *x3 = NULL;
    cx_status st = CX_FAIL;
    const cx_num_ctx *ctx = &E->st->nctx;
    if (cx_eval_expr(E, cx_ast_check_lhs(n), &a) != CX_OK ||
        need_number(E, &a, cx_ast_check_lhs(n)->span, "left side") ||
        cx_eval_expr(E, cx_ast_check_rhs(n), &b) != CX_OK ||
        need_number(E, &b, cx_ast_check_rhs(n)->span, "right side"))
        goto out;
    show_mode m = mode_of(cx_ast_check_rhs(n));
    as = show(E, &a, m);
    bool passed;
    bool approx = !cx_num_is_exact(&a.u.num) || !cx_num_is_exact(&b.u.num);
    if (n->check_kind == CX_CHECK_WITHIN) {
        if (cx_eval_expr(E, cx_ast_tolerance(n), &tol) != CX_OK ||
            need_number(E, &tol, cx_ast_tolerance(n)->span, "tolerance"))
            goto out;
        if (cx_num_sgn(&tol.u.num) < 0) {
            cx_eval_error(E, CX_E_MATH_NEGATIVE_TOLERANCE, cx_ast_tolerance(n)->span,
                          "a tolerance cannot be negative");
            goto out;
        }
        cx_num_status ns = cx_num_sub(&diff, &a.u.num, &b.u.num, ctx);
        if (ns != CX_NUM_OK) {
            cx_eval_num_error(E, ns, n->op_span);
            goto out;
        }
        cx_num_abs(&diff, &diff);
        passed = cx_num_cmp(&diff, &tol.u.num) <= 0;
        show_mode tm =
            mode_of(cx_ast_tolerance(n)) != SHOW_PLAIN ? mode_of(cx_ast_tolerance(n)) : m;
        bs = show(E, &b, m);
        x1 = show_num(E, &diff, tm);
        x2 = show(E, &tol, tm);
        if (bs && as && x1 && x2)
            detail = cx_strdupf("%s differs from %s by %s, %s %s", as, bs, x1,
                                passed ? "within" : "more than", x2);
    } else {
        int64_t q10;
        if (!figure_quantum(E, cx_ast_check_rhs(n), &b.u.num, &q10, &shown)) goto out;
        cx_num_status ns = cx_num_from_decimal(&q, "5", 1, q10 - 1, ctx);
        if (ns == CX_NUM_OK) ns = cx_num_sub(&lo, &shown, &q, ctx);
        if (ns == CX_NUM_OK) ns = cx_num_add(&hi, &shown, &q, ctx);
        if (ns != CX_NUM_OK) {
            cx_eval_num_error(E, ns, cx_ast_check_rhs(n)->span);
            goto out;
        }
        /* A rounds to B, half away from zero: [lo, hi) for B > 0, (lo, hi] for
         * B < 0, (lo, hi) for B = 0. */
        int s = cx_num_sgn(&shown);
        int cl = cx_num_cmp(&a.u.num, &lo), ch = cx_num_cmp(&a.u.num, &hi);
        bool lo_ok = s < 0 || s == 0 ? cl > 0 : cl >= 0;
        bool hi_ok = s > 0 || s == 0 ? ch < 0 : ch <= 0;
        passed = lo_ok && hi_ok;
        bs = show(E, &b, m);
        x1 = show_num(E, &lo, m);
        x2 = show_num(E, &hi, m);
        if (as && x1 && x2)
            detail = cx_strdupf("%s is %s %s%s .. %s%s", as, passed ? "in" : "outside",
                                s > 0 ? "[" : "(", x1, x2, s < 0 ? "]" : ")");
    }
    (void)x3;
    if (!detail) {
        cx_eval_error(E, CX_E_LIMIT_MEMORY, n->span, "out of memory");
        goto out;
    }
    emit(E, n, passed, as, bs, detail, approx);
    st = CX_OK;
out:
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
