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

/* A display text shortened for messages and check lines that cx writes
 * itself: past CX_BRIEF_CHARS characters it keeps the beginning and the end
 * and says how many digits it stands for: "142,857,142,857,142,857,142,8…
 * [4,000 digits]…57,142,857,142,857,142,857".  Takes `s` (malloc'ed) and
 * returns it or its shortened copy; NULL in, NULL out, and NULL when the
 * copy cannot be made.  Values a script prints are never shortened. */
#define CX_BRIEF_CHARS 80
char *cx_fmt_brief(char *s);

/* A plain decimal for programs: no separators, no marks, no exponent
 * ("-1234.5", "0.3333333333").  Exact integers and terminating decimals in
 * full (*exact = true); other exact values rounded as the display cuts them
 * (`digits` significant digits, never fewer than the integer digits);
 * approximate values at `digits` significant digits, trailing zeros
 * trimmed, with an exponent ("1.5e1200") only when |x| >= 10^1000 or
 * < 10^-1000.  *exact (may be NULL) tells whether the text equals x: never
 * for an approximate x. */
char *cx_fmt_plain(const cx_num *x, int digits, bool *exact);

/* Fixed `places` decimals (>= 0), half away from zero, with separators;
 * an approximate x gets the "≈" prefix.  1234.5, 2 -> "1,234.50". */
char *cx_fmt_fixed(const cx_num *x, long places);

/* pct(x, places): x * 100 with `places` decimals and '%': 0.5060.., 1 -> "50.6%". */
char *cx_fmt_pct(const cx_num *x, long places);

/* Fixed `places` decimals as cx_fmt_fixed, without thousands separators:
 * for a figure that is a label, such as a year (2031, 0 -> "2031"). */
char *cx_fmt_fixed_plain(const cx_num *x, long places);

/* money(x, places, symbol), the form the built-in shows: |x| >= 1e12, 1e9,
 * 1e6 scaled to T, B, M with `places` decimals ("$6.00B", "-$4.80B"), below
 * 1e6 in full with separators ("$1,234.50"); the scale (M, B or T) follows
 * the rounded magnitude, with two rules more.
 *  - A scale letter is kept only when the scaled figure shows at least two
 *    significant digits or is exact; otherwise the next smaller scale is
 *    used (one step: its figure has four or more digits).  So 1,580,192 at
 *    0 places is "$1,580,192", not "$2M"; 6B at 0 places stays "$6B";
 *    4.8B at 0 places is "$4,800M".  With 1 or more places every scaled
 *    figure has two digits, so only 0 places ever steps down.
 *  - `symbol` replaces "$".  A symbol that ends with an ASCII letter is a
 *    code and is followed by a space ("EUR 6.0B"); any other is written
 *    against the digits ("€6B", "US$6B"); "" writes no symbol ("6.00B").
 *    The sign comes first: "-EUR 4.80B", "≈-€1.41B".
 * symbol NULL means "$". */
char *cx_fmt_money_as(const cx_num *x, long places, const char *symbol);

#endif
