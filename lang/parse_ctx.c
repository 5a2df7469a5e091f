/* parse_ctx.c - the parse context's services to the scanner, the grammar
 * and the node constructors: syntax errors (capped in number), the nesting
 * limit, spans of rules and the stack of open brackets.  cx_parse() in
 * parse.c drives the whole. */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "parse_ctx.h"
#include "../runtime/grow.h"

cx_error *cx_parse_error(cx_parse_ctx *P, cx_err_code code, cx_span span, const char *fmt, ...)
{
    if (P->stop) return NULL;
    P->n_errors++;
    if (P->n_errors > (size_t)P->opts->max_errors) {
        /* Past the cap the rest is mostly echoes of the first errors. */
        P->stop = true;
        if (!P->capped) {
            P->capped = true;
            if (!cx_diag_add(P->diag, CX_E_SYNTAX_TOO_MANY_ERRORS, span,
                             "too many errors; stopped after %d", P->opts->max_errors))
                P->oom = true;
        }
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    cx_error *e = cx_diag_vadd(P->diag, code, span, fmt, ap);
    va_end(ap);
    if (!e) P->oom = true;
    return e;
}

void cx_parse_nesting_error(cx_parse_ctx *P, cx_span span)
{
    cx_parse_error(P, CX_E_LIMIT_NESTING, span,
                   "expression nested too deeply (limit %d; --max-nesting)", P->opts->max_nesting);
    /* Going on would only meet the same wall again, deeper. */
    P->stop = true;
}

void cx_parse_push_open(cx_parse_ctx *P, cx_span span)
{
    if (!CX_GROW(P->open, P->cap_open, P->n_open, 64)) {
        P->oom = true;
        return;
    }
    P->open[P->n_open++] = span;
}
