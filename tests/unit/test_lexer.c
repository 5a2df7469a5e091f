/* test_lexer.c - the scanner on its own (token kinds and spans) and through
 * cx_parse (errors for bad numbers, periods, strings and hostile bytes, with
 * their line:col). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../lang/parse_ctx.h"
#include "../../runtime/limits.h"
#include "parser.h"

/* -Wwrite-strings makes literals const; Criterion's str tag wants char *. */
#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

/* ---- the scanner alone ---------------------------------------------------- */

typedef struct tok {
    int kind;
    cx_span span;
} tok;

typedef struct lexed {
    cx_sources sources;
    cx_diag diag;
    cx_unit unit;
    cx_num_ctx nctx;
    cx_parse_opts opts;
    cx_parse_ctx P;
    tok toks[256];
    size_t n;
    const cx_source *src;
} lexed;

static void lex_n(lexed *x, const char *text, size_t len)
{
    memset(x, 0, sizeof *x);
    cx_sources_init(&x->sources);
    cx_diag_init(&x->diag);
    x->nctx.max_bits = 100000;
    x->opts = (cx_parse_opts){.max_source_bytes = CX_DEFAULT_MAX_SOURCE_BYTES,
                              .max_nesting = 256,
                              .max_errors = 20,
                              .num_ctx = &x->nctx};
    uint32_t id = cx_sources_add(&x->sources, "t.cx", text, len);
    x->src = cx_sources_get(&x->sources, id);
    x->P.unit = &x->unit;
    x->P.src = id;
    x->P.text = x->src->text;
    x->P.len = x->src->len;
    x->P.opts = &x->opts;
    x->P.diag = &x->diag;
    struct cx_lex_state L;
    void *scanner;
    cr_assert(cx_lex_begin(&L, &x->P, &scanner));
    CX_YYSTYPE lval;
    for (;;) {
        cx_span sp;
        int k = cx_yylex(&lval, &sp, scanner);
        cr_assert(lt(sz, x->n, 256));
        x->toks[x->n++] = (tok){k, sp};
        if (k == CX_TOK_END) break;
    }
    cx_lex_end(&L, scanner);
    free(x->P.open);
}

static void lex(lexed *x, const char *text) { lex_n(x, text, strlen(text)); }

static void lex_done(lexed *x)
{
    cx_unit_free(&x->unit);
    cx_diag_clear(&x->diag);
    cx_sources_free(&x->sources);
}

static const char *kind_name(int k)
{
    static char c[2];
    switch (k) {
    case CX_TOK_END: return "END";
    case CX_TOK_CX_YYUNDEF: return "INVALID";
    case CX_TOK_NUMBER: return "NUMBER";
    case CX_TOK_PERIOD: return "PERIOD";
    case CX_TOK_STRING: return "STRING";
    case CX_TOK_NAME: return "NAME";
    case CX_TOK_CHECK: return "check";
    case CX_TOK_WITHIN: return "within";
    case CX_TOK_PRINT: return "print";
    case CX_TOK_FN: return "fn";
    case CX_TOK_IF: return "if";
    case CX_TOK_THEN: return "then";
    case CX_TOK_ELSE: return "else";
    case CX_TOK_INCLUDE: return "include";
    case CX_TOK_TABLE: return "table";
    case CX_TOK_IN: return "in";
    case CX_TOK_FOR: return "for";
    case CX_TOK_STEP: return "step";
    case CX_TOK_SOURCE: return "source";
    case CX_TOK_AND: return "and";
    case CX_TOK_OR: return "or";
    case CX_TOK_NOT: return "not";
    case CX_TOK_TRUE: return "true";
    case CX_TOK_FALSE: return "false";
    case CX_TOK_EQ: return "==";
    case CX_TOK_NE: return "!=";
    case CX_TOK_LE: return "<=";
    case CX_TOK_GE: return ">=";
    case CX_TOK_DOTDOT: return "..";
    default:
        c[0] = (char)k;
        c[1] = '\0';
        return c;
    }
}

/* The token kinds, space-separated, without the final END. */
static char *kinds(const lexed *x)
{
    char *out = calloc(1, 4096);
    for (size_t i = 0; i + 1 < x->n; i++) {
        if (i) strcat(out, " ");
        strcat(out, kind_name(x->toks[i].kind));
    }
    return out;
}

/* The text of token i. */
static char *text_of(const lexed *x, size_t i)
{
    cx_span s = x->toks[i].span;
    return cx_strdupf("%.*s", (int)(s.end - s.start), x->src->text + s.start);
}

static void expect_kinds(const char *text, const char *want)
{
    lexed x;
    lex(&x, text);
    char *got = kinds(&x);
    cr_assert(STR_EQ(got, (char *)want), "scanning %s", text);
    cr_assert(eq(sz, x.diag.len, 0), "scanning %s", text);
    free(got);
    lex_done(&x);
}

Test(lexer, every_keyword)
{
    expect_kinds(
        "check within print fn if then else include table in for step source and or not true false",
        "check within print fn if then else include table in for step source and or not true "
        "false");
}

Test(lexer, every_operator)
{
    expect_kinds("+ - * / ^ ( ) [ ] , ; : = == != < <= > >= ~ ..",
                 "+ - * / ^ ( ) [ ] , ; : = == != < <= > >= ~ ..");
    expect_kinds("a==b<=c>=d!=e..f", "NAME == NAME <= NAME >= NAME != NAME .. NAME");
}

Test(lexer, names_numbers_periods_strings)
{
    expect_kinds("capex 125e9 2025Q3 \"text\"", "NAME NUMBER PERIOD STRING");
}

Test(lexer, names_may_contain_digits_and_underscores)
{
    lexed x;
    lex(&x, "_x a1_b checkx _ iffy");
    char *k = kinds(&x);
    cr_assert(STR_EQ(k, "NAME NAME NAME NAME NAME"));
    free(k);
    char *t = text_of(&x, 2);
    cr_assert(STR_EQ(t, "checkx"));
    free(t);
    lex_done(&x);
}

Test(lexer, number_forms_are_single_tokens)
{
    const char *forms[] = {"1",        "1_000", "1.5",   "0.25", "125e9",
                           "1.25E+11", "5e-3",  "200k",  "6M",   "125B",
                           "1.5T",     "13%",   "61.5%", "25bp", "125_000_000_000"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        lexed x;
        lex(&x, forms[i]);
        cr_assert(eq(sz, x.n, 2), "%s", forms[i]);
        cr_assert(eq(int, x.toks[0].kind, CX_TOK_NUMBER), "%s", forms[i]);
        cr_assert(eq(u32, x.toks[0].span.end, (uint32_t)strlen(forms[i])), "%s", forms[i]);
        lex_done(&x);
    }
}

Test(lexer, one_dot_dot_n_is_a_range)
{
    expect_kinds("1..n", "NUMBER .. NAME");
    expect_kinds("1.5..2.5", "NUMBER .. NUMBER");
    expect_kinds("150k..250k", "NUMBER .. NUMBER");
    expect_kinds("2025Q1..2025Q4", "PERIOD .. PERIOD");
}

Test(lexer, bad_numbers_are_one_error_over_the_whole_run)
{
    const char *bad[] = {"125Bx", "12abc", "1__0",    "1_",   "0x10",
                         "1e",    "25b",   "1.5e+3q", "13%x", "2025Q3x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[32];
        snprintf(text, sizeof text, "x = %s;", bad[i]);
        lexed x;
        lex(&x, text);
        char *k = kinds(&x);
        cr_assert(STR_EQ(k, "NAME = INVALID ;"), "%s", bad[i]);
        free(k);
        cr_assert(eq(u32, x.toks[2].span.start, 4), "%s", bad[i]);
        cr_assert(eq(u32, x.toks[2].span.end, 4 + (uint32_t)strlen(bad[i])), "%s", bad[i]);
        cr_assert(eq(sz, x.diag.len, 1), "%s", bad[i]);
        cr_assert(STR_EQ((char *)cx_err_code_text(x.diag.items[0].code), "syntax-bad-number"));
        cr_assert(STR_EQ(x.diag.items[0].message, "invalid number literal"));
        lex_done(&x);
    }
}

Test(lexer, period_shapes)
{
    expect_kinds("2025Q3 2025H1 2025-06 2025-06-30", "PERIOD PERIOD PERIOD PERIOD");
    expect_kinds("2025", "NUMBER");
}

Test(lexer, subtraction_between_numbers_needs_spaces_only_for_two_digit_months)
{
    expect_kinds("2025 - 6", "NUMBER - NUMBER");
    expect_kinds("2025-6", "NUMBER - NUMBER");
    expect_kinds("2025 - 06", "NUMBER - NUMBER");
    expect_kinds("2025-06", "PERIOD");
}

Test(lexer, a_period_shape_followed_by_a_name_character_is_not_a_period)
{
    lexed x;
    lex(&x, "2025-06x");
    char *k = kinds(&x);
    cr_assert(STR_EQ(k, "NUMBER - INVALID"));
    free(k);
    cr_assert(eq(u32, x.toks[0].span.end, 4));
    cr_assert(eq(u32, x.toks[2].span.start, 5));
    lex_done(&x);
    expect_kinds("2025-0612", "NUMBER - NUMBER");
}

Test(lexer, strings_span_both_quotes_and_may_hold_newlines_and_escaped_quotes)
{
    lexed x;
    lex(&x, "s = \"a \\\"q\\\" \\\\\nb\";");
    char *k = kinds(&x);
    cr_assert(STR_EQ(k, "NAME = STRING ;"));
    free(k);
    char *t = text_of(&x, 2);
    cr_assert(STR_EQ(t, "\"a \\\"q\\\" \\\\\nb\""));
    free(t);
    lex_done(&x);
}

Test(lexer, comments_run_to_the_end_of_the_line)
{
    expect_kinds("x # = 1 \"not a string\n y", "NAME NAME");
    expect_kinds("# only a comment", "");
    expect_kinds("x #", "NAME");
}

Test(lexer, end_of_input_points_just_past_the_last_token)
{
    lexed x;
    lex(&x, "x  \n# note\n");
    cr_assert(eq(int, x.toks[1].kind, CX_TOK_END));
    cr_assert(eq(u32, x.toks[1].span.start, 1));
    cr_assert(eq(u32, x.toks[1].span.end, 1));
    lex_done(&x);
}

Test(lexer, whitespace_is_space_tab_cr_lf) { expect_kinds(" \t\r\nx\r\n", "NAME"); }

/* ---- through the parser: errors with line:col ----------------------------- */

typedef struct parsed {
    cx_sources sources;
    cx_diag diag;
    cx_unit unit;
    cx_num_ctx nctx;
    cx_parse_opts opts;
    cx_status status;
    uint32_t id;
} parsed;

static void parse_n(parsed *p, const char *text, size_t len)
{
    memset(p, 0, sizeof *p);
    cx_sources_init(&p->sources);
    cx_diag_init(&p->diag);
    p->nctx.max_bits = 3322001;
    p->nctx.prec = 256;
    p->opts = (cx_parse_opts){.max_source_bytes = CX_DEFAULT_MAX_SOURCE_BYTES,
                              .max_nesting = 256,
                              .max_errors = 20,
                              .num_ctx = &p->nctx};
    p->id = cx_sources_add(&p->sources, "t.cx", text, len);
    p->status = cx_parse(&p->unit, &p->sources, p->id, &p->opts, &p->diag);
}

static void parse_done(parsed *p)
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

/* Parses len bytes that must fail with exactly the errors in want[]. */
static void expect_errors_n(const char *text, size_t len, const char *const *want, size_t n)
{
    parsed p;
    parse_n(&p, text, len);
    cr_assert(eq(int, p.status, CX_FAIL));
    for (size_t i = 0; i < n; i++) {
        char *e = error_at(&p, i);
        cr_assert(STR_EQ(e, (char *)want[i]), "error %zu", i);
        free(e);
    }
    cr_assert(eq(sz, p.diag.len, n));
    for (size_t i = 0; i < p.diag.len; i++)
        for (const char *m = p.diag.items[i].message; *m; m++)
            cr_assert(ge(int, (unsigned char)*m, 0x20), "raw control byte in a message");
    parse_done(&p);
}

static void expect_error(const char *text, const char *want)
{
    expect_errors_n(text, strlen(text), &want, 1);
}

static void expect_dump(const char *text, const char *want)
{
    parsed p;
    parse_n(&p, text, strlen(text));
    cr_assert(eq(int, p.status, CX_OK), "parsing %s", text);
    char *d = cx_ast_dump(&p.unit);
    cr_assert(STR_EQ(d, (char *)want));
    free(d);
    parse_done(&p);
}

Test(lexer, invalid_periods_name_the_reason)
{
    expect_error("capex 2025Q5 = 1;",
                 "1:7-1:13 syntax-bad-period: invalid period '2025Q5': quarter must be 1 to 4");
    expect_error("x = 2025H3;",
                 "1:5-1:11 syntax-bad-period: invalid period '2025H3': half must be 1 or 2");
    expect_error("x = 2025-13;",
                 "1:5-1:12 syntax-bad-period: invalid period '2025-13': month must be 01 to 12");
    parsed p;
    parse_n(&p, "x = 2025-02-30;", 15);
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(STR_EQ((char *)cx_err_code_text(p.diag.items[0].code), "syntax-bad-period"));
    cr_assert(eq(int, strncmp(p.diag.items[0].message, "invalid period '2025-02-30': ", 29), 0));
    parse_done(&p);
}

Test(lexer, string_escapes_are_decoded)
{
    expect_dump("\"q\\\" b\\\\ n\\n t\\t r\\r e\\u{20AC} \\u{1F600}\";",
                "\"q\\\" b\\\\ n\\n t\\t r\\r e€ 😀\"");
}

Test(lexer, unknown_escape_is_an_error_at_the_escape)
{
    expect_error("print \"a\\qb\";", "1:9-1:11 syntax-bad-escape: unknown escape '\\q' in string");
    expect_error("print \"é\\é\";", "1:9-1:11 syntax-bad-escape: unknown escape '\\é' in string");
}

Test(lexer, invalid_unicode_escapes_are_errors)
{
    expect_error("\"\\u{D800}\";", "1:2-1:10 syntax-bad-escape: invalid escape '\\u{D800}' in "
                                   "string: a surrogate is not a character");
    expect_error("\"\\u{110000}\";", "1:2-1:12 syntax-bad-escape: invalid escape '\\u{110000}' in "
                                     "string: beyond U+10FFFF, the last code point");
    expect_error("\"\\u{0}\";", "1:2-1:7 syntax-bad-escape: invalid escape '\\u{0}' in string: NUL "
                                "is not allowed in strings");
    expect_error("\"\\u20AC\";", "1:2-1:4 syntax-bad-escape: invalid escape in string: \\u needs 1 "
                                 "to 6 hex digits in braces, as in \\u{20AC}");
}

Test(lexer, unterminated_string_is_an_error_at_the_opening_quote)
{
    parsed p;
    {
        const char *t = "x = 1;\nprint \"abc\n  def";
        parse_n(&p, t, strlen(t));
    }
    cr_assert(eq(sz, p.diag.len, 1));
    char *e = error_at(&p, 0);
    cr_assert(STR_EQ(e, "2:7-2:8 syntax-unterminated-string: unterminated string"));
    free(e);
    cr_assert(p.diag.items[0].at_end_of_input);
    parse_done(&p);
}

Test(lexer, nul_byte_is_an_error_at_its_position)
{
    const char *want[] = {"2:6-2:7 syntax-nul: NUL byte in source"};
    expect_errors_n("x = 1;\ny = 1\0;", 14, want, 1);
    const char *in_string[] = {"1:7-1:8 syntax-nul: NUL byte in source"};
    expect_errors_n("x = \"a\0b\";", 10, in_string, 1);
}

Test(lexer, invalid_utf8_is_an_error_everywhere)
{
    expect_error("x = 1;\ny = \xff;", "2:5-2:6 syntax-utf8: invalid UTF-8 byte 0xFF");
    expect_error("x = \"ok \xfe\";", "1:9-1:10 syntax-utf8: invalid UTF-8 byte 0xFE");
    expect_error("# note \xc3\nx = 1;", "1:8-1:9 syntax-utf8: invalid UTF-8 byte 0xC3");
    /* Overlong forms and surrogates are not UTF-8 either. */
    expect_error("x = \"\xc0\x80\";", "1:6-1:7 syntax-utf8: invalid UTF-8 byte 0xC0");
    expect_error("x = \"\xed\xa0\x80\";", "1:6-1:7 syntax-utf8: invalid UTF-8 byte 0xED");
}

Test(lexer, control_characters_are_errors_named_by_code_point)
{
    expect_error("x = 1;\ny = \x1b[31m;",
                 "2:5-2:6 syntax-control: control character U+001B in source");
    expect_error("x = \"\x1b[2J\";", "1:6-1:7 syntax-control: control character U+001B in source");
    expect_error("# \x07\n", "1:3-1:4 syntax-control: control character U+0007 in source");
    expect_error("x = \x7f;", "1:5-1:6 syntax-control: control character U+007F in source");
    expect_error("x = \"\xc2\x9b\";", "1:6-1:7 syntax-control: control character U+009B in source");
    expect_error("x = \f1;", "1:5-1:6 syntax-control: control character U+000C in source");
}

Test(lexer, one_error_per_string_or_comment)
{
    expect_error("x = \"\x1b\x1b\xff\";",
                 "1:6-1:7 syntax-control: control character U+001B in source");
}

Test(lexer, non_ascii_outside_strings_is_an_unexpected_character)
{
    expect_error("é = 1;", "1:1-1:2 syntax-bad-char: unexpected character 'é'");
    expect_error("x = 1 ß 2;", "1:7-1:8 syntax-bad-char: unexpected character 'ß'");
    expect_error("x = \xe2\x80\xae;", "1:5-1:6 syntax-bad-char: unexpected character U+202E");
    expect_error("x = a @ b;", "1:7-1:8 syntax-bad-char: unexpected character '@'");
    expect_dump("x = \"é ü €\"; # ü\n", "(= x \"é ü €\")");
}

Test(lexer, columns_count_characters_not_bytes)
{
    expect_error("x = \"ééé\"; \x1b",
                 "1:12-1:13 syntax-control: control character U+001B in source");
    expect_error("s = \"€\"; y = 1 2;",
                 "1:16-1:17 syntax-unexpected: expected ';', found number '2'");
}

Test(lexer, identifier_length_is_limited)
{
    char text[CX_MAX_IDENT_BYTES + 16];
    memset(text, 'a', CX_MAX_IDENT_BYTES);
    strcpy(text + CX_MAX_IDENT_BYTES, " = 1;");
    parsed p;
    parse_n(&p, text, strlen(text));
    cr_assert(eq(int, p.status, CX_OK));
    parse_done(&p);

    memset(text, 'a', CX_MAX_IDENT_BYTES + 1);
    strcpy(text + CX_MAX_IDENT_BYTES + 1, " = 1;");
    parse_n(&p, text, strlen(text));
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(eq(sz, p.diag.len, 1));
    cr_assert(eq(int, p.diag.items[0].kind, CX_ERRK_LIMIT));
    cr_assert(STR_EQ((char *)cx_err_code_text(p.diag.items[0].code), "limit-name-size"));
    cr_assert(STR_EQ(p.diag.items[0].message, "name of 1025 bytes is too long (limit 1024 bytes)"));
    parse_done(&p);
}

Test(lexer, number_literal_digits_are_limited)
{
    size_t n = CX_MAX_LITERAL_DIGITS + 1;
    char *text = malloc(n + 8);
    cr_assert(not(eq(ptr, text, NULL)));
    memcpy(text, "x = ", 4);
    memset(text + 4, '7', n);
    text[4 + n] = ';';
    parsed p;
    parse_n(&p, text, n + 5);
    cr_assert(eq(int, p.status, CX_FAIL));
    cr_assert(eq(int, p.diag.items[0].kind, CX_ERRK_LIMIT));
    cr_assert(STR_EQ((char *)cx_err_code_text(p.diag.items[0].code), "limit-literal-digits"));
    cr_assert(STR_EQ(p.diag.items[0].message, "number literal has 100001 digits (limit 100000)"));
    parse_done(&p);
    free(text);
}

Test(lexer, huge_exponent_is_a_limit_error_not_a_computation)
{
    expect_error("x = 1e999999999;", "1:5-1:16 limit-result-size: number literal too large (limit "
                                     "1000000 digits; --max-digits)");
    expect_error("x = 1e99999999999999999999999999;",
                 "1:5-1:33 limit-result-size: number literal too large (limit 1000000 digits; "
                 "--max-digits)");
    expect_dump("x = 0e999999999;", "(= x 0e999999999)");
}

/* ---- pasted input ---------------------------------------------------------- */

/* Parses text that must fail with one error, `want` as error_at shows it,
 * whose hint is `hint`. */
static void expect_hint(const char *text, const char *want, const char *hint)
{
    expect_error(text, want);
    parsed p;
    parse_n(&p, text, strlen(text));
    cr_assert(not(eq(ptr, (void *)p.diag.items[0].hint, NULL)), "no hint for %s", text);
    cr_assert(STR_EQ(p.diag.items[0].hint, hint), "hint for %s", text);
    parse_done(&p);
}

Test(lexer, lookalikes_name_the_code_point_and_the_ascii_to_type)
{
    expect_hint("x = 5 \xe2\x88\x92 3;",
                "1:7-1:8 syntax-lookalike: U+2212 MINUS SIGN looks like '-': type a plain '-'",
                "pasted text often carries typographic characters; outside strings and comments "
                "cx reads plain ASCII");
    expect_hint("x = \xe2\x88\x92"
                "5%;",
                "1:5-1:6 syntax-lookalike: U+2212 MINUS SIGN looks like '-': type a plain '-'",
                "write -5%");
    expect_hint("x = 7\xe2\x80\x93"
                "10;",
                "1:6-1:7 syntax-lookalike: U+2013 EN DASH looks like '-': type a plain '-' for "
                "a minus, or '..' for a range",
                "for a range write 7..10; for a subtraction 7 - 10");
    expect_hint("x = 14\xc2\xa0"
                "000;",
                "1:7-1:8 syntax-lookalike: U+00A0 NO-BREAK SPACE looks like a space: type a "
                "plain space",
                "as a thousands separator write 14_000 or 14000");
    expect_hint("x = 5\xe2\x80\xaf"
                "bn;",
                "1:6-1:7 syntax-lookalike: U+202F NARROW NO-BREAK SPACE looks like a space: type "
                "a plain space",
                "write 5B: B is billions");
    /* A curly-quoted string is one error over the whole string, so a ';'
     * inside it causes no second one. */
    expect_hint("print \xe2\x80\x9c"
                "a; b\xe2\x80\x9d;",
                "1:7-1:13 syntax-lookalike: U+201C LEFT DOUBLE QUOTATION MARK looks like '\"': "
                "type a plain '\"'",
                "write \"a; b\"");
    expect_hint("x = \xe2\x80\x8b"
                "1;",
                "1:5-1:6 syntax-lookalike: U+200B ZERO WIDTH SPACE is invisible: delete it",
                "pasted text often carries typographic characters; outside strings and comments "
                "cx reads plain ASCII");
}

Test(lexer, lookalikes_are_fine_in_strings_and_comments)
{
    expect_dump("x = \"\xe2\x88\x92\xc2\xa0\xe2\x80\x9c\xc3\x97\"; # \xe2\x80\x93 \xe2\x80\x9d\n",
                "(= x \"\xe2\x88\x92\xc2\xa0\xe2\x80\x9c\xc3\x97\")");
}

Test(lexer, pasted_numbers_get_the_cx_spelling)
{
    expect_hint("x = $ 125B;", "1:5-1:11 syntax-bad-char: write $125B or 125B USD",
                "$ goes right before the digits: $5 is 5 USD, $1.5B/yr is 1.5B USD/yr");
    expect_hint("x = \xe2\x82\xac"
                "1.5bn;",
                "1:5-1:11 syntax-bad-char: currencies are written after the number: write 1.5B "
                "EUR",
                "a currency is a unit, written as its ISO code after the number: 5 EUR, 1.5B "
                "GBP/yr (\xC2\xA5 may be JPY or CNY)");
    expect_hint("x = 40.1m;", "1:5-1:10 syntax-bad-number: invalid number literal",
                "'m' is not a suffix: M is millions; write 40.1M");
    expect_hint("x = 5K;", "1:5-1:7 syntax-bad-number: invalid number literal",
                "'K' is not a suffix: k is thousands; write 5k");
    expect_hint("x = .5;", "1:5-1:7 syntax-bad-number: a number starts with a digit: '.5'",
                "write 0.5");
    expect_hint("x = 2024-Q1;",
                "1:5-1:12 syntax-bad-period: invalid period '2024-Q1': a quarter is written "
                "without '-'",
                "write 2024Q1");
    expect_hint("x = 2024q1;",
                "1:5-1:11 syntax-bad-period: invalid period '2024q1': a quarter is written with a "
                "capital Q",
                "write 2024Q1");
    /* Not a period: the year, '-' and a name, as with months. */
    expect_dump("x = 2024 - Q1x;", "(= x (- 2024 Q1x))");
    expect_dump("x = 2024-Q1x;", "(= x (- 2024 Q1x))");
    /* A range still has two dots, and a decimal its digits. */
    expect_dump("x = 1..5;", "(= x (range 1 5))");
}

Test(lexer, other_languages_operators_name_the_cx_way)
{
    expect_hint("x = side ** 2;", "1:10-1:12 syntax-unexpected: '**' is not an operator in cx",
                "a power is written with '^': side^2");
    expect_hint("x = 1; // total",
                "1:8-1:10 syntax-unexpected: '//' does not start a comment in cx",
                "a comment starts with '#': # like this");
    expect_hint("check a <> b;", "1:9-1:11 syntax-unexpected: '<>' is not an operator in cx",
                "not equal is written '!='");
    expect_hint("check a && b;", "1:9-1:11 syntax-bad-char: '&&' is not an operator in cx",
                "write 'and'");
    expect_hint("print 'a';", "1:7-1:10 syntax-bad-char: strings use double quotes, not single",
                "write \"a\"");
}

Test(lexer, a_byte_order_mark_at_the_start_is_skipped)
{
    expect_dump("\xEF\xBB\xBFx = 1;", "(= x 1)");
    /* Columns on line 1 do not count it. */
    expect_error("\xEF\xBB\xBFx = $ 5;", "1:5-1:8 syntax-bad-char: write $5 or 5 USD");
    /* Anywhere else it is an invisible character. */
    expect_error("x = 1;\xEF\xBB\xBF",
                 "1:7-1:8 syntax-lookalike: U+FEFF ZERO WIDTH NO-BREAK SPACE is invisible (a "
                 "byte-order mark, allowed only at the start of a file): delete it");
    expect_error("\xEF\xBB\xBF\xEF\xBB\xBFx = 1;",
                 "1:1-1:2 syntax-lookalike: U+FEFF ZERO WIDTH NO-BREAK SPACE is invisible (a "
                 "byte-order mark, allowed only at the start of a file): delete it");
}
