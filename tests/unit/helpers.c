/* helpers.c - runs cx source for unit tests and collects its outputs. */
#include "helpers.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>

#include <stdlib.h>
#include <string.h>

static void collect(void *ud, const cx_output *o)
{
    char **out = ud;
    size_t old = *out ? strlen(*out) : 0, add = strlen(o->text);
    char *s = realloc(*out, old + add + 2);
    if (!s) return;
    memcpy(s + old, o->text, add);
    s[old + add] = '\n';
    s[old + add + 1] = '\0';
    *out = s;
}

run_result run_cx(const char *src, bool repl)
{
    cx_options o;
    cx_options_default(&o);
    o.repl = repl;
    cx_state *cx = cx_state_new(&o);
    run_result r = {0};
    r.out = calloc(1, 1);
    cx_state_set_output(cx, collect, &r.out);
    r.status = cx_run_string(cx, "t.cx", src, strlen(src));
    r.n_errors = cx_error_count(cx);
    if (r.n_errors) r.error = cx_error_render(cx, 0, false);
    cx_state_free(cx);
    return r;
}

void run_result_free(run_result *r)
{
    free(r->out);
    free(r->error);
}

void expect_clean_out(const char *src, const char *want)
{
    run_result r = run_cx(src, false);
    cr_assert(eq(str, r.error ? r.error : "", ""), "%s", src);
    cr_assert(eq(str, r.out, (char *)want), "%s", src);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_OK));
    run_result_free(&r);
}

void expect_first_error(const char *src, const char *first_line)
{
    run_result r = run_cx(src, false);
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_ERROR), "%s", src);
    cr_assert(ne(ptr, r.error, NULL));
    char *nl = strchr(r.error, '\n');
    if (nl) *nl = '\0';
    cr_assert(eq(str, r.error, (char *)first_line), "%s", src);
    run_result_free(&r);
}
