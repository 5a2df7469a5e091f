/* knit_json.c - `cx knit --json`: one JSON document on standard output that
 * lists every cx construct of the report in order, with its line and column
 * in the report (columns in characters), its code, what it gave and, for
 * checks and bound numbers, the verdict.  docs/knit.md describes it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "knit.h"

typedef struct jbuf {
    char *buf;
    size_t len, cap;
    bool ok;
} jbuf;

static void raw(jbuf *j, const char *s)
{
    if (j->ok && !cx_cli_json_raw(&j->buf, &j->len, &j->cap, s)) j->ok = false;
}

static void str(jbuf *j, const char *s)
{
    if (j->ok && !cx_cli_json_string(&j->buf, &j->len, &j->cap, s)) j->ok = false;
}

static void str_n(jbuf *j, const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (!c) {
        j->ok = false;
        return;
    }
    memcpy(c, s, n);
    c[n] = '\0';
    str(j, c);
    free(c);
}

static void num(jbuf *j, size_t n)
{
    char b[32];
    snprintf(b, sizeof b, "%zu", n);
    raw(j, b);
}

static const char *kind_name(knit_kind k)
{
    switch (k) {
    case KNIT_BLOCK: return "block";
    case KNIT_HIDDEN: return "hidden";
    case KNIT_INLINE: return "inline";
    case KNIT_BOUND: return "bound";
    }
    return "?";
}

static const char *record_kind(cx_output_kind k)
{
    switch (k) {
    case CX_OUT_VALUE: return "value";
    case CX_OUT_PRINT: return "print";
    case CX_OUT_CHECK: return "check";
    case CX_OUT_TABLE: return "table";
    case CX_OUT_NOTE: return "note";
    case CX_OUT_CHART: return "chart";
    }
    return "?";
}

static void item(jbuf *j, const knit_doc *d, const knit_item *it, knit_line_col_fn line_of,
                 void *ud)
{
    size_t line, col, at = it->kind == KNIT_BOUND ? it->start : it->start;
    line_of(ud, at, &line, &col);
    raw(j, "{\"kind\": ");
    str(j, kind_name(it->kind));
    raw(j, ", \"line\": ");
    num(j, line);
    raw(j, ", \"col\": ");
    num(j, col);
    raw(j, ", \"code\": ");
    str_n(j, d->text + it->code, it->code_len);
    if (it->kind == KNIT_BLOCK) {
        raw(j, it->eval ? ", \"eval\": true" : ", \"eval\": false");
        raw(j, ", \"outputs\": [");
        for (size_t r = 0; r < it->n_records; r++) {
            const knit_record *rec = &it->records[r];
            raw(j, r ? ", {\"kind\": " : "{\"kind\": ");
            str(j, record_kind(rec->kind));
            raw(j, ", \"text\": ");
            str(j, rec->text);
            if (rec->kind == CX_OUT_CHECK)
                raw(j, rec->passed ? ", \"passed\": true" : ", \"passed\": false");
            raw(j, "}");
        }
        raw(j, "]");
    }
    if (it->kind == KNIT_INLINE || it->kind == KNIT_BOUND) {
        raw(j, ", \"value\": ");
        str(j, it->value);
    }
    if (it->kind == KNIT_BOUND) {
        raw(j, ", \"text\": ");
        str_n(j, d->text + it->text, it->text_len);
        raw(j, it->checked ? ", \"checked\": true" : ", \"checked\": false");
        if (it->checked) {
            raw(j, it->passed ? ", \"passed\": true, \"detail\": "
                              : ", \"passed\": false, \"detail\": ");
            str(j, it->detail);
        }
    }
    raw(j, "}");
}

bool cx_knit_json(const knit_doc *d, const char *name, int status, knit_line_col_fn line_of,
                  void *ud, FILE *out)
{
    jbuf j = {.ok = true};
    raw(&j, "{\"report\": ");
    str(&j, name);
    raw(&j, ",\n \"constructs\": [");
    for (size_t i = 0; i < d->n_items; i++) {
        raw(&j, i ? ",\n  " : "\n  ");
        item(&j, d, &d->items[i], line_of, ud);
    }
    raw(&j, d->n_items ? "\n ],\n \"status\": " : "],\n \"status\": ");
    num(&j, (size_t)status);
    raw(&j, "}\n");
    if (!j.ok) errno = ENOMEM;
    bool ok = j.ok && fwrite(j.buf, 1, j.len, out) == j.len;
    free(j.buf);
    return ok;
}
