/* test_diag.c - rendered errors: location, source line, caret under the
 * span, notes, hints, and no raw control bytes. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include "helpers.h"

static void expect_render(const char *src, const char *want)
{
    run_result r = run_cx(src, false);
    cr_assert(ne(ptr, r.error, NULL));
    cr_assert(eq(str, r.error, (char *)want));
    run_result_free(&r);
}

Test(diag, caret_spans_the_name)
{
    expect_render("capex = 1;\ncheck capx > 0;",
                  "t.cx:2:7: error: unknown name 'capx'\n"
                  "   2 | check capx > 0;\n"
                  "     |       ^~~~\n"
                  "hint: did you mean 'capex'? (defined at t.cx:1:1)\n");
}

Test(diag, redefinition_shows_both_places)
{
    expect_render("a = 1;\na = 2;", "t.cx:2:1: error: 'a' is already defined\n"
                                    "   2 | a = 2;\n"
                                    "     | ^\n"
                                    "t.cx:1:1: note: first defined here\n"
                                    "   1 | a = 1;\n"
                                    "     | ^\n"
                                    "hint: a script defines each fact once, so a pasted line "
                                    "cannot silently change it; use a new name\n");
}

Test(diag, columns_count_characters_not_bytes)
{
    expect_render("s = \"€€\"; y = 1 / 0;", "t.cx:1:17: error: division by zero\n"
                                            "   1 | s = \"€€\"; y = 1 / 0;\n"
                                            "     |                 ^\n");
}

Test(diag, tabs_are_kept_in_the_caret_line)
{
    expect_render("\tx = 1 / 0;", "t.cx:1:8: error: division by zero\n"
                                  "   1 | \tx = 1 / 0;\n"
                                  "     | \t      ^\n");
}

Test(diag, control_bytes_are_never_echoed)
{
    run_result r = run_cx("x = \x1b[31m;", false);
    cr_assert(eq(ptr, strchr(r.error, '\x1b'), NULL));
    cr_assert(ne(ptr, strstr(r.error, "control character U+001B"), NULL));
    run_result_free(&r);
}
