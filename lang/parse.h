/* parse.h - cx_parse(): source bytes -> cx_unit.  Owns the scanner's life,
 * runs the bison parser, turns syntax errors into cx_error values (several
 * per run, capped), and enforces the input-size and nesting limits. */
#ifndef CX_PARSE_H
#define CX_PARSE_H

#include <stdbool.h>
#include "../runtime/error.h"
#include "../runtime/number.h"
#include "ast.h"
#include "source.h"

typedef struct cx_parse_opts {
    long max_source_bytes;
    int max_nesting;           /* brackets and operator nesting */
    int max_errors;            /* syntax errors reported before giving up */
    const cx_num_ctx *num_ctx; /* literal size limits */
} cx_parse_opts;

/* Parses source `src_id` into *out (which the caller then owns and frees with
 * cx_unit_free, also on failure).  Errors go to diag.  Returns CX_OK when no
 * error was found. */
cx_status cx_parse(cx_unit *out, const cx_sources *sources, uint32_t src_id,
                   const cx_parse_opts *opts, cx_diag *diag);

#endif
