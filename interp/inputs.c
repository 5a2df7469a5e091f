/* inputs.c - implements cx_define (include/cx.h): a host defines a name
 * before a run from text that cx reads with its own rules.  The text
 * becomes a source of the state named "<input NAME>", is parsed like a
 * script and evaluated like an expression statement, so literals,
 * suffixes, periods and strings mean what they mean in a script and every
 * error is located in the input.  Only constants are accepted: an input
 * cannot read the state it is defined in. */
#include <stdlib.h>
#include <string.h>
#include "eval.h"
#include "../lang/parse.h"
#include "../runtime/limits.h"

/* Is `name` one cx name, by cx's own scanner?  It is parsed alone, with
 * errors going to a scratch list: a keyword or a stray character is not a
 * name, and the message says so plainly instead of quoting a parse. */
static bool is_name(const cx_state *st, const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > CX_MAX_IDENT_BYTES) return false;
    for (size_t i = 0; i < len; i++)
        if (name[i] == '\n' || name[i] == '#' || name[i] == ';') return false;
    cx_sources srcs;
    cx_diag diag;
    cx_unit u = {0};
    cx_sources_init(&srcs);
    cx_diag_init(&diag);
    bool ok = false;
    char *text = cx_strdupf("%s\n;", name);
    uint32_t id = text ? cx_sources_add(&srcs, "<name>", text, strlen(text)) : 0;
    cx_parse_opts po = {.max_source_bytes = st->opt.max_source_bytes,
                        .max_nesting = st->opt.max_nesting,
                        .max_errors = 1,
                        .num_ctx = &st->nctx};
    if (id && cx_parse(&u, &srcs, id, &po, &diag) == CX_OK && u.stmts.len == 1) {
        const cx_ast *s = u.stmts.items[0];
        const cx_ast *v = s->kind == CX_AST_EXPR_STMT ? cx_ast_value(s) : NULL;
        ok = v && v->kind == CX_AST_NAME && strcmp(v->name, name) == 0;
    }
    cx_unit_free(&u);
    cx_diag_clear(&diag);
    free(diag.items);
    cx_sources_free(&srcs);
    free(text);
    return ok;
}

static cx_status input_error(cx_state *st, cx_span span, const char *what, const char *name)
{
    cx_error *e = cx_diag_add(&st->diag, CX_E_TYPE_INPUT, span, what, name);
    if (e)
        cx_error_set_hint(e, "write a number (8%%, 4.8B, 1/3), a period (2025Q3), a string "
                             "(\"text\"), true, false, or a list of them");
    return CX_FAIL;
}

/* Binds name to v (moved), as an assignment would: a second definition is
 * an error in a script and a replacement in the REPL. */
static cx_status bind(cx_state *st, const char *name, cx_value *v, cx_span span)
{
    cx_binding *b = cx_env_global(&st->env, name);
    if (b && !st->opt.repl) {
        cx_error *e =
            cx_diag_add(&st->diag, CX_E_NAME_REDEFINED, span, "'%s' is already defined", name);
        if (e) {
            cx_error_add_note(e, b->span, "first defined here");
            cx_error_set_hint(e, "an input is defined once, before the script runs; "
                                 "give it another name");
        }
        return CX_FAIL;
    }
    if (b) {
        cx_value_clear(&b->value);
        b->span = span;
        b->n_periods = 0;
        cx_binding_clear_bound_periods(b);
    } else if (!(b = cx_env_define(&st->env, name, span))) {
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, span, "out of memory");
        return CX_FAIL;
    }
    cx_value_move(&b->value, v);
    b->figure = (cx_figure){.fact = true}; /* a constant: a scenario may set it */
    return CX_OK;
}

/* Parses the input's source and defines name from its one expression. */
static cx_status define_from(cx_state *st, const char *name, uint32_t id)
{
    cx_parse_opts po = {.max_source_bytes = st->opt.max_source_bytes,
                        .max_nesting = st->opt.max_nesting,
                        .max_errors = CX_MAX_SYNTAX_ERRORS,
                        .num_ctx = &st->nctx};
    cx_unit u = {0};
    cx_value v;
    cx_value_init(&v);
    cx_status s = cx_parse(&u, &st->sources, id, &po, &st->diag);
    const cx_source *src = cx_sources_get(&st->sources, id);
    cx_span all = {id, 0, src ? (uint32_t)(src->len - 2) : 0}; /* without "\n;" */
    if (s != CX_OK) goto out;
    if (u.stmts.len != 1 || u.stmts.items[0]->kind != CX_AST_EXPR_STMT) {
        s = input_error(st, u.stmts.len ? u.stmts.items[u.stmts.len - 1]->span : all,
                        u.stmts.len == 0 ? "input '%s' is empty"
                                         : "input '%s' is one value, not statements",
                        name);
        goto out;
    }
    const cx_ast *e = cx_ast_value(u.stmts.items[0]);
    const cx_ast *bad = cx_ast_not_constant(e);
    if (bad) {
        bool named = bad->kind == CX_AST_NAME || bad->kind == CX_AST_CALL;
        s = input_error(st, bad->span,
                        bad->kind == CX_AST_NAME   ? "an input is a constant: it cannot use '%s'"
                        : bad->kind == CX_AST_CALL ? "an input is a constant: it cannot call '%s'"
                                                   : "an input is a constant%s: this part is not",
                        named ? bad->name : "");
        goto out;
    }
    cx_eval E = {.st = st};
    s = cx_eval_expr(&E, e, &v);
    if (s == CX_OK) s = bind(st, name, &v, e->span);
    if (s == CX_OK && /* --set g="8% to 12%": the input is named g in witnesses */
        !cx_bounded_name(st, e, &cx_env_global(&st->env, name)->value, name)) {
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, e->span, "out of memory");
        s = CX_FAIL;
    }
    if (s == CX_OK && !cx_scenarios_log_input(st, name)) {
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, e->span, "out of memory");
        s = CX_FAIL;
    }
out:
    cx_value_clear(&v);
    cx_unit_free(&u);
    return s;
}

cx_run_status cx_define(cx_state *st, const char *name, const char *text)
{
    st->interrupted = 0;
    cx_diag_clear(&st->diag);
    cx_numalloc_account *prev = cx_numalloc_use(&st->mem);
    if (!name || !is_name(st, name)) {
        cx_error *e = cx_diag_add(&st->diag, CX_E_NAME_BAD_INPUT, CX_NO_SPAN,
                                  "'%.64s' is not a name an input can have", name ? name : "");
        if (e)
            cx_error_set_hint(e, "a name is letters, digits and '_', not starting with a digit, "
                                 "and not a keyword");
    } else {
        size_t len = text ? strlen(text) : 0;
        char *src_name = cx_strdupf("<input %s>", name);
        char *body = cx_strdupf("%s\n;", text ? text : "");
        uint32_t id = 0;
        if ((long)len > st->opt.max_source_bytes)
            cx_diag_add(&st->diag, CX_E_LIMIT_SOURCE_SIZE, CX_NO_SPAN,
                        "input '%s' is larger than %ld bytes", name, st->opt.max_source_bytes);
        else if (!src_name || !body ||
                 !(id = cx_sources_add(&st->sources, src_name, body, len + 2)))
            cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, CX_NO_SPAN, "out of memory");
        else define_from(st, name, id);
        free(src_name);
        free(body);
    }
    cx_numalloc_use(prev);
    return cx_state_status(st);
}
