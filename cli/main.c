/* main.c - the `cx` program: parses the command line, runs scripts through
 * libcx (include/cx.h only), prints output records to stdout and rendered
 * errors to stderr, and chooses the exit status.  The only code in cx that
 * calls exit(). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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
    "usage: cx [options] FILE.cx...   run scripts\n"
    "       cx [options] -e 'EXPR'    evaluate an expression or statements\n"
    "       cx [options] -            run the script on standard input\n"
    "\n"
    "options:\n"
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
    "  cx examples/thesis.cx\n"
    "  cx -e '30_000 * 200k'\n"
    "  echo 'check 0.1 + 0.2 == 0.3;' | cx -\n"
    "\n"
    "exit status: 0 ok, 1 a check failed, 2 an error in the script,\n"
    "             3 a resource limit, 4 an I/O error, 64 bad usage\n";

static bool write_failed;

static void on_output(void *ud, const cx_output *out)
{
    (void)ud;
    if (fputs(out->text, stdout) == EOF || putchar('\n') == EOF) write_failed = true;
}

/* GMP cannot continue after a failed allocation: say so and stop cleanly
 * (status 4) instead of letting GMP abort with a core dump. */
static void out_of_memory(size_t request)
{
    static const char msg[] = "cx: error: out of memory\n";
    (void)request;
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) _exit(EXIT_IO);
    _exit(EXIT_IO);
}

static bool use_color(void)
{
    const char *term = getenv("TERM");
    return isatty(STDERR_FILENO) && !getenv("NO_COLOR") && !(term && strcmp(term, "dumb") == 0);
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

static void print_errors(cx_state *cx)
{
    bool color = use_color();
    for (size_t i = 0; i < cx_error_count(cx); i++) {
        char *msg = cx_error_render(cx, i, color);
        if (msg) fputs(msg, stderr);
        free(msg);
    }
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

int main(int argc, char **argv)
{
    cx_options opt;
    cx_options_default(&opt);
    const char *expr = NULL;
    const char **files = calloc((size_t)argc, sizeof *files);
    size_t n_files = 0;
    bool use_stdin = false, only_files = false;
    if (!files) return EXIT_IO;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            if (strcmp(a, "-") == 0 && !only_files) use_stdin = true;
            else files[n_files++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            free(files);
            return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_IO;
        }
        if (strcmp(a, "--version") == 0) {
            printf("cx %s\n", CX_VERSION);
            free(files);
            return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_IO;
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
            {"--digits", 1, 1000, 1, &opt.digits},
            {"--precision", 16, 1000000, 0, &opt.precision_bits},
            {"--max-digits", 1, 1000000000L, 0, &opt.max_result_digits},
            {"--max-nesting", 1, 100000, 1, &opt.max_nesting},
            {"--max-depth", 1, 100000, 1, &opt.max_call_depth},
            {"--max-series", 1, 1000000000L, 0, &opt.max_series},
            {"--max-includes", 1, 10000, 1, &opt.max_include_depth},
            {"--max-source", 1, 2147483647L, 0, &opt.max_source_bytes},
            {"--max-memory", 1, 1048576L, 0, &opt.max_memory_mb},
        };
        bool known = false;
        if (strcmp(name, "-e") == 0 || strcmp(name, "--eval") == 0) {
            if (!val) {
                if (i + 1 >= argc) return usage_error("option '%s' needs an expression", a);
                val = argv[++i];
            }
            if (expr) return usage_error("%s", "only one -e expression may be given");
            expr = val;
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

    int sources = (expr != NULL) + (use_stdin ? 1 : 0) + (n_files > 0);
    if (sources == 0) {
        if (isatty(STDIN_FILENO)) {
            fputs(usage_text, stderr);
            free(files);
            return EXIT_USAGE;
        }
        use_stdin = true; /* `echo '2+2;' | cx` runs the piped script */
    } else if (sources > 1) {
        free(files);
        return usage_error("%s", "give either files, -e EXPR or - (standard input), not several");
    }

    /* A closed pipe must be an error we report, not a silent death. */
    signal(SIGPIPE, SIG_IGN);

    cx_set_out_of_memory_handler(out_of_memory);
    cx_state *cx = cx_state_new(&opt);
    if (!cx) {
        fputs("cx: error: out of memory\n", stderr);
        free(files);
        return EXIT_IO;
    }
    cx_state_set_output(cx, on_output, NULL);

    int status = EXIT_OK;
    if (expr) {
        /* The final ';' is optional on the command line. */
        size_t len = strlen(expr), end = len;
        while (end && strchr(" \t\r\n", expr[end - 1])) end--;
        char *text = malloc(len + 2);
        if (!text) return EXIT_IO;
        memcpy(text, expr, len);
        if (end && expr[end - 1] != ';') text[len++] = ';';
        text[len] = '\0';
        status = exit_for(cx_run_string(cx, "<-e>", text, len));
        free(text);
        print_errors(cx);
    } else if (use_stdin) {
        size_t len = 0;
        bool too_big;
        char *text = read_stdin(opt.max_source_bytes, &len, &too_big);
        if (!text) {
            if (too_big)
                fprintf(stderr, "cx: error: standard input is larger than %ld bytes\n"
                                "hint: the limit is set with --max-source BYTES\n",
                        opt.max_source_bytes);
            else fprintf(stderr, "cx: error: cannot read standard input: %s\n", strerror(errno));
            status = too_big ? EXIT_LIMIT : EXIT_IO;
        } else {
            status = exit_for(cx_run_string(cx, "<stdin>", text, len));
            free(text);
            print_errors(cx);
        }
    } else {
        /* Several files run in one state, in order; the first error stops. */
        for (size_t i = 0; i < n_files; i++) {
            int st = exit_for(cx_run_file(cx, files[i]));
            print_errors(cx);
            if (st > status) status = st;
            if (st >= EXIT_SCRIPT) break;
        }
    }
    cx_state_free(cx);
    free(files);

    if (fflush(stdout) != 0 || ferror(stdout) || write_failed) {
        fprintf(stderr, "cx: error: cannot write output: %s\n", strerror(errno ? errno : EIO));
        return EXIT_IO;
    }
    return status;
}
