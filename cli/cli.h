/* cli.h - what the files of the `cx` program share: the report (how output
 * records and errors reach the user: text, --quiet or --json), the JSON
 * writer, the REPL and its parts.  Private to cli/; libcx knows none of it. */
#ifndef CX_CLI_H
#define CX_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "cx.h"

/* ---- report.c: where records and errors go ------------------------------- */
typedef enum cx_cli_format {
    CX_CLI_TEXT, /* records on stdout, rendered errors on stderr */
    CX_CLI_JSON, /* one JSON document on stdout (docs/json.md); errors also on stderr */
    CX_CLI_CSV,  /* tables and series as CSV on stdout (csv.c); the rest on stderr */
} cx_cli_format;

typedef struct cx_cli_csv cx_cli_csv;

typedef struct cx_cli_report {
    cx_cli_format format;
    bool quiet;     /* only failed checks and errors */
    int digits;     /* significant digits of rounded numbers in JSON values (--digits) */
    bool color_out; /* ANSI colour for failed checks on stdout */
    FILE *text_out; /* where records go as text: stdout, or stderr with --csv */
    bool color_err; /* ANSI colour for errors on stderr */
    bool write_failed;
    /* JSON: outputs stream out as they come; errors are kept until the end
     * because the document lists them after the outputs. */
    size_t n_outputs;
    char *errors;
    size_t errors_len, errors_cap;
    size_t n_errors;
    cx_cli_csv *csv;       /* CSV: the series kept for the end */
    const char *chart_dir; /* --chart-svg DIR: each chart also as DIR/chart-N.svg */
    size_t n_charts;
    bool chart_failed; /* a chart file could not be written (said on stderr; exit 4) */
} cx_cli_report;

/* True when colour may be used on fd: a terminal, NO_COLOR unset, TERM not dumb. */
bool cx_cli_color_ok(int fd);
void cx_cli_report_init(cx_cli_report *r, cx_cli_format format, bool quiet);
/* Starts the document (JSON); nothing in text mode. */
void cx_cli_report_begin(cx_cli_report *r);
/* The cx_output_fn to install with cx_state_set_output; ud is the report. */
void cx_cli_report_output(void *ud, const cx_output *out);
/* Reports every error of the state's last run. */
void cx_cli_report_errors(cx_cli_report *r, const cx_state *cx);
/* An error the program found itself (standard input unreadable or too big):
 * `message` without "error: ", hint may be NULL. */
void cx_cli_report_error(cx_cli_report *r, cx_err_kind kind, const char *code, const char *file,
                         const char *message, const char *hint);
/* A REPL command's complaint (":digits takes a whole number ..."), on
 * stderr like every other error: "error: " then msg, a printf format with
 * one %s for arg. */
void cx_cli_complain(const cx_cli_report *r, const char *msg, const char *arg);
/* Ends the document with the check counts and the exit status (JSON) and
 * frees what the report holds. */
void cx_cli_report_end(cx_cli_report *r, const cx_state *cx, int status);

/* ---- options.c: option values, for main.c and knit.c -------------------- */
/* A whole decimal number in [lo, hi]. */
bool cx_cli_parse_long(const char *s, long lo, long hi, long *out);
/* A memory size: megabytes, or 512K, 64M, 2G, 1T; *mb in whole megabytes. */
bool cx_cli_parse_size_mb(const char *s, long *mb);
/* Seconds with up to three decimals and an optional 's'; *ms in ms. */
bool cx_cli_parse_seconds(const char *s, long *ms);

/* ---- json.c: a small JSON writer ------------------------------------------ */
/* Appends s as a JSON string literal (quotes included) to the growing buffer
 * *buf (malloc'ed, *len bytes used of *cap); NULL s gives `null`.  Bytes that
 * are not valid UTF-8 become U+FFFD so the document always parses.  False on
 * allocation failure (the buffer is left as it was). */
bool cx_cli_json_string(char **buf, size_t *len, size_t *cap, const char *s);
/* Appends raw text (punctuation, numbers, `true`); false on allocation failure. */
bool cx_cli_json_raw(char **buf, size_t *len, size_t *cap, const char *text);
/* Appends a cx value as docs/json.md describes ("Values"): a number as
 * {"text", "decimal", "num", "den", "approx"} with `digits` significant
 * digits where it must be rounded, a list as an array, a series as an
 * object of period -> number, a period as {"period": "2025Q3"}, a string,
 * a boolean; NULL as null.  False on allocation failure. */
bool cx_cli_json_value(char **buf, size_t *len, size_t *cap, const cx_value *v, int digits);

/* ---- csv.c: --csv ----------------------------------------------------------- */
/* NULL on allocation failure. */
cx_cli_csv *cx_cli_csv_new(void);
/* Writes a table record as a CSV block; false when the record carries no
 * values (then the caller shows its text). */
bool cx_cli_csv_table(cx_cli_csv *c, const cx_output *o, int digits);
/* Keeps a VALUE record whose value is a series for the end; false for any
 * other record. */
bool cx_cli_csv_keep_series(cx_cli_csv *c, const cx_output *o, int digits);
/* Writes the kept series, one block per frequency, and frees c; false when
 * writing or an allocation failed. */
bool cx_cli_csv_end(cx_cli_csv *c);

/* ---- submit.c: running one REPL entry --------------------------------------- */
typedef enum cx_cli_entry {
    CX_CLI_ENTRY_DONE,       /* ran (or failed); errors are in the state */
    CX_CLI_ENTRY_INCOMPLETE, /* the parser wants more input: read another line */
} cx_cli_entry;

/* Runs the `len` bytes of `text` (one entry, possibly several lines; a
 * whole script for -e and standard input) in cx, accepting a missing final
 * ';'.  INCOMPLETE when the parser stopped at the end of the input; then
 * nothing was evaluated.  *status gets the run's status when DONE. */
cx_cli_entry cx_cli_submit(cx_state *cx, const char *name, const char *text, size_t len,
                           cx_run_status *status);

/* ---- history.c ---------------------------------------------------------------- */
/* The history file: $XDG_STATE_HOME/cx/history, else ~/.local/state/cx/history,
 * its folder created (0700).  malloc'ed; NULL when there is no home or the
 * folder cannot be made (the REPL then keeps history for the session only). */
char *cx_cli_history_path(void);

/* ---- complete.c: Tab completion ---------------------------------------------- */
/* One candidate: the text that replaces the word, and what to add after it
 * when it is the only one ("(" after a built-in, " " after a keyword). */
typedef void (*cx_cli_candidate_fn)(void *ud, const char *candidate, const char *suffix);
/* Completes `line` (the text before the cursor): calls fn once for every
 * candidate for the word that ends the line and returns where that word
 * starts.  The word is a ':' command at the start of the line, a built-in
 * or a topic after ":help ", a file name after ":load " (folders end in '/'), and
 * otherwise a name defined in cx, a keyword or a built-in function. */
size_t cx_cli_complete(const cx_state *cx, const char *line, cx_cli_candidate_fn fn, void *ud);

/* ---- interrupt.c: Ctrl-C in the REPL and in script runs ------------------------ */
/* Installs the handler; without `restart` a Ctrl-C makes a blocked read
 * return (at the prompt), with it output is never cut short (evaluating). */
void cx_cli_sigint_install(bool restart);
/* Puts back the default action and forgets the state. */
void cx_cli_sigint_restore(void);
bool cx_cli_sigint_seen(void);
void cx_cli_sigint_clear(void);
/* Brackets an evaluation of `cx` that Ctrl-C should interrupt (entries, :load,
 * a run of scripts). */
void cx_cli_evaluating(cx_state *cx, bool on);

/* ---- repl.c / commands.c ------------------------------------------------------- */
typedef struct cx_cli_repl {
    cx_state *cx;   /* replaced by :reset */
    cx_options opt; /* to recreate the state */
    cx_cli_report *report;
    int digits; /* the current :digits */
    bool quit;  /* :quit was given */
} cx_cli_repl;

/* Runs the interactive session on the terminal until :quit or Ctrl-D; false
 * when it could not start (no memory, no line editor), after saying why.
 * main.c turns that into the exit status. */
bool cx_cli_repl_run(const cx_options *opt, cx_cli_report *report);
/* Runs one ':' command line (text starts at the ':'). */
void cx_cli_command(cx_cli_repl *r, const char *line);
/* The commands, for completion and :help: NULL-terminated ":name" strings. */
extern const char *const cx_cli_commands[];

/* ---- help.c, help_topics.c: :help ----------------------------------------------- */
/* One topic of the language for :help TOPIC.  help_topics.c holds the table. */
typedef struct cx_cli_help_topic {
    const char *name;        /* what :help takes, and what its overview lists: "check", "~" */
    const char *aliases;     /* other words that find it, separated by spaces */
    const char *synopsis;    /* the forms it takes; the first line shown */
    const char *text;        /* what it means; lines separated by '\n', each wrapped */
    const char *see_also;    /* topics and built-ins, separated by spaces */
    const char *example;     /* lines typed at a prompt of their own, shown with their output */
    bool example_needs_file; /* shown but not run (include) */
} cx_cli_help_topic;
/* The topics, in the order :help lists them; the last has a NULL name. */
extern const cx_cli_help_topic cx_cli_help_topics[];

/* :help ARG: the overview when ARG is empty; otherwise a built-in, a topic or a
 * command named ARG (ignoring case when nothing matches exactly), or an error
 * naming the nearest names. */
void cx_cli_help(cx_cli_repl *r, const char *arg);
/* The terminal's width in columns when standard output is one, else 80. */
size_t cx_cli_term_width(void);

#endif
