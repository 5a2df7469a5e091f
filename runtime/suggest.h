/* suggest.h - "did you mean ...?": the closest name by edit distance, case
 * ignored, and what names from spreadsheets and other languages are called
 * in cx (synonyms), so an unknown name never gets a misleading neighbour. */
#ifndef CX_SUGGEST_H
#define CX_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cx_suggest {
    const char *target;
    const char *best; /* borrowed: the name to suggest */
    size_t best_dist; /* 0: the same name in another case */
} cx_suggest;

void cx_suggest_init(cx_suggest *s, const char *target);
/* Offers a candidate; keeps it when it is closer than the best so far and
 * close enough to be a plausible typo: the same name in another case, or
 * one edit for names up to 5 characters, two up to 8, three beyond (a
 * swap of neighbours is one edit).  Ties keep the first offered. */
void cx_suggest_offer(cx_suggest *s, const char *candidate);
/* Offers `name` for a target that is `alias` (a synonym of it) in any case
 * or one edit from it. */
void cx_suggest_offer_as(cx_suggest *s, const char *alias, const char *name);

/* A name another tool uses, and what cx says about it. */
typedef struct cx_synonym {
    const char *alias; /* lower case: "average" */
    const char *name;  /* cx's name for it ("avg"), or NULL when there is none */
    const char *note;  /* with name NULL: the hint ("a condition is written ..."), or
                        * NULL: no hint at all, and no built-in is offered as a
                        * neighbour (mid is not min, date is not rate) */
} cx_synonym;

/* The entry for `name` compared without case, or NULL. */
const cx_synonym *cx_synonym_find(const char *name);
/* The whole table, for offering its aliases and for tests. */
const cx_synonym *cx_synonym_table(size_t *count);

/* A hint for a name that is notation from elsewhere rather than a name: a
 * keyword in another case (True -> true), a quarter or half before its
 * year (Q1), a fiscal year (FY2024), a currency code (USD).  Written into
 * buf (cap bytes); NULL when the name is none of these. */
const char *cx_suggest_notation(const char *name, char *buf, size_t cap);

#endif
