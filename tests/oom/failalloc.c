/* failalloc.c - the failing allocator of `make check-oom` (test build only).
 * The build links cx with -Wl,--wrap=malloc,... so that every allocation
 * made by cx's own code (libcx and the CLI; GMP and MPFR too, since their
 * memory goes through runtime/numalloc.c's hooks) comes here.  Allocations
 * are counted from 1 in the order they are made.  The C library's own
 * allocations (stdio buffers, libedit) are not counted.
 *
 * One run:
 *   CX_FAIL_AT=N        the N-th allocation fails (returns NULL)
 *   CX_FAIL_MODE=all    ... and every one after it too (default: only the N-th)
 *   CX_FAIL_COUNT=FILE  at a normal exit, write the number of allocations made
 *   CX_FAIL_TRACE=1     print the stack of the allocation that fails first
 *
 * The sweep, CX_FAIL_SWEEP=TMPFILE: before main, the process forks one child
 * that runs cx normally (the reference: its allocations, stdout, stderr and
 * status), then one child for every N from 1 to that count in which the N-th
 * allocation fails, first persistently, then transiently.  Forking here
 * rather than starting cx once per N saves the start-up of an ASan process
 * (about 12 ms of a run).  A child must end either exactly as the reference
 * did (the failure was absorbed) or with status 3 or 4, a message on stderr
 * that says "out of memory", and a stdout that is the start of the
 * reference's (nothing wrong was printed before it stopped); a signal, a
 * sanitizer report, a hang (20 s) or anything else is a failure.  (A run
 * that ends with the reference's error status, stdout and first line of
 * stderr is clean too: the error was shown without its source line and
 * caret, for want of memory to render them.)
 *
 * A failure is run once more with its stack printed, and is "known" when
 * the innermost frame of the interpreter or the CLI (rendering helpers
 * aside) is a FILE:FUNCTION listed in CX_FAIL_KNOWN (tests/oom/known.txt):
 * a bug recorded there, awaiting its fix.  The parent prints one line per
 * failure, one line per known site, and a summary; it exits 1 if any
 * failure is not known.  TMPFILE.out and .err hold a child's output.
 * CX_FAIL_MAX=M skips (with a line saying so) a script that makes more than
 * M allocations. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

void __sanitizer_print_stack_trace(void);

static long count;
static long fail_at;
static bool persistent, trace;

/* Counts one allocation; true when this one must fail. */
static bool fail_now(void)
{
    count++;
    if (fail_at <= 0) return false;
    if (count == fail_at && trace) __sanitizer_print_stack_trace();
    return count == fail_at || (persistent && count > fail_at);
}

/* A failed allocation sets errno as the C library's does (POSIX). */
static bool failed(void)
{
    if (!fail_now()) return false;
    errno = ENOMEM;
    return true;
}

void *__wrap_malloc(size_t n) { return failed() ? NULL : __real_malloc(n); }

void *__wrap_calloc(size_t n, size_t size) { return failed() ? NULL : __real_calloc(n, size); }

void *__wrap_realloc(void *p, size_t n) { return failed() ? NULL : __real_realloc(p, n); }

char *__wrap_strdup(const char *s) { return failed() ? NULL : __real_strdup(s); }

char *__wrap_strndup(const char *s, size_t n) { return failed() ? NULL : __real_strndup(s, n); }

__attribute__((destructor)) static void report(void)
{
    const char *file = getenv("CX_FAIL_COUNT");
    if (!file) return;
    FILE *f = fopen(file, "w");
    if (!f) return;
    fprintf(f, "%ld\n", count);
    fclose(f);
}

/* ==== the sweep =========================================================== */

static char out_path[4096], err_path[4096], count_path[4096];

typedef struct {
    char *out, *err;
    size_t out_len, err_len;
    int status; /* exit status, or 128 + signal */
} result;

/* The reference run's result: a global, so a child (which inherits it)
 * does not count it as leaked. */
static result ref;

/* Known sites: "FILE:FUNCTION" per line; their failures seen in this run. */
#define MAX_KNOWN 64
static char known[MAX_KNOWN][256];
static long known_hits[MAX_KNOWN];
static int n_known;

static char *slurp(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16;
    char *buf = __real_malloc(cap + 1);
    size_t n;
    while (buf && (n = fread(buf + *len, 1, cap - *len, f)) > 0) {
        *len += n;
        if (*len == cap) buf = __real_realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    if (buf) buf[*len] = '\0';
    return buf;
}

/* Runs cx (returns true, in the child) or collects the child's result
 * (false, in the parent). */
static bool child(long at, bool all, bool with_trace, result *r)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("failalloc: fork");
        _exit(2);
    }
    if (pid == 0) {
        int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0) _exit(99);
        close(o);
        close(e);
        alarm(20);
        count = 0;
        fail_at = at;
        persistent = all;
        trace = with_trace;
        return true;
    }
    int st;
    while (waitpid(pid, &st, 0) < 0) {
    }
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    r->out = slurp(out_path, &r->out_len);
    r->err = slurp(err_path, &r->err_len);
    return false;
}

static void result_free(result *r)
{
    free(r->out);
    free(r->err);
}

static bool same_first_line(const char *a, const char *b)
{
    if (!a || !b) return false;
    size_t n = strcspn(a, "\n");
    return n > 0 && n == strcspn(b, "\n") && memcmp(a, b, n) == 0;
}

/* NULL when the run ended cleanly; otherwise what was wrong with it. */
static const char *judge(const result *r)
{
    if (r->err && (strstr(r->err, "Sanitizer") || strstr(r->err, "runtime error")))
        return "sanitizer report";
    if (r->status >= 128) return "killed by a signal (or the 20 s alarm)";
    if (r->status == ref.status && r->out_len == ref.out_len && r->err_len == ref.err_len &&
        memcmp(r->out, ref.out, r->out_len) == 0 && memcmp(r->err, ref.err, r->err_len) == 0)
        return NULL;
    if (r->status == ref.status && r->status >= 2 && r->out_len == ref.out_len &&
        memcmp(r->out, ref.out, r->out_len) == 0 && same_first_line(r->err, ref.err))
        return NULL; /* the error, shown without its source line (no memory to render it) */
    bool prefix = r->out_len <= ref.out_len && memcmp(r->out, ref.out, r->out_len) == 0;
    if ((r->status == 3 || r->status == 4) && r->err && strstr(r->err, "out of memory"))
        return prefix ? NULL : "stdout is not a prefix of the reference";
    if (r->status == ref.status) return "same status as the reference, other output";
    if (r->status != 3 && r->status != 4) return "wrong exit status";
    return "no out-of-memory message";
}

static void load_known(void)
{
    const char *path = getenv("CX_FAIL_KNOWN");
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f) return;
    char line[256];
    while (n_known < MAX_KNOWN && fgets(line, sizeof line, f)) {
        line[strcspn(line, " \t\r\n#")] = '\0';
        if (line[0]) snprintf(known[n_known++], sizeof known[0], "%s", line);
    }
    fclose(f);
}

/* The innermost frame of interp/ or cli/ in a sanitizer stack ("#3 0x..
 * in FUNCTION /path/FILE:LINE"), as "FILE:FUNCTION" in buf; the rendering
 * helpers, which return NULL as they should, are skipped. */
static bool site_of(const char *stack, char *buf, size_t size)
{
    for (const char *p = stack; (p = strstr(p, " in ")) != NULL; p++) {
        char fn[128], file[512];
        if (sscanf(p, " in %127s %511[^: \n]", fn, file) != 2) continue;
        const char *rel = strstr(file, "interp/");
        if (!rel) rel = strstr(file, "cli/");
        if (!rel) continue;
        if (strstr(rel, "interp/display.c") || strcmp(fn, "cx_eval_render") == 0) continue;
        snprintf(buf, size, "%s:%s", rel, fn);
        return true;
    }
    return false;
}

/* The index of the known site this failure is at, or -1. */
static int known_site(long n, bool all, char *site, size_t size)
{
    result r;
    if (child(n, all, true, &r)) return -2; /* in the child */
    int k = -1;
    if (r.err && site_of(r.err, site, size))
        for (int i = 0; i < n_known; i++)
            if (strcmp(known[i], site) == 0) k = i;
    result_free(&r);
    return k;
}

__attribute__((constructor)) static void setup(void)
{
    const char *at = getenv("CX_FAIL_AT");
    const char *mode = getenv("CX_FAIL_MODE");
    fail_at = at ? atol(at) : 0;
    persistent = mode && strcmp(mode, "all") == 0;
    trace = getenv("CX_FAIL_TRACE") != NULL;

    const char *sweep = getenv("CX_FAIL_SWEEP");
    if (!sweep) return;
    snprintf(out_path, sizeof out_path, "%s.out", sweep);
    snprintf(err_path, sizeof err_path, "%s.err", sweep);
    snprintf(count_path, sizeof count_path, "%s.count", sweep);
    setenv("CX_FAIL_COUNT", count_path, 1);
    unsetenv("CX_FAIL_SWEEP");
    load_known();

    if (child(0, false, false, &ref)) return;
    size_t len;
    char *c = slurp(count_path, &len);
    long total = c ? atol(c) : 0;
    free(c);
    unsetenv("CX_FAIL_COUNT");
    if (ref.status >= 128 || total <= 0) {
        fprintf(stderr, "failalloc: the reference run failed (status %d, %ld allocations)\n",
                ref.status, total);
        _exit(1);
    }

    const char *max = getenv("CX_FAIL_MAX");
    if (max && total > atol(max)) {
        fprintf(stderr, "skipped: %ld allocations, more than CX_FAIL_MAX=%s\n", total, max);
        _exit(0);
    }

    long runs = 0, bad = 0, absorbed = 0, stopped = 0, known_bad = 0;
    for (int all = 1; all >= 0; all--) {
        for (long n = 1; n <= total; n++) {
            result r;
            if (child(n, all, false, &r)) return;
            runs++;
            const char *why = judge(&r);
            if (!why) {
                if (r.status == ref.status) absorbed++;
                else stopped++;
                result_free(&r);
                continue;
            }
            char site[640] = "?";
            int k = known_site(n, all, site, sizeof site);
            if (k == -2) return; /* the child of known_site: run cx */
            if (k >= 0) {
                known_hits[k]++;
                known_bad++;
            } else {
                bad++;
                const char *nl = r.err ? strchr(r.err, '\n') : NULL;
                int first = r.err ? (int)(nl ? nl - r.err : (long)r.err_len) : 0;
                if (first > 160) first = 160;
                fprintf(stderr, "  FAIL N=%ld %s at %s: %s (status %d): %.*s\n", n,
                        all ? "persistent" : "transient", site, why, r.status, first,
                        r.err ? r.err : "");
            }
            result_free(&r);
        }
    }
    for (int i = 0; i < n_known; i++)
        if (known_hits[i])
            fprintf(stderr, "  known: %ld at %s (tests/oom/known.txt)\n", known_hits[i], known[i]);
    fprintf(stderr,
            "%ld allocations, %ld runs: %ld stopped with out of memory, %ld unaffected, "
            "%ld known, %ld failed\n",
            total, runs, stopped, absorbed, known_bad, bad);
    result_free(&ref);
    unlink(out_path);
    unlink(err_path);
    unlink(count_path);
    _exit(bad ? 1 : 0);
}
