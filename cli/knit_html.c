/* knit_html.c - the knitted report as one standalone HTML page: the
 * Markdown (with every cx construct replaced by a mark, knit_md.c) parsed
 * by cmark-gfm with GitHub tables, the marks swapped for cx's own HTML
 * (code, output lines with PASS/FAIL, tables, values, bound figures), a
 * small built-in stylesheet.  Safe by default: cmark drops the report's
 * raw HTML and javascript: links, and every computed string is escaped
 * here.  Same input, same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#define CX_CMARK_NAMES /* cmark's functions through the pointers cx_cmark_load filled */
#include "knit_cmark.h"
#include "knit.h"

static const char style[] =
    "body{margin:0;background:#fff;color:#1b1b1b;font:16px/1.55 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,sans-serif}\n"
    "main{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 3rem}\n"
    "h1,h2,h3{line-height:1.25}\n"
    "pre,code{font-family:ui-monospace,\"SFMono-Regular\",Menlo,Consolas,monospace;"
    "font-size:.9em}\n"
    "pre{overflow-x:auto;padding:.6rem .8rem;background:#f5f6f8;border-radius:4px;"
    "white-space:pre}\n"
    ".cx-block{margin:1rem 0}\n"
    ".cx-block pre{margin:.25rem 0}\n"
    "pre.cx-out{background:#fff;border:1px solid #d8dbe0}\n"
    ".cx-pass{color:#0a6b2c}\n"
    ".cx-fail{color:#b00020;font-weight:700}\n"
    ".cx-note{color:#7a5a00}\n"
    "pre.cx-error{background:#fde7ea;border:1px solid #b00020;color:#5c0010}\n"
    "strong.cx-error{color:#b00020}\n"
    ".cx-value{font-variant-numeric:tabular-nums}\n"
    ".cx-bound.cx-pass{color:inherit;border-bottom:1px dotted #0a6b2c}\n"
    ".cx-bound.cx-fail{background:#fde7ea;border-bottom:2px solid #b00020}\n"
    "table{border-collapse:collapse;margin:1rem 0;display:block;overflow-x:auto}\n"
    "th,td{border:1px solid #d8dbe0;padding:.3rem .6rem}\n"
    "th{background:#f5f6f8}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "@media print{main{max-width:none}pre{white-space:pre-wrap}"
    ".cx-bound.cx-fail{outline:2px solid #b00020}a{color:inherit}}\n";

static void put_html(knit_buf *b, const char *s) { cx_knit_put_html(b, s, strlen(s)); }

static const char *record_class(const knit_record *r)
{
    switch (r->kind) {
    case CX_OUT_CHECK: return r->passed ? "cx-line cx-pass" : "cx-line cx-fail";
    case CX_OUT_NOTE: return "cx-line cx-note";
    default: return "cx-line";
    }
}

static void put_table(knit_buf *b, const knit_record *r)
{
    cx_knit_puts(b, "<table class=\"cx-table\">\n<thead><tr>");
    size_t cols = r->n_columns;
    for (size_t c = 0; c < cols; c++) {
        /* A column is numeric when its first row's cell is. */
        bool num = r->n_cells > cols + c && r->numeric[c];
        cx_knit_puts(b, num ? "<th class=\"num\">" : "<th>");
        put_html(b, r->cells[c]);
        cx_knit_puts(b, "</th>");
    }
    cx_knit_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = cols; i < r->n_cells; i++) {
        if ((i - cols) % cols == 0) cx_knit_puts(b, "<tr>");
        cx_knit_puts(b, r->numeric[i - cols] ? "<td class=\"num\">" : "<td>");
        put_html(b, r->cells[i]);
        cx_knit_puts(b, "</td>");
        if ((i - cols) % cols == cols - 1) cx_knit_puts(b, "</tr>\n");
    }
    cx_knit_puts(b, "</tbody>\n</table>\n");
}

static void error_block(knit_buf *b, const knit_item *it)
{
    if (!it->error) return;
    cx_knit_puts(b, "<pre class=\"cx-error\">");
    put_html(b, it->error);
    cx_knit_puts(b, "</pre>\n");
}

static void error_inline(knit_buf *b, const knit_item *it)
{
    if (!it->error) return;
    size_t n;
    const char *line = cx_knit_error_line(it, &n);
    bool after = it->kind == KNIT_HIDDEN || it->value || it->text_len;
    cx_knit_puts(b,
                 after ? " <strong class=\"cx-error\">(cx: " : "<strong class=\"cx-error\">(cx: ");
    cx_knit_put_html(b, line, n);
    cx_knit_puts(b, ")</strong>");
}

static void block_html(knit_buf *b, const knit_doc *d, const knit_item *it)
{
    if (!it->echo && !it->error && (!it->output || !it->eval || it->n_records == 0)) return;
    cx_knit_puts(b, "<div class=\"cx-block\">\n");
    if (it->echo) {
        cx_knit_puts(b, "<pre class=\"cx-code\"><code class=\"language-cx\">");
        cx_knit_put_html(b, d->text + it->code, it->code_len);
        cx_knit_puts(b, "</code></pre>\n");
    }
    if (it->output && it->eval) {
        bool open = false;
        for (size_t i = 0; i < it->n_records; i++) {
            const knit_record *r = &it->records[i];
            if (r->kind == CX_OUT_TABLE && r->n_columns > 0) {
                if (open) cx_knit_puts(b, "</pre>\n");
                open = false;
                put_table(b, r);
                continue;
            }
            if (r->kind == CX_OUT_CHART && r->svg) {
                /* cx draws the SVG itself, every text in it escaped. */
                if (open) cx_knit_puts(b, "</pre>\n");
                open = false;
                cx_knit_puts(b, "<figure class=\"cx-chart\">\n");
                cx_knit_puts(b, r->svg);
                cx_knit_puts(b, "</figure>\n");
                continue;
            }
            if (!open) cx_knit_puts(b, "<pre class=\"cx-out\">");
            open = true;
            cx_knit_puts(b, "<span class=\"");
            cx_knit_puts(b, record_class(r));
            cx_knit_puts(b, "\">");
            put_html(b, r->text);
            cx_knit_puts(b, "</span>\n");
        }
        if (open) cx_knit_puts(b, "</pre>\n");
    }
    error_block(b, it);
    cx_knit_puts(b, "</div>");
}

/* A hidden block's failed checks: shown, so the reader sees them too. */
static void hidden_html(knit_buf *b, const knit_item *it)
{
    cx_knit_puts(b, "<div class=\"cx-block\">\n");
    if (it->n_records) cx_knit_puts(b, "<pre class=\"cx-out\">");
    for (size_t i = 0; i < it->n_records; i++) {
        cx_knit_puts(b, "<span class=\"cx-line cx-fail\">");
        put_html(b, it->records[i].text);
        cx_knit_puts(b, "</span>\n");
    }
    if (it->n_records) cx_knit_puts(b, "</pre>\n");
    error_block(b, it);
    cx_knit_puts(b, "</div>");
}

static void inline_html(knit_buf *b, const knit_doc *d, const knit_item *it)
{
    if (it->kind == KNIT_HIDDEN) {
        for (size_t i = 0; i < it->n_records; i++) {
            cx_knit_puts(b, " <strong class=\"cx-fail\">(cx: ");
            put_html(b, it->records[i].text);
            cx_knit_puts(b, ")</strong>");
        }
        error_inline(b, it);
        return;
    }
    if (it->error && it->kind == KNIT_BOUND) {
        cx_knit_put_html(b, d->text + it->text, it->text_len);
        error_inline(b, it);
        return;
    }
    if (it->kind == KNIT_INLINE || it->text_len == 0) {
        if (it->value) {
            cx_knit_puts(b, "<span class=\"cx-value\">");
            put_html(b, it->value);
            cx_knit_puts(b, "</span>");
        }
        error_inline(b, it);
        return;
    }
    cx_knit_puts(b, it->passed ? "<span class=\"cx-bound cx-pass\" title=\""
                               : "<span class=\"cx-bound cx-fail\" title=\"");
    cx_knit_puts(b, it->passed ? "checked: " : "FAILED: ");
    put_html(b, it->detail ? it->detail : "");
    cx_knit_puts(b, "\">");
    cx_knit_put_html(b, d->text + it->text, it->text_len);
    cx_knit_puts(b, "</span>");
    if (!it->passed) {
        cx_knit_puts(b, " <strong class=\"cx-fail\">(cx: this figure is wrong: the report "
                        "computes ");
        put_html(b, it->value ? it->value : "?");
        cx_knit_puts(b, ")</strong>");
    }
    error_inline(b, it);
}

/* A link target a page from a stranger must not have: a script or a local
 * file (cmark's own rule: javascript:, vbscript:, file:, and data: except
 * for images in common formats). */
static bool dangerous_url(const char *url, bool image)
{
    if (!url) return false;
    while (*url && (unsigned char)*url <= ' ') url++;
    static const char *const bad[] = {"javascript:", "vbscript:", "file:", "data:"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t n = strlen(bad[i]);
        if (strncasecmp(url, bad[i], n) != 0) continue;
        if (i < 3) return true;
        static const char *const images[] = {"image/png", "image/gif", "image/jpeg", "image/webp"};
        for (size_t k = 0; image && k < sizeof images / sizeof images[0]; k++)
            if (strncasecmp(url + n, images[k], strlen(images[k])) == 0) return false;
        return true;
    }
    return false;
}

/* The item a mark names ("cxknit0-17" -> 17), or -1. */
static long mark_item(const char *s, const char *ph, size_t n_items)
{
    size_t pl = strlen(ph);
    if (!s || strncmp(s, ph, pl) != 0 || s[pl] != '-') return -1;
    char *end;
    unsigned long k = strtoul(s + pl + 1, &end, 10);
    if (*end || end == s + pl + 1 || k >= n_items) return -1;
    return (long)k;
}

/* The page's title: the first heading's text (unless cx computes part of
 * it), else the report's name.  Read before the marks are replaced. */
static void put_title(knit_buf *b, cmark_node *doc, const char *name, const char *ph)
{
    for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_HEADING) continue;
        char *t = cmark_render_plaintext(n, CMARK_OPT_DEFAULT, 0);
        if (!t) break;
        size_t len = strlen(t);
        while (len && (t[len - 1] == '\n' || t[len - 1] == ' ')) len--;
        if (!strstr(t, ph)) {
            cx_knit_put_html(b, t, len);
            free(t);
            return;
        }
        free(t);
        break;
    }
    put_html(b, name);
}

bool cx_knit_html(const knit_doc *d, const char *name, bool unsafe, int digits, knit_buf *out,
                  size_t *lost)
{
    (void)digits;
    *lost = SIZE_MAX;
    char *ph = cx_knit_placeholder(d);
    knit_buf md = {0};
    if (ph) cx_knit_markdown(d, &md, ph);
    if (!ph || md.failed) {
        free(ph);
        free(md.data);
        return false;
    }
    int opts = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_UNSAFE;
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(opts);
    const char *exts[] = {"table", "strikethrough"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
        if (e) cmark_parser_attach_syntax_extension(p, e);
    }
    cmark_parser_feed(p, md.data ? md.data : "", md.len);
    cmark_node *doc = cmark_parser_finish(p);
    free(md.data);
    bool ok = doc != NULL;
    knit_buf title = {0};
    put_title(&title, doc, name, ph);
    ok = ok && !title.failed;

    /* Collect the nodes first: the tree must not change under the
     * iterator.  The marks become cx's HTML; in safe mode the report's own
     * raw HTML goes and dangerous link targets are emptied.  (cmark's own
     * safe mode would drop cx's HTML too, and a custom node may not sit in
     * a table cell, so cx renders unsafe and is safe itself.) */
    cmark_node **marks = NULL;
    size_t n_marks = 0, cap = 0;
    bool *placed = calloc(d->n_items + 1, sizeof *placed);
    if (!placed) ok = false;
    cmark_iter *iter = doc ? cmark_iter_new(doc) : NULL;
    cmark_event_type ev;
    while (iter && (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(iter);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev != CMARK_EVENT_ENTER) continue;
        if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) && !unsafe &&
            dangerous_url(cmark_node_get_url(n), t == CMARK_NODE_IMAGE))
            cmark_node_set_url(n, "");
        const char *key = t == CMARK_NODE_CODE_BLOCK ? cmark_node_get_fence_info(n)
                          : t == CMARK_NODE_CODE     ? cmark_node_get_literal(n)
                                                     : NULL;
        bool raw = !unsafe && (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE);
        if (!raw && mark_item(key, ph, d->n_items) < 0) continue;
        if (n_marks == cap) {
            cap = cap ? cap * 2 : 64;
            cmark_node **m = realloc(marks, cap * sizeof *m);
            if (!m) {
                ok = false;
                break;
            }
            marks = m;
        }
        marks[n_marks++] = n;
    }
    if (iter) cmark_iter_free(iter);

    for (size_t i = 0; ok && i < n_marks; i++) {
        cmark_node *n = marks[i];
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
            cmark_node_unlink(n);
            cmark_node_free(n);
            continue;
        }
        bool block = t == CMARK_NODE_CODE_BLOCK;
        const char *key = block ? cmark_node_get_fence_info(n) : cmark_node_get_literal(n);
        const knit_item *it = &d->items[mark_item(key, ph, d->n_items)];
        knit_buf h = {0};
        placed[it - d->items] = true;
        if (block && it->kind == KNIT_HIDDEN) hidden_html(&h, it);
        else if (block) block_html(&h, d, it);
        else inline_html(&h, d, it);
        cmark_node *c = cmark_node_new(block ? CMARK_NODE_HTML_BLOCK : CMARK_NODE_HTML_INLINE);
        if (h.failed || !c || !cmark_node_set_literal(c, h.data ? h.data : "") ||
            !cmark_node_replace(n, c)) {
            ok = false;
            if (c) cmark_node_free(c);
        } else {
            cmark_node_free(n);
        }
        free(h.data);
    }
    free(marks);

    /* Every construct must have found its place: one that cmark read as
     * part of raw HTML, a link target or code would otherwise be missing
     * from the page, or its mark shown. */
    for (size_t i = 0; ok && i < d->n_items; i++) {
        const knit_item *it = &d->items[i];
        bool marked = it->kind != KNIT_HIDDEN || it->n_records || it->error;
        if (marked && !placed[i]) {
            *lost = i;
            ok = false;
        }
    }
    free(placed);

    char *body = ok ? cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p)) : NULL;
    if (body) {
        cx_knit_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, "
                          "initial-scale=1\">\n");
        if (!unsafe)
            cx_knit_puts(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                              "'none'; style-src 'unsafe-inline'; img-src * data:\">\n");
        cx_knit_puts(out, "<meta name=\"generator\" content=\"cx knit\">\n<title>");
        cx_knit_put(out, title.data, title.len);
        cx_knit_puts(out, "</title>\n<style>\n");
        cx_knit_puts(out, style);
        cx_knit_puts(out, "</style>\n</head>\n<body>\n<main>\n");
        cx_knit_puts(out, body);
        cx_knit_puts(out, "</main>\n</body>\n</html>\n");
        free(body);
    }
    ok = ok && body && !out->failed;
    if (doc) cmark_node_free(doc);
    cmark_parser_free(p);
    free(ph);
    free(title.data);
    return ok;
}
