/* format.h - deterministic display of numbers: the same bytes on every
 * machine and locale (no printf %f, no locale, no double anywhere).
 *
 * Display rules (docs/language.md, "Display"):
 *  - exact integer: in full with ',' thousands separators: 6,000,000,000
 *  - exact terminating decimal: in full: 0.1, 1,234.5, -0.000001
 *  - other exact rationals: rounded half away from zero to `digits`
 *    significant digits (but never fewer than the integer part's digits),
 *    trailing zeros kept, followed by the cut mark "…": 0.3333333333…,
 *    0.6666666667…; |x| < 1e-9 is shown as d.ddd…e-N with the mark.
 *  - approximate values: prefix "≈", `digits` significant digits, trailing
 *    zeros trimmed: ≈1.414213562, ≈5; |x| >= 1e15 or 0 < |x| < 1e-9 in
 *    scientific form ≈1.970071114e434, ≈2.5e-12.
 * All functions return a malloc'ed string the caller frees, or NULL only on
 * allocation failure. */
#ifndef CX_FORMAT_H
#define CX_FORMAT_H

#include <stdbool.h>
#include "number.h"

#define CX_MARK_APPROX "\xe2\x89\x88" /* ≈ U+2248 */
#define CX_MARK_CUT    "\xe2\x80\xa6" /* … U+2026 */

char *cx_fmt_number(const cx_num *x, int digits, bool separators);

/* The figure x shows at `digits` significant digits, read from the display
 * rules directly (no text): *shown is the value the text stands for (the
 * rounded or cut value; x itself when shown in full), *last_place the power
 * of ten of the text's last digit ("4.80" -> -2, "6,000,000,000" -> 0,
 * "0.3333333333…" -> -10, "≈1.5e12" -> 11), and *int_zeros how many zeros
 * end a text without a decimal point ("6,000,000,000" -> 9, "≈1500" -> 2,
 * else 0).  The `~` check reads a figure's precision from these.  Zero
 * shows as 0 with both places 0.  CX_NUM_TOO_BIG when the shown value would
 * pass ctx's size limit, CX_NUM_NOMEM when memory runs out. */
cx_num_status cx_fmt_shown(const cx_num *x, int digits, cx_num *shown, int64_t *last_place,
                           int64_t *int_zeros, const cx_num_ctx *ctx);

/* Fixed `places` decimals (>= 0), half away from zero, with separators;
 * an approximate x gets the "≈" prefix.  1234.5, 2 -> "1,234.50". */
char *cx_fmt_fixed(const cx_num *x, long places);

/* pct(x, places): x * 100 with `places` decimals and '%': 0.5060.., 1 -> "50.6%". */
char *cx_fmt_pct(const cx_num *x, long places);

/* money(x, places): dollars; |x| >= 1e12, 1e9, 1e6 scaled to T, B, M with
 * `places` decimals ("$6.00B", "-$4.80B"); below 1e6 in full with separators
 * and `places` decimals ("$1,234.50"). */
char *cx_fmt_money(const cx_num *x, long places);

#endif
