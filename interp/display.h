/* display.h - the text of any value, as a bare expression statement shows it:
 * numbers per format.h, lists "[1, 2]", series "{2024: 83, 2025: 125}",
 * strings as they are, periods canonically. */
#ifndef CX_DISPLAY_H
#define CX_DISPLAY_H

#include "../runtime/value.h"

/* malloc'ed; NULL on allocation failure. */
char *cx_display_value(const cx_value *v, int digits);

#endif
