/* parse.h - cx_parse(): source bytes -> cx_unit.  Owns the scanner's life,
 * runs the bison parser, turns syntax errors into cx_error values (several
 * per run, capped), and enforces the input-size and nesting limits. */
#ifndef CX_PARSE_H
#define CX_PARSE_H

#include <stdbool.h>
#include "../runtime/error.h"
#include "../runtime/number.h"
#include "ast.h"
#include "../runtime/source.h"

/* What a statement hook tells the parser to do with the statement it was
 * handed (see cx_parse_opts.on_stmt). */
typedef enum cx_stmt_next {
    CX_STMT_RELEASE, /* nothing points into its nodes any more: free them */
    CX_STMT_KEEP,    /* something does (a function definition): the unit keeps them */
    CX_STMT_STOP,    /* stop parsing now (a runtime error); cx_parse returns CX_FAIL */
} cx_stmt_next;

typedef struct cx_parse_opts {
    long max_source_bytes;
    int max_nesting;           /* brackets and operator nesting */
    int max_errors;            /* syntax errors reported before giving up */
    const cx_num_ctx *num_ctx; /* literal size limits */
    /* NULL: every statement goes into the unit's stmts.  Otherwise each
     * top-level statement goes to on_stmt(stmt_ud, stmt) as soon as it is
     * parsed, as long as no error was found, and not into stmts; its nodes
     * and constants are then freed unless on_stmt says CX_STMT_KEEP.  A
     * long script is so never whole in memory. */
    cx_stmt_next (*on_stmt)(void *ud, const cx_ast *stmt);
    void *stmt_ud;
    /* Parse with the second parser built from the grammar, the one without
     * LAC (bison's lookahead correction, a simulated parse on most tokens):
     * it accepts the same sources and builds the same trees, faster, but a
     * syntax error's list of expected tokens may differ.  For a source known
     * to parse, or when the errors are not shown (a silent first try). */
    bool no_lac;
} cx_parse_opts;

/* Parses source `src_id` into *out (which the caller then owns and frees with
 * cx_unit_free, also on failure).  Errors go to diag.  Returns CX_OK when no
 * error was found. */
cx_status cx_parse(cx_unit *out, const cx_sources *sources, uint32_t src_id,
                   const cx_parse_opts *opts, cx_diag *diag);

#endif
