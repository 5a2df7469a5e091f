/* strbuf.h - a growable, always NUL-terminated text buffer for building
 * messages and displays.  An allocation failure is sticky: later puts do
 * nothing and cx_strbuf_take returns NULL, so callers check once at the end. */
#ifndef CX_STRBUF_H
#define CX_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cx_strbuf {
    char *p;
    size_t len, cap;
    bool oom;
} cx_strbuf; /* zero-initialise: cx_strbuf b = {0}; */

void cx_strbuf_put(cx_strbuf *b, const char *s, size_t n);
void cx_strbuf_puts(cx_strbuf *b, const char *s);
void cx_strbuf_putc(cx_strbuf *b, char c);
void cx_strbuf_printf(cx_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text (malloc'ed, "" when nothing was put; the caller frees), or NULL
 * after an allocation failure.  The buffer is left empty either way. */
char *cx_strbuf_take(cx_strbuf *b);

#endif
