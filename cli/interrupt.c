/* interrupt.c - Ctrl-C in the REPL and in script runs.  At the prompt it
 * only has to make el_gets() return (the handler is installed without
 * SA_RESTART for that); during an evaluation (an entry, a :load, a script)
 * it asks libcx to stop.  A second
 * Ctrl-C while the first is unanswered (one long GMP call does not poll)
 * ends the program the way Ctrl-C normally does. */
#include <signal.h>
#include <string.h>
#include "cli.h"

/* The signal handler takes no user data. */
static cx_state *volatile interrupt_target;
static volatile sig_atomic_t evaluating; /* 0 idle, 1 running, 2 asked to stop */
static volatile sig_atomic_t sigint_seen;

static void on_sigint(int sig)
{
    sigint_seen = 1;
    if (evaluating == 2) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    if (evaluating == 1 && interrupt_target) {
        cx_state_interrupt(interrupt_target);
        evaluating = 2;
    }
}

void cx_cli_sigint_install(bool restart)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    /* Output written during an evaluation must not fail with EINTR. */
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGINT, &sa, NULL);
}

void cx_cli_sigint_restore(void)
{
    interrupt_target = NULL;
    evaluating = 0;
    signal(SIGINT, SIG_DFL);
}

bool cx_cli_sigint_seen(void) { return sigint_seen; }

void cx_cli_sigint_clear(void) { sigint_seen = 0; }

void cx_cli_evaluating(cx_state *cx, bool on)
{
    interrupt_target = cx;
    evaluating = on ? 1 : 0;
}
