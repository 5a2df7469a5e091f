/* source.c - the sources of a run: each one's name, folder, bytes and line
 * table.  Byte offsets become line:column here, only when an error is shown;
 * columns count UTF-8 characters so carets line up under non-ASCII text. */
#include "source.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>

void cx_sources_init(cx_sources *s)
{
    s->items = NULL;
    s->len = s->cap = 0;
}

static void source_clear(cx_source *src)
{
    free(src->name);
    free(src->dir);
    free(src->text);
    if (!src->region) {
        free(src->line_starts); /* a region borrows its root's */
        free(src->col_cache);
    }
}

void cx_sources_free(cx_sources *s)
{
    for (size_t i = 0; i < s->len; i++) source_clear(&s->items[i]);
    free(s->items);
    cx_sources_init(s);
}

static char *copy_bytes(const char *p, size_t n)
{
    char *c = malloc(n + 1);
    if (!c) return NULL;
    if (n) memcpy(c, p, n);
    c[n] = '\0';
    return c;
}

/* The folder part of a file name, with its trailing '/': "a/b.cx" -> "a/",
 * "b.cx" and "<-e>" -> "". */
static char *dir_of(const char *name)
{
    const char *slash = strrchr(name, '/');
    return copy_bytes(name, slash ? (size_t)(slash - name) + 1 : 0);
}

/* memchr finds line breaks many bytes at a time. */
static bool build_lines(cx_source *src)
{
    const char *t = src->text, *end = t + src->len, *nl;
    size_t n = 1;
    for (const char *p = t; p < end && (nl = memchr(p, '\n', (size_t)(end - p))); p = nl + 1) n++;
    src->line_starts = malloc(n * sizeof *src->line_starts);
    if (!src->line_starts) return false;
    size_t k = 0;
    src->line_starts[k++] = 0;
    for (const char *p = t; p < end && (nl = memchr(p, '\n', (size_t)(end - p))); p = nl + 1)
        src->line_starts[k++] = (uint32_t)(nl - t + 1);
    src->n_lines = n;
    return true;
}

uint32_t cx_sources_add(cx_sources *s, const char *name, const char *text, size_t len)
{
    /* Spans hold 32-bit offsets; cx_parse refuses far smaller sources anyway. */
    if (len >= UINT32_MAX || s->len >= UINT32_MAX - 1) return 0;
    if (!CX_GROW(s->items, s->cap, s->len, 8)) return 0;
    cx_source src = {0};
    src.name = copy_bytes(name, strlen(name));
    src.dir = src.name ? dir_of(src.name) : NULL;
    src.text = copy_bytes(text, len);
    src.len = len;
    src.col_cache = calloc(1, sizeof *src.col_cache);
    if (!src.name || !src.dir || !src.text || !src.col_cache || !build_lines(&src)) {
        source_clear(&src);
        return 0;
    }
    src.root_text = src.text;
    src.root_len = len;
    src.base = 0;
    src.mapped = (uint32_t)len;
    s->items[s->len++] = src;
    return (uint32_t)s->len;
}

uint32_t cx_sources_add_region(cx_sources *s, uint32_t parent, size_t start, size_t len,
                               const char *suffix)
{
    const cx_source *p = cx_sources_get(s, parent);
    size_t extra = suffix ? strlen(suffix) : 0;
    if (!p || start > p->len || len > p->len - start || s->len >= UINT32_MAX - 1) return 0;
    if (!CX_GROW(s->items, s->cap, s->len, 8)) return 0;
    p = &s->items[parent - 1]; /* the array may have moved */
    cx_source src = {0};
    src.region = true;
    src.name = copy_bytes(p->name, strlen(p->name));
    src.dir = copy_bytes(p->dir, strlen(p->dir));
    src.text = malloc(len + extra + 1);
    if (!src.name || !src.dir || !src.text) {
        source_clear(&src);
        return 0;
    }
    if (len) memcpy(src.text, p->text + start, len);
    if (extra) memcpy(src.text + len, suffix, extra);
    src.text[len + extra] = '\0';
    src.len = len + extra;
    src.line_starts = p->line_starts;
    src.n_lines = p->n_lines;
    src.col_cache = p->col_cache;
    src.root_text = p->root_text;
    src.root_len = p->root_len;
    src.base = cx_source_abs(p, (uint32_t)start);
    src.mapped = (uint32_t)len;
    s->items[s->len++] = src;
    return (uint32_t)s->len;
}

uint32_t cx_source_abs(const cx_source *src, uint32_t offset)
{
    if (offset > src->mapped) offset = src->mapped;
    return src->base + offset;
}

const cx_source *cx_sources_get(const cx_sources *s, uint32_t id)
{
    if (id == 0 || id > s->len) return NULL;
    return &s->items[id - 1];
}

/* Index of the line holding `offset`: the last line start <= offset. */
static size_t line_index(const cx_source *src, uint32_t offset) /* a root offset */
{
    size_t lo = 0, hi = src->n_lines; /* answer in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= offset) lo = mid;
        else hi = mid;
    }
    return lo;
}

/* Bytes of a UTF-8 byte-order mark at the start of the text (0 or 3).  The
 * scanner skips it, and line 1 is shown and counted without it, so columns
 * there are those of the text an editor shows. */
static uint32_t bom_len(const cx_source *src)
{
    return src->root_len >= 3 && memcmp(src->root_text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

void cx_source_line_col(const cx_source *src, uint32_t offset, size_t *line, size_t *col)
{
    if (offset > src->len) offset = (uint32_t)src->len;
    offset = cx_source_abs(src, offset);
    size_t i = line_index(src, offset);
    size_t chars = 0;
    uint32_t from = src->line_starts[i];
    if (i == 0 && offset >= bom_len(src)) from = bom_len(src);
    cx_col_cache *c = src->col_cache;
    if (c && c->valid && c->line == i && c->at >= from && c->at <= offset) {
        from = c->at;
        chars = c->chars;
    }
    for (uint32_t p = from; p < offset; p++)
        if (((unsigned char)src->root_text[p] & 0xC0) != 0x80) chars++;
    if (c) *c = (cx_col_cache){.line = i, .at = offset, .chars = chars, .valid = true};
    *line = i + 1;
    *col = chars + 1;
}

const char *cx_source_line(const cx_source *src, size_t line, size_t *len)
{
    if (line == 0 || line > src->n_lines) {
        /* Out of range: an empty line at the end, never NULL. */
        *len = 0;
        return src->root_text + src->root_len;
    }
    size_t start = line == 1 ? bom_len(src) : src->line_starts[line - 1];
    size_t end = line < src->n_lines ? src->line_starts[line] - 1 : src->root_len; /* at the '\n' */
    if (end > start && src->root_text[end - 1] == '\r') end--;
    *len = end - start;
    return src->root_text + start;
}

char *cx_sources_text(const cx_sources *s, cx_span span)
{
    const cx_source *src = cx_sources_get(s, span.src);
    if (!src || span.end < span.start || span.end > src->len) return strdup("");
    char *out = malloc(span.end - span.start + 1);
    if (!out) return NULL;
    size_t n = 0;
    bool space = false;
    for (uint32_t i = span.start; i < span.end; i++) {
        char c = src->text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && n) out[n++] = ' ';
        space = false;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}
