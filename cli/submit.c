/* submit.c - runs one REPL entry and decides whether it is complete.  The
 * parser decides, not a bracket counter: an entry is incomplete when its only
 * error is a syntax error at the end of the input (Lua's <eof> rule), after
 * giving it the final ';' that the prompt lets the user leave out. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* The last error of the run is a syntax error at the end of the input (there
 * may be others before it, e.g. a bad escape).  Any syntax error means the
 * parse failed and nothing was evaluated, so such a run had no effect. */
static bool ends_at_end_of_input(const cx_state *cx)
{
    cx_error_info e;
    size_t n = cx_error_count(cx);
    return n > 0 && cx_error_get(cx, n - 1, &e) && e.kind == CX_ERRK_SYNTAX && e.at_end_of_input;
}

/* Every error is a syntax error at the ';' we added (alone on `line`) or at
 * the end: the statement still lacks something before its end. */
static bool stopped_at_added(const cx_state *cx, size_t line)
{
    size_t n = cx_error_count(cx);
    for (size_t i = 0; i < n; i++) {
        cx_error_info e;
        if (!cx_error_get(cx, i, &e) || e.kind != CX_ERRK_SYNTAX) return false;
        if (!e.at_end_of_input && !(e.line == line && e.col == 1)) return false;
    }
    return n > 0;
}

cx_cli_entry cx_cli_submit(cx_state *cx, const char *name, const char *text, size_t len,
                           cx_run_status *status)
{
    *status = cx_run_string(cx, name, text, len);
    if (!ends_at_end_of_input(cx)) return CX_CLI_ENTRY_DONE;

    /* Try again with the ';' the user may leave out.  It goes on a line of
     * its own so that a trailing comment cannot swallow it.  Trying even
     * when the text ends in ';' handles "x = 1 # note;". */
    size_t line = 2;
    for (size_t i = 0; i < len; i++) line += text[i] == '\n';
    char *with = malloc(len + 3);
    if (!with) return CX_CLI_ENTRY_DONE; /* the first run's errors stand */
    memcpy(with, text, len);
    memcpy(with + len, "\n;", 3);
    *status = cx_run_string(cx, name, with, len + 2);
    free(with);
    return stopped_at_added(cx, line) ? CX_CLI_ENTRY_INCOMPLETE : CX_CLI_ENTRY_DONE;
}
