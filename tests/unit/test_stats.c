/* test_stats.c - stdlib/stats_fns.c through the public API: median,
 * percentile, sort, var, varp, stdev, stdevp, all and any, with exact
 * expected values, the argument forms (list, series, range, several
 * numbers, a comprehension), approximate inputs, and the errors with their
 * first line. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "helpers.h"

/* ---- median ------------------------------------------------------------------ */

Test(stats, median_of_odd_and_even_counts)
{
    expect_clean_out("median([3, 1, 2]);", "median([3, 1, 2]) = 2\n");
    expect_clean_out("median([3, 1, 4, 1, 5, 9]);", "median([3, 1, 4, 1, 5, 9]) = 3.5\n");
    expect_clean_out("median([1, 2]);", "median([1, 2]) = 1.5\n");
    expect_clean_out("median([1/3, 1/2]);", "median([1/3, 1/2]) = 0.4166666667…\n");
}

Test(stats, median_of_one_item_is_the_item)
{
    expect_clean_out("median([7/3]);", "median([7/3]) = 2.333333333…\n");
    expect_clean_out("median(-5);", "median(-5) = -5\n");
}

Test(stats, median_reads_every_argument_form)
{
    expect_clean_out("median(5, 1, 3, 2);", "median(5, 1, 3, 2) = 2.5\n");
    expect_clean_out("median(1..10);", "median(1..10) = 5.5\n");
    expect_clean_out("median(0..1 step 0.25);", "median(0..1 step 0.25) = 0.5\n");
    expect_clean_out("s 2021..2024 = [40, 10, 30, 20]; median(s);", "median(s) = 25\n");
    expect_clean_out("median(x^2 for x in 1..4);", "median(x^2 for x in 1..4) = 6.5\n");
}

Test(stats, median_keeps_exact_and_marks_approximate)
{
    expect_clean_out("median([1, sqrt(2), 3]);", "median([1, sqrt(2), 3]) = ≈1.414213562\n");
    /* the middle item is exact even when a neighbour is approximate */
    expect_clean_out("median([sqrt(2), 2, 3]);", "median([sqrt(2), 2, 3]) = 2\n");
    expect_clean_out("median([1, sqrt(2)]) == (1 + sqrt(2)) / 2;",
                     "median([1, sqrt(2)]) == (1 + sqrt(2)) / 2 = true\n");
}

Test(stats, median_of_nothing_is_an_error)
{
    expect_first_error("median([]);", "t.cx:1:8: error: median of nothing: the list is empty (the "
                                      "median needs at least one number)");
    expect_first_error("median(x for x in [1, 2] if x > 5);",
                       "t.cx:1:8: error: median of nothing: the list is empty (the median needs at "
                       "least one number)");
    expect_first_error(
        "median([1, \"a\"]);",
        "t.cx:1:8: error: median expects numbers, but item 2 of the list is a string");
}

/* ---- percentile ---------------------------------------------------------------- */

Test(stats, percentile_interpolates_between_closest_ranks)
{
    /* Excel: PERCENTILE.INC({15,20,35,40,50}, 0.4) = 29 */
    expect_clean_out("percentile([15, 20, 35, 40, 50], 40%);",
                     "percentile([15, 20, 35, 40, 50], 40%) = 29\n");
    /* PERCENTILE.INC({1,2,3,4}, 0.3) = 1.9 */
    expect_clean_out("percentile([4, 3, 2, 1], 0.3);", "percentile([4, 3, 2, 1], 0.3) = 1.9\n");
    expect_clean_out("percentile([1, 2, 3, 4], 1/3);", "percentile([1, 2, 3, 4], 1/3) = 2\n");
    expect_clean_out("percentile([1, 2], 1/3);", "percentile([1, 2], 1/3) = 1.333333333…\n");
    expect_clean_out("percentile(1..101, 90%);", "percentile(1..101, 90%) = 91\n");
}

Test(stats, percentile_at_the_ends_is_the_smallest_and_the_largest)
{
    expect_clean_out("percentile([5, 1, 9], 0);", "percentile([5, 1, 9], 0) = 1\n");
    expect_clean_out("percentile([5, 1, 9], 1);", "percentile([5, 1, 9], 1) = 9\n");
    expect_clean_out("percentile([5, 1, 9], 100%);", "percentile([5, 1, 9], 100%) = 9\n");
    expect_clean_out("percentile([5, 1, 9], 50%) == median([5, 1, 9]);",
                     "percentile([5, 1, 9], 50%) == median([5, 1, 9]) = true\n");
}

Test(stats, percentile_of_one_item_is_the_item)
{
    expect_clean_out("percentile([42], 0.37);", "percentile([42], 0.37) = 42\n");
    expect_clean_out("percentile(42, 0.37);", "percentile(42, 0.37) = 42\n");
}

Test(stats, percentile_of_a_series_and_approximate_inputs)
{
    expect_clean_out("s 2021..2024 = [40, 10, 30, 20]; percentile(s, 0.25);",
                     "percentile(s, 0.25) = 17.5\n");
    expect_clean_out("percentile([1, 2, 3, 4], sqrt(2) / 2);",
                     "percentile([1, 2, 3, 4], sqrt(2) / 2) = ≈3.121320344\n");
    /* an exact rank reads its number exactly, whatever its neighbours */
    expect_clean_out("percentile([1, 2, sqrt(10)], 0.5);",
                     "percentile([1, 2, sqrt(10)], 0.5) = 2\n");
    expect_clean_out("abs(percentile([1, 2, 3, 4], sqrt(2) / 2) - (1 + 3 * sqrt(2) / 2)) < 1e-70;",
                     "abs(percentile([1, 2, 3, 4], sqrt(2) / 2) - (1 + 3 * sqrt(2) / 2)) < 1e-70 = "
                     "true\n");
}

Test(stats, percentile_outside_0_to_1_is_an_error)
{
    expect_first_error("percentile([1, 2], 1.5);",
                       "t.cx:1:20: error: percentile: p must be from 0 to 1 (0% to 100%), got 1.5");
    expect_first_error(
        "percentile([1, 2], -1%);",
        "t.cx:1:20: error: percentile: p must be from 0 to 1 (0% to 100%), got -0.01");
    expect_first_error("percentile([1, 2], 90);",
                       "t.cx:1:20: error: percentile: p must be from 0 to 1 (0% to 100%), got 90");
    expect_first_error("percentile([], 0.5);",
                       "t.cx:1:12: error: percentile of nothing: the list is "
                       "empty (a percentile needs at least one number)");
    expect_first_error("percentile([1], \"a\");",
                       "t.cx:1:17: error: percentile expects a number as argument 2, got a string");
}

/* ---- sort ------------------------------------------------------------------------ */

Test(stats, sort_ascending_and_descending)
{
    expect_clean_out("sort([3, 1, 4, 1, 5]);", "sort([3, 1, 4, 1, 5]) = [1, 1, 3, 4, 5]\n");
    expect_clean_out("sort([3, 1, 4, 1, 5], true);",
                     "sort([3, 1, 4, 1, 5], true) = [5, 4, 3, 1, 1]\n");
    expect_clean_out("sort([3, 1, 4], false);", "sort([3, 1, 4], false) = [1, 3, 4]\n");
    expect_clean_out("sort(3, -1/2, 2);", "sort(3, -1/2, 2) = [-0.5, 2, 3]\n");
    expect_clean_out("sort([]);", "sort([]) = []\n");
    expect_clean_out("sort([7]);", "sort([7]) = [7]\n");
}

Test(stats, sort_of_a_series_is_a_list_of_its_values)
{
    expect_clean_out("q 2025Q1..2025Q4 = [4, 1, 3, 2]; sort(q);", "sort(q) = [1, 2, 3, 4]\n");
    expect_clean_out("sort(5..1);", "sort(5..1) = []\n");
    expect_clean_out("sort(1..3, true);", "sort(1..3, true) = [3, 2, 1]\n");
}

Test(stats, sort_is_stable_for_equal_values)
{
    /* 1 and 1.0 are the same number; an approximate 2 ties with an exact 2
     * and keeps its place. */
    expect_clean_out("sort([2, sqrt(4.0000), 1]);", "sort([2, sqrt(4.0000), 1]) = [1, 2, 2]\n");
    expect_clean_out("sort([sqrt(2)^2, 2, 1]);", "sort([sqrt(2)^2, 2, 1]) = [1, ≈2, 2]\n");
    expect_clean_out("sort([2, sqrt(2)^2, 1], true);",
                     "sort([2, sqrt(2)^2, 1], true) = [2, ≈2, 1]\n");
}

Test(stats, sort_refuses_what_is_not_a_number)
{
    expect_first_error("sort([1, \"b\"]);",
                       "t.cx:1:6: error: sort expects numbers, but item 2 of the list is a string");
    expect_first_error("sort([1, 2], 1);", "t.cx:1:14: error: sort expects true (descending) or "
                                           "false as argument 2, got a number");
    expect_first_error("sort(1, [2]);",
                       "t.cx:1:9: error: sort expects one list, series or range, or "
                       "several numbers; argument 2 is a list");
}

/* ---- var, varp, stdev, stdevp ------------------------------------------------------- */

Test(stats, variance_is_exact)
{
    expect_clean_out("xs = [2, 4, 4, 4, 5, 5, 7, 9]; var(xs); varp(xs); var(xs) == 32/7;",
                     "var(xs) = 4.571428571…\nvarp(xs) = 4\nvar(xs) == 32/7 = true\n");
    expect_clean_out("var(1, 2, 3, 4);", "var(1, 2, 3, 4) = 1.666666667…\n");
    expect_clean_out("var(0.1, 0.2, 0.3) == 0.01;", "var(0.1, 0.2, 0.3) == 0.01 = true\n");
    expect_clean_out("varp([5]);", "varp([5]) = 0\n");
    expect_clean_out("var(1..100);", "var(1..100) = 841.6666667…\n");
}

Test(stats, standard_deviation_is_exact_for_a_square)
{
    expect_clean_out("stdevp([2, 4, 4, 4, 5, 5, 7, 9]);", "stdevp([2, 4, 4, 4, 5, 5, 7, 9]) = 2\n");
    expect_clean_out("stdev(1, 3, 5);", "stdev(1, 3, 5) = 2\n");
    expect_clean_out("stdev(0.1, 0.2, 0.3);", "stdev(0.1, 0.2, 0.3) = 0.1\n");
    expect_clean_out("stdevp([7]);", "stdevp([7]) = 0\n");
}

Test(stats, standard_deviation_is_approximate_otherwise)
{
    expect_clean_out("stdev([2, 4, 4, 4, 5, 5, 7, 9]);",
                     "stdev([2, 4, 4, 4, 5, 5, 7, 9]) = ≈2.138089935\n");
    expect_clean_out("abs(stdev([2, 4, 4, 4, 5, 5, 7, 9])^2 - 32/7) < 1e-70;",
                     "abs(stdev([2, 4, 4, 4, 5, 5, 7, 9])^2 - 32/7) < 1e-70 = true\n");
    expect_clean_out("stdev(1, 2);", "stdev(1, 2) = ≈0.7071067812\n");
    expect_clean_out("var([1, sqrt(2)]);", "var([1, sqrt(2)]) = ≈0.08578643763\n");
}

Test(stats, variance_of_a_series)
{
    expect_clean_out("s 2021..2024 = [10, 20, 30, 40]; var(s); stdevp(s);",
                     "var(s) = 166.6666667…\nstdevp(s) = ≈11.18033989\n");
}

Test(stats, sample_variance_of_one_number_is_an_error)
{
    expect_first_error("var([5]);", "t.cx:1:5: error: var needs at least two numbers, got one: the "
                                    "sample variance divides by n - 1 (for a whole population use "
                                    "varp, which is 0 here)");
    expect_first_error("stdev(5);",
                       "t.cx:1:7: error: stdev needs at least two numbers, got one: the "
                       "sample standard deviation divides by n - 1 (for a whole "
                       "population use stdevp, which is 0 here)");
    expect_first_error("var([]);", "t.cx:1:5: error: var of nothing: the list is empty (the sample "
                                   "variance needs at least two numbers)");
    expect_first_error("stdevp([]);", "t.cx:1:8: error: stdevp of nothing: the list is empty (the "
                                      "variance needs at least one number)");
}

/* ---- all, any --------------------------------------------------------------------- */

Test(stats, all_and_any_over_booleans)
{
    expect_clean_out("all(x > 0 for x in [3, 1, 4]);", "all(x > 0 for x in [3, 1, 4]) = true\n");
    expect_clean_out("all(x > 1 for x in [3, 1, 4]);", "all(x > 1 for x in [3, 1, 4]) = false\n");
    expect_clean_out("any(x > 3 for x in [3, 1, 4]);", "any(x > 3 for x in [3, 1, 4]) = true\n");
    expect_clean_out("any(x > 4 for x in [3, 1, 4]);", "any(x > 4 for x in [3, 1, 4]) = false\n");
    expect_clean_out("all(true, 1 < 2);", "all(true, 1 < 2) = true\n");
    expect_clean_out("any(false, 1 > 2);", "any(false, 1 > 2) = false\n");
    expect_clean_out("all(false);", "all(false) = false\n");
}

Test(stats, all_of_nothing_is_true_and_any_of_nothing_false)
{
    expect_clean_out("all([]);", "all([]) = true\n");
    expect_clean_out("any([]);", "any([]) = false\n");
    expect_clean_out("all(x > 0 for x in [1, 2] if x > 5);",
                     "all(x > 0 for x in [1, 2] if x > 5) = true\n");
}

Test(stats, all_and_any_accept_only_booleans)
{
    expect_first_error(
        "all([true, 1]);",
        "t.cx:1:5: error: all expects booleans (true or false), but item 2 of the list "
        "is a number");
    /* checked even after the answer is known */
    expect_first_error(
        "any([true, \"yes\"]);",
        "t.cx:1:5: error: any expects booleans (true or false), but item 2 of the list "
        "is a string");
    expect_first_error("all(true, 0);",
                       "t.cx:1:11: error: all expects a list of booleans or several "
                       "booleans; argument 2 is a number");
    expect_first_error("s 2025 = 1; any(s);", "t.cx:1:17: error: any expects a list of booleans or "
                                              "several booleans; argument 1 is a series");
}
