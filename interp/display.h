/* display.h - the text of any value, as a bare expression statement shows it:
 * numbers per format.h, lists "[1, 2]", series "{2024: 83, 2025: 125}",
 * strings as they are, periods canonically; and the layout of a table. */
#ifndef CX_DISPLAY_H
#define CX_DISPLAY_H

#include <stdbool.h>
#include "../runtime/value.h"

/* malloc'ed; NULL on allocation failure. */
char *cx_display_value(const cx_value *v, int digits);
/* A bounded value as `lo to hi` (≈ first when an end was rounded), each
 * end in the form `suffix` gives ('%', 'b', 'p'; 0: plain); malloc'ed. */
char *cx_display_bound(const cx_aff *f, const struct cx_uom *unit, int digits, char suffix);

/* A table statement's text: `cells` row-major, `cols` a row, the first row
 * the header.  The header, a rule line, then the rows, each cell
 * right-aligned to its column's width in characters (left-aligned where
 * left[col], a column of text; left may be NULL), columns joined by " | ",
 * no final newline.  malloc'ed; NULL on allocation failure. */
char *cx_display_table(char *const *cells, size_t n_cells, size_t cols, const bool *left);

/* A number in the form a figure was written in: `suffix` '%' (percent,
 * 0.061 -> "6.1%"), 'b' (basis points), 'p' (percentage points) or 0 (as
 * any value is shown).  malloc'ed; NULL on allocation failure. */
char *cx_display_as(const cx_value *v, char suffix, int digits, const cx_num_ctx *ctx);

#endif
