/* test_env.c - global bindings, order, locals and frames; suggestions. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
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
