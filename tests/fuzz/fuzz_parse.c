/* fuzz_parse.c - libFuzzer harness for the whole source pipeline: each input
 * is a script run through the public API (scan, parse, evaluate, print,
 * render errors, list names) in a state with small limits, so a finding is a
 * crash, a sanitizer report, a leak or a broken promise of the renderer, not
 * a slow but legal computation.  Built for speed (thousands of inputs a
 * second): one state per input, one mode per input, tight limits, and a
 * short watchdog.  Build and run: tests/fuzz/README.md. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Wall-clock budget of one input.  Evaluation time is unbounded by design
 * (a long loop is legal), so a watchdog interrupts the run instead of letting
 * libFuzzer report every big `sum(...)` as a hang, or spending its time on
 * them.  A run that ignores the interrupt still trips -timeout.  The
 * watchdog looks every NAP_MS.  A budget of 50 ms let 3% of a long
 * campaign's corpus (tables of 10,000 rows, loops) take 94% of its time;
 * at 15 ms a built-in's own root search (rate, irr), which the interrupt
 * cannot cut short, is what remains of the slow inputs. */
#define BUDGET_MS 15
#define NAP_MS    3

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static cx_state *running;       /* guarded by lock */
static struct timespec started; /* guarded by lock */

static long elapsed_ms(const struct timespec *since)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - since->tv_sec) * 1000L + (now.tv_nsec - since->tv_nsec) / 1000000L;
}

static void *watchdog(void *unused)
{
    (void)unused;
    for (;;) {
        struct timespec nap = {0, NAP_MS * 1000000L};
        nanosleep(&nap, NULL);
        pthread_mutex_lock(&lock);
        /* The state is freed only after `running` is cleared under the lock,
         * so it is alive while we poke it. */
        if (running && elapsed_ms(&started) > BUDGET_MS) cx_state_interrupt(running);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

/* A failed system allocation inside GMP cannot be recovered from; make it a
 * visible crash with a stack rather than GMP's abort message. */
static void out_of_memory(size_t request)
{
    (void)request;
    __builtin_trap();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cx_set_out_of_memory_handler(out_of_memory);
    pthread_t t;
    if (pthread_create(&t, NULL, watchdog, NULL) == 0) pthread_detach(t);
    return 0;
}

/* The renderer promises that no raw control byte of the source reaches the
 * terminal (only \n and \t, and ANSI colour when asked for). */
static void assert_clean(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F) __builtin_trap();
}

static size_t sink; /* keeps the reads of every output string alive */

static void touch(const char *s)
{
    if (s) sink += strlen(s);
}

static void on_output(void *ud, const cx_output *o)
{
    (void)ud;
    touch(o->text);
    touch(o->expr);
    touch(o->value);
    touch(o->rhs);
    touch(o->detail);
    touch(o->file);
    if (o->kind == CX_OUT_CHART) { /* the SVG too: escaped, no control byte but \n */
        char *svg = cx_output_chart_svg(o);
        if (svg) assert_clean(svg);
        touch(svg);
        free(svg);
    }
}

static void on_name(void *ud, const char *name, const char *value)
{
    (void)ud;
    touch(name);
    touch(value);
}

/* How a state runs the input: as the REPL does, as the cx program runs a
 * script file (parsed once, long recurrences lean), or as a host does. */
typedef enum mode { MODE_REPL, MODE_SCRIPT, MODE_HOST } mode;

static void run(const char *text, size_t len, mode m)
{
    bool repl = m == MODE_REPL;
    cx_options o;
    cx_options_default(&o);
    /* Small enough that no legal input is slow or big, large enough that
     * an input of -max_len bytes can reach each limit and go past it. */
    o.max_source_bytes = 1 << 16;
    o.max_nesting = 64;
    o.max_call_depth = 64;
    o.max_result_digits = 1000;
    /* A script may define a long recurrence (1,024 periods, recurrence.h). */
    o.max_series = m == MODE_SCRIPT ? 1100 : 1000;
    o.single_run = m == MODE_SCRIPT;
    o.max_include_depth = 4;
    o.max_memory_mb = 64;
    /* Deterministic, and cheaper than the watchdog: a loop or a rate search
     * stops after 10,000 steps (a few ms under ASan), before 15 ms pass. */
    o.max_steps = 10000;
    o.repl = repl;
    cx_state *cx = cx_state_new(&o);
    if (!cx) return;
    cx_state_set_output(cx, on_output, NULL);

    pthread_mutex_lock(&lock);
    running = cx;
    clock_gettime(CLOCK_MONOTONIC, &started);
    pthread_mutex_unlock(&lock);

    cx_run_string(cx, "<fuzz>", text, len);
    /* A second run in the same state: definitions persist, as in the REPL. */
    if (repl) cx_run_string(cx, "<fuzz>", text, len);

    pthread_mutex_lock(&lock);
    running = NULL;
    pthread_mutex_unlock(&lock);

    for (size_t i = 0; i < cx_error_count(cx); i++) {
        cx_error_info e;
        if (!cx_error_get(cx, i, &e)) __builtin_trap();
        touch(e.code);
        touch(e.message);
        touch(e.hint);
        touch(e.file);
        char *plain = cx_error_render(cx, i, false);
        if (plain) assert_clean(plain);
        free(plain);
        char *color = cx_error_render(cx, i, true);
        free(color);
    }
    cx_state_each_name(cx, on_name, NULL);
    cx_state_free(cx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* `include` reads files: /dev/stdin, a FIFO or /proc/kmsg would block
     * and the fuzzer's own corpus would leak in.  Includes are covered by the
     * hostile corpus and the golden tests instead. */
    if (memmem(data, size, "include", 7)) return 0;
    /* cx_run_string takes a length and the text may hold NUL bytes; a copy
     * makes reads past the end visible to ASan. */
    char *text = malloc(size ? size : 1);
    if (!text) return 0;
    memcpy(text, data, size);
    /* One mode per input, picked by the length: a mutation that adds or
     * drops a byte tries another one.  Running all on every input would
     * cost four runs instead of one and a third. */
    run(text, size, (mode)(size % 3));
    free(text);
    return 0;
}
