/* json.c - the few pieces of JSON the `cx --json` document needs: string
 * literals (escaped, always valid UTF-8) and raw punctuation appended to a
 * growing buffer.  Not a general JSON library; there is no parser here. */
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
