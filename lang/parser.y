/* parser.y - the cx grammar: tokens to syntax tree.
 *
 * THE RULE OF THIS FILE: the grammar decides structure and nothing else.
 * Every action is one cx_ast_* constructor call (lang/ast.c, literal.c) or a
 * list append; names, periods, values and types are checked later, by the
 * constructors for literals and by the evaluator for everything else.
 *
 * Precedence is spelled out as one nonterminal per level, lowest first:
 *   if-then-else, range `a .. b [step c]` (non-associative), or, and, not,
 *   comparisons (non-associative), + -, * /, unary - +, ^ (right-associative,
 *   binds tighter than a unary minus on its left; the exponent may be unary),
 *   postfix (call, index, juxtaposition `capex 2025`), primary.
 * Lists are left-recursive so long ones do not deepen the parser's stack.
 */

%code top {
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
}

%code requires {
#include "cx.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
typedef struct cx_ast cx_ast;
struct cx_parse_ctx;
}

%code provides {
int cx_yylex(CX_YYSTYPE *lval, CX_YYLTYPE *lloc, yyscan_t scanner);
}

%code {
#include "parse_ctx.h"

/* A rule's span runs from its first symbol to its last; an empty rule sits
 * where the previous symbol ended.  cx_parse_span also pops the opening
 * tokens the rule consumed (the nesting count, see lexer.l's cx_yylex). */
#define YYLLOC_DEFAULT(Cur, Rhs, N) ((Cur) = cx_parse_span(P, &YYRHSLOC(Rhs, 0), (N)))

/* Nesting is limited by cx_yylex long before this; the stack only has to
 * hold a raised --max-nesting.  Reaching it is reported as the same limit. */
#define YYMAXDEPTH 1000000

static void yyerror(const CX_YYLTYPE *loc, yyscan_t scanner, struct cx_parse_ctx *P,
                    const char *msg);
}

%define api.prefix {cx_yy}
%define api.pure full
%define api.token.prefix {CX_TOK_}
%define api.value.type union
%define api.location.type {cx_span}
%define parse.error custom
%define parse.lac full
%locations
%param {yyscan_t scanner}
%parse-param {struct cx_parse_ctx *P}
%expect 0

%initial-action { @$ = (cx_span){P->src, 0, 0}; }

%token END 0 "end of input"
%token NUMBER "number" PERIOD "period" STRING "string" NAME "name"
%token CHECK "'check'" WITHIN "'within'" PRINT "'print'" FN "'fn'"
%token IF "'if'" THEN "'then'" ELSE "'else'" INCLUDE "'include'" TABLE "'table'"
%token IN "'in'" FOR "'for'" STEP "'step'" SOURCE "'source'"
%token AND "'and'" OR "'or'" NOT "'not'" TRUE "'true'" FALSE "'false'"
%token EQ "'=='" NE "'!='" LE "'<='" GE "'>='" DOTDOT "'..'"

/* `x in 7B..10B` is `x in (7B..10B)`: IN_SET, below '..', makes the parser
 * shift the '..' rather than close `x in 7B`.
 * One more conflict is resolved by precedence.  At the start of a statement,
 * `capex 2021 ..` may begin a range assignment (`capex 2021..2024 = [...];`)
 * or a range expression whose first end is `capex 2021`.  The assignment
 * wins: shifting '..' outranks reducing the juxtaposition.  Write
 * `(capex 2021) .. x` for the other reading. */
%precedence IN_SET
%precedence JUXT
%precedence DOTDOT
%precedence STEP

%type <cx_ast *> stmt plit string expr range disj conj neg cmp sum term unary power
%type <cx_ast *> postfix primary generator exprs params columns column

%%

script:
    %empty
  | script stmt                          { if (!cx_parse_add_stmt(P, $2)) YYABORT; }
  ;

/* ---- statements ------------------------------------------------------------
 * `error ';'` resumes after the next ';': one error per statement. */
stmt:
    NAME '=' expr ';'                    { $$ = cx_ast_assign(P, @1, $3, @$); }
  | NAME NUMBER '=' expr ';'             { $$ = cx_ast_assign_at(P, @1, cx_ast_num(P, @2), NULL, $4, @$); }
  | NAME PERIOD '=' expr ';'             { $$ = cx_ast_assign_at(P, @1, cx_ast_period(P, @2), NULL, $4, @$); }
  | NAME NUMBER DOTDOT plit '=' expr ';' { $$ = cx_ast_assign_at(P, @1, cx_ast_num(P, @2), $4, $6, @$); }
  | NAME PERIOD DOTDOT plit '=' expr ';' { $$ = cx_ast_assign_at(P, @1, cx_ast_period(P, @2), $4, $6, @$); }
  | postfix '[' expr ']' '=' expr ';'    { $$ = cx_ast_assign_index(P, $1, $3, $6, @$); }
  | expr ';'                             { $$ = cx_ast_expr_stmt(P, $1, @$); }
  | PRINT exprs ';'                      { $$ = cx_ast_print(P, $2, @$); }
  | CHECK expr ';'                       { $$ = cx_ast_check(P, CX_CHECK_COND, $2, NULL, NULL, @1, @$); }
  | CHECK expr '~' expr ';'              { $$ = cx_ast_check(P, CX_CHECK_APPROX, $2, $4, NULL, @3, @$); }
  | CHECK expr '~' expr WITHIN expr ';'  { $$ = cx_ast_check(P, CX_CHECK_WITHIN, $2, $4, $6, @3, @$); }
  | FN NAME '(' ')' '=' expr ';'         { $$ = cx_ast_fn(P, @2, NULL, $6, @$); }
  | FN NAME '(' params ')' '=' expr ';'  { $$ = cx_ast_fn(P, @2, $4, $7, @$); }
  | INCLUDE string ';'                   { $$ = cx_ast_include(P, $2, @$); }
  | TABLE NAME IN expr ':' columns ';'   { $$ = cx_ast_table(P, @2, $4, $6, @$); }
  | TABLE NAME IN expr ',' NAME IN expr ':' expr ';'
                                         { $$ = cx_ast_table_grid(P, @2, $4, cx_ast_name(P, @6), $8, $10, @$); }
  | SOURCE NAME '=' string ';'           { $$ = cx_ast_source(P, @2, $4, @$); }
  | ';'                                  { $$ = NULL; }
  | error ';'                            { yyerrok; $$ = cx_parse_resync(P); }
  ;

/* A period literal where only a literal may stand: a range assignment's end. */
plit:
    NUMBER                               { $$ = cx_ast_num(P, @1); }
  | PERIOD                               { $$ = cx_ast_period(P, @1); }
  ;

string:
    STRING                               { $$ = cx_ast_str(P, @1); }
  ;

params:
    NAME                                 { $$ = cx_ast_list_new(P, cx_ast_name(P, @1), @$); }
  | params ',' NAME                      { $$ = cx_ast_list_add(P, $1, cx_ast_name(P, @3), @$); }
  ;

exprs:
    expr                                 { $$ = cx_ast_list_new(P, $1, @$); }
  | exprs ',' expr                       { $$ = cx_ast_list_add(P, $1, $3, @$); }
  ;

/* A table's columns; `low = expr` gives a column its label. */
columns:
    column                               { $$ = cx_ast_list_new(P, $1, @$); }
  | columns ',' column                   { $$ = cx_ast_list_add(P, $1, $3, @$); }
  ;

column:
    expr
  | NAME '=' expr                        { $$ = cx_ast_assign(P, @1, $3, @$); }
  ;

/* ---- expressions, lowest precedence first --------------------------------- */
expr:
    IF expr THEN expr ELSE expr          { $$ = cx_ast_if(P, $2, $4, $6, @$); }
  | range
  ;

range:
    disj DOTDOT disj                     { $$ = cx_ast_range(P, $1, $3, NULL, @2, @$); }
  | disj DOTDOT disj STEP disj           { $$ = cx_ast_range(P, $1, $3, $5, @2, @$); }
  | disj
  ;

disj:
    disj OR conj                         { $$ = cx_ast_binary(P, CX_OP_OR, @2, $1, $3, @$); }
  | conj
  ;

conj:
    conj AND neg                         { $$ = cx_ast_binary(P, CX_OP_AND, @2, $1, $3, @$); }
  | neg
  ;

neg:
    NOT neg                              { $$ = cx_ast_unary(P, CX_OP_NOT, @1, $2, @$); }
  | cmp
  ;

/* Comparisons do not chain: `a < b < c` is a syntax error.  `x in 7B..10B`
 * (a range claim) and `x in [a, b]` test membership. */
cmp:
    sum EQ sum                           { $$ = cx_ast_binary(P, CX_OP_EQ, @2, $1, $3, @$); }
  | sum IN sum %prec IN_SET              { $$ = cx_ast_binary(P, CX_OP_IN, @2, $1, $3, @$); }
  | sum IN sum DOTDOT sum %prec DOTDOT   { $$ = cx_ast_binary(P, CX_OP_IN, @2, $1,
                                                            cx_ast_range(P, $3, $5, NULL, @4,
                                                                         (cx_span){@3.src, @3.start, @5.end}),
                                                            @$); }
  | sum IN sum DOTDOT sum STEP sum       { $$ = cx_ast_binary(P, CX_OP_IN, @2, $1,
                                                            cx_ast_range(P, $3, $5, $7, @4,
                                                                         (cx_span){@3.src, @3.start, @7.end}),
                                                            @$); }
  | sum NE sum                           { $$ = cx_ast_binary(P, CX_OP_NE, @2, $1, $3, @$); }
  | sum '<' sum                          { $$ = cx_ast_binary(P, CX_OP_LT, @2, $1, $3, @$); }
  | sum LE sum                           { $$ = cx_ast_binary(P, CX_OP_LE, @2, $1, $3, @$); }
  | sum '>' sum                          { $$ = cx_ast_binary(P, CX_OP_GT, @2, $1, $3, @$); }
  | sum GE sum                           { $$ = cx_ast_binary(P, CX_OP_GE, @2, $1, $3, @$); }
  | sum
  ;

sum:
    sum '+' term                         { $$ = cx_ast_binary(P, CX_OP_ADD, @2, $1, $3, @$); }
  | sum '-' term                         { $$ = cx_ast_binary(P, CX_OP_SUB, @2, $1, $3, @$); }
  | term
  ;

term:
    term '*' unary                       { $$ = cx_ast_binary(P, CX_OP_MUL, @2, $1, $3, @$); }
  | term '/' unary                       { $$ = cx_ast_binary(P, CX_OP_DIV, @2, $1, $3, @$); }
  | unary
  ;

unary:
    '-' unary                            { $$ = cx_ast_unary(P, '-', @1, $2, @$); }
  | '+' unary                            { $$ = cx_ast_unary(P, '+', @1, $2, @$); }
  | power
  ;

/* `-2^2` is -(2^2); `2^3^2` is 2^(3^2); `2^-1` is 2^(-1). */
power:
    postfix '^' unary                    { $$ = cx_ast_binary(P, CX_OP_POW, @2, $1, $3, @$); }
  | postfix
  ;

postfix:
    primary
  | postfix '[' expr ']'                 { $$ = cx_ast_index(P, $1, $3, @2, @$); }
  | NAME NUMBER %prec JUXT               { $$ = cx_ast_at(P, @1, cx_ast_num(P, @2), @$); }
  | NAME PERIOD %prec JUXT               { $$ = cx_ast_at(P, @1, cx_ast_period(P, @2), @$); }
  | NAME '(' ')'                         { $$ = cx_ast_call(P, @1, NULL, @$); }
  | NAME '(' exprs ')'                   { $$ = cx_ast_call(P, @1, $3, @$); }
  | NAME '(' generator ')'               { $$ = cx_ast_call(P, @1, $3, @$); }
  ;

primary:
    NUMBER                               { $$ = cx_ast_num(P, @1); }
  | PERIOD                               { $$ = cx_ast_period(P, @1); }
  | string
  | NAME                                 { $$ = cx_ast_name(P, @1); }
  | TRUE                                 { $$ = cx_ast_bool(P, true, @1); }
  | FALSE                                { $$ = cx_ast_bool(P, false, @1); }
  | '(' expr ')'                         { $$ = cx_ast_paren(P, $2, @$); }
  | '[' ']'                              { $$ = cx_ast_list_new(P, NULL, @$); }
  | '[' exprs ']'                        { $$ = cx_ast_paren(P, $2, @$); }
  | '[' generator ']'                    { $$ = cx_ast_listcomp(P, $2, @$); }
  ;

/* `x^2 for x in 1..n [if x > 2]`: a call's only argument or a list. */
generator:
    expr FOR NAME IN expr                { $$ = cx_ast_comp(P, $1, @3, $5, NULL, @$); }
  | expr FOR NAME IN expr IF expr        { $$ = cx_ast_comp(P, $1, @3, $5, $7, @$); }
  ;

%%

/* ---- syntax error messages ------------------------------------------------ */

#define SYM(c) ((yysymbol_kind_t)YYTRANSLATE(c))

/* Tokens that only ever start an expression: when one is expected, the
 * message says "expected expression". */
static bool starts_only(yysymbol_kind_t s)
{
    return s == YYSYMBOL_TRUE || s == YYSYMBOL_FALSE;
}

/* Tokens that may start an expression (some may also continue one). */
static bool starts_expr(yysymbol_kind_t s)
{
    return starts_only(s) || s == YYSYMBOL_NOT || s == YYSYMBOL_IF || s == YYSYMBOL_STRING ||
           s == YYSYMBOL_NUMBER || s == YYSYMBOL_PERIOD || s == YYSYMBOL_NAME || s == SYM('(') ||
           s == SYM('[') || s == SYM('-') || s == SYM('+');
}

/* Tokens that continue a complete expression: operators, a call's '(', an
 * index's '[', a juxtaposed period.  Listing them all after `x = a` would
 * bury the one that matters (';'). */
static bool continues_expr(yysymbol_kind_t s)
{
    return s == SYM('+') || s == SYM('-') || s == SYM('*') || s == SYM('/') || s == SYM('^') ||
           s == SYM('<') || s == SYM('>') || s == YYSYMBOL_EQ || s == YYSYMBOL_NE ||
           s == YYSYMBOL_LE || s == YYSYMBOL_GE || s == YYSYMBOL_AND || s == YYSYMBOL_OR ||
           s == YYSYMBOL_DOTDOT || s == YYSYMBOL_STEP || s == SYM('(') || s == SYM('[') ||
           s == YYSYMBOL_NUMBER || s == YYSYMBOL_PERIOD || s == YYSYMBOL_IN;
}

/* The most useful tokens come first when the list is cut to four. */
static int usefulness(yysymbol_kind_t s)
{
    if (s == SYM(';')) return 0;
    if (s == SYM(')') || s == SYM(']')) return 1;
    if (s == SYM(',') || s == SYM('=') || s == YYSYMBOL_THEN || s == YYSYMBOL_ELSE) return 2;
    return 3;
}

/* "name 'capex'", "number '12'", "')'", "end of input". */
static char *describe_token(struct cx_parse_ctx *P, yysymbol_kind_t sym, const CX_YYLTYPE *loc)
{
    if (sym == YYSYMBOL_NAME || sym == YYSYMBOL_NUMBER || sym == YYSYMBOL_PERIOD) {
        /* Names, numbers and periods are ASCII (the scanner saw to it). */
        size_t len = loc->end - loc->start;
        bool cut = len > 40;
        return cx_strdupf("%s '%.*s%s'", yysymbol_name(sym), (int)(cut ? 40 : len),
                          P->text + loc->start, cut ? "..." : "");
    }
    return cx_strdupf("%s", yysymbol_name(sym));
}

/* Whether a line break separates the previous token from the lookahead. */
static bool on_a_new_line(const struct cx_parse_ctx *P, const CX_YYLTYPE *loc)
{
    if (P->prev_tok.end > loc->start) return false;
    return memchr(P->text + P->prev_tok.end, '\n', loc->start - P->prev_tok.end) != NULL;
}

static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, struct cx_parse_ctx *P)
{
    (void)scanner;
    yysymbol_kind_t la = yypcontext_token(ctx);
    const CX_YYLTYPE *loc = yypcontext_location(ctx);
    bool already = P->recovering || la == YYSYMBOL_YYUNDEF || P->stop || P->oom;
    P->recovering = true;
    /* The invalid token comes from the scanner, which already said why. */
    if (already) return 0;

    yysymbol_kind_t exp[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
    if (n < 0) n = 0;
    bool want_expr = false, semicolon = false;
    for (int i = 0; i < n; i++) {
        if (starts_only(exp[i])) want_expr = true;
        if (exp[i] == SYM(';')) semicolon = true;
    }
    /* Keep what is worth saying, most useful first. */
    yysymbol_kind_t keep[YYNTOKENS];
    int k = 0;
    for (int pass = 0; pass < 2 && k == 0; pass++)
        for (int i = 0; i < n; i++) {
            yysymbol_kind_t s = exp[i];
            if (want_expr && starts_expr(s)) continue;
            if (pass == 0 && continues_expr(s)) continue;
            keep[k++] = s;
        }
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && usefulness(keep[j]) < usefulness(keep[j - 1]); j--) {
            yysymbol_kind_t t = keep[j];
            keep[j] = keep[j - 1];
            keep[j - 1] = t;
        }
    int shown = (want_expr ? 1 : 0) + k;
    if (shown > 4) shown = 4;

    char list[256] = "";
    size_t used = 0;
    for (int i = 0; i < shown; i++) {
        const char *item = want_expr && i == 0 ? "expression" : yysymbol_name(keep[i - want_expr]);
        const char *sep = i == 0 ? "" : i == shown - 1 ? " or " : ", ";
        int w = snprintf(list + used, sizeof list - used, "%s%s", sep, item);
        if (w > 0) used += (size_t)w < sizeof list - used ? (size_t)w : sizeof list - used - 1;
    }

    char *found = describe_token(P, la, loc);
    if (!found) {
        P->oom = true;
        return 0;
    }
    cx_error *e;
    if (shown > 0)
        e = cx_parse_error(P, CX_E_SYNTAX_UNEXPECTED, *loc, "expected %s, found %s",
                           list, found);
    else
        e = cx_parse_error(P, CX_E_SYNTAX_UNEXPECTED, *loc, "unexpected %s", found);
    free(found);
    if (!e) return 0;
    if (la == YYSYMBOL_YYEOF) e->at_end_of_input = true;
    else if (semicolon && on_a_new_line(P, loc))
        cx_error_set_hint(e, "missing ';' at the end of the previous line?");
    else if (la == SYM('=') && semicolon)
        cx_error_set_hint(e, "'=' assigns; compare with '=='");
    return 0;
}

/* bison's own messages: only "memory exhausted" reaches here, when the
 * parser's stack is full (very deep nesting under a raised --max-nesting)
 * or an allocation failed. */
static void yyerror(const CX_YYLTYPE *loc, yyscan_t scanner, struct cx_parse_ctx *P, const char *msg)
{
    (void)scanner;
    (void)msg;
    if (P->oom) return;
    cx_parse_nesting_error(P, *loc);
}
