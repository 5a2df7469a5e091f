/* test_strbuf.c - the growable text buffer. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdlib.h>
#include "../../runtime/strbuf.h"

Test(strbuf, puts_grow_and_take)
{
    cx_strbuf b = {0};
    for (int i = 0; i < 1000; i++) cx_strbuf_puts(&b, "ab");
    cx_strbuf_putc(&b, '!');
    cx_strbuf_printf(&b, "%d-%s", 42, "x");
    char *s = cx_strbuf_take(&b);
    cr_assert(eq(sz, strlen(s), 2000 + 1 + 4));
    cr_assert(eq(str, s + 2000, "!42-x"));
    cr_assert(eq(ptr, b.p, NULL));
    free(s);
}

Test(strbuf, take_of_nothing_is_an_empty_string)
{
    cx_strbuf b = {0};
    char *s = cx_strbuf_take(&b);
    cr_assert(eq(str, s, ""));
    free(s);
}

Test(strbuf, put_keeps_embedded_bytes_by_length)
{
    cx_strbuf b = {0};
    cx_strbuf_put(&b, "a\0b", 3);
    cr_assert(eq(sz, b.len, 3));
    char *s = cx_strbuf_take(&b);
    cr_assert(eq(int, s[2], 'b'));
    free(s);
}
