/* suggest.c - picks the most plausible intended name for an unknown one
 * (optimal string alignment distance: typos, one swap of neighbours). */
#include "suggest.h"

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

/* Distance capped at `cap + 1` so long unrelated names cost little. */
static size_t distance(const char *a, const char *b, size_t cap)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64) return cap + 1;
    if ((n > m ? n - m : m - n) > cap) return cap + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++) d[i][0] = i;
    for (size_t j = 0; j <= m; j++) d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < d[i][j])
                d[i][j] = d[i - 2][j - 2] + 1;
        }
    return d[n][m];
}

void cx_suggest_offer(cx_suggest *s, const char *candidate)
{
    size_t len = strlen(s->target);
    /* One edit for short names, about a third of the length for longer ones. */
    size_t cap = len <= 4 ? 1 : len / 3 + 1;
    /* Every one-letter name is one edit from every other: no signal there. */
    if (len < 2) return;
    if (strcmp(candidate, s->target) == 0) return;
    size_t d = distance(s->target, candidate, cap);
    if (d <= cap && d < s->best_dist) {
        s->best = candidate;
        s->best_dist = d;
    }
}
