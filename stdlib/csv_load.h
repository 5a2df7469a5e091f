/* csv_load.h - the parts of csv() (stdlib/csv_load.c) that stand on their
 * own, so the unit tests can reach them: the record reader, which gives each
 * field with its place in the file, and the readers of one cell as an exact
 * number and as a period.  None of them knows of calls or errors lists: they
 * say what is wrong in a sentence, and csv() locates it. */
#ifndef CX_STDLIB_CSV_LOAD_H
#define CX_STDLIB_CSV_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../runtime/number.h"
#include "../runtime/period.h"

/* ---- records ---------------------------------------------------------------- */

typedef struct cx_csv_field {
    const char *text; /* the value: outer quotes removed, "" read as ", NUL-terminated */
    size_t len;       /* bytes of text (it may hold a NUL byte of the file) */
    size_t start;     /* the field as written in the file: its first byte (an opening */
    size_t end;       /* quote included) and one past its last; the spaces around it and */
                      /* the comma after it are outside.  start == end: an empty field */
    bool quoted;
} cx_csv_field;

/* Called once for each record, in order, with its fields (valid during the
 * call only).  A blank line is no record.  A non-zero return stops the
 * reading. */
typedef int (*cx_csv_row_fn)(void *ud, const cx_csv_field *fields, size_t n);

typedef enum cx_csv_status {
    CX_CSV_OK = 0,
    CX_CSV_SYNTAX,  /* malformed quotes: *at is the byte at fault, *why says what is wrong */
    CX_CSV_NOMEM,   /* an allocation failed */
    CX_CSV_STOPPED, /* the row callback returned non-zero */
} cx_csv_status;

/* Reads text[0..len) as CSV with libcsv in strict mode: fields separated
 * by ',', records by LF, CRLF or CR, a field quoted with '"' when it holds
 * one of those (a '"' inside is written twice), spaces around an unquoted
 * field ignored; a UTF-8 byte order mark at the start is skipped, a UTF-16
 * one refused (CX_CSV_SYNTAX at 0).  Memory grows with the longest record,
 * not with the file. */
cx_csv_status cx_csv_read(const char *text, size_t len, cx_csv_row_fn fn, void *ud, size_t *at,
                          const char **why);

/* ---- cells ------------------------------------------------------------------- */

typedef enum cx_csv_num_status {
    CX_CSV_NUM_OK = 0,
    CX_CSV_NUM_MISSING,  /* no figure: blank, a dash, n/a (why says which) */
    CX_CSV_NUM_BAD,      /* not a number read exactly (why says why) */
    CX_CSV_NUM_TOO_LONG, /* more than CX_MAX_LITERAL_DIGITS digits */
    CX_CSV_NUM_TOO_BIG,  /* the value would exceed ctx->max_bits */
    CX_CSV_NUM_NOMEM,
} cx_csv_num_status;

/* Reads a cell as an exact number, in the forms spreadsheets export:
 * 1234.5, 1,234.5 (',' only between groups of three digits of the whole
 * part), -1,234 and (1,234) for negatives, a leading '+', '$' before the
 * digits (-$5, $-5, ($5)), a trailing '%' (12.5% is 1/8), spaces and tabs
 * around.  Refused, with the reason in why: a decimal comma (1,5 and
 * 1.234,5), an exponent (1.2E+11: spreadsheets write it for a rounded
 * display), text, two numbers, a sign after the digits; blank, '-' and the
 * like are CX_CSV_NUM_MISSING.  *out (inited) gets the value on OK;
 * *percent says whether it was written with '%'; *digits how many digits
 * it has (for a TOO_LONG message). */
cx_csv_num_status cx_csv_number(const char *text, size_t len, const cx_num_ctx *ctx, cx_num *out,
                                bool *percent, size_t *digits, char *why, size_t why_size);

/* Reads a cell as a period: 2025 (a year), 2025H1, H1 2025, 2025-H1 (halves),
 * 2025Q3, Q3 2025, 2025-Q3, Q3-2025, 2025 Q3 (quarters, any letter case),
 * 2025-09 (a month), 2025-09-30 (a day), spaces around.  The year has four
 * digits, a month and a day two.  Refused, with the reason in why: fiscal
 * years (FY2025), dates with '/', dates with a time, two-digit years,
 * invalid dates (2025-02-30). */
bool cx_csv_period(const char *text, size_t len, cx_period *out, char *why, size_t why_size);

/* The period of frequency f that the day `day` (an ordinal, period.h) is
 * the first (*edge = -1) or the last (*edge = 1) day of; false when it is
 * neither.  For f == CX_FREQ_DAY, the day itself with *edge = 0. */
bool cx_csv_day_to(int64_t day, cx_freq f, cx_period *out, int *edge);

#endif
