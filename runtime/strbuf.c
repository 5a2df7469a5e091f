/* strbuf.c - the growable text buffer behind every rendered message and
 * value (strbuf.h). */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cx_strbuf_put(cx_strbuf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void cx_strbuf_puts(cx_strbuf *b, const char *s) { cx_strbuf_put(b, s, strlen(s)); }

void cx_strbuf_putc(cx_strbuf *b, char c) { cx_strbuf_put(b, &c, 1); }

void cx_strbuf_printf(cx_strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = true;
        return;
    }
    char *s = malloc((size_t)n + 1);
    if (!s) {
        b->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    cx_strbuf_put(b, s, (size_t)n);
    free(s);
}

char *cx_strbuf_take(cx_strbuf *b)
{
    if (!b->oom && !b->p) cx_strbuf_put(b, "", 0);
    char *p = b->oom ? NULL : b->p;
    if (b->oom) free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = false;
    return p;
}
