/* recurrence.c - long recurrences that keep only their last periods
 * (recurrence.h). */
#include "recurrence.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/series.h"
#include "eval.h"
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
    while (x->kind == CX_AST_BINARY && (x->op == CX_OP_ADD || x->op == CX_OP_SUB ||
                                        x->op == CX_OP_MUL || x->op == CX_OP_DIV)) {
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

static cx_recurrence *find(cx_recurrences *r, const cx_binding *b)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->items[i].b == b) return &r->items[i];
    return NULL;
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
    cx_recurrence *have = find(r, b);
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

cx_status cx_recurrence_fill(cx_eval *E, cx_binding *b, cx_span at)
{
    if (b->value.kind != CX_VAL_SERIES || cx_series_whole(b->value.u.series)) return CX_OK;
    cx_series *s = b->value.u.series;
    const cx_recurrence *r = find(&E->st->recur, b);
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

cx_status cx_recurrences_before_fn(cx_eval *E, const char *name, cx_span at)
{
    if (!plain_fn(name)) return CX_OK;
    cx_recurrences *r = &E->st->recur;
    for (size_t i = 0; i < r->n; i++)
        if (cx_recurrence_fill(E, r->items[i].b, at) != CX_OK) return CX_FAIL;
    return CX_OK;
}

void cx_recurrences_free(cx_recurrences *r)
{
    free(r->items);
    *r = (cx_recurrences){0};
}
