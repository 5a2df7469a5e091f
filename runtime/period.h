/* period.h - calendar periods and dates: years, halves, quarters, months and
 * days.  A period is (frequency, ordinal): the ordinal counts periods of that
 * frequency from year 0, so stepping and comparing are integer operations.
 * Dates use the proleptic Gregorian calendar; day ordinals count days from
 * 1970-01-01 (may be negative). */
#ifndef CX_PERIOD_H
#define CX_PERIOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum cx_freq {
    CX_FREQ_YEAR,    /* 2025        ord = year */
    CX_FREQ_HALF,    /* 2025H1      ord = year*2 + (h-1) */
    CX_FREQ_QUARTER, /* 2025Q3      ord = year*4 + (q-1) */
    CX_FREQ_MONTH,   /* 2025-06     ord = year*12 + (m-1) */
    CX_FREQ_DAY,     /* 2025-06-30  ord = days since 1970-01-01 */
} cx_freq;

typedef struct cx_period {
    cx_freq freq;
    int64_t ord;
} cx_period;

/* Years accepted in period literals and arithmetic. */
#define CX_PERIOD_MIN_YEAR 1
#define CX_PERIOD_MAX_YEAR 9999

/* Parses a whole period literal: "2025", "2025H1", "2025Q3", "2025-06",
 * "2025-06-30".  Returns false (and leaves *out alone) when the text is not a
 * valid period: bad quarter/half/month, day not in month (2025-02-30), year
 * outside [CX_PERIOD_MIN_YEAR, CX_PERIOD_MAX_YEAR].  `why`, when not NULL, is
 * set to a static one-line reason such as "quarter must be 1 to 4". */
bool cx_period_parse(const char *text, size_t len, cx_period *out, const char **why);

/* A year period from an integer; false when out of range. */
bool cx_period_from_year(int64_t year, cx_period *out);

/* Canonical text ("2025Q3") into buf (at least 16 bytes); returns length. */
size_t cx_period_format(const cx_period *p, char *buf, size_t size);

/* Same frequency required for cmp/diff: callers check cx_period_same_freq. */
bool cx_period_same_freq(const cx_period *a, const cx_period *b);
int cx_period_cmp(const cx_period *a, const cx_period *b);
/* p + n periods of its own frequency; false when the result leaves the year range. */
bool cx_period_add(const cx_period *p, int64_t n, cx_period *out);
/* b - a in periods of their (common) frequency. */
int64_t cx_period_diff(const cx_period *a, const cx_period *b);

/* Calendar pieces, for any frequency (a quarter's year, a day's month, ...). */
int64_t cx_period_year(const cx_period *p);
/* The first and last day of p as day ordinals (for a day: itself). */
int64_t cx_period_first_day(const cx_period *p);
int64_t cx_period_last_day(const cx_period *p);
/* Periods of `f` per year (1, 2, 4, 12); 0 for days. */
int cx_freq_per_year(cx_freq f);
const char *cx_freq_name(cx_freq f); /* "annual", "half-yearly", "quarterly", "monthly", "daily" */

/* Day ordinal <-> civil date.  cx_days_from_civil(1970, 1, 1) == 0. */
int64_t cx_days_from_civil(int64_t y, int m, int d);
void cx_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

#endif
