/* test_parser.c - the grammar through the AST dump: precedence and
 * associativity, every statement form, syntax error messages and spans,
 * recovery, the error cap and the nesting limit. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../lang/parse.h"
#include "../../runtime/limits.h"

/* -Wwrite-strings makes literals const; Criterion's str tag wants char *. */
#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

typedef struct parsed {
    cx_sources sources;
    cx_diag diag;
    cx_unit unit;
    cx_num_ctx nctx;
    cx_parse_opts opts;
    cx_status status;
    uint32_t id;
} parsed;

static void parse_opts(parsed *p, const char *text, size_t len, int max_nesting, int max_errors)
{
    memset(p, 0, sizeof *p);
    cx_sources_init(&p->sources);
    cx_diag_init(&p->diag);
    p->nctx.max_bits = 3322001;
    p->nctx.prec = 256;
    p->opts = (cx_parse_opts){.max_source_bytes = CX_DEFAULT_MAX_SOURCE_BYTES,
                              .max_nesting = max_nesting,
                              .max_errors = max_errors,
                              .num_ctx = &p->nctx};
    p->id = cx_sources_add(&p->sources, "t.cx", text, len);
    cr_assert(ne(u32, p->id, 0));
    p->status = cx_parse(&p->unit, &p->sources, p->id, &p->opts, &p->diag);
}

static void parse(parsed *p, const char *text)
{
    parse_opts(p, text, strlen(text), CX_DEFAULT_MAX_NESTING, CX_MAX_SYNTAX_ERRORS);
}

static void done(parsed *p)
{
    cx_unit_free(&p->unit);
    cx_diag_clear(&p->diag);
    cx_sources_free(&p->sources);
}

/* "line:col-line:col code: message" of error i. */
static char *error_at(parsed *p, size_t i)
{
    cr_assert(lt(sz, i, p->diag.len), "expected at least %zu errors", i + 1);
    const cx_error *e = &p->diag.items[i];
    const cx_source *src = cx_sources_get(&p->sources, p->id);
    size_t l1, c1, l2, c2;
    cx_source_line_col(src, e->span.start, &l1, &c1);
    cx_source_line_col(src, e->span.end, &l2, &c2);
    return cx_strdupf("%zu:%zu-%zu:%zu %s: %s", l1, c1, l2, c2, cx_err_code_text(e->code),
                      e->message);
}

/* Parses `text`, which must succeed, and compares the dump. */
static void expect_dump(const char *text, const char *want)
{
    parsed p;
    parse(&p, text);
    if (p.status != CX_OK) {
        char *e = error_at(&p, 0);
        cr_log_error("%s", e);
        free(e);
    }
    cr_assert(eq(int, p.status, CX_OK), "parsing %s", text);
    char *got = cx_ast_dump(&p.unit);
    cr_assert(STR_EQ(got, (char *)want), "parsing %s", text);
    free(got);
    done(&p);
}

/* Parses `text`, which must fail, and compares the first error. */
static void expect_error(const char *text, const char *want)
{
    parsed p;
    parse(&p, text);
    cr_assert(eq(int, p.status, CX_FAIL), "parsing %s", text);
    char *got = error_at(&p, 0);
    cr_assert(STR_EQ(got, (char *)want), "parsing %s", text);
    free(got);
    done(&p);
}

/* ---- precedence and associativity ----------------------------------------- */

Test(parser, multiplication_binds_tighter_than_addition)
{
    expect_dump("1 + 2 * 3;", "(+ 1 (* 2 3))");
    expect_dump("1 * 2 + 3;", "(+ (* 1 2) 3)");
}

Test(parser, additive_and_multiplicative_operators_are_left_associative)
{
    expect_dump("a - b - c;", "(- (- a b) c)");
    expect_dump("8 / 4 / 2;", "(/ (/ 8 4) 2)");
    expect_dump("a - b + c;", "(+ (- a b) c)");
}

/* lang/fold.c: + and - of plain literals on the int64 fast path become one
 * constant; anything with a suffix, a name, another operator or a value that
 * leaves the fast path keeps its tree. */
Test(parser, sums_of_plain_literals_fold_into_one_constant)
{
    expect_dump("1 - 2 - 3;", "(fold -4)");
    expect_dump("1 - 2 + 3;", "(fold 2)");
    expect_dump("-1 + 0.5;", "(fold -1/2)");
    expect_dump("1 - -2;", "(fold 3)");
    expect_dump("(1 + 2) * 3;", "(* (fold 3) 3)");
    expect_dump("1 + 2 * 3;", "(+ 1 (* 2 3))");
    expect_dump("1 + 2 + a + 3;", "(+ (+ (fold 3) a) 3)");
    expect_dump("1B + 2;", "(+ 1B 2)");
    expect_dump("1 + 5%;", "(+ 1 5%)");
    expect_dump("9223372036854775807 + 1;", "(+ 9223372036854775807 1)");
    expect_dump("x = 2020 + 5;", "(= x (fold 2025))");
}

Test(parser, power_is_right_associative) { expect_dump("2^3^2;", "(^ 2 (^ 3 2))"); }

Test(parser, power_binds_tighter_than_a_unary_minus_on_its_left)
{
    expect_dump("-2^2;", "(neg (^ 2 2))");
}

Test(parser, exponent_may_be_unary)
{
    expect_dump("2^-1;", "(^ 2 (neg 1))");
    expect_dump("2^-3^2;", "(^ 2 (neg (^ 3 2)))");
}

Test(parser, unary_minus_binds_tighter_than_multiplication)
{
    expect_dump("-a * b;", "(* (neg a) b)");
    expect_dump("+a;", "(pos a)");
    expect_dump("a - -b;", "(- a (neg b))");
}

Test(parser, comparisons_bind_looser_than_arithmetic)
{
    expect_dump("a + 1 < b * 2;", "(< (+ a 1) (* b 2))");
    expect_dump("a == b;", "(== a b)");
    expect_dump("a != b;", "(!= a b)");
    expect_dump("a <= b;", "(<= a b)");
    expect_dump("a > b;", "(> a b)");
    expect_dump("a >= b;", "(>= a b)");
}

Test(parser, comparisons_do_not_chain)
{
    expect_error("a < b < c;", "1:7-1:8 syntax-unexpected: expected ';', found '<'");
}

Test(parser, not_binds_looser_than_comparison_and_tighter_than_and)
{
    expect_dump("not a == b;", "(not (== a b))");
    expect_dump("not a and b or c;", "(or (and (not a) b) c)");
    expect_dump("not not a;", "(not (not a))");
    expect_dump("a or b and c;", "(or a (and b c))");
}

Test(parser, if_is_the_lowest_precedence)
{
    expect_dump("if a > 1 then b + 1 else c * 2;", "(if (> a 1) (+ b 1) (* c 2))");
    expect_dump("if a then b else if c then d else e;", "(if a b (if c d e))");
    expect_dump("if a then 1 else 2 .. 3;", "(if a 1 (range 2 3))");
}

Test(parser, ranges_take_an_optional_step)
{
    expect_dump("1..n;", "(range 1 n)");
    expect_dump("150k..250k step 25k;", "(range 150k 250k 25k)");
    expect_dump("a + 1 .. b * 2;", "(range (+ a 1) (* b 2))");
    expect_dump("2021..2025;", "(range 2021 2025)");
    expect_dump("2025Q1..2025Q4;", "(range 2025Q1 2025Q4)");
}

Test(parser, ranges_do_not_chain)
{
    expect_error("1..2..3;", "1:5-1:7 syntax-unexpected: expected ';', found '..'");
}

Test(parser, generator_is_a_calls_only_argument)
{
    expect_dump("sum(x^2 for x in 1..n);", "(call sum (gen (^ x 2) x (range 1 n)))");
    expect_dump("count(x for x in xs if x > 2);", "(call count (gen x x xs (> x 2)))");
}

Test(parser, list_comprehension_in_brackets)
{
    expect_dump("[f(r) for r in 150k..250k step 25k];",
                "(listcomp (call f r) r (range 150k 250k 25k))");
    expect_dump("[x for x in xs if not x];", "(listcomp x x xs (not x))");
}

Test(parser, juxtaposition_reads_a_period_of_a_series)
{
    expect_dump("capex 2025;", "(at capex 2025)");
    expect_dump("fcf 2025Q3 * 4;", "(* (at fcf 2025Q3) 4)");
    expect_dump("-fcf 2025Q3 * 4;", "(* (neg (at fcf 2025Q3)) 4)");
    expect_dump("check savings > -fcf 2025Q3 * 4;",
                "(check (> savings (* (neg (at fcf 2025Q3)) 4)))");
    expect_dump("x 2025-06 + y 2025-06-30;", "(+ (at x 2025-06) (at y 2025-06-30))");
}

Test(parser, postfix_calls_and_indexes)
{
    expect_dump("f();", "(call f)");
    expect_dump("f(a, b + 1);", "(call f a (+ b 1))");
    expect_dump("capex[2024];", "(index capex 2024)");
    expect_dump("capex[t - 1];", "(index capex (- t 1))");
    expect_dump("capex[2021..2023];", "(index capex (range 2021 2023))");
    expect_dump("a[1][2];", "(index (index a 1) 2)");
    expect_dump("f(x)^2;", "(^ (call f x) 2)");
}

Test(parser, primaries)
{
    expect_dump("[];", "(list)");
    expect_dump("[1, 2, 3];", "(list 1 2 3)");
    expect_dump("true; false;", "true\nfalse");
    expect_dump("\"a\\\"b\\n\";", "\"a\\\"b\\n\"");
    expect_dump("(a + b) * c;", "(* (+ a b) c)");
    expect_dump("2025Q3; 2025H1; 2025-06; 2025-06-30; 2025;",
                "2025Q3\n2025H1\n2025-06\n2025-06-30\n2025");
    expect_dump("125B; 13%; 25bp; 1_000;", "125B\n13%\n25bp\n1_000");
}

/* ---- statements ----------------------------------------------------------- */

Test(parser, assignment_forms)
{
    expect_dump("x = 1;", "(= x 1)");
    expect_dump("capex 2025 = 125e9;", "(=at capex 2025 125e9)");
    expect_dump("fcf 2025Q3 = -4.8B;", "(=at fcf 2025Q3 (neg 4.8B))");
    expect_dump("capex 2021..2024 = [61B, 63B, 48B, 83B];",
                "(=at capex 2021 2024 (list 61B 63B 48B 83B))");
    expect_dump("revenue 2026..2030 = revenue[t - 1] * (1 + 11%);",
                "(=at revenue 2026 2030 (* (index revenue (- t 1)) (+ 1 11%)))");
    expect_dump("q 2025Q1..2025Q4 = 1;", "(=at q 2025Q1 2025Q4 1)");
}

Test(parser, range_assignment_fields)
{
    parsed p;
    parse(&p, "capex 2021..2024 = [1];");
    cr_assert(eq(int, p.status, CX_OK));
    const cx_ast *s = p.unit.stmts.items[0];
    cr_assert(eq(int, s->kind, CX_AST_ASSIGN_AT));
    cr_assert(STR_EQ((char *)s->name, "capex"));
    cr_assert(eq(int, s->a->kind, CX_AST_NUM));
    cr_assert(eq(int, s->c->kind, CX_AST_NUM));
    cr_assert(eq(int, s->b->kind, CX_AST_LIST));
    cr_assert(eq(u32, s->name_span.start, 0));
    cr_assert(eq(u32, s->name_span.end, 5));
    done(&p);
}

Test(parser, a_statement_range_after_a_juxtaposition_is_an_assignment)
{
    /* `capex 2021 .. x` at the start of a statement begins a range
     * assignment; parentheses give the other reading. */
    expect_error("capex 2021 .. x;",
                 "1:15-1:16 syntax-unexpected: expected number or period, found name 'x'");
    expect_dump("(capex 2021) .. x;", "(range (at capex 2021) x)");
    expect_dump("y = capex 2021 .. x;", "(= y (range (at capex 2021) x))");
}

Test(parser, expression_statement_is_its_expression)
{
    parsed p;
    parse(&p, "savings;");
    cr_assert(eq(int, p.status, CX_OK));
    cr_assert(eq(int, p.unit.stmts.items[0]->kind, CX_AST_EXPR_STMT));
    char *d = cx_ast_dump(&p.unit);
    cr_assert(STR_EQ(d, "savings"));
    free(d);
    done(&p);
}

Test(parser, print_check_fn_include_table_source)
{
    expect_dump("print \"FCF margin:\", pct(m);", "(print \"FCF margin:\" (call pct m))");
    expect_dump("check savings == 6B;", "(check (== savings 6B))");
    expect_dump("check a ~ 61%;", "(check~ a 61%)");
    expect_dump("check growth(capex, 2025) ~ 61% within 1%;",
                "(check~ (call growth capex 2025) 61% within 1%)");
    expect_dump("fn margin(x, rev) = x / rev;", "(fn margin (x rev) (/ x rev))");
    expect_dump("fn one() = 1;", "(fn one () 1)");
    expect_dump("include \"other.cx\";", "(include \"other.cx\")");
    expect_dump("table per_head in 150k..250k step 25k: layoffs * per_head;",
                "(table per_head (range 150k 250k 25k) (* layoffs per_head))");
    expect_dump("table r in 1..3: a, b;", "(table r (range 1 3) a b)");
    expect_dump("source q3 = \"Amazon Q3 2025 10-Q\";", "(source q3 \"Amazon Q3 2025 10-Q\")");
}

Test(parser, check_kinds_and_operator_span)
{
    parsed p;
    parse(&p, "check a; check a ~ b; check a ~ b within c;");
    cr_assert(eq(int, p.status, CX_OK));
    cr_assert(eq(sz, p.unit.stmts.len, 3));
    cr_assert(eq(int, p.unit.stmts.items[0]->check_kind, CX_CHECK_COND));
    cr_assert(eq(int, p.unit.stmts.items[1]->check_kind, CX_CHECK_APPROX));
    const cx_ast *w = p.unit.stmts.items[2];
    cr_assert(eq(int, w->check_kind, CX_CHECK_WITHIN));
    cr_assert(eq(u32, w->op_span.start, 30)); /* the '~' */
    cr_assert(eq(u32, w->op_span.end, 31));
    cr_assert(STR_EQ((char *)w->c->name, "c"));
    done(&p);
}

Test(parser, empty_statements_produce_nothing)
{
    parsed p;
    parse(&p, ";; x = 1; ;");
    cr_assert(eq(int, p.status, CX_OK));
    cr_assert(eq(sz, p.unit.stmts.len, 1));
    done(&p);
    expect_dump("", "");
    expect_dump("# only a comment\n", "");
}

Test(parser, spans_cover_the_construct)
{
    parsed p;
    parse(&p, "x = (a + b) * c;");
    cr_assert(eq(int, p.status, CX_OK));
    const cx_ast *s = p.unit.stmts.items[0];
    cr_assert(eq(u32, s->span.start, 0));
    cr_assert(eq(u32, s->span.end, 16));
    const cx_ast *mul = s->a;
    cr_assert(eq(u32, mul->span.start, 4));
    cr_assert(eq(u32, mul->span.end, 15));
    cr_assert(eq(u32, mul->op_span.start, 12));
    cr_assert(eq(u32, mul->a->span.start, 4)); /* parentheses included */
    cr_assert(eq(u32, mul->a->span.end, 11));
    cr_assert(eq(u32, mul->a->op_span.start, 7));
    done(&p);
}

Test(parser, call_name_span_and_generator_fields)
{
    parsed p;
    parse(&p, "sum(x for x in xs if x);");
    cr_assert(eq(int, p.status, CX_OK));
    const cx_ast *call = p.unit.stmts.items[0]->a;
    cr_assert(eq(int, call->kind, CX_AST_CALL));
    cr_assert(eq(u32, call->name_span.end, 3));
    cr_assert(eq(sz, call->list.len, 1));
    const cx_ast *g = call->list.items[0];
    cr_assert(eq(int, g->kind, CX_AST_COMP));
    cr_assert(not(g->comp_is_list));
    cr_assert(STR_EQ((char *)g->name, "x"));
    cr_assert(STR_EQ((char *)g->b->name, "xs"));
    cr_assert(not(eq(ptr, g->c, NULL)));
    done(&p);
}

/* ---- syntax errors -------------------------------------------------------- */

Test(parser, missing_semicolon_names_the_next_token_and_hints)
{
    parsed p;
    parse(&p, "a = 1\ncapex = 2;");
    cr_assert(eq(int, p.status, CX_FAIL));
    char *e = error_at(&p, 0);
    cr_assert(STR_EQ(e, "2:1-2:6 syntax-unexpected: expected ';', found name 'capex'"));
    free(e);
    cr_assert(STR_EQ(p.diag.items[0].hint, "missing ';' at the end of the previous line?"));
    cr_assert(not(p.diag.items[0].at_end_of_input));
    done(&p);
}

Test(parser, missing_operand_says_expected_expression)
{
    expect_error("f(1, );", "1:6-1:7 syntax-unexpected: expected expression, found ')'");
    expect_error("x = * 2;", "1:5-1:6 syntax-unexpected: expected expression, found '*'");
    expect_error("x = 1 + 12abc;", "1:9-1:14 syntax-bad-number: invalid number literal");
}

Test(parser, unexpected_keyword_and_number_are_named)
{
    expect_error("x = 1 2;", "1:7-1:8 syntax-unexpected: expected ';', found number '2'");
    expect_error("x = then;", "1:5-1:9 syntax-unexpected: expected expression, found 'then'");
    expect_error("if a then b;", "1:12-1:13 syntax-unexpected: expected 'else', found ';'");
}

Test(parser, assignment_in_a_check_hints_at_double_equals)
{
    parsed p;
    parse(&p, "check x = 5;");
    char *e = error_at(&p, 0);
    cr_assert(STR_EQ(e, "1:9-1:10 syntax-unexpected: expected ';' or '~', found '='"));
    free(e);
    cr_assert(STR_EQ(p.diag.items[0].hint, "'=' assigns; compare with '=='"));
    done(&p);
}

Test(parser, open_paren_at_end_of_input_is_at_end_of_input)
{
    parsed p;
    parse(&p, "(1+2");
    cr_assert(eq(sz, p.diag.len, 1));
    char *e = error_at(&p, 0);
    cr_assert(STR_EQ(e, "1:5-1:5 syntax-unexpected: expected ')', found end of input"));
    free(e);
    cr_assert(p.diag.items[0].at_end_of_input);
    done(&p);
}

Test(parser, missing_final_semicolon_is_at_end_of_input)
{
    parsed p;
    parse(&p, "1+2; 4");
    cr_assert(eq(sz, p.diag.len, 1));
    char *e = error_at(&p, 0);
    cr_assert(STR_EQ(e, "1:7-1:7 syntax-unexpected: expected ';', found end of input"));
    free(e);
    cr_assert(p.diag.items[0].at_end_of_input);
    done(&p);
}

Test(parser, error_before_the_end_is_not_at_end_of_input)
{
    parsed p;
    parse(&p, "1+;");
    cr_assert(eq(sz, p.diag.len, 1));
    char *e = error_at(&p, 0);
    cr_assert(STR_EQ(e, "1:3-1:4 syntax-unexpected: expected expression, found ';'"));
    free(e);
    cr_assert(not(p.diag.items[0].at_end_of_input));
    done(&p);
}

Test(parser, recovery_reports_one_error_per_statement)
{
    parsed p;
    parse(&p, "a = (1 + ;\nb = 2 * * 3;\nc = ];\nd = 4;\ne = (1 2 3 4);");
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(eq(sz, p.diag.len, 4));
    const char *want[] = {
        "1:10-1:11 syntax-unexpected: expected expression, found ';'",
        "2:9-2:10 syntax-unexpected: expected expression, found '*'",
        "3:5-3:6 syntax-unexpected: expected expression, found ']'",
        "5:8-5:9 syntax-unexpected: expected ')', found number '2'",
    };
    for (size_t i = 0; i < 4; i++) {
        char *e = error_at(&p, i);
        cr_assert(STR_EQ(e, (char *)want[i]));
        free(e);
    }
    done(&p);
}

Test(parser, errors_stop_at_the_cap)
{
    char text[400] = "";
    for (int i = 0; i < 30; i++) strcat(text, "x = ;\n");
    parsed p;
    parse_opts(&p, text, strlen(text), CX_DEFAULT_MAX_NESTING, 5);
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(eq(sz, p.diag.len, 6));
    char *e = error_at(&p, 5);
    cr_assert(STR_EQ(e, "6:5-6:6 syntax-too-many-errors: too many errors; stopped after 5"));
    free(e);
    done(&p);
}

Test(parser, oversized_source_is_a_limit_error)
{
    parsed p;
    memset(&p, 0, sizeof p);
    cx_sources_init(&p.sources);
    cx_diag_init(&p.diag);
    p.nctx.max_bits = 1000;
    p.opts = (cx_parse_opts){
        .max_source_bytes = 8, .max_nesting = 256, .max_errors = 20, .num_ctx = &p.nctx};
    p.id = cx_sources_add(&p.sources, "big.cx", "x = 123456789;", 14);
    p.status = cx_parse(&p.unit, &p.sources, p.id, &p.opts, &p.diag);
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(eq(int, p.diag.items[0].kind, CX_ERRK_LIMIT));
    cr_assert(STR_EQ((char *)cx_err_code_text(p.diag.items[0].code), "limit-source-size"));
    cr_assert(STR_EQ(p.diag.items[0].message,
                     "source is 14 bytes, more than the limit of 8 bytes (--max-source)"));
    done(&p);
}

/* ---- nesting -------------------------------------------------------------- */

static char *repeat(const char *head, const char *unit, int n, const char *mid, const char *close,
                    const char *tail)
{
    size_t len =
        strlen(head) + (size_t)n * (strlen(unit) + strlen(close)) + strlen(mid) + strlen(tail) + 1;
    char *s = malloc(len);
    cr_assert(not(eq(ptr, s, NULL)));
    strcpy(s, head);
    for (int i = 0; i < n; i++) strcat(s, unit);
    strcat(s, mid);
    for (int i = 0; i < n; i++) strcat(s, close);
    strcat(s, tail);
    return s;
}

static void nesting(const char *unit, int n, const char *mid, const char *close, int limit,
                    const char *want_error)
{
    char *text = repeat("x = ", unit, n, mid, close, ";");
    parsed p;
    parse_opts(&p, text, strlen(text), limit, 20);
    if (!want_error) {
        cr_assert(eq(int, p.status, CX_OK), "%d x '%s'", n, unit);
        char *d = cx_ast_dump(&p.unit); /* iterative: any accepted depth dumps */
        cr_assert(not(eq(ptr, d, NULL)));
        free(d);
    } else {
        cr_assert(eq(int, p.status, CX_FAIL), "%d x '%s'", n, unit);
        cr_assert(eq(sz, p.diag.len, 1));
        cr_assert(eq(int, p.diag.items[0].kind, CX_ERRK_LIMIT));
        char *e = error_at(&p, 0);
        cr_assert(STR_EQ(e, (char *)want_error));
        free(e);
    }
    done(&p);
    free(text);
}

Test(parser, parentheses_at_the_nesting_limit_parse) { nesting("(", 256, "1", ")", 256, NULL); }

Test(parser, parentheses_past_the_nesting_limit_are_an_error_at_the_first_token_past_it)
{
    nesting("(", 257, "1", ")", 256,
            "1:261-1:262 limit-nesting: expression nested too deeply (limit 256; --max-nesting)");
}

Test(parser, very_deep_parentheses_stop_at_the_limit)
{
    nesting("(", 100000, "1", ")", 256,
            "1:261-1:262 limit-nesting: expression nested too deeply (limit 256; --max-nesting)");
}

Test(parser, nesting_limit_follows_the_option)
{
    nesting("[", 10, "1", "]", 10, NULL);
    nesting("[", 11, "1", "]", 10,
            "1:15-1:16 limit-nesting: expression nested too deeply (limit 10; --max-nesting)");
    /* Raised far above the default, deep input still parses. */
    nesting("(", 5000, "1", ")", 6000, NULL);
}

Test(parser, prefix_operators_and_right_operands_count_toward_nesting)
{
    nesting("-", 256, "1", "", 256, NULL);
    nesting("-", 257, "1", "", 256,
            "1:261-1:262 limit-nesting: expression nested too deeply (limit 256; --max-nesting)");
    nesting("2^", 256, "2", "", 256, NULL);
    nesting("2^", 257, "2", "", 256,
            "1:518-1:519 limit-nesting: expression nested too deeply (limit 256; --max-nesting)");
    nesting("not ", 300, "a", "", 256,
            "1:1029-1:1032 limit-nesting: expression nested too deeply (limit 256; --max-nesting)");
}

Test(parser, chained_indexes_count_toward_nesting)
{
    nesting("", 0, "a[0][0][0][0][0]", "", 5, NULL);
    nesting("", 0, "a[0][0][0][0][0][0]", "", 5,
            "1:21-1:22 limit-nesting: expression nested too deeply (limit 5; --max-nesting)");
}

Test(parser, a_long_left_associative_sum_does_not_count_as_nesting)
{
    size_t terms = 100000;
    char *text = malloc(terms * 4 + 16);
    cr_assert(not(eq(ptr, text, NULL)));
    strcpy(text, "x = a");
    size_t len = 5;
    for (size_t i = 1; i < terms; i++) {
        memcpy(text + len, " + a", 4);
        len += 4;
    }
    text[len++] = ';';
    parsed p;
    parse_opts(&p, text, len, 256, 20);
    cr_assert(eq(int, p.status, CX_OK));
    /* The left spine is 99,999 additions deep. */
    const cx_ast *n = p.unit.stmts.items[0]->a;
    size_t depth = 0;
    while (n->kind == CX_AST_BINARY) {
        n = n->a;
        depth++;
    }
    cr_assert(eq(sz, depth, terms - 1));
    char *d = cx_ast_dump(&p.unit);
    cr_assert(not(eq(ptr, d, NULL)));
    cr_assert(eq(int, strncmp(d, "(= x (+ (+ (+ ", 14), 0));
    cr_assert(STR_EQ(d + strlen(d) - 7, " a) a))"));
    free(d);
    done(&p);
    free(text);
}

/* A pasted column of a million figures as one sum: folded while parsing,
 * so the unit holds one node and one constant, not a million of each. */
Test(parser, a_long_sum_of_literals_is_one_node)
{
    size_t terms = 1000000;
    char *text = malloc(terms * 4 + 16);
    cr_assert(not(eq(ptr, text, NULL)));
    strcpy(text, "x = 7");
    size_t len = 5;
    for (size_t i = 1; i < terms; i++) {
        memcpy(text + len, i % 2 ? " + 3" : " - 1", 4);
        len += 4;
    }
    text[len++] = ';';
    parsed p;
    parse_opts(&p, text, len, 256, 20);
    cr_assert(eq(int, p.status, CX_OK));
    const cx_ast *n = p.unit.stmts.items[0]->a;
    cr_assert(eq(int, n->kind, CX_AST_CONST));
    cr_assert(eq(u32, n->span.start, 4));
    cr_assert(eq(u32, n->span.end, (uint32_t)len - 1));
    cr_assert(eq(sz, p.unit.n_consts, 1));
    cr_assert(lt(sz, p.unit.arena.used_bytes, 4096));
    char *d = cx_ast_dump(&p.unit);
    cr_assert(STR_EQ(d, "(= x (fold 1000008))")); /* 7 + 3 * 500,000 - 499,999 */
    free(d);
    done(&p);
    free(text);
}

Test(parser, mixed_left_chains_parse)
{
    size_t terms = 50000;
    char *text = malloc(terms * 6 + 32);
    cr_assert(not(eq(ptr, text, NULL)));
    size_t len = (size_t)sprintf(text, "x = a");
    for (size_t i = 1; i < terms; i++)
        len += (size_t)sprintf(text + len, "%s", i % 2 ? " - b" : " * c");
    len += (size_t)sprintf(text + len, " or d and e;");
    parsed p;
    parse_opts(&p, text, len, 256, 20);
    cr_assert(eq(int, p.status, CX_OK));
    done(&p);
    free(text);
}

/* ---- statement by statement (cx_parse_opts.on_stmt) ----------------------- */

typedef struct stream_log {
    char text[512];   /* each statement's dump, then ';' */
    const cx_ast *fn; /* the first function definition, kept */
    int stop_after;   /* stop when this many statements were seen (0: never) */
    int seen;
} stream_log;

static cx_stmt_next on_stmt(void *ud, const cx_ast *n)
{
    stream_log *log = ud;
    char *d = cx_ast_dump_node(n);
    cr_assert(not(eq(ptr, d, NULL)));
    strncat(log->text, d, sizeof log->text - strlen(log->text) - 2);
    strcat(log->text, ";");
    free(d);
    if (++log->seen == log->stop_after) return CX_STMT_STOP;
    if (n->kind == CX_AST_FN) {
        if (!log->fn) log->fn = n;
        return CX_STMT_KEEP;
    }
    return CX_STMT_RELEASE;
}

static void parse_stream(parsed *p, const char *text, stream_log *log)
{
    memset(p, 0, sizeof *p);
    cx_sources_init(&p->sources);
    cx_diag_init(&p->diag);
    p->nctx.max_bits = 3322001;
    p->nctx.prec = 256;
    p->opts = (cx_parse_opts){.max_source_bytes = CX_DEFAULT_MAX_SOURCE_BYTES,
                              .num_ctx = &p->nctx,
                              .on_stmt = on_stmt,
                              .stmt_ud = log};
    p->id = cx_sources_add(&p->sources, "t.cx", text, strlen(text));
    cr_assert(ne(u32, p->id, 0));
    p->status = cx_parse(&p->unit, &p->sources, p->id, &p->opts, &p->diag);
}

Test(parser, a_hook_gets_each_statement_in_order_and_keeps_only_functions)
{
    stream_log log = {0};
    parsed p;
    parse_stream(&p, "x = 1 + b;\nfn f(a) = a * 10;\n;\ny = [1, 2, 3];\nprint f(2);\n", &log);
    cr_assert(eq(int, p.status, CX_OK));
    cr_assert(STR_EQ(log.text, "(= x (+ 1 b));(fn f (a) (* a 10));(= y (list 1 2 3));"
                               "(print (call f 2));"));
    cr_assert(eq(sz, p.unit.stmts.len, 0));
    /* The function's nodes and constant outlive the statements after it. */
    cr_assert(eq(sz, p.unit.n_consts, 1));
    char *d = cx_ast_dump_node(log.fn);
    cr_assert(STR_EQ(d, "(fn f (a) (* a 10))"));
    free(d);
    done(&p);
}

Test(parser, a_hook_that_stops_ends_the_parse_without_an_error)
{
    stream_log log = {.stop_after = 2};
    parsed p;
    parse_stream(&p, "a = 1;\nb = 2;\nc = 3;\n", &log);
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(eq(sz, p.diag.len, 0));
    cr_assert(STR_EQ(log.text, "(= a 1);(= b 2);"));
    done(&p);
}

Test(parser, after_a_syntax_error_the_hook_gets_nothing_more)
{
    stream_log log = {0};
    parsed p;
    parse_stream(&p, "a = 1;\nb = ;\nc = 3;\nd = );\n", &log);
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(eq(sz, p.diag.len, 2));
    cr_assert(STR_EQ(log.text, "(= a 1);"));
    done(&p);
}

/* ---- hints read from the context of a syntax error ------------------------- */

/* The hint of the first error of `text` (NULL: none). */
static void expect_context_hint(const char *text, const char *hint)
{
    parsed p;
    parse(&p, text);
    cr_assert(eq(int, p.status, CX_FAIL), "%s", text);
    cr_assert(STR_EQ((char *)cx_err_code_text(p.diag.items[0].code), "syntax-unexpected"));
    if (!hint) cr_assert(eq(ptr, (void *)p.diag.items[0].hint, NULL), "%s", text);
    else
        cr_assert(STR_EQ(p.diag.items[0].hint ? p.diag.items[0].hint : "(none)", hint), "%s", text);
    done(&p);
}

Test(parser, a_word_after_a_number_is_read_as_a_unit_or_a_suffix)
{
    expect_context_hint("x = 125 usd;", "currencies are ISO codes in capitals: write 125 USD");
    expect_context_hint("x = 1.5 billion;", "write 1.5B: B is billions");
    expect_context_hint("x = 5 B;", "a suffix goes right after the number: write 5B");
    expect_context_hint("x = 2024 Q1;", "a quarter is written without a space: 2024Q1");
    /* After a name the number is a period: the word is no unit. */
    expect_context_hint("capex 2025 revenue;", NULL);
    /* On a new line the ';' is what is missing. */
    expect_context_hint("x = 5\nUSD = 1;", "missing ';' at the end of the previous line?");
}

Test(parser, statement_words_from_other_languages_name_the_cx_way)
{
    expect_context_hint("chekc x > 1;", "did you mean 'check'?");
    expect_context_hint("Check x > 1;", "keywords are lower case: write 'check'");
    expect_context_hint("def f(a, b) = a + b;",
                        "a function is defined with fn: write fn f(a, b) = ...");
    expect_context_hint("let x = 5;", "cx needs no 'let': write x = ...");
    expect_context_hint("f(x) = x^2;", "a function is defined with fn: write fn f(x) = x^2");
    expect_context_hint("print(\"a\", 1);",
                        "print takes its items without parentheses: print a, b;");
    expect_context_hint("x = 43:1;", "a ratio is a division: write 43/1, or just 43");
    expect_context_hint("capex start..start + 11 = 30B;",
                        "a period from an expression goes in brackets: write "
                        "capex[start..start + 11] = ...");
    expect_context_hint("capex p == 1;", NULL);
    /* Not at the start of a statement: no keyword is meant. */
    expect_context_hint("x = a chekc;", NULL);
    expect_context_hint("x + y z;", NULL);
    /* print(x) is an expression in parentheses, and fine. */
    expect_dump("print(1);", "(print 1)");
}

Test(parser, a_source_that_does_not_exist_is_an_internal_error)
{
    parsed p;
    parse(&p, "x = 1;");
    cx_unit other;
    cx_diag_clear(&p.diag);
    cr_assert(eq(int, cx_parse(&other, &p.sources, p.id + 1, &p.opts, &p.diag), CX_FAIL));
    cr_assert(eq(sz, p.diag.len, 1));
    cr_assert(eq(int, p.diag.items[0].code, CX_E_INTERNAL_SOURCE));
    cr_assert(STR_EQ(p.diag.items[0].message, "no source with id 2"));
    cx_unit_free(&other);
    done(&p);
}

/* ---- chart ------------------------------------------------------------------ */

Test(parser, chart_forms)
{
    expect_dump("chart line capex;", "(chart line plain capex)");
    expect_dump("chart bar capex, fcf as money;", "(chart bar money capex fcf)");
    expect_dump("chart line capex, fcf title \"Capex vs FCF\" as money;",
                "(chart line money capex fcf (title \"Capex vs FCF\"))");
    expect_dump("chart line m as pct title \"Margin\";", "(chart line pct m (title \"Margin\"))");
    expect_dump("chart bar [1, 2, 3] as plain;", "(chart bar plain (list 1 2 3))");
    expect_dump("chart line capex * 2, annual(fcf);",
                "(chart line plain (* capex 2) (call annual fcf))");
}

Test(parser, chart_words_are_still_names_elsewhere)
{
    expect_dump("line = 1; bar = line; title = bar; as = 2; money = 3;",
                "(= line 1)\n(= bar line)\n(= title bar)\n(= as 2)\n(= money 3)");
    expect_dump("chart line line, bar title \"t\";", "(chart line plain line bar (title \"t\"))");
}

Test(parser, chart_errors)
{
    expect_error("chart pie x;", "1:7-1:10 syntax-unexpected: a chart is a line or a bar chart");
    expect_error("chart line x as usd;",
                 "1:17-1:20 syntax-unexpected: a chart's values show as money, pct or plain");
    expect_error("chart line x titel \"a\";", "1:14-1:19 syntax-unexpected: unknown chart option");
    expect_error("chart line x title y;",
                 "1:20-1:21 syntax-unexpected: a chart's title is a string");
    expect_error("chart line x as \"money\";",
                 "1:17-1:24 syntax-unexpected: a chart's values show as money, pct or plain");
    expect_error("chart line x title \"a\" title \"b\";",
                 "1:24-1:29 syntax-unexpected: the chart has a title already");
    expect_error("chart line x as pct as money;",
                 "1:21-1:23 syntax-unexpected: the chart has a format already");
    expect_error("chart line;", "1:11-1:12 syntax-unexpected: expected expression, found ';'");
}

/* A function of plain arithmetic is not remembered (the lookup costs more
 * than the body); one with a call or a comprehension is. */
static bool remembers(const char *text)
{
    parsed p;
    parse(&p, text);
    cr_assert(eq(int, p.status, CX_OK), "%s", text);
    cr_assert(eq(sz, p.unit.stmts.len, 1));
    const cx_ast *fn = p.unit.stmts.items[0];
    cr_assert(eq(int, fn->kind, CX_AST_FN));
    bool r = cx_ast_fn_remembers(fn);
    done(&p);
    return r;
}

Test(parser, only_functions_that_call_or_loop_are_remembered)
{
    cr_expect(not(remembers("fn cf(i) = if i == 0 then -1000000 else 1000 + 3 * i;")));
    cr_expect(not(remembers("fn g(t) = rev[t] / rev[t - 1] - 1;")));
    cr_expect(not(remembers("fn h(x) = (x as USD/qtr) * 4;")));
    cr_expect(remembers("fn f(n) = if n == 0 then 1 else f(n - 1) + f(n - 1);"));
    cr_expect(remembers("fn s(n) = 1 + sqrt(n);"));
    cr_expect(remembers("fn s(n) = [i * n for i in 1..3];"));
    cr_expect(remembers("fn s(n) = rev[n..n + 3];"));
    /* deeper than the walk looks: remembered, as every function was */
    char deep[1024] = "fn d(x) = ";
    for (int i = 0; i < 100; i++) strcat(deep, "x * (");
    strcat(deep, "1");
    for (int i = 0; i < 100; i++) strcat(deep, ")");
    strcat(deep, ";");
    cr_expect(remembers(deep));
}

/* ---- the parser without LAC -------------------------------------------------- */

/* Parses a file's bytes with or without LAC; returns its dump, or NULL and
 * the number of errors in *errors. */
static char *dump_file(const char *text, size_t len, bool no_lac, size_t *errors)
{
    parsed p;
    memset(&p, 0, sizeof p);
    cx_sources_init(&p.sources);
    cx_diag_init(&p.diag);
    p.nctx.max_bits = 3322001;
    p.nctx.prec = 256;
    p.opts = (cx_parse_opts){.max_source_bytes = CX_DEFAULT_MAX_SOURCE_BYTES, .no_lac = no_lac};
    p.id = cx_sources_add(&p.sources, "t.cx", text, len);
    cr_assert(ne(u32, p.id, 0));
    p.status = cx_parse(&p.unit, &p.sources, p.id, &p.opts, &p.diag);
    *errors = p.diag.len;
    char *got = p.status == CX_OK ? cx_ast_dump(&p.unit) : NULL;
    done(&p);
    return got;
}

/* Run from the repository (make check-unit): every example and golden
 * script parses without LAC exactly when it parses with it, to the same
 * tree; one that fails fails either way. */
Test(parser, the_parser_without_lac_accepts_the_same_scripts_and_builds_the_same_trees)
{
    FILE *list = popen("find examples tests/golden -name '*.cx' | sort", "r");
    cr_assert(list != NULL);
    char path[4096];
    size_t files = 0, failing = 0;
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = '\0';
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        char *text = malloc(1 << 20);
        cr_assert(text != NULL);
        size_t len = fread(text, 1, 1 << 20, f);
        fclose(f);
        size_t e1, e2;
        char *with = dump_file(text, len, false, &e1);
        char *without = dump_file(text, len, true, &e2);
        cr_assert(eq(int, with != NULL, without != NULL), "%s", path);
        if (with) cr_assert(STR_EQ(without, with), "%s", path);
        else cr_assert(gt(sz, e2, 0), "%s", path);
        files++;
        failing += with == NULL;
        free(with);
        free(without);
        free(text);
    }
    pclose(list);
    cr_assert(gt(sz, files, 400), "found %zu scripts", files);
    cr_assert(gt(sz, failing, 10), "%zu of them fail to parse", failing);
}

/* The first node that is not a constant, left to right: it names what an
 * input or a scenario's value may not read.  A chain of 300,000 terms is
 * walked without recursing once per term (a pasted sum crashed the stack). */
Test(parser, not_constant_finds_the_first_name_even_in_a_long_chain)
{
    parsed p;
    parse(&p, "x = 1 + 2 * c - (3 + d) + e;");
    cr_assert(eq(int, (int)p.status, (int)CX_OK));
    const cx_ast *bad = cx_ast_not_constant(cx_ast_value(p.unit.stmts.items[0]));
    cr_assert(ne(ptr, (void *)bad, NULL));
    cr_assert(STR_EQ(bad->name, "c"));
    done(&p);
    parse(&p, "x = -(1 + 2) * 3 + 4;");
    cr_assert(eq(ptr, (void *)cx_ast_not_constant(cx_ast_value(p.unit.stmts.items[0])), NULL));
    done(&p);
    size_t n = 300000;
    char *src = malloc(4 * n + 16);
    cr_assert(ne(ptr, src, NULL));
    size_t len = (size_t)sprintf(src, "x = 1");
    for (size_t i = 0; i < n; i++) len += (size_t)sprintf(src + len, i == 1 ? "+b" : "+1");
    strcpy(src + len, ";");
    parse(&p, src);
    cr_assert(eq(int, (int)p.status, (int)CX_OK));
    bad = cx_ast_not_constant(cx_ast_value(p.unit.stmts.items[0]));
    cr_assert(ne(ptr, (void *)bad, NULL));
    cr_assert(STR_EQ(bad->name, "b"));
    done(&p);
    free(src);
}
