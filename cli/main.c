/* main.c - the `cx` program: parses the command line, runs scripts through
 * libcx (include/cx.h only) or starts the REPL on a terminal, hands records
 * and errors to the report (report.c), and chooses the exit status.  The
 * only code in cx that chooses the status or calls exit(). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "cx.h"
#include "knit.h"

enum {
    EXIT_OK = 0,
    EXIT_CHECK = 1,
    EXIT_SCRIPT = 2,
    EXIT_LIMIT = 3,
    EXIT_IO = 4,
    EXIT_USAGE = 64,
};

static const char usage_text[] =
    "usage: cx [options] FILE.cx...   run scripts (in one state, in order)\n"
    "       cx knit REPORT.md -o OUT.html|OUT.md|--check\n"
    "                                 knit a report: Markdown with cx in it\n"
    "                                 (cx knit --help, docs/knit.md)\n"
    "       cx [options] -e 'EXPR'    evaluate an expression or statements\n"
    "       cx [options] -            run the script on standard input\n"
    "       cx [options]              the REPL on a terminal; otherwise read\n"
    "                                 the script from standard input\n"
    "\n"
    "options:\n"
    "  -e, --eval EXPR   evaluate EXPR (the final ';' is optional)\n"
    "  --json            print the outputs, checks and errors as one JSON\n"
    "                    document on standard output (see docs/json.md)\n"
    "  --csv             write tables and series as CSV on standard output\n"
    "                    (plain decimals); everything else goes to standard error\n"
    "  -q, --quiet       print only failed checks and errors\n"
    "  --set NAME=VALUE  define NAME before the script runs, VALUE read as cx\n"
    "                    reads a literal: 8%, 4.8B, 1/3, 2025Q3, '\"text\"'\n"
    "                    (repeatable; the script may not define NAME itself)\n"
    "  --digits N        significant digits shown for rounded values (default 10)\n"
    "  --precision BITS  precision of approximate values (default 256)\n"
    "  --max-digits N    largest number, in decimal digits (default 1000000)\n"
    "  --max-nesting N   deepest expression nesting (default 256)\n"
    "  --max-depth N     deepest function call chain (default 1000)\n"
    "  --max-series N    most periods in a series or items in a list (default 1000000)\n"
    "  --max-includes N  deepest include nesting (default 64)\n"
    "  --max-source N    largest source file, in bytes (default 67108864)\n"
    "  --max-memory SIZE memory for numbers: MB, or 64M, 2G (default 1024)\n"
    "  --timeout SECONDS stop a run after this long (default: none; 0 = none)\n"
    "  --max-steps N     stop after N evaluation steps, the same on every machine\n"
    "                    (statements, loop items, calls; default: none)\n"
    "  --allow-read DIR  let includes read DIR too (repeatable); a script reads\n"
    "                    only its own folder and below by default\n"
    "  --chart-svg DIR   also write each chart as DIR/chart-N.svg (N = 1, 2, ...)\n"
    "  -h, --help        show this help\n"
    "  --version         show the version\n"
    "\n"
    "examples:\n"
    "  cx examples/thesis.cx               run a script; exit 1 if a check fails\n"
    "  cx -e '30_000 * 200k'               30_000 * 200k = 6,000,000,000\n"
    "  cx --digits 4 -e '1/3'              1/3 = 0.3333…\n"
    "  echo 'check 0.1 + 0.2 == 0.3' | cx  the last ';' is optional, as with -e\n"
    "  cx --quiet examples/thesis.cx       only the claims that fail\n"
    "  cx --json examples/thesis.cx | python3 -m json.tool\n"
    "  cx --set rate=8% --set years=10 model.cx   one script, many inputs\n"
    "  cx --csv model.cx > model.csv   its tables and series for a spreadsheet\n"
    "  cx                                  start the REPL (:help inside)\n"
    "\n"
    "Colour is used on a terminal only, never with NO_COLOR set or TERM=dumb.\n"
    "REPL history: $XDG_STATE_HOME/cx/history (default ~/.local/state/cx/history).\n"
    "\n"
    "exit status: 0 ok, 1 a check failed, 2 an error in the script,\n"
    "             3 a resource limit, 4 an I/O error, 64 bad usage\n";

/* GMP cannot continue after a failed allocation: say so and stop cleanly
 * (status 4) instead of letting GMP abort with a core dump. */
static void out_of_memory(size_t request)
{
    static const char msg[] = "cx: error: out of memory\n";
    (void)request;
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) _exit(EXIT_IO);
    _exit(EXIT_IO);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("cx: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'cx --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

static int exit_for(cx_run_status st)
{
    switch (st) {
    case CX_RUN_OK: return EXIT_OK;
    case CX_RUN_CHECK_FAILED: return EXIT_CHECK;
    case CX_RUN_ERROR: return EXIT_SCRIPT;
    case CX_RUN_LIMIT: return EXIT_LIMIT;
    case CX_RUN_IO: return EXIT_IO;
    }
    return EXIT_SCRIPT;
}

/* Reads all of standard input (bounded); NULL with errno on failure. */
static char *read_stdin(long max, size_t *len, bool *too_big)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    *too_big = false;
    while (buf) {
        if (n == cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) break;
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, stdin);
        n += got;
        if ((long)n > max) {
            *too_big = true;
            break;
        }
        if (got == 0) {
            if (ferror(stdin)) break;
            *len = n;
            return buf;
        }
    }
    free(buf);
    return NULL;
}

/* What the command line asked for. */
typedef struct request {
    cx_options opt;
    const char *expr;
    const char **files;
    size_t n_files;
    const char **allow_read; /* --allow-read folders */
    size_t n_allow_read;
    const char *chart_dir; /* --chart-svg DIR */
    const char **sets;     /* --set NAME=VALUE, in order */
    size_t n_sets;
    bool use_stdin, json, csv, quiet;
} request;

/* Fills *q from argv.  EXIT_OK to go on; -1 when --help or --version has
 * answered; otherwise the status to leave with (the usage error is printed). */
static int parse_args(int argc, char **argv, request *q)
{
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            if (strcmp(a, "-") == 0 && !only_files) q->use_stdin = true;
            else q->files[q->n_files++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? -1 : EXIT_IO;
        }
        if (strcmp(a, "--version") == 0) {
            printf("cx %s\n", CX_VERSION);
            return fflush(stdout) == 0 && !ferror(stdout) ? -1 : EXIT_IO;
        }
        if (strcmp(a, "--json") == 0) {
            q->json = true;
            continue;
        }
        if (strcmp(a, "--csv") == 0) {
            q->csv = true;
            continue;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            q->quiet = true;
            continue;
        }
        /* Options with a value: "--opt VALUE" or "--opt=VALUE". */
        const char *name = a, *val = NULL;
        char namebuf[64];
        const char *eq = strchr(a, '=');
        if (eq && a[1] == '-' && (size_t)(eq - a) < sizeof namebuf) {
            memcpy(namebuf, a, (size_t)(eq - a));
            namebuf[eq - a] = '\0';
            name = namebuf;
            val = eq + 1;
        }
        struct {
            const char *name;
            long lo, hi;
            int kind; /* 0 long, 1 int, 2 long long */
            void *dst;
        } nums[] = {
            {"--digits", 1, 1000, 1, &q->opt.digits},
            {"--precision", 16, 1000000, 0, &q->opt.precision_bits},
            {"--max-digits", 1, 1000000000L, 0, &q->opt.max_result_digits},
            {"--max-nesting", 1, 100000, 1, &q->opt.max_nesting},
            {"--max-depth", 1, 100000, 1, &q->opt.max_call_depth},
            {"--max-series", 1, 1000000000L, 0, &q->opt.max_series},
            {"--max-includes", 1, 10000, 1, &q->opt.max_include_depth},
            {"--max-source", 1, 2147483647L, 0, &q->opt.max_source_bytes},
            {"--max-steps", 0, LONG_MAX, 2, &q->opt.max_steps},
        };
        bool known = false;
        if (strcmp(name, "--set") == 0) {
            if (!val) {
                if (i + 1 >= argc) return usage_error("option '%s' needs NAME=VALUE", a);
                val = argv[++i];
            }
            if (!strchr(val, '=') || val[0] == '=')
                return usage_error("--set needs NAME=VALUE, got '%s'", val);
            q->sets[q->n_sets++] = val;
            continue;
        }
        /* Options whose value is not a plain number. */
        if (strcmp(name, "--allow-read") == 0 || strcmp(name, "--timeout") == 0 ||
            strcmp(name, "--max-memory") == 0 || strcmp(name, "--chart-svg") == 0) {
            if (!val) {
                if (i + 1 >= argc) return usage_error("option '%s' needs a value", name);
                val = argv[++i];
            }
            if (strcmp(name, "--allow-read") == 0) {
                q->allow_read[q->n_allow_read++] = val;
            } else if (strcmp(name, "--chart-svg") == 0) {
                q->chart_dir = val;
            } else if (strcmp(name, "--timeout") == 0) {
                if (!cx_cli_parse_seconds(val, &q->opt.timeout_ms)) {
                    fprintf(stderr,
                            "cx: invalid value '%s' for --timeout (seconds, such as 5 or "
                            "0.5; 0 for none)\n",
                            val);
                    fputs("Try 'cx --help' for more information.\n", stderr);
                    return EXIT_USAGE;
                }
            } else if (!cx_cli_parse_size_mb(val, &q->opt.max_memory_mb)) {
                fprintf(stderr,
                        "cx: invalid value '%s' for --max-memory (megabytes, or a size "
                        "such as 64M or 2G, up to 1T)\n",
                        val);
                fputs("Try 'cx --help' for more information.\n", stderr);
                return EXIT_USAGE;
            }
            continue;
        }
        if (strcmp(name, "-e") == 0 || strcmp(name, "--eval") == 0) {
            if (!val) {
                if (i + 1 >= argc) return usage_error("option '%s' needs an expression", a);
                val = argv[++i];
            }
            if (q->expr) return usage_error("%s", "only one -e expression may be given");
            q->expr = val;
            continue;
        }
        for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++) {
            if (strcmp(name, nums[k].name) != 0) continue;
            known = true;
            if (!val) {
                if (i + 1 >= argc) return usage_error("option '%s' needs a value", name);
                val = argv[++i];
            }
            long v;
            if (!cx_cli_parse_long(val, nums[k].lo, nums[k].hi, &v)) {
                fprintf(stderr, "cx: invalid value '%s' for %s (a whole number from %ld to %ld)\n",
                        val, nums[k].name, nums[k].lo, nums[k].hi);
                fputs("Try 'cx --help' for more information.\n", stderr);
                return EXIT_USAGE;
            }
            if (nums[k].kind == 1) *(int *)nums[k].dst = (int)v;
            else if (nums[k].kind == 2) *(long long *)nums[k].dst = v;
            else *(long *)nums[k].dst = v;
        }
        if (!known) return usage_error("unknown option '%s'", a);
    }
    return EXIT_OK;
}

/* -e and standard input: the final ';' is optional, as at the REPL prompt
 * (submit.c decides).  When the text is still incomplete it runs once more
 * as given, so the error points at the end of what the user wrote. */
static int run_text(cx_state *cx, const char *name, const char *text, size_t len)
{
    cx_run_status st;
    if (cx_cli_submit(cx, name, text, len, &st) == CX_CLI_ENTRY_INCOMPLETE)
        st = cx_run_string(cx, name, text, len);
    return exit_for(st);
}

static int run_stdin(cx_state *cx, cx_cli_report *r, long max)
{
    size_t len = 0;
    bool too_big;
    char *text = read_stdin(max, &len, &too_big);
    if (!text) {
        char msg[160];
        if (too_big) {
            snprintf(msg, sizeof msg, "standard input is larger than %ld bytes", max);
            cx_cli_report_error(r, CX_ERRK_LIMIT, "limit-source-size", "<stdin>", msg,
                                "the limit is set with --max-source BYTES");
            return EXIT_LIMIT;
        }
        snprintf(msg, sizeof msg, "cannot read standard input: %s", strerror(errno));
        cx_cli_report_error(r, CX_ERRK_IO, "io-read", "<stdin>", msg, NULL);
        return EXIT_IO;
    }
    int status = run_text(cx, "<stdin>", text, len);
    free(text);
    cx_cli_report_errors(r, cx);
    return status;
}

/* Defines the --set inputs in order; the status of the first that fails,
 * after reporting its errors. */
static int define_inputs(cx_state *cx, const request *q, cx_cli_report *r)
{
    for (size_t i = 0; i < q->n_sets; i++) {
        const char *eq = strchr(q->sets[i], '=');
        size_t n = (size_t)(eq - q->sets[i]);
        char *name = malloc(n + 1);
        if (!name) return EXIT_IO;
        memcpy(name, q->sets[i], n);
        name[n] = '\0';
        int st = exit_for(cx_define(cx, name, eq + 1));
        free(name);
        if (st != EXIT_OK) {
            cx_cli_report_errors(r, cx);
            return st;
        }
    }
    return EXIT_OK;
}

/* Runs the scripts the request names; returns the exit status. */
static int run_scripts(const request *q)
{
    cx_cli_report report;
    cx_cli_report_init(&report,
                       q->json  ? CX_CLI_JSON
                       : q->csv ? CX_CLI_CSV
                                : CX_CLI_TEXT,
                       q->quiet);
    report.digits = q->opt.digits;
    report.chart_dir = q->chart_dir;
    /* Script files: the state is freed after them.  Text from -e or stdin
     * may run again with the ';' left out (submit.c), in the same state. */
    cx_options opt = q->opt;
    opt.single_run = !q->expr && !q->use_stdin;
    cx_state *cx = cx_state_new(&opt);
    if (!cx) {
        fputs("cx: error: out of memory\n", stderr);
        return EXIT_IO;
    }
    cx_state_set_output(cx, cx_cli_report_output, &report);
    for (size_t i = 0; i < q->n_allow_read; i++)
        if (!cx_state_allow_read(cx, q->allow_read[i])) {
            bool nomem = errno == ENOMEM;
            if (nomem) fputs("cx: error: out of memory\n", stderr);
            else fprintf(stderr, "cx: error: --allow-read %s: not a folder\n", q->allow_read[i]);
            cx_state_free(cx);
            return nomem ? EXIT_IO : EXIT_USAGE;
        }
    cx_cli_report_begin(&report);

    /* Ctrl-C stops the script where it is, and the output it has made so
     * far (held until the parse ends: a script file is parsed once) still
     * goes out, then the error; a second Ctrl-C ends the program. */
    cx_cli_sigint_install(true);
    cx_cli_evaluating(cx, true);
    int status = define_inputs(cx, q, &report);
    if (status != EXIT_OK) {
        /* A bad input runs nothing. */
    } else if (q->expr) {
        status = run_text(cx, "<-e>", q->expr, strlen(q->expr));
        cx_cli_report_errors(&report, cx);
    } else if (q->use_stdin) {
        status = run_stdin(cx, &report, q->opt.max_source_bytes);
    } else {
        /* Several files run in one state, in order; the first error stops. */
        for (size_t i = 0; i < q->n_files; i++) {
            int st = exit_for(cx_run_file(cx, q->files[i]));
            cx_cli_report_errors(&report, cx);
            if (st > status) status = st;
            if (st >= EXIT_SCRIPT) break;
        }
    }
    cx_cli_evaluating(cx, false);
    cx_cli_sigint_restore();
    if (report.write_failed || report.chart_failed) status = EXIT_IO;
    cx_cli_report_end(&report, cx, status);
    cx_state_free(cx);
    if (fflush(stdout) != 0 || ferror(stdout) || report.write_failed) {
        fprintf(stderr, "cx: error: cannot write output: %s\n", strerror(errno ? errno : EIO));
        return EXIT_IO;
    }
    return status;
}

/* Everything after the allocations main() makes: the command line, then the
 * REPL or the scripts.  Returns the exit status. */
static int run(int argc, char **argv, request *q)
{
    cx_options_default(&q->opt);
    q->opt.timeout_ms = 0; /* a person's script may run long: Ctrl-C stops it */
    int status = parse_args(argc, argv, q);
    if (status != EXIT_OK) return status < 0 ? EXIT_OK : status;

    bool repl = false;
    if (q->json && q->csv) return usage_error("%s", "give either --json or --csv, not both");
    int sources = (q->expr != NULL) + (q->use_stdin ? 1 : 0) + (q->n_files > 0);
    if (sources > 1)
        return usage_error("%s", "give either files, -e EXPR or - (standard input), not several");
    if (sources == 0) {
        /* A terminal gets the REPL; `echo '2+2;' | cx` runs the piped script. */
        repl = isatty(STDIN_FILENO);
        q->use_stdin = !repl;
        if (repl && (q->json || q->csv || q->n_sets))
            return usage_error("%s needs a script: FILE, -e EXPR or -", q->json  ? "--json"
                                                                        : q->csv ? "--csv"
                                                                                 : "--set");
    }

    /* A closed pipe must be an error we report, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    cx_set_out_of_memory_handler(out_of_memory);

    if (!repl) return run_scripts(q);
    cx_cli_report report;
    cx_cli_report_init(&report, CX_CLI_TEXT, q->quiet);
    status = cx_cli_repl_run(&q->opt, &report) ? EXIT_OK : EXIT_IO;
    cx_cli_report_end(&report, NULL, status);
    if (status == EXIT_OK && (fflush(stdout) != 0 || report.write_failed)) status = EXIT_IO;
    return status;
}

int main(int argc, char **argv)
{
    request q = {.files = calloc((size_t)argc, sizeof *q.files),
                 .allow_read = calloc((size_t)argc, sizeof *q.allow_read),
                 .sets = calloc((size_t)argc, sizeof *q.sets)};
    int status;
    if (argc > 1 && strcmp(argv[1], "knit") == 0) {
        free(q.files);
        free(q.allow_read);
        free(q.sets);
        signal(SIGPIPE, SIG_IGN);
        cx_set_out_of_memory_handler(out_of_memory);
        return cx_cli_knit(argc - 1, argv + 1);
    }
    if (q.files && q.sets && q.allow_read) status = run(argc, argv, &q);
    else {
        fputs("cx: error: out of memory\n", stderr);
        status = EXIT_IO;
    }
    free(q.files);
    free(q.allow_read);
    free(q.sets);
    return status;
}
