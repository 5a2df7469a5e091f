/* literal.h - the meaning of literal text: number literals (1_000, 125e9,
 * 200k, 13%, 25bp) to exact values with their written precision, string
 * escapes to bytes, and UTF-8 helpers the scanner shares.  Period literals
 * are runtime/period.h's cx_period_parse.  No spans, no errors lists: the
 * AST constructors in literal.c turn these results into cx_errors. */
#ifndef CX_LITERAL_H
#define CX_LITERAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../runtime/number.h"

typedef enum cx_literal_status {
    CX_LIT_OK = 0,
    CX_LIT_BAD,          /* not a number literal (the scanner never passes one) */
    CX_LIT_TOO_LONG,     /* more than CX_MAX_LITERAL_DIGITS digits */
    CX_LIT_TOO_BIG,      /* the value would exceed ctx->max_bits */
    CX_LIT_NOMEM,        /* an allocation failed */
    CX_LIT_LEADING_ZERO, /* 007, 000, 05.5: the integer part starts with a 0 */
} cx_literal_status;

typedef struct cx_literal_info {
    int64_t quantum10; /* written precision 10^quantum10: "4.8B" -> 8, "61%" -> -2 */
    long scale10;      /* the suffix's power of ten: k 3, M 6, B 9, T 12, % -2, bp -4 */
    char suffix;       /* 0, 'k', 'M', 'B', 'T', '%', or 'b' for bp */
    bool is_int_text;  /* digits and underscores only */
    size_t digits;     /* digits written (mantissa and exponent) */
} cx_literal_info;

/* Reads a whole number literal, `text` as the scanner matched it: digits with
 * '_' between digits, an optional fraction, an optional exponent, an optional
 * suffix.  On CX_LIT_OK *out (already inited) holds the exact value.  *info
 * is filled as far as the text could be read. */
cx_literal_status cx_literal_number(const char *text, size_t len, const cx_num_ctx *ctx,
                                    cx_num *out, cx_literal_info *info);

/* The digit limit in a CX_LIT_TOO_BIG message: the --max-digits value that
 * gives ctx->max_bits. */
long cx_literal_digits_for_bits(long max_bits);

/* A bad escape found by cx_literal_string. */
typedef struct cx_literal_bad {
    size_t at, len;    /* bytes of the escape within the body */
    char message[128]; /* "unknown escape '\q' in string" */
} cx_literal_bad;

/* Decodes a string literal's body (the bytes between the quotes) into `out`,
 * which has room for len + 1 bytes (decoding never grows the text); NUL
 * terminates it.  Returns false at the first bad escape, described in *bad. */
bool cx_literal_string(const char *body, size_t len, char *out, size_t *out_len,
                       cx_literal_bad *bad);

/* Length (1-4) of the valid UTF-8 sequence at s (n bytes available) and its
 * code point; 0 when the bytes are not valid UTF-8 (overlong, surrogate,
 * truncated, above U+10FFFF). */
size_t cx_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Writes code point cp (valid, not a surrogate) as UTF-8; returns 1-4. */
size_t cx_utf8_encode(uint32_t cp, char *out);
/* A control character that may not appear raw in source: C0 other than
 * tab, LF and CR, DEL, and C1 (U+0080..U+009F). */
bool cx_utf8_is_control(uint32_t cp);
/* Describes the character at s for a message without ever copying a control
 * or invalid byte: "'é'", "U+001B", "byte 0xFF".  buf needs 16 bytes. */
const char *cx_utf8_describe(const char *s, size_t n, char buf[16]);

#endif
