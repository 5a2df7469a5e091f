/* test_eval.c - the evaluator through the public API: values, series,
 * functions, comprehensions, tables and the errors evaluation reports. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include "helpers.h"

static void expect_out(const char *src, const char *want)
{
    run_result r = run_cx(src, false);
    cr_assert(eq(str, r.error ? r.error : "", ""));
    cr_assert(eq(str, r.out, (char *)want));
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_OK));
    run_result_free(&r);
}

static void expect_error(const char *src, cx_run_status st, const char *first_line)
{
    run_result r = run_cx(src, false);
    cr_assert(eq(int, (int)r.status, (int)st));
    cr_assert(ne(ptr, r.error, NULL));
    char *nl = strchr(r.error, '\n');
    if (nl) *nl = '\0';
    cr_assert(eq(str, r.error, (char *)first_line));
    run_result_free(&r);
}

Test(eval, bare_expression_prints_text_and_value)
{
    expect_out("layoffs = 14_000 + 16_000; layoffs * 200k;", "layoffs * 200k = 6,000,000,000\n");
}

Test(eval, whitespace_in_expression_text_is_folded) { expect_out("1 +\n    2;", "1 + 2 = 3\n"); }

Test(eval, arithmetic_is_exact)
{
    expect_out("0.1 + 0.2 == 0.3; 1/3 + 1/3 + 1/3;",
               "0.1 + 0.2 == 0.3 = true\n1/3 + 1/3 + 1/3 = 1\n");
}

Test(eval, long_left_chain_does_not_recurse)
{
    /* 20,000 terms: an evaluator that recursed per term would be deep. */
    size_t n = 20000;
    char *src = malloc(n * 4 + 16);
    size_t len = 0;
    len += (size_t)sprintf(src + len, "x = 1");
    for (size_t i = 1; i < n; i++) len += (size_t)sprintf(src + len, "+1");
    strcpy(src + len, "; x;");
    expect_out(src, "x = 20,000\n");
    free(src);
}

Test(eval, series_period_reads)
{
    expect_out("capex 2024 = 83B; capex 2025 = 125e9; capex 2025; capex[2024]; capex[2024 + 1] - "
               "capex 2024;",
               "capex 2025 = 125,000,000,000\ncapex[2024] = 83,000,000,000\n"
               "capex[2024 + 1] - capex 2024 = 42,000,000,000\n");
}

Test(eval, range_assignment_from_list_and_recurrence)
{
    expect_out("r 2025 = 100; r 2026..2028 = r[t - 1] * 2; r;",
               "r = {2025: 100, 2026: 200, 2027: 400, 2028: 800}\n");
    expect_out("c 2021..2023 = [1, 2, 3]; c;", "c = {2021: 1, 2022: 2, 2023: 3}\n");
}

Test(eval, series_arithmetic_over_the_same_periods)
{
    expect_out("a 2024..2026 = [1, 2, 3]; b 2024..2026 = [10, 20, 30]; a + b; a * 2;",
               "a + b = {2024: 11, 2025: 22, 2026: 33}\na * 2 = {2024: 2, 2025: 4, 2026: 6}\n");
}

Test(eval, series_arithmetic_over_different_periods_is_an_error)
{
    run_result r = run_cx("a 2024..2026 = [1, 2, 3]; b 2025..2027 = [10, 20, 30]; a + b;", false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_ERROR));
    cr_assert(
        ne(ptr, strstr(r.error, "the left has no value for 2027, the right none for 2024"), NULL));
    cr_assert(ne(ptr, strstr(r.error, "slice both sides to 2025..2026"), NULL));
    run_result_free(&r);
}

Test(eval, series_slice_with_a_gap_is_an_error)
{
    run_result r = run_cx("a 2021..2022 = [1, 2]; a 2024 = 4; sum(a[2021..2024]);", false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_ERROR));
    cr_assert(ne(ptr, strstr(r.error, "a has no value for 2023, which the slice asks for"), NULL));
    run_result_free(&r);
}

Test(eval, series_slice)
{
    expect_out("a 2021..2025 = [1, 2, 3, 4, 5]; a[2022..2024];",
               "a[2022..2024] = {2022: 2, 2023: 3, 2024: 4}\n");
}

Test(eval, whole_series_copy_is_not_changed_by_later_periods)
{
    expect_out("a 2024 = 1; b = a; a 2025 = 2; b; a;", "b = {2024: 1}\na = {2024: 1, 2025: 2}\n");
}

Test(eval, user_functions_and_recursion)
{
    expect_out("fn f(n) = if n <= 1 then 1 else n * f(n - 1); f(10);", "f(10) = 3,628,800\n");
}

Test(eval, function_sees_only_its_parameters_and_globals)
{
    expect_error("fn g() = y; fn f(y) = g(); f(1);", CX_RUN_ERROR,
                 "t.cx:1:10: error: unknown name 'y'");
}

Test(eval, comprehensions_and_aggregates)
{
    expect_out("sum(x^2 for x in 1..10); [x * 2 for x in 1..3]; product(i for i in 1..5);",
               "sum(x^2 for x in 1..10) = 385\n[x * 2 for x in 1..3] = [2, 4, 6]\n"
               "product(i for i in 1..5) = 120\n");
}

Test(eval, comprehension_filter)
{
    expect_out("[x for x in 1..6 if x > 3];", "[x for x in 1..6 if x > 3] = [4, 5, 6]\n");
}

Test(eval, fractional_range_step)
{
    expect_out("[r for r in 0..1 step 0.25];",
               "[r for r in 0..1 step 0.25] = [0, 0.25, 0.5, 0.75, 1]\n");
}

Test(eval, list_index_from_one_and_from_the_end)
{
    expect_out("xs = [5, 6, 7]; xs[1]; xs[-1];", "xs[1] = 5\nxs[-1] = 7\n");
    expect_error("xs = [5]; xs[0];", CX_RUN_ERROR,
                 "t.cx:1:14: error: index 0 is outside the list (it has 1 item; the first is [1], "
                 "the last [-1])");
}

Test(eval, period_arithmetic)
{
    expect_out("2025Q4 + 1; 2026Q1 - 2025Q1;", "2025Q4 + 1 = 2026Q1\n2026Q1 - 2025Q1 = 4\n");
}

Test(eval, booleans_short_circuit)
{
    expect_out("false and 1 / 0 > 0; true or 1 / 0 > 0;",
               "false and 1 / 0 > 0 = false\ntrue or 1 / 0 > 0 = true\n");
}

Test(eval, table_has_header_rule_and_rows)
{
    expect_out("table x in 1..3: x * 10;",
               "x | x * 10\n- | ------\n1 |     10\n2 |     20\n3 |     30\n");
}

Test(eval, print_joins_with_spaces) { expect_out("print \"a\", 1/4, true;", "a 0.25 true\n"); }

Test(eval, repl_mode_allows_redefinition_and_sets_underscore)
{
    run_result r = run_cx("x = 1; x = 2; x + 1; _ * 10;", true);
    cr_assert(eq(str, r.out, "x + 1 = 3\n_ * 10 = 30\n"));
    run_result_free(&r);
}

Test(eval, division_by_zero_is_an_error_at_the_operator)
{
    expect_error("x = 1 / (2 - 2);", CX_RUN_ERROR, "t.cx:1:7: error: division by zero");
}

Test(eval, redefinition_is_an_error)
{
    expect_error("a = 1;\na = 2;", CX_RUN_ERROR, "t.cx:2:1: error: 'a' is already defined");
}

Test(eval, missing_period_names_what_exists)
{
    run_result r = run_cx("c 2021..2024 = 1; c 2030;", false);
    cr_assert(ne(ptr, strstr(r.error, "hint: c has values for 2021..2024"), NULL));
    run_result_free(&r);
}

Test(eval, mixing_frequencies_is_refused)
{
    expect_error("q 2025Q1 = 1; y 2025 = 1; q + y;", CX_RUN_ERROR,
                 "t.cx:1:29: error: cannot combine a quarterly series with an annual series");
}

Test(eval, unknown_name_suggests_the_closest)
{
    run_result r = run_cx("capex = 1; capx;", false);
    cr_assert(ne(ptr, strstr(r.error, "hint: did you mean 'capex'?"), NULL));
    run_result_free(&r);
}

Test(eval, result_size_limit_is_a_limit_error)
{
    expect_error("x = 10^(10^12);", CX_RUN_LIMIT,
                 "t.cx:1:7: error: result too large: more than 1000000 digits");
}

Test(eval, call_depth_limit)
{
    expect_error("fn f(n) = f(n + 1); f(0);", CX_RUN_LIMIT,
                 "t.cx:1:11: error: calls nested deeper than 1000");
}

Test(eval, approximate_values_are_marked_and_stay_marked)
{
    expect_out("sqrt(2) + 1;", "sqrt(2) + 1 = ≈2.414213562\n");
}

Test(eval, failed_checks_do_not_stop_the_run)
{
    run_result r = run_cx("check 1 > 2; print \"after\";", false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_CHECK_FAILED));
    cr_assert(eq(str, r.out, "FAIL  1 > 2  [1 > 2 is false]\nafter\n"));
    run_result_free(&r);
}
