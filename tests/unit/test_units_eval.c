/* test_units_eval.c - units through the language (interp/units.c,
 * operators.c, unit_calls.c): the round-trip property (x as USD/qtr) as
 * USD/yr == x over many generated values, conversions that compose, and
 * operators that keep or cancel a unit. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include "helpers.h"

/* Runs src, which must print exactly `want`. */
static void expect_out(const char *src, const char *want)
{
    run_result r = run_cx(src, false);
    cr_assert(eq(str, r.error ? r.error : "", ""), "%s", src);
    cr_assert(eq(str, r.out, (char *)want), "%s", src);
    run_result_free(&r);
}

/* A pseudo-random exact decimal or fraction, as cx text. */
static void value_text(unsigned long *seed, char *buf, size_t cap)
{
    *seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
    long num = (long)(*seed >> 35) - (1L << 28);
    unsigned long den = (unsigned long)((*seed >> 9) % 999) + 1;
    int form = (int)((*seed >> 3) % 3);
    if (form == 0) snprintf(buf, cap, "(%ld / %lu)", num, den);
    else if (form == 1) snprintf(buf, cap, "%ld.%03lu", num, den % 1000);
    else snprintf(buf, cap, "%ldB", num);
}

Test(units_eval, round_trip_property)
{
    static const char *const units[] = {"USD/yr", "USD/half", "USD/qtr", "USD/mo"};
    static const char *const days[] = {"EUR/day", "EUR/week"};
    unsigned long seed = 42;
    for (int i = 0; i < 300; i++) {
        char v[64], src[512];
        value_text(&seed, v, sizeof v);
        const char *const *set = i % 4 == 3 ? days : units;
        int n = i % 4 == 3 ? 2 : 4;
        const char *a = set[i % n], *b = set[(i / n) % n];
        /* x in unit a, converted to b and back: equal; the number in b is
         * the number in a times the factor of 1 a in b; and y - x is 0. */
        snprintf(src, sizeof src,
                 "x = %s * 1 %s; y = x as %s; print (y as %s) == x, y / (1 %s) == x / (1 %s) * "
                 "((1 %s as %s) / (1 %s)), y / x;",
                 v, a, b, a, b, a, a, b, b);
        expect_out(src, "true true 1\n");
    }
}

Test(units_eval, conversions_compose_exactly)
{
    expect_out("x = 6B USD/yr; print x as USD/qtr, x as USD/mo, (x as USD/mo) as USD/half;",
               "$1,500,000,000/qtr $500,000,000/mo $3,000,000,000/half\n");
    expect_out("print 1 USD/week as USD/day;", "$0.1428571429…/day\n");
}

Test(units_eval, operators_keep_combine_and_cancel)
{
    expect_out("unit employee; print 30k employee * 200k USD/employee/yr;", "$6,000,000,000/yr\n");
    expect_out("print (6B USD/yr) / (2B USD/yr), 0 + 5 EUR, 5 EUR - 5 EUR;", "3 5 EUR 0 EUR\n");
    expect_out("print 10 USD/day * 365 day/yr;", "$3,650/yr\n");
}

Test(units_eval, no_unit_is_dropped)
{
    run_result r = run_cx("sqrt(4 USD);", false);
    cr_assert(ne(ptr, r.error, NULL));
    cr_assert(ne(ptr, strstr(r.error, "sqrt takes no values with units"), NULL));
    run_result_free(&r);
}
