/* test_period_fns.c - stdlib/period_fns.c through the public API: year,
 * half, quarter and month of every kind of period, spread of a number (equal
 * parts and weights, into a range of periods) and of an annual series, and
 * the errors with their first line. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "helpers.h"

static void expect_error(const char *src, cx_run_status st, const char *first_line)
{
    run_result r = run_cx(src, false);
    cr_assert(eq(int, (int)r.status, (int)st), "%s", src);
    cr_assert(ne(ptr, r.error, NULL));
    char *nl = strchr(r.error, '\n');
    if (nl) *nl = '\0';
    cr_assert(eq(str, r.error, (char *)first_line), "%s", src);
    run_result_free(&r);
}

/* ---- year, half, quarter, month ------------------------------------------------ */

Test(period_fns, year_of_every_kind_of_period)
{
    expect_clean_out("year(2025) == 2025; year(2025H2) == 2025; year(2025Q3) == 2025;",
                     "year(2025) == 2025 = true\nyear(2025H2) == 2025 = true\n"
                     "year(2025Q3) == 2025 = true\n");
    expect_clean_out(
        "year(2025-12) == 2025; year(2024-02-29) == 2024; year(1);",
        "year(2025-12) == 2025 = true\nyear(2024-02-29) == 2024 = true\nyear(1) = 1\n");
    expect_clean_out("year(9999Q4);", "year(9999Q4) = 9,999\n");
}

Test(period_fns, half_quarter_and_month)
{
    expect_clean_out("half(2025H1); half(2025Q2); half(2025Q3); half(2025-07); half(2025-06-30);",
                     "half(2025H1) = 1\nhalf(2025Q2) = 1\nhalf(2025Q3) = 2\nhalf(2025-07) = 2\n"
                     "half(2025-06-30) = 1\n");
    expect_clean_out("quarter(2025Q4); quarter(2025-03); quarter(2025-04); quarter(2025-12-31);",
                     "quarter(2025Q4) = 4\nquarter(2025-03) = 1\nquarter(2025-04) = 2\n"
                     "quarter(2025-12-31) = 4\n");
    expect_clean_out("month(2025-01); month(2025-12); month(2024-02-29); month(1970-01-01);",
                     "month(2025-01) = 1\nmonth(2025-12) = 12\nmonth(2024-02-29) = 2\n"
                     "month(1970-01-01) = 1\n");
}

Test(period_fns, parts_work_on_periods_from_expressions)
{
    expect_clean_out("p = 2025Q4 + 1; year(p); quarter(p);", "year(p) = 2,026\nquarter(p) = 1\n");
    expect_clean_out("[quarter(p) for p in 2025-01..2025-12 step 2];",
                     "[quarter(p) for p in 2025-01..2025-12 step 2] = [1, 1, 2, 3, 3, 4]\n");
    expect_clean_out("fmt(year(2031Q1), 0, false);", "fmt(year(2031Q1), 0, false) = 2031\n");
}

Test(period_fns, a_longer_period_spans_several_parts)
{
    expect_error("quarter(2025H1);", CX_RUN_ERROR,
                 "t.cx:1:9: error: quarter needs a quarter, a month or a day; 2025H1 is a "
                 "half-year, which spans 2025Q1..2025Q2");
    expect_error("quarter(2025);", CX_RUN_ERROR,
                 "t.cx:1:9: error: quarter needs a quarter, a month or a day; 2025 is a year, "
                 "which spans 2025Q1..2025Q4");
    expect_error("month(2025Q2);", CX_RUN_ERROR,
                 "t.cx:1:7: error: month needs a month or a day; 2025Q2 is a quarter, which spans "
                 "2025-04..2025-06");
    expect_error("half(2025);", CX_RUN_ERROR,
                 "t.cx:1:6: error: half needs a half-year, a quarter, a month or a day; 2025 is "
                 "a year, which spans 2025H1..2025H2");
}

Test(period_fns, a_non_period_is_a_type_error)
{
    expect_error("year(\"2025\");", CX_RUN_ERROR,
                 "t.cx:1:6: error: year expects a period or a year from 1 to 9999 as argument 1, "
                 "got a string");
    expect_error("year(2025.5);", CX_RUN_ERROR,
                 "t.cx:1:6: error: year expects a period or a year from 1 to 9999 as argument 1, "
                 "got 2,025.5");
}

/* ---- spread ------------------------------------------------------------------------- */

Test(period_fns, spread_into_equal_exact_parts)
{
    expect_clean_out("spread(10B, 4);", "spread(10B, 4) = [2,500,000,000, 2,500,000,000, "
                                        "2,500,000,000, 2,500,000,000]\n");
    expect_clean_out("spread(1, 3); sum(spread(1, 3)) == 1;",
                     "spread(1, 3) = [0.3333333333…, 0.3333333333…, 0.3333333333…]\n"
                     "sum(spread(1, 3)) == 1 = true\n");
    expect_clean_out("spread(-7, 1);", "spread(-7, 1) = [-7]\n");
    expect_clean_out("spread(0, 2);", "spread(0, 2) = [0, 0]\n");
}

Test(period_fns, spread_by_weights)
{
    expect_clean_out("spread(10B, [1, 1, 1, 2]);",
                     "spread(10B, [1, 1, 1, 2]) = [2,000,000,000, "
                     "2,000,000,000, 2,000,000,000, 4,000,000,000]\n");
    expect_clean_out("spread(100, [0.2, 0, 0.3]);", "spread(100, [0.2, 0, 0.3]) = [40, 0, 60]\n");
    expect_clean_out("sum(spread(1, [1, 2, 4])) == 1;", "sum(spread(1, [1, 2, 4])) == 1 = true\n");
}

Test(period_fns, spread_fills_a_range_of_periods)
{
    expect_clean_out("capex 2025 = 125B; capex_q 2025Q1..2025Q4 = spread(capex 2025, 4); capex_q;",
                     "capex_q = {2025Q1: 31,250,000,000, 2025Q2: 31,250,000,000, 2025Q3: "
                     "31,250,000,000, 2025Q4: 31,250,000,000}\n");
    expect_clean_out("x = 1; m 2025-01..2025-03 = spread(x, 3); sum(m) == x;",
                     "sum(m) == x = true\n");
}

Test(period_fns, spread_of_an_annual_series)
{
    expect_clean_out(
        "a 2024..2025 = [8, 12]; spread(a, 4);",
        "spread(a, 4) = {2024Q1: 2, 2024Q2: 2, 2024Q3: 2, 2024Q4: 2, 2025Q1: 3, 2025Q2: "
        "3, 2025Q3: 3, 2025Q4: 3}\n");
    expect_clean_out(
        "a 2025 = 12; spread(a, 2); spread(a, [1, 3]);",
        "spread(a, 2) = {2025H1: 6, 2025H2: 6}\nspread(a, [1, 3]) = {2025H1: 3, 2025H2: "
        "9}\n");
    expect_clean_out("a 2025 = 12; m = spread(a, 12); m 2025-12; annual(m)[2025] == a 2025;",
                     "m 2025-12 = 1\nannual(m)[2025] == a 2025 = true\n");
}

Test(period_fns, spread_errors)
{
    expect_error("spread(1, 0);", CX_RUN_ERROR,
                 "t.cx:1:11: error: spread expects a whole number of parts (at least 1) or a "
                 "list of weights as argument 2, got 0");
    expect_error("spread(1, 2.5);", CX_RUN_ERROR,
                 "t.cx:1:11: error: spread expects a whole number of parts (at least 1) or a "
                 "list of weights as argument 2, got 2.5");
    expect_error("spread(1, []);", CX_RUN_ERROR,
                 "t.cx:1:11: error: spread of nothing: the list of weights is empty");
    expect_error("spread(1, [0, 0]);", CX_RUN_ERROR,
                 "t.cx:1:11: error: spread: the weights are all 0; at least one must be above 0");
    expect_error("spread(1, [1, -1, 2]);", CX_RUN_ERROR,
                 "t.cx:1:11: error: spread: weight 2 is negative; a weight is the share of the "
                 "whole its part gets, 0 or more");
    expect_error("spread(1, [1, \"a\"]);", CX_RUN_ERROR,
                 "t.cx:1:11: error: spread expects numbers as weights, but item 2 of the list is "
                 "a string");
    expect_error("spread(\"1\", 2);", CX_RUN_ERROR,
                 "t.cx:1:8: error: spread expects a number or an annual series as argument 1, "
                 "got a string");
    expect_error("q 2025Q1 = 1; spread(q, 4);", CX_RUN_ERROR,
                 "t.cx:1:22: error: spread splits each year of an annual series; this one is "
                 "quarterly");
    expect_error("a 2025 = 1; spread(a, 3);", CX_RUN_ERROR,
                 "t.cx:1:23: error: spread of an annual series makes 2, 4 or 12 parts a year "
                 "(halves, quarters or months), got 3");
    expect_error("spread(1, 10^9);", CX_RUN_LIMIT,
                 "t.cx:1:11: error: spread into more than 1000000 parts (the limit is set with "
                 "--max-series N)");
}
