/* period.c - calendar periods: parsing and validating period literals, their
 * canonical text, stepping and comparing by ordinal, and the proleptic
 * Gregorian day arithmetic behind dates.  Knows nothing of series or values;
 * all arithmetic is on int64 ordinals (no floating point anywhere). */
#include "period.h"

#include <stdio.h>

/* ==== civil dates ======================================================== */

/* Day ordinals are counted in 400-year eras (146097 days each) so that the
 * leap-year rule becomes plain integer division.  Inside an era the year is
 * taken to start on March 1st: February, with its variable length, is then
 * the last month and the month lengths before it follow the 153-days-per-5-
 * months pattern.  719468 is the number of days from 0000-03-01 to
 * 1970-01-01.  Valid for |days| well inside int64 (any period we accept). */
int64_t cx_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2; /* January and February belong to the previous March-year */
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                         /* [0, 399] */
    int64_t mp = m > 2 ? m - 3 : m + 9;                  /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + (d - 1);          /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void cx_civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;                                      /* [0, 146096] */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
    int64_t mp = (5 * doy + 2) / 153;                                    /* March = 0 */
    int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = mm;
    *y = yoe + era * 400 + (mm <= 2);
}

static bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* ==== frequencies ======================================================== */

int cx_freq_per_year(cx_freq f)
{
    switch (f) {
    case CX_FREQ_YEAR: return 1;
    case CX_FREQ_HALF: return 2;
    case CX_FREQ_QUARTER: return 4;
    case CX_FREQ_MONTH: return 12;
    case CX_FREQ_DAY: return 0;
    }
    return 0;
}

const char *cx_freq_name(cx_freq f)
{
    switch (f) {
    case CX_FREQ_YEAR: return "annual";
    case CX_FREQ_HALF: return "half-yearly";
    case CX_FREQ_QUARTER: return "quarterly";
    case CX_FREQ_MONTH: return "monthly";
    case CX_FREQ_DAY: return "daily";
    }
    return "unknown";
}

/* Floor division: ordinals of sub-year periods are year*k + i, and rounding
 * toward negative infinity keeps that true even for a (rejected) negative
 * ordinal handed in by a caller. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

/* ==== parsing ============================================================ */

static const char *const why_shape =
    "not a period: expected a year (2025), a half (2025H1), a quarter (2025Q3), "
    "a month (2025-06) or a date (2025-06-30)";
static const char *const why_year = "year must be 1 to 9999";
static const char *const why_half = "half must be 1 or 2";
static const char *const why_quarter = "quarter must be 1 to 4";
static const char *const why_month = "month must be 01 to 12";

/* The reason for a day outside its month, by the month's length. */
static const char *why_day(int len)
{
    switch (len) {
    case 28: return "day must be 01 to 28 in that month (February, not a leap year)";
    case 29: return "day must be 01 to 29 in that month (February of a leap year)";
    case 30: return "day must be 01 to 30 in that month";
    default: return "day must be 01 to 31";
    }
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Reads a run of digits starting at *i and returns how many there were.  The
 * value saturates just above 99999, so a long run of digits is reported as
 * out of range and never overflows. */
static size_t read_digits(const char *t, size_t len, size_t *i, int64_t *val)
{
    size_t start = *i;
    int64_t v = 0;
    while (*i < len && is_digit(t[*i])) {
        if (v <= 99999) v = v * 10 + (t[*i] - '0');
        (*i)++;
    }
    *val = v;
    return *i - start;
}

static bool fail(const char **why, const char *reason)
{
    if (why) *why = reason;
    return false;
}

bool cx_period_parse(const char *text, size_t len, cx_period *out, const char **why)
{
    size_t i = 0;
    int64_t year, a, b;
    if (!text) return fail(why, why_shape);
    if (read_digits(text, len, &i, &year) == 0) return fail(why, why_shape);
    bool year_ok = year >= CX_PERIOD_MIN_YEAR && year <= CX_PERIOD_MAX_YEAR;
    cx_period p;

    if (i == len) { /* 2025 */
        if (!year_ok) return fail(why, why_year);
        p.freq = CX_FREQ_YEAR;
        p.ord = year;
    } else if (text[i] == 'H' || text[i] == 'h' || text[i] == 'Q' || text[i] == 'q') {
        bool half = text[i] == 'H' || text[i] == 'h';
        i++;
        if (read_digits(text, len, &i, &a) != 1 || i != len) return fail(why, why_shape);
        if (!year_ok) return fail(why, why_year);
        if (half) {
            if (a < 1 || a > 2) return fail(why, why_half);
            p.freq = CX_FREQ_HALF;
            p.ord = year * 2 + (a - 1);
        } else {
            if (a < 1 || a > 4) return fail(why, why_quarter);
            p.freq = CX_FREQ_QUARTER;
            p.ord = year * 4 + (a - 1);
        }
    } else if (text[i] == '-') {
        i++;
        /* Months and days are written with two digits, as in ISO 8601: this
         * is what tells the month 2025-06 from the subtraction 2025 - 6. */
        if (read_digits(text, len, &i, &a) != 2) return fail(why, why_shape);
        if (i == len) { /* 2025-06 */
            if (!year_ok) return fail(why, why_year);
            if (a < 1 || a > 12) return fail(why, why_month);
            p.freq = CX_FREQ_MONTH;
            p.ord = year * 12 + (a - 1);
        } else {
            if (text[i] != '-') return fail(why, why_shape);
            i++;
            if (read_digits(text, len, &i, &b) != 2 || i != len) return fail(why, why_shape);
            if (!year_ok) return fail(why, why_year);
            if (a < 1 || a > 12) return fail(why, why_month);
            int dim = days_in_month(year, (int)a);
            if (b < 1 || b > dim) return fail(why, why_day(dim));
            p.freq = CX_FREQ_DAY;
            p.ord = cx_days_from_civil(year, (int)a, (int)b);
        }
    } else {
        return fail(why, why_shape);
    }
    *out = p;
    return true;
}

bool cx_period_from_year(int64_t year, cx_period *out)
{
    if (year < CX_PERIOD_MIN_YEAR || year > CX_PERIOD_MAX_YEAR) return false;
    out->freq = CX_FREQ_YEAR;
    out->ord = year;
    return true;
}

/* ==== calendar pieces ==================================================== */

int64_t cx_period_year(const cx_period *p)
{
    if (p->freq == CX_FREQ_DAY) {
        int64_t y;
        int m, d;
        cx_civil_from_days(p->ord, &y, &m, &d);
        return y;
    }
    return floor_div(p->ord, cx_freq_per_year(p->freq));
}

/* First month (1-12) of a non-day period, and how many months it spans. */
static void month_span(const cx_period *p, int *first_month, int *months)
{
    int per = cx_freq_per_year(p->freq);
    int idx = (int)floor_mod(p->ord, per);
    *months = 12 / per;
    *first_month = idx * *months + 1;
}

int64_t cx_period_first_day(const cx_period *p)
{
    if (p->freq == CX_FREQ_DAY) return p->ord;
    int fm, n;
    month_span(p, &fm, &n);
    return cx_days_from_civil(cx_period_year(p), fm, 1);
}

int64_t cx_period_last_day(const cx_period *p)
{
    if (p->freq == CX_FREQ_DAY) return p->ord;
    int fm, n;
    month_span(p, &fm, &n);
    int64_t y = cx_period_year(p);
    int lm = fm + n - 1;
    return cx_days_from_civil(y, lm, days_in_month(y, lm));
}

/* ==== text, order, arithmetic ============================================ */

size_t cx_period_format(const cx_period *p, char *buf, size_t size)
{
    int64_t y = cx_period_year(p);
    long long yy = (long long)y;
    int n = 0;
    switch (p->freq) {
    case CX_FREQ_YEAR: n = snprintf(buf, size, "%04lld", yy); break;
    case CX_FREQ_HALF:
        n = snprintf(buf, size, "%04lldH%d", yy, (int)floor_mod(p->ord, 2) + 1);
        break;
    case CX_FREQ_QUARTER:
        n = snprintf(buf, size, "%04lldQ%d", yy, (int)floor_mod(p->ord, 4) + 1);
        break;
    case CX_FREQ_MONTH:
        n = snprintf(buf, size, "%04lld-%02d", yy, (int)floor_mod(p->ord, 12) + 1);
        break;
    case CX_FREQ_DAY: {
        int m, d;
        cx_civil_from_days(p->ord, &y, &m, &d);
        n = snprintf(buf, size, "%04lld-%02d-%02d", (long long)y, m, d);
        break;
    }
    }
    if (n < 0) n = 0;
    if (size == 0) return 0;
    return (size_t)n < size ? (size_t)n : size - 1;
}

bool cx_period_same_freq(const cx_period *a, const cx_period *b) { return a->freq == b->freq; }

int cx_period_cmp(const cx_period *a, const cx_period *b)
{
    /* Different frequencies are the caller's mistake; ordering by frequency
     * first still gives a total order, so sorting never misbehaves. */
    if (a->freq != b->freq) return a->freq < b->freq ? -1 : 1;
    return (a->ord > b->ord) - (a->ord < b->ord);
}

/* Ordinal bounds of the accepted year range for a frequency. */
static int64_t min_ord(cx_freq f)
{
    if (f == CX_FREQ_DAY) return cx_days_from_civil(CX_PERIOD_MIN_YEAR, 1, 1);
    return (int64_t)CX_PERIOD_MIN_YEAR * cx_freq_per_year(f);
}

static int64_t max_ord(cx_freq f)
{
    if (f == CX_FREQ_DAY) return cx_days_from_civil(CX_PERIOD_MAX_YEAR, 12, 31);
    int per = cx_freq_per_year(f);
    return (int64_t)CX_PERIOD_MAX_YEAR * per + per - 1;
}

bool cx_period_add(const cx_period *p, int64_t n, cx_period *out)
{
    int64_t lo = min_ord(p->freq), hi = max_ord(p->freq);
    /* Compare n with the distance to each bound instead of adding first, so
     * that n near INT64_MIN or INT64_MAX cannot overflow. */
    if (p->ord < lo || p->ord > hi || n > hi - p->ord || n < lo - p->ord) return false;
    int64_t r = p->ord + n;
    out->freq = p->freq; /* out may alias p */
    out->ord = r;
    return true;
}

int64_t cx_period_diff(const cx_period *a, const cx_period *b) { return b->ord - a->ord; }
