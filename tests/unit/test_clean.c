/* test_clean.c - runtime/clean.c: what reaches a terminal is clean. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdlib.h>
#include <string.h>
#include "../../runtime/clean.h"

static void expect_clean(const char *in, const char *want)
{
    char *s = strdup(in);
    char *r = cx_clean_text(s);
    cr_assert(eq(str, r, (char *)want), "cleaning %s", in);
    free(r);
}

Test(clean, controls_become_one_mark_each)
{
    expect_clean("plain text, tab\there", "plain text, tab\there");
    expect_clean("a\rb", "a\xef\xbf\xbd"
                         "b");
    expect_clean("\x1b[31mred", "\xef\xbf\xbd[31mred");
    expect_clean("del\x7f", "del\xef\xbf\xbd");
    expect_clean("c1 \xc2\x9b", "c1 \xef\xbf\xbd");               /* U+009B: one mark */
    expect_clean("bad \xff\xfe", "bad \xef\xbf\xbd\xef\xbf\xbd"); /* not UTF-8: per byte */
    expect_clean("ok \xe2\x89\x88 \xc2\xb1", "ok \xe2\x89\x88 \xc2\xb1");
    expect_clean("cut \xe2\x89", "cut \xef\xbf\xbd\xef\xbf\xbd");
}

Test(clean, clean_text_is_returned_as_it_is)
{
    char *s = strdup("nothing to do");
    cr_assert(eq(ptr, cx_clean_text(s), s));
    free(s);
    cr_assert(eq(ptr, cx_clean_text(NULL), NULL));
}
