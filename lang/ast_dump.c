/* ast_dump.c - the syntax tree as S-expressions, for tests and
 * `cx --dump-ast`: "1 + 2 * 3;" -> "(+ 1 (* 2 3))".  The walk keeps its own
 * stack on the heap, so a 100,000-term sum (a left spine that deep) dumps
 * without deep C recursion. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ast.h"
#include "../runtime/grow.h"
#include "../runtime/strbuf.h"

/* One piece of work: a node to expand, or text to append. */
typedef struct item {
    const cx_ast *node;
    const char *text;
} item;

typedef struct dumper {
    cx_strbuf out;
    item *stack;
    size_t depth, stack_cap;
    bool oom; /* the stack could not grow (the text's own failure is out.oom) */
} dumper;

static void put_n(dumper *d, const char *s, size_t n) { cx_strbuf_put(&d->out, s, n); }

static void put(dumper *d, const char *s) { cx_strbuf_puts(&d->out, s); }

static void push(dumper *d, const cx_ast *node, const char *text)
{
    if (d->oom) return;
    if (!CX_GROW(d->stack, d->stack_cap, d->depth, 64)) {
        d->oom = true;
        return;
    }
    d->stack[d->depth++] = (item){node, text};
}

static void push_text(dumper *d, const char *text) { push(d, NULL, text); }

/* Pushes " k" for each of kids, last first, so they come out in order. */
static void push_kids(dumper *d, cx_ast *const *kids, size_t n)
{
    for (size_t i = n; i-- > 0;) {
        push(d, kids[i], NULL);
        push_text(d, " ");
    }
}

/* "(head a b c)" with the NULL children left out. */
static void form(dumper *d, const char *head, const cx_ast *a, const cx_ast *b, const cx_ast *c)
{
    put(d, "(");
    put(d, head);
    push_text(d, ")");
    const cx_ast *kids[3] = {a, b, c};
    for (int i = 2; i >= 0; i--)
        if (kids[i]) {
            push(d, kids[i], NULL);
            push_text(d, " ");
        }
}

static void put_string(dumper *d, const char *s, size_t len)
{
    put(d, "\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': put(d, "\\\""); break;
        case '\\': put(d, "\\\\"); break;
        case '\n': put(d, "\\n"); break;
        case '\t': put(d, "\\t"); break;
        case '\r': put(d, "\\r"); break;
        default:
            if (c < 0x20 || c == 0x7F) {
                snprintf(esc, sizeof esc, "\\x%02x", c);
                put(d, esc);
            } else {
                put_n(d, (const char *)&s[i], 1);
            }
        }
    }
    put(d, "\"");
}

const char *cx_ast_op_text(int op)
{
    switch (op) {
    case CX_OP_ADD: return "+";
    case CX_OP_SUB: return "-";
    case CX_OP_MUL: return "*";
    case CX_OP_DIV: return "/";
    case CX_OP_POW: return "^";
    case CX_OP_LT: return "<";
    case CX_OP_GT: return ">";
    case CX_OP_EQ: return "==";
    case CX_OP_NE: return "!=";
    case CX_OP_LE: return "<=";
    case CX_OP_GE: return ">=";
    case CX_OP_AND: return "and";
    case CX_OP_IN: return "in";
    case CX_OP_OR: return "or";
    case CX_OP_NOT: return "not";
    case CX_OP_TO: return "to";
    case CX_OP_PM: return "±";
    default: return "?";
    }
}

/* Writes a leaf now, or writes the opening of a form and pushes the rest. */
static void expand(dumper *d, const cx_ast *n)
{
    char buf[48]; /* two int64s and a '/' */
    if (!n) {
        put(d, "<null>");
        return;
    }
    switch (n->kind) {
    case CX_AST_NUM: put_n(d, n->str.text ? n->str.text : "?", n->str.text ? n->str.len : 1); break;
    case CX_AST_CONST: /* always SMALL (fold.c) */
        if (n->num.value->u.s.den == 1)
            snprintf(buf, sizeof buf, "%" PRId64, n->num.value->u.s.num);
        else
            snprintf(buf, sizeof buf, "%" PRId64 "/%" PRId64, n->num.value->u.s.num,
                     n->num.value->u.s.den);
        put(d, "(fold ");
        put(d, buf);
        put(d, ")");
        break;
    case CX_AST_PERIOD:
        cx_period_format(&n->period, buf, sizeof buf);
        put(d, buf);
        break;
    case CX_AST_STR: put_string(d, n->str.text, n->str.len); break;
    case CX_AST_BOOL: put(d, n->boolean ? "true" : "false"); break;
    case CX_AST_NAME: put(d, n->name); break;
    case CX_AST_ERROR: put(d, "<error>"); break;
    case CX_AST_UNIT_NUM:
    case CX_AST_AS:
        put(d, n->kind == CX_AST_AS ? "(as " : "(unit ");
        put(d, n->name);
        push_text(d, ")");
        push(d, n->a, NULL);
        push_text(d, " ");
        break;
    case CX_AST_UNIT_DECL:
        put(d, "(unit-decl");
        push_text(d, ")");
        push_kids(d, n->list.items, n->list.len);
        break;
    case CX_AST_UNARY:
        form(d, n->op == '-' ? "neg" : n->op == '+' ? "pos" : "not", n->a, NULL, NULL);
        break;
    case CX_AST_BINARY:
    case CX_AST_BOUND: form(d, cx_ast_op_text(n->op), n->a, n->b, NULL); break;
    case CX_AST_AT: form(d, "at", n->a, n->b, NULL); break;
    case CX_AST_INDEX: form(d, "index", n->a, n->b, NULL); break;
    case CX_AST_RANGE: form(d, "range", n->a, n->b, n->c); break;
    case CX_AST_IF: form(d, "if", n->a, n->b, n->c); break;
    case CX_AST_CALL:
    case CX_AST_LIST:
    case CX_AST_PRINT:
        put(d, n->kind == CX_AST_CALL ? "(call " : n->kind == CX_AST_LIST ? "(list" : "(print");
        if (n->kind == CX_AST_CALL) put(d, n->name);
        push_text(d, ")");
        push_kids(d, n->list.items, n->list.len);
        break;
    case CX_AST_COMP:
        put(d, n->comp_is_list ? "(listcomp" : "(gen");
        push_text(d, ")");
        if (n->c) {
            push(d, n->c, NULL);
            push_text(d, " ");
        }
        push(d, n->b, NULL);
        push_text(d, " ");
        push_text(d, n->name);
        push_text(d, " ");
        push(d, n->a, NULL);
        push_text(d, " ");
        break;
    case CX_AST_ASSIGN:
        put(d, "(= ");
        put(d, n->name);
        push_text(d, ")");
        push(d, n->a, NULL);
        push_text(d, " ");
        break;
    case CX_AST_ASSIGN_AT:
        put(d, "(=at ");
        put(d, n->name);
        push_text(d, ")");
        push(d, n->b, NULL);
        push_text(d, " ");
        if (n->c) {
            push(d, n->c, NULL);
            push_text(d, " ");
        }
        push(d, n->a, NULL);
        push_text(d, " ");
        break;
    case CX_AST_ASSIGN_INDEX:
        put(d, "(=index ");
        put(d, n->name);
        push_text(d, ")");
        push(d, n->b, NULL);
        push_text(d, " ");
        push(d, n->a, NULL);
        push_text(d, " ");
        break;
    case CX_AST_EXPR_STMT: push(d, n->a, NULL); break;
    case CX_AST_CHECK:
        if (n->boolean) { /* ... in all scenarios */
            put(d, "(all-scenarios ");
            push_text(d, ")");
        }
        if (n->check_kind == CX_CHECK_COND) {
            form(d, "check", n->a, NULL, NULL);
        } else {
            put(d, "(check~");
            push_text(d, ")");
            if (n->check_kind == CX_CHECK_WITHIN) {
                push(d, n->c, NULL);
                push_text(d, " within ");
            }
            push(d, n->b, NULL);
            push_text(d, " ");
            push(d, n->a, NULL);
            push_text(d, " ");
        }
        break;
    case CX_AST_FN:
        put(d, "(fn ");
        put(d, n->name);
        put(d, " (");
        for (size_t i = 0; i < n->list.len; i++) {
            if (i) put(d, " ");
            put(d, n->list.items[i] ? n->list.items[i]->name : "?");
        }
        put(d, ") ");
        push_text(d, ")");
        push(d, n->a, NULL);
        break;
    case CX_AST_INCLUDE:
        put(d, "(include ");
        put_string(d, n->str.text, n->str.len);
        put(d, ")");
        break;
    case CX_AST_SOURCE:
        put(d, "(source ");
        put(d, n->name);
        put(d, " ");
        put_string(d, n->str.text, n->str.len);
        put(d, ")");
        break;
    case CX_AST_CHART: {
        static const char *const formats[] = {"plain", "money", "pct"};
        put(d, n->op == CX_CHART_BAR ? "(chart bar " : "(chart line ");
        put(d, formats[n->check_kind < 3 ? n->check_kind : 0]);
        push_text(d, ")");
        if (n->a) { /* " (title \"...\")", pushed last piece first */
            push_text(d, ")");
            push(d, n->a, NULL);
            push_text(d, " (title ");
        }
        push_kids(d, n->list.items, n->list.len);
        break;
    }
    case CX_AST_SCENARIO:
        put(d, "(scenario ");
        put(d, n->name);
        push_text(d, ")");
        push_kids(d, n->list.items, n->list.len);
        break;
    case CX_AST_TORNADO:
        put(d, "(tornado");
        push_text(d, ")");
        push_kids(d, n->list.items, n->list.len);
        push_text(d, " over");
        push(d, n->a, NULL);
        push_text(d, " ");
        break;
    case CX_AST_SCENARIO_TABLE:
        put(d, "(table scenarios");
        push_text(d, ")");
        push_kids(d, n->list.items, n->list.len);
        break;
    case CX_AST_TABLE:
        put(d, "(table ");
        put(d, n->name);
        push_text(d, ")");
        push_kids(d, n->list.items, n->list.len);
        if (n->a) { /* a grid: the column variable and its iterable */
            push(d, n->c, NULL);
            push_text(d, " ");
            push(d, n->a, NULL);
            push_text(d, " ");
        }
        push(d, n->b, NULL);
        push_text(d, " ");
        break;
    }
}

static void run(dumper *d, const cx_ast *root)
{
    push(d, root, NULL);
    while (d->depth > 0 && !d->oom && !d->out.oom) {
        item it = d->stack[--d->depth];
        if (it.node || !it.text) expand(d, it.node);
        else put(d, it.text);
    }
}

static char *finish(dumper *d)
{
    free(d->stack);
    char *text = cx_strbuf_take(&d->out);
    if (d->oom) {
        free(text);
        return NULL;
    }
    return text;
}

char *cx_ast_dump_node(const cx_ast *n)
{
    dumper d = {0};
    run(&d, n);
    return finish(&d);
}

char *cx_ast_dump(const cx_unit *u)
{
    dumper d = {0};
    for (size_t i = 0; i < u->stmts.len && !d.oom && !d.out.oom; i++) {
        if (i) put(&d, "\n");
        run(&d, u->stmts.items[i]);
    }
    return finish(&d);
}
