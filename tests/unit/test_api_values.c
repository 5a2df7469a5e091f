/* test_api_values.c - the "values, exactly" and "inputs" parts of
 * include/cx.h, through the public API only: kinds, numbers as exact
 * numerator and denominator digits and plain decimals, periods, lists and
 * series item by item, cx_define with cx's literal rules and errors, and
 * --max-memory counted per state. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cx.h"

static cx_state *cx;

static void setup(void)
{
    cx_options o;
    cx_options_default(&o);
    cx = cx_state_new(&o);
}

static void teardown(void) { cx_state_free(cx); }

TestSuite(api_values, .init = setup, .fini = teardown);

static void run(const char *src)
{
    cx_run_status st = cx_run_string(cx, "t.cx", src, strlen(src));
    char *msg = cx_error_count(cx) ? cx_error_render(cx, 0, false) : NULL;
    cr_assert(eq(str, msg ? msg : "", ""));
    cr_assert(eq(int, (int)st, (int)CX_RUN_OK));
    free(msg);
}

static const cx_number *number_of(const char *name)
{
    const cx_value *v = cx_state_value(cx, name);
    cr_assert(ne(ptr, (void *)v, NULL), "%s is not defined", name);
    cr_assert(eq(int, (int)cx_value_kind(v), (int)CX_KIND_NUMBER));
    return cx_value_number(v);
}

/* Checks a malloc'ed result against want, then frees it. */
static void expect_str(char *got, const char *want)
{
    cr_assert(ne(ptr, got, NULL));
    cr_assert(eq(str, got, (char *)want));
    cx_free(got);
}

static void expect_fraction(const cx_number *x, const char *num, const char *den)
{
    expect_str(cx_number_numerator(x), num);
    expect_str(cx_number_denominator(x), den);
}

Test(api_values, an_undefined_name_has_no_value)
{
    cr_assert(eq(ptr, (void *)cx_state_value(cx, "nothing_here"), NULL));
    cr_assert(eq(int, (int)cx_value_kind(NULL), (int)CX_KIND_NONE));
}

Test(api_values, a_number_is_an_exact_fraction_in_lowest_terms)
{
    run("a = 1/3; b = -0.185; c = 6B; z = 0;");
    expect_fraction(number_of("a"), "1", "3");
    expect_fraction(number_of("b"), "-37", "200");
    expect_fraction(number_of("c"), "6000000000", "1");
    expect_fraction(number_of("z"), "0", "1");
    cr_assert(eq(int, cx_number_sign(number_of("b")), -1));
    cr_assert(not(cx_number_is_approx(number_of("a"))));
}

Test(api_values, big_numbers_keep_every_digit)
{
    run("big = 10^30 / 7; neg = -(2^70);");
    expect_fraction(number_of("big"), "1000000000000000000000000000000", "7");
    expect_fraction(number_of("neg"), "-1180591620717411303424", "1");
}

Test(api_values, plain_decimals_have_no_grouping_and_no_marks)
{
    run("a = 1/3; b = -1234.5; c = 147976705197; d = 2/3; tiny = 1/3 / 10^12;");
    bool exact = true;
    expect_str(cx_number_decimal(number_of("a"), 10, &exact), "0.3333333333");
    cr_assert(not(exact));
    expect_str(cx_number_decimal(number_of("d"), 4, &exact), "0.6667");
    expect_str(cx_number_decimal(number_of("b"), 10, &exact), "-1234.5");
    cr_assert(exact);
    expect_str(cx_number_decimal(number_of("c"), 3, &exact), "147976705197");
    cr_assert(exact);
    /* Where the display goes scientific, the plain decimal stays positional. */
    expect_str(cx_number_decimal(number_of("tiny"), 3, NULL), "0.000000000000333");
    expect_str(cx_number_text(number_of("c"), 10), "147,976,705,197");
}

Test(api_values, an_approximate_number_says_so)
{
    run("r = sqrt(2); huge = exp(5000); e100 = exp(100);");
    const cx_number *r = number_of("r");
    cr_assert(cx_number_is_approx(r));
    bool exact = true;
    expect_str(cx_number_decimal(r, 10, &exact), "1.414213562");
    cr_assert(not(exact));
    expect_str(cx_number_text(r, 10), "\xe2\x89\x88"
                                      "1.414213562");
    /* The exact form is the binary approximation's: a power of two below. */
    char *den = cx_number_denominator(r);
    cr_assert(ne(ptr, den, NULL));
    cr_assert(gt(sz, strlen(den), 70));
    cx_free(den);
    cr_assert(lt(dbl, fabs(cx_number_to_double(r) - 1.4142135623730951), 1e-15));
    /* Past 10^1000 an approximate number gets an exponent; below, zeros. */
    expect_str(cx_number_decimal(number_of("huge"), 5, NULL), "2.9676e2171");
    expect_str(cx_number_decimal(number_of("e100"), 3, NULL),
               "26900000000000000000000000000000000000000000");
}

Test(api_values, to_double_rounds_once)
{
    run("x = 1/10; y = 10^400;");
    cr_assert(eq(dbl, cx_number_to_double(number_of("x")), 0.1));
    cr_assert(eq(int, isinf(cx_number_to_double(number_of("y"))) != 0, 1));
}

Test(api_values, scalars_of_each_kind)
{
    run("s = \"caf\\u{E9} \\\"x\\\"\"; t = 1 < 2; p = 2025Q3; d = 2024-02-29; m = 2025-06; "
        "h = 2025H2; y = 2025;");
    const cx_value *s = cx_state_value(cx, "s");
    cr_assert(eq(int, (int)cx_value_kind(s), (int)CX_KIND_STRING));
    size_t len = 0;
    cr_assert(eq(str, (char *)cx_value_string(s, &len), "caf\xc3\xa9 \"x\""));
    cr_assert(eq(sz, len, 9));
    cr_assert(eq(ptr, (void *)cx_value_number(s), NULL));
    cr_assert(cx_value_boolean(cx_state_value(cx, "t")));
    cr_assert(not(cx_value_boolean(s)));

    cx_period_info pi;
    cr_assert(cx_value_period(cx_state_value(cx, "p"), &pi));
    cr_assert(eq(int, (int)pi.frequency, (int)CX_FREQUENCY_QUARTER));
    cr_assert(eq(int, pi.year, 2025));
    cr_assert(eq(int, pi.part, 3));
    cr_assert(eq(str, pi.text, "2025Q3"));
    cr_assert(cx_value_period(cx_state_value(cx, "d"), &pi));
    cr_assert(eq(int, (int)pi.frequency, (int)CX_FREQUENCY_DAY));
    cr_assert(eq(int, pi.year * 10000 + pi.part * 100 + pi.day, 20240229));
    cr_assert(eq(str, pi.text, "2024-02-29"));
    cr_assert(cx_value_period(cx_state_value(cx, "m"), &pi));
    cr_assert(eq(int, pi.part, 6));
    cr_assert(cx_value_period(cx_state_value(cx, "h"), &pi));
    cr_assert(eq(int, (int)pi.frequency, (int)CX_FREQUENCY_HALF));
    cr_assert(eq(int, pi.part, 2));
    /* A bare year is a number in cx, not a period. */
    cr_assert(not(cx_value_period(cx_state_value(cx, "y"), &pi)));
    cr_assert(eq(str, (char *)cx_kind_name(cx_value_kind(cx_state_value(cx, "y"))), "number"));
}

Test(api_values, a_list_is_read_item_by_item)
{
    run("l = [1/4, \"a\", [2025Q1, true]];");
    const cx_value *l = cx_state_value(cx, "l");
    cr_assert(eq(int, (int)cx_value_kind(l), (int)CX_KIND_LIST));
    cr_assert(eq(sz, cx_value_length(l), 3));
    expect_fraction(cx_value_number(cx_value_item(l, 0)), "1", "4");
    cr_assert(eq(str, (char *)cx_value_string(cx_value_item(l, 1), NULL), "a"));
    const cx_value *inner = cx_value_item(l, 2);
    cr_assert(eq(sz, cx_value_length(inner), 2));
    cr_assert(cx_value_boolean(cx_value_item(inner, 1)));
    cr_assert(eq(ptr, (void *)cx_value_item(l, 3), NULL));
    expect_str(cx_value_text(l, 10), "[0.25, \"a\", [2025Q1, true]]");
}

Test(api_values, a_series_gives_its_periods_in_order_with_exact_numbers)
{
    run("rev 2025Q2 = 10B / 3; rev 2024Q4 = 1; rev 2025Q1 = -2.5;");
    const cx_value *s = cx_state_value(cx, "rev");
    cr_assert(eq(int, (int)cx_value_kind(s), (int)CX_KIND_SERIES));
    cr_assert(eq(sz, cx_value_length(s), 3));
    const char *want[] = {"2024Q4", "2025Q1", "2025Q2"};
    for (size_t i = 0; i < 3; i++) {
        cx_period_info pi;
        cr_assert(cx_value_series_period(s, i, &pi));
        cr_assert(eq(str, pi.text, (char *)want[i]));
    }
    expect_fraction(cx_value_series_number(s, 1), "-5", "2");
    expect_fraction(cx_value_series_number(s, 2), "10000000000", "3");
    cx_period_info pi;
    cr_assert(not(cx_value_series_period(s, 3, &pi)));
    cr_assert(eq(ptr, (void *)cx_value_series_number(s, 3), NULL));
    cr_assert(eq(ptr, (void *)cx_value_item(s, 0), NULL)); /* a series is not a list */
}

Test(api_values, ranges_and_functions_are_read_as_text)
{
    run("r = 1..10 step 3; fn f(x) = x + 1;");
    cr_assert(eq(int, (int)cx_value_kind(cx_state_value(cx, "r")), (int)CX_KIND_RANGE));
    cr_assert(eq(int, (int)cx_value_kind(cx_state_value(cx, "f")), (int)CX_KIND_FUNCTION));
    cr_assert(eq(str, (char *)cx_kind_name(CX_KIND_FUNCTION), "function"));
    cr_assert(eq(sz, cx_value_length(cx_state_value(cx, "r")), 0));
}

/* ==== inputs ============================================================== */

static void expect_define_error(const char *name, const char *text, cx_run_status st,
                                const char *code, size_t col)
{
    cr_assert(eq(int, (int)cx_define(cx, name, text), (int)st));
    cx_error_info e;
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.code, (char *)code));
    if (col) {
        char want[80];
        snprintf(want, sizeof want, "<input %s>", name);
        cr_assert(eq(str, (char *)e.file, want));
        cr_assert(eq(sz, e.line, 1));
        cr_assert(eq(sz, e.col, col));
    }
}

Test(api_values, an_input_is_read_with_cx_literal_rules)
{
    cr_assert(eq(int, (int)cx_define(cx, "rate", "8%"), (int)CX_RUN_OK));
    cr_assert(eq(int, (int)cx_define(cx, "capex", "-4.8B"), (int)CX_RUN_OK));
    cr_assert(eq(int, (int)cx_define(cx, "third", "1/3"), (int)CX_RUN_OK));
    cr_assert(eq(int, (int)cx_define(cx, "start", "2025Q3"), (int)CX_RUN_OK));
    cr_assert(eq(int, (int)cx_define(cx, "who", "\"ACME\""), (int)CX_RUN_OK));
    cr_assert(eq(int, (int)cx_define(cx, "flows", "[1_000, 25bp, -3]"), (int)CX_RUN_OK));
    expect_fraction(number_of("rate"), "2", "25");
    expect_fraction(number_of("capex"), "-4800000000", "1");
    expect_fraction(number_of("third"), "1", "3");
    cr_assert(eq(str, (char *)cx_value_string(cx_state_value(cx, "who"), NULL), "ACME"));
    cr_assert(eq(sz, cx_value_length(cx_state_value(cx, "flows")), 3));
    /* The script sees them as if it had defined them. */
    run("check rate * 100 == 8; check start == 2025Q3; fv = 1000 * (1 + rate) ^ 2;");
    expect_fraction(number_of("fv"), "5832", "5");
    cr_assert(eq(sz, cx_checks_passed(cx), 2));
}

Test(api_values, a_bad_input_is_a_located_error)
{
    expect_define_error("rate", "8x", CX_RUN_ERROR, "syntax-bad-number", 1);
    expect_define_error("rate", "base + 1%", CX_RUN_ERROR, "type-input", 1);
    expect_define_error("rate", "1% + sqrt(2)", CX_RUN_ERROR, "type-input", 6);
    expect_define_error("rate", "1; 2", CX_RUN_ERROR, "type-input", 4);
    expect_define_error("rate", "", CX_RUN_ERROR, "type-input", 1);
    expect_define_error("rate", "1/0", CX_RUN_ERROR, "math-div-zero", 2);
    expect_define_error("check", "1", CX_RUN_ERROR, "name-bad-input", 0);
    expect_define_error("2x", "1", CX_RUN_ERROR, "name-bad-input", 0);
    expect_define_error("a b", "1", CX_RUN_ERROR, "name-bad-input", 0);
    cr_assert(eq(ptr, (void *)cx_state_value(cx, "rate"), NULL));
    /* A bad input leaves the state usable. */
    cr_assert(eq(int, (int)cx_define(cx, "rate", "5%"), (int)CX_RUN_OK));
    cr_assert(eq(sz, cx_error_count(cx), 0));
}

Test(api_values, a_script_cannot_define_an_input_again)
{
    cr_assert(eq(int, (int)cx_define(cx, "rate", "8%"), (int)CX_RUN_OK));
    const char *src = "rate = 9%;";
    cr_assert(eq(int, (int)cx_run_string(cx, "t.cx", src, strlen(src)), (int)CX_RUN_ERROR));
    char *msg = cx_error_render(cx, 0, false);
    cr_assert(ne(ptr, strstr(msg, "<input rate>:1:1: note: first defined here"), NULL), "%s", msg);
    cx_free(msg);
    expect_define_error("rate", "10%", CX_RUN_ERROR, "name-redefined", 1);
}

Test(api_values, the_repl_replaces_an_input)
{
    cx_options o;
    cx_options_default(&o);
    o.repl = true;
    cx_state *r = cx_state_new(&o);
    cr_assert(eq(int, (int)cx_define(r, "rate", "8%"), (int)CX_RUN_OK));
    cr_assert(eq(int, (int)cx_define(r, "rate", "9%"), (int)CX_RUN_OK));
    char *num = cx_number_numerator(cx_value_number(cx_state_value(r, "rate")));
    cr_assert(eq(str, num, "9"));
    cx_free(num);
    cx_state_free(r);
}

/* ==== memory is a state's own ============================================== */

Test(api_values, one_state_over_its_memory_limit_leaves_another_alone)
{
    cx_options o;
    cx_options_default(&o);
    o.max_memory_mb = 1;
    cx_state *small = cx_state_new(&o);
    /* The big state holds a few MB of numbers between runs ... */
    run("big = [3^(1_000_000 + i) for i in 1..8];");
    /* ... which the small one's limit does not see ... */
    const char *ok = "x = 2^1000;";
    cr_assert(eq(int, (int)cx_run_string(small, "s.cx", ok, strlen(ok)), (int)CX_RUN_OK));
    /* ... while its own numbers count against it. */
    const char *over = "y = [7^(200_000 + i) for i in 1..40];";
    cr_assert(eq(int, (int)cx_run_string(small, "s.cx", over, strlen(over)), (int)CX_RUN_LIMIT));
    cx_error_info e;
    cr_assert(cx_error_get(small, 0, &e));
    cr_assert(eq(str, (char *)e.code, "limit-memory"));
    /* The limit that stopped the small state does not stop the big one. */
    run("z = 5^500_000;");
    cx_state_free(small);
}

Test(api_values, a_value_s_unit_as_cx_writes_it)
{
    cx_options o;
    cx_options_default(&o);
    cx_state *st = cx_state_new(&o);
    const char *src =
        "unit employee; pay = 200k USD/employee/yr; fcf 2025Q3 = -4.8B USD/qtr; n = 5;";
    cr_assert(eq(int, cx_run_string(st, "t.cx", src, strlen(src)), CX_RUN_OK));
    char *u = cx_value_unit(cx_state_value(st, "pay"));
    cr_assert(eq(str, u, "USD/employee/yr"));
    cx_free(u);
    u = cx_value_unit(cx_state_value(st, "fcf"));
    cr_assert(eq(str, u, "USD/qtr"));
    cx_free(u);
    cr_assert(eq(ptr, cx_value_unit(cx_state_value(st, "n")), NULL));
    cr_assert(eq(ptr, cx_value_unit(NULL), NULL));
    /* The number is in the unit: 200,000, not a yearly base. */
    char *t = cx_value_text(cx_state_value(st, "pay"), 10);
    cr_assert(eq(str, t, "$200,000/employee/yr"));
    cx_free(t);
    cx_state_free(st);
}
