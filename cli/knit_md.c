/* knit_md.c - the knitted Markdown: the report's own bytes, with only the
 * cx constructs replaced by what they gave (a block's output below its
 * code, an inline value, a bound number's figure), never re-rendered from a
 * syntax tree.  Also the byte buffer and the HTML escaping the renderings
 * share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "knit.h"

void cx_knit_put(knit_buf *b, const char *s, size_t n)
{
    if (b->failed || n == 0) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cx_knit_puts(knit_buf *b, const char *s) { cx_knit_put(b, s, strlen(s)); }

void cx_knit_put_html(knit_buf *b, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *ent = s[i] == '&'    ? "&amp;"
                          : s[i] == '<'  ? "&lt;"
                          : s[i] == '>'  ? "&gt;"
                          : s[i] == '"'  ? "&quot;"
                          : s[i] == '\'' ? "&#39;"
                                         : NULL;
        if (!ent) continue;
        cx_knit_put(b, s + from, i - from);
        cx_knit_puts(b, ent);
        from = i + 1;
    }
    cx_knit_put(b, s + from, n - from);
}

/* A computed string in Markdown prose: every character Markdown could read
 * as syntax (or GitHub as math, `$`) is backslash-escaped, so a value can
 * never turn into a link, raw HTML or emphasis. */
static void put_md_text(knit_buf *b, const char *s)
{
    for (; *s; s++) {
        /* A line break would end a table row or a paragraph: a space. */
        if (*s == '\n' || *s == '\r') {
            cx_knit_put(b, " ", 1);
            continue;
        }
        if (strchr("\\`*_{}[]<>()#|~$&!", *s)) cx_knit_put(b, "\\", 1);
        cx_knit_put(b, s, 1);
    }
}

char *cx_knit_placeholder(const knit_doc *d)
{
    /* "cxknit" and one more 'q' than ever follows "cxknit" in the report:
     * no text of the report can contain it, found in one pass. */
    size_t longest = 0;
    for (size_t i = 0; i + 6 <= d->len;) {
        const char *p = memchr(d->text + i, 'c', d->len - i);
        if (!p) break;
        i = (size_t)(p - d->text) + 1;
        if ((size_t)(p - d->text) + 6 > d->len || memcmp(p, "cxknit", 6) != 0) continue;
        size_t j = (size_t)(p - d->text) + 6, run = 0;
        while (j < d->len && d->text[j] == 'q') j++, run++;
        if (run > longest) longest = run;
    }
    char *ph = malloc(6 + longest + 2);
    if (!ph) return NULL;
    memcpy(ph, "cxknit", 6);
    memset(ph + 6, 'q', longest + 1);
    ph[6 + longest + 1] = '\0';
    return ph;
}

/* A fence longer than any run of backticks in the text, at least 3. */
static size_t fence_len(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        run = *s == '`' ? run + 1 : 0;
        if (run > best) best = run;
    }
    return best + 1 > 3 ? best + 1 : 3;
}

static void put_fence(knit_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++) cx_knit_put(b, "`", 1);
}

/* Records [from, to) of a block's output as a fenced block of plain text. */
static void text_output(knit_buf *b, const knit_item *it, size_t from, size_t to)
{
    if (from == to) return;
    knit_buf all = {0};
    for (size_t r = from; r < to; r++) {
        cx_knit_puts(&all, it->records[r].text);
        cx_knit_puts(&all, "\n");
    }
    if (all.failed) {
        b->failed = true;
        return;
    }
    size_t n = fence_len(all.data);
    put_fence(b, n);
    cx_knit_puts(b, "text\n");
    cx_knit_put(b, all.data, all.len);
    put_fence(b, n);
    cx_knit_puts(b, "\n");
    free(all.data);
}

/* A block's output: plain text, and each chart as the image written
 * beside the output (knit.c names and writes the .svg files). */
static void block_output(knit_buf *b, const knit_item *it)
{
    if (!it->output || !it->eval || it->n_records == 0) return;
    size_t from = 0;
    for (size_t r = 0; r < it->n_records; r++) {
        const knit_record *rec = &it->records[r];
        if (rec->kind != CX_OUT_CHART || !rec->svg_file) continue;
        text_output(b, it, from, r);
        from = r + 1;
        cx_knit_puts(b, "![");
        put_md_text(b, rec->alt ? rec->alt : "chart");
        cx_knit_puts(b, "](");
        cx_knit_puts(b, rec->svg_file); /* a name knit.c made: letters, digits, - . _ */
        cx_knit_puts(b, ")\n\n");
    }
    text_output(b, it, from, it->n_records);
}

const char *cx_knit_error_line(const knit_item *it, size_t *len)
{
    const char *nl = strchr(it->error, '\n');
    *len = nl ? (size_t)(nl - it->error) : strlen(it->error);
    return it->error;
}

/* --keep-going: the errors of a block in a fenced block of their own. */
static void error_output(knit_buf *b, const knit_item *it)
{
    size_t n = fence_len(it->error);
    put_fence(b, n);
    cx_knit_puts(b, "text\n");
    cx_knit_puts(b, it->error);
    put_fence(b, n);
    cx_knit_puts(b, "\n");
}

/* --keep-going: an inline construct's error, in the prose. */
static void error_inline(knit_buf *b, const knit_item *it)
{
    size_t n;
    const char *line = cx_knit_error_line(it, &n);
    char *one = strndup(line, n);
    if (!one) {
        b->failed = true;
        return;
    }
    /* After a value or a figure a space; in place of a missing value none. */
    bool after = it->kind == KNIT_HIDDEN || it->value || it->text_len;
    cx_knit_puts(b, after ? " **(cx: " : "**(cx: ");
    put_md_text(b, one);
    cx_knit_puts(b, ")**");
    free(one);
}

void cx_knit_markdown(const knit_doc *d, knit_buf *b, const char *ph)
{
    size_t at = 0;
    for (size_t k = 0; k < d->n_items; k++) {
        const knit_item *it = &d->items[k];
        cx_knit_put(b, d->text + at, it->start - at);
        at = it->end;
        char mark[48];
        snprintf(mark, sizeof mark, "%s-%zu", ph ? ph : "", k);
        switch (it->kind) {
        case KNIT_HIDDEN:
            /* Evaluated, never shown, except for its failed checks. */
            if (it->n_records == 0 && !it->error) break;
            if (ph) {
                /* On lines of its own a block, inside a paragraph inline. */
                cx_knit_puts(b, it->whole_lines ? "```" : "`");
                cx_knit_puts(b, mark);
                cx_knit_puts(b, it->whole_lines ? "\n```\n" : "`");
            } else if (it->whole_lines) {
                block_output(b, it);
                if (it->error) error_output(b, it);
            } else {
                for (size_t r = 0; r < it->n_records; r++) {
                    cx_knit_puts(b, " **(cx: ");
                    put_md_text(b, it->records[r].text);
                    cx_knit_puts(b, ")**");
                }
                if (it->error) error_inline(b, it);
            }
            break;
        case KNIT_BLOCK:
            if (ph) {
                cx_knit_puts(b, "```");
                cx_knit_puts(b, mark);
                cx_knit_puts(b, "\n```\n");
                break;
            }
            if (it->echo) {
                cx_knit_put(b, d->text + it->start, it->end - it->start);
                if (it->end == d->len && d->len && d->text[d->len - 1] != '\n')
                    cx_knit_puts(b, "\n");
            }
            block_output(b, it);
            if (it->error) error_output(b, it);
            break;
        case KNIT_INLINE:
        case KNIT_BOUND:
            if (ph) {
                cx_knit_puts(b, "`");
                cx_knit_puts(b, mark);
                cx_knit_puts(b, "`");
                break;
            }
            if (it->kind == KNIT_BOUND && it->text_len) {
                cx_knit_put(b, d->text + it->text, it->text_len);
                if (it->checked && !it->passed) {
                    /* The reader sees the failure too, not only CI. */
                    cx_knit_puts(b, " **(cx: this figure is wrong: the report computes ");
                    put_md_text(b, it->value ? it->value : "?");
                    cx_knit_puts(b, ")**");
                }
            } else {
                put_md_text(b, it->value ? it->value : "");
            }
            if (it->error) error_inline(b, it);
            break;
        }
    }
    cx_knit_put(b, d->text + at, d->len - at);
}

/* A value --fix may write as a figure: no cut or approximate mark, which a
 * bound number's text cannot hold. */
static bool fixable(const char *v)
{
    return v && *v && !strstr(v, "\xE2\x80\xA6") && !strstr(v, "\xE2\x89\x88");
}

size_t cx_knit_fixed(const knit_doc *d, knit_buf *b)
{
    size_t at = 0, fixed = 0;
    for (size_t k = 0; k < d->n_items; k++) {
        const knit_item *it = &d->items[k];
        bool stale = it->checked && !it->passed, empty = it->kind == KNIT_BOUND && !it->text_len;
        if (it->kind != KNIT_BOUND || (!stale && !empty) || !fixable(it->value)) continue;
        cx_knit_put(b, d->text + at, it->text - at);
        cx_knit_puts(b, it->value);
        at = it->text + it->text_len;
        fixed++;
    }
    cx_knit_put(b, d->text + at, d->len - at);
    return fixed;
}
