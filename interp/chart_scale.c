/* chart_scale.c - a chart's value axis, exactly: nice ticks (1, 2 or 5
 * times a power of ten) found with GMP rationals, the labels of ticks and
 * values ($, %, the scale letters M, B, T: never the SI G), and the fixed
 * decimals every SVG coordinate is printed with.  No double anywhere, so a
 * chart is the same bytes on every machine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"
#include "../runtime/strbuf.h"

/* q = 10^e (e may be negative). */
static void set_pow10(mpq_t q, long e)
{
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)(e < 0 ? -e : e));
    if (e < 0) {
        mpz_set_ui(mpq_numref(q), 1);
        mpz_set(mpq_denref(q), p);
    } else {
        mpz_set(mpq_numref(q), p);
        mpz_set_ui(mpq_denref(q), 1);
    }
    mpz_clear(p);
}

/* Compares |x| with 10^e. */
static int cmp_pow10(const mpq_t x, long e)
{
    mpq_t p, a;
    mpq_inits(p, a, NULL);
    set_pow10(p, e);
    mpq_abs(a, x);
    int c = mpq_cmp(a, p);
    mpq_clears(p, a, NULL);
    return c;
}

long cx_chart_floor_log10(const mpq_t x)
{
    /* sizeinbase may overstate by one: start there and correct exactly. */
    long e = (long)mpz_sizeinbase(mpq_numref(x), 10) - (long)mpz_sizeinbase(mpq_denref(x), 10);
    while (cmp_pow10(x, e) < 0) e--;
    while (cmp_pow10(x, e + 1) >= 0) e++;
    return e;
}

void cx_chart_ticks_init(cx_chart_ticks *t)
{
    mpq_inits(t->lo, t->hi, t->step, NULL);
    t->exp10 = 0;
    t->mult = 1;
    t->n = 0;
}

void cx_chart_ticks_clear(cx_chart_ticks *t) { mpq_clears(t->lo, t->hi, t->step, NULL); }

void cx_chart_nice_ticks(cx_chart_ticks *t, const mpq_t min, const mpq_t max, bool with_zero)
{
    mpq_t a, b, raw, k;
    mpz_t z;
    mpq_inits(a, b, raw, k, NULL);
    mpz_init(z);
    mpq_set(a, min);
    mpq_set(b, max);
    if (with_zero) {
        if (mpq_sgn(a) > 0) mpq_set_ui(a, 0, 1);
        if (mpq_sgn(b) < 0) mpq_set_ui(b, 0, 1);
    }
    if (mpq_equal(a, b)) { /* one value: from zero to it */
        if (mpq_sgn(a) == 0) mpq_set_ui(b, 1, 1);
        else if (mpq_sgn(a) > 0) mpq_set_ui(a, 0, 1);
        else mpq_set_ui(b, 0, 1);
    }
    /* About five intervals: the smallest 1, 2, 5 x 10^e at least range / 5. */
    mpq_sub(raw, b, a);
    mpq_set_ui(k, 1, 5);
    mpq_mul(raw, raw, k);
    long e = cx_chart_floor_log10(raw);
    static const int mults[] = {1, 2, 5, 10};
    int m = 10;
    for (int i = 0; i < 4; i++) {
        set_pow10(t->step, e);
        mpq_set_ui(k, (unsigned long)mults[i], 1);
        mpq_mul(t->step, t->step, k);
        if (mpq_cmp(t->step, raw) >= 0) {
            m = mults[i];
            break;
        }
    }
    if (m == 10) { /* 10 x 10^e is 1 x 10^(e+1): step holds it already */
        m = 1;
        e++;
    }
    t->mult = m;
    t->exp10 = e;
    /* lo = floor(a / step) * step, hi = ceil(b / step) * step */
    mpq_div(k, a, t->step);
    mpz_fdiv_q(z, mpq_numref(k), mpq_denref(k));
    mpq_set_z(t->lo, z);
    mpq_mul(t->lo, t->lo, t->step);
    mpq_div(k, b, t->step);
    mpz_cdiv_q(z, mpq_numref(k), mpq_denref(k));
    mpq_set_z(t->hi, z);
    mpq_mul(t->hi, t->hi, t->step);
    mpq_sub(k, t->hi, t->lo);
    mpq_div(k, k, t->step); /* a whole number, at most 7 */
    t->n = (size_t)mpz_get_ui(mpq_numref(k)) + 1;
    mpq_clears(a, b, raw, k, NULL);
    mpz_clear(z);
}

void cx_chart_tick_value(const cx_chart_ticks *t, size_t i, mpq_t v)
{
    mpq_set_ui(v, (unsigned long)i, 1);
    mpq_mul(v, v, t->step);
    mpq_add(v, v, t->lo);
}

/* ---- text of numbers ---------------------------------------------------------- */

/* Appends [-]prefix digits suffix, where digits is |x| / 10^shift rounded
 * half away from zero to `places` decimals; `group` puts ',' between
 * thousands, `trim` drops trailing zeros of the decimals. */
static void put_scaled(cx_strbuf *b, const mpq_t x, long shift, long places, bool group, bool trim,
                       const char *prefix, const char *suffix)
{
    mpq_t y, p;
    mpz_t n;
    mpq_inits(y, p, NULL);
    mpz_init(n);
    mpq_abs(y, x);
    set_pow10(p, places - shift);
    mpq_mul(y, y, p);
    /* half away from zero on |x|: floor(y + 1/2) */
    mpq_set_ui(p, 1, 2);
    mpq_add(y, y, p);
    mpz_fdiv_q(n, mpq_numref(y), mpq_denref(y));
    char *d = mpz_get_str(NULL, 10, n);
    if (!d) {
        b->oom = true;
        goto out;
    }
    size_t len = strlen(d), nint = len > (size_t)places ? len - (size_t)places : 0;
    if (mpq_sgn(x) < 0 && mpz_sgn(n) != 0) cx_strbuf_putc(b, '-');
    cx_strbuf_puts(b, prefix);
    if (nint == 0) cx_strbuf_putc(b, '0');
    for (size_t i = 0; i < nint; i++) {
        if (group && i > 0 && (nint - i) % 3 == 0) cx_strbuf_putc(b, ',');
        cx_strbuf_putc(b, d[i]);
    }
    /* The decimals: leading zeros the digits lack, then the digits. */
    char *frac = malloc((size_t)places + 1);
    if (!frac) {
        b->oom = true;
        free(d);
        goto out;
    }
    size_t lead = (size_t)places - (len - nint);
    memset(frac, '0', lead);
    memcpy(frac + lead, d + nint, len - nint);
    size_t nf = (size_t)places;
    if (trim)
        while (nf > 0 && frac[nf - 1] == '0') nf--;
    if (nf > 0) {
        cx_strbuf_putc(b, '.');
        cx_strbuf_put(b, frac, nf);
    }
    cx_strbuf_puts(b, suffix);
    free(frac);
    free(d);
out:
    mpq_clears(y, p, NULL);
    mpz_clear(n);
}

void cx_chart_put_fixed(cx_strbuf *b, const mpq_t x, long places)
{
    put_scaled(b, x, 0, places, false, false, "", "");
}

/* x = m * 10^e, 1 <= |m| < 10, with m to `places` decimals (trimmed):
 * "1.2e18", "-$5e30". */
static void put_scientific(cx_strbuf *b, const mpq_t x, long places, const char *prefix,
                           const char *suffix)
{
    mpq_t m, p, r;
    mpq_inits(m, p, r, NULL);
    long e = cx_chart_floor_log10(x);
    set_pow10(p, e);
    mpq_div(m, x, p);
    /* Rounding may carry to 10.0: then the exponent moves up one. */
    set_pow10(p, places);
    mpq_abs(r, m);
    mpq_mul(r, r, p);
    mpq_set_ui(p, 1, 2);
    mpq_add(r, r, p);
    mpz_fdiv_q(mpq_numref(r), mpq_numref(r), mpq_denref(r));
    mpz_set_ui(mpq_denref(r), 1);
    set_pow10(p, places + 1);
    if (mpq_cmp(r, p) >= 0) {
        e++;
        mpq_set_ui(p, 1, 10);
        mpq_mul(m, m, p);
    }
    char exp[32];
    put_scaled(b, m, 0, places, false, true, prefix, "");
    snprintf(exp, sizeof exp, "e%ld", e);
    cx_strbuf_puts(b, exp);
    cx_strbuf_puts(b, suffix);
    mpq_clears(m, p, r, NULL);
}

static const char *prefix_of(cx_chart_format f) { return f == CX_CHART_MONEY ? "$" : ""; }
static const char *suffix_of(cx_chart_format f) { return f == CX_CHART_PCT ? "%" : ""; }

/* The scale of a magnitude: 12 (T), 9 (B), 6 (M) or 0 (none); pct has none. */
static long scale_of(const mpq_t mag, cx_chart_format f, const char **letter)
{
    static const struct {
        long e;
        const char *letter;
    } scales[] = {{12, "T"}, {9, "B"}, {6, "M"}};
    *letter = "";
    if (f == CX_CHART_PCT) return 0;
    for (size_t i = 0; i < sizeof scales / sizeof *scales; i++)
        if (cmp_pow10(mag, scales[i].e) >= 0) {
            *letter = scales[i].letter;
            return scales[i].e;
        }
    return 0;
}

/* The zero of a format: "$0", "0%", "0". */
static char *zero_label(cx_chart_format f)
{
    cx_strbuf b = {0};
    cx_strbuf_puts(&b, prefix_of(f));
    cx_strbuf_putc(&b, '0');
    cx_strbuf_puts(&b, suffix_of(f));
    return cx_strbuf_take(&b);
}

/* Past this the scaled figures grow too long: scientific form. */
enum { SCI_FROM = 15, SCI_BELOW = -9 };

char *cx_chart_value_label(const mpq_t v, cx_chart_format f)
{
    if (mpq_sgn(v) == 0) return zero_label(f);
    cx_strbuf b = {0};
    mpq_t x, k;
    mpq_inits(x, k, NULL);
    mpq_set(x, v);
    if (f == CX_CHART_PCT) {
        mpq_set_ui(k, 100, 1);
        mpq_mul(x, x, k);
    }
    const char *pre = prefix_of(f), *suf = suffix_of(f), *letter;
    long e = cx_chart_floor_log10(x);
    if (e >= SCI_FROM) {
        put_scientific(&b, x, 2, pre, suf);
    } else {
        long u = scale_of(x, f, &letter);
        /* two decimals at a scale or from 1 up; three significant digits below 1 */
        long places = u > 0 || e >= 0 ? 2 : 2 - e;
        if (places - 2 > -SCI_BELOW) {
            put_scientific(&b, x, 2, pre, suf);
        } else {
            char tail[8];
            snprintf(tail, sizeof tail, "%s%s", letter, suf);
            put_scaled(&b, x, u, places, true, true, pre, tail);
        }
    }
    mpq_clears(x, k, NULL);
    return cx_strbuf_take(&b);
}

char *cx_chart_tick_label(const cx_chart_ticks *t, size_t i, cx_chart_format f)
{
    cx_strbuf b = {0};
    mpq_t x, mag, k;
    mpq_inits(x, mag, k, NULL);
    cx_chart_tick_value(t, i, x);
    if (mpq_sgn(x) == 0) {
        mpq_clears(x, mag, k, NULL);
        return zero_label(f);
    }
    /* The axis's magnitude picks one scale for every tick. */
    mpq_abs(mag, t->lo);
    mpq_abs(k, t->hi);
    if (mpq_cmp(k, mag) > 0) mpq_set(mag, k);
    long e = t->exp10;
    if (f == CX_CHART_PCT) {
        mpq_set_ui(k, 100, 1);
        mpq_mul(x, x, k);
        mpq_mul(mag, mag, k);
        e += 2;
    }
    const char *pre = prefix_of(f), *suf = suffix_of(f), *letter;
    if (cmp_pow10(mag, SCI_FROM) >= 0 || e < SCI_BELOW) {
        /* x = K * 10^e exactly, K whole: all of K's digits, so neighbouring
         * ticks never print alike. */
        mpq_set_ui(k, 1, 1);
        mpq_abs(k, x);
        long digits = cx_chart_floor_log10(k) - e + 1;
        put_scientific(&b, x, digits - 1, pre, suf);
    } else {
        long u = scale_of(mag, f, &letter);
        long places = u - e > 0 ? u - e : 0;
        char tail[8];
        snprintf(tail, sizeof tail, "%s%s", letter, suf);
        put_scaled(&b, x, u, places, true, false, pre, tail);
    }
    mpq_clears(x, mag, k, NULL);
    return cx_strbuf_take(&b);
}
