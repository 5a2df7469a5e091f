/* diag.h - renders a cx_error as text: "file:line:col: error: message", the
 * source line with a caret under the span, notes, and the hint. */
#ifndef CX_DIAG_H
#define CX_DIAG_H

#include <stdbool.h>
#include "source.h"
#include "error.h"

/* malloc'ed text, every line ending in '\n'; NULL on allocation failure. */
char *cx_diag_render(const cx_error *e, const cx_sources *sources, bool color);

#endif
