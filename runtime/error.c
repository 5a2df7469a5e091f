/* error.c - errors as values: building cx_error records (message, notes,
 * hint) and the cx_diag list a run collects.  Nothing here prints; rendering
 * is runtime/diag.c's job. */
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clean.h"
#include "grow.h"

char *cx_vstrdupf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s) return NULL;
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *cx_strdupf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = cx_vstrdupf(fmt, ap);
    va_end(ap);
    return s;
}

void cx_diag_init(cx_diag *d)
{
    d->items = NULL;
    d->len = d->cap = 0;
}

/* The message of an error recorded without memory (cx_diag's spare). */
static char out_of_memory[] = "out of memory";

static void error_clear(cx_error *e)
{
    if (e->message != out_of_memory) free(e->message);
    for (size_t i = 0; i < e->n_notes; i++) free(e->notes[i].text);
    free(e->notes);
    free(e->hint);
}

void cx_diag_clear(cx_diag *d)
{
    for (size_t i = 0; i < d->len; i++) error_clear(&d->items[i]);
    if (d->items != &d->spare) free(d->items);
    cx_diag_init(d);
}

void cx_diag_truncate(cx_diag *d, size_t len)
{
    if (len >= d->len) return;
    if (len == 0) { /* also the spare, which is only ever the first */
        cx_diag_clear(d);
        return;
    }
    for (size_t i = len; i < d->len; i++) error_clear(&d->items[i]);
    d->len = len;
}

/* ==== the code table ===================================================== */

static const struct {
    const char *text;
    cx_err_kind kind;
} code_rows[] = {
#define X(id, code, kind) {code, kind},
#include "errors.def"
#undef X
};

const char *cx_err_code_text(cx_err_code code)
{
    return (unsigned)code < CX_E_COUNT ? code_rows[code].text : NULL;
}

cx_err_kind cx_err_code_kind(cx_err_code code)
{
    return (unsigned)code < CX_E_COUNT ? code_rows[code].kind : CX_ERRK_INTERNAL;
}

/* ==== the list of a run =================================================== */

/* Out of memory while recording an error: a run without one gets the
 * static "out of memory" error at `span`, in the list's free slot or in
 * the spare.  Returns NULL, as a failed add does. */
static cx_error *record_without_memory(cx_diag *d, cx_span span)
{
    if (d->len > 0) return NULL; /* the run has an error already: it stops there */
    if (!d->items) {
        d->items = &d->spare;
        d->cap = 1;
    }
    cx_error *e = &d->items[d->len++];
    memset(e, 0, sizeof *e);
    e->code = CX_E_LIMIT_MEMORY;
    e->kind = cx_err_code_kind(CX_E_LIMIT_MEMORY);
    e->message = out_of_memory;
    e->span = span;
    return NULL;
}

cx_error *cx_diag_vadd(cx_diag *d, cx_err_code code, cx_span span, const char *fmt, va_list ap)
{
    if (d->items == &d->spare) return NULL; /* out of memory already */
    if (!CX_GROW(d->items, d->cap, d->len, 8)) return record_without_memory(d, span);
    char *msg = cx_clean_text(cx_vstrdupf(fmt, ap)); /* a path may hold a '\r' */
    if (!msg) return record_without_memory(d, span);
    cx_error *e = &d->items[d->len++];
    memset(e, 0, sizeof *e);
    e->code = code;
    e->kind = cx_err_code_kind(code);
    e->message = msg;
    e->span = span;
    return e;
}

cx_error *cx_diag_add(cx_diag *d, cx_err_code code, cx_span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cx_error *e = cx_diag_vadd(d, code, span, fmt, ap);
    va_end(ap);
    return e;
}

void cx_error_set_message(cx_error *e, const char *fmt, ...)
{
    if (!e) return;
    va_list ap;
    va_start(ap, fmt);
    char *m = cx_clean_text(cx_vstrdupf(fmt, ap));
    va_end(ap);
    if (!m) return;
    if (e->message != out_of_memory) free(e->message);
    e->message = m;
}

void cx_error_add_note(cx_error *e, cx_span span, const char *fmt, ...)
{
    if (!e) return;
    va_list ap;
    va_start(ap, fmt);
    char *text = cx_clean_text(cx_vstrdupf(fmt, ap));
    va_end(ap);
    if (!text) return;
    cx_note *notes = realloc(e->notes, (e->n_notes + 1) * sizeof *notes);
    if (!notes) {
        free(text);
        return;
    }
    e->notes = notes;
    e->notes[e->n_notes].span = span;
    e->notes[e->n_notes].text = text;
    e->notes[e->n_notes].kind = CX_NOTE_PLAIN;
    e->notes[e->n_notes].count = 0;
    e->n_notes++;
}

void cx_error_set_hint(cx_error *e, const char *fmt, ...)
{
    if (!e) return;
    va_list ap;
    va_start(ap, fmt);
    char *hint = cx_clean_text(cx_vstrdupf(fmt, ap));
    va_end(ap);
    if (!hint) return; /* keep the old hint rather than none */
    free(e->hint);
    e->hint = hint;
}

cx_status cx_num_error(cx_diag *d, cx_num_status st, cx_span span, long max_result_digits)
{
    switch (st) {
    case CX_NUM_OK: return CX_OK;
    case CX_NUM_DIV_ZERO: cx_diag_add(d, CX_E_MATH_DIV_ZERO, span, "division by zero"); break;
    case CX_NUM_TOO_BIG: {
        cx_error *e = cx_diag_add(d, CX_E_LIMIT_RESULT_SIZE, span,
                                  "result too large: more than %ld digits", max_result_digits);
        if (e) cx_error_set_hint(e, "the limit is set with --max-digits N");
        break;
    }
    case CX_NUM_DOMAIN:
        cx_diag_add(d, CX_E_MATH_DOMAIN, span, "math domain error: no real result");
        break;
    case CX_NUM_NOT_INT:
        cx_diag_add(d, CX_E_MATH_NOT_INTEGER, span, "an integer is required here");
        break;
    case CX_NUM_TOO_SMALL: {
        cx_error *err =
            cx_diag_add(d, CX_E_MATH_UNDERFLOW, span,
                        "result too close to 0 to hold: its size is below 10^-323228496");
        if (err)
            cx_error_set_hint(err, "the exact value is not 0, but an approximate number cannot "
                                   "be that small; write 0 if zero is what you mean");
        break;
    }
    case CX_NUM_BAD_TEXT: cx_diag_add(d, CX_E_SYNTAX_BAD_NUMBER, span, "invalid number"); break;
    case CX_NUM_NOMEM: cx_diag_add(d, CX_E_LIMIT_MEMORY, span, "out of memory"); break;
    }
    return CX_FAIL;
}

const char *cx_article(const char *word) { return strchr("aeiou", word[0]) ? "an" : "a"; }
