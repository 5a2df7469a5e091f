/* diag.c - turns an error value into the text a person reads, in the format
 * GCC and Clang users know.  Rendering is the only place where byte offsets
 * become line:column (columns count characters), so errors stay cheap. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clean.h"
#include "format.h"
#include "strbuf.h"

#define BOLD(c)  ((c) ? "\x1b[1m" : "")
#define RED(c)   ((c) ? "\x1b[1;31m" : "")
#define CYAN(c)  ((c) ? "\x1b[1;36m" : "")
#define GREEN(c) ((c) ? "\x1b[1;32m" : "")
#define RESET(c) ((c) ? "\x1b[0m" : "")

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

/* Copies a source line for display: control characters, NUL and invalid
 * UTF-8 become U+FFFD, one per byte, so nothing raw reaches the terminal and
 * the caret still lines up (columns count those bytes as one character). */
static void put_clean(cx_strbuf *b, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        bool mark;
        size_t n = cx_clean_char(s + i, len - i, &mark);
        if (mark) cx_strbuf_puts(b, CX_CLEAN_MARK); /* one per character, as columns count */
        else cx_strbuf_put(b, text + i, n);
        i += n;
    }
}

/* Byte offset of the character `chars` characters into s[0..n). */
static size_t char_offset(const char *s, size_t n, size_t chars)
{
    size_t i = 0;
    while (i < n && chars > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        chars--;
    }
    return i;
}

/* Lines longer than this are shown as a window around the span, so one
 * error about a megabyte-long line cannot flood the terminal. */
#define CX_DIAG_MAX_LINE 120
#define CX_DIAG_BEFORE   40

/* The source line, then a caret line.  Tabs before the span are kept so the
 * caret lines up in any tab setting. */
static void show_span(cx_strbuf *b, const cx_source *src, cx_span sp, bool color)
{
    size_t line, col;
    cx_source_line_col(src, sp.start, &line, &col);
    size_t len;
    const char *text = cx_source_line(src, line, &len);
    int width = snprintf(NULL, 0, "%zu", line);
    if (width < 4) width = 4;
    /* Bytes before the span on this line (none for a span inside a
     * byte-order mark, which the line's text leaves out). */
    uint32_t abs_start = cx_source_abs(src, sp.start);
    size_t lead =
        src->root_text + abs_start > text ? (size_t)(src->root_text + abs_start - text) : 0;
    if (lead > len) lead = len;
    uint32_t abs_end = cx_source_abs(src, sp.end > sp.start ? sp.end : sp.start);
    size_t on_line = abs_end - abs_start;
    if (lead + on_line > len) on_line = len > lead ? len - lead : 0;
    size_t lead_chars = utf8_chars(text, lead), total = utf8_chars(text, len);
    size_t span_chars = utf8_chars(text + lead, on_line);

    /* The window of characters [first, last) to show. */
    size_t first = 0, last = total;
    if (total > CX_DIAG_MAX_LINE) {
        first = lead_chars > CX_DIAG_BEFORE ? lead_chars - CX_DIAG_BEFORE : 0;
        last = first + CX_DIAG_MAX_LINE < total ? first + CX_DIAG_MAX_LINE : total;
    }
    size_t from = char_offset(text, len, first), to = char_offset(text, len, last);
    cx_strbuf_printf(b, "%*zu | %s", width, line, first ? CX_MARK_CUT : "");
    put_clean(b, text + from, to - from);
    cx_strbuf_printf(b, "%s\n%*s | %s", last < total ? CX_MARK_CUT : "", width, "",
                     first ? " " : "");
    for (size_t i = from; i < lead; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\t') cx_strbuf_puts(b, "\t");
        else if ((ch & 0xC0) != 0x80) cx_strbuf_puts(b, " ");
    }
    if (span_chars > last - lead_chars && last > lead_chars) span_chars = last - lead_chars;
    cx_strbuf_puts(b, GREEN(color));
    cx_strbuf_puts(b, "^");
    for (size_t i = 1; i < span_chars; i++) cx_strbuf_puts(b, "~");
    cx_strbuf_puts(b, RESET(color));
    cx_strbuf_puts(b, "\n");
}

static void header(cx_strbuf *b, const cx_sources *sources, cx_span sp, const char *what,
                   const char *what_color, const char *msg, bool color)
{
    const cx_source *src = cx_sources_get(sources, sp.src);
    if (src) {
        size_t line, col;
        cx_source_line_col(src, sp.start, &line, &col);
        /* The file's name and the message may quote what a script wrote (a
         * path with \r in it): cleaned like the source line. */
        cx_strbuf_puts(b, BOLD(color));
        put_clean(b, src->name, strlen(src->name));
        cx_strbuf_printf(b, ":%zu:%zu:%s ", line, col, RESET(color));
    } else {
        cx_strbuf_printf(b, "%scx:%s ", BOLD(color), RESET(color));
    }
    cx_strbuf_printf(b, "%s%s:%s %s", what_color, what, RESET(color), BOLD(color));
    put_clean(b, msg, strlen(msg));
    cx_strbuf_printf(b, "%s\n", RESET(color));
    if (src) show_span(b, src, sp, color);
}

char *cx_diag_render(const cx_error *e, const cx_sources *sources, bool color)
{
    cx_strbuf b = {0};
    header(&b, sources, e->span, "error", RED(color), e->message, color);
    for (size_t i = 0; i < e->n_notes; i++)
        header(&b, sources, e->notes[i].span, "note", CYAN(color), e->notes[i].text, color);
    if (e->hint) {
        cx_strbuf_printf(&b, "%shint:%s ", CYAN(color), RESET(color));
        put_clean(&b, e->hint, strlen(e->hint));
        cx_strbuf_puts(&b, "\n");
    }
    return cx_strbuf_take(&b);
}
