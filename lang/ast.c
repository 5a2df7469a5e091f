/* ast.c - the syntax tree's constructors and cx_unit_free.  Each grammar
 * action is one call into this file (literals: literal.c).  Nodes and names
 * live in the unit's arena; a constructor never evaluates or checks meaning,
 * it only records structure and spans. */
#include <stdlib.h>
#include <string.h>
#include "parse_ctx.h"
#include "../runtime/unit.h"

void cx_unit_free(cx_unit *u)
{
    for (size_t i = 0; i < u->n_consts; i++) cx_num_clear(u->consts[i]);
    free(u->consts);
    u->consts = NULL;
    u->n_consts = u->cap_consts = 0;
    cx_arena_free(&u->arena);
    u->stmts.items = NULL;
    u->stmts.len = u->stmts.cap = 0;
}

cx_ast *cx_ast_new(cx_parse_ctx *P, cx_ast_kind kind, cx_span span)
{
    cx_ast *n = cx_arena_alloc(&P->unit->arena, sizeof *n);
    if (!n) {
        P->oom = true;
        return NULL;
    }
    n->kind = kind;
    n->span = span;
    return n;
}

/* The bytes of `span` copied into the arena (a name). */
static const char *span_text(cx_parse_ctx *P, cx_span span)
{
    char *s = cx_arena_strndup(&P->unit->arena, P->text + span.start, span.end - span.start);
    if (!s) P->oom = true;
    return s;
}

/* A node that carries a name from the source. */
static cx_ast *named(cx_parse_ctx *P, cx_ast_kind kind, cx_span name_span, cx_span span)
{
    cx_ast *n = cx_ast_new(P, kind, span);
    if (!n) return NULL;
    n->name = span_text(P, name_span);
    n->name_span = name_span;
    return n->name ? n : NULL;
}

cx_ast *cx_ast_name(cx_parse_ctx *P, cx_span span) { return named(P, CX_AST_NAME, span, span); }

cx_ast *cx_ast_unary(cx_parse_ctx *P, int op, cx_span op_span, cx_ast *a, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_UNARY, span);
    if (!n) return NULL;
    n->op = op;
    n->op_span = op_span;
    n->a = a;
    return n;
}

cx_ast *cx_ast_binary(cx_parse_ctx *P, int op, cx_span op_span, cx_ast *a, cx_ast *b, cx_span span)
{
    cx_ast *n = cx_ast_fold(P, op, a, b, span);
    if (n) return n;
    n = cx_ast_new(P, CX_AST_BINARY, span);
    if (!n) return NULL;
    n->op = op;
    n->op_span = op_span;
    n->a = a;
    n->b = b;
    return n;
}

bool cx_ast_list_push(cx_parse_ctx *P, cx_ast_list *l, cx_ast *item)
{
    if (l->len == l->cap) {
        /* The old array stays in the arena; doubling keeps the waste below
         * the final size. */
        size_t cap = l->cap ? l->cap * 2 : 4;
        if (cap > SIZE_MAX / sizeof *l->items) {
            P->oom = true;
            return false;
        }
        cx_ast **items = cx_arena_alloc(&P->unit->arena, cap * sizeof *items);
        if (!items) {
            P->oom = true;
            return false;
        }
        if (l->len) memcpy(items, l->items, l->len * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = item;
    return true;
}

cx_ast *cx_ast_bool(cx_parse_ctx *P, bool value, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_BOOL, span);
    if (n) n->boolean = value;
    return n;
}

cx_ast *cx_ast_error(cx_parse_ctx *P, cx_span span) { return cx_ast_new(P, CX_AST_ERROR, span); }

/* `( e )` is e itself; its span grows to take in the parentheses so that a
 * bare expression statement prints as written. */
cx_ast *cx_ast_paren(cx_parse_ctx *P, cx_ast *inner, cx_span span)
{
    (void)P;
    if (inner) inner->span = span;
    return inner;
}

cx_ast *cx_ast_at(cx_parse_ctx *P, cx_span name_span, cx_ast *lit, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_AT, span);
    if (!n) return NULL;
    n->a = cx_ast_name(P, name_span);
    n->b = lit;
    n->op_span = lit ? lit->span : span;
    return n->a ? n : NULL;
}

cx_ast *cx_ast_index(cx_parse_ctx *P, cx_ast *a, cx_ast *b, cx_span op_span, cx_span span)
{
    /* `x[0][0]...` nests to the left without ever deepening the parser's
     * stack, but the evaluator recurses into each base: count the chain
     * against the nesting limit (a walk of at most max_nesting steps). */
    long depth = 1;
    for (const cx_ast *c = a; c && c->kind == CX_AST_INDEX; c = c->a)
        if (++depth > P->opts->max_nesting) {
            cx_parse_nesting_error(P, op_span);
            break;
        }
    cx_ast *n = cx_ast_new(P, CX_AST_INDEX, span);
    if (!n) return NULL;
    n->a = a;
    n->b = b;
    n->op_span = op_span;
    return n;
}

cx_ast *cx_ast_list_new(cx_parse_ctx *P, cx_ast *first, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_LIST, span);
    if (!n) return NULL;
    if (first && !cx_ast_list_push(P, &n->list, first)) return NULL;
    return n;
}

cx_ast *cx_ast_list_add(cx_parse_ctx *P, cx_ast *list, cx_ast *item, cx_span span)
{
    if (!list) return NULL;
    if (!cx_ast_list_push(P, &list->list, item)) return NULL;
    list->span = span;
    return list;
}

cx_ast *cx_ast_call(cx_parse_ctx *P, cx_span name_span, cx_ast *args, cx_span span)
{
    cx_ast *n = named(P, CX_AST_CALL, name_span, span);
    if (!n) return NULL;
    if (args && args->kind == CX_AST_LIST) n->list = args->list;
    else if (args && !cx_ast_list_push(P, &n->list, args)) return NULL;
    return n;
}

cx_ast *cx_ast_range(cx_parse_ctx *P, cx_ast *a, cx_ast *b, cx_ast *step, cx_span op_span,
                     cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_RANGE, span);
    if (!n) return NULL;
    n->a = a;
    n->b = b;
    n->c = step;
    n->op_span = op_span;
    return n;
}

cx_ast *cx_ast_comp(cx_parse_ctx *P, cx_ast *elem, cx_span var_span, cx_ast *iter, cx_ast *filter,
                    cx_span span)
{
    cx_ast *n = named(P, CX_AST_COMP, var_span, span);
    if (!n) return NULL;
    n->a = elem;
    n->b = iter;
    n->c = filter;
    return n;
}

cx_ast *cx_ast_listcomp(cx_parse_ctx *P, cx_ast *comp, cx_span span)
{
    (void)P;
    if (!comp) return NULL;
    comp->comp_is_list = true;
    comp->span = span;
    return comp;
}

cx_ast *cx_ast_if(cx_parse_ctx *P, cx_ast *cond, cx_ast *then, cx_ast *otherwise, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_IF, span);
    if (!n) return NULL;
    n->a = cond;
    n->b = then;
    n->c = otherwise;
    return n;
}

cx_ast *cx_ast_assign(cx_parse_ctx *P, cx_span name_span, cx_ast *value, cx_span span)
{
    cx_ast *n = named(P, CX_AST_ASSIGN, name_span, span);
    if (n) n->a = value;
    return n;
}

cx_ast *cx_ast_assign_at(cx_parse_ctx *P, cx_span name_span, cx_ast *first, cx_ast *last,
                         cx_ast *value, cx_span span)
{
    cx_ast *n = named(P, CX_AST_ASSIGN_AT, name_span, span);
    if (!n) return NULL;
    n->a = first;
    n->c = last;
    n->b = value;
    return n;
}

cx_ast *cx_ast_assign_index(cx_parse_ctx *P, cx_ast *target, cx_ast *key, cx_ast *value,
                            cx_span span)
{
    if (!target || !key || !value) return NULL;
    if (target->kind != CX_AST_NAME) {
        cx_error *e = cx_parse_error(P, CX_E_SYNTAX_UNEXPECTED, target->span,
                                     "only a name's periods can be assigned");
        if (e) cx_error_set_hint(e, "write name[period] = value, as in capex[2025] = 125B");
        return cx_ast_error(P, span);
    }
    cx_ast *n = named(P, CX_AST_ASSIGN_INDEX, target->span, span);
    if (!n) return NULL;
    n->a = key;
    n->b = value;
    return n;
}

cx_ast *cx_ast_expr_stmt(cx_parse_ctx *P, cx_ast *e, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_EXPR_STMT, span);
    if (n) n->a = e;
    return n;
}

cx_ast *cx_ast_print(cx_parse_ctx *P, cx_ast *items, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_PRINT, span);
    if (n && items) n->list = items->list;
    return n;
}

cx_ast *cx_ast_check(cx_parse_ctx *P, cx_check_kind kind, cx_ast *a, cx_ast *b, cx_ast *tol,
                     cx_span op_span, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_CHECK, span);
    if (!n) return NULL;
    n->check_kind = kind;
    n->a = a;
    n->b = b;
    n->c = tol;
    n->op_span = op_span;
    return n;
}

/* Whether calls of a function with this body are worth remembering
 * (interp/memo.h): a call in the body (recursion, or a built-in over data)
 * or a comprehension can cost far more than a lookup, while arithmetic on
 * the arguments costs less than remembering it.  A body too deep to look
 * through is remembered. */
static bool worth_remembering(const cx_ast *body)
{
    enum { DEPTH = 64 };
    const cx_ast *todo[DEPTH];
    size_t n = 0;
    todo[n++] = body;
    while (n) {
        const cx_ast *x = todo[--n];
        if (!x) continue;
        switch (x->kind) {
        case CX_AST_NUM:
        case CX_AST_CONST:
        case CX_AST_PERIOD:
        case CX_AST_STR:
        case CX_AST_BOOL:
        case CX_AST_NAME: continue;
        case CX_AST_UNARY:
        case CX_AST_BINARY:
        case CX_AST_IF:
        case CX_AST_INDEX:
        case CX_AST_AT:
        case CX_AST_UNIT_NUM:
        case CX_AST_AS: break;
        default: return true;
        }
        if (n + 3 > DEPTH) return true;
        todo[n++] = x->a;
        todo[n++] = x->b;
        todo[n++] = x->c;
    }
    return false;
}

cx_ast *cx_ast_fn(cx_parse_ctx *P, cx_span name_span, cx_ast *params, cx_ast *body, cx_span span)
{
    cx_ast *n = named(P, CX_AST_FN, name_span, span);
    if (!n) return NULL;
    if (params) n->list = params->list;
    n->a = body;
    n->boolean = !body || worth_remembering(body);
    return n;
}

/* include and source keep the string node in `a` (its span is where a bad
 * path is reported) and its decoded text in `str`. */
static cx_ast *with_string(cx_ast *n, cx_ast *s)
{
    if (!n) return NULL;
    n->a = s;
    if (s && s->kind == CX_AST_STR) n->str = s->str;
    else n->str.text = "";
    return n;
}

cx_ast *cx_ast_include(cx_parse_ctx *P, cx_ast *path, cx_span span)
{
    return with_string(cx_ast_new(P, CX_AST_INCLUDE, span), path);
}

cx_ast *cx_ast_table(cx_parse_ctx *P, cx_span name_span, cx_ast *range, cx_ast *columns,
                     cx_span span)
{
    cx_ast *n = named(P, CX_AST_TABLE, name_span, span);
    if (!n) return NULL;
    n->b = range;
    if (columns) n->list = columns->list;
    return n;
}

cx_ast *cx_ast_table_grid(cx_parse_ctx *P, cx_span row_span, cx_ast *rows, cx_ast *col_var,
                          cx_ast *cols, cx_ast *cell, cx_span span)
{
    cx_ast *n = named(P, CX_AST_TABLE, row_span, span);
    if (!n) return NULL;
    n->b = rows;
    n->a = col_var;
    n->c = cols;
    if (!cx_ast_list_push(P, &n->list, cell)) return NULL;
    return n;
}

cx_ast *cx_ast_source(cx_parse_ctx *P, cx_span name_span, cx_ast *text, cx_span span)
{
    return with_string(named(P, CX_AST_SOURCE, name_span, span), text);
}

/* ---- chart ------------------------------------------------------------------
 * The words of a chart statement are names to the scanner (only `chart` is
 * a keyword), so a script may still use `line` or `title` as a name; what
 * they must be here is checked here, as literal.c checks a literal. */

/* Whether the text of `span` is `word`. */
static bool span_is(cx_parse_ctx *P, cx_span span, const char *word)
{
    size_t n = strlen(word);
    return span.end - span.start == n && memcmp(P->text + span.start, word, n) == 0;
}

cx_ast *cx_ast_chart_opt(cx_parse_ctx *P, cx_ast *opts, cx_span word_span, cx_ast *value,
                         cx_span span)
{
    cx_ast *opt = named(P, CX_AST_ASSIGN, word_span, span);
    if (!opt || !value) return NULL;
    opt->a = value;
    if (!opts && !(opts = cx_ast_list_new(P, NULL, span))) return NULL;
    return cx_ast_list_add(P, opts, opt, span);
}

/* A chart option that is not one: the error at its word, or at its value. */
static cx_ast *bad_option(cx_parse_ctx *P, cx_span at, const char *msg, const char *hint,
                          cx_span span)
{
    cx_error *e = cx_parse_error(P, CX_E_SYNTAX_UNEXPECTED, at, "%s", msg);
    if (e) cx_error_set_hint(e, "%s", hint);
    return cx_ast_error(P, span);
}

cx_ast *cx_ast_chart(cx_parse_ctx *P, cx_span style_span, cx_ast *series, cx_ast *opts,
                     cx_span span)
{
    static const char options_hint[] =
        "a chart takes title \"text\" and as money, as pct or as plain after its series";
    if (!series) return NULL;
    int style;
    if (span_is(P, style_span, "line")) style = CX_CHART_LINE;
    else if (span_is(P, style_span, "bar")) style = CX_CHART_BAR;
    else
        return bad_option(P, style_span, "a chart is a line or a bar chart",
                          "write chart line a, b; or chart bar a, b;", span);
    cx_ast *n = named(P, CX_AST_CHART, style_span, span);
    if (!n) return NULL;
    n->op = style;
    n->check_kind = CX_CHART_PLAIN;
    n->list = series->list;
    bool has_format = false;
    /* `chart bar capex as money;`: the scanner read `as money` as a
     * conversion of the last series; a word there that is not a unit cx
     * knows (money, pct, plain, or a wrong one) is the format option. */
    cx_ast *taken[4];
    size_t n_taken = 0;
    cx_ast **lastp = n->list.len ? &n->list.items[n->list.len - 1] : NULL;
    while (lastp && *lastp && (*lastp)->kind == CX_AST_AS && n_taken < 4 &&
           strpbrk((*lastp)->name, "/*^") == NULL &&
           !cx_uom_is_builtin((*lastp)->name, strlen((*lastp)->name))) {
        taken[n_taken++] = *lastp;
        *lastp = (*lastp)->a;
    }
    if (n_taken) {
        cx_ast *first = NULL;
        for (size_t k = n_taken; k-- > 0;) {
            cx_ast *t = taken[k];
            cx_span os = {span.src, t->op_span.start, t->name_span.end};
            cx_ast *value = named(P, CX_AST_NAME, t->name_span, t->name_span);
            if (!value || !(first = cx_ast_chart_opt(P, first, t->op_span, value, os))) return NULL;
        }
        if (opts)
            for (size_t i = 0; i < opts->list.len; i++)
                if (!cx_ast_list_add(P, first, opts->list.items[i], span)) return NULL;
        opts = first;
    }
    for (size_t i = 0; opts && i < opts->list.len; i++) {
        const cx_ast *o = opts->list.items[i], *v = o->a;
        bool is_title = strcmp(o->name, "title") == 0, is_as = strcmp(o->name, "as") == 0;
        if (is_title && v->kind == CX_AST_STR) {
            if (n->a)
                return bad_option(P, o->name_span, "the chart has a title already",
                                  "give a chart one title", span);
            n->a = (cx_ast *)v;
        } else if (is_as && v->kind == CX_AST_NAME) {
            if (has_format)
                return bad_option(P, o->name_span, "the chart has a format already",
                                  "give a chart one format", span);
            has_format = true;
            if (strcmp(v->name, "money") == 0) n->check_kind = CX_CHART_MONEY;
            else if (strcmp(v->name, "pct") == 0) n->check_kind = CX_CHART_PCT;
            else if (strcmp(v->name, "plain") != 0)
                return bad_option(P, v->span, "a chart's values show as money, pct or plain",
                                  "write as money, as pct or as plain", span);
        } else if (is_title) {
            return bad_option(P, v->span, "a chart's title is a string",
                              "write title \"Capex by year\"", span);
        } else if (is_as) {
            return bad_option(P, v->span, "a chart's values show as money, pct or plain",
                              "write as money, as pct or as plain", span);
        } else {
            return bad_option(P, o->name_span, "unknown chart option", options_hint, span);
        }
    }
    return n;
}

cx_ast *cx_ast_bound(cx_parse_ctx *P, int op, cx_span op_span, cx_ast *a, cx_ast *b, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_BOUND, span);
    if (!n) return NULL;
    n->op = op;
    n->op_span = op_span;
    n->a = a;
    n->b = b;
    return n;
}

/* ---- scenarios -------------------------------------------------------------- */

cx_ast *cx_ast_check_all(cx_parse_ctx *P, cx_ast *check)
{
    (void)P;
    if (check) check->boolean = true;
    return check;
}

cx_ast *cx_ast_scenario(cx_parse_ctx *P, cx_span name_span, cx_ast *overrides, cx_span span)
{
    cx_ast *n = named(P, CX_AST_SCENARIO, name_span, span);
    if (!n || !overrides) return NULL;
    n->list = overrides->list;
    return n;
}

cx_ast *cx_ast_scenario_table(cx_parse_ctx *P, cx_span word_span, cx_ast *columns, cx_span span)
{
    if (!columns) return NULL;
    if (!span_is(P, word_span, "scenarios"))
        return bad_option(P, word_span, "a table without a variable compares the scenarios",
                          "write table scenarios: a, b; or table x in 1..5: a, b;", span);
    cx_ast *n = named(P, CX_AST_SCENARIO_TABLE, word_span, span);
    if (!n) return NULL;
    n->list = columns->list;
    return n;
}

cx_ast *cx_ast_tornado(cx_parse_ctx *P, cx_ast *expr, cx_span over_span, cx_ast *names,
                       cx_span span)
{
    if (!expr || !names) return NULL;
    if (!span_is(P, over_span, "over"))
        return bad_option(P, over_span, "a tornado names its inputs after 'over'",
                          "write tornado npv(10%, fcf) over growth, margin;", span);
    cx_ast *n = cx_ast_new(P, CX_AST_TORNADO, span);
    if (!n) return NULL;
    n->a = expr;
    n->list = names->list;
    return n;
}

const cx_ast *cx_ast_not_constant(const cx_ast *n)
{
    /* A left chain (a + b + c ..., millions of terms in a pasted sum) is
     * walked down its left side in a loop, not by recursion.  A right side
     * found not constant on the way lies further left the deeper it is, so
     * the deepest one is the answer unless the chain's first operand is
     * not constant itself.  Right sides and lists nest only as deep as the
     * parser's nesting limit allows. */
    const cx_ast *bad = NULL;
    while (n) {
        switch (n->kind) {
        case CX_AST_NUM:
        case CX_AST_CONST:
        case CX_AST_PERIOD:
        case CX_AST_STR:
        case CX_AST_BOOL: return bad;
        case CX_AST_UNARY:
        case CX_AST_UNIT_NUM: /* 4.8B USD/qtr: its literal */
        case CX_AST_AS: n = n->a; continue;
        case CX_AST_BINARY:
        case CX_AST_BOUND: {
            const cx_ast *r = cx_ast_not_constant(cx_ast_rhs(n));
            if (r) bad = r;
            n = cx_ast_lhs(n);
            continue;
        }
        case CX_AST_LIST:
            for (size_t i = 0; i < n->list.len; i++) {
                const cx_ast *first = cx_ast_not_constant(n->list.items[i]);
                if (first) return first;
            }
            return bad;
        default: return n;
        }
    }
    return bad;
}

bool cx_ast_op_is_comparison(int op)
{
    switch (op) {
    case CX_OP_LT:
    case CX_OP_GT:
    case CX_OP_LE:
    case CX_OP_GE:
    case CX_OP_EQ:
    case CX_OP_NE: return true;
    default: return false;
    }
}

/* ---- units ------------------------------------------------------------------
 * The unit's text is kept as written; the evaluator reads it (runtime/unit.h)
 * against the counts the script has declared by then. */

cx_ast *cx_ast_unit_num(cx_parse_ctx *P, cx_ast *num, cx_span unit_span, cx_span span)
{
    cx_ast *n = named(P, CX_AST_UNIT_NUM, unit_span, span);
    if (!n || !num) return NULL;
    n->a = num;
    return n;
}

cx_ast *cx_ast_as(cx_parse_ctx *P, cx_ast *a, cx_span op_span, cx_span unit_span, cx_span span)
{
    cx_ast *n = named(P, CX_AST_AS, unit_span, span);
    if (!n || !a) return NULL;
    n->a = a;
    n->op_span = op_span;
    return n;
}

cx_ast *cx_ast_unit_decl(cx_parse_ctx *P, cx_ast *names, cx_span span)
{
    cx_ast *n = cx_ast_new(P, CX_AST_UNIT_DECL, span);
    if (!n || !names) return NULL;
    n->list = names->list;
    return n;
}
