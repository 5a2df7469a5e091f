/* parse.c - cx_parse(): one source through the scanner (lexer.l) and the
 * bison parser (parser.y) into a cx_unit.  Owns the scanner's life, also
 * after its fatal longjmp; collects syntax errors as cx_error values, caps
 * their number, and enforces the source-size and nesting limits. */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/limits.h"
#include "parse_ctx.h"
#include "parser.h"

bool cx_parse_add_stmt(cx_parse_ctx *P, cx_ast *stmt)
{
    if (!P->opts->on_stmt) {
        if (stmt) cx_ast_list_push(P, &P->unit->stmts, stmt);
        return true;
    }
    /* After an error nothing runs; the rest is parsed for its errors only. */
    cx_stmt_next next = CX_STMT_RELEASE;
    if (stmt && P->n_errors == 0 && !P->oom) next = P->opts->on_stmt(P->opts->stmt_ud, stmt);
    if (next == CX_STMT_STOP) {
        P->halted = true;
        return false;
    }
    cx_unit *u = P->unit;
    if (next == CX_STMT_RELEASE) {
        /* The lookahead token, if read, carries no value: every node made
         * since the mark belongs to this statement. */
        for (size_t i = P->stmt_consts; i < u->n_consts; i++) cx_num_clear(u->consts[i]);
        u->n_consts = P->stmt_consts;
        cx_arena_reset(&u->arena, P->stmt_mark);
    }
    P->stmt_mark = cx_arena_get_mark(&u->arena);
    P->stmt_consts = u->n_consts;
    return true;
}

cx_ast *cx_parse_resync(cx_parse_ctx *P)
{
    P->recovering = false;
    return NULL;
}

/* The grammar built without LAC (the Makefile renames its cx_yyparse). */
int cx_yyparse_nolac(yyscan_t scanner, struct cx_parse_ctx *P);

/* setjmp lives here, in a frame that changes no local after it, so nothing
 * the longjmp returns to is indeterminate. */

static int run(cx_parse_ctx *P, struct cx_lex_state *L, void **scanner)
{
    if (setjmp(P->fatal)) return -1;
    if (!cx_lex_begin(L, P, scanner)) return -2;
    return P->opts->no_lac ? cx_yyparse_nolac(*scanner, P) : cx_yyparse(*scanner, P);
}

cx_status cx_parse(cx_unit *out, const cx_sources *sources, uint32_t src_id,
                   const cx_parse_opts *opts, cx_diag *diag)
{
    memset(out, 0, sizeof *out);
    cx_arena_init(&out->arena);
    out->src = src_id;

    const cx_source *src = cx_sources_get(sources, src_id);
    if (!src) {
        cx_diag_add(diag, CX_E_INTERNAL_SOURCE, CX_NO_SPAN, "no source with id %u",
                    (unsigned)src_id);
        return CX_FAIL;
    }
    /* Zero or negative options mean the defaults. */
    cx_parse_opts o = *opts;
    if (o.max_source_bytes <= 0) o.max_source_bytes = CX_DEFAULT_MAX_SOURCE_BYTES;
    if (o.max_nesting <= 0) o.max_nesting = CX_DEFAULT_MAX_NESTING;
    if (o.max_errors <= 0) o.max_errors = CX_MAX_SYNTAX_ERRORS;
    static const cx_num_ctx default_num_ctx = {
        .max_bits = CX_DEFAULT_MAX_RESULT_DIGITS * 3322 / 1000 + 1,
        .prec = CX_DEFAULT_PRECISION_BITS,
    };
    if (!o.num_ctx) o.num_ctx = &default_num_ctx;

    cx_span at_start = {src_id, 0, 0};
    /* flex takes an int length; offsets are 32-bit. */
    if (src->len > (size_t)o.max_source_bytes || src->len > (size_t)INT_MAX - 2) {
        cx_diag_add(diag, CX_E_LIMIT_SOURCE_SIZE, at_start,
                    "source is %zu bytes, more than the limit of %ld bytes (--max-source)",
                    src->len, o.max_source_bytes);
        return CX_FAIL;
    }

    cx_parse_ctx P = {0};
    P.unit = out;
    P.src = src_id;
    P.text = src->text;
    P.len = src->len;
    P.opts = &o;
    P.diag = diag;
    P.last_tok = P.prev_tok = at_start;
    P.stmt_mark = cx_arena_get_mark(&out->arena);

    struct cx_lex_state L = {0};
    void *scanner = NULL;
    int rc = run(&P, &L, &scanner);
    if (rc == -1) cx_lex_abandon(&L);
    else cx_lex_end(&L, scanner);
    free(P.open);

    if (rc == -1) {
        /* flex's messages for a failed allocation all say "memory". */
        if (P.fatal_msg && strstr(P.fatal_msg, "memory")) P.oom = true;
        else
            cx_diag_add(diag, CX_E_INTERNAL_SCANNER, at_start, "the scanner failed: %s",
                        P.fatal_msg ? P.fatal_msg : "unknown error");
    }
    if (rc == -2) P.oom = true;
    if (P.oom) {
        /* Where the parse had got to: in a huge statement, its last token. */
        cx_span at = P.last_tok.end > 0 ? P.last_tok : at_start;
        cx_error *e = cx_diag_add(diag, CX_E_LIMIT_MEMORY, at, "out of memory while parsing");
        if (e && at.start > 0)
            cx_error_set_hint(e, "a statement's syntax tree is held whole while it is parsed and "
                                 "run; split a very long statement into several");
    } else if (rc != 0 && P.n_errors == 0 && rc != -1 && !P.halted)
        cx_diag_add(diag, CX_E_INTERNAL_PARSER, at_start, "the parser stopped without saying why");
    return rc == 0 && P.n_errors == 0 && !P.oom ? CX_OK : CX_FAIL;
}
