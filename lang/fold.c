/* fold.c - folds sums of plain number literals while parsing, so that a
 * chain like `1 + 2 + 3 + ...` (a pasted column, a generated script) stays
 * one node however long it is: a 10 MB one-line sum needs a few MB, not a
 * tree of millions of nodes.  Only what cannot change a value, a message or
 * a budget is folded: + and - of unsuffixed literals whose values and result
 * fit the int64 fast path (exact, constant time, nothing to charge to a
 * limit).  The folded node is a CX_AST_CONST: computed, not written, so a
 * check against it uses its displayed precision, as the unfolded sum did. */
#include <stdlib.h>
#include "parse_ctx.h"

/* The literal or folded constant n stands for, and whether a unary minus
 * wraps it; NULL when n is anything else. */
static cx_ast *plain(cx_ast *n, bool *negated)
{
    *negated = false;
    if (n && n->kind == CX_AST_UNARY && n->op == '-') {
        n = n->a;
        *negated = true;
    }
    if (!n) return NULL; /* a node memory ran out for: the parse fails anyway */
    if (n->kind == CX_AST_CONST) return n;
    if (n->kind == CX_AST_NUM && n->num.suffix == 0 && n->num.value->kind == CX_NUM_SMALL) return n;
    return NULL;
}

/* The value of a plain node, negated when asked (SMALL never holds
 * INT64_MIN, so negation cannot overflow). */
static cx_num value_of(const cx_ast *n, bool negated)
{
    cx_num v = *n->num.value; /* SMALL: no limbs to share */
    if (negated) v.u.s.num = -v.u.s.num;
    return v;
}

/* Gives the right operand's constant, node and text (made in this order,
 * side by side in the arena) back when they are the newest allocations, as
 * they are in a left-to-right chain. */
static void reclaim(cx_parse_ctx *P, cx_ast *y)
{
    cx_unit *u = P->unit;
    cx_num *value = y->num.value;
    if (!u->n_consts || u->consts[u->n_consts - 1] != value) return;
    cx_num_clear(value);
    if (cx_arena_pop(&u->arena, value, y->str.text, y->str.len + 1)) u->n_consts--;
    else cx_num_init(value); /* a block boundary between them: it stays */
}

cx_ast *cx_ast_fold(cx_parse_ctx *P, int op, cx_ast *a, cx_ast *b, cx_span span)
{
    if ((op != CX_OP_ADD && op != CX_OP_SUB) || !a || !b) return NULL;
    bool neg_a, neg_b;
    cx_ast *x = plain(a, &neg_a), *y = plain(b, &neg_b);
    if (!x || !y) return NULL;
    cx_num l = value_of(x, neg_a), r = value_of(y, neg_b), sum;
    cx_num_init(&sum);
    cx_num_status st = op == CX_OP_ADD ? cx_num_add(&sum, &l, &r, P->opts->num_ctx)
                                       : cx_num_sub(&sum, &l, &r, P->opts->num_ctx);
    if (st != CX_NUM_OK || sum.kind != CX_NUM_SMALL) {
        cx_num_clear(&sum);
        return NULL; /* the evaluator does it, with its limits and messages */
    }
    *x->num.value = sum;
    x->kind = CX_AST_CONST;
    x->span = span;
    x->num.quantum10 = 0;
    x->num.suffix = 0;
    x->num.is_int_text = false;
    if (y != x && y->kind == CX_AST_NUM && !neg_b) reclaim(P, y);
    return x;
}
