/* parser.y - the cx grammar: tokens to syntax tree.
 *
 * THE RULE OF THIS FILE: the grammar decides structure and nothing else.
 * Every action is one cx_ast_* constructor call (lang/ast.c, literal.c) or a
 * list append; names, periods, values and types are checked later, by the
 * constructors for literals and by the evaluator for everything else.
 *
 * Precedence is spelled out as nonterminals, lowest first: `expr`:
 *   if-then-else and range `a .. b [step c]` (non-associative); `disj`: or;
 *   `conj`: and; `neg`: not and the comparisons (non-associative); `conv`:
 *   `as` and the bounds `to`, `±`; `sum`: + -; `term`: * /; `unary`: unary
 *   - + and ^ (right-associative, binds tighter than a unary minus on its
 *   left; the exponent may be unary); `postfix`: call, index, juxtaposition
 *   (`capex 2025`) and the primaries.  Every operand climbs the chain one
 *   reduction per nonterminal, so levels share one where the rules allow:
 *   the same scripts parse to the same trees with fewer reductions (a long
 *   script makes millions; bench/README.md, row 9).
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
#include "literal.h"
#include "parse_ctx.h"
#include "../runtime/suggest.h"
#include "../runtime/unit.h"

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
%token IN "'in'" FOR "'for'" STEP "'step'" SOURCE "'source'" CHART "'chart'"
%token SCENARIO "'scenario'" ALL_SCENARIOS "'in all scenarios'" TO "'to'" PLUSMINUS "'±'"
%token TORNADO "'tornado'"
%token AND "'and'" OR "'or'" NOT "'not'" TRUE "'true'" FALSE "'false'"
%token EQ "'=='" NE "'!='" LE "'<='" GE "'>='" DOTDOT "'..'"
%token UNIT "unit" DOLLAR "dollar amount" AS "'as'" UNITDECL "'unit'"

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

%type <cx_ast *> stmt plit string expr disj conj neg conv sum term unary
%type <cx_ast *> postfix generator exprs params columns column chart_opts chart_opts1
%type <cx_ast *> overrides override tinputs tinput

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
  | CHECK expr ALL_SCENARIOS ';'         { $$ = cx_ast_check_all(P, cx_ast_check(P, CX_CHECK_COND, $2, NULL, NULL, @1, @$)); }
  | CHECK expr '~' expr ALL_SCENARIOS ';'
                                         { $$ = cx_ast_check_all(P, cx_ast_check(P, CX_CHECK_APPROX, $2, $4, NULL, @3, @$)); }
  | CHECK expr '~' expr WITHIN expr ALL_SCENARIOS ';'
                                         { $$ = cx_ast_check_all(P, cx_ast_check(P, CX_CHECK_WITHIN, $2, $4, $6, @3, @$)); }
  | SCENARIO NAME ':' overrides ';'      { $$ = cx_ast_scenario(P, @2, $4, @$); }
  | TABLE NAME ':' columns ';'           { $$ = cx_ast_scenario_table(P, @2, $4, @$); }
  | TORNADO expr NAME tinputs ';'        { $$ = cx_ast_tornado(P, $2, @3, $4, @$); }
  | FN NAME '(' ')' '=' expr ';'         { $$ = cx_ast_fn(P, @2, NULL, $6, @$); }
  | FN NAME '(' params ')' '=' expr ';'  { $$ = cx_ast_fn(P, @2, $4, $7, @$); }
  | INCLUDE string ';'                   { $$ = cx_ast_include(P, $2, @$); }
  | TABLE NAME IN expr ':' columns ';'   { $$ = cx_ast_table(P, @2, $4, $6, @$); }
  | TABLE NAME IN expr ',' NAME IN expr ':' expr ';'
                                         { $$ = cx_ast_table_grid(P, @2, $4, cx_ast_name(P, @6), $8, $10, @$); }
  | SOURCE NAME '=' string ';'           { $$ = cx_ast_source(P, @2, $4, @$); }
  | CHART NAME exprs chart_opts ';'      { $$ = cx_ast_chart(P, @2, $3, $4, @$); }
  | UNITDECL params ';'                  { $$ = cx_ast_unit_decl(P, $2, @$); }
  | ';'                                  { $$ = NULL; }
  | error ';'                            { yyerrok; $$ = cx_parse_resync(P); }
  ;

/* A tornado's inputs: names, or periods of a series (`capex 2026`). */
tinputs:
    tinput                               { $$ = cx_ast_list_new(P, $1, @$); }
  | tinputs ',' tinput                   { $$ = cx_ast_list_add(P, $1, $3, @$); }
  ;

tinput:
    NAME                                 { $$ = cx_ast_name(P, @1); }
  | NAME NUMBER                          { $$ = cx_ast_at(P, @1, cx_ast_num(P, @2), @$); }
  | NAME PERIOD                          { $$ = cx_ast_at(P, @1, cx_ast_period(P, @2), @$); }
  ;

/* A scenario's facts: `growth = 3%`, `capex 2026 = 140B`. */
overrides:
    override                             { $$ = cx_ast_list_new(P, $1, @$); }
  | overrides ',' override               { $$ = cx_ast_list_add(P, $1, $3, @$); }
  ;

override:
    NAME '=' expr                        { $$ = cx_ast_assign(P, @1, $3, @$); }
  | NAME NUMBER '=' expr                 { $$ = cx_ast_assign_at(P, @1, cx_ast_num(P, @2), NULL, $4, @$); }
  | NAME PERIOD '=' expr                 { $$ = cx_ast_assign_at(P, @1, cx_ast_period(P, @2), NULL, $4, @$); }
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

/* A chart's options after its series: `title "text"` and `as money`.  The
 * words are names, not keywords (a script may still call a series `title`
 * or `line`); cx_ast_chart checks them.  No expression continues with a
 * name or a string, so the series list ends where the first option begins. */
chart_opts:
    %empty                               { $$ = NULL; }
  | chart_opts1
  ;

/* `as money` right after the series reads as a conversion `x as money`:
 * cx_ast_chart takes it back as the format.  After another option it is
 * an option here. */
chart_opts1:
    NAME string                          { $$ = cx_ast_chart_opt(P, NULL, @1, $2, @$); }
  | NAME NAME                            { $$ = cx_ast_chart_opt(P, NULL, @1, cx_ast_name(P, @2), @$); }
  | chart_opts1 NAME string              { $$ = cx_ast_chart_opt(P, $1, @2, $3, @$); }
  | chart_opts1 NAME NAME                { $$ = cx_ast_chart_opt(P, $1, @2, cx_ast_name(P, @3), @$); }
  | chart_opts1 AS UNIT                  { $$ = cx_ast_chart_opt(P, $1, @2, cx_ast_name(P, @3), @$); }
  ;

/* ---- expressions, lowest precedence first --------------------------------- */
expr:
    IF expr THEN expr ELSE expr          { $$ = cx_ast_if(P, $2, $4, $6, @$); }
    /* a range */
  | disj DOTDOT disj                     { $$ = cx_ast_range(P, $1, $3, NULL, @2, @$); }
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

/* Comparisons do not chain: `a < b < c` is a syntax error.  `x in 7B..10B`
 * (a range claim) and `x in [a, b]` test membership. */
neg:
    NOT neg                              { $$ = cx_ast_unary(P, CX_OP_NOT, @1, $2, @$); }
  | conv EQ conv                           { $$ = cx_ast_binary(P, CX_OP_EQ, @2, $1, $3, @$); }
  | conv IN conv %prec IN_SET              { $$ = cx_ast_binary(P, CX_OP_IN, @2, $1, $3, @$); }
  | conv IN conv DOTDOT conv %prec DOTDOT   { $$ = cx_ast_binary(P, CX_OP_IN, @2, $1,
                                                            cx_ast_range(P, $3, $5, NULL, @4,
                                                                         (cx_span){@3.src, @3.start, @5.end}),
                                                            @$); }
  | conv IN conv DOTDOT conv STEP conv       { $$ = cx_ast_binary(P, CX_OP_IN, @2, $1,
                                                            cx_ast_range(P, $3, $5, $7, @4,
                                                                         (cx_span){@3.src, @3.start, @7.end}),
                                                            @$); }
  | conv NE conv                           { $$ = cx_ast_binary(P, CX_OP_NE, @2, $1, $3, @$); }
  | conv '<' conv                          { $$ = cx_ast_binary(P, CX_OP_LT, @2, $1, $3, @$); }
  | conv LE conv                           { $$ = cx_ast_binary(P, CX_OP_LE, @2, $1, $3, @$); }
  | conv '>' conv                          { $$ = cx_ast_binary(P, CX_OP_GT, @2, $1, $3, @$); }
  | conv GE conv                           { $$ = cx_ast_binary(P, CX_OP_GE, @2, $1, $3, @$); }
  | conv
  ;

/* `x as USD/yr`: a conversion, below the comparisons and above + -.  A
 * bounded value: `8% to 12%`, `150B ± 10B` (or +/-), below the comparisons
 * and conversions: compare a bound in brackets. */
conv:
    conv AS UNIT                         { $$ = cx_ast_as(P, $1, @2, @3, @$); }
  | sum TO sum                           { $$ = cx_ast_bound(P, CX_OP_TO, @2, $1, $3, @$); }
  | sum PLUSMINUS sum                    { $$ = cx_ast_bound(P, CX_OP_PM, @2, $1, $3, @$); }
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
    /* `-2^2` is -(2^2); `2^3^2` is 2^(3^2); `2^-1` is 2^(-1). */
  | postfix '^' unary                    { $$ = cx_ast_binary(P, CX_OP_POW, @2, $1, $3, @$); }
  | postfix
  ;

/* Index, call, juxtaposition, then the primaries. */
postfix:
    postfix '[' expr ']'                 { $$ = cx_ast_index(P, $1, $3, @2, @$); }
  | NAME NUMBER %prec JUXT               { $$ = cx_ast_at(P, @1, cx_ast_num(P, @2), @$); }
  | NAME PERIOD %prec JUXT               { $$ = cx_ast_at(P, @1, cx_ast_period(P, @2), @$); }
  | NAME '(' ')'                         { $$ = cx_ast_call(P, @1, NULL, @$); }
  | NAME '(' exprs ')'                   { $$ = cx_ast_call(P, @1, $3, @$); }
  | NAME '(' generator ')'               { $$ = cx_ast_call(P, @1, $3, @$); }
  | NUMBER                               { $$ = cx_ast_num(P, @1); }
  | NUMBER UNIT                          { $$ = cx_ast_unit_num(P, cx_ast_num(P, @1), @2, @$); }
  | DOLLAR                               { $$ = cx_ast_dollar(P, @1); }
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
           s == YYSYMBOL_NUMBER || s == YYSYMBOL_DOLLAR || s == YYSYMBOL_PERIOD || s == YYSYMBOL_NAME || s == SYM('(') ||
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
           s == YYSYMBOL_NUMBER || s == YYSYMBOL_PERIOD || s == YYSYMBOL_IN || s == YYSYMBOL_AS ||
           s == YYSYMBOL_TO || s == YYSYMBOL_PLUSMINUS;
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
    if (sym == YYSYMBOL_NAME || sym == YYSYMBOL_NUMBER || sym == YYSYMBOL_PERIOD ||
        sym == YYSYMBOL_UNIT || sym == YYSYMBOL_DOLLAR) {
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

/* ---- hints from the context of an error -------------------------------------
 * Forms that other languages, spreadsheets and articles use fail somewhere in
 * the grammar.  The report recognises them from the unexpected token, the
 * token before it (P->prev_tok) and the symbols the parser has stacked since
 * the statement began (the accessing symbol of each state), and says the cx
 * way in the hint.  No grammar rule is involved, so the rules stay thin. */

/* The symbols on the parser's stack since the statement began, bottom first:
 * their number, of which at most `max` are stored; -1 outside a statement. */
static int stmt_symbols(const yypcontext_t *ctx, yysymbol_kind_t *out, int max)
{
    const yy_state_t *top = ctx->yyssp, *p = top;
    /* State 0, the start state, is at the bottom and nowhere else. */
    while (*p != 0 && YY_ACCESSING_SYMBOL(*p) != YYSYMBOL_script) p--;
    if (*p == 0) return -1;
    int n = (int)(top - p);
    for (int i = 0; i < n && i < max; i++) out[i] = YY_ACCESSING_SYMBOL(p[1 + i]);
    return n;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* A token's text and length; false for an empty or misplaced span. */
static bool token_text(const struct cx_parse_ctx *P, cx_span t, const char **text, size_t *len)
{
    if (t.end <= t.start || t.end > P->len) return false;
    *text = P->text + t.start;
    *len = t.end - t.start;
    return true;
}

/* Whether the previous token is a name (true) and its text. */
static bool prev_name(const struct cx_parse_ctx *P, const CX_YYLTYPE *loc, const char **t,
                      size_t *n)
{
    if (P->prev_tok.end > loc->start || !token_text(P, P->prev_tok, t, n) || *n > 64) return false;
    if ((*t)[0] >= '0' && (*t)[0] <= '9') return false;
    for (size_t i = 0; i < *n; i++)
        if (!name_char((*t)[i])) return false;
    return true;
}

/* Whether the previous token is a number (or a period) and its text. */
static bool prev_number(const struct cx_parse_ctx *P, const CX_YYLTYPE *loc, const char **t,
                        size_t *n)
{
    if (P->prev_tok.end > loc->start || !token_text(P, P->prev_tok, t, n) || *n > 40) return false;
    if ((*t)[0] < '0' || (*t)[0] > '9') return false;
    for (size_t i = 0; i < *n; i++)
        if (!name_char((*t)[i]) && (*t)[i] != '.' && (*t)[i] != '%' && (*t)[i] != '-')
            return false;
    return true;
}

/* Whether t[0..n) is `word` ignoring case. */
static bool same_word(const char *t, size_t n, const char *word)
{
    if (strlen(word) != n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = t[i] >= 'A' && t[i] <= 'Z' ? (char)(t[i] - 'A' + 'a') : t[i];
        if (c != word[i]) return false;
    }
    return true;
}

static bool any_word(const char *t, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (same_word(t, n, *words)) return true;
    return false;
}

/* Text of the script that may be quoted in a hint: printable ASCII on one
 * line, at most `max` bytes, after trimming spaces. */
static bool plain_text(const char **t, size_t *n, size_t max)
{
    while (*n && (**t == ' ' || **t == '\t')) (*t)++, (*n)--;
    while (*n && ((*t)[*n - 1] == ' ' || (*t)[*n - 1] == '\t')) (*n)--;
    if (*n == 0 || *n > max) return false;
    for (size_t i = 0; i < *n; i++)
        if ((*t)[i] < 0x20 || (*t)[i] > 0x7E) return false;
    return true;
}

/* Whether the text before `at` ends with a name that is not a keyword:
 * `capex 2025 revenue` reads a period of capex, so the word after the
 * number is no unit. */
static bool after_a_name(const struct cx_parse_ctx *P, uint32_t at)
{
    static const char *const keywords[] = {"check", "within", "print", "if", "then", "else",
                                           "in", "step", "and", "or", "not", "table", "chart", NULL};
    uint32_t end = at;
    while (end > 0 && (P->text[end - 1] == ' ' || P->text[end - 1] == '\t')) end--;
    uint32_t start = end;
    while (start > 0 && name_char(P->text[start - 1])) start--;
    if (start == end || (P->text[start] >= '0' && P->text[start] <= '9')) return false;
    for (const char *const *k = keywords; *k; k++)
        if (strlen(*k) == end - start && memcmp(*k, P->text + start, end - start) == 0)
            return false;
    return true;
}

/* `125 USD`, `1.5 billion`, `2024 Q1`: a word after a number. */
static bool number_then_word(const char *num, size_t nlen, const char *word, size_t wlen, char *buf,
                             size_t cap)
{
    if (nlen == 4 && strspn(num, "0123456789") >= 4 && wlen == 2 &&
        ((same_word(word, 1, "q") && word[1] >= '1' && word[1] <= '4') ||
         (same_word(word, 1, "h") && word[1] >= '1' && word[1] <= '2'))) {
        bool q = same_word(word, 1, "q");
        snprintf(buf, cap, "a %s is written without a space: %.4s%c%c", q ? "quarter" : "half",
                 num, q ? 'Q' : 'H', word[1]);
        return true;
    }
    cx_number_fix n;
    cx_number_word w;
    if (!cx_literal_number_fix(num, nlen, &n)) return false;
    bool plain = n.word_at == nlen; /* no suffix yet */
    char code[4] = {0};
    for (size_t i = 0; i < 3 && wlen == 3; i++)
        code[i] = word[i] >= 'a' && word[i] <= 'z' ? (char)(word[i] - 'a' + 'A') : word[i];
    if (wlen == 3 && cx_uom_is_iso_currency(code, 3)) {
        snprintf(buf, cap, "currencies are ISO codes in capitals: write %s %s", n.text, code);
        return true;
    }
    if (cx_literal_number_word(word, wlen, &w)) {
        if (!w.suffix[0]) snprintf(buf, cap, "%s: write %s", w.meaning, n.text);
        else if (!plain) return false;
        else if (strlen(w.suffix) == wlen && memcmp(w.suffix, word, wlen) == 0)
            snprintf(buf, cap, "a suffix goes right after the number: write %s%s", n.text,
                     w.suffix);
        else snprintf(buf, cap, "write %s%s: %s", n.text, w.suffix, w.meaning);
        return true;
    }
    if (wlen > 24) return false;
    snprintf(buf, cap, "cx has no units: write %s alone, or %s * %.*s to multiply", n.text, n.text,
             (int)wlen, word);
    return true;
}

/* `chekc x > 1;`, `def f(x) = ...`, `let x = 5;`: a word at the start of a
 * statement, then something a name cannot be followed by. */
static bool statement_word(const struct cx_parse_ctx *P, const CX_YYLTYPE *loc, const char *w,
                           size_t wlen, const char *next, size_t nlen, char *buf, size_t cap)
{
    static const char *const fn_words[] = {"def",    "function", "func", "fun",
                                           "sub",    "lambda",   "proc", NULL};
    static const char *const let_words[] = {"let", "var", "const", "set",
                                            "dim", "local", "val", NULL};
    bool next_name = nlen > 0 && nlen <= 64 && !(next[0] >= '0' && next[0] <= '9');
    for (size_t i = 0; i < nlen && next_name; i++) next_name = name_char(next[i]);
    if (any_word(w, wlen, fn_words)) {
        /* def f(x, y): the parameters as written, when they are plain. */
        const char *params = "(x)";
        size_t plen = 3, at = loc->end;
        if (next_name && at < P->len && P->text[at] == '(') {
            size_t k = at;
            while (k < P->len && P->text[k] != ')' && P->text[k] != '\n') k++;
            const char *t = P->text + at;
            size_t n = k - at + 1;
            if (k < P->len && P->text[k] == ')' && plain_text(&t, &n, 40)) params = t, plen = n;
        }
        if (next_name)
            snprintf(buf, cap, "a function is defined with fn: write fn %.*s%.*s = ...", (int)nlen,
                     next, (int)plen, params);
        else snprintf(buf, cap, "a function is defined with fn: write fn f(x) = ...");
        return true;
    }
    if (any_word(w, wlen, let_words)) {
        if (next_name)
            snprintf(buf, cap, "cx needs no '%.*s': write %.*s = ...", (int)wlen, w, (int)nlen,
                     next);
        else snprintf(buf, cap, "cx needs no '%.*s': write name = ...", (int)wlen, w);
        return true;
    }
    /* The statement keywords, by case or by a typo. */
    static const char *const keywords[] = {"check",  "print", "include", "table",
                                           "source", "fn",    "chart",   NULL};
    char word[65];
    memcpy(word, w, wlen);
    word[wlen] = '\0';
    cx_suggest s;
    cx_suggest_init(&s, word);
    for (const char *const *k = keywords; *k; k++) cx_suggest_offer(&s, *k);
    if (!s.best) return false;
    if (s.best_dist == 0) snprintf(buf, cap, "keywords are lower case: write '%s'", s.best);
    else snprintf(buf, cap, "did you mean '%s'?", s.best);
    return true;
}

/* `f(x) = x^2;`: a call, then '=', as a whole statement.  The hint shows
 * the definition with fn, quoting the script when it is plain. */
static bool call_then_equals(const struct cx_parse_ctx *P, const CX_YYLTYPE *loc, char *buf,
                             size_t cap)
{
    const char *t = P->text;
    uint32_t close = P->prev_tok.start;
    if (P->prev_tok.end != close + 1 || t[close] != ')') return false;
    /* Back to the matching '(' on the same line, then the name before it. */
    int depth = 0;
    uint32_t i = close + 1;
    while (i > 0) {
        char c = t[--i];
        if (c == '\n' || c == ';' || c == '"' || c == '#') return false;
        if (c == ')') depth++;
        if (c == '(' && --depth == 0) break;
    }
    if (depth != 0) return false;
    uint32_t name_end = i;
    while (name_end > 0 && t[name_end - 1] == ' ') name_end--;
    uint32_t name_start = name_end;
    while (name_start > 0 && name_char(t[name_start - 1])) name_start--;
    if (name_start == name_end || (t[name_start] >= '0' && t[name_start] <= '9')) return false;
    const char *head = t + name_start;
    size_t hlen = close + 1 - name_start;
    /* The body: what follows '=' up to ';' or the end of the line. */
    const char *body = t + loc->end;
    size_t blen = 0;
    while (loc->end + blen < P->len && body[blen] != ';' && body[blen] != '\n') blen++;
    if (!plain_text(&head, &hlen, 60)) return false;
    if (plain_text(&body, &blen, 60))
        snprintf(buf, cap, "a function is defined with fn: write fn %.*s = %.*s", (int)hlen, head,
                 (int)blen, body);
    else snprintf(buf, cap, "a function is defined with fn: write fn %.*s = ...", (int)hlen, head);
    return true;
}

/* `43:1`: a ratio as articles write it. */
static bool ratio(const struct cx_parse_ctx *P, const CX_YYLTYPE *loc, const char *left,
                  size_t llen, char *buf, size_t cap)
{
    cx_number_fix f;
    if (!cx_literal_number_fix(left, llen, &f)) return false; /* not a period */
    size_t at = loc->end;
    while (at < P->len && P->text[at] == ' ') at++;
    size_t rlen = at < P->len ? cx_literal_number_extent(P->text + at, P->len - at) : 0;
    const char *right = P->text + at;
    if (rlen == 0 || rlen > 40) return false;
    if (rlen == 1 && right[0] == '1')
        snprintf(buf, cap, "a ratio is a division: write %.*s/1, or just %.*s", (int)llen, left,
                 (int)llen, left);
    else
        snprintf(buf, cap, "a ratio is a division: write %.*s/%.*s", (int)llen, left, (int)rlen,
                 right);
    return true;
}

/* `capex start..start + 11 = 30B;`: a period from an expression after a
 * name, without brackets.  The key goes in brackets (the bare form only
 * takes literal periods, so `capex 2025` stays unambiguous). */
static bool bare_period_key(const struct cx_parse_ctx *P, const CX_YYLTYPE *loc, const char *name,
                            size_t nlen, char *buf, size_t cap)
{
    const char *t = P->text;
    size_t i = loc->start;
    while (i < P->len && t[i] != ';' && t[i] != '\n') {
        bool other = i + 1 < P->len && t[i + 1] == '=';
        bool before = i > loc->start && strchr("=<>!", t[i - 1]);
        if (t[i] == '=' && !other && !before) break;
        i++;
    }
    if (i >= P->len || t[i] != '=') return false;
    const char *key = t + loc->start;
    size_t klen = i - loc->start;
    if (!plain_text(&key, &klen, 40)) return false;
    snprintf(buf, cap, "a period from an expression goes in brackets: write %.*s[%.*s] = ...",
             (int)nlen, name, (int)klen, key);
    return true;
}

/* The hint for what the context shows, written into buf; NULL for none.
 * `n` counts the symbols of the statement so far; syms holds the first. */
static const char *context_hint(const yypcontext_t *ctx, struct cx_parse_ctx *P,
                                yysymbol_kind_t la, const CX_YYLTYPE *loc, char *buf, size_t cap)
{
    yysymbol_kind_t syms[2];
    int n = stmt_symbols(ctx, syms, 2);
    const char *prev = NULL, *cur = "";
    size_t plen = 0, clen = 0;
    bool has_cur = token_text(P, *loc, &cur, &clen);

    /* A chart statement's words are names, so the expected tokens say
     * little ("string or name"): show the whole form instead. */
    if (n == 1 && syms[0] == YYSYMBOL_CHART && la == SYM('='))
        return "'chart' begins a chart statement; give the value another name";
    if (n >= 1 && syms[0] == YYSYMBOL_CHART)
        return "a chart reads: chart line a, b title \"text\" as money; (or chart bar; the "
               "title and the format are optional)";

    if (la == YYSYMBOL_NAME && has_cur && prev_number(P, loc, &prev, &plen) &&
        !after_a_name(P, P->prev_tok.start) && number_then_word(prev, plen, cur, clen, buf, cap))
        return buf;
    if (n == 1 && syms[0] == YYSYMBOL_NAME && starts_expr(la) && prev_name(P, loc, &prev, &plen) &&
        statement_word(P, loc, prev, plen, cur, clen, buf, cap))
        return buf;
    if (n == 1 && syms[0] == YYSYMBOL_NAME && (la == YYSYMBOL_NAME || la == SYM('(')) &&
        prev_name(P, loc, &prev, &plen) && bare_period_key(P, loc, prev, plen, buf, cap))
        return buf;
    if (n >= 2 && syms[0] == YYSYMBOL_PRINT && syms[1] == SYM('(') && la == SYM(','))
        return "print takes its items without parentheses: print a, b;";
    if (n == 1 && la == SYM('=') && call_then_equals(P, loc, buf, cap)) return buf;
    if (la == SYM(':') && prev_number(P, loc, &prev, &plen) && ratio(P, loc, prev, plen, buf, cap))
        return buf;
    return NULL;
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
            if (s == YYSYMBOL_UNIT) continue; /* only ever after a number, by the scanner */
            if (want_expr && starts_expr(s)) continue;
            if (pass == 0 && continues_expr(s)) continue;
            if (s == YYSYMBOL_ALL_SCENARIOS) continue; /* a rare ending, not worth a mention */
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
    char buf[256];
    const char *hint;
    if (la == YYSYMBOL_YYEOF) e->at_end_of_input = true;
    else if (semicolon && on_a_new_line(P, loc))
        cx_error_set_hint(e, "missing ';' at the end of the previous line?");
    else if ((hint = context_hint(ctx, P, la, loc, buf, sizeof buf)))
        cx_error_set_hint(e, "%s", hint);
    else if (la == SYM('=') && semicolon)
        cx_error_set_hint(e, "'=' assigns; compare with '=='");
    return 0;
}

/* bison's own messages: only "memory exhausted" reaches here, when growing
 * the parser's stack failed.  (Its cap, YYMAXDEPTH, is out of reach: the
 * nesting limit, at most 100,000, stops the parser long before.)  cx_parse
 * reports the out-of-memory error. */
static void yyerror(const CX_YYLTYPE *loc, yyscan_t scanner, struct cx_parse_ctx *P, const char *msg)
{
    (void)loc;
    (void)scanner;
    (void)msg;
    P->oom = true;
}
