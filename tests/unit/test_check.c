/* test_check.c - how claims decide: ==, ~ at the written precision, ~ of a
 * computed figure, within, and what a failed check shows. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include "helpers.h"

static void expect_check(const char *src, const char *line, bool passed)
{
    run_result r = run_cx(src, false);
    cr_assert(eq(str, r.error ? r.error : "", ""));
    cr_assert(eq(str, r.out, (char *)line));
    cr_assert(eq(int, (int)r.status, passed ? (int)CX_RUN_OK : (int)CX_RUN_CHECK_FAILED));
    run_result_free(&r);
}

Test(check, equality_shows_both_sides)
{
    expect_check("check 30_000 * 200k == 6B;",
                 "PASS  30_000 * 200k == 6B  [6,000,000,000 == 6,000,000,000]\n", true);
}

Test(check, approx_uses_written_precision_of_a_literal)
{
    expect_check("check 4.849B ~ 4.8B;",
                 "PASS  4.849B ~ 4.8B  [4,849,000,000 is in [4,750,000,000 .. 4,850,000,000)]\n",
                 true);
    expect_check(
        "check 4.85B ~ 4.8B;",
        "FAIL  4.85B ~ 4.8B  [4,850,000,000 is outside [4,750,000,000 .. 4,850,000,000)]\n", false);
    expect_check("check 6.4B ~ 6B;",
                 "PASS  6.4B ~ 6B  [6,400,000,000 is in [5,500,000,000 .. 6,500,000,000)]\n", true);
}

Test(check, approx_trailing_zero_is_written_precision)
{
    expect_check("check 6.4B ~ 6.0B;",
                 "FAIL  6.4B ~ 6.0B  [6,400,000,000 is outside [5,950,000,000 .. 6,050,000,000)]\n",
                 false);
}

Test(check, approx_percent_figures_show_in_percent)
{
    expect_check("check 0.6049 ~ 61%;",
                 "FAIL  0.6049 ~ 61%  [60.49% is outside [60.5% .. 61.5%)]\n", false);
    expect_check("check 0.605 ~ 61%;", "PASS  0.605 ~ 61%  [60.5% is in [60.5% .. 61.5%)]\n", true);
}

Test(check, approx_negative_figure_rounds_away_from_zero)
{
    expect_check(
        "check -4.75B ~ -4.8B;",
        "PASS  -4.75B ~ -4.8B  [-4,750,000,000 is in (-4,850,000,000 .. -4,750,000,000]]\n", true);
    expect_check(
        "check -4.85B ~ -4.8B;",
        "FAIL  -4.85B ~ -4.8B  [-4,850,000,000 is outside (-4,850,000,000 .. -4,750,000,000]]\n",
        false);
}

Test(check, approx_computed_figure_is_held_to_its_last_displayed_digit)
{
    expect_check(
        "b = 3B * 2; check 6.4B ~ b;",
        "FAIL  6.4B ~ b  [6,400,000,000 is outside [5,999,999,999.5 .. 6,000,000,000.5)]\n", false);
    expect_check(
        "b = 1/3; check 0.33333333334 ~ b;",
        "PASS  0.33333333334 ~ b  [0.33333333334 is in [0.33333333325 .. 0.33333333335)]\n", true);
}

Test(check, approx_name_bound_to_literal_keeps_its_written_precision)
{
    expect_check("claimed = 100B; check 140B ~ claimed;",
                 "FAIL  140B ~ claimed  [140,000,000,000 is outside [99,500,000,000 .. "
                 "100,500,000,000)]\n",
                 false);
    expect_check("g = 61.0%; check 0.6104 ~ g;",
                 "PASS  0.6104 ~ g  [61.04% is in [60.95% .. 61.05%)]\n", true);
    expect_check("c 2025 = 125B; check 125.6B ~ c 2025;",
                 "FAIL  125.6B ~ c 2025  [125,600,000,000 is outside [124,500,000,000 .. "
                 "125,500,000,000)]\n",
                 false);
}

Test(check, approx_of_computed_zero_needs_within)
{
    run_result r = run_cx("z = 1 - 1; check 0.1 ~ z;", false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_ERROR));
    cr_assert(ne(ptr, strstr(r.error, "cannot tell the precision of a computed zero"), NULL));
    run_result_free(&r);
}

Test(check, within_percent_is_relative_points_and_numbers_are_absolute)
{
    expect_check("check 180.2B ~ 180B within 1%;",
                 "PASS  180.2B ~ 180B within 1%  [180,200,000,000 differs from 180,000,000,000 by "
                 "200,000,000 (0.1111111111…%), within 1% of it (1,800,000,000)]\n",
                 true);
    expect_check("check 0.62 ~ 61% within 1pp;",
                 "PASS  0.62 ~ 61% within 1pp  [62% differs from 61% by 1pp, within 1pp]\n", true);
    expect_check("check 0.5 ~ 61% within 1pp;",
                 "FAIL  0.5 ~ 61% within 1pp  [50% differs from 61% by 11pp, more than 1pp]\n",
                 false);
    expect_check("check 4.9 ~ 4.8 within 0.1;",
                 "PASS  4.9 ~ 4.8 within 0.1  [4.9 differs from 4.8 by 0.1 (2.083333333…%), within "
                 "0.1]\n",
                 true);
}

Test(check, approximate_left_side)
{
    expect_check("check sqrt(2) ~ 1.41;",
                 "PASS  sqrt(2) ~ 1.41  [≈1.414213562 is in [1.405 .. 1.415)]\n", true);
}

Test(check, condition_must_be_boolean)
{
    run_result r = run_cx("check 1;", false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_ERROR));
    run_result_free(&r);
}
