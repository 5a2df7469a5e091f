/* test_suggest.c - "did you mean": case-insensitive matches, the edit caps
 * that keep misleading neighbours out (median is not min), the synonym
 * table against the built-in table, and notes for notation from elsewhere.
 * test_env.c has the first, plain cases. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "../../runtime/suggest.h"
#include "../../stdlib/builtins.h"

/* -Wwrite-strings makes literals const; Criterion's str tag wants char *. */
#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

/* The suggestion for `target` among the built-ins (all but `except`) and
 * the synonyms, as interp/eval.c's unknown_name offers them; NULL for none. */
static const char *among_builtins(const char *target, const char *except)
{
    static cx_suggest s;
    cx_suggest_init(&s, target);
    size_t nb, ns;
    const cx_builtin *tab = cx_builtin_table(&nb);
    for (size_t i = 0; i < nb; i++)
        if (!except || strcmp(tab[i].name, except) != 0) cx_suggest_offer(&s, tab[i].name);
    const cx_synonym *syn = cx_synonym_table(&ns);
    for (size_t i = 0; i < ns; i++)
        if (syn[i].name) cx_suggest_offer_as(&s, syn[i].alias, syn[i].name);
    return s.best;
}

static void expect_suggestion(const char *target, const char *want)
{
    const char *got = among_builtins(target, NULL);
    if (!want) cr_assert(eq(ptr, (void *)got, NULL), "%s suggested %s", target, got);
    else cr_assert(STR_EQ(got ? got : "(none)", want), "for %s", target);
}

Test(suggest, case_is_ignored_and_an_exact_match_in_another_case_wins)
{
    cx_suggest s;
    cx_suggest_init(&s, "PMT");
    cx_suggest_offer(&s, "pv");
    cx_suggest_offer(&s, "pmt");
    cr_assert(STR_EQ(s.best, "pmt"));
    cr_assert(eq(sz, s.best_dist, 0));
    expect_suggestion("NPV", "npv");
    expect_suggestion("Sum", "sum");
    expect_suggestion("STDEV", "stdev");
    /* One letter: only the same letter in another case. */
    cx_suggest_init(&s, "X");
    cx_suggest_offer(&s, "y");
    cx_suggest_offer(&s, "x");
    cr_assert(STR_EQ(s.best, "x"));
    cx_suggest_init(&s, "z");
    cx_suggest_offer(&s, "y");
    cr_assert(eq(ptr, (void *)s.best, NULL));
}

Test(suggest, synonyms_name_the_cx_built_in)
{
    expect_suggestion("average", "avg");
    expect_suggestion("mean", "avg");
    expect_suggestion("Mean", "avg");
    expect_suggestion("len", "count");
    expect_suggestion("length", "count");
    expect_suggestion("stddev", "stdev");
    expect_suggestion("variance", "var");
    expect_suggestion("net_present_value", "npv");
    expect_suggestion("npvv", "npv");
    /* A typo of a synonym still finds the built-in. */
    expect_suggestion("averge", "avg");
    expect_suggestion("lenght", "count");
    expect_suggestion("yearly", "annual"); /* not year, which reads a period's year */
    expect_suggestion("dpayback", "discounted_payback");
}

Test(suggest, misleading_neighbours_are_never_suggested)
{
    /* median is a built-in now; before it was, min was three edits away
     * and the old cap (a third of the length, plus one) suggested it. */
    cr_assert(eq(ptr, (void *)among_builtins("median", "median"), NULL));
    expect_suggestion("mean", "avg"); /* never max */
    expect_suggestion("sumif", NULL); /* never sum: two edits in five letters */
    expect_suggestion("rank", NULL);
    expect_suggestion("ranks", NULL);
    expect_suggestion("modes", NULL);
    expect_suggestion("maxima", NULL);
    /* Names cx lacks whose nearest built-in means something else are in the
     * table without a name: unknown_name offers no built-in for them. */
    const char *blocked[] = {"date", "pi", "sin", "mode", "rank", "mod", "sharpe"};
    for (size_t i = 0; i < sizeof blocked / sizeof blocked[0]; i++) {
        const cx_synonym *syn = cx_synonym_find(blocked[i]);
        cr_assert(not(eq(ptr, (void *)syn, NULL)), "%s", blocked[i]);
        cr_assert(eq(ptr, (void *)syn->name, NULL), "%s", blocked[i]);
    }
}

Test(suggest, edits_allowed_grow_with_the_length)
{
    cx_suggest s;
    cx_suggest_init(&s, "capx"); /* 4: one edit */
    cx_suggest_offer(&s, "cpaexx");
    cr_assert(eq(ptr, (void *)s.best, NULL));
    cx_suggest_init(&s, "revnu"); /* 5: one edit */
    cx_suggest_offer(&s, "revenue");
    cr_assert(eq(ptr, (void *)s.best, NULL));
    cx_suggest_init(&s, "revnue"); /* 6: two edits */
    cx_suggest_offer(&s, "revenue");
    cr_assert(STR_EQ(s.best, "revenue"));
    cx_suggest_init(&s, "pv"); /* 2: only another case */
    cx_suggest_offer(&s, "fv");
    cr_assert(eq(ptr, (void *)s.best, NULL));
    cx_suggest_init(&s, "opex_tota"); /* 9: three edits */
    cx_suggest_offer(&s, "opex_total_2");
    cr_assert(STR_EQ(s.best, "opex_total_2"));
}

Test(suggest, synonym_table_is_sorted_lower_case_and_names_built_ins)
{
    size_t n;
    const cx_synonym *syn = cx_synonym_table(&n);
    cr_assert(gt(sz, n, 0));
    for (size_t i = 0; i < n; i++) {
        for (const char *c = syn[i].alias; *c; c++) {
            int upper = *c >= 'A' && *c <= 'Z';
            cr_assert(eq(int, upper, 0), "%s", syn[i].alias);
        }
        if (i > 0)
            cr_assert(lt(int, strcmp(syn[i - 1].alias, syn[i].alias), 0), "%s", syn[i].alias);
        /* An alias that became a built-in would hide it: drop the row. */
        cr_assert(eq(ptr, (void *)cx_builtin_find(syn[i].alias), NULL), "%s", syn[i].alias);
        if (syn[i].name)
            cr_assert(not(eq(ptr, (void *)cx_builtin_find(syn[i].name), NULL)), "%s -> %s",
                      syn[i].alias, syn[i].name);
        cr_assert(eq(ptr, (void *)cx_synonym_find(syn[i].alias), (void *)&syn[i]));
    }
    cr_assert(eq(ptr, (void *)cx_synonym_find("AVERAGE"), (void *)cx_synonym_find("average")));
    cr_assert(eq(ptr, (void *)cx_synonym_find("capex"), NULL));
}

static void expect_note(const char *name, const char *want)
{
    char buf[128];
    const char *got = cx_suggest_notation(name, buf, sizeof buf);
    if (!want) cr_assert(eq(ptr, (void *)got, NULL), "%s: %s", name, got);
    else cr_assert(STR_EQ(got ? got : "(none)", want), "for %s", name);
}

Test(suggest, notation_from_elsewhere_gets_a_note)
{
    expect_note("True", "keywords are lower case: write 'true'");
    expect_note("AND", "keywords are lower case: write 'and'");
    expect_note("Q1", "a quarter is written after its year: 2024Q1");
    expect_note("h2", "a half is written after its year: 2024H2");
    expect_note("FY2024", "a year is written as a number: 2024");
    expect_note("FY24", "a year is written as a number: 2024");
    expect_note("USD", "cx has no units or currencies: write the amount alone");
    expect_note("Q5", NULL);
    expect_note("FYI", NULL);
    expect_note("capex", NULL);
    const cx_synonym *s = cx_synonym_find("IF");
    cr_assert(STR_EQ(s->note, "a condition is written if C then A else B"));
}

Test(suggest, short_names_take_only_neighbouring_keys_as_typos)
{
    expect_suggestion("sun", "sum"); /* n is next to m */
    expect_suggestion("pmy", "pmt");
    expect_suggestion("num", NULL); /* not sum */
    expect_suggestion("val", NULL); /* not var */
    expect_suggestion("mx", NULL);
    expect_suggestion("md", NULL); /* not stdev through sd */
    expect_suggestion("fvs", "fv");
    expect_suggestion("sqr", "sqrt");
}

Test(suggest, a_tie_prefers_the_same_first_letter)
{
    expect_suggestion("rount", "round"); /* count is as close */
    cx_suggest s;
    cx_suggest_init(&s, "cpaex");
    cx_suggest_offer(&s, "opaex");
    cx_suggest_offer(&s, "capex");
    cr_assert(STR_EQ(s.best, "capex"));
}
