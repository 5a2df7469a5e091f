/* literal.c - what literal text means: numbers become exact values (once,
 * into the unit's constant list) with their written precision, strings are
 * decoded, periods checked.  cx_ast_num/str/period live here: a malformed
 * literal becomes an error node with a cx_error, and parsing goes on. */
#include "literal.h"
#include "../runtime/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/limits.h"
#include "parse_ctx.h"
#include "../runtime/grow.h"

/* ==== UTF-8 ================================================================ */

size_t cx_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) return 0;
    unsigned char b = u[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if (b >= 0xC2 && b <= 0xDF) len = 2, c = b & 0x1F, min = 0x80;
    else if (b >= 0xE0 && b <= 0xEF) len = 3, c = b & 0x0F, min = 0x800;
    else if (b >= 0xF0 && b <= 0xF4) len = 4, c = b & 0x07, min = 0x10000;
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

size_t cx_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

bool cx_utf8_is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
}

/* Invisible characters that reorder or hide text on screen: shown by code
 * point so a message cannot be made to read differently from the source. */
static bool is_invisible(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x00AD;
}

const char *cx_utf8_describe(const char *s, size_t n, char buf[16])
{
    uint32_t cp;
    size_t len = cx_utf8_decode(s, n, &cp);
    if (len == 0) snprintf(buf, 16, "byte 0x%02X", n ? (unsigned)(unsigned char)s[0] : 0u);
    else if (cx_utf8_is_control(cp) || cp < 0x20 || is_invisible(cp) || cp == ' ')
        snprintf(buf, 16, "U+%04X", (unsigned)cp);
    else {
        buf[0] = '\'';
        memcpy(buf + 1, s, len);
        buf[len + 1] = '\'';
        buf[len + 2] = '\0';
    }
    return buf;
}

/* ==== numbers ============================================================== */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Exponents beyond this are refused outright (any value of them is far past
 * every size limit); it also keeps quantum10 arithmetic clear of overflow. */
#define MAX_EXPONENT 1000000000000LL

/* Copies digits and single underscores between digits into out.  Returns the
 * number of digits, or SIZE_MAX on a misplaced underscore. */
static size_t copy_digits(const char *t, size_t len, size_t *i, char *out, size_t *o)
{
    size_t n = 0;
    while (*i < len && (is_digit(t[*i]) || t[*i] == '_')) {
        if (t[*i] == '_') {
            if (n == 0 || *i + 1 >= len || !is_digit(t[*i + 1])) return SIZE_MAX;
        } else {
            out[(*o)++] = t[*i];
            n++;
        }
        (*i)++;
    }
    return n;
}

static bool read_suffix(const char *t, size_t n, cx_literal_info *info)
{
    if (n == 0) return true;
    if (n == 2 && t[0] == 'b' && t[1] == 'p') {
        info->suffix = 'b';
        info->scale10 = -4;
        return true;
    }
    if (n == 2 && t[0] == 'p' && t[1] == 'p') { /* percentage points: 9.28pp is 0.0928 */
        info->suffix = 'p';
        info->scale10 = -2;
        return true;
    }
    if (n != 1) return false;
    switch (t[0]) {
    case 'k': info->scale10 = 3; break;
    case 'M': info->scale10 = 6; break;
    case 'B': info->scale10 = 9; break;
    case 'T': info->scale10 = 12; break;
    case '%': info->scale10 = -2; break;
    default: return false;
    }
    info->suffix = t[0];
    return true;
}

/* The everyday literal (at most 18 digits, an optional fraction and suffix,
 * no '_' or exponent: 37, 1.5, 13%, 200000.25, 4.8B) straight from machine
 * integers: the same value and info as the general reading below, without
 * copying the digits or going through cx_num_from_decimal.  false, with out
 * and info untouched, for any other shape, a value past int64, or a size
 * limit below 64 bits (which only the general reading checks). */
static bool read_plain(const char *text, size_t len, const cx_num_ctx *ctx, cx_num *out,
                       cx_literal_info *info)
{
    static const int64_t pow10[19] = {1,
                                      10,
                                      100,
                                      1000,
                                      10000,
                                      100000,
                                      1000000,
                                      10000000,
                                      100000000,
                                      1000000000,
                                      10000000000,
                                      100000000000,
                                      1000000000000,
                                      10000000000000,
                                      100000000000000,
                                      1000000000000000,
                                      10000000000000000,
                                      100000000000000000,
                                      1000000000000000000};
    if (ctx->max_bits > 0 && ctx->max_bits < 64) return false;
    size_t i = 0, ints = 0, fracs = 0;
    int64_t m = 0; /* at most 18 digits: below 10^18 */
    for (; i < len && is_digit(text[i]); i++, ints++) {
        if (ints == 18) return false;
        m = m * 10 + (text[i] - '0');
    }
    if (ints == 0 || (ints > 1 && text[0] == '0')) return false;
    if (i < len && text[i] == '.') {
        if (i + 1 >= len || !is_digit(text[i + 1])) return false;
        for (i++; i < len && is_digit(text[i]); i++, fracs++) {
            if (ints + fracs == 18) return false;
            m = m * 10 + (text[i] - '0');
        }
    }
    cx_literal_info in;
    memset(&in, 0, sizeof in);
    if (i < len && (text[i] == '_' || text[i] == 'e' || text[i] == 'E')) return false;
    if (!read_suffix(text + i, len - i, &in)) return false;
    long e = in.scale10 - (long)fracs; /* -22 .. 12 */
    if (e >= 0) {
        int64_t v;
        if (__builtin_mul_overflow(m, pow10[e], &v)) return false;
        cx_num_set_frac(out, v, 1);
    } else {
        if (-e > 18) return false;
        cx_num_set_frac(out, m, pow10[-e]);
    }
    in.is_int_text = fracs == 0 && in.suffix == 0;
    in.digits = ints + fracs;
    in.quantum10 = e;
    *info = in;
    return true;
}

cx_literal_status cx_literal_number(const char *text, size_t len, const cx_num_ctx *ctx,
                                    cx_num *out, cx_literal_info *info)
{
    if (read_plain(text, len, ctx, out, info)) return CX_LIT_OK;
    memset(info, 0, sizeof *info);
    /* Nearly every literal is short: its digits go on the stack. */
    char small[64];
    char *buf = len + 2 <= sizeof small ? small : malloc(len + 2);
    if (!buf) return CX_LIT_NOMEM;
    cx_literal_status st = CX_LIT_BAD;
    size_t i = 0, o = 0;

    size_t int_digits = copy_digits(text, len, &i, buf, &o);
    if (int_digits == 0 || int_digits == SIZE_MAX) goto out;
    if (int_digits > 1 && buf[0] == '0') { /* 007: a code, or a typo, never an amount */
        st = CX_LIT_LEADING_ZERO;
        goto out;
    }
    size_t frac_digits = 0;
    if (i + 1 < len && text[i] == '.' && is_digit(text[i + 1])) {
        buf[o++] = text[i++];
        frac_digits = copy_digits(text, len, &i, buf, &o);
        if (frac_digits == SIZE_MAX) goto out;
    }
    size_t mant_end = o;
    long long exp = 0;
    size_t exp_digits = 0;
    bool has_exp = false;
    if (i < len && (text[i] == 'e' || text[i] == 'E')) {
        has_exp = true;
        buf[o++] = 'e';
        i++;
        bool neg = false;
        if (i < len && (text[i] == '+' || text[i] == '-')) {
            neg = text[i] == '-';
            buf[o++] = text[i++];
        }
        while (i < len && is_digit(text[i])) {
            if (exp <= MAX_EXPONENT) exp = exp * 10 + (text[i] - '0'); /* saturates above */
            buf[o++] = text[i++];
            exp_digits++;
        }
        if (exp_digits == 0) goto out;
        if (exp > MAX_EXPONENT) exp = MAX_EXPONENT + 1;
        if (neg) exp = -exp;
    }
    if (!read_suffix(text + i, len - i, info)) goto out;
    buf[o] = '\0';

    info->is_int_text =
        frac_digits == 0 && !has_exp && info->suffix == 0 && memchr(text, '.', len) == NULL;
    info->digits = int_digits + frac_digits + exp_digits;
    info->quantum10 = exp + info->scale10 - (long long)frac_digits;
    if (info->digits > CX_MAX_LITERAL_DIGITS) {
        st = CX_LIT_TOO_LONG;
        goto out;
    }

    bool zero = true;
    for (size_t k = 0; k < mant_end && zero; k++)
        if (is_digit(buf[k]) && buf[k] != '0') zero = false;
    cx_num_status ns;
    if (zero) {
        /* 0e999999999 is zero: never hand the exponent to the arithmetic. */
        ns = cx_num_from_decimal(out, "0", 1, 0, ctx);
    } else if (exp > MAX_EXPONENT || exp < -MAX_EXPONENT) {
        ns = CX_NUM_TOO_BIG;
    } else {
        ns = cx_num_from_decimal(out, buf, o, info->scale10, ctx);
    }
    st = ns == CX_NUM_OK ? CX_LIT_OK : ns == CX_NUM_TOO_BIG ? CX_LIT_TOO_BIG : CX_LIT_BAD;
out:
    if (buf != small) free(buf);
    return st;
}

long cx_literal_digits_for_bits(long max_bits)
{
    /* interp/state.c sets max_bits = digits * 3322 / 1000 + 1; invert it. */
    if (max_bits <= 1) return 1;
    long d = (long)((max_bits - 1) * 1000.0 / 3322.0);
    if (d < 1) d = 1;
    while (d > 1 && (d - 1) * 3322 / 1000 + 1 >= max_bits) d--;
    while (d * 3322 / 1000 + 1 < max_bits) d++;
    return d;
}

/* Adds a value to the unit's constant list, which clears it (its limbs) from
 * then on; the value itself lives in the arena, right before its node. */
static cx_num *keep_const(cx_parse_ctx *P)
{
    cx_unit *u = P->unit;
    if (!CX_GROW(u->consts, u->cap_consts, u->n_consts, 16)) return NULL;
    cx_num *x = cx_arena_alloc(&u->arena, sizeof *x);
    if (!x) return NULL;
    cx_num_init(x);
    u->consts[u->n_consts++] = x;
    return x;
}

cx_ast *cx_ast_num(cx_parse_ctx *P, cx_span span)
{
    const char *text = P->text + span.start;
    size_t len = span.end - span.start;
    cx_num *value = keep_const(P);
    if (!value) {
        P->oom = true;
        return NULL;
    }
    cx_literal_info info;
    cx_literal_status st = cx_literal_number(text, len, P->opts->num_ctx, value, &info);
    switch (st) {
    case CX_LIT_OK: break;
    case CX_LIT_NOMEM: P->oom = true; return NULL;
    case CX_LIT_TOO_LONG:
        cx_parse_error(P, CX_E_LIMIT_LITERAL_DIGITS, span,
                       "number literal has %zu digits (limit %d)", info.digits,
                       CX_MAX_LITERAL_DIGITS);
        return cx_ast_error(P, span);
    case CX_LIT_TOO_BIG:
        cx_parse_error(P, CX_E_LIMIT_RESULT_SIZE, span,
                       "number literal too large (limit %ld digits; --max-digits)",
                       cx_literal_digits_for_bits(P->opts->num_ctx->max_bits));
        return cx_ast_error(P, span);
    case CX_LIT_BAD:
        cx_parse_error(P, CX_E_SYNTAX_BAD_NUMBER, span, "invalid number literal");
        return cx_ast_error(P, span);
    case CX_LIT_LEADING_ZERO: {
        /* The hint drops the leading zeros (and '_'), keeping one 0 before a
         * point or at the end: 007 -> 7, 0_100 -> 100, 00.5 -> 0.5. */
        size_t z = 0;
        while (z < len && (text[z] == '0' || text[z] == '_')) z++;
        if (z == len || text[z] < '0' || text[z] > '9')
            while (z > 0 && text[--z] != '0') {
            }
        cx_error *e = cx_parse_error(P, CX_E_SYNTAX_BAD_NUMBER, span,
                                     "a number does not start with 0: '%.*s'", (int)len, text);
        if (e) cx_error_set_hint(e, "write %.*s", (int)(len - z), text + z);
        return cx_ast_error(P, span);
    }
    }
    cx_ast *n = cx_ast_new(P, CX_AST_NUM, span);
    if (!n) return NULL;
    n->num.value = value;
    n->num.quantum10 = info.quantum10;
    n->num.suffix = info.suffix;
    n->num.is_int_text = info.is_int_text;
    /* The text as written rides along in str: the AST dump shows it. */
    n->str.text = cx_arena_strndup(&P->unit->arena, text, len);
    n->str.len = len;
    if (!n->str.text) P->oom = true;
    return n->str.text ? n : NULL;
}

/* ==== periods ============================================================== */

cx_ast *cx_ast_period(cx_parse_ctx *P, cx_span span)
{
    const char *text = P->text + span.start;
    size_t len = span.end - span.start;
    cx_period p;
    const char *why = NULL;
    if (!cx_period_parse(text, len, &p, &why)) {
        /* The scanner matched digits, '-', 'Q' or 'H' only: safe to quote. */
        cx_parse_error(P, CX_E_SYNTAX_BAD_PERIOD, span, "invalid period '%.*s': %s", (int)len, text,
                       why ? why : "not a valid period");
        return cx_ast_error(P, span);
    }
    cx_ast *n = cx_ast_new(P, CX_AST_PERIOD, span);
    if (n) n->period = p;
    return n;
}

/* ==== strings ============================================================== */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* \u{HEX}: 1 to 6 hex digits naming a code point that is not NUL, not a
 * surrogate and at most U+10FFFF.  i is at the backslash. */
static bool unicode_escape(const char *b, size_t len, size_t *i, char *out, size_t *o,
                           cx_literal_bad *bad)
{
    size_t at = *i, k = *i + 2;
    uint32_t cp = 0;
    size_t nd = 0;
    bool ok = k < len && b[k] == '{';
    if (ok) {
        k++;
        /* Read every hex digit, so the error covers the whole escape. */
        while (k < len && hex_value(b[k]) >= 0) {
            if (nd < 6) cp = cp * 16 + (uint32_t)hex_value(b[k]);
            k++;
            nd++;
        }
        bool closed = k < len && b[k] == '}';
        if (closed) k++;
        ok = nd >= 1 && nd <= 6 && closed;
    }
    bad->at = at;
    bad->len = k - at;
    if (!ok) {
        snprintf(
            bad->message, sizeof bad->message,
            "invalid escape in string: \\u needs 1 to 6 hex digits in braces, as in \\u{20AC}");
        return false;
    }
    /* A control character in a string would reach the terminal raw when
     * printed (ESC starts escape sequences); \n, \t and \r are the ones
     * allowed, and have their own escapes. */
    bool control = cp != 0 && cp != '\n' && cp != '\t' && cp != '\r' && cx_utf8_is_control(cp);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || control) {
        snprintf(bad->message, sizeof bad->message, "invalid escape '\\u{%.*s}' in string: %s",
                 (int)nd, b + at + 3,
                 cp == 0         ? "NUL is not allowed in strings"
                 : control       ? "control characters are not allowed in strings (use \\n, \\t)"
                 : cp > 0x10FFFF ? "beyond U+10FFFF, the last code point"
                                 : "a surrogate is not a character");
        return false;
    }
    *o += cx_utf8_encode(cp, out + *o);
    *i = k;
    return true;
}

bool cx_literal_string(const char *body, size_t len, char *out, size_t *out_len,
                       cx_literal_bad *bad)
{
    size_t i = 0, o = 0;
    while (i < len) {
        char c = body[i];
        if (c != '\\') {
            out[o++] = c;
            i++;
            continue;
        }
        char e = i + 1 < len ? body[i + 1] : '\0';
        char d;
        switch (e) {
        case '"': d = '"'; break;
        case '\\': d = '\\'; break;
        case 'n': d = '\n'; break;
        case 't': d = '\t'; break;
        case 'r': d = '\r'; break;
        case 'u':
            if (!unicode_escape(body, len, &i, out, &o, bad)) return false;
            continue;
        default: {
            char desc[16];
            uint32_t cp;
            size_t rest = len - i - 1;
            size_t n = rest ? cx_utf8_decode(body + i + 1, rest, &cp) : 0;
            bad->at = i;
            bad->len = 1 + (n ? n : rest > 0);
            if (!rest)
                snprintf(bad->message, sizeof bad->message,
                         "unfinished escape at the end of a string");
            else if (cx_utf8_describe(body + i + 1, rest, desc)[0] == '\'')
                snprintf(bad->message, sizeof bad->message, "unknown escape '\\%.*s' in string",
                         (int)n, body + i + 1);
            else
                snprintf(bad->message, sizeof bad->message,
                         "unknown escape in string: '\\' before %s", desc);
            return false;
        }
        }
        out[o++] = d;
        i += 2;
    }
    out[o] = '\0';
    *out_len = o;
    return true;
}

cx_ast *cx_ast_str(cx_parse_ctx *P, cx_span span)
{
    /* The scanner hands over the whole token, quotes included. */
    const char *body = P->text + span.start + 1;
    size_t len = span.end - span.start - 2;
    char *out = cx_arena_alloc(&P->unit->arena, len + 1);
    if (!out) {
        P->oom = true;
        return NULL;
    }
    size_t out_len = 0;
    cx_literal_bad bad;
    if (!cx_literal_string(body, len, out, &out_len, &bad)) {
        uint32_t at = span.start + 1 + (uint32_t)bad.at;
        cx_parse_error(P, CX_E_SYNTAX_BAD_ESCAPE, (cx_span){span.src, at, at + (uint32_t)bad.len},
                       "%s", bad.message);
        return cx_ast_error(P, span);
    }
    if (out_len > (size_t)CX_MAX_STRING_BYTES) {
        cx_parse_error(P, CX_E_LIMIT_STRING_SIZE, span,
                       "string literal of %zu bytes is too long (limit %ld bytes)", out_len,
                       (long)CX_MAX_STRING_BYTES);
        return cx_ast_error(P, span);
    }
    cx_ast *n = cx_ast_new(P, CX_AST_STR, span);
    if (!n) return NULL;
    n->str.text = out;
    n->str.len = out_len;
    return n;
}

/* ==== text pasted from documents and other tools ========================== */

/* Sorted by code point (cx_lookalike_find searches it in order). */
static const cx_lookalike lookalikes[] = {
    {0x00A0, "NO-BREAK SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x00AD, "SOFT HYPHEN", "is invisible: delete it", CX_LOOK_INVISIBLE},
    {0x00B7, "MIDDLE DOT", "is not an operator in cx: type '*' to multiply", CX_LOOK_OTHER},
    {0x00D7, "MULTIPLICATION SIGN", "is not an operator in cx: type '*' to multiply",
     CX_LOOK_OTHER},
    {0x00F7, "DIVISION SIGN", "is not an operator in cx: type '/' to divide", CX_LOOK_OTHER},
    {0x2002, "EN SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x2003, "EM SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x2007, "FIGURE SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x2008, "PUNCTUATION SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x2009, "THIN SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x200A, "HAIR SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x200B, "ZERO WIDTH SPACE", "is invisible: delete it", CX_LOOK_INVISIBLE},
    {0x200C, "ZERO WIDTH NON-JOINER", "is invisible: delete it", CX_LOOK_INVISIBLE},
    {0x200D, "ZERO WIDTH JOINER", "is invisible: delete it", CX_LOOK_INVISIBLE},
    {0x2010, "HYPHEN", "looks like '-': type a plain '-'", CX_LOOK_MINUS},
    {0x2011, "NON-BREAKING HYPHEN", "looks like '-': type a plain '-'", CX_LOOK_MINUS},
    {0x2012, "FIGURE DASH", "looks like '-': type a plain '-'", CX_LOOK_MINUS},
    {0x2013, "EN DASH", "looks like '-': type a plain '-' for a minus, or '..' for a range",
     CX_LOOK_EN_DASH},
    {0x2014, "EM DASH", "looks like '-': type a plain '-'", CX_LOOK_MINUS},
    {0x2018, "LEFT SINGLE QUOTATION MARK", "looks like a quote: strings use plain '\"'",
     CX_LOOK_SQUOTE},
    {0x2019, "RIGHT SINGLE QUOTATION MARK", "looks like a quote: strings use plain '\"'",
     CX_LOOK_SQUOTE},
    {0x201A, "SINGLE LOW-9 QUOTATION MARK", "looks like a quote: strings use plain '\"'",
     CX_LOOK_SQUOTE},
    {0x201C, "LEFT DOUBLE QUOTATION MARK", "looks like '\"': type a plain '\"'", CX_LOOK_DQUOTE},
    {0x201D, "RIGHT DOUBLE QUOTATION MARK", "looks like '\"': type a plain '\"'", CX_LOOK_DQUOTE},
    {0x201E, "DOUBLE LOW-9 QUOTATION MARK", "looks like '\"': type a plain '\"'", CX_LOOK_DQUOTE},
    {0x2026, "HORIZONTAL ELLIPSIS", "is not an operator in cx: type '..' for a range",
     CX_LOOK_OTHER},
    {0x202F, "NARROW NO-BREAK SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x2044, "FRACTION SLASH", "looks like '/': type a plain '/'", CX_LOOK_OTHER},
    {0x205F, "MEDIUM MATHEMATICAL SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0x2060, "WORD JOINER", "is invisible: delete it", CX_LOOK_INVISIBLE},
    {0x2212, "MINUS SIGN", "looks like '-': type a plain '-'", CX_LOOK_MINUS},
    {0x2215, "DIVISION SLASH", "looks like '/': type a plain '/'", CX_LOOK_OTHER},
    {0x2217, "ASTERISK OPERATOR", "looks like '*': type a plain '*'", CX_LOOK_OTHER},
    {0x2248, "ALMOST EQUAL TO",
     "is not an operator in cx: a claim about a rounded figure is written check a ~ b",
     CX_LOOK_OTHER},
    {0x2260, "NOT EQUAL TO", "is not an operator in cx: type '!='", CX_LOOK_OTHER},
    {0x2264, "LESS-THAN OR EQUAL TO", "is not an operator in cx: type '<='", CX_LOOK_OTHER},
    {0x2265, "GREATER-THAN OR EQUAL TO", "is not an operator in cx: type '>='", CX_LOOK_OTHER},
    {0x22C5, "DOT OPERATOR", "is not an operator in cx: type '*' to multiply", CX_LOOK_OTHER},
    {0x3000, "IDEOGRAPHIC SPACE", "looks like a space: type a plain space", CX_LOOK_SPACE},
    {0xFE63, "SMALL HYPHEN-MINUS", "looks like '-': type a plain '-'", CX_LOOK_MINUS},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE",
     "is invisible (a byte-order mark, allowed only at the start of a file): delete it",
     CX_LOOK_INVISIBLE},
    {0xFF05, "FULLWIDTH PERCENT SIGN", "looks like '%': type a plain '%'", CX_LOOK_OTHER},
    {0xFF0D, "FULLWIDTH HYPHEN-MINUS", "looks like '-': type a plain '-'", CX_LOOK_MINUS},
};

const cx_lookalike *cx_lookalike_find(uint32_t cp)
{
    size_t lo = 0, hi = sizeof lookalikes / sizeof lookalikes[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lookalikes[mid].cp == cp) return &lookalikes[mid];
        if (lookalikes[mid].cp < cp) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

bool cx_is_currency_sign(uint32_t cp)
{
    return cp == '$' || cp == 0x00A2 || cp == 0x00A3 || cp == 0x00A5 || cp == 0x20AC ||
           cp == 0x20B9;
}

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

bool cx_literal_number_word(const char *w, size_t n, cx_number_word *out)
{
    /* The suffixes themselves, then single letters whose case is wrong
     * (case matters: m is not M), then words in any case. */
    static const struct {
        const char *word, *suffix, *meaning;
    } exact[] = {
        {"k", "k", "k is thousands"},
        {"M", "M", "M is millions"},
        {"B", "B", "B is billions"},
        {"T", "T", "T is trillions"},
        {"%", "%", "% is percent"},
        {"bp", "bp", "bp is basis points"},
        {"pp", "pp", "pp is percentage points"},
        {"K", "k", "k is thousands"},
        {"m", "M", "M is millions"},
        {"b", "B", "B is billions"},
        {"t", "T", "T is trillions"},
    };
    static const struct {
        const char *words, *suffix, *meaning;
    } any_case[] = {
        {"thousand thousands", "k", "k is thousands"},
        {"mn mm mio mln mil million millions", "M", "M is millions"},
        {"bn bln bil billion billions", "B", "B is billions"},
        {"tn trn tr trillion trillions", "T", "T is trillions"},
        {"pct percent perc", "%", "% is percent"},
        {"bp bps bip bips", "bp", "bp is basis points"},
        {"pp pts ppt ppts points", "pp", "pp is percentage points"},
        {"usd eur gbp jpy chf cny cad aud inr dollar dollars euro euros", "",
         "a currency is written in capitals after a space (125 USD)"},
        {"x", "", "a multiple is a plain number"},
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (strlen(exact[i].word) == n && memcmp(exact[i].word, w, n) == 0) {
            *out = (cx_number_word){exact[i].suffix, exact[i].meaning};
            return true;
        }
    for (size_t i = 0; i < sizeof any_case / sizeof any_case[0]; i++)
        for (const char *p = any_case[i].words; *p;) {
            size_t k = strcspn(p, " ");
            if (k == n) {
                bool same = true;
                for (size_t j = 0; j < n && same; j++) same = lower(w[j]) == p[j];
                if (same) {
                    *out = (cx_number_word){any_case[i].suffix, any_case[i].meaning};
                    return true;
                }
            }
            p += k;
            while (*p == ' ') p++;
        }
    return false;
}

/* A ',' followed by exactly three digits: a thousands separator as pasted. */
static bool thousands_comma(const char *t, size_t len, size_t i)
{
    return t[i] == ',' && i > 0 && is_digit(t[i - 1]) && len - i >= 4 && is_digit(t[i + 1]) &&
           is_digit(t[i + 2]) && is_digit(t[i + 3]) && (len - i == 4 || !is_digit(t[i + 4]));
}

/* Length of the digits, point and exponent that start t (a leading '.'
 * counts), commas between groups of three included. */
static size_t number_head(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len) {
        char c = t[i];
        if (is_digit(c) || c == '_') i++;
        else if (c == '.' && i + 1 < len && is_digit(t[i + 1])) i++;
        else if (thousands_comma(t, len, i)) i++;
        else if ((c == 'e' || c == 'E') && i > 0 && is_digit(t[i - 1])) {
            size_t j = i + 1;
            if (j < len && (t[j] == '+' || t[j] == '-')) j++;
            if (j < len && is_digit(t[j])) {
                i = j;
                while (i < len && is_digit(t[i])) i++;
            }
            break;
        } else break;
    }
    return i;
}

size_t cx_literal_number_extent(const char *s, size_t n)
{
    if (n == 0 || !is_digit(s[0])) return 0;
    size_t i = number_head(s, n);
    while (i < n && (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '_' || s[i] == '%')) i++;
    return i;
}

/* Whether s is a number literal cx reads: INT(.INT)?(e[+-]?DIGITS)?SUFFIX?
 * with '_' only between digits and no leading zero. */
static bool literal_shape(const char *s)
{
    size_t i = 0;
    if (s[0] == '0' && (is_digit(s[1]) || s[1] == '_')) return false;
    for (int part = 0; part < 2; part++) {
        if (!is_digit(s[i])) return false;
        while (is_digit(s[i]) || (s[i] == '_' && is_digit(s[i + 1]))) i++;
        if (part == 1 || s[i] != '.') break;
        i++;
    }
    if (s[i] == 'e' || s[i] == 'E') {
        i++;
        if (s[i] == '+' || s[i] == '-') i++;
        if (!is_digit(s[i])) return false;
        while (is_digit(s[i])) i++;
    }
    const char *rest = s + i;
    cx_number_word w;
    return *rest == '\0' ||
           (cx_literal_number_word(rest, strlen(rest), &w) && strcmp(w.suffix, rest) == 0);
}

bool cx_literal_number_fix(const char *text, size_t len, cx_number_fix *fix)
{
    fix->text[0] = '\0';
    fix->word_at = len;
    fix->meaning = NULL;
    if (len == 0 || len + 2 > sizeof fix->text) return false;
    size_t head = number_head(text, len);
    if (head == 0 || (head == 1 && text[0] == '.')) return false;
    size_t o = 0;
    if (text[0] == '.') fix->text[o++] = '0';
    for (size_t i = 0; i < head; i++) fix->text[o++] = text[i] == ',' ? '_' : text[i];
    fix->text[o] = '\0';
    if (head < len) {
        cx_number_word w;
        if (!cx_literal_number_word(text + head, len - head, &w)) return false;
        size_t sl = strlen(w.suffix);
        memcpy(fix->text + o, w.suffix, sl + 1);
        fix->word_at = head;
        if (!(sl == len - head && memcmp(w.suffix, text + head, sl) == 0)) fix->meaning = w.meaning;
    }
    return literal_shape(fix->text);
}

bool cx_literal_period_fix(const char *text, size_t len, char out[8], const char **why)
{
    char letter = 0, digit = 0;
    const char *year = NULL;
    char y4[5];
    if ((len == 6 || len == 7) && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
        is_digit(text[3])) {
        /* 2024q1, 2024-Q1 */
        size_t at = 4;
        bool dash = len == 7;
        if (dash && text[at++] != '-') return false;
        letter = text[at];
        digit = text[at + 1];
        year = text;
        if (!dash && (letter == 'Q' || letter == 'H')) return false; /* a period already */
        *why = dash ? (lower(letter) == 'q' ? "a quarter is written without '-'"
                                            : "a half is written without '-'")
                    : (lower(letter) == 'q' ? "a quarter is written with a capital Q"
                                            : "a half is written with a capital H");
    } else if ((len == 4 || len == 6) && is_digit(text[0]) && is_alpha(text[1]) &&
               is_digit(text[2]) && is_digit(text[3]) &&
               (len == 4 || (is_digit(text[4]) && is_digit(text[5])))) {
        /* 1Q24, 1Q2024: the quarter first */
        letter = text[1];
        digit = text[0];
        if (len == 4) {
            y4[0] = '2', y4[1] = '0', y4[2] = text[2], y4[3] = text[3];
            year = y4;
        } else {
            year = text + 2;
        }
        *why = lower(letter) == 'q' ? "a quarter is written after its year"
                                    : "a half is written after its year";
    } else {
        return false;
    }
    letter = lower(letter);
    if (!(letter == 'q' && digit >= '1' && digit <= '4') &&
        !(letter == 'h' && digit >= '1' && digit <= '2'))
        return false;
    memcpy(out, year, 4);
    out[4] = letter == 'q' ? 'Q' : 'H';
    out[5] = digit;
    out[6] = '\0';
    return true;
}

void cx_literal_bad_number_hint(const char *text, size_t len, char *out, size_t cap)
{
    cx_number_fix fix;
    if (cx_literal_number_fix(text, len, &fix) && fix.meaning) {
        /* 5USD, 5usd, 5dollars: a currency is a unit after a space. */
        const char *w = text + fix.word_at;
        size_t wl = len - fix.word_at;
        char code[4] = {0};
        if (wl == 3)
            for (int i = 0; i < 3; i++)
                code[i] = w[i] >= 'a' && w[i] <= 'z' ? (char)(w[i] - 'a' + 'A') : w[i];
        if (wl == 3 && cx_uom_is_iso_currency(code, 3)) {
            snprintf(out, cap,
                     "'%.*s' is not a suffix: a currency is a unit, after a space; "
                     "write %s %s",
                     (int)wl, w, fix.text, code);
            return;
        }
        snprintf(out, cap, "'%.*s' is not a suffix: %s; write %s", (int)wl, w, fix.meaning,
                 fix.text);
        return;
    }
    size_t head = number_head(text, len);
    bool bad_underscore = false;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '_' &&
            (i == 0 || !is_digit(text[i - 1]) || i + 1 == len || !is_digit(text[i + 1])))
            bad_underscore = true;
    if (bad_underscore) {
        snprintf(out, cap, "'_' goes only between two digits: 1_000");
    } else if (len > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        snprintf(out, cap, "cx has no hexadecimal numbers: write the number in decimal");
    } else if (head < len && (text[head] == 'e' || text[head] == 'E') &&
               (head + 1 == len || !is_alpha(text[head + 1]))) {
        snprintf(out, cap, "an exponent needs digits after the e: 1.5e9");
    } else if (memchr(text, '%', len)) {
        snprintf(out, cap, "a number ends at its suffix: nothing follows '%%'");
    } else if (head < len && len - head <= 12) {
        snprintf(out, cap, "'%.*s' is not a suffix; the suffixes are k M B T %% bp pp",
                 (int)(len - head), text + head);
    } else {
        snprintf(out, cap, "the suffixes are k M B T %% bp pp, right after the digits");
    }
}

/* $125B/yr: the number after the '$', with the unit USD and what follows
 * the number ("/yr"); the node ast.c's cx_ast_unit_num makes. */
cx_ast *cx_ast_dollar(cx_parse_ctx *P, cx_span span)
{
    /* $125B/yr: the number after the '$', then the unit USD and what
     * follows the number ("/yr"). */
    const char *t = P->text + span.start;
    size_t len = span.end - span.start;
    size_t slash = 1;
    while (slash < len && t[slash] != '/') slash++;
    cx_span num_span = {span.src, span.start + 1, span.start + (uint32_t)slash};
    cx_ast *num = cx_ast_num(P, num_span);
    cx_ast *n = cx_ast_new(P, CX_AST_UNIT_NUM, span);
    if (!n || !num) return NULL;
    n->a = num;
    size_t rest = len - slash;
    char *u = cx_arena_alloc(&P->unit->arena, 3 + rest + 1);
    if (!u) {
        P->oom = true;
        return NULL;
    }
    memcpy(u, "USD", 3);
    memcpy(u + 3, t + slash, rest);
    u[3 + rest] = '\0';
    n->name = u;
    n->name_span = rest ? (cx_span){span.src, span.start + (uint32_t)slash, span.end}
                        : (cx_span){span.src, span.start, span.start + 1};
    return n;
}
