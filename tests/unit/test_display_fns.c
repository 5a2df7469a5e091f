/* test_display_fns.c - stdlib/display_fns.c through the public API: money
 * with its places, scale rule and symbol, fmt with and without thousands
 * separators, pct; the argument errors.  The digit rules themselves are
 * tested in test_format.c. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "helpers.h"

Test(display_fns, money_does_not_round_away_more_than_the_places)
{
    expect_clean_out("money(1_580_192, 0);", "money(1_580_192, 0) = $1,580,192\n");
    expect_clean_out("money(1_580_192, 1);", "money(1_580_192, 1) = $1.6M\n");
    expect_clean_out("money(1_580_192);", "money(1_580_192) = $1.58M\n");
    expect_clean_out("money(6B, 0); money(4.8B, 0); money(48B, 0);",
                     "money(6B, 0) = $6B\nmoney(4.8B, 0) = $4,800M\nmoney(48B, 0) = $48B\n");
}

Test(display_fns, money_with_a_symbol_or_a_code)
{
    expect_clean_out("money(6B, 1, \"EUR\");", "money(6B, 1, \"EUR\") = EUR 6.0B\n");
    expect_clean_out("money(6B, 0, \"€\");", "money(6B, 0, \"€\") = €6B\n");
    expect_clean_out("money(-1234.5, 2, \"£\");", "money(-1234.5, 2, \"£\") = -£1,234.50\n");
    expect_clean_out("money(-4.8B, 2, \"\");", "money(-4.8B, 2, \"\") = -4.80B\n");
    expect_clean_out("money(1_580_192, 0, \"CHF\");",
                     "money(1_580_192, 0, \"CHF\") = CHF 1,580,192\n");
}

Test(display_fns, fmt_without_separators_is_a_label)
{
    expect_clean_out("fmt(2031, 0, false);", "fmt(2031, 0, false) = 2031\n");
    expect_clean_out("fmt(2031, 0, true);", "fmt(2031, 0, true) = 2,031\n");
    expect_clean_out("fmt(2031, 0);", "fmt(2031, 0) = 2,031\n");
    expect_clean_out("fmt(-1234567.891, 2, false);", "fmt(-1234567.891, 2, false) = -1234567.89\n");
    expect_clean_out("fmt(2/3, 2, 0);", "fmt(2/3, 2, 0) = 0.67\n");
}

Test(display_fns, argument_errors)
{
    expect_first_error("money(1, 2, 3);",
                       "t.cx:1:13: error: money expects a string as argument 3, got 3");
    expect_first_error("money(1, -1, \"$\");", "t.cx:1:10: error: money expects a whole number of "
                                               "places from 0 to 1000 as argument 2, got -1");
    expect_first_error("fmt(1, 0, \"no\");",
                       "t.cx:1:11: error: fmt expects true or false (or 1 or 0) "
                       "as argument 3, got a string");
}
