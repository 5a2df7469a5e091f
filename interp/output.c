/* output.c - hands output records (values, prints, checks, tables) to the
 * host's callback, stamped with the file and line they come from. */
#include "output.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"

/* ==== held records ======================================================== */

static char *dup_or_null(const char *s, bool *ok, size_t *bytes)
{
    if (!s) return NULL;
    char *d = strdup(s);
    if (!d) *ok = false;
    else *bytes += strlen(s) + 1;
    return d;
}

static cx_value *value_copy(const cx_value *v, bool *ok)
{
    if (!v) return NULL;
    cx_value *c = malloc(sizeof *c);
    if (!c) {
        *ok = false;
        return NULL;
    }
    cx_value_init(c);
    cx_value_copy(c, v); /* heavy parts are shared, counted */
    return c;
}

static void value_free(const cx_value *v)
{
    if (!v) return;
    cx_value_clear((cx_value *)v);
    free((cx_value *)v);
}

/* Frees what a held record owns. */
static void held_clear(cx_held_output *h)
{
    cx_output *r = &h->rec;
    free((char *)r->text);
    free((char *)r->expr);
    free((char *)r->value);
    free((char *)r->rhs);
    free((char *)r->detail);
    free((char *)r->chart_style);
    free((char *)r->chart_format);
    free((char *)r->chart_title);
    free((char *)r->scenario);
    free((char *)r->verdict);
    for (size_t i = 0; r->columns && i < r->n_columns; i++) free((char *)r->columns[i]);
    free((void *)r->columns);
    value_free(r->result);
    value_free(r->rhs_result);
    if (r->chart) h->free_chart((struct cx_chart *)r->chart);
}

/* Keeps a copy of rec (and takes *chart) until cx_output_release. */
static bool hold(struct cx_state *st, const cx_output *rec, struct cx_chart **chart,
                 void (*free_chart)(struct cx_chart *))
{
    if (!CX_GROW(st->held, st->cap_held, st->n_held, 16)) return false;
    bool ok = true;
    size_t bytes = sizeof *rec;
    cx_output h = *rec;
    h.text = dup_or_null(rec->text, &ok, &bytes);
    h.expr = dup_or_null(rec->expr, &ok, &bytes);
    h.value = dup_or_null(rec->value, &ok, &bytes);
    h.rhs = dup_or_null(rec->rhs, &ok, &bytes);
    h.detail = dup_or_null(rec->detail, &ok, &bytes);
    h.chart_style = dup_or_null(rec->chart_style, &ok, &bytes);
    h.chart_format = dup_or_null(rec->chart_format, &ok, &bytes);
    h.chart_title = dup_or_null(rec->chart_title, &ok, &bytes);
    h.scenario = dup_or_null(rec->scenario, &ok, &bytes);
    h.verdict = dup_or_null(rec->verdict, &ok, &bytes);
    h.columns = NULL;
    if (rec->n_columns) {
        char **cols = calloc(rec->n_columns, sizeof *cols);
        if (!cols) ok = false;
        for (size_t i = 0; cols && i < rec->n_columns; i++)
            cols[i] = dup_or_null(rec->columns[i], &ok, &bytes);
        h.columns = (const char *const *)cols;
    }
    h.result = value_copy(rec->result, &ok);
    h.rhs_result = value_copy(rec->rhs_result, &ok);
    h.chart = chart ? *chart : NULL;
    cx_held_output held = {h, free_chart};
    if (!ok) {
        held.rec.chart = NULL; /* still the caller's */
        held_clear(&held);
        return false;
    }
    if (chart) *chart = NULL;
    st->held[st->n_held++] = held;
    st->held_bytes += bytes;
    return true;
}

static void stamp(struct cx_state *st, cx_output *rec, cx_span span)
{
    const cx_source *src = cx_sources_get(&st->sources, span.src);
    size_t line = 0, col = 0;
    if (src) cx_source_line_col(src, span.start, &line, &col);
    rec->file = src ? src->name : ""; /* the sources live as long as the state */
    rec->line = line;
}

void cx_output_emit_chart(struct cx_state *st, cx_output *rec, cx_span span,
                          struct cx_chart **chart, void (*free_chart)(struct cx_chart *))
{
    stamp(st, rec, span);
    if (st->holding) {
        if (!st->held_lost && !hold(st, rec, chart, free_chart)) {
            st->held_lost = true; /* this record and every one after it */
            st->held_lost_at = st->n_held;
        }
        return;
    }
    if (st->out_fn) st->out_fn(st->out_ud, rec);
}

void cx_output_emit(struct cx_state *st, cx_output *rec, cx_span span)
{
    cx_output_emit_chart(st, rec, span, NULL, NULL);
}

void cx_output_hold(struct cx_state *st) { st->holding = true; }

bool cx_output_release(struct cx_state *st, size_t from, bool send)
{
    st->holding = false;
    /* Nothing goes out after a record that could not be held. */
    size_t upto = st->held_lost ? st->held_lost_at : st->n_held;
    for (size_t i = from; i < st->n_held; i++) {
        if (send && i < upto && st->out_fn) st->out_fn(st->out_ud, &st->held[i].rec);
        held_clear(&st->held[i]);
    }
    st->n_held = from < st->n_held ? from : st->n_held;
    if (st->n_held == 0) st->held_bytes = 0;
    bool ok = !st->held_lost;
    st->held_lost = false;
    return ok;
}

bool cx_output_note_later(struct cx_state *st, char *detail, cx_span span)
{
    if (!detail) return false;
    if (!CX_GROW(st->notes, st->cap_notes, st->n_notes, 4)) {
        free(detail);
        return false;
    }
    st->notes[st->n_notes++] = (cx_pending_note){detail, span};
    return true;
}

bool cx_output_flush_notes(struct cx_state *st, bool keep)
{
    bool shown = true;
    for (size_t i = 0; i < st->n_notes; i++) {
        cx_pending_note *p = &st->notes[i];
        char *text = keep && shown ? cx_strdupf("note: %s", p->detail) : NULL;
        char *expr = keep && shown ? cx_sources_text(&st->sources, p->span) : NULL;
        if (text && expr) {
            cx_output rec = {.kind = CX_OUT_NOTE, .text = text, .expr = expr, .detail = p->detail};
            cx_output_emit(st, &rec, p->span);
        } else if (keep) {
            shown = false; /* this note and the ones after it are lost */
        }
        free(text);
        free(expr);
        free(p->detail);
    }
    st->n_notes = 0;
    return shown;
}
