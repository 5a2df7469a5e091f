/* json.c - the few pieces of JSON the `cx --json` document needs: string
 * literals (escaped, always valid UTF-8), raw punctuation, and cx values
 * read through cx.h (numbers with their exact fraction and a plain
 * decimal), appended to a growing buffer.  Not a general JSON library;
 * there is no parser here. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static bool reserve(char **buf, size_t *len, size_t *cap, size_t more)
{
    if (*len + more + 1 <= *cap) return true;
    size_t n = *cap ? *cap : 256;
    while (n < *len + more + 1) {
        if (n > SIZE_MAX / 2) return false;
        n *= 2;
    }
    char *b = realloc(*buf, n);
    if (!b) return false;
    *buf = b;
    *cap = n;
    return true;
}

static void put(char *buf, size_t *len, const char *s, size_t n)
{
    memcpy(buf + *len, s, n);
    *len += n;
    buf[*len] = '\0';
}

bool cx_cli_json_raw(char **buf, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text);
    if (!reserve(buf, len, cap, n)) return false;
    put(*buf, len, text, n);
    return true;
}

/* Length of the well-formed UTF-8 sequence at s (1..4), or 0 when the bytes
 * there are not one (overlong forms, surrogates and values past U+10FFFF
 * included, as RFC 3629 forbids them). */
static size_t utf8_len(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

bool cx_cli_json_string(char **buf, size_t *len, size_t *cap, const char *s)
{
    if (!s) return cx_cli_json_raw(buf, len, cap, "null");
    /* Worst case: every byte becomes \u00XX (6 bytes) or U+FFFD (3 bytes). */
    size_t n = strlen(s);
    if (n > (SIZE_MAX - 3) / 6 || !reserve(buf, len, cap, n * 6 + 2)) return false;
    char *b = *buf;
    b[(*len)++] = '"';
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        const char *esc = NULL;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default: break;
        }
        if (esc) {
            put(b, len, esc, 2);
            p++;
        } else if (c < 0x20 || c == 0x7F) {
            static const char hex[] = "0123456789abcdef";
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(b, len, u, 6);
            p++;
        } else {
            size_t k = utf8_len(p);
            if (k == 0) {
                put(b, len, "\xEF\xBF\xBD", 3); /* U+FFFD REPLACEMENT CHARACTER */
                p++;
            } else {
                put(b, len, (const char *)p, k);
                p += k;
            }
        }
    }
    b[(*len)++] = '"';
    b[*len] = '\0';
    return true;
}

/* A number: {"text", "decimal", "num", "den", "approx"} (docs/json.md). */
static bool json_number(char **buf, size_t *len, size_t *cap, const cx_number *x, int digits)
{
    char *text = cx_number_text(x, digits), *dec = cx_number_decimal(x, digits, NULL);
    char *num = cx_number_numerator(x), *den = cx_number_denominator(x);
    bool ok =
        text && dec && cx_cli_json_raw(buf, len, cap, "{\"text\": ") &&
        cx_cli_json_string(buf, len, cap, text) &&
        cx_cli_json_raw(buf, len, cap, ", \"decimal\": ") &&
        cx_cli_json_string(buf, len, cap, dec) && cx_cli_json_raw(buf, len, cap, ", \"num\": ") &&
        cx_cli_json_string(buf, len, cap, num) && cx_cli_json_raw(buf, len, cap, ", \"den\": ") &&
        cx_cli_json_string(buf, len, cap, den) &&
        cx_cli_json_raw(buf, len, cap, ", \"approx\": ") &&
        cx_cli_json_raw(buf, len, cap, cx_number_is_approx(x) ? "true}" : "false}");
    cx_free(text);
    cx_free(dec);
    cx_free(num);
    cx_free(den);
    return ok;
}

/* {"KEY": "the value's text"}: for kinds read as text (ranges, functions). */
static bool json_tagged_text(char **buf, size_t *len, size_t *cap, const char *key,
                             const cx_value *v, int digits)
{
    char *text = cx_value_text(v, digits);
    bool ok = text && cx_cli_json_raw(buf, len, cap, "{\"") &&
              cx_cli_json_raw(buf, len, cap, key) && cx_cli_json_raw(buf, len, cap, "\": ") &&
              cx_cli_json_string(buf, len, cap, text) && cx_cli_json_raw(buf, len, cap, "}");
    cx_free(text);
    return ok;
}

bool cx_cli_json_value(char **buf, size_t *len, size_t *cap, const cx_value *v, int digits)
{
    cx_period_info p;
    switch (cx_value_kind(v)) {
    case CX_KIND_NONE: return cx_cli_json_raw(buf, len, cap, "null");
    case CX_KIND_NUMBER: return json_number(buf, len, cap, cx_value_number(v), digits);
    case CX_KIND_BOOLEAN:
        return cx_cli_json_raw(buf, len, cap, cx_value_boolean(v) ? "true" : "false");
    case CX_KIND_STRING: return cx_cli_json_string(buf, len, cap, cx_value_string(v, NULL));
    case CX_KIND_PERIOD:
        return cx_value_period(v, &p) && cx_cli_json_raw(buf, len, cap, "{\"period\": ") &&
               cx_cli_json_string(buf, len, cap, p.text) && cx_cli_json_raw(buf, len, cap, "}");
    case CX_KIND_LIST: {
        bool ok = cx_cli_json_raw(buf, len, cap, "[");
        for (size_t i = 0; ok && i < cx_value_length(v); i++)
            ok = (i == 0 || cx_cli_json_raw(buf, len, cap, ", ")) &&
                 cx_cli_json_value(buf, len, cap, cx_value_item(v, i), digits);
        return ok && cx_cli_json_raw(buf, len, cap, "]");
    }
    case CX_KIND_SERIES: {
        bool ok = cx_cli_json_raw(buf, len, cap, "{");
        for (size_t i = 0; ok && i < cx_value_length(v); i++)
            ok = (i == 0 || cx_cli_json_raw(buf, len, cap, ", ")) &&
                 cx_value_series_period(v, i, &p) && cx_cli_json_string(buf, len, cap, p.text) &&
                 cx_cli_json_raw(buf, len, cap, ": ") &&
                 json_number(buf, len, cap, cx_value_series_number(v, i), digits);
        return ok && cx_cli_json_raw(buf, len, cap, "}");
    }
    case CX_KIND_RANGE: return json_tagged_text(buf, len, cap, "range", v, digits);
    case CX_KIND_FUNCTION: return json_tagged_text(buf, len, cap, "function", v, digits);
    case CX_KIND_BOUND: return json_tagged_text(buf, len, cap, "bound", v, digits);
    }
    return cx_cli_json_raw(buf, len, cap, "null");
}
