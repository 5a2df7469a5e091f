/* helpers.c - runs cx source for unit tests and collects its outputs. */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

static void collect(void *ud, const cx_output *o)
{
    char **out = ud;
    size_t old = *out ? strlen(*out) : 0, add = strlen(o->text);
    char *s = realloc(*out, old + add + 2);
    if (!s) return;
    memcpy(s + old, o->text, add);
    s[old + add] = '\n';
    s[old + add + 1] = '\0';
    *out = s;
}

run_result run_cx(const char *src, bool repl)
{
    cx_options o;
    cx_options_default(&o);
    o.repl = repl;
    cx_state *cx = cx_state_new(&o);
    run_result r = {0};
    r.out = calloc(1, 1);
    cx_state_set_output(cx, collect, &r.out);
    r.status = cx_run_string(cx, "t.cx", src, strlen(src));
    r.n_errors = cx_error_count(cx);
    if (r.n_errors) r.error = cx_error_render(cx, 0, false);
    cx_state_free(cx);
    return r;
}

void run_result_free(run_result *r)
{
    free(r->out);
    free(r->error);
}
