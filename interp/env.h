/* env.h - names and what they are bound to.  Global bindings keep the span
 * that defined them (for the redefinition error, which points at both
 * places) and their order of definition (for the REPL's :vars).  Local
 * bindings (function parameters, comprehension variables, `t` in a
 * recurrence) live on a small stack searched before the globals. */
#ifndef CX_ENV_H
#define CX_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include "../lang/ast.h"
#include "../runtime/error.h"
#include "../runtime/value.h"

/* How a figure was written, when a name or a period was bound directly to a
 * literal (`claimed = 100B;`, `capex 2025 = 125B;`): a check `A ~ claimed`
 * then holds the claim to that written precision and shows it in the same
 * form (61.0% stays a percentage). */
typedef struct cx_figure {
    int64_t quantum10; /* the written precision is 10^quantum10 */
    char suffix;       /* the literal's suffix: 0, 'k', 'M', 'B', 'T', '%', 'b' (bp), 'p' (pp) */
    bool written;      /* false: a computed value, no written precision */
    bool fact;         /* bound to a constant (no names): a scenario may set it */
} cx_figure;

/* Where a run of consecutive periods of a series was defined (for
 * redefinition notes) and how: a range assignment over 100,000 days is one
 * note, not 100,000. */
typedef struct cx_period_note {
    int64_t ord;   /* the first period of the run */
    int64_t count; /* periods ord, ord + 1, ..., ord + count - 1 */
    cx_span span;
    cx_figure figure;
} cx_period_note;

/* A period of a series bound to a bound (`capex 2026 = 150B ± 10B`): kept
 * beside the series, which holds numbers only, so no built-in ever reads a
 * range as one number (bounded.h). */
typedef struct cx_bound_period {
    int64_t ord;
    cx_value value; /* a CX_VAL_BOUND, with its unit */
} cx_bound_period;

/* One allocation per binding, its name inside it: a script of 30,000
 * assignments holds 30,000 of these. */
typedef struct cx_binding {
    const char *name; /* points at name_buf */
    cx_value value;
    cx_span span;     /* where it was (first) defined */
    cx_figure figure; /* a whole value bound to a literal */
    /* series only, in the order set; a period set again in the REPL appends.
     * n_periods counts the notes (runs), not the periods. */
    cx_period_note *period_notes;
    uint32_t n_periods, cap_periods; /* 32-bit: a binding is 16 bytes smaller */
    cx_bound_period *bound_periods;  /* series only: its periods that are bounds */
    uint32_t n_bound_periods, cap_bound_periods;
    char name_buf[];
} cx_binding;

typedef struct cx_local {
    const char *name; /* borrowed from the AST */
    cx_value value;
} cx_local;

typedef struct cx_env {
    cx_binding **globals; /* in definition order */
    size_t n_globals, cap_globals;
    uint32_t *index;  /* open-addressing hash: slot -> global index + 1, 0 = empty */
    size_t index_cap; /* power of two */
    cx_local *locals;
    size_t n_locals, cap_locals;
    size_t frame_base;   /* locals below this belong to callers and are invisible */
    uint64_t generation; /* changes whenever a global is defined or changed (memo.h) */
} cx_env;

void cx_env_init(cx_env *e);
void cx_env_free(cx_env *e);

/* The global binding of name, or NULL. */
cx_binding *cx_env_global(const cx_env *e, const char *name);
/* Adds a global binding with an empty value; NULL on allocation failure.
 * The caller has checked that the name is not bound. */
cx_binding *cx_env_define(cx_env *e, const char *name, cx_span span);
/* Records where a period of a series binding was defined and how. */
bool cx_binding_note_period(cx_binding *b, int64_t ord, cx_span span, cx_figure fig);
cx_span cx_binding_period_span(const cx_binding *b, int64_t ord);
/* How period `ord` was last written; a figure with written = false when it
 * was computed or never set. */
cx_figure cx_binding_period_figure(const cx_binding *b, int64_t ord);

/* The bound at period ord of series binding b, or NULL. */
const cx_value *cx_binding_bound_period(const cx_binding *b, int64_t ord);
/* Sets period ord to the bound v (copied), or removes it (v NULL); false on
 * allocation failure. */
bool cx_binding_set_bound_period(cx_binding *b, int64_t ord, const cx_value *v);
/* Drops every bounded period (a REPL redefinition). */
void cx_binding_clear_bound_periods(cx_binding *b);

/* How a value node was written (`claimed = 100B;`, `capex 2025 = -4.8B;`). */
cx_figure cx_written_figure(const cx_ast *n);

/* The innermost visible local named name, or NULL. */
cx_value *cx_env_local(cx_env *e, const char *name);
/* Pushes a local (moves v in); false on allocation failure. */
bool cx_env_push_local(cx_env *e, const char *name, cx_value *v);
/* Pops locals down to `mark` (a previous n_locals), clearing their values. */
void cx_env_pop_locals(cx_env *e, size_t mark);

#endif
