/* parse_ctx.h - private to lang/: the state one cx_parse shares between the
 * scanner (lexer.l), the grammar (parser.y), the node constructors (ast.c,
 * literal.c) and parse.c, plus the constructors the grammar calls beyond the
 * public ones in ast.h.  Outside lang/ only the scanner's unit tests
 * include it. */
#ifndef CX_PARSE_CTX_H
#define CX_PARSE_CTX_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ast.h"
#include "parse.h"

/* The whole state of one parse. */
typedef struct cx_parse_ctx {
    cx_unit *unit;    /* where nodes, strings and constants go */
    uint32_t src;     /* source id, copied into every span */
    const char *text; /* the source bytes (not NUL-terminated for us) */
    size_t len;
    const cx_parse_opts *opts;
    cx_diag *diag;

    size_t n_errors; /* errors this parse found (also ones lost to a failed malloc) */
    bool capped;     /* opts->max_errors reached: "too many errors" was said */
    bool stop;       /* end the parse now: the scanner reports end of input */
    bool recovering; /* between a syntax error and the `error ';'` that resyncs */
    bool oom;        /* an allocation failed */

    /* Nesting: the spans of the "opening" tokens (brackets, prefix and binary
     * operators, `if`) the parser has shifted and not yet reduced.  The
     * scanner pushes; every reduction pops the ones inside the reduced rule
     * (cx_parse_span, called through YYLLOC_DEFAULT). */
    cx_span *open;
    size_t n_open, cap_open;

    cx_span last_tok; /* the token the scanner handed over last (the lookahead) */
    cx_span prev_tok; /* the one before it: "missing ';'" hints */

    /* With opts->on_stmt: where the current statement's nodes and constants
     * begin, and whether on_stmt stopped the parse. */
    cx_arena_mark stmt_mark;
    size_t stmt_consts;
    bool halted;

    jmp_buf fatal; /* the scanner's fatal-error exit (lexer.l) */
    const char *fatal_msg;
} cx_parse_ctx;

/* Records an error of this parse.  Returns NULL, adding nothing, once
 * opts->max_errors errors were reported (the first refused one becomes a
 * "too many errors" note and stops the parse) or when P->stop is set. */
cx_error *cx_parse_error(cx_parse_ctx *P, cx_err_code code, cx_span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The message of the nesting limit, at `span`; stops the parse. */
void cx_parse_nesting_error(cx_parse_ctx *P, cx_span span);

/* YYLLOC_DEFAULT: the span of a reduced rule from its right-hand side
 * (rhs[1..n]; rhs[0] is the symbol before it), popping the opening tokens the
 * rule consumed.  Inline: the parser calls it on every reduction. */
static inline cx_span cx_parse_span(cx_parse_ctx *P, const cx_span *rhs, int n)
{
    if (n <= 0) return (cx_span){rhs[0].src, rhs[0].end, rhs[0].end};
    cx_span s = {rhs[1].src, rhs[1].start, rhs[n].end};
    /* The opening tokens inside the rule leave the stack with it.  The top
     * entry may be the lookahead, which lies past the rule: keep that one.
     * Most reductions (a unit rule such as `term: unary`) find none inside:
     * they change nothing. */
    cx_span *open = P->open;
    size_t top = P->n_open;
    if (top > 0 && open[top - 1].start >= s.end) top--;
    if (top == 0 || open[top - 1].start < s.start) return s;
    size_t k = top - 1;
    while (k > 0 && open[k - 1].start >= s.start) k--;
    if (top < P->n_open) open[k++] = open[top];
    P->n_open = k;
    return s;
}
/* The scanner: an opening token was handed to the parser. */
void cx_parse_push_open(cx_parse_ctx *P, cx_span span);
/* Appends a statement to the unit (NULL, the empty statement, is skipped),
 * or hands it to opts->on_stmt and frees it.  Called when the parser stack
 * holds nothing but `script`, so no node outside the statement is alive.
 * Returns false when the parse must stop (the grammar then aborts). */
bool cx_parse_add_stmt(cx_parse_ctx *P, cx_ast *stmt);
/* `error ';'` resynchronised: errors are reported again.  Returns NULL (the
 * statement that failed produces nothing). */
cx_ast *cx_parse_resync(cx_parse_ctx *P);

/* ---- what the scanner keeps (flex's yyextra) ------------------------------ */
typedef struct cx_lex_block cx_lex_block;
struct cx_lex_state {
    cx_parse_ctx *P;
    uint32_t offset;      /* bytes scanned so far */
    uint32_t fed;         /* bytes handed to flex's buffer so far (lex_input) */
    uint32_t part_start;  /* start of a string being scanned in pieces */
    bool part_error;      /* an error was already reported in this string or comment */
    cx_lex_block *blocks; /* every live flex allocation, freed after a longjmp */
};

/* Creates the scanner over P's text; false on allocation failure.  After a
 * longjmp to P->fatal, call cx_lex_abandon instead of cx_lex_end. */
bool cx_lex_begin(struct cx_lex_state *L, cx_parse_ctx *P, void **scanner);
void cx_lex_end(struct cx_lex_state *L, void *scanner);
void cx_lex_abandon(struct cx_lex_state *L);

/* ---- node constructors the grammar uses (ast.c) ---------------------------- */
/* Each returns NULL only when memory ran out (P->oom is then set); every one
 * accepts NULL children so a parse that ran out of memory ends quietly. */
cx_ast *cx_ast_bool(cx_parse_ctx *P, bool value, cx_span span);
/* `a + b` or `a - b` of plain literals (or sums of them) folded into one
 * CX_AST_CONST node; NULL when it cannot be folded (fold.c). */
cx_ast *cx_ast_fold(cx_parse_ctx *P, int op, cx_ast *a, cx_ast *b, cx_span span);
cx_ast *cx_ast_error(cx_parse_ctx *P, cx_span span);
/* `( e )` and `[ a, b ]`: the node inside, its span widened to the brackets. */
cx_ast *cx_ast_paren(cx_parse_ctx *P, cx_ast *inner, cx_span span);
cx_ast *cx_ast_at(cx_parse_ctx *P, cx_span name_span, cx_ast *lit, cx_span span);
cx_ast *cx_ast_index(cx_parse_ctx *P, cx_ast *a, cx_ast *b, cx_span op_span, cx_span span);
/* args: a LIST node (its items become the call's), a COMP node (the one
 * generator argument) or NULL for no arguments. */
cx_ast *cx_ast_call(cx_parse_ctx *P, cx_span name_span, cx_ast *args, cx_span span);
cx_ast *cx_ast_list_new(cx_parse_ctx *P, cx_ast *first, cx_span span);
cx_ast *cx_ast_list_add(cx_parse_ctx *P, cx_ast *list, cx_ast *item, cx_span span);
cx_ast *cx_ast_range(cx_parse_ctx *P, cx_ast *a, cx_ast *b, cx_ast *step, cx_span op_span,
                     cx_span span);
/* `elem for var in iter [if filter]`: a generator (a call's only argument);
 * cx_ast_listcomp turns it into the list comprehension `[...]`. */
cx_ast *cx_ast_comp(cx_parse_ctx *P, cx_ast *elem, cx_span var_span, cx_ast *iter, cx_ast *filter,
                    cx_span span);
cx_ast *cx_ast_listcomp(cx_parse_ctx *P, cx_ast *comp, cx_span span);
cx_ast *cx_ast_if(cx_parse_ctx *P, cx_ast *cond, cx_ast *then, cx_ast *otherwise, cx_span span);
cx_ast *cx_ast_assign(cx_parse_ctx *P, cx_span name_span, cx_ast *value, cx_span span);
/* target[key] = value: target must be a name (else a located error). */
cx_ast *cx_ast_assign_index(cx_parse_ctx *P, cx_ast *target, cx_ast *key, cx_ast *value,
                            cx_span span);
cx_ast *cx_ast_assign_at(cx_parse_ctx *P, cx_span name_span, cx_ast *first, cx_ast *last,
                         cx_ast *value, cx_span span);
cx_ast *cx_ast_expr_stmt(cx_parse_ctx *P, cx_ast *e, cx_span span);
cx_ast *cx_ast_print(cx_parse_ctx *P, cx_ast *items, cx_span span);
cx_ast *cx_ast_check(cx_parse_ctx *P, cx_check_kind kind, cx_ast *a, cx_ast *b, cx_ast *tol,
                     cx_span op_span, cx_span span);
cx_ast *cx_ast_fn(cx_parse_ctx *P, cx_span name_span, cx_ast *params, cx_ast *body, cx_span span);
cx_ast *cx_ast_include(cx_parse_ctx *P, cx_ast *path, cx_span span);
/* table r in rows, c in cols: cell; -- a grid, one column per item of cols */
/* `lo to hi` (CX_OP_TO), `c ± r` (CX_OP_PM). */
cx_ast *cx_ast_bound(cx_parse_ctx *P, int op, cx_span op_span, cx_ast *a, cx_ast *b, cx_span span);
/* `tornado EXPR over a, b;`: the word at over_span must be `over`. */
cx_ast *cx_ast_tornado(cx_parse_ctx *P, cx_ast *expr, cx_span over_span, cx_ast *names,
                       cx_span span);
/* Marks a check `... in all scenarios`. */
cx_ast *cx_ast_check_all(cx_parse_ctx *P, cx_ast *check);
cx_ast *cx_ast_scenario(cx_parse_ctx *P, cx_span name_span, cx_ast *overrides, cx_span span);
/* `table scenarios: ...`; any other word there is an error. */
cx_ast *cx_ast_scenario_table(cx_parse_ctx *P, cx_span word_span, cx_ast *columns, cx_span span);
cx_ast *cx_ast_table_grid(cx_parse_ctx *P, cx_span row_span, cx_ast *rows, cx_ast *col_var,
                          cx_ast *cols, cx_ast *cell, cx_span span);
cx_ast *cx_ast_table(cx_parse_ctx *P, cx_span name_span, cx_ast *range, cx_ast *columns,
                     cx_span span);
/* chart STYLE series [options]: checks the style word (line, bar) and the
 * options (title "text", as money / pct / plain), each at most once; a
 * wrong word is a syntax error at it.  cx_ast_chart_opt collects one option
 * (`word value`) into the list `opts` (NULL: a new list). */
cx_ast *cx_ast_chart(cx_parse_ctx *P, cx_span style_span, cx_ast *series, cx_ast *opts,
                     cx_span span);
cx_ast *cx_ast_chart_opt(cx_parse_ctx *P, cx_ast *opts, cx_span word_span, cx_ast *value,
                         cx_span span);
cx_ast *cx_ast_source(cx_parse_ctx *P, cx_span name_span, cx_ast *text, cx_span span);
/* Units: `4.8B USD/qtr` (num, the unit's span), `$125B/yr` (the whole
 * token), `x as USD/yr`, `unit employee, customer;` (names: a LIST node). */
cx_ast *cx_ast_unit_num(cx_parse_ctx *P, cx_ast *num, cx_span unit_span, cx_span span);
cx_ast *cx_ast_dollar(cx_parse_ctx *P, cx_span span);
cx_ast *cx_ast_as(cx_parse_ctx *P, cx_ast *a, cx_span op_span, cx_span unit_span, cx_span span);
cx_ast *cx_ast_unit_decl(cx_parse_ctx *P, cx_ast *names, cx_span span);

#endif
