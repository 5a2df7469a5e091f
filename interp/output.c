/* output.c - hands output records (values, prints, checks, tables) to the
 * host's callback, stamped with the file and line they come from. */
#include "output.h"

void cx_output_emit(struct cx_state *st, cx_output *rec, cx_span span)
{
    const cx_source *src = cx_sources_get(&st->sources, span.src);
    size_t line = 0, col = 0;
    if (src) cx_source_line_col(src, span.start, &line, &col);
    rec->file = src ? src->name : "";
    rec->line = line;
    if (st->out_fn) st->out_fn(st->out_ud, rec);
}
