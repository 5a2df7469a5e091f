/* output.c - hands output records (values, prints, checks, tables) to the
 * host's callback, stamped with the file and line they come from. */
#include "output.h"

#include <stdlib.h>
#include "../runtime/grow.h"

void cx_output_emit(struct cx_state *st, cx_output *rec, cx_span span)
{
    const cx_source *src = cx_sources_get(&st->sources, span.src);
    size_t line = 0, col = 0;
    if (src) cx_source_line_col(src, span.start, &line, &col);
    rec->file = src ? src->name : "";
    rec->line = line;
    if (st->out_fn) st->out_fn(st->out_ud, rec);
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
