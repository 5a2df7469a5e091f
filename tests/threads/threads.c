/* threads.c - several threads, each with its own cx_state, run different
 * scripts at the same time through include/cx.h, and every run must give
 * exactly what the same script gives alone: the output records, the status
 * and the exact values read back.  One state works under a 1 MB
 * --max-memory and must hit it while the others do not, also when it is
 * made in one thread and run in another; one is stopped with
 * cx_state_interrupt from another thread.  `make check-threads` runs
 * it; `make check-tsan` runs it under ThreadSanitizer.
 *   usage: threads [ROUNDS]     (from the repository root) */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cx.h"

/* A job: a file or a text, the name whose value is read back after the run. */
typedef struct job {
    const char *file;
    const char *text;
    const char *read_back;
    long max_memory_mb; /* 0: the default */
} job;

static const job jobs[] = {
    {"examples/thesis.cx", NULL, "savings", 0},
    {"examples/capex_ocf.cx", NULL, NULL, 0},
    {"examples/margins_pay.cx", NULL, NULL, 0},
    {"examples/datacenter.cx", NULL, NULL, 0},
    {NULL,
     "r = sqrt(2) * exp(1) / ln(10); p = 3^20_000 / 7^9_000; check r > 1;\n"
     "s 2020..2030 = 1.07 ^ (t - 2020);\n"
     "table g in [1%, 2%, 3%]: npv(g, [-100, 30, 40, 50]), irr([-100, 30, 40, 50 + g * 100]);\n"
     "p;",
     "p", 0},
    {NULL, "big = [7^(200_000 + i) for i in 1..40]; big;", NULL, 1},
};
#define N_JOBS (sizeof jobs / sizeof *jobs)

typedef struct outcome {
    cx_run_status status;
    char *text;  /* every record's text and the first error's code, one per line */
    char *exact; /* numerator/denominator of read_back, or "" */
} outcome;

static void append(char **buf, const char *s)
{
    size_t old = *buf ? strlen(*buf) : 0, add = strlen(s);
    char *b = realloc(*buf, old + add + 2);
    if (!b) return;
    memcpy(b + old, s, add);
    b[old + add] = '\n';
    b[old + add + 1] = '\0';
    *buf = b;
}

static void on_output(void *ud, const cx_output *o) { append(ud, o->text); }

static outcome run_job(const job *j)
{
    cx_options o;
    cx_options_default(&o);
    if (j->max_memory_mb) o.max_memory_mb = j->max_memory_mb;
    cx_state *cx = cx_state_new(&o);
    outcome r = {.text = calloc(1, 1), .exact = calloc(1, 1)};
    cx_state_set_output(cx, on_output, &r.text);
    r.status = j->file ? cx_run_file(cx, j->file) : cx_run_string(cx, "t", j->text, strlen(j->text));
    cx_error_info e;
    if (cx_error_get(cx, 0, &e)) append(&r.text, e.code);
    const cx_number *x = j->read_back ? cx_value_number(cx_state_value(cx, j->read_back)) : NULL;
    if (x) {
        char *n = cx_number_numerator(x), *d = cx_number_denominator(x);
        append(&r.exact, n ? n : "?");
        append(&r.exact, d ? d : "?");
        cx_free(n);
        cx_free(d);
    }
    cx_state_free(cx);
    return r;
}

static outcome expected[N_JOBS];

typedef struct worker {
    pthread_t tid;
    size_t first, rounds;
    int mismatches;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (size_t k = 0; k < w->rounds; k++) {
        size_t i = (w->first + k) % N_JOBS;
        outcome r = run_job(&jobs[i]);
        if (r.status != expected[i].status || strcmp(r.text, expected[i].text) != 0 ||
            strcmp(r.exact, expected[i].exact) != 0) {
            fprintf(stderr, "threads: job %zu differs from its single-threaded run:\n%s\n", i,
                    r.text);
            w->mismatches++;
        }
        free(r.text);
        free(r.exact);
    }
    return NULL;
}

/* ---- interrupting from another thread ------------------------------------- */
typedef struct long_run {
    cx_state *cx;
    cx_run_status status;
    int done; /* read with __atomic builtins: the main thread polls it */
} long_run;

static void *run_long(void *arg)
{
    long_run *l = arg;
    const char *src = "x = sum(i^3 for i in 1..10^12);"; /* hours, unless stopped */
    l->status = cx_run_string(l->cx, "long", src, strlen(src));
    __atomic_store_n(&l->done, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static int interrupt_from_another_thread(void)
{
    long_run l = {.cx = cx_state_new(NULL)};
    pthread_t t;
    if (!l.cx || pthread_create(&t, NULL, run_long, &l) != 0) return 1;
    struct timespec ms10 = {0, 10 * 1000 * 1000};
    /* A request before the run starts is dropped: keep asking until it ends. */
    while (!__atomic_load_n(&l.done, __ATOMIC_SEQ_CST)) {
        nanosleep(&ms10, NULL);
        cx_state_interrupt(l.cx);
    }
    pthread_join(t, NULL);
    cx_error_info e;
    int bad = l.status != CX_RUN_LIMIT || !cx_error_get(l.cx, 0, &e) ||
              strcmp(e.code, "interrupted") != 0;
    if (bad) fprintf(stderr, "threads: the interrupted run ended with status %d\n", l.status);
    cx_state_free(l.cx);
    return bad;
}

/* ---- a state made in one thread and run in another keeps its limit -------- */
static void *run_given(void *arg)
{
    cx_state *cx = arg;
    const char *src = jobs[N_JOBS - 1].text; /* needs more than 1 MB */
    cx_run_status st = cx_run_string(cx, "given", src, strlen(src));
    return (void *)(st == CX_RUN_LIMIT ? "ok" : NULL);
}

static int limit_travels_with_the_state(void)
{
    cx_options o;
    cx_options_default(&o);
    o.max_memory_mb = 1;
    cx_state *cx = cx_state_new(&o);
    pthread_t t;
    void *res = NULL;
    if (!cx || pthread_create(&t, NULL, run_given, cx) != 0) return 1;
    pthread_join(t, &res);
    cx_state_free(cx);
    if (!res) fprintf(stderr, "threads: a state lost its memory limit in another thread\n");
    return res ? 0 : 1;
}

int main(int argc, char **argv)
{
    size_t rounds = argc > 1 ? (size_t)atol(argv[1]) : N_JOBS;
    enum { N_THREADS = 6 };
    for (size_t i = 0; i < N_JOBS; i++) expected[i] = run_job(&jobs[i]);
    if (expected[N_JOBS - 1].status != CX_RUN_LIMIT || expected[0].exact[0] == '\0') {
        fprintf(stderr, "threads: the single-threaded runs are not what this test expects\n");
        return 1;
    }
    worker w[N_THREADS];
    for (size_t i = 0; i < N_THREADS; i++) {
        w[i] = (worker){.first = i, .rounds = rounds};
        if (pthread_create(&w[i].tid, NULL, work, &w[i]) != 0) return 1;
    }
    int bad = interrupt_from_another_thread() + limit_travels_with_the_state();
    for (size_t i = 0; i < N_THREADS; i++) {
        pthread_join(w[i].tid, NULL);
        bad += w[i].mismatches;
    }
    for (size_t i = 0; i < N_JOBS; i++) {
        free(expected[i].text);
        free(expected[i].exact);
    }
    printf("threads: %d threads x %zu runs of %zu scripts, an interrupt, a limit: %s\n", N_THREADS,
           rounds, N_JOBS, bad ? "FAILED" : "all as when run alone");
    return bad ? 1 : 0;
}
