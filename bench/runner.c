/* runner.c - runs one command and reports its wall time, peak memory and
 * exit status: the measuring part of GNU time, with a clock that does not
 * count the runner's own start-up.
 *
 *     runner REPORT TIMEOUT COMMAND [ARG...]
 *
 * starts COMMAND (standard input, output and error are the runner's), waits
 * for it, and writes one line to the file REPORT:
 *
 *     SECONDS MAXRSS_KB STATUS TIMED_OUT
 *
 * SECONDS is the monotonic time from just before the spawn to the exit;
 * MAXRSS_KB is the child's ru_maxrss from wait4(), the figure GNU time's %M
 * prints; STATUS is the exit status, or 128 + the signal that ended it;
 * TIMED_OUT is 1 when the runner killed it after TIMEOUT seconds.
 *
 * bench.py cannot measure memory itself: a child forked from Python starts
 * with Python's resident pages, and Linux keeps that high-water mark across
 * exec, so every tool would show at least Python's own size.  This process
 * is small, so what it adds is about 1 MB for every tool alike. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* wait4() is a BSD/Linux call; glibc declares it only with _DEFAULT_SOURCE. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage);

extern char **environ;

static volatile sig_atomic_t timed_out;
static volatile pid_t child;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
    kill(child, SIGKILL); /* not reaped yet (see main), so the pid is still ours */
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: runner REPORT TIMEOUT COMMAND [ARG...]\n");
        return 64;
    }
    FILE *report = fopen(argv[1], "w");
    if (!report) {
        perror(argv[1]);
        return 70;
    }
    unsigned timeout = (unsigned)strtoul(argv[2], NULL, 10);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid;
    int err = posix_spawnp(&pid, argv[3], NULL, NULL, argv + 3, environ);
    if (err != 0) {
        fprintf(stderr, "runner: %s: %s\n", argv[3], strerror(err));
        return 127;
    }
    child = pid;
    alarm(timeout);

    /* Wait for the exit without reaping, so the alarm can still kill only
     * our child; then stop the clock and the alarm, then reap. */
    siginfo_t info;
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) != 0)
        if (errno != EINTR) {
            perror("runner: waitid");
            return 70;
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    alarm(0);

    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR) {
            perror("runner: wait4");
            return 70;
        }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(report, "%.9f %ld %d %d\n", seconds, ru.ru_maxrss, code, (int)timed_out);
    return fclose(report) == 0 ? 0 : 70;
}
