/* recurrence.c - long recurrences that keep only their last periods
 * (recurrence.h). */
#include "recurrence.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/series.h"
#include "state.h"

/* The built-ins a lean recurrence may call: each gives a number from
 * numbers and nothing else (no note, no reading). */
static const char *const plain_fns[] = {"abs", "ceil", "floor", "max", "min", "round"};

static bool plain_fn(const char *name)
{
    for (size_t i = 0; i < sizeof plain_fns / sizeof plain_fns[0]; i++)
        if (strcmp(plain_fns[i], name) == 0) return true;
    return false;
}

static bool is_t(const cx_ast *k) { return k->kind == CX_AST_NAME && strcmp(k->name, "t") == 0; }

/* A period key `t`, `t - c` or `t + c` (c a whole-number literal): its
 * offset from t. */
static bool t_offset(const cx_ast *k, int64_t *off)
{
    if (is_t(k)) {
        *off = 0;
        return true;
    }
    if (k->kind != CX_AST_BINARY || (k->op != CX_OP_ADD && k->op != CX_OP_SUB)) return false;
    const cx_ast *c = cx_ast_rhs(k);
    int64_t v;
    if (!is_t(cx_ast_lhs(k)) || c->kind != CX_AST_NUM || !c->num.is_int_text ||
        !cx_num_get_si(c->num.value, &v) || v < 0 || v > CX_RECUR_MAX_LAG)
        return false;
    *off = k->op == CX_OP_SUB ? -v : v;
    return true;
}

/* The global a name reads, when no local hides it. */
static const cx_binding *global(cx_eval *E, const char *name)
{
    if (cx_env_local(&E->st->env, name)) return NULL;
    return cx_env_global(&E->st->env, name);
}

/* Whether x reads only what cannot change once the recurrence has run (a
 * script defines a name once and never redefines a period), so that
 * computing it again gives the same value; *lag grows to the farthest
 * period of its own series `self` it reads back. */
static bool steady(cx_eval *E, const cx_ast *x, const char *self, int *lag)
{
    /* A long left chain (v[t - 1] + a + a + ...) is walked in a loop down
     * its left side; everything else nests only as deep as the parser's
     * nesting limit allows. */
    while (x->kind == CX_AST_BINARY &&
           (x->op == CX_OP_ADD || x->op == CX_OP_SUB || x->op == CX_OP_MUL || x->op == CX_OP_DIV)) {
        if (!steady(E, cx_ast_rhs(x), self, lag)) return false;
        x = cx_ast_lhs(x);
    }
    switch (x->kind) {
    case CX_AST_NUM:
    case CX_AST_CONST: return true;
    case CX_AST_NAME: {
        if (is_t(x)) return true;
        const cx_binding *g = global(E, x->name);
        return g && g->value.kind == CX_VAL_NUM && !g->value.unit;
    }
    case CX_AST_UNARY:
        return (x->op == CX_OP_SUB || x->op == CX_OP_ADD) &&
               steady(E, cx_ast_operand(x), self, lag);
    case CX_AST_BINARY:
        switch (x->op) {
        case CX_OP_ADD:
        case CX_OP_SUB:
        case CX_OP_MUL:
        case CX_OP_DIV:
        case CX_OP_POW:
            return steady(E, cx_ast_lhs(x), self, lag) && steady(E, cx_ast_rhs(x), self, lag);
        default: return false;
        }
    case CX_AST_CALL: {
        /* A user function of that name would win (eval_call). */
        if (!plain_fn(x->name) || cx_env_local(&E->st->env, x->name) ||
            cx_env_global(&E->st->env, x->name))
            return false;
        for (size_t i = 0; i < x->list.len; i++)
            if (!steady(E, x->list.items[i], self, lag)) return false;
        return true;
    }
    case CX_AST_INDEX: {
        const cx_ast *base = cx_ast_index_base(x);
        int64_t off;
        if (base->kind != CX_AST_NAME || !t_offset(cx_ast_index_key(x), &off)) return false;
        if (strcmp(base->name, self) == 0) {
            if (off >= 0 || global(E, self) == NULL) return false;
            if (-off > *lag) *lag = (int)-off;
            return true;
        }
        const cx_binding *g = global(E, base->name);
        return g && g->value.kind == CX_VAL_SERIES && !g->value.unit && g->n_bound_periods == 0;
    }
    default: return false;
    }
}

int cx_recurrence_keep(cx_eval *E, const cx_ast *n, const cx_binding *b, int64_t count)
{
    const cx_state *st = E->st;
    if (!st->opt.single_run || st->opt.repl || st->scen.replay || count < CX_RECUR_MIN_PERIODS)
        return 0;
    if (b->value.kind != CX_VAL_SERIES || b->value.unit || b->n_bound_periods ||
        !cx_series_whole(b->value.u.series))
        return 0;
    int lag = 0;
    if (!steady(E, cx_ast_period_value(n), n->name, &lag)) return 0;
    return lag > 1 ? lag : 1;
}

bool cx_recurrence_add(cx_recurrences *r, cx_binding *b, const cx_ast *n)
{
    cx_recurrence *have = (cx_recurrence *)cx_recurrence_of(r, b);
    if (have) { /* an earlier one was computed again in full */
        have->stmt = n;
        return true;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 4;
        cx_recurrence *it = realloc(r->items, cap * sizeof *it);
        if (!it) return false;
        r->items = it;
        r->cap = cap;
    }
    r->items[r->n++] = (cx_recurrence){b, n};
    return true;
}

const cx_recurrence *cx_recurrence_of(const cx_recurrences *r, const cx_binding *b)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->items[i].b == b) return &r->items[i];
    return NULL;
}

bool cx_recurrence_plain_fn(const char *name) { return plain_fn(name); }

void cx_recurrences_free(cx_recurrences *r)
{
    free(r->items);
    *r = (cx_recurrences){0};
}
