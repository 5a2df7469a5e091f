/* test_env.c - global bindings, order, locals and frames; suggestions. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <string.h>
#include "../../interp/env.h"
#include "../../runtime/suggest.h"

Test(env, globals_are_found_after_the_index_grows)
{
    cx_env e;
    cx_env_init(&e);
    char name[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "x%d", i);
        cr_assert(ne(ptr, cx_env_define(&e, name, CX_NO_SPAN), NULL));
    }
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "x%d", i);
        cx_binding *b = cx_env_global(&e, name);
        cr_assert(ne(ptr, b, NULL));
        cr_assert(eq(str, (char *)b->name, name));
    }
    cr_assert(eq(ptr, cx_env_global(&e, "nope"), NULL));
    cr_assert(eq(str, (char *)e.globals[0]->name, "x0"));
    cx_env_free(&e);
}

/* A binding is one allocation with its name inside; its period notes are
 * one array of records that grows past its first capacity. */
Test(env, long_names_and_period_notes_live_in_the_binding)
{
    cx_env e;
    cx_env_init(&e);
    char name[300];
    memset(name, 'n', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    cx_binding *b = cx_env_define(&e, name, CX_NO_SPAN);
    cr_assert(ne(ptr, b, NULL));
    cr_assert(eq(str, (char *)b->name, name));
    cr_assert(eq(ptr, cx_env_global(&e, name), b));
    cx_span s0 = {1, 10, 12};
    for (int64_t ord = 0; ord < 40; ord++) {
        cx_span sp = {1, (uint32_t)(100 + ord), (uint32_t)(101 + ord)};
        cx_figure fig = {-(int64_t)(ord % 3), ord % 2 ? '%' : 0, true, false};
        cr_assert(cx_binding_note_period(b, 2000 + ord, sp, fig));
    }
    cr_assert(eq(sz, b->n_periods, 40));
    cr_assert(eq(u32, cx_binding_period_span(b, 2017).start, 117));
    cx_figure f = cx_binding_period_figure(b, 2017);
    cr_assert(f.written && f.suffix == '%' && f.quantum10 == -2);
    /* Set again (the REPL): the latest figure, the first span. */
    cx_span again = {1, 500, 501};
    cr_assert(cx_binding_note_period(b, 2017, again, (cx_figure){0, 0, false, false}));
    cr_assert(not(cx_binding_period_figure(b, 2017).written));
    cr_assert(eq(u32, cx_binding_period_span(b, 2017).start, 117));
    /* A period never noted: the binding's own span, a computed figure. */
    b->span = s0;
    cr_assert(eq(u32, cx_binding_period_span(b, 1990).start, 10));
    cr_assert(not(cx_binding_period_figure(b, 1990).written));
    cx_env_free(&e);
}

/* Consecutive periods set by one statement the same way are one note (a
 * run); a gap, another span or another figure starts a new one, and the
 * answers are those of one note per period. */
Test(env, period_notes_are_runs_with_the_same_answers)
{
    cx_env e;
    cx_env_init(&e);
    cx_binding *b = cx_env_define(&e, "v", CX_NO_SPAN);
    cx_span range = {1, 10, 30}, other = {1, 40, 50}, repl = {2, 0, 5};
    cx_figure computed = {0, 0, false, false}, cents = {-2, 0, true, false};
    for (int64_t ord = 100; ord < 100100; ord++)
        cr_assert(cx_binding_note_period(b, ord, range, computed));
    cr_assert(eq(sz, b->n_periods, 1));
    cr_assert(cx_binding_note_period(b, 100100, range, cents)); /* another figure */
    cr_assert(cx_binding_note_period(b, 100102, range, cents)); /* a gap */
    cr_assert(cx_binding_note_period(b, 100103, other, cents)); /* another span */
    cr_assert(eq(sz, b->n_periods, 4));
    cr_assert(eq(u32, cx_binding_period_span(b, 100).start, 10));
    cr_assert(eq(u32, cx_binding_period_span(b, 100099).start, 10));
    cr_assert(eq(u32, cx_binding_period_span(b, 100103).start, 40));
    cr_assert(not(cx_binding_period_figure(b, 100099).written));
    cr_assert(cx_binding_period_figure(b, 100100).written);
    b->span = (cx_span){1, 1, 2};
    cr_assert(eq(u32, cx_binding_period_span(b, 100101).start, 1)); /* in the gap: never noted */
    cr_assert(eq(u32, cx_binding_period_span(b, 99).start, 1));
    cr_assert(eq(u32, cx_binding_period_span(b, 100100 + 4).start, 1));
    /* The REPL sets a period inside the first run again: the latest figure,
     * the first span. */
    cr_assert(cx_binding_note_period(b, 5000, repl, cents));
    cr_assert(cx_binding_period_figure(b, 5000).written);
    cr_assert(not(cx_binding_period_figure(b, 5001).written));
    cr_assert(eq(u32, cx_binding_period_span(b, 5000).start, 10));
    /* A figure that differs only in being a scenario's fact starts a run. */
    size_t before = b->n_periods;
    cr_assert(cx_binding_note_period(b, 200000, range, computed));
    cr_assert(cx_binding_note_period(b, 200001, range, (cx_figure){0, 0, false, true}));
    cr_assert(eq(sz, b->n_periods, before + 2));
    cr_assert(cx_binding_period_figure(b, 200001).fact);
    cr_assert(not(cx_binding_period_figure(b, 200000).fact));
    /* Runs at the ends of int64 do not wrap. */
    cr_assert(cx_binding_note_period(b, INT64_MAX - 1, repl, cents));
    cr_assert(cx_binding_note_period(b, INT64_MAX, repl, cents));
    cr_assert(cx_binding_note_period(b, INT64_MIN, repl, cents));
    cr_assert(cx_binding_period_figure(b, INT64_MIN).written);
    cr_assert(not(cx_binding_period_figure(b, INT64_MIN + 1).written));
    cr_assert(cx_binding_period_figure(b, INT64_MAX).written);
    cx_env_free(&e);
}

Test(env, locals_shadow_and_frames_hide_callers)
{
    cx_env e;
    cx_env_init(&e);
    cx_value v;
    cx_value_init(&v);
    cx_value_set_bool(&v, true);
    cr_assert(cx_env_push_local(&e, "t", &v));
    cr_assert(ne(ptr, cx_env_local(&e, "t"), NULL));
    size_t mark = e.n_locals;
    e.frame_base = mark;
    cr_assert(eq(ptr, cx_env_local(&e, "t"), NULL));
    e.frame_base = 0;
    cx_env_pop_locals(&e, 0);
    cr_assert(eq(ptr, cx_env_local(&e, "t"), NULL));
    cx_env_free(&e);
}

Test(suggest, closest_plausible_name)
{
    cx_suggest s;
    cx_suggest_init(&s, "capx");
    cx_suggest_offer(&s, "revenue");
    cx_suggest_offer(&s, "capex");
    cx_suggest_offer(&s, "cap");
    cr_assert(eq(str, (char *)s.best, "capex"));
}

Test(suggest, transposition_counts_as_one_edit)
{
    cx_suggest s;
    cx_suggest_init(&s, "reveune");
    cx_suggest_offer(&s, "revenue");
    cr_assert(eq(str, (char *)s.best, "revenue"));
}

Test(suggest, unrelated_names_are_not_offered)
{
    cx_suggest s;
    cx_suggest_init(&s, "xyz");
    cx_suggest_offer(&s, "revenue");
    cr_assert(eq(ptr, (void *)s.best, NULL));
}
