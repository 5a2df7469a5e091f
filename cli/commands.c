/* commands.c - the REPL's ':' commands: :vars, :load FILE, :reset,
 * :digits [N] and :quit, and the dispatch of :help (help.c).  A command
 * prints its own answer; reading lines and Ctrl-C belong to repl.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

const char *const cx_cli_commands[] = {":help",   ":vars", ":load", ":reset",
                                       ":digits", ":quit", NULL};

static void say(cx_cli_repl *r, const char *text)
{
    if (fputs(text, stdout) == EOF) r->report->write_failed = true;
}

/* ==== :vars, :load, :reset, :digits ============================================ */

static void print_var(void *ud, const char *name, const char *value)
{
    cx_cli_repl *r = ud;
    /* Functions render as their header ("fn margin(x, rev)"): show it alone. */
    if (strncmp(value, "fn ", 3) != 0) {
        say(r, name);
        say(r, " = ");
    }
    say(r, value);
    say(r, "\n");
}

static void vars(cx_cli_repl *r)
{
    if (!cx_state_name(r->cx, 0)) {
        say(r, "nothing is defined yet\n");
        return;
    }
    cx_state_each_name(r->cx, print_var, r);
}

static void load(cx_cli_repl *r, char *arg)
{
    size_t n = strlen(arg);
    /* Accept the name as a string literal too: :load "my file.cx". */
    if (n >= 2 && arg[0] == '"' && arg[n - 1] == '"') {
        arg[n - 1] = '\0';
        arg++;
    }
    if (!*arg) {
        cx_cli_complain(r->report, "%s", ":load needs a file name");
        return;
    }
    char *path = NULL;
    const char *home = getenv("HOME");
    if (arg[0] == '~' && arg[1] == '/' && home) {
        size_t len = strlen(home) + strlen(arg);
        path = malloc(len);
        if (path) snprintf(path, len, "%s%s", home, arg + 1);
    }
    cx_cli_evaluating(r->cx, true);
    cx_run_file(r->cx, path ? path : arg);
    cx_cli_evaluating(r->cx, false);
    free(path);
    cx_cli_report_errors(r->report, r->cx);
}

static void reset(cx_cli_repl *r)
{
    cx_options o = r->opt;
    o.digits = r->digits;
    cx_state *fresh = cx_state_new(&o);
    if (!fresh) {
        cx_cli_complain(r->report, "%s", "out of memory; the session keeps its definitions");
        return;
    }
    cx_state_set_output(fresh, cx_cli_report_output, r->report);
    cx_state_free(r->cx);
    r->cx = fresh;
    say(r, "every definition is forgotten\n");
}

static void digits(cx_cli_repl *r, const char *arg)
{
    char msg[64];
    if (*arg) {
        char *end;
        errno = 0;
        long v = strtol(arg, &end, 10);
        if (errno || *end || end == arg || v < 1 || v > 1000) {
            cx_cli_complain(r->report, ":digits takes a whole number from 1 to 1000, not '%s'",
                            arg);
            return;
        }
        r->digits = (int)v;
        cx_state_set_digits(r->cx, r->digits);
    }
    snprintf(msg, sizeof msg, "digits: %d\n", r->digits);
    say(r, msg);
}

/* ==== dispatch ================================================================== */

void cx_cli_command(cx_cli_repl *r, const char *line)
{
    while (*line == ' ' || *line == '\t') line++;
    size_t len = strlen(line);
    char *copy = malloc(len + 1);
    if (!copy) return;
    memcpy(copy, line, len + 1);
    /* Trim the end, split "name arg". */
    while (len && strchr(" \t\r\n", copy[len - 1])) copy[--len] = '\0';
    char *arg = copy + strcspn(copy, " \t");
    if (*arg) *arg++ = '\0';
    while (*arg == ' ' || *arg == '\t') arg++;

    /* Any unambiguous prefix names a command (":q", ":h round"). */
    const char *cmd = NULL;
    size_t clen = strlen(copy), matches = 0;
    for (size_t i = 0; cx_cli_commands[i]; i++) {
        if (strcmp(cx_cli_commands[i], copy) == 0) {
            cmd = cx_cli_commands[i];
            matches = 1;
            break;
        }
        if (clen > 1 && strncmp(cx_cli_commands[i], copy, clen) == 0) {
            cmd = cx_cli_commands[i];
            matches++;
        }
    }
    if (matches != 1) {
        cx_cli_complain(r->report,
                        matches ? "ambiguous command '%s' (:help lists the commands)"
                                : "unknown command '%s' (:help lists the commands)",
                        copy);
    } else if (strcmp(cmd, ":help") == 0) {
        cx_cli_help(r, arg);
    } else if (strcmp(cmd, ":vars") == 0) {
        vars(r);
    } else if (strcmp(cmd, ":load") == 0) {
        load(r, arg);
    } else if (strcmp(cmd, ":reset") == 0) {
        reset(r);
    } else if (strcmp(cmd, ":digits") == 0) {
        digits(r, arg);
    } else {
        r->quit = true;
    }
    free(copy);
}
