/* history.c - where the REPL keeps its history between sessions, following
 * the XDG base-directory rules ($XDG_STATE_HOME, else ~/.local/state), and
 * making that folder.  Reading and writing the file is libedit's job. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

/* mkdir -p for the part of path before its last '/', private to the user. */
static bool make_parents(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        int err = errno;
        *p = '/';
        if (rc != 0 && err != EEXIST) return false;
    }
    return true;
}

char *cx_cli_history_path(void)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    const char *base, *sub;
    /* The spec says a relative XDG path is invalid and must be ignored. */
    if (state && state[0] == '/') {
        base = state;
        sub = "/cx/history";
    } else if (home && home[0] == '/') {
        base = home;
        sub = "/.local/state/cx/history";
    } else {
        return NULL;
    }
    size_t n = strlen(base) + strlen(sub) + 1;
    char *path = malloc(n);
    if (!path) return NULL;
    snprintf(path, n, "%s%s", base, sub);
    if (!make_parents(path)) {
        free(path);
        return NULL;
    }
    return path;
}
