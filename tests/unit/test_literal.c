/* test_literal.c - number literal values and written precision, string
 * decoding, and the UTF-8 helpers. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <gmp.h>
#include <stdio.h>
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

/* ---- pasted input ---------------------------------------------------------- */

Test(literal, lookalike_table_is_sorted_and_found)
{
    const cx_lookalike *l = cx_lookalike_find(0x2212);
    cr_assert(not(eq(ptr, (void *)l, NULL)));
    cr_assert(STR_EQ(l->name, "MINUS SIGN"));
    cr_assert(eq(int, l->kind, CX_LOOK_MINUS));
    uint32_t every[] = {0x00A0, 0x202F, 0x2013, 0x2014, 0x201C, 0x201D, 0x2018,
                        0x2019, 0x00D7, 0x2026, 0xFEFF, 0x200B, 0x00AD, 0xFF0D};
    for (size_t i = 0; i < sizeof every / sizeof every[0]; i++)
        cr_assert(not(eq(ptr, (void *)cx_lookalike_find(every[i]), NULL)), "U+%04X",
                  (unsigned)every[i]);
    cr_assert(eq(ptr, (void *)cx_lookalike_find('-'), NULL));
    cr_assert(eq(ptr, (void *)cx_lookalike_find(0xE9), NULL)); /* é is a letter */
    cr_assert(eq(ptr, (void *)cx_lookalike_find(0x202E), NULL));
}

Test(literal, number_words_map_to_suffixes_with_case)
{
    cx_number_word w;
    cr_assert(cx_literal_number_word("m", 1, &w));
    cr_assert(STR_EQ(w.suffix, "M"));
    cr_assert(STR_EQ(w.meaning, "M is millions"));
    cr_assert(cx_literal_number_word("K", 1, &w));
    cr_assert(STR_EQ(w.suffix, "k"));
    cr_assert(cx_literal_number_word("Billion", 7, &w));
    cr_assert(STR_EQ(w.suffix, "B"));
    cr_assert(cx_literal_number_word("USD", 3, &w));
    cr_assert(STR_EQ(w.suffix, ""));
    cr_assert(cx_literal_number_word("bps", 3, &w));
    cr_assert(STR_EQ(w.suffix, "bp"));
    cr_assert(not(cx_literal_number_word("apples", 6, &w)));
    cr_assert(not(cx_literal_number_word("", 0, &w)));
}

/* cx_literal_number_fix(text) gives want (NULL: no sure rewrite). */
static void expect_fix(const char *text, const char *want, const char *meaning)
{
    cx_number_fix f;
    bool ok = cx_literal_number_fix(text, strlen(text), &f);
    if (!want) {
        cr_assert(not(ok), "%s fixed as %s", text, f.text);
        return;
    }
    cr_assert(ok, "%s", text);
    cr_assert(STR_EQ(f.text, want));
    if (meaning) cr_assert(STR_EQ(f.meaning, meaning));
    else cr_assert(eq(ptr, (void *)f.meaning, NULL));
}

Test(literal, pasted_numbers_are_rewritten_only_when_sure)
{
    expect_fix("125B", "125B", NULL);
    expect_fix("1.5bn", "1.5B", "B is billions");
    expect_fix("40.1m", "40.1M", "M is millions");
    expect_fix("5K", "5k", "k is thousands");
    expect_fix("14,000", "14_000", NULL);
    expect_fix("1,234,567.5", "1_234_567.5", NULL);
    expect_fix(".5", "0.5", NULL);
    expect_fix("5USD", "5", "a currency is written in capitals after a space (125 USD)");
    expect_fix("1e9", "1e9", NULL);
    expect_fix("12abc", NULL, NULL);
    expect_fix("007", NULL, NULL);
    expect_fix("1__0", NULL, NULL);
    expect_fix(".", NULL, NULL);
    cr_assert(eq(sz, cx_literal_number_extent("125B);", 6), 4));
    cr_assert(eq(sz, cx_literal_number_extent("14,000, 2", 9), 6));
    cr_assert(eq(sz, cx_literal_number_extent("1,50", 4), 1));
    cr_assert(eq(sz, cx_literal_number_extent("x1", 2), 0));
}

Test(literal, pasted_periods_are_rewritten)
{
    char out[8];
    const char *why;
    cr_assert(cx_literal_period_fix("2024q1", 6, out, &why));
    cr_assert(STR_EQ(out, "2024Q1"));
    cr_assert(STR_EQ(why, "a quarter is written with a capital Q"));
    cr_assert(cx_literal_period_fix("2024-H2", 7, out, &why));
    cr_assert(STR_EQ(out, "2024H2"));
    cr_assert(cx_literal_period_fix("3Q25", 4, out, &why));
    cr_assert(STR_EQ(out, "2025Q3"));
    cr_assert(cx_literal_period_fix("1H2023", 6, out, &why));
    cr_assert(STR_EQ(out, "2023H1"));
    cr_assert(not(cx_literal_period_fix("2024Q1", 6, out, &why))); /* already a period */
    cr_assert(not(cx_literal_period_fix("2024q5", 6, out, &why)));
    cr_assert(not(cx_literal_period_fix("2024h3", 6, out, &why)));
    cr_assert(not(cx_literal_period_fix("5Q24", 4, out, &why)));
    cr_assert(not(cx_literal_period_fix("2024x1", 6, out, &why)));
}

Test(literal, bad_number_hints_name_the_fix)
{
    char h[160];
    cx_literal_bad_number_hint("40.1m", 5, h, sizeof h);
    cr_assert(STR_EQ(h, "'m' is not a suffix: M is millions; write 40.1M"));
    cx_literal_bad_number_hint("1_", 2, h, sizeof h);
    cr_assert(STR_EQ(h, "'_' goes only between two digits: 1_000"));
    cx_literal_bad_number_hint("5%x", 3, h, sizeof h);
    cr_assert(STR_EQ(h, "a number ends at its suffix: nothing follows '%'"));
    cx_literal_bad_number_hint("12abc", 5, h, sizeof h);
    cr_assert(STR_EQ(h, "'abc' is not a suffix; the suffixes are k M B T % bp pp"));
}

/* Literals up to 61 bytes are read in a stack buffer, longer ones in a heap
 * one: the same values on both sides of the boundary, with underscores,
 * fractions, exponents and suffixes. */
Test(literal, values_are_the_same_either_side_of_the_stack_buffer)
{
    char text[128], value[256];
    for (size_t n = 55; n <= 70; n++) {
        /* n digits of 1: an integer */
        memset(text, '1', n);
        text[n] = '\0';
        snprintf(value, sizeof value, "%s", text);
        expect_literal(text, value, 0, 0, true);
        /* 1.1…1% with n bytes: (n - 2 digits) / 10^(n - 3) / 100 */
        memset(text, '1', n);
        text[1] = '.';
        text[n - 1] = '%';
        text[n] = '\0';
        char digits[128];
        memset(digits, '1', n - 2);
        digits[n - 2] = '\0';
        snprintf(value, sizeof value, "%s/1%0*d", digits, (int)(n - 1), 0);
        expect_literal(text, value, -(int64_t)(n - 3) - 2, '%', false);
        /* 1_000_…_000e2 with n bytes or so: underscores and an exponent */
        size_t k = 0;
        text[k++] = '1';
        while (k + 4 <= n - 2) {
            memcpy(text + k, "_000", 4);
            k += 4;
        }
        size_t zeros = (k - 1) / 4 * 3;
        memcpy(text + k, "e2", 3);
        memset(value, '0', zeros + 3);
        value[0] = '1';
        value[zeros + 3] = '\0';
        expect_literal(text, value, 2, 0, false);
    }
}

/* Everyday literals (up to 18 digits, a fraction, a suffix) are read with
 * machine integers, the rest by the general reading: random literals of
 * every length around the 18-digit and int64 edges, with and without a
 * fraction, each suffix, against an exact value computed here with GMP. */
Test(literal, plain_and_general_readings_agree_with_gmp)
{
    static const struct {
        const char *text;
        long scale10;
    } sfx[] = {{"", 0}, {"k", 3}, {"M", 6}, {"B", 9}, {"T", 12}, {"%", -2}, {"bp", -4}, {"pp", -2}};
    uint64_t seed = 0x2545f4914f6cdd1dULL;
    mpq_t want, got;
    mpq_init(want);
    mpq_init(got);
    mpz_t p10;
    mpz_init(p10);
    for (int iter = 0; iter < 20000; iter++) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        size_t ints = 1 + seed % 21, fracs = (seed >> 8) % 22;
        if ((seed >> 16) % 3 == 0) fracs = 0;
        size_t si = (seed >> 20) % (sizeof sfx / sizeof sfx[0]);
        char text[80], digits[64];
        size_t n = 0, d = 0;
        uint64_t r = seed;
        for (size_t k = 0; k < ints + fracs; k++) {
            r = r * 6364136223846793005ULL + 1442695040888963407ULL;
            char c = (char)('0' + (r >> 60) % 10);
            if (k == 0 && ints > 1 && c == '0') c = '7'; /* no leading zero */
            if ((seed >> 24) % 5 == 0) c = '9';          /* all nines: the edges */
            if (k == ints) text[n++] = '.';
            text[n++] = c;
            digits[d++] = c;
        }
        digits[d] = '\0';
        size_t sl = strlen(sfx[si].text);
        memcpy(text + n, sfx[si].text, sl + 1);
        n += sl;
        /* want = digits * 10^(scale10 - fracs) */
        cr_assert(eq(int, mpz_set_str(mpq_numref(want), digits, 10), 0));
        mpz_set_ui(mpq_denref(want), 1);
        long e = sfx[si].scale10 - (long)fracs;
        mpz_ui_pow_ui(p10, 10, (unsigned long)(e < 0 ? -e : e));
        if (e >= 0) mpz_mul(mpq_numref(want), mpq_numref(want), p10);
        else mpz_set(mpq_denref(want), p10);
        mpq_canonicalize(want);
        cx_num x;
        cx_num_init(&x);
        cx_literal_info info;
        cr_assert(eq(int, cx_literal_number(text, n, &ctx, &x, &info), CX_LIT_OK), "%s", text);
        cx_num_get_mpq(&x, got);
        cr_assert(mpq_equal(got, want), "%s", text);
        bool fits =
            mpz_sizeinbase(mpq_numref(want), 2) <= 63 && mpz_sizeinbase(mpq_denref(want), 2) <= 63;
        cr_assert(eq(int, (int)x.kind, fits ? (int)CX_NUM_SMALL : (int)CX_NUM_BIG), "%s", text);
        cr_assert(eq(i64, info.quantum10, e), "%s", text);
        cr_assert(eq(sz, info.digits, ints + fracs), "%s", text);
        cr_assert(eq(int, info.is_int_text, fracs == 0 && si == 0), "%s", text);
        cr_assert(eq(i64, (int64_t)info.scale10, (int64_t)sfx[si].scale10), "%s", text);
        /* Under a size limit below 64 bits the general reading decides. */
        static const cx_num_ctx tiny = {.max_bits = 20, .prec = 64};
        cx_literal_status st = cx_literal_number(text, n, &tiny, &x, &info);
        bool small =
            mpz_sizeinbase(mpq_numref(want), 2) <= 20 && mpz_sizeinbase(mpq_denref(want), 2) <= 20;
        cr_assert(eq(int, st, small ? CX_LIT_OK : CX_LIT_TOO_BIG), "%s under 20 bits", text);
        cx_num_clear(&x);
    }
    mpz_clear(p10);
    mpq_clear(got);
    mpq_clear(want);
}
