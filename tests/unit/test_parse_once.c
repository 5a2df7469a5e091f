/* test_parse_once.c - a single run's script is parsed once (interp/state.c,
 * run_once): its statements run as they are parsed, their output waits for
 * the end of the parse, and a syntax error anywhere throws it all away. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../include/cx.h"
#include "../../interp/state.h"

typedef struct seen {
    char text[64][64];
    size_t n;
    bool svg; /* a chart record could still be drawn */
} seen;

static void on_output(void *ud, const cx_output *o)
{
    seen *s = ud;
    if (s->n < 64) snprintf(s->text[s->n++], 64, "%s", o->text);
    if (o->kind == CX_OUT_CHART) {
        char *svg = cx_output_chart_svg(o);
        s->svg = svg && strstr(svg, "<svg") != NULL;
        free(svg);
    }
}

static cx_state *single(seen *s)
{
    cx_options o;
    cx_options_default(&o);
    o.single_run = true;
    cx_state *st = cx_state_new(&o);
    cr_assert(ne(ptr, st, NULL));
    cx_state_set_output(st, on_output, s);
    return st;
}

static cx_run_status run(cx_state *st, const char *src)
{
    return cx_run_string(st, "<test>", src, strlen(src));
}

static const char *first_error(cx_state *st)
{
    static cx_error_info e;
    cr_assert(cx_error_get(st, 0, &e));
    return e.code;
}

Test(parse_once, a_syntax_error_at_the_end_throws_away_what_ran)
{
    seen s = {0};
    cx_state *st = single(&s);
    cr_assert(eq(int, (int)run(st, "print 1; check 1 == 2; y = 1 / 0; print 3; z = (;"),
                 (int)CX_RUN_ERROR));
    cr_assert(eq(sz, s.n, 0));
    cr_assert(eq(sz, cx_checks_failed(st), 0));
    cr_assert(eq(sz, cx_error_count(st), 1)); /* the syntax error, not the division */
    cr_assert(eq(str, (char *)first_error(st), "syntax-unexpected"));
    cx_state_free(st);
}

Test(parse_once, output_goes_out_in_order_then_the_error)
{
    seen s = {0};
    cx_state *st = single(&s);
    cr_assert(
        eq(int, (int)run(st, "print 1; check 1 == 2; y = 1 / 0; print 3;"), (int)CX_RUN_ERROR));
    cr_assert(eq(sz, s.n, 2));
    cr_assert(eq(str, s.text[0], "1"));
    cr_assert(eq(int, strncmp(s.text[1], "FAIL", 4), 0));
    cr_assert(eq(sz, cx_checks_failed(st), 1));
    cr_assert(eq(sz, cx_error_count(st), 1));
    cr_assert(eq(str, (char *)first_error(st), "math-div-zero"));
    cx_state_free(st);
}

/* A held chart record keeps its chart until it goes out. */
Test(parse_once, a_held_chart_can_still_be_drawn)
{
    seen s = {0};
    cx_state *st = single(&s);
    cr_assert(
        eq(int, (int)run(st, "x 2024 = 1; x 2025 = 3; chart line x; print 2;"), (int)CX_RUN_OK));
    cr_assert(eq(sz, s.n, 2));
    cr_assert(s.svg);
    cx_state_free(st);
    /* and is freed with the rest when a syntax error throws it away */
    seen t = {0};
    st = single(&t);
    cr_assert(
        eq(int, (int)run(st, "x 2024 = 1; x 2025 = 3; chart line x; print ;"), (int)CX_RUN_ERROR));
    cr_assert(eq(sz, t.n, 0));
    cx_state_free(st);
}

/* Past 16 MiB of held output the statements wait for the end of the parse
 * and then run from a second parse (a second unit). */
Test(parse_once, past_the_cap_the_rest_runs_after_the_parse)
{
    size_t mib = 1 << 20, len = 0;
    char *src = malloc(mib + 1024);
    cr_assert(ne(ptr, src, NULL));
    len += (size_t)sprintf(src, "s = \"");
    memset(src + len, 'x', mib);
    len += mib;
    len += (size_t)sprintf(src + len, "\";");
    for (int i = 0; i < 17; i++) len += (size_t)sprintf(src + len, " print s;");
    len += (size_t)sprintf(src + len, " print \"end\";");
    seen s = {0};
    cx_state *st = single(&s);
    size_t units = st->n_units;
    cr_assert(eq(int, (int)cx_run_string(st, "<test>", src, len), (int)CX_RUN_OK));
    cr_assert(eq(sz, st->n_units, units + 2)); /* the parse and the rest's parse */
    cr_assert(eq(sz, s.n, 18));
    cr_assert(eq(str, s.text[17], "end"));
    cr_assert(eq(sz, st->n_held, 0));
    cx_state_free(st);
    free(src);
}
