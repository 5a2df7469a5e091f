/* suggest.h - "did you mean ...?": the closest name by edit distance. */
#ifndef CX_SUGGEST_H
#define CX_SUGGEST_H

#include <stddef.h>

typedef struct cx_suggest {
    const char *target;
    const char *best; /* borrowed */
    size_t best_dist;
} cx_suggest;

void cx_suggest_init(cx_suggest *s, const char *target);
/* Offers a candidate; keeps it when it is closer than the best so far and
 * close enough to be a plausible typo. */
void cx_suggest_offer(cx_suggest *s, const char *candidate);

#endif
