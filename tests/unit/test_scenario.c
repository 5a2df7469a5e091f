/* test_scenario.c - scenarios through the public API: a re-run sees the
 * scenario's facts and only them, the base is left as it was, periods and
 * inputs are facts, the REPL's failed lines stay out of a re-run, and each
 * check in all scenarios is counted. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdlib.h>
#include <string.h>
#include "cx.h"
#include "helpers.h"

Test(scenario, table_shows_each_scenario_and_its_difference_exactly)
{
    expect_clean_out("g = 5%; rev = 100 * (1 + g); scenario bear: g = 1%; scenario bull: g = 1/3;"
                     "table scenarios: rev;",
                     "scenario | base | bear | bear - base |         bull |   bull - base\n"
                     "-------- | ---- | ---- | ----------- | ------------ | -------------\n"
                     "rev      |  105 |  101 |          -4 | 133.3333333… | +28.33333333…\n");
}

Test(scenario, the_base_is_unchanged_after_a_rerun)
{
    expect_clean_out("a = 1; b = a * 10; scenario s: a = 2; table scenarios: b; b; a;",
                     "scenario | base |  s | s - base\n"
                     "-------- | ---- | -- | --------\n"
                     "b        |   10 | 20 |      +10\n"
                     "b = 10\n"
                     "a = 1\n");
}

Test(scenario, a_series_period_and_a_recurrence_follow_the_fact)
{
    expect_clean_out("v 2025 = 100; v 2026..2027 = v[t - 1] * 2; scenario s: v 2025 = 1;"
                     "table scenarios: v 2027;",
                     "scenario | base | s | s - base\n"
                     "-------- | ---- | - | --------\n"
                     "v 2027   |  400 | 4 |     -396\n");
}

Test(scenario, functions_see_the_scenarios_names)
{
    expect_clean_out("r = 2; fn f(x) = x * r; scenario s: r = 3; table scenarios: f(5);",
                     "scenario | base |  s | s - base\n"
                     "-------- | ---- | -- | --------\n"
                     "f(5)     |   10 | 15 |       +5\n");
}

Test(scenario, statements_after_the_asking_one_do_not_run_again)
{
    /* c is defined after the table: in the scenario it does not exist yet. */
    run_result r = run_cx("a = 1; scenario s: a = 2; table scenarios: a; c = 1 / 0;", false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_ERROR));
    cr_assert(strstr(r.out, "a        |    1 | 2 |       +1") != NULL);
    cr_assert(strstr(r.error, "division by zero") != NULL);
    run_result_free(&r);
}

Test(scenario, every_check_in_all_scenarios_counts)
{
    cx_state *st = cx_state_new(NULL);
    const char *src = "a = 1; scenario s: a = 2; scenario t: a = 3; check a < 3 in all scenarios;";
    cr_assert(eq(int, (int)cx_run_string(st, "t", src, strlen(src)), (int)CX_RUN_CHECK_FAILED));
    cr_assert(eq(sz, cx_checks_passed(st), 2));
    cr_assert(eq(sz, cx_checks_failed(st), 1));
    cx_state_free(st);
}

Test(scenario, an_input_is_a_fact)
{
    cx_state *st = cx_state_new(NULL);
    cr_assert(eq(int, (int)cx_define(st, "g", "5%"), (int)CX_RUN_OK));
    const char *src = "x = 100 * g; scenario s: g = 10%; check x == 10 in all scenarios;";
    cr_assert(eq(int, (int)cx_run_string(st, "t", src, strlen(src)), (int)CX_RUN_CHECK_FAILED));
    cr_assert(eq(sz, cx_checks_passed(st), 1)); /* in s */
    cr_assert(eq(sz, cx_checks_failed(st), 1)); /* the base: 5 */
    cx_state_free(st);
}

Test(scenario, the_repl_reruns_every_line_but_the_failed_ones)
{
    cx_options o;
    cx_options_default(&o);
    o.repl = true;
    cx_state *st = cx_state_new(&o);
    const char *lines[] = {"a = 1;", "bad = 1 / (a - 1);", "b = a * 2;", "scenario s: a = 4;",
                           "check b > 2 in all scenarios;"};
    cx_run_status want[] = {CX_RUN_OK, CX_RUN_ERROR, CX_RUN_OK, CX_RUN_OK, CX_RUN_CHECK_FAILED};
    for (size_t i = 0; i < 5; i++)
        cr_assert(
            eq(int, (int)cx_run_string(st, "line", lines[i], strlen(lines[i])), (int)want[i]));
    /* In s the failed line would have passed, but it did not run in the
     * base, so it does not run again either: b is 8 and the check passes. */
    cr_assert(eq(sz, cx_checks_passed(st), 1));
    cr_assert(eq(sz, cx_checks_failed(st), 1));
    cx_state_free(st);
}

Test(scenario, a_computed_name_is_not_a_fact)
{
    expect_first_error(
        "a = 1; b = a + 1; scenario s: b = 5;",
        "t.cx:1:31: error: 'b' is computed from other names: a scenario sets facts only");
}

Test(scenario, a_scenario_that_breaks_the_script_names_itself)
{
    run_result r =
        run_cx("n = 10; p = 1 / (n - 12); scenario big: n = 12; table scenarios: p;", false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_ERROR));
    cr_assert(strstr(r.error, "division by zero") != NULL);
    cr_assert(strstr(r.error, "while running the script with scenario 'big'") != NULL);
    run_result_free(&r);
}

Test(scenario, the_repl_replaces_a_scenario_defined_again)
{
    cx_options o;
    cx_options_default(&o);
    o.repl = true;
    cx_state *st = cx_state_new(&o);
    const char *lines[] = {"a = 1;", "scenario s: a = 2;", "scenario s: a = 5;",
                           "check a < 3 in all scenarios;"};
    for (size_t i = 0; i < 3; i++)
        cr_assert(
            eq(int, (int)cx_run_string(st, "line", lines[i], strlen(lines[i])), (int)CX_RUN_OK));
    /* The second definition replaced the first: in s, a is 5. */
    cr_assert(eq(int, (int)cx_run_string(st, "line", lines[3], strlen(lines[3])),
                 (int)CX_RUN_CHECK_FAILED));
    cr_assert(eq(sz, cx_checks_passed(st), 1));
    cr_assert(eq(sz, cx_checks_failed(st), 1));
    cx_state_free(st);
}
