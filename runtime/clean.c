/* clean.c - text safe to show on a terminal (clean.h). */
#include "clean.h"

#include <stdlib.h>
#include <string.h>

size_t cx_clean_char(const unsigned char *s, size_t n, bool *mark)
{
    size_t len = s[0] < 0x80             ? 1
                 : (s[0] & 0xE0) == 0xC0 ? 2
                 : (s[0] & 0xF0) == 0xE0 ? 3
                 : (s[0] & 0xF8) == 0xF0 ? 4
                                         : 0;
    bool ok = len && len <= n && !(len == 2 && s[0] < 0xC2);
    for (size_t i = 1; ok && i < len; i++)
        if ((s[i] & 0xC0) != 0x80) ok = false;
    if (!ok) {
        *mark = true;
        return 1;
    }
    /* C0 and DEL, and C1 (U+0080..U+009F: 0xC2 0x80..0x9F, where U+009B
     * starts escape sequences on some terminals). */
    *mark = len == 1 ? (s[0] < 0x20 && s[0] != '\t') || s[0] == 0x7F
                     : len == 2 && s[0] == 0xC2 && s[1] < 0xA0;
    return len;
}

char *cx_clean_text(char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s), marks = 0, marked_bytes = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        bool mark;
        size_t k = cx_clean_char(u + i, n - i, &mark);
        if (mark) marks++, marked_bytes += k;
        i += k;
    }
    if (!marks) return s;
    size_t m = strlen(CX_CLEAN_MARK);
    char *r = malloc(n - marked_bytes + marks * m + 1);
    if (!r) { /* out of memory, as for the text itself: never a raw byte */
        free(s);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        bool mark;
        size_t k = cx_clean_char(u + i, n - i, &mark);
        if (mark) memcpy(r + o, CX_CLEAN_MARK, m), o += m;
        else memcpy(r + o, s + i, k), o += k;
        i += k;
    }
    r[o] = '\0';
    free(s);
    return r;
}
