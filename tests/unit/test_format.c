/* test_format.c - runtime/format.c: every display rule and its edges,
 * byte for byte (integers, terminating and cut decimals, the scientific
 * forms, approximate values, fixed, pct and money, money with a symbol,
 * fixed without separators). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdlib.h>
#include <string.h>
#include "../../runtime/format.h"
#include "../../runtime/number.h"

static const cx_num_ctx C = {3321929, 256};

static cx_num x;

static void setup(void) { cx_num_init(&x); }

static void teardown(void)
{
    cx_num_clear(&x);
    mpfr_free_cache();
}

TestSuite(format, .init = setup, .fini = teardown);

/* ---- helpers ---------------------------------------------------------- */

/* x = text (a plain decimal, a leading '-' allowed) / div. */
static void set_dec(cx_num *v, const char *text, int64_t div)
{
    bool neg = text[0] == '-';
    const char *t = text + neg;
    cr_assert(eq(int, cx_num_from_decimal(v, t, strlen(t), 0, &C), CX_NUM_OK), "%s", text);
    if (neg) cx_num_neg(v, v);
    if (div != 1) {
        cx_num d;
        cx_num_init(&d);
        cx_num_set_si(&d, div);
        cr_assert(eq(int, cx_num_div(v, v, &d, &C), CX_NUM_OK));
        cx_num_clear(&d);
    }
}

static void set_approx(cx_num *v, const char *text)
{
    mpfr_t f;
    mpfr_init2(f, 256);
    mpfr_set_str(f, text, 10, MPFR_RNDN);
    cx_num_set_mpfr(v, f, &C);
    mpfr_clear(f);
}

#define EXPECT(call, expect)                                                                       \
    do {                                                                                           \
        char *s_ = (call);                                                                         \
        cr_assert(s_ != NULL);                                                                     \
        cr_assert(eq(str, s_, (char *)(expect)), "%s", #call);                                     \
        free(s_);                                                                                  \
    } while (0)

#define SHOW(v, expect) EXPECT(cx_fmt_number(v, 10, true), expect)

/* ---- exact integers -------------------------------------------------- */

Test(format, integers_print_in_full_with_separators)
{
    SHOW(&x, "0");
    cx_num_set_si(&x, 999);
    SHOW(&x, "999");
    cx_num_set_si(&x, 1000);
    SHOW(&x, "1,000");
    cx_num_set_si(&x, 6000000000);
    SHOW(&x, "6,000,000,000");
    cx_num_set_si(&x, -4800000000);
    SHOW(&x, "-4,800,000,000");
    cx_num_set_si(&x, INT64_MAX);
    SHOW(&x, "9,223,372,036,854,775,807");
    cx_num_set_si(&x, INT64_MIN); /* BIG */
    SHOW(&x, "-9,223,372,036,854,775,808");
    set_dec(&x, "123456789012345678901234567890", 1);
    SHOW(&x, "123,456,789,012,345,678,901,234,567,890");
    EXPECT(cx_fmt_number(&x, 10, false), "123456789012345678901234567890");
    cx_num_set_si(&x, -1234567);
    EXPECT(cx_fmt_number(&x, 10, false), "-1234567");
}

Test(format, two_to_the_65536_prints_every_digit)
{
    cx_num two, e;
    cx_num_init(&two);
    cx_num_init(&e);
    cx_num_set_si(&two, 2);
    cx_num_set_si(&e, 65536);
    cr_assert(eq(int, cx_num_pow(&x, &two, &e, &C), CX_NUM_OK));
    char *s = cx_fmt_number(&x, 10, true);
    size_t digits = 19729, len = strlen(s);
    cr_assert(eq(sz, len, digits + (digits - 1) / 3));
    cr_assert(eq(int, strncmp(s, "2,003,529,930,406", 17), 0));
    cr_assert(eq(str, s + len - 10, (char *)"19,156,736"));
    free(s);
    cx_num_clear(&e);
    cx_num_clear(&two);
}

/* ---- terminating decimals -------------------------------------------- */

Test(format, terminating_decimals_print_in_full)
{
    set_dec(&x, "0.1", 1);
    SHOW(&x, "0.1");
    set_dec(&x, "1234.5", 1);
    SHOW(&x, "1,234.5");
    set_dec(&x, "-0.000001", 1);
    SHOW(&x, "-0.000001");
    set_dec(&x, "-1", 2);
    SHOW(&x, "-0.5");
    set_dec(&x, "1", 1048576); /* 1/2^20 */
    SHOW(&x, "0.00000095367431640625");
    set_dec(&x, "1e-12", 1); /* terminating: no scientific form */
    SHOW(&x, "0.000000000001");
    set_dec(&x, "1234567.125", 1);
    EXPECT(cx_fmt_number(&x, 3, true), "1,234,567.125"); /* digits do not cut it */
}

/* ---- cut values ------------------------------------------------------ */

Test(format, other_rationals_are_cut_with_a_mark)
{
    cx_num_set_frac(&x, 1, 3);
    SHOW(&x, "0.3333333333…");
    cx_num_set_frac(&x, 2, 3);
    SHOW(&x, "0.6666666667…");
    cx_num_set_frac(&x, -2, 3);
    SHOW(&x, "-0.6666666667…");
    cx_num_set_frac(&x, 10, 3);
    SHOW(&x, "3.333333333…");
    cx_num_set_frac(&x, 1, 7);
    EXPECT(cx_fmt_number(&x, 3, true), "0.143…");
    cx_num_set_frac(&x, 1, 30);
    SHOW(&x, "0.03333333333…");
    cx_num_set_frac(&x, 12345678901, 3); /* 4115226300.33…: ten integer digits */
    SHOW(&x, "4,115,226,300…");
    cx_num_set_frac(&x, 1234567, 3);
    SHOW(&x, "411,522.3333…");
}

Test(format, cut_values_keep_every_integer_digit)
{
    set_dec(&x, "1e30", 3);
    SHOW(&x, "333,333,333,333,333,333,333,333,333,333…");
    set_dec(&x, "2e30", 3);
    SHOW(&x, "666,666,666,666,666,666,666,666,666,667…");
    set_dec(&x, "-2e30", 3);
    SHOW(&x, "-666,666,666,666,666,666,666,666,666,667…");
}

Test(format, one_significant_digit)
{
    cx_num_set_frac(&x, 1, 3);
    EXPECT(cx_fmt_number(&x, 1, true), "0.3…");
    cx_num_set_frac(&x, 2, 3);
    EXPECT(cx_fmt_number(&x, 1, true), "0.7…");
    cx_num_set_frac(&x, 10, 3);
    EXPECT(cx_fmt_number(&x, 1, true), "3…");
    cx_num_set_frac(&x, 29, 3); /* 9.67 rounds into a new digit */
    EXPECT(cx_fmt_number(&x, 1, true), "10…");
    cx_num_set_frac(&x, 1, 3000000000);
    EXPECT(cx_fmt_number(&x, 1, true), "3…e-10");
    EXPECT(cx_fmt_number(&x, 0, true), "3…e-10"); /* digits below 1 act as 1 */
}

Test(format, rounding_that_carries_adds_a_digit_and_keeps_the_count)
{
    /* 1 - 1/(3*10^12) = 0.99999999999966…: rounds to 1.000000000 */
    set_dec(&x, "1e-12", 3);
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    cx_num_sub(&x, &one, &x, &C);
    SHOW(&x, "1.000000000…");
    cx_num_neg(&x, &x);
    SHOW(&x, "-1.000000000…");
    set_dec(&x, "2999999999", 30000); /* 99999.9999666…: no carry */
    SHOW(&x, "99,999.99997…");
    /* 99999.99999999966…: rounds to 100000.0000 (still ten significant digits) */
    set_dec(&x, "299999999999999", 3000000000);
    SHOW(&x, "100,000.0000…");
    /* 99999999999.66…: the integer part grows, nothing to drop */
    set_dec(&x, "299999999999", 3);
    SHOW(&x, "100,000,000,000…");
    cx_num_clear(&one);
}

Test(format, tiny_cut_values_use_scientific_form)
{
    cx_num_set_frac(&x, 1, 3000000000);
    SHOW(&x, "3.333333333…e-10");
    cx_num_set_frac(&x, -2, 3000000000);
    SHOW(&x, "-6.666666667…e-10");
    cx_num_set_frac(&x, 1, 300000000); /* 3.3e-9 is not below 1e-9 */
    SHOW(&x, "0.000000003333333333…");
    set_dec(&x, "1e-100", 7);
    SHOW(&x, "1.428571429…e-101");
    /* 9.99999999999966…e-10 rounds to 1.000000000e-9: fixed form */
    set_dec(&x, "2999999999999e-21", 3);
    SHOW(&x, "0.000000001000000000…");
}

/* ---- approximate values ---------------------------------------------- */

Test(format, approximate_values_are_marked_and_trimmed)
{
    cx_num two;
    cx_num_init(&two);
    cx_num_set_si(&two, 2);
    cx_num_sqrt(&x, &two, &C);
    SHOW(&x, "≈1.414213562");
    cx_num_neg(&x, &x);
    SHOW(&x, "≈-1.414213562");
    EXPECT(cx_fmt_number(&x, 3, true), "≈-1.41");
    set_approx(&x, "5");
    SHOW(&x, "≈5");
    set_approx(&x, "123456.789");
    SHOW(&x, "≈123,456.789");
    EXPECT(cx_fmt_number(&x, 10, false), "≈123456.789");
    EXPECT(cx_fmt_number(&x, 3, true), "≈123,000");
    set_approx(&x, "0.5");
    SHOW(&x, "≈0.5");
    set_approx(&x, "2.5"); /* a binary tie at one digit: away from zero */
    EXPECT(cx_fmt_number(&x, 1, true), "≈3");
    set_approx(&x, "-2.5");
    EXPECT(cx_fmt_number(&x, 1, true), "≈-3");
    set_approx(&x, "9.99999999999");
    SHOW(&x, "≈10");
    cx_num_clear(&two);
}

Test(format, approximate_zero_prints_without_sign)
{
    set_approx(&x, "0");
    SHOW(&x, "≈0");
    set_approx(&x, "-0");
    cr_assert(eq(int, mpfr_signbit(x.u.f) != 0, 1));
    SHOW(&x, "≈0");
}

Test(format, approximate_scientific_thresholds)
{
    cx_num e;
    cx_num_init(&e);
    cx_num_set_si(&e, 1000);
    cx_num_exp(&x, &e, &C);
    SHOW(&x, "≈1.970071114e434");
    set_approx(&x, "2.5e-12");
    SHOW(&x, "≈2.5e-12");
    set_approx(&x, "1e15");
    SHOW(&x, "≈1e15");
    set_approx(&x, "999999999999999.9"); /* rounds to 1e15: scientific */
    SHOW(&x, "≈1e15");
    set_approx(&x, "99999999999999.9");
    SHOW(&x, "≈100,000,000,000,000");
    set_approx(&x, "123456789012345");
    SHOW(&x, "≈123,456,789,000,000");
    set_approx(&x, "1e-9");
    SHOW(&x, "≈0.000000001");
    set_approx(&x, "9.9e-10");
    SHOW(&x, "≈9.9e-10");
    set_approx(&x, "-3e20");
    SHOW(&x, "≈-3e20");
    cx_num_clear(&e);
}

Test(format, approximate_values_with_extreme_exponents)
{
    cx_num e;
    cx_num_init(&e);
    cx_num_set_si(&e, 10000000);
    cr_assert(eq(int, cx_num_exp(&x, &e, &C), CX_NUM_OK));
    SHOW(&x, "≈6.592232535e4342944");
    EXPECT(cx_fmt_fixed(&x, 2), "≈6.592232535e4342944");
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "≈$6.592232535e4342944");
    EXPECT(cx_fmt_pct(&x, 1), "≈6.592232535e4342946%");
    cx_num_set_si(&e, -10000000);
    cr_assert(eq(int, cx_num_exp(&x, &e, &C), CX_NUM_OK));
    SHOW(&x, "≈1.516936781e-4342945");
    EXPECT(cx_fmt_fixed(&x, 2), "≈0.00");
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "≈$0.00");
    cx_num_clear(&e);
}

/* ---- fixed, pct, money ----------------------------------------------- */

Test(format, fixed_places_round_half_away_from_zero)
{
    set_dec(&x, "1234.5", 1);
    EXPECT(cx_fmt_fixed(&x, 2), "1,234.50");
    EXPECT(cx_fmt_fixed(&x, 0), "1,235");
    set_dec(&x, "-1234.5", 1);
    EXPECT(cx_fmt_fixed(&x, 0), "-1,235");
    cx_num_set_frac(&x, 2, 3);
    EXPECT(cx_fmt_fixed(&x, 2), "0.67");
    cx_num_set_frac(&x, -2, 3);
    EXPECT(cx_fmt_fixed(&x, 0), "-1");
    set_dec(&x, "-0.001", 1);
    EXPECT(cx_fmt_fixed(&x, 2), "0.00"); /* rounds to zero: no sign */
    set_dec(&x, "0.05", 1);
    EXPECT(cx_fmt_fixed(&x, 1), "0.1");
    set_dec(&x, "0.005", 1);
    EXPECT(cx_fmt_fixed(&x, 3), "0.005");
    EXPECT(cx_fmt_fixed(&x, -3), "0"); /* negative places act as 0 */
    cx_num_set_si(&x, 0);
    EXPECT(cx_fmt_fixed(&x, 2), "0.00");
    cx_num two;
    cx_num_init(&two);
    cx_num_set_si(&two, 2);
    cx_num_sqrt(&x, &two, &C);
    EXPECT(cx_fmt_fixed(&x, 3), "≈1.414");
    cx_num_neg(&x, &x);
    EXPECT(cx_fmt_fixed(&x, 3), "≈-1.414");
    cx_num_clear(&two);
}

Test(format, pct_multiplies_by_one_hundred)
{
    set_dec(&x, "0.5060", 1);
    EXPECT(cx_fmt_pct(&x, 1), "50.6%");
    cx_num_set_frac(&x, 1, 3);
    EXPECT(cx_fmt_pct(&x, 1), "33.3%");
    EXPECT(cx_fmt_pct(&x, 0), "33%");
    set_dec(&x, "-0.125", 1);
    EXPECT(cx_fmt_pct(&x, 1), "-12.5%");
    set_dec(&x, "-0.00125", 1);
    EXPECT(cx_fmt_pct(&x, 1), "-0.1%");
    set_dec(&x, "12345", 1);
    EXPECT(cx_fmt_pct(&x, 1), "1,234,500.0%");
    set_approx(&x, "0.61");
    EXPECT(cx_fmt_pct(&x, 1), "≈61.0%");
}

Test(format, money_scales_to_millions_billions_trillions)
{
    cx_num_set_si(&x, 6000000000);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$6.00B");
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$6B");
    cx_num_set_si(&x, -4800000000);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "-$4.80B");
    set_dec(&x, "1234.5", 1);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1,234.50");
    cx_num_set_si(&x, 999990000);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$999.99M");
    cx_num_set_si(&x, 1500000000000);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1.50T");
    set_dec(&x, "1.5e15", 1);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1,500.00T");
    cx_num_set_si(&x, 1000000);
    EXPECT(cx_fmt_money_as(&x, 1, "$"), "$1.0M");
    cx_num_set_si(&x, 0);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$0.00");
    set_dec(&x, "-0.001", 1);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$0.00");
}

Test(format, money_picks_the_scale_from_the_rounded_value)
{
    cx_num_set_si(&x, 999995000);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1.00B");
    cx_num_set_si(&x, -999995000);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "-$1.00B");
    cx_num_set_si(&x, 999994999);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$999.99M");
    set_dec(&x, "999999.995", 1);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1.00M");
    set_dec(&x, "999999.994", 1);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$999,999.99");
    cx_num_set_si(&x, 999500000000);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$1,000B"); /* "$1T" would keep one inexact digit */
}

Test(format, approximate_money_is_marked)
{
    cx_num two, bn;
    cx_num_init(&two);
    cx_num_init(&bn);
    cx_num_set_si(&two, 2);
    cx_num_set_si(&bn, -1000000000);
    cx_num_sqrt(&x, &two, &C);
    cx_num_mul(&x, &x, &bn, &C);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "≈-$1.41B");
    cx_num_clear(&bn);
    cx_num_clear(&two);
}

Test(format, large_approximate_values_leave_the_fixed_forms)
{
    set_approx(&x, "999999999999999");
    EXPECT(cx_fmt_fixed(&x, 0), "≈999,999,999,999,999");
    set_approx(&x, "1e15");
    EXPECT(cx_fmt_fixed(&x, 2), "≈1e15");
    set_approx(&x, "-1e13");
    EXPECT(cx_fmt_pct(&x, 1), "≈-1e15%");
    set_approx(&x, "1.5e26");
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "≈$150,000,000,000,000.00T");
    set_approx(&x, "-1.5e27");
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "≈-$1.5e27");
    set_dec(&x, "1.5e27", 1); /* exact values are always written out */
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1,500,000,000,000,000.00T");
}

/* ---- money with a symbol (cx_fmt_money_as), fixed without separators ------- */

Test(format, money_as_keeps_a_scale_only_with_two_digits_or_exact)
{
    cx_num_set_si(&x, 1580192);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$1,580,192"); /* not "$2M" */
    EXPECT(cx_fmt_money_as(&x, 1, "$"), "$1.6M");
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1.58M");
    cx_num_set_si(&x, 6000000000);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$6B"); /* one digit, but exact */
    cx_num_set_si(&x, 4800000000);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$4,800M");
    EXPECT(cx_fmt_money_as(&x, 1, "$"), "$4.8B");
    cx_num_set_si(&x, 15400000);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$15M"); /* two digits */
    cx_num_set_si(&x, 1500000000000);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$1,500B");
    cx_num_set_si(&x, 1000000);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$1M");
    set_dec(&x, "999999.5", 1);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$1,000,000"); /* carried to "1M", inexact */
    set_dec(&x, "1234.5", 1);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1,234.50");
    cx_num_set_si(&x, 0);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$0");
}

Test(format, money_as_steps_down_one_scale_after_a_carry)
{
    cx_num_set_si(&x, 999999999); /* "$1B" would round away a unit */
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "$1,000M");
    cx_num_set_si(&x, 999995000);
    EXPECT(cx_fmt_money_as(&x, 2, "$"), "$1.00B");
    cx_num_set_si(&x, -999999999);
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "-$1,000M");
}

Test(format, money_as_writes_a_symbol_or_a_code)
{
    cx_num_set_si(&x, 6000000000);
    EXPECT(cx_fmt_money_as(&x, 1, "EUR"), "EUR 6.0B");
    EXPECT(cx_fmt_money_as(&x, 0, "€"), "€6B");
    EXPECT(cx_fmt_money_as(&x, 2, "US$"), "US$6.00B");
    EXPECT(cx_fmt_money_as(&x, 2, ""), "6.00B");
    EXPECT(cx_fmt_money_as(&x, 2, NULL), "$6.00B");
    cx_num_set_si(&x, -4800000000);
    EXPECT(cx_fmt_money_as(&x, 2, "chf"), "-chf 4.80B");
    EXPECT(cx_fmt_money_as(&x, 2, "£"), "-£4.80B");
    set_dec(&x, "-0.001", 1);
    EXPECT(cx_fmt_money_as(&x, 2, "EUR"), "EUR 0.00"); /* rounds to zero: no sign */
}

Test(format, money_as_marks_approximate_values)
{
    cx_num two, bn;
    cx_num_init(&two);
    cx_num_init(&bn);
    cx_num_set_si(&two, 2);
    cx_num_set_si(&bn, -1000000000);
    cx_num_sqrt(&x, &two, &C);
    cx_num_mul(&x, &x, &bn, &C);
    EXPECT(cx_fmt_money_as(&x, 2, "€"), "≈-€1.41B");
    EXPECT(cx_fmt_money_as(&x, 0, "EUR"), "≈-EUR 1,414M");
    cx_num_clear(&bn);
    cx_num_clear(&two);
    set_approx(&x, "-1.5e27");
    EXPECT(cx_fmt_money_as(&x, 2, "EUR"), "≈-EUR 1.5e27");
    set_approx(&x, "6e9"); /* a dyadic 6e9 is exact: no step down */
    EXPECT(cx_fmt_money_as(&x, 0, "$"), "≈$6B");
}

Test(format, fixed_plain_has_no_separators)
{
    cx_num_set_si(&x, 2031);
    EXPECT(cx_fmt_fixed_plain(&x, 0), "2031");
    set_dec(&x, "-1234567.891", 1);
    EXPECT(cx_fmt_fixed_plain(&x, 2), "-1234567.89");
    set_approx(&x, "1234.5");
    EXPECT(cx_fmt_fixed_plain(&x, 1), "≈1234.5");
    set_approx(&x, "1e15");
    EXPECT(cx_fmt_fixed_plain(&x, 0), "≈1e15");
}

/* ---- the figure a display shows (cx_fmt_shown) ------------------------------ */

/* Checks that x shows at 10 digits as `shown_text` (a plain decimal), with
 * its last digit at 10^place and `zeros` zeros ending a point-less text. */
static void expect_shown(const char *shown_text, int64_t place, int64_t zeros)
{
    cx_num shown, want;
    cx_num_init(&shown);
    cx_num_init(&want);
    int64_t p = 99, z = 99;
    cr_assert(eq(int, cx_fmt_shown(&x, 10, &shown, &p, &z, &C), CX_NUM_OK));
    set_dec(&want, shown_text, 1);
    char *got = cx_fmt_number(&shown, 30, false);
    cr_expect(cx_num_eq(&shown, &want), "shown %s, expected %s", got, shown_text);
    free(got);
    cr_expect(eq(i64, p, place));
    cr_expect(eq(i64, z, zeros));
    cx_num_clear(&shown);
    cx_num_clear(&want);
}

Test(format, shown_integer_is_itself_with_its_trailing_zeros)
{
    set_dec(&x, "6000000000", 1);
    expect_shown("6000000000", 0, 9);
    set_dec(&x, "-4800", 1);
    expect_shown("-4800", 0, 2);
}

Test(format, shown_terminating_decimal_is_itself)
{
    set_dec(&x, "4.80", 1);
    expect_shown("4.8", -1, 0);
    set_dec(&x, "-0.000001", 1);
    expect_shown("-0.000001", -6, 0);
}

Test(format, shown_cut_value_is_the_rounded_one)
{
    set_dec(&x, "2", 3);
    expect_shown("0.6666666667", -10, 0);
    set_dec(&x, "-2000000000000", 3); /* -666,666,666,667… : whole digits only */
    expect_shown("-666666666667", 0, 0);
    set_dec(&x, "1", 700000000000000); /* 1.428571429…e-15: scientific */
    expect_shown("0.000000000000001428571429", -24, 0);
}

Test(format, shown_approximate_value_has_trimmed_digits)
{
    set_approx(&x, "1500.00000000001");
    expect_shown("1500", 0, 2);
    set_approx(&x, "1.4142135623730951e-12");
    expect_shown("0.000000000001414213562", -21, 0);
    set_approx(&x, "-2.5e20");
    expect_shown("-250000000000000000000", 19, 0);
}

Test(format, shown_integer_of_thousands_of_digits)
{
    set_dec(&x, "1", 1);
    cx_num ten;
    cx_num_init(&ten);
    cx_num_set_si(&ten, 10);
    for (int i = 0; i < 2047; i++) cr_assert(eq(int, cx_num_mul(&x, &x, &ten, &C), CX_NUM_OK));
    cx_num shown;
    cx_num_init(&shown);
    int64_t p, z;
    cr_assert(eq(int, cx_fmt_shown(&x, 10, &shown, &p, &z, &C), CX_NUM_OK));
    cr_expect(cx_num_eq(&shown, &x));
    cr_expect(eq(i64, p, 0));
    cr_expect(eq(i64, z, 2047));
    cx_num_clear(&shown);
    cx_num_clear(&ten);
}
