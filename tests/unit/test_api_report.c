/* test_api_report.c - the report part of include/cx.h through the public API
 * only: a report read as the entry, regions run in one state, inline values,
 * bound numbers (article forms, the written precision, never looser than the
 * figure), syntax passes and errors located in the report's own lines. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cx.h"

static cx_state *cx;
static char path[] = "/tmp/cx_report_XXXXXX";
static const char *text;
static size_t len;
static uint32_t report;

/* Writes `body` as the report and loads it. */
static void load(const char *body)
{
    strcpy(path, "/tmp/cx_report_XXXXXX");
    int fd = mkstemp(path);
    cr_assert(ge(int, fd, 0));
    cr_assert(eq(sz, (size_t)write(fd, body, strlen(body)), strlen(body)));
    close(fd);
    report = cx_report_load(cx, path, &text, &len);
    cr_assert(ne(u32, report, 0));
    cr_assert(eq(sz, len, strlen(body)));
}

static void setup(void)
{
    cx_options o;
    cx_options_default(&o);
    cx = cx_state_new(&o);
    path[0] = '\0';
}

static void teardown(void)
{
    cx_state_free(cx);
    if (path[0]) unlink(path);
}

TestSuite(api_report, .init = setup, .fini = teardown);

/* The region of the first occurrence of `code` in the report. */
static uint32_t region(const char *code, bool expression)
{
    const char *at = strstr(text, code);
    cr_assert(ne(ptr, (void *)at, NULL));
    return cx_region_new(cx, report, (size_t)(at - text), strlen(code), expression);
}

static size_t offset(const char *s)
{
    const char *at = strstr(text, s);
    cr_assert(ne(ptr, (void *)at, NULL));
    return (size_t)(at - text);
}

static char *first_error(void)
{
    cr_assert(gt(sz, cx_error_count(cx), 0));
    return cx_error_render(cx, 0, false);
}

Test(api_report, regions_run_in_one_state)
{
    load("```cx\nx = 6;\n```\nx is `{cx} x * 7`.\n");
    cr_assert(eq(int, (int)cx_region_run(cx, region("x = 6;\n", false)), (int)CX_RUN_OK));
    char *v = NULL;
    cr_assert(eq(int, (int)cx_region_value(cx, region("x * 7", true), &v), (int)CX_RUN_OK));
    cr_assert(eq(str, v, "42"));
    cx_free(v);
}

Test(api_report, a_string_shows_without_quotes)
{
    load("`{cx} money(6e9, 1)`");
    char *v = NULL;
    cr_assert(eq(int, (int)cx_region_value(cx, region("money(6e9, 1)", true), &v), (int)CX_RUN_OK));
    cr_assert(eq(str, v, "$6.0B"));
    cx_free(v);
}

Test(api_report, errors_point_into_the_report)
{
    load("# T\n\nCapex: `{cx} capx + 1`.\n");
    char *v = NULL;
    cr_assert(eq(int, (int)cx_region_value(cx, region("capx + 1", true), &v), (int)CX_RUN_ERROR));
    cr_assert(eq(ptr, (void *)v, NULL));
    cx_error_info e;
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.code, "name-unknown"));
    cr_assert(eq(sz, e.line, 3));
    cr_assert(eq(sz, e.col, 14));
    char *m = first_error();
    cr_assert(ne(ptr, strstr(m, "   3 | Capex: `{cx} capx + 1`.\n"), NULL), "%s", m);
    cr_assert(ne(ptr, strstr(m, "     |              ^~~~\n"), NULL), "%s", m);
    free(m);
}

Test(api_report, a_syntax_error_at_the_added_semicolon_names_the_end)
{
    load("a `{cx} 2 *` b");
    cr_assert(eq(int, (int)cx_region_check(cx, region("2 *", true)), (int)CX_RUN_ERROR));
    cx_error_info e;
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.message, "expected expression, found the end of the code"));
    cr_assert(eq(sz, e.col, 12)); /* just past the "2 *" */
}

Test(api_report, an_inline_value_is_one_expression)
{
    load("`{cx} y = 2` `{cx} 1; 2` `{cx} `");
    cr_assert(eq(int, (int)cx_region_check(cx, region("y = 2", true)), (int)CX_RUN_ERROR));
    cx_error_info e;
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.code, "syntax-report"));
    cr_assert(eq(int, (int)cx_region_check(cx, region("1; 2", true)), (int)CX_RUN_ERROR));
    cr_assert(eq(int, (int)cx_region_check(cx, cx_region_new(cx, report, 30, 0, true)),
                 (int)CX_RUN_ERROR));
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.message, "an inline value is empty"));
    /* Nothing ran: y is not defined. */
    cr_assert(eq(ptr, (void *)cx_state_value(cx, "y"), NULL));
}

/* Checks [fig](cx:expr) with `expr` in the report after the figure. */
static cx_run_status bound(const char *fig, const char *expr, cx_bound_result *b)
{
    return cx_region_bound(cx, region(expr, true), report, offset(fig), strlen(fig), b);
}

Test(api_report, bound_numbers_use_the_written_precision)
{
    load("[$6.0B] [$6B] [61%] [1,078] [\xE2\x88\x92"
         "4.8B] [$125B] [25bp] [6.01bn] "
         "| 6.04B 6.05B 5.5B 0.605 1077.5 -4.85B 125.4B 0.00245 6.0149B");
    static const struct {
        const char *fig, *expr;
        cx_run_status want;
    } cases[] = {
        {"$6.0B", "6.04B", CX_RUN_OK},
        {"$6.0B", "6.05B", CX_RUN_CHECK_FAILED},
        {"$6B", "5.5B", CX_RUN_OK},
        {"61%", "0.605", CX_RUN_OK},
        {"1,078", "1077.5", CX_RUN_OK},
        {"\xE2\x88\x92"
         "4.8B",
         "-4.85B", CX_RUN_CHECK_FAILED},
        {"$125B", "125.4B", CX_RUN_OK},
        {"25bp", "0.00245", CX_RUN_OK},
        {"6.01bn", "6.0149B", CX_RUN_OK},
    };
    /* (word suffixes: below) */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cx_bound_result b;
        cx_run_status st = bound(cases[i].fig, cases[i].expr, &b);
        cr_assert(eq(int, (int)st, (int)cases[i].want), "%s ~ %s", cases[i].expr, cases[i].fig);
        cr_assert(b.checked);
        cr_assert(eq(int, b.passed, cases[i].want == CX_RUN_OK));
        cx_bound_result_free(&b);
    }
    cr_assert(eq(sz, cx_checks_failed(cx), 2));
}

Test(api_report, the_value_is_written_as_the_figure_was)
{
    load("[$7.0B] [\xE2\x88\x92"
         "4.7B] [62%] [1,079] | 6.012B -4.75B 0.6123 1078.4");
    static const char *const cases[][3] = {
        {"$7.0B", "6.012B", "$6.0B"},
        {"\xE2\x88\x92"
         "4.7B",
         "-4.75B",
         "\xE2\x88\x92"
         "4.8B"},
        {"62%", "0.6123", "61%"},
        {"1,079", "1078.4", "1,078"},
    };
    for (size_t i = 0; i < 4; i++) {
        cx_bound_result b;
        cr_assert(eq(int, (int)bound(cases[i][0], cases[i][1], &b), (int)CX_RUN_CHECK_FAILED));
        cr_assert(eq(str, b.value, (char *)cases[i][2]));
        cx_bound_result_free(&b);
    }
}

Test(api_report, figures_with_words)
{
    load("[$6.0 billion] [61 percent] [14 thousand] [2.5 million] | 6.04B 0.605 14499 2.449M");
    static const char *const cases[][2] = {
        {"$6.0 billion", "6.04B"},
        {"61 percent", "0.605"},
        {"14 thousand", "14499"},
        {"2.5 million", "2.449M"},
    };
    for (size_t i = 0; i < 4; i++) {
        cx_bound_result b;
        cx_run_status want = i == 3 ? CX_RUN_CHECK_FAILED : CX_RUN_OK;
        cr_assert(eq(int, (int)bound(cases[i][0], cases[i][1], &b), (int)want), "%s", cases[i][0]);
        cx_bound_result_free(&b);
    }
    cx_bound_result b;
    bound("2.5 million", "2.449M", &b);
    cr_assert(eq(str, b.value, "2.4 million"));
    cx_bound_result_free(&b);
}

Test(api_report, an_empty_figure_is_filled_in)
{
    load("[](cx:x) | 6012000000");
    cx_bound_result b;
    uint32_t r = region("6012000000", true);
    cr_assert(eq(int, (int)cx_region_bound(cx, r, report, 1, 0, &b), (int)CX_RUN_OK));
    cr_assert(not(b.checked));
    cr_assert(eq(str, b.value, "6,012,000,000"));
    cx_bound_result_free(&b);
}

Test(api_report, a_figure_that_is_none_is_a_located_error)
{
    load("[about six](cx:6)");
    cr_assert(eq(int, (int)cx_figure_check(cx, report, 1, 9), (int)CX_RUN_ERROR));
    cx_error_info e;
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.code, "syntax-report"));
    cr_assert(eq(sz, e.col, 2));
    cr_assert(eq(int, (int)cx_figure_check(cx, report, 1, 0), (int)CX_RUN_OK));
    static const char *const bad[] = {"1,00", "1,0000", "$", "6.B", "6 B", "6x", "--6", "1.2.3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cx_state_free(cx);
        cx_options o;
        cx_options_default(&o);
        cx = cx_state_new(&o);
        char body[64];
        snprintf(body, sizeof body, "%s", bad[i]);
        unlink(path);
        load(body);
        cr_assert(eq(int, (int)cx_figure_check(cx, report, 0, strlen(bad[i])), (int)CX_RUN_ERROR),
                  "%s", bad[i]);
    }
}

Test(api_report, a_bound_expression_must_give_a_number)
{
    load("[5](cx:\"five\")");
    cx_bound_result b;
    cr_assert(eq(int, (int)bound("5", "\"five\"", &b), (int)CX_RUN_ERROR));
    cx_error_info e;
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.code, "type-check-number"));
    cr_assert(eq(ptr, (void *)b.value, NULL));
}

Test(api_report, host_errors_render_like_cx_errors)
{
    load("```cx\nx = 1;\n");
    cr_assert(cx_report_error(cx, report, 0, 5, "this ```cx block is never closed", "close it"));
    char *m = first_error();
    cr_assert(eq(str,
                 strstr(m, ":1:1: error: this ```cx block is never closed\n"
                           "   1 | ```cx\n"
                           "     | ^~~~~\n"
                           "hint: close it\n"),
                 strstr(m, ":1:1:")));
    free(m);
}

Test(api_report, reads_are_confined_to_the_report_folder)
{
    load("`{cx} sum(csv(\"/etc/passwd\", \"x\"))`");
    char *v = NULL;
    cr_assert(eq(int,
                 (int)cx_region_value(cx, region("sum(csv(\"/etc/passwd\", \"x\"))", true), &v),
                 (int)CX_RUN_IO));
    cx_error_info e;
    cr_assert(cx_error_get(cx, 0, &e));
    cr_assert(eq(str, (char *)e.code, "io-read-outside"));
}

Test(api_report, functions_defined_in_a_block_stay_callable)
{
    load("```cx\nfn twice(x) = 2 * x;\n```\n`{cx} twice(21)`");
    cr_assert(
        eq(int, (int)cx_region_run(cx, region("fn twice(x) = 2 * x;\n", false)), (int)CX_RUN_OK));
    char *v = NULL;
    cr_assert(eq(int, (int)cx_region_value(cx, region("twice(21)", true), &v), (int)CX_RUN_OK));
    cr_assert(eq(str, v, "42"));
    cx_free(v);
}
