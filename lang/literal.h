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

/* ---- text pasted from documents and other tools ---------------------------
 * What the scanner and the syntax-error report say about input that is
 * almost cx: a typographic look-alike of an ASCII character, a number with a
 * suffix or a unit word cx does not know.  The messages name the ASCII or the
 * cx spelling to type instead. */

typedef enum cx_lookalike_kind {
    CX_LOOK_SPACE,     /* U+00A0 and friends: a plain space was meant */
    CX_LOOK_INVISIBLE, /* U+200B, U+FEFF: nothing was meant */
    CX_LOOK_MINUS,     /* U+2212, U+2014: '-' */
    CX_LOOK_EN_DASH,   /* U+2013: '-' or, between numbers, a range */
    CX_LOOK_DQUOTE,    /* U+201C, U+201D: '"' */
    CX_LOOK_SQUOTE,    /* U+2018, U+2019: a quote; strings use '"' */
    CX_LOOK_OTHER,     /* operators: x for '*', <= for '<=', ... */
} cx_lookalike_kind;

typedef struct cx_lookalike {
    uint32_t cp;
    const char *name;   /* the Unicode name: "NO-BREAK SPACE" */
    const char *advice; /* "looks like a space: type a plain space" */
    cx_lookalike_kind kind;
} cx_lookalike;

/* The look-alike entry for code point cp, or NULL when cp is none. */
const cx_lookalike *cx_lookalike_find(uint32_t cp);

/* A currency sign cx refuses in code: $, and U+00A2 U+00A3 U+00A5 U+20AC
 * U+20B9 (cent, pound, yen, euro, rupee). */
bool cx_is_currency_sign(uint32_t cp);

/* What a word written after a number means in cx, case as written:
 * "bn" -> suffix "B", "m" -> "M", "K" -> "k", "USD" -> "" (a unit, which
 * cx drops), "x" -> "" (a multiple).  A valid suffix ("B") maps to itself.
 * `meaning` says why: "B is billions", "cx has no units or currencies".
 * False for a word that is no such thing. */
typedef struct cx_number_word {
    const char *suffix;  /* what to write after the digits: "B", "%", "" */
    const char *meaning; /* "M is millions", "a multiple is a plain number" */
} cx_number_word;
bool cx_literal_number_word(const char *w, size_t n, cx_number_word *out);

/* The length of the digits, point, exponent and suffix letters that start s
 * (the shape of a number as pasted, commas between groups of three digits
 * included): "125B)" -> 4, "14,000;" -> 6.  0 when s does not start with a
 * digit. */
size_t cx_literal_number_extent(const char *s, size_t n);

/* How to write number-like text the cx way: "14,000" -> "14_000", "1.5bn"
 * -> "1.5B", "40.1m" -> "40.1M", ".5" -> "0.5", "5USD" -> "5".  False when
 * there is no sure rewrite (the result would not be a valid literal). */
typedef struct cx_number_fix {
    char text[80];       /* the cx spelling */
    size_t word_at;      /* where the letters after the digits start (len: none) */
    const char *meaning; /* when those letters were changed: "M is millions" */
} cx_number_fix;
bool cx_literal_number_fix(const char *text, size_t len, cx_number_fix *fix);

/* The hint for text the scanner found to be a malformed number (BADNUM):
 * "'m' is not a suffix: M is millions; write 40.1M", "'_' goes only between
 * two digits: 1_000", or the list of suffixes.  Written into out (cap
 * bytes). */
void cx_literal_bad_number_hint(const char *text, size_t len, char *out, size_t cap);

/* A quarter or half pasted in another form: "2024q1", "2024-Q1", "1Q24",
 * "1Q2024" -> "2024Q1" into out (at least 8 bytes).  *why gets what is wrong
 * ("a quarter is written with a capital Q").  False when text is none. */
bool cx_literal_period_fix(const char *text, size_t len, char out[8], const char **why);

#endif
