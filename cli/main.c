/* main.c - the `cx` program: parses the command line, runs scripts through
 * libcx (include/cx.h only) or starts the REPL on a terminal, hands records
 * and errors to the report (report.c), and chooses the exit status.  The
 * only code in cx that chooses the status or calls exit(). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "cx.h"

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
    "       cx [options] -e 'EXPR'    evaluate an expression or statements\n"
    "       cx [options] -            run the script on standard input\n"
    "       cx [options]              the REPL on a terminal; otherwise read\n"
    "                                 the script from standard input\n"
    "\n"
    "options:\n"
    "  -e, --eval EXPR   evaluate EXPR (the final ';' is optional)\n"
    "  --json            print the outputs, checks and errors as one JSON\n"
    "                    document on standard output (see docs/json.md)\n"
    "  -q, --quiet       print only failed checks and errors\n"
    "  --digits N        significant digits shown for rounded values (default 10)\n"
    "  --precision BITS  precision of approximate values (default 256)\n"
    "  --max-digits N    largest number, in decimal digits (default 1000000)\n"
    "  --max-nesting N   deepest expression nesting (default 256)\n"
    "  --max-depth N     deepest function call chain (default 1000)\n"
    "  --max-series N    most periods in a series or items in a list (default 1000000)\n"
    "  --max-includes N  deepest include nesting (default 64)\n"
    "  --max-source N    largest source file, in bytes (default 67108864)\n"
    "  --max-memory MB   memory for numbers (default 1024)\n"
    "  -h, --help        show this help\n"
    "  --version         show the version\n"
    "\n"
    "examples:\n"
    "  cx examples/thesis.cx               run a script; exit 1 if a check fails\n"
    "  cx -e '30_000 * 200k'               30_000 * 200k = 6,000,000,000\n"
    "  cx --digits 4 -e '1/3'              1/3 = 0.3333…\n"
    "  echo 'check 0.1 + 0.2 == 0.3;' | cx\n"
    "  cx --quiet examples/thesis.cx       only the claims that fail\n"
    "  cx --json examples/thesis.cx | python3 -m json.tool\n"
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

/* A whole decimal number in [lo, hi], or false. */
static bool parse_long(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s) return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi) return false;
    *out = v;
    return true;
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
    bool use_stdin, json, quiet;
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
            int kind; /* 0 long, 1 int */
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
            {"--max-memory", 1, 1048576L, 0, &q->opt.max_memory_mb},
        };
        bool known = false;
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
            if (!parse_long(val, nums[k].lo, nums[k].hi, &v)) {
                fprintf(stderr, "cx: invalid value '%s' for %s (a whole number from %ld to %ld)\n",
                        val, nums[k].name, nums[k].lo, nums[k].hi);
                fputs("Try 'cx --help' for more information.\n", stderr);
                return EXIT_USAGE;
            }
            if (nums[k].kind == 1) *(int *)nums[k].dst = (int)v;
            else *(long *)nums[k].dst = v;
        }
        if (!known) return usage_error("unknown option '%s'", a);
    }
    return EXIT_OK;
}

/* -e: the final ';' is optional, as at the REPL prompt (submit.c decides).
 * When the text is still incomplete it runs once more as given, so the error
 * points at the end of what the user wrote. */
static int run_expr(cx_state *cx, const char *expr)
{
    cx_run_status st;
    if (cx_cli_submit(cx, "<-e>", expr, &st) == CX_CLI_ENTRY_INCOMPLETE)
        st = cx_run_string(cx, "<-e>", expr, strlen(expr));
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
    int status = exit_for(cx_run_string(cx, "<stdin>", text, len));
    free(text);
    cx_cli_report_errors(r, cx);
    return status;
}

/* Runs the scripts the request names; returns the exit status. */
static int run_scripts(const request *q)
{
    cx_cli_report report;
    cx_cli_report_init(&report, q->json ? CX_CLI_JSON : CX_CLI_TEXT, q->quiet);
    cx_state *cx = cx_state_new(&q->opt);
    if (!cx) {
        fputs("cx: error: out of memory\n", stderr);
        return EXIT_IO;
    }
    cx_state_set_output(cx, cx_cli_report_output, &report);
    cx_cli_report_begin(&report);

    int status = EXIT_OK;
    if (q->expr) {
        status = run_expr(cx, q->expr);
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
    if (report.write_failed) status = EXIT_IO;
    cx_cli_report_end(&report, cx, status);
    cx_state_free(cx);
    if (fflush(stdout) != 0 || ferror(stdout) || report.write_failed) {
        fprintf(stderr, "cx: error: cannot write output: %s\n", strerror(errno ? errno : EIO));
        return EXIT_IO;
    }
    return status;
}

int main(int argc, char **argv)
{
    request q = {.files = calloc((size_t)argc, sizeof *q.files)};
    if (!q.files) {
        fputs("cx: error: out of memory\n", stderr);
        return EXIT_IO;
    }
    cx_options_default(&q.opt);
    int status = parse_args(argc, argv, &q);
    if (status != EXIT_OK) {
        free(q.files);
        return status < 0 ? EXIT_OK : status;
    }

    bool repl = false;
    int sources = (q.expr != NULL) + (q.use_stdin ? 1 : 0) + (q.n_files > 0);
    if (sources > 1) {
        free(q.files);
        return usage_error("%s", "give either files, -e EXPR or - (standard input), not several");
    }
    if (sources == 0) {
        /* A terminal gets the REPL; `echo '2+2;' | cx` runs the piped script. */
        repl = isatty(STDIN_FILENO);
        q.use_stdin = !repl;
        if (repl && q.json) {
            free(q.files);
            return usage_error("%s", "--json needs a script: FILE, -e EXPR or -");
        }
    }

    /* A closed pipe must be an error we report, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    cx_set_out_of_memory_handler(out_of_memory);

    if (repl) {
        cx_cli_report report;
        cx_cli_report_init(&report, CX_CLI_TEXT, q.quiet);
        status = cx_cli_repl_run(&q.opt, &report) ? EXIT_OK : EXIT_IO;
        cx_cli_report_end(&report, NULL, status);
        if (status == EXIT_OK && (fflush(stdout) != 0 || report.write_failed)) status = EXIT_IO;
    } else {
        status = run_scripts(&q);
    }
    free(q.files);
    return status;
}
