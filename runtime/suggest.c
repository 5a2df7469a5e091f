/* suggest.c - picks the most plausible intended name for an unknown one:
 * optimal string alignment distance over lower-cased names (typos, one swap
 * of neighbours, any case), a table of the names spreadsheets and other
 * languages use for cx's built-ins, and notes for notation that is not a
 * name at all.  It knows names only; interp/eval.c offers the candidates. */
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cx_suggest_init(cx_suggest *s, const char *target)
{
    s->target = target;
    s->best = NULL;
    s->best_dist = (size_t)-1;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Whether two letters or digits are neighbours on a QWERTY keyboard: the
 * substitutions a typo makes. */
static bool adjacent_keys(char a, char b)
{
    static const char *const rows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    int ra = -1, ca = 0, rb = -1, cb = 0;
    for (int r = 0; r < 4; r++) {
        const char *pa = strchr(rows[r], a), *pb = strchr(rows[r], b);
        if (pa && a) ra = r, ca = (int)(pa - rows[r]);
        if (pb && b) rb = r, cb = (int)(pb - rows[r]);
    }
    if (ra < 0 || rb < 0) return false;
    /* Each row sits half a key right of the one above: a key touches the
     * same column and the one to its right in the row above. */
    int dr = rb - ra, dc = cb - ca;
    if (dr == 0) return dc == 1 || dc == -1;
    if (dr == 1) return dc == 0 || dc == -1;
    if (dr == -1) return dc == 0 || dc == 1;
    return false;
}

/* Distance between a and b ignoring case, capped at `cap + 1` so long
 * unrelated names cost little.  With `keyboard`, substituting a letter
 * for one that is not its neighbour costs two: in a short name that is
 * another word (num is not sum, val is not var), not a typo. */
static size_t distance(const char *a, const char *b, size_t cap, bool keyboard)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64) return cap + 1;
    if ((n > m ? n - m : m - n) > cap) return cap + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++) d[i][0] = i;
    for (size_t j = 0; j <= m; j++) d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            char x = lower(a[i - 1]), y = lower(b[j - 1]);
            size_t cost = x == y ? 0 : keyboard && !adjacent_keys(x, y) ? 2 : 1;
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && d[i - 2][j - 2] + 1 < d[i][j])
                d[i][j] = d[i - 2][j - 2] + 1;
        }
    return d[n][m];
}

/* Edits a typo of a name this long may have.  Looser caps suggested
 * neighbours that mean something else: median -> min (3 edits), sumif ->
 * sum (2), and any two-letter name is one edit from many others. */
static size_t max_edits(size_t len)
{
    if (len <= 2) return 0;
    if (len <= 5) return 1;
    if (len <= 8) return 2;
    return 3;
}

static void offer(cx_suggest *s, const char *compare, const char *name, size_t cap)
{
    if (strcmp(name, s->target) == 0) return;
    size_t d = distance(s->target, compare, cap, strlen(s->target) <= 4);
    if (d > cap) return;
    /* Of two as close, the one with the same first letter: typos rarely
     * change it (rount is round, not count). */
    bool first = lower(compare[0]) == lower(s->target[0]);
    bool best_first = s->best && lower(s->best[0]) == lower(s->target[0]);
    if (d < s->best_dist || (d == s->best_dist && first && !best_first)) {
        s->best = name;
        s->best_dist = d;
    }
}

void cx_suggest_offer(cx_suggest *s, const char *candidate)
{
    offer(s, candidate, candidate, max_edits(strlen(s->target)));
}

void cx_suggest_offer_as(cx_suggest *s, const char *alias, const char *name)
{
    /* One edit at most, none for short names: an alias is another word,
     * and two edits from one can be a third (median is two from mean, which
     * is avg; md is one from sd, which is stdev). */
    offer(s, alias, name, strlen(s->target) <= 4 ? 0 : 1);
}

/* ==== names from elsewhere ================================================ */

#define COND_NOTE "a condition is written if C then A else B"

/* Sorted by alias (cx_synonym_find searches it in order). */
static const cx_synonym synonyms[] = {
    {"annually", "annual", NULL},
    {"average", "avg", NULL},
    {"averagea", "avg", NULL},
    {"averageif", NULL, "avg([x for x in xs if x > 0]) averages the items that pass a test"},
    {"averageifs", NULL, "avg([x for x in xs if x > 0]) averages the items that pass a test"},
    {"ceiling", "ceil", NULL},
    {"compound_growth", "cagr", NULL},
    {"concat", NULL, NULL},
    {"concatenate", NULL, NULL},
    {"cos", NULL, NULL},
    {"counta", "count", NULL},
    {"countif", NULL, "count([x for x in xs if x > 0]) counts the items that pass a test"},
    {"countifs", NULL, "count([x for x in xs if x > 0]) counts the items that pass a test"},
    {"date", NULL, NULL},
    {"discounted_payback_period", "discounted_payback", NULL},
    {"dpayback", "discounted_payback", NULL},
    {"effective_rate", "effect", NULL},
    {"future_value", "fv", NULL},
    {"futurevalue", "fv", NULL},
    {"hlookup", NULL, NULL},
    {"if", NULL, COND_NOTE},
    {"ifelse", NULL, COND_NOTE},
    {"iferror", NULL, NULL},
    {"iif", NULL, COND_NOTE},
    {"index", NULL, NULL},
    {"int", NULL, NULL},
    {"internal_rate_of_return", "irr", NULL},
    {"left", NULL, NULL},
    {"len", "count", NULL},
    {"length", "count", NULL},
    {"log", NULL, "cx has ln, the natural logarithm; log base 10 is ln(x) / ln(10)"},
    {"log10", NULL, "log base 10 is ln(x) / ln(10)"},
    {"match", NULL, NULL},
    {"maximum", "max", NULL},
    {"mean", "avg", NULL},
    {"minimum", "min", NULL},
    {"mod", NULL, NULL},
    {"mode", NULL, NULL},
    {"monthly", NULL, NULL},
    {"multiply", "product", NULL},
    {"net_present_value", "npv", NULL},
    {"netpresentvalue", "npv", NULL},
    {"nominal_rate", "nominal", NULL},
    {"now", NULL, NULL},
    {"payback_period", "payback", NULL},
    {"payment", "pmt", NULL},
    {"pct_change", "growth", NULL},
    {"pctile", "percentile", NULL},
    {"percentile_inc", "percentile", NULL},
    {"pi", NULL, NULL},
    {"pow", NULL, "a power is written with '^': x^2"},
    {"power", NULL, "a power is written with '^': x^2"},
    {"present_value", "pv", NULL},
    {"presentvalue", "pv", NULL},
    {"prod", "product", NULL},
    {"quantile", "percentile", NULL},
    {"quarterly", NULL, NULL},
    {"rand", NULL, NULL},
    {"rank", NULL, NULL},
    {"right", NULL, NULL},
    {"rounddown", "floor", NULL},
    {"roundup", "ceil", NULL},
    {"sd", "stdev", NULL},
    {"sharpe", NULL, NULL},
    {"sign", NULL, NULL},
    {"sin", NULL, NULL},
    {"size", "count", NULL},
    {"sorted", "sort", NULL},
    {"std", "stdev", NULL},
    {"stddev", "stdev", NULL},
    {"stddev_pop", "stdevp", NULL},
    {"stddev_samp", "stdev", NULL},
    {"stddevp", "stdevp", NULL},
    {"stdev_p", "stdevp", NULL},
    {"stdev_s", "stdev", NULL},
    {"stdevs", "stdev", NULL},
    {"sumif", NULL, "sum(x for x in xs if x > 0) adds the items that pass a test"},
    {"sumifs", NULL, "sum(x for x in xs if x > 0) adds the items that pass a test"},
    {"sumproduct", NULL, NULL},
    {"tan", NULL, NULL},
    {"text", NULL, NULL},
    {"today", NULL, NULL},
    {"total", "sum", NULL},
    {"trunc", NULL, NULL},
    {"var_p", "varp", NULL},
    {"var_pop", "varp", NULL},
    {"var_s", "var", NULL},
    {"var_samp", "var", NULL},
    {"variance", "var", NULL},
    {"vlookup", NULL, NULL},
    {"xlookup", NULL, NULL},
    {"yearly", "annual", NULL},
};

#define N_SYNONYMS (sizeof synonyms / sizeof synonyms[0])

/* strcmp of a lower-cased against b (already lower case). */
static int cmp_folded(const char *a, const char *b)
{
    for (;; a++, b++) {
        char c = lower(*a);
        if (c != *b || c == '\0') return (unsigned char)c - (unsigned char)*b;
    }
}

const cx_synonym *cx_synonym_find(const char *name)
{
    size_t lo = 0, hi = N_SYNONYMS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_folded(name, synonyms[mid].alias);
        if (c == 0) return &synonyms[mid];
        if (c > 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const cx_synonym *cx_synonym_table(size_t *count)
{
    *count = N_SYNONYMS;
    return synonyms;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

const char *cx_suggest_notation(const char *name, char *buf, size_t cap)
{
    static const char *const keywords[] = {
        "check", "within", "print",  "fn",  "if", "then", "else", "include", "table", "in",
        "for",   "step",   "source", "and", "or", "not",  "true", "false",   NULL};
    for (const char *const *k = keywords; *k; k++)
        if (cmp_folded(name, *k) == 0) {
            snprintf(buf, cap, "keywords are lower case: write '%s'", *k);
            return buf;
        }
    size_t n = strlen(name);
    char c0 = lower(name[0]);
    /* Q1 2024, H2: the period is written year first. */
    if (n == 2 && ((c0 == 'q' && name[1] >= '1' && name[1] <= '4') ||
                   (c0 == 'h' && name[1] >= '1' && name[1] <= '2'))) {
        snprintf(buf, cap, "a %s is written after its year: 2024%c%c",
                 c0 == 'q' ? "quarter" : "half", c0 == 'q' ? 'Q' : 'H', name[1]);
        return buf;
    }
    /* FY2024, CY24: a year is a number. */
    if ((n == 4 || n == 6) && (c0 == 'f' || c0 == 'c') && lower(name[1]) == 'y' &&
        is_digit(name[2]) && is_digit(name[3]) &&
        (n == 4 || (is_digit(name[4]) && is_digit(name[5])))) {
        if (n == 6) snprintf(buf, cap, "a year is written as a number: %s", name + 2);
        else snprintf(buf, cap, "a year is written as a number: 20%s", name + 2);
        return buf;
    }
    static const char *const currencies[] = {"usd", "eur", "gbp", "jpy", "chf",
                                             "cny", "cad", "aud", "inr", NULL};
    for (const char *const *c = currencies; *c; c++)
        if (cmp_folded(name, *c) == 0) {
            snprintf(buf, cap, "cx has no units or currencies: write the amount alone");
            return buf;
        }
    return NULL;
}
