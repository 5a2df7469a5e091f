/* knit_scan.c - finds the cx constructs of a Markdown report and their
 * bytes: fenced blocks (```cx, ```{cx echo=false}), hidden blocks
 * (<!--cx ... -->), inline values (`{cx} EXPR`) and bound numbers
 * ([TEXT](cx:EXPR)).  It follows CommonMark's block structure as far as
 * cx needs (fences, indented code, paragraphs, code spans, backslash
 * escapes), so cx in someone else's code block stays literal.  One pass,
 * linear in the report's size; it runs nothing. */
#include <stdlib.h>
#include <string.h>
#include "knit.h"

static bool add_item(knit_doc *d, knit_item it)
{
    if (d->n_items == d->cap_items) {
        size_t cap = d->cap_items ? d->cap_items * 2 : 16;
        knit_item *p = realloc(d->items, cap * sizeof *p);
        if (!p) return false;
        d->items = p;
        d->cap_items = cap;
    }
    it.echo = it.kind == KNIT_BLOCK ? it.echo : false;
    d->items[d->n_items++] = it;
    return true;
}

static bool problem(knit_doc *d, size_t start, size_t len, const char *msg, const char *hint)
{
    if (d->n_problems == d->cap_problems) {
        size_t cap = d->cap_problems ? d->cap_problems * 2 : 8;
        knit_problem *p = realloc(d->problems, cap * sizeof *p);
        if (!p) return false;
        d->problems = p;
        d->cap_problems = cap;
    }
    knit_problem *p = &d->problems[d->n_problems];
    p->start = start;
    p->len = len;
    p->message = strdup(msg);
    p->hint = hint ? strdup(hint) : NULL;
    if (!p->message || (hint && !p->hint)) {
        free(p->message);
        free(p->hint);
        return false;
    }
    d->n_problems++;
    return true;
}

void cx_knit_doc_free(knit_doc *d)
{
    for (size_t i = 0; i < d->n_items; i++) {
        knit_item *it = &d->items[i];
        for (size_t r = 0; r < it->n_records; r++) {
            knit_record *rec = &it->records[r];
            free(rec->text);
            free(rec->svg);
            free(rec->alt);
            free(rec->svg_file);
            for (size_t c = 0; c < rec->n_cells; c++) free(rec->cells[c]);
            free(rec->cells);
            free(rec->numeric);
        }
        free(it->records);
        free(it->value);
        free(it->detail);
        free(it->error);
    }
    for (size_t i = 0; i < d->n_problems; i++) {
        free(d->problems[i].message);
        free(d->problems[i].hint);
    }
    free(d->items);
    free(d->problems);
    d->items = NULL;
    d->problems = NULL;
    d->n_items = d->n_problems = 0;
}

/* ==== lines ================================================================ */

static size_t line_end(const knit_doc *d, size_t at)
{
    const char *nl = memchr(d->text + at, '\n', d->len - at);
    return nl ? (size_t)(nl - d->text) : d->len;
}

static size_t next_line(const knit_doc *d, size_t at)
{
    size_t e = line_end(d, at);
    return e < d->len ? e + 1 : d->len;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

/* Columns of indentation (a tab to the next multiple of 4) and the bytes
 * they take, stopping at 4 columns. */
static size_t indent(const char *s, size_t n, size_t *bytes)
{
    size_t col = 0, i = 0;
    while (i < n && col < 4 && (s[i] == ' ' || s[i] == '\t')) {
        col = s[i] == '\t' ? (col / 4 + 1) * 4 : col + 1;
        i++;
    }
    *bytes = i;
    return col;
}

/* A fence opener at `at`: its character, length, and where its info string
 * is.  CommonMark: up to 3 spaces, then 3+ backticks or tildes; a backtick
 * fence's info has no backtick. */
typedef struct fence {
    char ch;
    size_t n, info, info_len;
} fence;

static bool fence_open(const knit_doc *d, size_t at, fence *f)
{
    size_t e = line_end(d, at), ib;
    const char *s = d->text + at;
    if (indent(s, e - at, &ib) > 3) return false;
    size_t i = at + ib;
    if (i >= e || (d->text[i] != '`' && d->text[i] != '~')) return false;
    f->ch = d->text[i];
    f->n = 0;
    while (i < e && d->text[i] == f->ch) i++, f->n++;
    if (f->n < 3) return false;
    if (f->ch == '`' && memchr(d->text + i, '`', e - i)) return false;
    while (i < e && (d->text[i] == ' ' || d->text[i] == '\t')) i++;
    size_t j = e;
    while (j > i && (d->text[j - 1] == ' ' || d->text[j - 1] == '\t' || d->text[j - 1] == '\r'))
        j--;
    f->info = i;
    f->info_len = j - i;
    return true;
}

static bool fence_close(const knit_doc *d, size_t at, const fence *f)
{
    size_t e = line_end(d, at), ib;
    if (indent(d->text + at, e - at, &ib) > 3) return false;
    size_t i = at + ib, n = 0;
    while (i < e && d->text[i] == f->ch) i++, n++;
    return n >= f->n && blank(d->text + i, e - i);
}

/* ==== block options ========================================================= */

static bool word_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* The info string of a cx fence: "cx", "{cx}", "cx echo=false",
 * "{cx, echo=FALSE, eval=false}".  False when it is not a cx fence; true
 * with problems recorded for a bad option. */
static bool cx_info(knit_doc *d, const fence *f, knit_item *it)
{
    const char *s = d->text + f->info;
    size_t n = f->info_len, i = 0;
    bool brace = n > 0 && s[0] == '{';
    if (brace) {
        if (s[n - 1] != '}') return false;
        i = 1;
        n--;
    }
    if (n - i < 2 || memcmp(s + i, "cx", 2) != 0) return false;
    i += 2;
    if (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '\t') return false;
    it->echo = it->output = it->eval = true;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) i++;
        if (i >= n) break;
        size_t k = i;
        while (i < n && s[i] != '=' && s[i] != ' ' && s[i] != ',') i++;
        size_t klen = i - k, v = i, vlen = 0;
        if (i < n && s[i] == '=') {
            v = ++i;
            while (i < n && s[i] != ' ' && s[i] != ',') i++;
            vlen = i - v;
        }
        bool *opt = word_is(s + k, klen, "echo")     ? &it->echo
                    : word_is(s + k, klen, "output") ? &it->output
                    : word_is(s + k, klen, "eval")   ? &it->eval
                                                     : NULL;
        bool yes = word_is(s + v, vlen, "true") || word_is(s + v, vlen, "TRUE");
        bool no = word_is(s + v, vlen, "false") || word_is(s + v, vlen, "FALSE");
        if (!opt) {
            if (!problem(d, f->info + k, klen, "unknown cx block option",
                         "the options are echo, output and eval: ```{cx echo=false}"))
                return false;
        } else if (!yes && !no) {
            if (!problem(d, f->info + k, i - k, "a cx block option is true or false",
                         "write echo=false, output=false or eval=false"))
                return false;
        } else {
            *opt = yes;
        }
    }
    return true;
}

/* ==== inline constructs ===================================================== */

static bool starts_at(const knit_doc *d, size_t at, const char *s)
{
    size_t n = strlen(s);
    return at + n <= d->len && memcmp(d->text + at, s, n) == 0;
}

/* A hidden block at `at` ("<!--cx"): recorded; returns where scanning goes
 * on (past "-->"), or d->len after an unclosed one. */
static size_t hidden(knit_doc *d, size_t at, bool *ok)
{
    size_t body = at + 6;
    const char *close = NULL;
    for (size_t i = body; i + 3 <= d->len; i++) {
        const char *p = memchr(d->text + i, '-', d->len - i);
        if (!p || (size_t)(p - d->text) + 3 > d->len) break;
        i = (size_t)(p - d->text);
        if (memcmp(p, "-->", 3) == 0) {
            close = p;
            break;
        }
    }
    if (!close) {
        *ok = problem(d, at, 6, "this <!--cx block is never closed",
                      "end it with --> (everything after it was read as cx)");
        return d->len;
    }
    size_t end = (size_t)(close - d->text) + 3;
    knit_item it = {.kind = KNIT_HIDDEN,
                    .output = true,
                    .start = at,
                    .end = end,
                    .code = body,
                    .code_len = (size_t)(close - d->text) - body,
                    .eval = true};
    /* Alone on its lines?  Look only as far as the first other character
     * either side, so many comments on one long line stay linear. */
    size_t b = at, e = end;
    while (b > 0 && (d->text[b - 1] == ' ' || d->text[b - 1] == '\t')) b--;
    while (e < d->len && (d->text[e] == ' ' || d->text[e] == '\t' || d->text[e] == '\r')) e++;
    it.whole_lines = (b == 0 || d->text[b - 1] == '\n') && (e == d->len || d->text[e] == '\n');
    if (it.whole_lines) {
        it.start = b;
        it.end = e < d->len ? e + 1 : e;
    }
    *ok = add_item(d, it);
    return it.whole_lines ? it.end : end;
}

/* The longest backtick run that opens a code span.  A longer run is read as
 * literal text (CommonMark has no such limit; no report needs one), so the
 * table below stays small. */
#define MAX_TICKS 64

/* Where each length of backtick run last occurs in the paragraph being
 * scanned, filled on the first failed search: an opener with no closer
 * after it is then known at once, so a paragraph of runs of many lengths
 * stays linear (cmark's own trick). */
typedef struct tick_table {
    bool filled;
    size_t last[MAX_TICKS + 1]; /* 1 + the start of the last run of each length; 0: none */
} tick_table;

static void fill_ticks(const knit_doc *d, size_t at, size_t limit, tick_table *t)
{
    memset(t->last, 0, sizeof t->last);
    t->filled = true;
    for (size_t i = at; i < limit;) {
        const char *p = memchr(d->text + i, '`', limit - i);
        if (!p) break;
        size_t j = (size_t)(p - d->text), k = j;
        while (k < limit && d->text[k] == '`') k++;
        if (k - j <= MAX_TICKS) t->last[k - j] = j + 1;
        i = k;
    }
}

/* The code span opening at `at` (a run of n backticks): the index of its
 * closing run, or 0 when there is none before `limit`. */
static size_t span_close(const knit_doc *d, size_t at, size_t n, size_t limit, tick_table *t,
                         size_t para)
{
    if (n > MAX_TICKS) return 0;
    if (!t->filled) fill_ticks(d, para, limit, t);
    if (t->last[n] <= at + n) return 0; /* no run of this length after the opener */
    size_t i = at + n;
    while (i < limit) {
        const char *p = memchr(d->text + i, '`', limit - i);
        if (!p) return 0;
        size_t j = (size_t)(p - d->text), k = j;
        while (k < limit && d->text[k] == '`') k++;
        if (k - j == n) return j;
        i = k;
    }
    return 0;
}

/* `{cx} EXPR` between at and close (the code span's bytes). */
static bool inline_value(knit_doc *d, size_t at, size_t n, size_t close, bool *ok)
{
    size_t i = at + n, e = close;
    while (i < e && (d->text[i] == ' ' || d->text[i] == '\n')) i++;
    if (e - i < 4 || memcmp(d->text + i, "{cx}", 4) != 0) return false;
    i += 4;
    /* `{cx}` alone is the name of the construct in prose, not one. */
    if (i >= e || (d->text[i] != ' ' && d->text[i] != '\n' && d->text[i] != '\t')) return false;
    while (i < e && (d->text[i] == ' ' || d->text[i] == '\n' || d->text[i] == '\t')) i++;
    while (e > i && (d->text[e - 1] == ' ' || d->text[e - 1] == '\n' || d->text[e - 1] == '\t'))
        e--;
    knit_item it = {.kind = KNIT_INLINE,
                    .start = at,
                    .end = close + n,
                    .code = i,
                    .code_len = e - i,
                    .eval = true};
    *ok = add_item(d, it);
    return true;
}

/* [TEXT](cx:EXPR) at `at` ('['), within [at, limit): true when it is one. */
static bool bound_number(knit_doc *d, size_t at, size_t limit, size_t *end, bool *ok)
{
    size_t i = at + 1;
    while (i < limit && d->text[i] != ']' && d->text[i] != '[' && d->text[i] != '\n') i++;
    if (i >= limit || d->text[i] != ']' || !starts_at(d, i + 1, "(cx:")) return false;
    size_t text_end = i, expr = i + 5, depth = 1;
    bool quoted = false;
    for (i = expr; i < limit; i++) {
        char c = d->text[i];
        if (quoted) {
            if (c == '\\') i++;
            else if (c == '"') quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == '(') {
            depth++;
        } else if (c == ')' && --depth == 0) {
            break;
        }
    }
    if (i >= limit) {
        *ok = problem(d, at, text_end + 5 - at, "this bound number's ( is never closed",
                      "a bound number is [TEXT](cx:EXPR) on one paragraph");
        *end = limit;
        return true;
    }
    knit_item it = {.kind = KNIT_BOUND,
                    .start = at,
                    .end = i + 1,
                    .code = expr,
                    .code_len = i - expr,
                    .text = at + 1,
                    .text_len = text_end - at - 1,
                    .eval = true};
    *ok = add_item(d, it);
    *end = i + 1;
    return true;
}

/* Scans the inline text [at, limit) (a paragraph's lines); returns where
 * the block scan goes on (past limit after a hidden block that runs on). */
static size_t scan_inline(knit_doc *d, size_t at, size_t limit, bool *ok)
{
    size_t i = at;
    tick_table ticks = {.filled = false};
    while (i < limit && *ok) {
        char c = d->text[i];
        if (c == '\\' && i + 1 < limit) {
            i += 2;
        } else if (c == '`') {
            size_t n = 0;
            while (i + n < limit && d->text[i + n] == '`') n++;
            size_t close = span_close(d, i, n, limit, &ticks, at);
            if (close) {
                inline_value(d, i, n, close, ok);
                i = close + n;
            } else {
                i += n;
            }
        } else if (c == '<' && starts_at(d, i, "<!--cx") &&
                   (i + 6 >= d->len || strchr(" \t\r\n-", d->text[i + 6]))) {
            size_t next = hidden(d, i, ok);
            if (next > limit) return next;
            i = next;
        } else if (c == '[' && (i == 0 || d->text[i - 1] != '!')) { /* not an image */
            size_t end;
            if (bound_number(d, i, limit, &end, ok)) i = end;
            else i++;
        } else {
            i++;
        }
    }
    return limit;
}

/* A ```cx fence behind a quote or list marker ("> ```cx", "- ```{cx}"):
 * cx looks for blocks at the left margin only, so say so rather than skip
 * it in silence.  Records a problem; false when memory ran out. */
static bool nested_fence(knit_doc *d, size_t at)
{
    size_t e = line_end(d, at), i = at, markers = 0;
    for (;;) {
        while (i < e && (d->text[i] == ' ' || d->text[i] == '\t')) i++;
        if (i < e &&
            (d->text[i] == '>' || d->text[i] == '-' || d->text[i] == '*' || d->text[i] == '+')) {
            i++, markers++;
            continue;
        }
        size_t j = i;
        while (j < e && d->text[j] >= '0' && d->text[j] <= '9') j++;
        if (j > i && j < e && (d->text[j] == '.' || d->text[j] == ')')) {
            i = j + 1, markers++;
            continue;
        }
        break;
    }
    if (!markers || e - i < 5) return true;
    char ch = d->text[i];
    if ((ch != '`' && ch != '~') || d->text[i + 1] != ch || d->text[i + 2] != ch) return true;
    size_t k = i;
    while (k < e && d->text[k] == ch) k++;
    while (k < e && d->text[k] == ' ') k++;
    if (k < e && d->text[k] == '{') k++;
    if (e - k < 2 || memcmp(d->text + k, "cx", 2) != 0 ||
        (k + 2 < e && d->text[k + 2] != ' ' && d->text[k + 2] != '}' && d->text[k + 2] != ',' &&
         d->text[k + 2] != '\r'))
        return true;
    return problem(d, i, e - i, "this cx block is inside a quote or a list, where cx does not look",
                   "start the ```cx fence at the left margin");
}

bool cx_knit_scan(knit_doc *d)
{
    /* A UTF-8 byte-order mark is no text of the first line. */
    size_t at = d->len >= 3 && memcmp(d->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    bool ok = true, in_para = false;
    while (at < d->len && ok) {
        size_t e = line_end(d, at), ib;
        if (blank(d->text + at, e - at)) {
            in_para = false;
            at = next_line(d, at);
            continue;
        }
        if (!in_para && indent(d->text + at, e - at, &ib) >= 4) {
            at = next_line(d, at); /* indented code: literal */
            continue;
        }
        fence f;
        if (fence_open(d, at, &f)) {
            knit_item it = {.kind = KNIT_BLOCK, .start = at};
            bool is_cx = cx_info(d, &f, &it);
            size_t body = next_line(d, at), l = body;
            while (l < d->len && !fence_close(d, l, &f)) l = next_line(d, l);
            if (l >= d->len && is_cx) {
                ok = problem(d, at, e - at, "this ```cx block is never closed",
                             "close it with a line of three backticks (everything after it "
                             "was read as cx)");
            } else if (is_cx) {
                it.code = body;
                it.code_len = l - body;
                it.end = next_line(d, l);
                ok = add_item(d, it);
            }
            at = l < d->len ? next_line(d, l) : d->len;
            in_para = false;
            continue;
        }
        /* A paragraph (or any other text): up to a blank line or a fence. */
        ok = nested_fence(d, at);
        size_t end = next_line(d, at);
        while (end < d->len && ok) {
            ok = nested_fence(d, end);
            size_t le = line_end(d, end);
            fence g;
            if (blank(d->text + end, le - end) || fence_open(d, end, &g)) break;
            end = next_line(d, end);
        }
        size_t next = scan_inline(d, at, end, &ok);
        in_para = next <= end && next > at;
        at = next;
        /* Resumed mid-line after a hidden block: go on from there. */
        if (at < d->len && at > 0 && d->text[at - 1] != '\n') in_para = true;
        else in_para = false;
    }
    return ok;
}
