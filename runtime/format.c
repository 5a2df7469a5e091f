/* format.c - deterministic display of cx numbers (the rules are in
 * format.h): exact values in full or cut with "…", approximate values with
 * "≈", and the fixed, percent and money forms.  Integer arithmetic only: no
 * printf of numbers, no locale, no double.
 *
 * Edge decisions (tested in tests/unit/test_format.c):
 *  - The cut and scientific forms are chosen from the ROUNDED value:
 *    0.99999999999…(cut) shows as 1.000000000…, an approximate 999999999999999.9
 *    at 10 digits is ≈1e15, a cut value that rounds up to 1e-9 is fixed.
 *  - A value that rounds to zero at the requested places loses its sign
 *    ("0.00", "$0.00"); an approximate zero, also -0, prints "≈0".
 *  - money picks its scale from the rounded value: 999,995,000 -> "$1.00B".
 *  - `places` outside 0..CX_MAX_DIGITS is clamped to that range; `digits`
 *    outside 1..CX_MAX_DIGITS likewise.  Callers should refuse such input.
 *  - Approximate values are converted exactly (they are dyadic rationals) when
 *    their binary exponent is within ±2^21; beyond, digits come from
 *    mpfr_get_str (round to nearest; decimal ties cannot occur there).
 *  - fixed/pct/money show an approximate value in the ≈ scientific form
 *    (CX_DEFAULT_DIGITS digits) once the number they would write reaches
 *    10^15 (in T for money): past that its digits would be binary noise. */
#include "format.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>
#include "limits.h"

#define APPROX_EXP_MAX ((mpfr_exp_t)1 << 21)

/* ==== output buffer (strbuf.h) ========================================= */

static void sb_zeros(cx_strbuf *b, size_t n)
{
    while (n-- > 0) cx_strbuf_putc(b, '0');
}

/* ==== digit strings ===================================================== */

/* Decimal digits of |z| into a malloc'ed string; NULL when out of memory. */
static char *z_digits(const mpz_t z, size_t *len)
{
    char *s = malloc(mpz_sizeinbase(z, 10) + 2);
    if (s == NULL) return NULL;
    mpz_get_str(s, 10, z);
    if (s[0] == '-') memmove(s, s + 1, strlen(s));
    *len = strlen(s);
    return s;
}

/* The digits s[0..n) followed by `pad` zeros, with ',' every three digits
 * from the right when sep. */
static void put_grouped(cx_strbuf *b, const char *s, size_t n, size_t pad, bool sep)
{
    size_t total = n + pad;
    for (size_t i = 0; i < total; i++) {
        if (sep && i > 0 && (total - i) % 3 == 0) cx_strbuf_putc(b, ',');
        cx_strbuf_putc(b, i < n ? s[i] : '0');
    }
}

/* Positional notation of the digits s[0..n) whose first digit stands for
 * 10^e10; separators in the integer part only. */
static void put_positional(cx_strbuf *b, const char *s, size_t n, int64_t e10, bool sep)
{
    if (e10 >= 0) {
        size_t ni = (size_t)e10 + 1;
        if (n <= ni) {
            put_grouped(b, s, n, ni - n, sep);
        } else {
            put_grouped(b, s, ni, 0, sep);
            cx_strbuf_putc(b, '.');
            cx_strbuf_put(b, s + ni, n - ni);
        }
    } else {
        cx_strbuf_puts(b, "0.");
        sb_zeros(b, (size_t)(-(e10 + 1)));
        cx_strbuf_put(b, s, n);
    }
}

/* The decimal digits of |v| at the end of tmp; returns where they start. */
static size_t i64_digits(char tmp[24], int64_t v)
{
    size_t i = 24;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return i;
}

static void put_i64(cx_strbuf *b, int64_t v)
{
    char tmp[24];
    size_t i = i64_digits(tmp, v);
    if (v < 0) cx_strbuf_putc(b, '-');
    cx_strbuf_put(b, tmp + i, sizeof tmp - i);
}

/* d.ddd[…]eN */
static void put_scientific(cx_strbuf *b, const char *s, size_t n, int64_t e10, bool cut)
{
    cx_strbuf_putc(b, s[0]);
    if (n > 1) {
        cx_strbuf_putc(b, '.');
        cx_strbuf_put(b, s + 1, n - 1);
    }
    if (cut) cx_strbuf_puts(b, CX_MARK_CUT);
    cx_strbuf_putc(b, 'e');
    put_i64(b, e10);
}

/* ==== exact decimal arithmetic ========================================== */

/* Sign of n/d - 10^e (n, d > 0). */
static int cmp_pow10(const mpz_t n, const mpz_t d, int64_t e)
{
    mpz_t t, u;
    mpz_init(t);
    mpz_init(u);
    mpz_ui_pow_ui(t, 10, (unsigned long)(e >= 0 ? e : -e));
    int c;
    if (e >= 0) {
        mpz_mul(t, t, d);
        c = mpz_cmp(n, t);
    } else {
        mpz_mul(u, t, n);
        c = mpz_cmp(u, d);
    }
    mpz_clear(u);
    mpz_clear(t);
    return c;
}

/* floor(log10(n/d)) for n, d > 0.  The estimate from the bit lengths uses a
 * 15-digit log10(2) slightly below the true value, so it is never too high
 * and at most a step or two too low. */
static int64_t dec_exponent(const mpz_t n, const mpz_t d)
{
    __extension__ typedef __int128 i128;
    int64_t bits = (int64_t)mpz_sizeinbase(n, 2) - (int64_t)mpz_sizeinbase(d, 2);
    i128 est = (i128)(bits - 1) * 301029995663981LL; /* n/d > 2^(bits-1) */
    i128 scale = 1000000000000000LL;
    i128 q = est / scale;
    if (est % scale != 0 && est < 0) q--;
    int64_t e = (int64_t)q;
    while (cmp_pow10(n, d, e + 1) >= 0) e++;
    while (cmp_pow10(n, d, e) < 0) e--;
    return e;
}

/* R = (n/d) / 10^k rounded half away from zero (n >= 0, d > 0). */
static void round_scaled(mpz_t R, const mpz_t n, const mpz_t d, int64_t k)
{
    mpz_t num, den, p;
    mpz_init(num);
    mpz_init(den);
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)(k >= 0 ? k : -k));
    if (k >= 0) {
        mpz_set(num, n);
        mpz_mul(den, d, p);
    } else {
        mpz_mul(num, n, p);
        mpz_set(den, d);
    }
    mpz_mul_2exp(num, num, 1);
    mpz_add(num, num, den);
    mpz_mul_2exp(den, den, 1);
    mpz_fdiv_q(R, num, den);
    mpz_clear(p);
    mpz_clear(den);
    mpz_clear(num);
}

/* d = 2^a 5^b?  Then *places = max(a, b), the decimals it needs. */
static bool terminating(const mpz_t d, uint64_t *places)
{
    mpz_t t, five;
    mpz_init_set(t, d);
    mpz_init_set_ui(five, 5);
    uint64_t a = mpz_scan1(t, 0);
    mpz_fdiv_q_2exp(t, t, a);
    uint64_t b = mpz_remove(t, t, five);
    bool ok = mpz_cmp_ui(t, 1) == 0;
    *places = a > b ? a : b;
    mpz_clear(five);
    mpz_clear(t);
    return ok;
}

/* ==== values as exact magnitudes ======================================== */

typedef enum vclass { V_EXACT, V_TINY, V_HUGE, V_NAN } vclass;

/* |x| = n/d, with the sign and the approximate mark aside.  An approximate
 * value is a dyadic rational and is converted exactly when its exponent is
 * moderate; far below 1 it is V_TINY with n = 0 (it rounds to 0 at any
 * places this file prints), far above it is V_HUGE. */
typedef struct val {
    mpz_t n, d;
    bool neg, approx;
    vclass cls;
} val;

static void val_init(val *v, const cx_num *x)
{
    mpz_init(v->n);
    mpz_init_set_ui(v->d, 1);
    v->neg = cx_num_sgn(x) < 0;
    v->approx = x->kind == CX_NUM_APPROX;
    v->cls = V_EXACT;
    if (!v->approx) {
        mpq_t q;
        mpq_init(q);
        cx_num_get_mpq(x, q);
        mpz_abs(v->n, mpq_numref(q));
        mpz_set(v->d, mpq_denref(q));
        mpq_clear(q);
        return;
    }
    mpfr_srcptr f = x->u.f;
    if (!mpfr_number_p(f)) {
        v->cls = V_NAN;
        return;
    }
    if (mpfr_zero_p(f)) return;
    mpfr_exp_t e = mpfr_get_exp(f);
    if (e > APPROX_EXP_MAX) {
        v->cls = V_HUGE;
        return;
    }
    if (e < -APPROX_EXP_MAX) {
        v->cls = V_TINY; /* n stays 0 */
        return;
    }
    mpfr_exp_t ex = mpfr_get_z_2exp(v->n, f); /* f = n * 2^ex */
    mpz_abs(v->n, v->n);
    uint64_t tz = mpz_scan1(v->n, 0); /* keep the denominator small */
    mpz_fdiv_q_2exp(v->n, v->n, tz);
    ex += (mpfr_exp_t)tz;
    if (ex >= 0) mpz_mul_2exp(v->n, v->n, (mp_bitcnt_t)ex);
    else mpz_mul_2exp(v->d, v->d, (mp_bitcnt_t)-ex);
}

static void val_clear(val *v)
{
    mpz_clear(v->d);
    mpz_clear(v->n);
}

/* ==== the display forms ================================================= */

/* A non-terminating exact magnitude, cut to `digits` significant digits but
 * never fewer than its integer digits, followed by the cut mark. */
/* The digits a cut display shows: R = n/d rounded half away from zero to
 * `digits` significant digits but never fewer than its integer digits, its
 * last digit standing for 10^*k; *e10 is the exponent of its first digit
 * (after a carry, 9.99… -> 10.0…). */
static void cut_digits(mpz_t R, const mpz_t n, const mpz_t d, int digits, int64_t *k_out,
                       int64_t *e10_out)
{
    int64_t e10 = dec_exponent(n, d);
    int64_t k = e10 - digits + 1;
    if (k > 0) k = 0;
    mpz_t p;
    mpz_init(p);
    round_scaled(R, n, d, k);
    mpz_ui_pow_ui(p, 10, (unsigned long)(e10 - k + 1));
    if (mpz_cmp(R, p) >= 0) { /* rounding carried into a new digit */
        e10++;
        int64_t k2 = e10 - digits + 1;
        if (k2 > 0) k2 = 0;
        if (k2 > k) {
            mpz_ui_pow_ui(p, 10, (unsigned long)(k2 - k));
            mpz_divexact(R, R, p);
            k = k2;
        }
    }
    mpz_clear(p);
    *k_out = k;
    *e10_out = e10;
}

static void put_cut(cx_strbuf *b, const mpz_t n, const mpz_t d, int digits, bool sep)
{
    int64_t k, e10;
    mpz_t R;
    mpz_init(R);
    cut_digits(R, n, d, digits, &k, &e10);
    size_t len;
    char *s = z_digits(R, &len);
    if (s == NULL) {
        b->oom = true;
    } else if (e10 < -9) {
        put_scientific(b, s, len, e10, true);
    } else {
        put_positional(b, s, len, e10, sep);
        cx_strbuf_puts(b, CX_MARK_CUT);
    }
    free(s);
    mpz_clear(R);
}

/* An exact magnitude per the display rules. */
static void put_exact(cx_strbuf *b, const mpz_t n, const mpz_t d, int digits, bool sep)
{
    uint64_t places;
    size_t len;
    if (mpz_cmp_ui(d, 1) == 0) {
        char *s = z_digits(n, &len);
        if (s == NULL) b->oom = true;
        else put_grouped(b, s, len, 0, sep);
        free(s);
    } else if (terminating(d, &places)) {
        mpz_t R;
        mpz_init(R);
        mpz_ui_pow_ui(R, 10, (unsigned long)places);
        mpz_mul(R, R, n);
        mpz_divexact(R, R, d);
        char *s = z_digits(R, &len);
        if (s == NULL) b->oom = true;
        else put_positional(b, s, len, (int64_t)len - 1 - (int64_t)places, sep);
        free(s);
        mpz_clear(R);
    } else {
        put_cut(b, n, d, digits, sep);
    }
}

/* The magnitude of a non-zero approximate value with `digits` significant
 * digits, trailing zeros trimmed, positional or scientific. */
/* The significant digits of a non-zero approximate |x| at `digits` digits,
 * trailing zeros trimmed, and the exponent of the first; malloc'ed, NULL
 * when out of memory. */
static char *approx_digits(const cx_num *x, int digits, size_t *len_out, int64_t *e10_out)
{
    mpfr_srcptr f = x->u.f;
    char *s = NULL;
    size_t len = 0;
    int64_t e10;
    val v;
    val_init(&v, x);
    if (v.cls == V_EXACT) {
        mpz_t R, p;
        mpz_init(R);
        mpz_init(p);
        e10 = dec_exponent(v.n, v.d);
        round_scaled(R, v.n, v.d, e10 - digits + 1);
        mpz_ui_pow_ui(p, 10, (unsigned long)digits);
        if (mpz_cmp(R, p) >= 0) { /* carry: 9.999… -> 10.00… */
            mpz_divexact_ui(R, R, 10);
            e10++;
        }
        s = z_digits(R, &len);
        mpz_clear(p);
        mpz_clear(R);
    } else {
        /* Extreme exponent: MPFR's correctly rounded digits (one rounding,
         * to nearest; a decimal tie is impossible that far out). */
        mpfr_exp_t ex;
        s = malloc((size_t)digits + 8);
        if (s != NULL && mpfr_get_str(s, &ex, 10, (size_t)digits, f, MPFR_RNDN) != NULL) {
            if (s[0] == '-') memmove(s, s + 1, strlen(s));
            len = strlen(s);
            e10 = (int64_t)ex - 1;
        } else {
            free(s);
            s = NULL;
            e10 = 0;
        }
    }
    val_clear(&v);
    if (s == NULL) return NULL;
    while (len > 1 && s[len - 1] == '0') len--;
    s[len] = '\0';
    *len_out = len;
    *e10_out = e10;
    return s;
}

static void put_approx_abs(cx_strbuf *b, const cx_num *x, int digits, bool sep)
{
    size_t len;
    int64_t e10;
    char *s = approx_digits(x, digits, &len, &e10);
    if (s == NULL) {
        b->oom = true;
        return;
    }
    if (e10 >= 15 || e10 < -9) put_scientific(b, s, len, e10, false);
    else put_positional(b, s, len, e10, sep);
    free(s);
}

/* "≈", the sign, the magnitude; NaN and infinities (which cx never keeps)
 * get a readable spelling rather than garbage. */
static void put_approx(cx_strbuf *b, const cx_num *x, int digits, bool sep, const char *after_sign,
                       const char *suffix)
{
    mpfr_srcptr f = x->u.f;
    cx_strbuf_puts(b, CX_MARK_APPROX);
    if (mpfr_nan_p(f)) {
        cx_strbuf_puts(b, "NaN");
        return;
    }
    if (!mpfr_zero_p(f) && mpfr_sgn(f) < 0) cx_strbuf_putc(b, '-');
    cx_strbuf_puts(b, after_sign);
    if (mpfr_inf_p(f)) cx_strbuf_puts(b, "inf");
    else if (mpfr_zero_p(f)) cx_strbuf_putc(b, '0');
    else put_approx_abs(b, x, digits, sep);
    cx_strbuf_puts(b, suffix);
}

static int clamp_digits(int digits)
{
    return digits < 1 ? 1 : digits > CX_MAX_DIGITS ? CX_MAX_DIGITS : digits;
}

static long clamp_places(long places)
{
    return places < 0 ? 0 : places > CX_MAX_DIGITS ? CX_MAX_DIGITS : places;
}

char *cx_fmt_number(const cx_num *x, int digits, bool separators)
{
    cx_strbuf b = {0};
    digits = clamp_digits(digits);
    if (x->kind == CX_NUM_SMALL && x->u.s.den == 1) { /* the common case, no GMP */
        char tmp[24];
        size_t i = i64_digits(tmp, x->u.s.num);
        if (x->u.s.num < 0) cx_strbuf_putc(&b, '-');
        put_grouped(&b, tmp + i, sizeof tmp - i, 0, separators);
        return cx_strbuf_take(&b);
    }
    if (x->kind == CX_NUM_APPROX) {
        put_approx(&b, x, digits, separators, "", "");
        return cx_strbuf_take(&b);
    }
    val v;
    val_init(&v, x);
    if (v.neg) cx_strbuf_putc(&b, '-');
    put_exact(&b, v.n, v.d, digits, separators);
    val_clear(&v);
    return cx_strbuf_take(&b);
}

/* Exponents past which a plain approximate decimal takes the e-form: its
 * zeros would say nothing and could run to millions of characters. */
#define PLAIN_EXP_MAX 1000

char *cx_fmt_plain(const cx_num *x, int digits, bool *exact)
{
    cx_strbuf b = {0};
    bool is_exact = x->kind != CX_NUM_APPROX;
    digits = clamp_digits(digits);
    if (x->kind == CX_NUM_APPROX) {
        mpfr_srcptr f = x->u.f;
        if (mpfr_nan_p(f)) {
            cx_strbuf_puts(&b, "nan");
        } else if (mpfr_zero_p(f)) {
            cx_strbuf_putc(&b, '0');
        } else {
            if (mpfr_sgn(f) < 0) cx_strbuf_putc(&b, '-');
            size_t len;
            int64_t e10;
            char *s = mpfr_inf_p(f) ? NULL : approx_digits(x, digits, &len, &e10);
            if (mpfr_inf_p(f)) cx_strbuf_puts(&b, "inf");
            else if (s == NULL) b.oom = true;
            else if (e10 >= PLAIN_EXP_MAX || e10 < -PLAIN_EXP_MAX)
                put_scientific(&b, s, len, e10, false);
            else put_positional(&b, s, len, e10, false);
            free(s);
        }
    } else {
        val v;
        val_init(&v, x);
        uint64_t places;
        if (v.neg) cx_strbuf_putc(&b, '-');
        if (mpz_cmp_ui(v.d, 1) == 0 || terminating(v.d, &places)) {
            put_exact(&b, v.n, v.d, digits, false);
        } else {
            int64_t k, e10;
            mpz_t R;
            mpz_init(R);
            cut_digits(R, v.n, v.d, digits, &k, &e10);
            size_t len;
            char *s = z_digits(R, &len);
            if (s == NULL) b.oom = true;
            else put_positional(&b, s, len, e10, false);
            free(s);
            mpz_clear(R);
            is_exact = false;
        }
        val_clear(&v);
    }
    if (exact) *exact = is_exact;
    return cx_strbuf_take(&b);
}

/* R (>= 0) as a number with exactly `places` decimals. */
static void put_fixed_digits(cx_strbuf *b, const mpz_t R, long places)
{
    size_t len;
    char *s = z_digits(R, &len);
    if (s == NULL) {
        b->oom = true;
        return;
    }
    put_positional(b, s, len, (int64_t)len - 1 - places, true);
    free(s);
}

/* An approximate value too large for a meaningful fixed form: the ≈
 * scientific form of x * 10^shift, between prefix and suffix. */
static char *approx_scientific(const cx_num *x, int64_t shift, const char *prefix,
                               const char *suffix)
{
    cx_strbuf b = {0};
    cx_num y;
    cx_num_init(&y);
    cx_num_set(&y, x);
    if (shift > 0) mpfr_mul_ui(y.u.f, y.u.f, 100, MPFR_RNDN); /* only pct shifts, by 2 */
    put_approx(&b, &y, CX_DEFAULT_DIGITS, true, prefix, suffix);
    cx_num_clear(&y);
    return cx_strbuf_take(&b);
}

/* The shared body of fixed and pct: [≈][-]digits suffix, the magnitude
 * n/d * 10^shift rounded to `places` decimals.  An approximate value whose
 * shown magnitude reaches 10^15 takes the ≈ scientific form instead: its
 * digits past the precision would be noise (the same bound as the ≈ rule). */
static char *fixed_form(const cx_num *x, long places, int64_t shift, const char *suffix)
{
    places = clamp_places(places);
    val v;
    val_init(&v, x);
    if (v.cls == V_HUGE || v.cls == V_NAN ||
        (v.cls == V_EXACT && v.approx && cmp_pow10(v.n, v.d, 15 - shift) >= 0)) {
        val_clear(&v);
        return approx_scientific(x, shift, "", suffix);
    }
    cx_strbuf b = {0};
    mpz_t R;
    mpz_init(R);
    round_scaled(R, v.n, v.d, -(int64_t)places - shift);
    if (v.approx) cx_strbuf_puts(&b, CX_MARK_APPROX);
    if (v.neg && mpz_sgn(R) != 0) cx_strbuf_putc(&b, '-');
    put_fixed_digits(&b, R, places);
    cx_strbuf_puts(&b, suffix);
    mpz_clear(R);
    val_clear(&v);
    return cx_strbuf_take(&b);
}

char *cx_fmt_fixed(const cx_num *x, long places) { return fixed_form(x, places, 0, ""); }

char *cx_fmt_pct(const cx_num *x, long places) { return fixed_form(x, places, 2, "%"); }

/* ==== money with a symbol, fixed without separators ====================== */

char *cx_fmt_fixed_plain(const cx_num *x, long places)
{
    /* The fixed form's only ',' are its thousands separators. */
    char *s = cx_fmt_fixed(x, places);
    if (s == NULL) return NULL;
    char *w = s;
    for (const char *r = s; *r; r++)
        if (*r != ',') *w++ = *r;
    *w = '\0';
    return s;
}

/* R * 10^k == n/d exactly (R, n >= 0; d > 0): the rounding lost nothing. */
static bool scaled_is_exact(const mpz_t R, const mpz_t n, const mpz_t d, int64_t k)
{
    mpz_t l, r;
    mpz_init(l);
    mpz_init(r);
    mpz_ui_pow_ui(r, 10, (unsigned long)(k >= 0 ? k : -k));
    if (k >= 0) { /* R * 10^k * d == n */
        mpz_mul(l, R, r);
        mpz_mul(l, l, d);
        mpz_set(r, n);
    } else { /* R * d == n * 10^-k */
        mpz_mul(r, r, n);
        mpz_mul(l, R, d);
    }
    bool eq = mpz_cmp(l, r) == 0;
    mpz_clear(r);
    mpz_clear(l);
    return eq;
}

/* The symbol as written before the digits: a code ending with an ASCII
 * letter ("EUR", "CHF") gets a space; malloc'ed, NULL when out of memory. */
static char *money_prefix(const char *symbol)
{
    size_t len = strlen(symbol);
    char last = len ? symbol[len - 1] : '\0';
    bool code = (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z');
    cx_strbuf b = {0};
    cx_strbuf_puts(&b, symbol);
    if (code) cx_strbuf_putc(&b, ' ');
    return cx_strbuf_take(&b);
}

char *cx_fmt_money_as(const cx_num *x, long places, const char *symbol)
{
    static const struct {
        int64_t exp10;
        const char *suffix;
    } scale[] = {{0, ""}, {6, "M"}, {9, "B"}, {12, "T"}};
    char *prefix = money_prefix(symbol ? symbol : "$");
    if (prefix == NULL) return NULL;
    places = clamp_places(places);
    val v;
    val_init(&v, x);
    int i = 3;
    if (v.cls == V_EXACT) {
        while (i > 0 && cmp_pow10(v.n, v.d, scale[i].exp10) < 0) i--;
    }
    if (mpz_sgn(v.n) == 0) i = 0;
    if (v.cls == V_HUGE || v.cls == V_NAN ||
        (v.approx && mpz_sgn(v.n) != 0 && cmp_pow10(v.n, v.d, 15 + scale[i].exp10) >= 0)) {
        val_clear(&v);
        char *s = approx_scientific(x, 0, prefix, "");
        free(prefix);
        return s;
    }
    mpz_t R, p;
    mpz_init(R);
    mpz_init(p);
    for (;;) {
        round_scaled(R, v.n, v.d, scale[i].exp10 - places);
        if (i == 3) break;
        /* Rounding may reach the next unit: $999.995M is "$1.00B". */
        mpz_ui_pow_ui(p, 10, (unsigned long)(scale[i + 1].exp10 - scale[i].exp10 + places));
        if (mpz_cmp(R, p) < 0) break;
        i++;
    }
    /* A one-digit scaled figure that is not exact ("$2M" for 1,580,192)
     * rounds away more than the places asked for: one scale down instead. */
    if (i > 0 && mpz_cmp_ui(R, 10) < 0 && !scaled_is_exact(R, v.n, v.d, scale[i].exp10 - places)) {
        i--;
        round_scaled(R, v.n, v.d, scale[i].exp10 - places);
    }
    cx_strbuf b = {0};
    if (v.approx) cx_strbuf_puts(&b, CX_MARK_APPROX);
    if (v.neg && mpz_sgn(R) != 0) cx_strbuf_putc(&b, '-');
    cx_strbuf_puts(&b, prefix);
    put_fixed_digits(&b, R, places);
    cx_strbuf_puts(&b, scale[i].suffix);
    mpz_clear(p);
    mpz_clear(R);
    val_clear(&v);
    free(prefix);
    return cx_strbuf_take(&b);
}

/* ==== the figure a display shows ========================================= */

/* *out = (neg ? -1 : 1) * R * 10^k, exactly; refused when 10^|k| alone
 * would pass the context's size limit. */
static cx_num_status scaled_value(cx_num *out, const mpz_t R, int64_t k, bool neg,
                                  const cx_num_ctx *ctx)
{
    uint64_t ak = k < 0 ? (uint64_t)0 - (uint64_t)k : (uint64_t)k;
    if (ak > (uint64_t)ctx->max_bits / 3) return CX_NUM_TOO_BIG;
    mpq_t q;
    mpq_init(q);
    mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)ak);
    if (k >= 0) {
        mpz_mul(mpq_numref(q), R, mpq_denref(q));
        mpz_set_ui(mpq_denref(q), 1);
    } else {
        mpz_set(mpq_numref(q), R);
    }
    mpq_canonicalize(q);
    if (neg) mpq_neg(q, q);
    cx_num_set_mpq(out, q);
    mpq_clear(q);
    return CX_NUM_OK;
}

/* Decimal zeros at the end of R (R > 0). */
static int64_t decimal_zeros(const mpz_t R)
{
    mpz_t t, ten;
    mpz_init(t);
    mpz_init_set_ui(ten, 10);
    int64_t n = (int64_t)mpz_remove(t, R, ten);
    mpz_clear(ten);
    mpz_clear(t);
    return n;
}

cx_num_status cx_fmt_shown(const cx_num *x, int digits, cx_num *shown, int64_t *last_place,
                           int64_t *int_zeros, const cx_num_ctx *ctx)
{
    digits = clamp_digits(digits);
    *last_place = 0;
    *int_zeros = 0;
    if (cx_num_is_zero(x)) {
        cx_num_set_si(shown, 0);
        return CX_NUM_OK;
    }
    cx_num_status st = CX_NUM_OK;
    mpz_t R;
    mpz_init(R);
    if (x->kind == CX_NUM_APPROX) {
        size_t len;
        int64_t e10;
        char *s = approx_digits(x, digits, &len, &e10);
        if (s == NULL || mpz_set_str(R, s, 10) != 0) {
            st = s == NULL ? CX_NUM_NOMEM : CX_NUM_BAD_TEXT;
            free(s);
            mpz_clear(R);
            return st;
        }
        free(s);
        int64_t k = e10 - (int64_t)len + 1;
        bool positional = e10 < 15 && e10 >= -9;
        if (positional && k > 0) { /* "1500": the text's digits end at 10^0 */
            *last_place = 0;
            *int_zeros = k;
        } else {
            *last_place = k;
        }
        st = scaled_value(shown, R, k, mpfr_sgn(x->u.f) < 0, ctx);
        mpz_clear(R);
        return st;
    }
    val v;
    val_init(&v, x);
    uint64_t places;
    if (mpz_cmp_ui(v.d, 1) == 0) { /* an integer, shown in full */
        cx_num_set(shown, x);
        *int_zeros = decimal_zeros(v.n);
    } else if (terminating(v.d, &places)) { /* a decimal, shown in full */
        cx_num_set(shown, x);
        *last_place = -(int64_t)places;
    } else { /* cut at `digits` significant digits */
        int64_t k, e10;
        cut_digits(R, v.n, v.d, digits, &k, &e10);
        *last_place = k;
        /* Positional with no decimals ("333,333,333,333…"): a whole number. */
        if (k == 0 && e10 >= -9) *int_zeros = decimal_zeros(R);
        st = scaled_value(shown, R, k, v.neg, ctx);
    }
    val_clear(&v);
    mpz_clear(R);
    return st;
}

/* ==== shortened displays for messages ===================================== */

char *cx_fmt_brief(char *s)
{
    if (!s) return NULL;
    size_t len = strlen(s);
    if (len <= CX_BRIEF_CHARS) return s;
    size_t digits = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9') digits++;
    /* Cut at character boundaries: "≈" and "…" are several bytes. */
    size_t head = 30, tail = len - 30;
    while (head > 0 && ((unsigned char)s[head] & 0xC0) == 0x80) head--;
    while (tail < len && ((unsigned char)s[tail] & 0xC0) == 0x80) tail++;
    cx_strbuf b = {0};
    cx_strbuf_put(&b, s, head);
    cx_strbuf_puts(&b, CX_MARK_CUT "[");
    char count[24];
    size_t i = i64_digits(count, (int64_t)digits);
    put_grouped(&b, count + i, sizeof count - i, 0, true);
    cx_strbuf_puts(&b, " digits]" CX_MARK_CUT);
    cx_strbuf_puts(&b, s + tail);
    char *r = cx_strbuf_take(&b);
    /* Without memory for the short form, never the long one in its place. */
    free(s);
    return r;
}
