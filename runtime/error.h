/* error.h - errors as values: cx_span (where), cx_error (what), cx_diag (the
 * list a run collects).  Nothing here prints; runtime/diag.c renders. */
#ifndef CX_ERROR_H
#define CX_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../include/cx.h"
#include "number.h"

#define CX_NO_SPAN ((cx_span){0, 0, 0})

typedef enum cx_status { CX_OK = 0, CX_FAIL = 1 } cx_status;

/* Every error code, from the one table (errors.def): CX_E_MATH_DIV_ZERO... */
typedef enum cx_err_code {
#define X(id, code, kind) CX_E_##id,
#include "errors.def"
#undef X
    CX_E_COUNT
} cx_err_code;

/* The code's stable text ("math-div-zero") and kind; NULL and
 * CX_ERRK_INTERNAL for a value outside the table. */
const char *cx_err_code_text(cx_err_code code);
cx_err_kind cx_err_code_kind(cx_err_code code);

/* What a note is for, when its holder needs to tell: the calls that led to
 * an error inside a user function are counted and capped. */
typedef enum cx_note_kind { CX_NOTE_PLAIN, CX_NOTE_CALL, CX_NOTE_MORE_CALLS } cx_note_kind;

typedef struct cx_note {
    cx_span span;
    char *text; /* owned */
    cx_note_kind kind;
    size_t count; /* CX_NOTE_MORE_CALLS: the calls it stands for */
} cx_note;

typedef struct cx_error {
    cx_err_code code; /* its row in errors.def */
    cx_err_kind kind; /* the row's kind, kept for quick access */
    char *message;    /* owned */
    cx_span span;     /* primary span */
    cx_note *notes;   /* owned array */
    size_t n_notes;
    char *hint;           /* owned, may be NULL */
    bool at_end_of_input; /* syntax error at EOF: the REPL asks for more */
} cx_error;

/* The errors of a run.  Recording an error needs memory; when there is none,
 * a run that has no error yet still gets one: `spare` becomes the only item
 * (code limit-memory, message "out of memory", a static text), so a failed
 * allocation can never make a run look successful.  After that nothing more
 * is recorded until cx_diag_clear. */
typedef struct cx_diag {
    cx_error *items;
    size_t len, cap;
    cx_error spare;
} cx_diag;

void cx_diag_init(cx_diag *d);
void cx_diag_clear(cx_diag *d); /* frees every error; d stays usable */
/* Frees the errors from index len on (the first len stay). */
void cx_diag_truncate(cx_diag *d, size_t len);
/* Appends an error and returns it so the caller can add notes or a hint.
 * The message is printf-formatted.  NULL when memory ran out; then the list
 * holds at least one error all the same (see cx_diag). */
cx_error *cx_diag_add(cx_diag *d, cx_err_code code, cx_span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
cx_error *cx_diag_vadd(cx_diag *d, cx_err_code code, cx_span span, const char *fmt, va_list ap);
/* Replaces e's message by one printf-formatted (which may quote the old one,
 * e->message); keeps the old one when memory runs out. */
void cx_error_set_message(cx_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cx_error_add_note(cx_error *e, cx_span span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void cx_error_set_hint(cx_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The error for a failed number operation (division by zero, a result over
 * max_result_digits digits, a domain error, ...): one message per status,
 * the same wherever the operation ran.  CX_OK for CX_NUM_OK, else CX_FAIL. */
cx_status cx_num_error(cx_diag *d, cx_num_status st, cx_span span, long max_result_digits);

/* "a" or "an" before `word`, for messages ("an annual series"). */
const char *cx_article(const char *word);

/* printf into a newly malloc'ed string; NULL on allocation failure. */
char *cx_strdupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *cx_vstrdupf(const char *fmt, va_list ap);

#endif
