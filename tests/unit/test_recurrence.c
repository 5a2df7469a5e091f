/* test_recurrence.c - long recurrences that keep only their last periods
 * (interp/recurrence.h): which ones do, what they keep, and that every
 * read gives the values a series keeping every period holds. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <gmp.h>
#include <stdio.h>
#include <string.h>
#include "../../include/cx.h"
#include "../../interp/state.h"
#include "../../runtime/series.h"

static cx_state *state(bool lean, bool repl)
{
    cx_options o;
    cx_options_default(&o);
    o.single_run = lean;
    o.repl = repl;
    cx_state *st = cx_state_new(&o);
    cr_assert(ne(ptr, st, NULL));
    return st;
}

static void run(cx_state *st, const char *src)
{
    cr_assert(eq(int, (int)cx_run_string(st, "<test>", src, strlen(src)), (int)CX_RUN_OK), "%s",
              src);
}

static const cx_series *series_of(cx_state *st, const char *name)
{
    const cx_binding *b = cx_env_global(&st->env, name);
    cr_assert(ne(ptr, (void *)b, NULL));
    cr_assert(eq(int, (int)b->value.kind, (int)CX_VAL_SERIES));
    return b->value.u.series;
}

static const char *const cents = "v 1999-12-31 = 100;\n"
                                 "v 2000-01-01..2004-12-31 = round(v[t - 1] * 1.0001, 2);\n";

/* The same source run in a state with lean recurrences and in one without. */
typedef struct pair {
    cx_state *lean, *full;
} pair;

static pair both(const char *src)
{
    pair p = {state(true, false), state(false, false)};
    run(p.lean, src);
    run(p.full, src);
    return p;
}

static void pair_free(pair *p)
{
    cx_state_free(p->lean);
    cx_state_free(p->full);
}

/* Every period of a (kept) equals b's, as exact fractions. */
static void same_values(const cx_series *a, const cx_series *b)
{
    cr_assert(cx_series_whole(a) && cx_series_whole(b));
    cr_assert(eq(sz, a->len, b->len));
    mpq_t x, y;
    mpq_inits(x, y, NULL);
    for (size_t i = 0; i < a->len; i++) {
        cr_assert(eq(i64, a->ords[i], b->ords[i]));
        cx_num_get_mpq(&a->vals[i], x);
        cx_num_get_mpq(&b->vals[i], y);
        cr_assert(mpq_equal(x, y), "period %zu", i);
    }
    mpq_clears(x, y, NULL);
}

Test(recurrence, a_long_one_keeps_its_last_period_and_computes_the_rest_again)
{
    pair p = both(cents);
    cx_state *lean = p.lean, *full = p.full;
    const cx_series *s = series_of(lean, "v");
    /* 1,827 periods computed: all but the last one unkept; the seed kept. */
    cr_assert(eq(sz, s->len, 1828));
    cr_assert(eq(u64, s->n_unkept, 1826));
    cr_assert(not(cx_series_unkept(s, s->ords[0])));
    cr_assert(not(cx_series_unkept(s, s->ords[s->len - 1])));
    cr_assert(eq(ptr, (void *)cx_state_value(lean, "v"), NULL)); /* a host never sees zeros */
    cr_assert(ne(ptr, (void *)cx_state_value(full, "v"), NULL));
    run(lean, "x = last(v);"); /* the last period is kept: nothing again */
    cr_assert(eq(u64, series_of(lean, "v")->n_unkept, 1826));
    run(lean, "y = v 2002-01-01;"); /* any other read: all again */
    cr_assert(eq(u64, series_of(lean, "v")->n_unkept, 0));
    same_values(series_of(lean, "v"), series_of(full, "v"));
    pair_free(&p);
}

Test(recurrence, it_keeps_as_many_periods_as_it_reads_back)
{
    pair p = both("t_bonus = 1/7;\n"
                  "w 2000 = 1; w 2001 = 2; w 2002 = 3;\n"
                  "w 2003..4999 = (w[t - 1] + w[t - 3]) / 2 + t_bonus;\n");
    cx_state *lean = p.lean, *full = p.full;
    const cx_series *s = series_of(lean, "w");
    cr_assert(eq(u64, s->n_unkept, 2997 - 3));
    for (size_t i = s->len - 3; i < s->len; i++) cr_assert(not(cx_series_unkept(s, s->ords[i])));
    cr_assert(cx_series_unkept(s, s->ords[s->len - 4]));
    run(lean, "z = sum(w);");
    same_values(series_of(lean, "w"), series_of(full, "w"));
    pair_free(&p);
}

/* Each of these keeps every value: what it reads could change or is not
 * plain, the range is short, or nothing guarantees no one reads later. */
Test(recurrence, only_steady_long_ones_outside_the_repl)
{
    static const char *const keep_all[] = {
        "v 1999 = 1; v 2000..3022 = v[t - 1] + 1;",                       /* 1,023 periods */
        "fn g(x) = x + 1; v 999 = 1; v 1000..3000 = g(v[t - 1]);",        /* a user function */
        "w 1 = 1; w 2 = 2; v 999 = 1; v 1000..3000 = v[t - 1] + sum(w);", /* a whole series */
        "v 999 = 1 USD; v 1000..3000 = v[t - 1] * 2;",                    /* a unit */
        "v 999 = 1; v 1000..3000 = v[t - 65] + 1;",                       /* too far back */
        "v 999 = 1; v 1000..3000 = if v[t - 1] > 5 then 1 else 2;",       /* not arithmetic */
    };
    for (size_t i = 0; i < sizeof keep_all / sizeof keep_all[0]; i++) {
        cx_state *st = state(true, false);
        cx_run_string(st, "<test>", keep_all[i], strlen(keep_all[i]));
        const cx_binding *b = cx_env_global(&st->env, "v");
        if (b && b->value.kind == CX_VAL_SERIES)
            cr_assert(eq(u64, b->value.u.series->n_unkept, 0), "%s", keep_all[i]);
        cx_state_free(st);
    }
    cx_state *off = state(false, false), *repl = state(true, true), *on = state(true, false);
    run(off, cents);
    run(repl, cents);
    run(on, cents);
    cr_assert(eq(u64, series_of(off, "v")->n_unkept, 0));
    cr_assert(eq(u64, series_of(repl, "v")->n_unkept, 0));
    cr_assert(gt(u64, series_of(on, "v")->n_unkept, 0));
    cx_state_free(off);
    cx_state_free(repl);
    cx_state_free(on);
}

/* Computing again happens in a frame of its own: a caller's local named like
 * a global the recurrence reads does not change its values. */
Test(recurrence, computed_again_inside_a_function_with_a_shadowing_local)
{
    const char *src = "rate = 1.01; v 1999 = 100; v 2000..4000 = round(v[t - 1] * rate, 2);\n"
                      "fn f(rate) = v[2500] + rate; x = f(1000);\n";
    pair p = both(src);
    cx_state *lean = p.lean, *full = p.full;
    same_values(series_of(lean, "v"), series_of(full, "v"));
    const cx_value *x = cx_state_value(lean, "x"), *y = cx_state_value(full, "x");
    cr_assert(ne(ptr, (void *)x, NULL));
    cr_assert(eq(int, cx_num_cmp(&x->u.num, &y->u.num), 0));
    pair_free(&p);
}

Test(recurrence, the_bracket_form_too)
{
    const char *src = "start = 2030-01-01; k[start - 1] = 5;\n"
                      "k[start..start + 1999] = round(k[t - 1] * 1.001, 2);\n";
    pair p = both(src);
    cx_state *lean = p.lean, *full = p.full;
    cr_assert(eq(u64, series_of(lean, "k")->n_unkept, 1999));
    run(lean, "x = k[start + 7];");
    same_values(series_of(lean, "k"), series_of(full, "k"));
    pair_free(&p);
}

/* A function defined after the recurrence with a built-in's name would
 * change what computing again gives: the values come back first. */
Test(recurrence, a_later_function_named_like_its_built_in)
{
    const char *src = "v 1999 = 100.555; v 2000..3100 = round(v[t - 1] * 1.001, 2);\n"
                      "fn round(x, p) = x * 2;\n";
    pair p = both(src);
    cx_state *lean = p.lean, *full = p.full;
    cr_assert(eq(u64, series_of(lean, "v")->n_unkept, 0));
    same_values(series_of(lean, "v"), series_of(full, "v"));
    pair_free(&p);
}

/* A power in the body; a second long recurrence on a series computed again
 * in full is lean in its turn, from its own statement. */
Test(recurrence, a_power_and_a_second_long_recurrence_on_the_same_series)
{
    const char *src = "v 1999 = 100; v 2000..3100 = round(v[t - 1] * 1.0001 ^ 2, 2);\n"
                      "x = v 2500;\n" /* all of it again: whole */
                      "v 3101..4200 = v[t - 1] - 1/3;\n";
    pair p = both(src);
    cx_state *lean = p.lean, *full = p.full;
    cr_assert(eq(u64, series_of(lean, "v")->n_unkept, 1099));
    cr_assert(eq(sz, lean->recur.n, 1)); /* the one entry, now the second statement */
    run(lean, "y = sum(v);");
    same_values(series_of(lean, "v"), series_of(full, "v"));
    pair_free(&p);
}

/* The names a host lists: a lean series says what it keeps, never zeros. */
static void on_name(void *ud, const char *name, const char *value)
{
    if (strcmp(name, "v") == 0) snprintf(ud, 200, "%s", value);
}

Test(recurrence, a_listed_lean_series_says_what_it_keeps)
{
    pair p = both(cents);
    char text[200] = "";
    cx_state_each_name(p.lean, on_name, text);
    cr_assert(eq(str, text,
                 "a series of 1828 periods, 1826 of them not kept (a long recurrence computes "
                 "them again when a script reads them)"));
    pair_free(&p);
}
