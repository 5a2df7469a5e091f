/* unit.c - the unit algebra (unit.h): symbols and what they measure, parsing
 * a unit's text, products and powers, dimensions, exact conversion factors,
 * display, and the message of a mismatch.  All scales are exact rationals
 * (GMP); no floating point anywhere. */
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"
#include "strbuf.h"

/* ==== symbols ============================================================ */

/* ISO 4217 codes in use (2025), sorted for bsearch. */
static const char *const iso_codes[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
};

/* Time units: symbol, family, scale in the family's base (num/den). */
static const struct {
    const char *sym;
    cx_uom_sym_kind kind;
    long num, den;
} time_units[] = {
    {"yr", CX_UOM_SYM_TIME_YR, 1, 1},   {"half", CX_UOM_SYM_TIME_YR, 1, 2},
    {"qtr", CX_UOM_SYM_TIME_YR, 1, 4},  {"mo", CX_UOM_SYM_TIME_YR, 1, 12},
    {"day", CX_UOM_SYM_TIME_DAY, 1, 1}, {"week", CX_UOM_SYM_TIME_DAY, 7, 1},
};
enum { N_TIME = sizeof time_units / sizeof time_units[0] };

static int cmp_code(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

bool cx_uom_is_iso_currency(const char *name, size_t len)
{
    if (len != 3) return false;
    char k[4] = {name[0], name[1], name[2], 0};
    return bsearch(k, iso_codes, sizeof iso_codes / sizeof iso_codes[0], sizeof iso_codes[0],
                   cmp_code) != NULL;
}

static int time_index(const char *sym, size_t len)
{
    for (int i = 0; i < N_TIME; i++)
        if (strlen(time_units[i].sym) == len && memcmp(time_units[i].sym, sym, len) == 0) return i;
    return -1;
}

bool cx_uom_is_builtin(const char *name, size_t len)
{
    return cx_uom_is_iso_currency(name, len) || time_index(name, len) >= 0;
}

cx_uom_sym_kind cx_uom_sym_kind_of(const char *sym, size_t len, cx_uom_is_count is_count, void *ud)
{
    if (cx_uom_is_iso_currency(sym, len)) return CX_UOM_SYM_CURRENCY;
    int t = time_index(sym, len);
    if (t >= 0) return time_units[t].kind;
    if (is_count && is_count(ud, sym, len)) return CX_UOM_SYM_COUNT;
    return CX_UOM_SYM_UNKNOWN;
}

/* The dimension a symbol measures: its time family's base, else itself. */
static const char *dim_of(const char *sym)
{
    int t = time_index(sym, strlen(sym));
    if (t < 0) return sym;
    return time_units[t].kind == CX_UOM_SYM_TIME_YR ? "yr" : "day";
}

/* The symbol's scale in its dimension's base unit. */
static void sym_scale(const char *sym, mpq_t out)
{
    int t = time_index(sym, strlen(sym));
    if (t < 0) mpq_set_ui(out, 1, 1);
    else {
        mpq_set_si(out, time_units[t].num, (unsigned long)time_units[t].den);
        mpq_canonicalize(out);
    }
}

/* out *= base^e (e may be negative). */
static void mul_pow(mpq_t out, const mpq_t base, int e)
{
    mpq_t p;
    mpq_init(p);
    mpq_set_ui(p, 1, 1);
    for (int i = 0; i < abs(e); i++) mpq_mul(p, p, base);
    if (e < 0) mpq_inv(p, p);
    mpq_mul(out, out, p);
    mpq_clear(p);
}

/* ==== life =============================================================== */

static cx_uom *unit_new(void)
{
    cx_uom *u = calloc(1, sizeof *u);
    if (u) u->rc = 1;
    return u;
}

cx_uom *cx_uom_ref(cx_uom *u)
{
    if (u) u->rc++;
    return u;
}

void cx_uom_unref(cx_uom *u)
{
    if (u && --u->rc == 0) free(u);
}

/* ==== building =========================================================== */

/* A unit under construction: factors that may hold zero exponents. */
typedef struct ubuild {
    int n;
    cx_uom_term f[CX_UOM_MAX_FACTORS];
} ubuild;

static int find_sym(const ubuild *b, const char *sym)
{
    for (int i = 0; i < b->n; i++)
        if (strcmp(b->f[i].sym, sym) == 0) return i;
    return -1;
}

static bool add_factor(ubuild *b, const char *sym, int exp)
{
    int i = find_sym(b, sym);
    if (i < 0) {
        if (b->n == CX_UOM_MAX_FACTORS) return false;
        i = b->n++;
        strcpy(b->f[i].sym, sym);
        b->f[i].exp = 0;
    }
    long e = (long)b->f[i].exp + exp;
    if (e > CX_UOM_MAX_EXP || e < -CX_UOM_MAX_EXP) return false;
    b->f[i].exp = (int)e;
    return true;
}

/* Brings every symbol of a dimension to the first one of it (yr after qtr
 * becomes 4 qtr), multiplying `factor` by what that takes, drops zero
 * exponents, and makes the unit (NULL when nothing is left). */
static cx_uom_status finish(ubuild *b, cx_uom **out, mpq_t factor)
{
    mpq_t s1, s2;
    mpq_init(s1);
    mpq_init(s2);
    bool ok = true;
    for (int i = 0; i < b->n; i++) {
        if (b->f[i].exp == 0) continue;
        for (int j = i + 1; j < b->n; j++) {
            if (b->f[j].exp == 0 || strcmp(dim_of(b->f[i].sym), dim_of(b->f[j].sym)) != 0) continue;
            /* sym_j^e = (scale_j / scale_i)^e sym_i^e */
            sym_scale(b->f[j].sym, s1);
            sym_scale(b->f[i].sym, s2);
            mpq_div(s1, s1, s2);
            mul_pow(factor, s1, b->f[j].exp);
            long e = (long)b->f[i].exp + b->f[j].exp;
            if (e > CX_UOM_MAX_EXP || e < -CX_UOM_MAX_EXP) ok = false;
            b->f[i].exp = (int)e;
            b->f[j].exp = 0;
        }
    }
    mpq_clear(s1);
    mpq_clear(s2);
    *out = NULL;
    if (!ok) return CX_UOM_TOO_LARGE;
    int n = 0;
    for (int i = 0; i < b->n; i++)
        if (b->f[i].exp != 0) n++;
    if (n == 0) return CX_UOM_OK;
    cx_uom *u = unit_new();
    if (!u) return CX_UOM_NOMEM;
    for (int i = 0; i < b->n; i++)
        if (b->f[i].exp != 0) u->f[u->n++] = b->f[i];
    *out = u;
    return CX_UOM_OK;
}

static void load(ubuild *b, const cx_uom *u)
{
    b->n = 0;
    if (!u) return;
    b->n = u->n;
    memcpy(b->f, u->f, (size_t)u->n * sizeof u->f[0]);
}

static bool sym_char(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && c >= '0' && c <= '9');
}

cx_uom_parse_status cx_uom_parse(const char *text, size_t len, cx_uom_is_count is_count, void *ud,
                                 cx_uom **out, mpq_t factor, size_t *at, size_t *bad_len)
{
    ubuild b = {0};
    size_t i = 0;
    int sign = 1;
    *out = NULL;
    *at = 0;
    *bad_len = len;
    if (len > 2 && text[0] == '1' && text[1] == '/') { /* 1/yr: a rate */
        i = 2;
        sign = -1;
    }
    for (;;) {
        size_t s = i;
        while (i < len && sym_char(text[i], i == s)) i++;
        if (i == s) {
            *at = i;
            *bad_len = i < len ? 1 : 0;
            return CX_UOM_PARSE_SYNTAX;
        }
        size_t slen = i - s;
        if (slen > CX_UOM_MAX_SYM) {
            *at = s;
            *bad_len = slen;
            return CX_UOM_PARSE_TOO_LARGE;
        }
        if (cx_uom_sym_kind_of(text + s, slen, is_count, ud) == CX_UOM_SYM_UNKNOWN) {
            *at = s;
            *bad_len = slen;
            return CX_UOM_PARSE_UNKNOWN;
        }
        long e = 1;
        if (i < len && text[i] == '^') {
            size_t es = ++i;
            bool neg = i < len && text[i] == '-';
            if (neg) i++;
            long v = 0;
            size_t ds = i;
            while (i < len && text[i] >= '0' && text[i] <= '9' && v <= CX_UOM_MAX_EXP)
                v = v * 10 + (text[i++] - '0');
            if (i == ds) {
                *at = es;
                *bad_len = i - es + (i < len);
                return CX_UOM_PARSE_SYNTAX;
            }
            if (v > CX_UOM_MAX_EXP) {
                *at = es;
                *bad_len = i - es;
                return CX_UOM_PARSE_TOO_LARGE;
            }
            e = neg ? -v : v;
        }
        char sym[CX_UOM_MAX_SYM + 1];
        memcpy(sym, text + s, slen);
        sym[slen] = '\0';
        if (!add_factor(&b, sym, (int)(sign * e))) {
            *at = s;
            *bad_len = i - s;
            return CX_UOM_PARSE_TOO_LARGE;
        }
        if (i == len) break;
        if (text[i] != '*' && text[i] != '/') {
            *at = i;
            *bad_len = 1;
            return CX_UOM_PARSE_SYNTAX;
        }
        sign = text[i] == '/' ? -1 : 1;
        i++;
    }
    mpq_t f;
    mpq_init(f);
    mpq_set_ui(f, 1, 1);
    cx_uom_status us = finish(&b, out, f);
    if (us == CX_UOM_OK && factor) mpq_set(factor, f);
    mpq_clear(f);
    if (us == CX_UOM_NOMEM) return CX_UOM_PARSE_NOMEM;
    if (us != CX_UOM_OK) { /* an exponent past the limit once symbols merged */
        *at = 0;
        *bad_len = len;
        return CX_UOM_PARSE_TOO_LARGE;
    }
    return CX_UOM_PARSE_OK;
}

cx_uom_status cx_uom_mul(const cx_uom *a, const cx_uom *b, int sign, cx_uom **out, mpq_t factor)
{
    ubuild r;
    load(&r, a);
    mpq_set_ui(factor, 1, 1);
    *out = NULL;
    if (b)
        for (int i = 0; i < b->n; i++)
            if (!add_factor(&r, b->f[i].sym, sign * b->f[i].exp)) return CX_UOM_TOO_LARGE;
    return finish(&r, out, factor);
}

cx_uom_status cx_uom_pow(const cx_uom *a, long n, cx_uom **out)
{
    *out = NULL;
    if (!a || n == 0) return CX_UOM_OK;
    if (n > CX_UOM_MAX_EXP || n < -CX_UOM_MAX_EXP) return CX_UOM_TOO_LARGE;
    cx_uom *u = unit_new();
    if (!u) return CX_UOM_NOMEM;
    *u = *a;
    u->rc = 1;
    for (int i = 0; i < u->n; i++) {
        long e = u->f[i].exp * n;
        if (e > CX_UOM_MAX_EXP || e < -CX_UOM_MAX_EXP) {
            free(u);
            return CX_UOM_TOO_LARGE;
        }
        u->f[i].exp = (int)e;
    }
    *out = u;
    return CX_UOM_OK;
}

/* ==== comparing ========================================================== */

/* The exponent of dimension `dim` in u. */
static int dim_exp(const cx_uom *u, const char *dim)
{
    int e = 0;
    if (u)
        for (int i = 0; i < u->n; i++)
            if (strcmp(dim_of(u->f[i].sym), dim) == 0) e += u->f[i].exp;
    return e;
}

static bool dims_within(const cx_uom *a, const cx_uom *b)
{
    if (!a) return true;
    for (int i = 0; i < a->n; i++) {
        const char *d = dim_of(a->f[i].sym);
        if (dim_exp(a, d) != dim_exp(b, d)) return false;
    }
    return true;
}

bool cx_uom_same_dim(const cx_uom *a, const cx_uom *b)
{
    return dims_within(a, b) && dims_within(b, a);
}

bool cx_uom_equal(const cx_uom *a, const cx_uom *b)
{
    int na = a ? a->n : 0, nb = b ? b->n : 0;
    if (na != nb) return false;
    for (int i = 0; i < na; i++) {
        bool found = false;
        for (int j = 0; j < nb && !found; j++)
            found = strcmp(a->f[i].sym, b->f[j].sym) == 0 && a->f[i].exp == b->f[j].exp;
        if (!found) return false;
    }
    return true;
}

static void unit_scale(const cx_uom *u, mpq_t out)
{
    mpq_set_ui(out, 1, 1);
    if (!u) return;
    mpq_t s;
    mpq_init(s);
    for (int i = 0; i < u->n; i++) {
        sym_scale(u->f[i].sym, s);
        mul_pow(out, s, u->f[i].exp);
    }
    mpq_clear(s);
}

void cx_uom_factor(const cx_uom *from, const cx_uom *to, mpq_t factor)
{
    mpq_t t;
    mpq_init(t);
    unit_scale(from, factor);
    unit_scale(to, t);
    mpq_div(factor, factor, t);
    mpq_clear(t);
}

bool cx_uom_time_denominator(const cx_uom *u, int *sym)
{
    if (!u) return false;
    int found = -1;
    for (int i = 0; i < u->n; i++) {
        if (time_index(u->f[i].sym, strlen(u->f[i].sym)) < 0) continue;
        if (found >= 0 || u->f[i].exp != -1) return false;
        found = i;
    }
    if (found < 0) return false;
    if (sym) *sym = found;
    return true;
}

cx_uom *cx_uom_with_time(const cx_uom *u, const char *sym)
{
    int k;
    if (!cx_uom_time_denominator(u, &k)) return NULL;
    if (!sym && u->n == 1) return NULL;
    cx_uom *r = unit_new();
    if (!r) return NULL;
    for (int i = 0; i < u->n; i++) {
        if (i == k && !sym) continue;
        r->f[r->n] = u->f[i];
        if (i == k) strcpy(r->f[r->n].sym, sym);
        r->n++;
    }
    return r;
}

/* ==== text =============================================================== */

static void put_factor(cx_strbuf *b, const cx_uom_term *f, int exp)
{
    cx_strbuf_puts(b, f->sym);
    if (exp != 1) cx_strbuf_printf(b, "^%d", exp);
}

/* The numerator symbols from index `from` joined by '*', then "/den" each. */
static void put_unit(cx_strbuf *b, const cx_uom *u, int skip)
{
    bool any = false;
    for (int i = 0; i < u->n; i++) {
        if (i == skip || u->f[i].exp < 0) continue;
        if (any) cx_strbuf_putc(b, '*');
        put_factor(b, &u->f[i], u->f[i].exp);
        any = true;
    }
    if (!any && skip == -1) cx_strbuf_putc(b, '1');
    for (int i = 0; i < u->n; i++) {
        if (u->f[i].exp > 0) continue;
        cx_strbuf_putc(b, '/');
        put_factor(b, &u->f[i], -u->f[i].exp);
    }
}

char *cx_uom_text(const cx_uom *u)
{
    cx_strbuf b = {0};
    if (!u) cx_strbuf_puts(&b, "1");
    else put_unit(&b, u, -1);
    return cx_strbuf_take(&b);
}

char *cx_uom_dim_text(const cx_uom *u)
{
    cx_strbuf b = {0};
    if (!u) {
        cx_strbuf_puts(&b, "no unit");
        return cx_strbuf_take(&b);
    }
    /* One entry per dimension, in the order the symbols were written. */
    const char *seen[CX_UOM_MAX_FACTORS];
    int ns = 0;
    bool any_num = false;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < u->n; i++) {
            const char *d = dim_of(u->f[i].sym);
            bool dup = false;
            for (int k = 0; k < ns; k++) dup = dup || strcmp(seen[k], d) == 0;
            if (dup) continue;
            int e = dim_exp(u, d);
            if (e == 0 || (pass == 0) != (e > 0)) continue;
            seen[ns++] = d;
            if (pass == 0 && any_num) cx_strbuf_puts(&b, " * ");
            if (pass == 1) cx_strbuf_puts(&b, any_num ? " / " : "1 / ");
            bool time = strcmp(d, "yr") == 0 || strcmp(d, "day") == 0;
            if (time) cx_strbuf_printf(&b, "time(%s)", d);
            else cx_strbuf_puts(&b, d);
            if (abs(e) != 1) cx_strbuf_printf(&b, "^%d", abs(e));
            any_num = true;
        }
    }
    if (!any_num) cx_strbuf_puts(&b, "no unit");
    return cx_strbuf_take(&b);
}

char *cx_uom_show(const char *num_text, const cx_uom *u)
{
    cx_strbuf b = {0};
    if (!u) {
        cx_strbuf_puts(&b, num_text);
        return cx_strbuf_take(&b);
    }
    /* USD to the first power as the first symbol of the numerator: the `$`
     * goes before the digits, after a sign or an ≈; the rest follows. */
    int lead = -1;
    for (int i = 0; i < u->n && lead < 0; i++)
        if (u->f[i].exp > 0) lead = i;
    if (lead >= 0 && strcmp(u->f[lead].sym, "USD") == 0 && u->f[lead].exp == 1) {
        const char *d = num_text;
        if (strncmp(d, "\xE2\x89\x88", 3) == 0) d += 3; /* ≈ */
        if (*d == '-') d++;
        cx_strbuf_put(&b, num_text, (size_t)(d - num_text));
        cx_strbuf_putc(&b, '$');
        cx_strbuf_puts(&b, d);
        bool first = true;
        for (int i = 0; i < u->n; i++) {
            if (i == lead || u->f[i].exp < 0) continue;
            cx_strbuf_putc(&b, first ? ' ' : '*');
            put_factor(&b, &u->f[i], u->f[i].exp);
            first = false;
        }
        for (int i = 0; i < u->n; i++) {
            if (u->f[i].exp > 0) continue;
            cx_strbuf_putc(&b, '/');
            put_factor(&b, &u->f[i], -u->f[i].exp);
        }
        return cx_strbuf_take(&b);
    }
    cx_strbuf_puts(&b, num_text);
    if (lead >= 0) cx_strbuf_putc(&b, ' ');
    put_unit(&b, u, lead >= 0 ? -1 : -2);
    return cx_strbuf_take(&b);
}

char *cx_uom_factor_text(const mpq_t f)
{
    cx_strbuf b = {0};
    char *n = mpz_get_str(NULL, 10, mpq_numref(f));
    char *d = mpz_get_str(NULL, 10, mpq_denref(f));
    if (n && d) {
        if (strcmp(d, "1") == 0) cx_strbuf_printf(&b, "\xC3\x97%s", n);      /* ×n */
        else if (strcmp(n, "1") == 0) cx_strbuf_printf(&b, "\xC3\xB7%s", d); /* ÷d */
        else cx_strbuf_printf(&b, "\xC3\x97%s/%s", n, d);
    } else b.oom = true;
    /* GMP allocated these with its own functions (numalloc's hooks). */
    void (*gfree)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &gfree);
    if (n) gfree(n, strlen(n) + 1);
    if (d) gfree(d, strlen(d) + 1);
    return cx_strbuf_take(&b);
}

/* The kinds of dimension a unit has, for the hint. */
static bool has_kind(const cx_uom *u, cx_uom_sym_kind k)
{
    if (!u) return false;
    for (int i = 0; i < u->n; i++) {
        int t = time_index(u->f[i].sym, strlen(u->f[i].sym));
        cx_uom_sym_kind sk = t >= 0 ? time_units[t].kind
                             : cx_uom_is_iso_currency(u->f[i].sym, strlen(u->f[i].sym))
                                 ? CX_UOM_SYM_CURRENCY
                                 : CX_UOM_SYM_COUNT;
        if (sk == k) return true;
    }
    return false;
}

bool cx_uom_mismatch(const cx_uom *a, const cx_uom *b, const char *lhs, const char *rhs,
                     const char *op, char **msg, char **hint, char **notes)
{
    char *ta = a ? cx_uom_text(a) : cx_strdupf("a plain number"),
         *tb = b ? cx_uom_text(b) : cx_strdupf("a plain number");
    char *da = cx_uom_dim_text(a), *db = cx_uom_dim_text(b);
    *msg = *hint = *notes = NULL;
    bool ok = ta && tb && da && db;
    if (ok && cx_uom_same_dim(a, b)) {
        mpq_t f, g;
        mpq_init(f);
        mpq_init(g);
        cx_uom_factor(a, b, f);
        mpq_inv(g, f);
        char *fa = cx_uom_factor_text(f), *fb = cx_uom_factor_text(g);
        *msg = cx_strdupf("'%s' needs one unit on both sides: %s %s %s", op, ta, op, tb);
        *hint = fa && fb
                    ? cx_strdupf("write %s as %s (%s) or %s as %s (%s)", lhs, tb, fa, rhs, ta, fb)
                    : NULL;
        free(fa);
        free(fb);
        mpq_clear(f);
        mpq_clear(g);
    } else if (ok) {
        *msg = cx_strdupf("'%s' needs the same dimension on both sides: %s and %s", op, ta, tb);
        bool ya = has_kind(a, CX_UOM_SYM_TIME_YR) || has_kind(b, CX_UOM_SYM_TIME_YR);
        bool dd = has_kind(a, CX_UOM_SYM_TIME_DAY) || has_kind(b, CX_UOM_SYM_TIME_DAY);
        bool ca = has_kind(a, CX_UOM_SYM_CURRENCY), cb = has_kind(b, CX_UOM_SYM_CURRENCY);
        if (!a || !b)
            *hint = cx_strdupf("write %s %s if %s is an amount in %s; a plain number meets a "
                               "unit in %s only when it is 0",
                               a ? rhs : lhs, a ? ta : tb, a ? rhs : lhs, a ? ta : tb, op);
        else if (ya && dd)
            *hint = cx_strdupf("cx does not choose a length of year: convert with a day "
                               "count you write, x * 365 day/yr or x * 360 day/yr");
        else if (ca && cb)
            *hint = cx_strdupf("currencies never convert by themselves: multiply by an "
                               "exchange rate the script states, e.g. eurusd = 1.17 "
                               "USD/EUR; then x * eurusd");
        else *hint = cx_strdupf("the dimensions differ; only * and / combine them");
    }
    if (ok) {
        size_t wa = strlen(ta), wb = strlen(tb), w = wa > wb ? wa : wb;
        *notes = cx_strdupf(" left side: %s%*s  [%s]\nright side: %s%*s  [%s]", ta, (int)(w - wa),
                            "", da, tb, (int)(w - wb), "", db);
    }
    free(ta);
    free(tb);
    free(da);
    free(db);
    return *msg && *notes;
}
