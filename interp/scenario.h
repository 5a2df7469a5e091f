/* scenario.h - scenarios: `scenario bear: growth = 3%, margin = 20%;` sets
 * facts (names and series periods bound to constants) to other constants,
 * `table scenarios: ...` shows expressions in each scenario beside the
 * base, and `check ... in all scenarios;` decides a claim in each.
 *
 * A scenario's values come from running the script again from its start,
 * with the scenario's facts in place of the written ones, up to the
 * statement that asks: cx binds names eagerly, so re-running is the one
 * way every derived name sees the changed facts, and a re-run is as exact
 * and reproducible as the first run.  The re-run happens in the same state
 * with the names, remembered calls, includes and output set aside, and
 * runs only the statements that bind (assignments, fn, include, source);
 * checks, tables, charts and values are not re-run.  To re-run, the state
 * logs what it has run: each top-level source (a file, a REPL line, a
 * report region) or host input, with the numbers of the statements it
 * started. */
#ifndef CX_SCENARIO_H
#define CX_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>
#include "../lang/ast.h"
#include "../runtime/value.h"
#include "env.h"

struct cx_state;
struct cx_eval;

typedef struct cx_override {
    char *name;
    bool at; /* a period of a series (`capex 2026 = 140B`) */
    cx_period period;
    cx_value value;
    cx_figure figure; /* how the scenario wrote it */
    cx_span span;
} cx_override;

typedef struct cx_scenario {
    char *name;
    cx_span span; /* the scenario statement */
    cx_override *ov;
    size_t n, cap_ov;
} cx_scenario;

/* A top-level run, in order: a source, or an input a host defined. */
typedef struct cx_run_entry {
    uint32_t src;
    char *input;                 /* cx_define's name; NULL for a source */
    uint64_t seq_begin, seq_end; /* statements it started; seq_end UINT64_MAX while it runs */
} cx_run_entry;

/* A re-run in progress (scenario_run.c). */
typedef struct cx_replay {
    const cx_scenario *sc; /* NULL: the script as written */
    uint64_t stop;         /* the asking statement: reaching it ends the re-run */
    uint64_t end;          /* the end of the run being re-run */
    bool reached;
} cx_replay;

typedef struct cx_scenarios {
    cx_scenario *items;
    size_t n, cap;
    cx_run_entry *runs;
    size_t n_runs, cap_runs;
    uint64_t *failed; /* statements that failed (the REPL goes on after one) */
    size_t n_failed, cap_failed;
    uint64_t seq;      /* statements started so far */
    uint64_t current;  /* the number of the statement running now */
    uint64_t reruns;   /* statements run again for scenarios in this top-level run */
    unsigned depth;    /* runs in progress: 1 inside a top-level run */
    cx_replay *replay; /* non-NULL while the script runs again for a scenario */
    const char *label; /* the scenario a check is being decided in, or NULL */
} cx_scenarios;

void cx_scenarios_init(cx_scenarios *s);
void cx_scenarios_free(cx_scenarios *s);

/* Around a run of source `src` (state.c, report.c): a top-level run is
 * logged.  begin returns false when memory ran out. */
bool cx_scenarios_run_begin(struct cx_state *st, uint32_t src);
void cx_scenarios_run_end(struct cx_state *st);
/* An input a host defined (cx_define); false when memory ran out. */
bool cx_scenarios_log_input(struct cx_state *st, const char *name);

typedef enum cx_stmt_gate { CX_GATE_RUN, CX_GATE_SKIP, CX_GATE_STOP } cx_stmt_gate;
/* Numbers the statement about to run; while re-running for a scenario,
 * says whether to run it, skip it, or stop (the asking statement is
 * reached, or the run being re-run ended there). */
cx_stmt_gate cx_scenario_gate(struct cx_state *st, const cx_ast *n);
/* Whether running the script again `times` times up to the statement
 * running now stays within the re-run limit (an error at `at` when it would
 * not): checked before the re-runs start, so a script past the limit stops
 * at once. */
bool cx_scenario_can_rerun(struct cx_state *st, cx_span at, uint64_t times);
void cx_scenario_too_many_reruns(struct cx_state *st, cx_span at);
/* The statement just gated failed (kept so a re-run skips it too). */
void cx_scenario_failed(struct cx_state *st);

/* While re-running for a scenario: when the scenario sets `name` (or its
 * period p, when p is not NULL), replaces *v and *fig by its value. */
void cx_scenario_override(struct cx_state *st, const char *name, const cx_period *p, cx_value *v,
                          cx_figure *fig);

cx_status cx_exec_scenario(struct cx_eval *E, const cx_ast *n);
cx_status cx_exec_scenario_table(struct cx_eval *E, const cx_ast *n);
/* `tornado EXPR over a, b;`: EXPR with each bounded input at its low and
 * high end and the others at their middle, sorted by swing, and whether
 * the inputs interact (the swings against the joint range). */
cx_status cx_exec_tornado(struct cx_eval *E, const cx_ast *n);
/* A claim over bounds left UNDECIDED (`l op r`, shown as ls and rs): the
 * script runs again with the inputs' ranges split in halves, up to 64
 * times, until every part passes or fails; *word, *detail and *passed
 * change when that settles it.  Inputs not bound to a name cannot be set
 * again: the verdict then stays. */
cx_status cx_bounded_split(struct cx_eval *E, const cx_ast *claim, const cx_value *l,
                           const cx_value *r, const char *ls, const char *rs, const char **word,
                           char **detail, bool *passed);
/* `check ... in all scenarios;`: the check in the base and in each
 * scenario, one verdict each (check.c decides them). */
cx_status cx_check_all_scenarios(struct cx_eval *E, const cx_ast *n);

#endif
