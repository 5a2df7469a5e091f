/* test_unit.c - runtime/unit.c: parsing units, their dimensions and exact
 * factors, products that cancel, display, the mismatch message, and the
 * round-trip property (x as USD/qtr) as USD/yr == x over many values. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdlib.h>
#include <string.h>
#include "../../runtime/unit.h"

static bool counts(void *ud, const char *name, size_t len)
{
    (void)ud;
    return (len == 8 && memcmp(name, "employee", 8) == 0) ||
           (len == 4 && memcmp(name, "head", 4) == 0);
}

static cx_uom *parse(const char *text)
{
    cx_uom *u = NULL;
    size_t at, len;
    mpq_t f;
    mpq_init(f);
    cx_uom_parse_status st = cx_uom_parse(text, strlen(text), counts, NULL, &u, f, &at, &len);
    cr_assert(eq(int, st, CX_UOM_PARSE_OK), "%s", text);
    mpq_clear(f);
    return u;
}

static void text_is(const cx_uom *u, const char *want)
{
    char *t = cx_uom_text(u);
    cr_assert(eq(str, t, (char *)want));
    free(t);
}

Test(unit, parse_and_text)
{
    const char *cases[] = {"USD", "USD/qtr", "USD/employee/yr", "day/yr", "USD*yr^2", "EUR/week"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cx_uom *u = parse(cases[i]);
        text_is(u, cases[i]);
        cx_uom_unref(u);
    }
}

Test(unit, parse_errors)
{
    cx_uom *u = NULL;
    size_t at, len;
    cr_assert(eq(int, cx_uom_parse("USD/apples", 10, counts, NULL, &u, NULL, &at, &len),
                 CX_UOM_PARSE_UNKNOWN));
    cr_assert(eq(sz, at, 4));
    cr_assert(eq(sz, len, 6));
    cr_assert(
        eq(int, cx_uom_parse("usd", 3, counts, NULL, &u, NULL, &at, &len), CX_UOM_PARSE_UNKNOWN));
    cr_assert(eq(int, cx_uom_parse("USD//yr", 7, counts, NULL, &u, NULL, &at, &len),
                 CX_UOM_PARSE_SYNTAX));
    cr_assert(eq(int, cx_uom_parse("yr^999", 6, counts, NULL, &u, NULL, &at, &len),
                 CX_UOM_PARSE_TOO_LARGE));
    cr_assert_null(u);
}

Test(unit, parse_cancels_with_factor)
{
    cx_uom *u = (cx_uom *)1;
    size_t at, len;
    mpq_t f;
    mpq_init(f);
    cr_assert(eq(int, cx_uom_parse("yr/qtr", 6, counts, NULL, &u, f, &at, &len), CX_UOM_PARSE_OK));
    cr_assert_null(u);
    cr_assert(eq(int, mpq_cmp_si(f, 4, 1), 0));
    mpq_clear(f);
}

Test(unit, dimensions_and_factors)
{
    cx_uom *q = parse("USD/qtr"), *y = parse("USD/yr"), *d = parse("USD/day"), *e = parse("EUR/yr"),
           *m = parse("USD/mo"), *w = parse("USD/week");
    cr_assert(cx_uom_same_dim(q, y));
    cr_assert(cx_uom_same_dim(q, m));
    cr_assert_not(cx_uom_same_dim(q, d)); /* two time families */
    cr_assert_not(cx_uom_same_dim(y, e)); /* two currencies */
    cr_assert(cx_uom_same_dim(d, w));
    cr_assert_not(cx_uom_same_dim(y, NULL));
    mpq_t f;
    mpq_init(f);
    cx_uom_factor(q, y, f); /* 1 USD/qtr = 4 USD/yr */
    cr_assert(eq(int, mpq_cmp_si(f, 4, 1), 0));
    cx_uom_factor(m, q, f); /* 1 USD/mo = 3 USD/qtr */
    cr_assert(eq(int, mpq_cmp_si(f, 3, 1), 0));
    cx_uom_factor(w, d, f); /* 1 USD/week = 1/7 USD/day */
    cr_assert(eq(int, mpq_cmp_si(f, 1, 7), 0));
    mpq_clear(f);
    cx_uom *units[] = {q, y, d, e, m, w};
    for (int i = 0; i < 6; i++) cx_uom_unref(units[i]);
}

Test(unit, products_cancel)
{
    cx_uom *q = parse("USD/qtr"), *yr = parse("yr"), *dpy = parse("day/yr"),
           *usdday = parse("USD/day"), *rate = parse("USD/EUR"), *eur = parse("EUR"), *r = NULL;
    mpq_t f;
    mpq_init(f);
    cr_assert(cx_uom_mul(q, yr, 1, &r, f) == CX_UOM_OK); /* USD/qtr * yr = 4 USD */
    text_is(r, "USD");
    cr_assert(eq(int, mpq_cmp_si(f, 4, 1), 0));
    cx_uom_unref(r);
    cr_assert(cx_uom_mul(usdday, dpy, 1, &r, f) == CX_UOM_OK); /* USD/day * day/yr = USD/yr */
    text_is(r, "USD/yr");
    cr_assert(eq(int, mpq_cmp_si(f, 1, 1), 0));
    cx_uom_unref(r);
    cr_assert(cx_uom_mul(eur, rate, 1, &r, f) == CX_UOM_OK); /* EUR * USD/EUR = USD */
    text_is(r, "USD");
    cx_uom_unref(r);
    cr_assert(cx_uom_mul(q, q, -1, &r, f) == CX_UOM_OK); /* a ratio has no unit */
    cr_assert_null(r);
    cr_assert(cx_uom_pow(yr, 2, &r) == CX_UOM_OK);
    text_is(r, "yr^2");
    cx_uom_unref(r);
    mpq_clear(f);
    cx_uom *units[] = {q, yr, dpy, usdday, rate, eur};
    for (int i = 0; i < 6; i++) cx_uom_unref(units[i]);
}

static void show_is(const char *num, const char *unit, const char *want)
{
    cx_uom *u = unit ? parse(unit) : NULL;
    char *t = cx_uom_show(num, u);
    cr_assert(eq(str, t, (char *)want));
    free(t);
    cx_uom_unref(u);
}

Test(unit, show)
{
    show_is("6,000,000,000", "USD/yr", "$6,000,000,000/yr");
    show_is("-4,800,000,000", "USD/qtr", "-$4,800,000,000/qtr");
    show_is("200,000", "USD/employee/yr", "$200,000/employee/yr");
    show_is("1,200", "EUR", "1,200 EUR");
    show_is("30,000", "employee", "30,000 employee");
    show_is("\xE2\x89\x88"
            "1.5",
            "USD", "\xE2\x89\x88$1.5");
    show_is("8%", "1/yr", "8%/yr");
    show_is("5", NULL, "5");
}

Test(unit, flows)
{
    cx_uom *q = parse("USD/qtr"), *s = parse("USD"), *dd = parse("day/yr");
    int k;
    cr_assert(cx_uom_time_denominator(q, &k));
    cr_assert_not(cx_uom_time_denominator(s, &k));
    cr_assert_not(cx_uom_time_denominator(dd, &k));
    cx_uom *y = cx_uom_with_time(q, "yr");
    text_is(y, "USD/yr");
    cx_uom *st = cx_uom_with_time(q, NULL);
    text_is(st, "USD");
    cx_uom *units[] = {q, s, dd, y, st};
    for (int i = 0; i < 5; i++) cx_uom_unref(units[i]);
}

Test(unit, mismatch_message)
{
    cx_uom *q = parse("USD/qtr"), *y = parse("USD/yr"), *d = parse("USD/day");
    char *msg, *hint, *notes;
    cr_assert(cx_uom_mismatch(q, y, "fcf", "savings", "+", &msg, &hint, &notes));
    cr_assert(eq(str, msg, "'+' needs one unit on both sides: USD/qtr + USD/yr"));
    cr_assert(eq(str, hint,
                 "write fcf as USD/yr (\xC3\x97"
                 "4) or savings as USD/qtr (\xC3\xB7"
                 "4)"));
    cr_assert(eq(str, notes,
                 " left side: USD/qtr  [USD / time(yr)]\nright side: USD/yr   [USD / time(yr)]"));
    free(msg);
    free(hint);
    free(notes);
    cr_assert(cx_uom_mismatch(y, d, "a", "b", "<", &msg, &hint, &notes));
    cr_assert(eq(str, msg, "'<' needs the same dimension on both sides: USD/yr and USD/day"));
    cr_assert(eq(str, hint,
                 "cx does not choose a length of year: convert with a day count you write, x * "
                 "365 day/yr or x * 360 day/yr"));
    free(msg);
    free(hint);
    free(notes);
    cx_uom_unref(q);
    cx_uom_unref(y);
    cx_uom_unref(d);
}

/* (x as A) as B == x as B, and (x as A) as X == x, over many values and
 * pairs of units of one dimension: the factors are exact. */
Test(unit, round_trip_property)
{
    const char *flows[] = {"USD/yr", "USD/half", "USD/qtr", "USD/mo"};
    const char *days[] = {"EUR/day", "EUR/week"};
    mpq_t x, y, f;
    mpq_init(x);
    mpq_init(y);
    mpq_init(f);
    unsigned long seed = 12345;
    for (int round = 0; round < 2000; round++) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        long num = (long)(seed >> 33) - (1L << 30);
        unsigned long den = (unsigned long)((seed >> 7) % 997) + 1;
        mpq_set_si(x, num, den);
        mpq_canonicalize(x);
        const char **set = round % 3 == 0 ? days : flows;
        int n = round % 3 == 0 ? 2 : 4;
        cx_uom *a = parse(set[round % n]), *b = parse(set[(round / n) % n]);
        cx_uom_factor(a, b, f);
        mpq_mul(y, x, f); /* x as b */
        cx_uom_factor(b, a, f);
        mpq_mul(y, y, f); /* ... as a */
        cr_assert(mpq_equal(x, y), "round %d", round);
        cx_uom_unref(a);
        cx_uom_unref(b);
    }
    mpq_clear(x);
    mpq_clear(y);
    mpq_clear(f);
}
