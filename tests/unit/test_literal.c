/* test_literal.c - number literal values and written precision, string
 * decoding, and the UTF-8 helpers. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <gmp.h>
#include <string.h>
#include "../../lang/literal.h"
#include "../../runtime/limits.h"

/* -Wwrite-strings makes literals const; Criterion's str tag wants char *. */
#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

static const cx_num_ctx ctx = {.max_bits = 3322001, .prec = 256};

/* Reads `text`, which must be a valid literal, and checks its exact value
 * (as "num/den") and written precision. */
static void expect_literal(const char *text, const char *value, int64_t quantum10, char suffix,
                           bool is_int_text)
{
    cx_num x;
    cx_num_init(&x);
    cx_literal_info info;
    cr_assert(eq(int, cx_literal_number(text, strlen(text), &ctx, &x, &info), CX_LIT_OK), "%s",
              text);
    mpq_t got, want;
    mpq_init(got);
    mpq_init(want);
    cx_num_get_mpq(&x, got);
    cr_assert(eq(int, mpq_set_str(want, value, 10), 0));
    mpq_canonicalize(want);
    cr_assert(mpq_equal(got, want), "%s: value", text);
    cr_assert(eq(i64, info.quantum10, quantum10), "%s: quantum10", text);
    cr_assert(eq(chr, info.suffix, suffix), "%s: suffix", text);
    cr_assert(eq(int, info.is_int_text, is_int_text), "%s: is_int_text", text);
    mpq_clear(got);
    mpq_clear(want);
    cx_num_clear(&x);
}

Test(literal, four_spellings_of_125_billion_are_equal)
{
    expect_literal("125e9", "125000000000", 9, 0, false);
    expect_literal("1.25e11", "125000000000", 9, 0, false);
    expect_literal("125B", "125000000000", 9, 'B', false);
    expect_literal("125_000_000_000", "125000000000", 0, 0, true);
}

Test(literal, decimals_are_exact)
{
    expect_literal("0.1", "1/10", -1, 0, false);
    expect_literal("0.25", "1/4", -2, 0, false);
    expect_literal("1_000.000_5", "2000001/2000", -4, 0, false);
    expect_literal("5e-3", "1/200", -3, 0, false);
    expect_literal("2.50E+1", "25", -1, 0, false);
}

Test(literal, suffixes_scale_by_powers_of_ten)
{
    expect_literal("200k", "200000", 3, 'k', false);
    expect_literal("6M", "6000000", 6, 'M', false);
    expect_literal("4.8B", "4800000000", 8, 'B', false);
    expect_literal("1.5T", "1500000000000", 11, 'T', false);
    expect_literal("13%", "13/100", -2, '%', false);
    expect_literal("61%", "61/100", -2, '%', false);
    expect_literal("61.5%", "123/200", -3, '%', false);
    expect_literal("25bp", "1/400", -4, 'b', false);
    expect_literal("1e3k", "1000000", 6, 'k', false);
}

Test(literal, plain_integers_are_int_text)
{
    expect_literal("30_000", "30000", 0, 0, true);
    expect_literal("2025", "2025", 0, 0, true);
    expect_literal("0", "0", 0, 0, true);
}

Test(literal, zero_with_a_huge_exponent_is_zero)
{
    expect_literal("0e999999999", "0", 999999999, 0, false);
}

static cx_literal_status status_of(const char *text)
{
    cx_num x;
    cx_num_init(&x);
    cx_literal_info info;
    cx_literal_status st = cx_literal_number(text, strlen(text), &ctx, &x, &info);
    cx_num_clear(&x);
    return st;
}

Test(literal, malformed_text_is_refused)
{
    const char *bad[] = {"1__0", "1_", "_1", "1e", "1.", "125Bx", "25b", "1e+", "", "1.5.3"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert(eq(int, status_of(bad[i]), CX_LIT_BAD), "%s", bad[i]);
}

Test(literal, huge_exponent_is_too_big_without_computing)
{
    cr_assert(eq(int, status_of("1e999999999"), CX_LIT_TOO_BIG));
    cr_assert(eq(int, status_of("1e-999999999"), CX_LIT_TOO_BIG));
    cr_assert(eq(int, status_of("7e99999999999999999999999999"), CX_LIT_TOO_BIG));
}

Test(literal, too_many_digits_is_its_own_limit)
{
    char text[CX_MAX_LITERAL_DIGITS + 2];
    memset(text, '9', CX_MAX_LITERAL_DIGITS);
    text[CX_MAX_LITERAL_DIGITS] = '\0';
    cr_assert(eq(int, status_of(text), CX_LIT_OK));
    text[CX_MAX_LITERAL_DIGITS] = '9';
    text[CX_MAX_LITERAL_DIGITS + 1] = '\0';
    cr_assert(eq(int, status_of(text), CX_LIT_TOO_LONG));
}

Test(literal, digits_limit_inverts_the_state_formula)
{
    long digits[] = {1, 7, 10, 999, 1000, 123457, 1000000};
    for (size_t i = 0; i < sizeof digits / sizeof *digits; i++) {
        long bits = digits[i] * 3322 / 1000 + 1;
        cr_assert(eq(long, cx_literal_digits_for_bits(bits), digits[i]));
    }
}

/* ---- strings ---------------------------------------------------------------- */

static void expect_decoded(const char *body, const char *want)
{
    size_t len = strlen(body);
    char out[256];
    size_t out_len = 0;
    cx_literal_bad bad;
    cr_assert(cx_literal_string(body, len, out, &out_len, &bad), "%s", body);
    cr_assert(eq(sz, out_len, strlen(want)));
    cr_assert(STR_EQ(out, (char *)want));
}

static void expect_bad(const char *body, size_t at, size_t len, const char *message)
{
    char out[256];
    size_t out_len = 0;
    cx_literal_bad bad;
    cr_assert(not(cx_literal_string(body, strlen(body), out, &out_len, &bad)), "%s", body);
    cr_assert(eq(sz, bad.at, at));
    cr_assert(eq(sz, bad.len, len));
    cr_assert(STR_EQ(bad.message, (char *)message));
}

Test(literal, string_escapes)
{
    expect_decoded("plain", "plain");
    expect_decoded("a\\\"b\\\\c", "a\"b\\c");
    expect_decoded("\\n\\t\\r", "\n\t\r");
    expect_decoded("\\u{41}\\u{e9}\\u{20AC}\\u{1F600}", "Aé€😀");
    expect_decoded("\\u{10FFFF}", "\xf4\x8f\xbf\xbf");
    expect_decoded("raw\nnewline é", "raw\nnewline é");
    expect_decoded("", "");
}

Test(literal, bad_string_escapes)
{
    expect_bad("a\\qb", 1, 2, "unknown escape '\\q' in string");
    expect_bad("\\\x1b", 0, 2, "unknown escape in string: '\\' before U+001B");
    expect_bad("\\ ", 0, 2, "unknown escape in string: '\\' before U+0020");
    expect_bad("x\\u{D800}", 1, 8,
               "invalid escape '\\u{D800}' in string: a surrogate is not a character");
    expect_bad("\\u{1234567}", 0, 11,
               "invalid escape in string: \\u needs 1 to 6 hex digits in braces, as in \\u{20AC}");
    expect_bad("\\u{12", 0, 5,
               "invalid escape in string: \\u needs 1 to 6 hex digits in braces, as in \\u{20AC}");
}

/* ---- UTF-8 ------------------------------------------------------------------ */

Test(literal, utf8_decoding_refuses_invalid_forms)
{
    uint32_t cp;
    cr_assert(eq(sz, cx_utf8_decode("é", 2, &cp), 2));
    cr_assert(eq(u32, cp, 0xE9));
    cr_assert(eq(sz, cx_utf8_decode("€", 3, &cp), 3));
    cr_assert(eq(u32, cp, 0x20AC));
    cr_assert(eq(sz, cx_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4));
    cr_assert(eq(u32, cp, 0x1F600));
    cr_assert(eq(sz, cx_utf8_decode("\xc0\x80", 2, &cp), 0));         /* overlong NUL */
    cr_assert(eq(sz, cx_utf8_decode("\xed\xa0\x80", 3, &cp), 0));     /* surrogate */
    cr_assert(eq(sz, cx_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0)); /* above U+10FFFF */
    cr_assert(eq(sz, cx_utf8_decode("\xe2\x82", 2, &cp), 0));         /* truncated */
    cr_assert(eq(sz, cx_utf8_decode("\xff", 1, &cp), 0));
}

Test(literal, utf8_encoding_round_trips)
{
    uint32_t cps[] = {0x41, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFF, 0x10000, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
        char buf[4];
        size_t n = cx_utf8_encode(cps[i], buf);
        uint32_t back;
        cr_assert(eq(sz, cx_utf8_decode(buf, n, &back), n));
        cr_assert(eq(u32, back, cps[i]));
    }
}

Test(literal, describing_a_character_never_copies_a_control_byte)
{
    char buf[16];
    cr_assert(STR_EQ((char *)cx_utf8_describe("é", 2, buf), "'é'"));
    cr_assert(STR_EQ((char *)cx_utf8_describe("@", 1, buf), "'@'"));
    cr_assert(STR_EQ((char *)cx_utf8_describe("\x1b", 1, buf), "U+001B"));
    cr_assert(STR_EQ((char *)cx_utf8_describe("\xc2\x9b", 2, buf), "U+009B"));
    cr_assert(STR_EQ((char *)cx_utf8_describe("\xe2\x80\xae", 3, buf), "U+202E"));
    cr_assert(STR_EQ((char *)cx_utf8_describe("\xff", 1, buf), "byte 0xFF"));
    cr_assert(cx_utf8_is_control(0x1B));
    cr_assert(cx_utf8_is_control(0x7F));
    cr_assert(cx_utf8_is_control(0x85));
    cr_assert(not(cx_utf8_is_control('\t')));
    cr_assert(not(cx_utf8_is_control(0xA0)));
}
