/* test_math_fns.c - stdlib/math.c through the public API: abs, floor, ceil
 * and round of a number, and item by item of a list or a series (exact
 * stays exact, approximate stays marked), with their errors. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "helpers.h"

Test(math_fns, numbers_as_before)
{
    expect_clean_out(
        "abs(-1/3); floor(-1.5); ceil(-1.5); round(2.5); round(-2.5, 0);",
        "abs(-1/3) = 0.3333333333…\nfloor(-1.5) = -2\nceil(-1.5) = -1\nround(2.5) = 3\n"
        "round(-2.5, 0) = -3\n");
}

Test(math_fns, a_list_gives_a_list)
{
    expect_clean_out("abs([-3, 2, -1/4]);", "abs([-3, 2, -1/4]) = [3, 2, 0.25]\n");
    expect_clean_out("round([1.25, 2.5, -0.125], 1);",
                     "round([1.25, 2.5, -0.125], 1) = [1.3, 2.5, -0.1]\n");
    expect_clean_out("round([1234, 5678], -2);", "round([1234, 5678], -2) = [1,200, 5,700]\n");
    expect_clean_out("floor([1.5, -1.5]); ceil([1.5, -1.5]);",
                     "floor([1.5, -1.5]) = [1, -2]\nceil([1.5, -1.5]) = [2, -1]\n");
    expect_clean_out("abs([]); round([]);", "abs([]) = []\nround([]) = []\n");
    expect_clean_out("round(x / 3 for x in 1..3);", "round(x / 3 for x in 1..3) = [0, 1, 1]\n");
}

Test(math_fns, a_series_gives_a_series_over_the_same_periods)
{
    expect_clean_out("q 2025Q1..2025Q3 = [-4, 1/3, -2/3]; abs(q); round(q, 2);",
                     "abs(q) = {2025Q1: 4, 2025Q2: 0.3333333333…, 2025Q3: 0.6666666667…}\n"
                     "round(q, 2) = {2025Q1: -4, 2025Q2: 0.33, 2025Q3: -0.67}\n");
    expect_clean_out("s 2021 = 1.5; s 2023 = -1.5; floor(s); ceil(s);",
                     "floor(s) = {2021: 1, 2023: -2}\nceil(s) = {2021: 2, 2023: -1}\n");
}

Test(math_fns, approximate_items_stay_approximate)
{
    expect_clean_out("round([sqrt(2), 2], 3);", "round([sqrt(2), 2], 3) = [≈1.414, 2]\n");
    expect_clean_out("abs([-sqrt(2)]);", "abs([-sqrt(2)]) = [≈1.414213562]\n");
}

Test(math_fns, errors_name_the_item)
{
    expect_first_error("abs([1, \"a\"]);",
                       "t.cx:1:5: error: abs expects numbers, but item 2 of the list is a string");
    expect_first_error(
        "round([1, true], 1);",
        "t.cx:1:7: error: round expects numbers, but item 2 of the list is a boolean");
    expect_first_error("round(\"a\");",
                       "t.cx:1:7: error: round expects a number as argument 1, got a "
                       "string");
    expect_first_error("round([1], 0.5);",
                       "t.cx:1:12: error: round expects a whole number of decimal "
                       "places as argument 2, got 0.5");
    expect_first_error("floor(2025Q1);",
                       "t.cx:1:7: error: floor expects a number as argument 1, got a period");
}
