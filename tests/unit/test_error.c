/* test_error.c - errors as values (runtime/error.c): the list of a run, notes,
 * hints, messages that are rewritten, the message per number status, and the
 * code table's edges.  Rendering is test_diag.c's. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "../../runtime/error.h"

static const cx_span at = {1, 4, 9};

Test(error, add_keeps_code_kind_message_and_span)
{
    cx_diag d;
    cx_diag_init(&d);
    cx_error *e = cx_diag_add(&d, CX_E_MATH_DIV_ZERO, at, "%s by %d", "division", 0);
    cr_assert(ne(ptr, e, NULL));
    cr_assert(eq(sz, d.len, 1));
    cr_assert(eq(int, e->code, CX_E_MATH_DIV_ZERO));
    cr_assert(eq(int, e->kind, CX_ERRK_MATH));
    cr_assert(eq(str, e->message, "division by 0"));
    cr_assert(eq(u32, e->span.start, 4));
    cr_assert(eq(u32, e->span.end, 9));
    cr_assert(eq(ptr, e->hint, NULL));
    cr_assert(eq(sz, e->n_notes, 0));
    cx_diag_clear(&d);
}

Test(error, the_list_grows_past_its_first_block_and_clears)
{
    cx_diag d;
    cx_diag_init(&d);
    for (int i = 0; i < 20; i++) cx_diag_add(&d, CX_E_SYNTAX_UNEXPECTED, at, "error %d", i);
    cr_assert(eq(sz, d.len, 20));
    cr_assert(eq(str, d.items[0].message, "error 0"));
    cr_assert(eq(str, d.items[19].message, "error 19"));
    cx_diag_clear(&d);
    cr_assert(eq(sz, d.len, 0));
    cr_assert(eq(ptr, d.items, NULL));
    /* Still usable after a clear. */
    cr_assert(ne(ptr, cx_diag_add(&d, CX_E_IO_READ, at, "again"), NULL));
    cr_assert(eq(int, d.items[0].kind, CX_ERRK_IO));
    cx_diag_clear(&d);
}

Test(error, notes_are_kept_in_order_and_a_new_hint_replaces_the_old)
{
    cx_diag d;
    cx_diag_init(&d);
    cx_error *e = cx_diag_add(&d, CX_E_NAME_REDEFINED, at, "'a' is already defined");
    cx_error_add_note(e, (cx_span){1, 0, 1}, "first defined %s", "here");
    cx_error_add_note(e, (cx_span){1, 2, 3}, "and used %d times", 2);
    cx_error_set_hint(e, "use a new name");
    cx_error_set_hint(e, "use %s", "another name");
    cr_assert(eq(sz, e->n_notes, 2));
    cr_assert(eq(str, e->notes[0].text, "first defined here"));
    cr_assert(eq(u32, e->notes[1].span.start, 2));
    cr_assert(eq(str, e->notes[1].text, "and used 2 times"));
    cr_assert(eq(str, e->hint, "use another name"));
    cx_diag_clear(&d);
}

Test(error, a_message_can_be_rewritten_quoting_the_old_one)
{
    cx_diag d;
    cx_diag_init(&d);
    cx_error *e = cx_diag_add(&d, CX_E_MATH_DIV_ZERO, at, "division by zero");
    cx_error_set_message(e, "%s (at %s)", e->message, "2025Q1");
    cr_assert(eq(str, e->message, "division by zero (at 2025Q1)"));
    cx_diag_clear(&d);
}

Test(error, no_error_means_nothing_to_change)
{
    /* A failed add returns NULL; callers pass it on without checking. */
    cx_error_set_message(NULL, "x");
    cx_error_set_hint(NULL, "x");
    cx_error_add_note(NULL, at, "x");
}

static void expect_num_error(cx_num_status st, cx_err_code code, const char *msg)
{
    cx_diag d;
    cx_diag_init(&d);
    cr_assert(eq(int, cx_num_error(&d, st, at, 50), CX_FAIL));
    cr_assert(eq(sz, d.len, 1));
    cr_assert(eq(int, d.items[0].code, code));
    cr_assert(eq(str, d.items[0].message, (char *)msg));
    cx_diag_clear(&d);
}

Test(error, each_number_status_has_its_code_and_message)
{
    cx_diag d;
    cx_diag_init(&d);
    cr_assert(eq(int, cx_num_error(&d, CX_NUM_OK, at, 50), CX_OK));
    cr_assert(eq(sz, d.len, 0));
    expect_num_error(CX_NUM_DIV_ZERO, CX_E_MATH_DIV_ZERO, "division by zero");
    expect_num_error(CX_NUM_TOO_BIG, CX_E_LIMIT_RESULT_SIZE,
                     "result too large: more than 50 digits");
    expect_num_error(CX_NUM_DOMAIN, CX_E_MATH_DOMAIN, "math domain error: no real result");
    expect_num_error(CX_NUM_NOT_INT, CX_E_MATH_NOT_INTEGER, "an integer is required here");
    expect_num_error(CX_NUM_BAD_TEXT, CX_E_SYNTAX_BAD_NUMBER, "invalid number");
    expect_num_error(CX_NUM_NOMEM, CX_E_LIMIT_MEMORY, "out of memory");
}

Test(error, result_too_large_names_the_flag)
{
    cx_diag d;
    cx_diag_init(&d);
    cx_num_error(&d, CX_NUM_TOO_BIG, at, 7);
    cr_assert(eq(str, d.items[0].hint, "the limit is set with --max-digits N"));
    cx_diag_clear(&d);
}

Test(error, codes_outside_the_table)
{
    cr_assert(eq(str, (char *)cx_err_code_text(CX_E_MATH_DIV_ZERO), "math-div-zero"));
    cr_assert(eq(str, (char *)cx_err_code_text(CX_E_LIMIT_MEMORY), "limit-memory"));
    cr_assert(eq(int, cx_err_code_kind(CX_E_LIMIT_MEMORY), CX_ERRK_LIMIT));
    cr_assert(eq(ptr, (void *)cx_err_code_text(CX_E_COUNT), NULL));
    cr_assert(eq(ptr, (void *)cx_err_code_text((cx_err_code)-1), NULL));
    cr_assert(eq(int, cx_err_code_kind(CX_E_COUNT), CX_ERRK_INTERNAL));
}

Test(error, article_before_a_word)
{
    cr_assert(eq(str, (char *)cx_article("annual"), "an"));
    cr_assert(eq(str, (char *)cx_article("quarterly"), "a"));
    cr_assert(eq(str, (char *)cx_article("8"), "a"));
}

Test(error, strdupf_formats_into_new_memory)
{
    char *s = cx_strdupf("%d%%, %s", 12, "ok");
    cr_assert(eq(str, s, "12%, ok"));
    free(s);
    char *e = cx_strdupf("%s", "");
    cr_assert(eq(str, e, ""));
    free(e);
}
