/* complete.c - what Tab offers in the REPL, decided from the line before the
 * cursor: the REPL's commands, built-in names and topics after :help, file names after
 * :load, otherwise the names defined so far, the keywords and the built-in
 * functions.  Inserting and listing candidates is repl.c's job. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

/* The language's keywords (lang/lexer.l). */
static const char *const keywords[] = {
    "and", "chart", "check", "else",   "false", "fn",    "for",  "if",   "in",     "include",
    "not", "or",    "print", "source", "step",  "table", "then", "true", "within", NULL,
};

typedef struct offer {
    const char *word;
    size_t word_len;
    char **seen; /* candidates given so far, to give each once */
    size_t n_seen, cap_seen;
    cx_cli_candidate_fn fn;
    void *ud;
} offer;

static void give(offer *o, const char *cand, const char *suffix)
{
    if (strncmp(cand, o->word, o->word_len) != 0) return;
    for (size_t i = 0; i < o->n_seen; i++)
        if (strcmp(o->seen[i], cand) == 0) return;
    if (o->n_seen == o->cap_seen) {
        size_t cap = o->cap_seen ? o->cap_seen * 2 : 16;
        char **s = realloc(o->seen, cap * sizeof *s);
        if (!s) return; /* offering fewer candidates beats failing */
        o->seen = s;
        o->cap_seen = cap;
    }
    char *copy = strdup(cand);
    if (!copy) return;
    o->seen[o->n_seen++] = copy;
    o->fn(o->ud, cand, suffix);
}

static void give_builtins(offer *o, const char *suffix)
{
    size_t n = 0;
    const cx_builtin_info *b = cx_builtins(&n);
    for (size_t i = 0; i < n && b[i].name; i++) give(o, b[i].name, suffix);
}

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

/* The line starts with command `cmd` followed by a blank; returns what
 * follows the blanks after it, or NULL. */
static const char *after_command(const char *line, const char *cmd)
{
    const char *p = skip_blanks(line);
    size_t n = strlen(cmd);
    if (strncmp(p, cmd, n) != 0 || !(p[n] == ' ' || p[n] == '\t')) return NULL;
    return skip_blanks(p + n);
}

/* File names for ":load PATH": entries of PATH's folder that start with its
 * last part; folders end in '/' so Tab can go on into them. */
static void give_files(offer *o)
{
    const char *slash = strrchr(o->word, '/');
    size_t dir_len = slash ? (size_t)(slash - o->word) + 1 : 0;
    const char *base = o->word + dir_len;
    size_t base_len = strlen(base);
    const char *home = getenv("HOME");
    bool tilde = o->word[0] == '~' && o->word[1] == '/' && home;
    /* The folder to open: "." for a bare name, ~/ expanded for the user. */
    size_t cap = dir_len + (tilde ? strlen(home) : 0) + 2;
    char *dir = malloc(cap);
    if (!dir) return;
    if (!dir_len) snprintf(dir, cap, ".");
    else if (tilde) snprintf(dir, cap, "%s%.*s", home, (int)(dir_len - 1), o->word + 1);
    else snprintf(dir, cap, "%.*s", (int)dir_len, o->word);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *ent;
        while ((ent = readdir(d)) != NULL) {
            const char *name = ent->d_name;
            if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
            if (name[0] == '.' && base[0] != '.') continue; /* hidden unless asked */
            if (strncmp(name, base, base_len) != 0) continue;
            size_t len = dir_len + strlen(name) + 2;
            char *cand = malloc(len), *full = malloc(strlen(dir) + strlen(name) + 2);
            if (cand && full) {
                struct stat sb;
                sprintf(full, "%s/%s", dir, name);
                bool is_dir = stat(full, &sb) == 0 && S_ISDIR(sb.st_mode);
                snprintf(cand, len, "%.*s%s%s", (int)dir_len, o->word, name, is_dir ? "/" : "");
                give(o, cand, "");
            }
            free(cand);
            free(full);
        }
        closedir(d);
    }
    free(dir);
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

size_t cx_cli_complete(const cx_state *cx, const char *line, cx_cli_candidate_fn fn, void *ud)
{
    offer o = {.fn = fn, .ud = ud};
    size_t len = strlen(line), start;
    const char *path = after_command(line, ":load");
    if (path) {
        /* The whole rest of the line is the file name. */
        start = (size_t)(path - line);
        o.word = path;
        o.word_len = strlen(path);
        give_files(&o);
    } else {
        start = len;
        while (start && name_char(line[start - 1])) start--;
        const char *lead = skip_blanks(line);
        if (start && line[start - 1] == ':' && lead == line + start - 1) start--;
        o.word = line + start;
        o.word_len = len - start;
        if (o.word[0] == ':') {
            for (size_t i = 0; cx_cli_commands[i]; i++) give(&o, cx_cli_commands[i], " ");
        } else if (o.word[0] >= '0' && o.word[0] <= '9') {
            /* a number: nothing to offer */
        } else if (after_command(line, ":help") && !strpbrk(o.word, " \t")) {
            give_builtins(&o, "");
            for (const cx_cli_help_topic *t = cx_cli_help_topics; t->name; t++)
                give(&o, t->name, "");
        } else if (*lead != ':') {
            for (size_t i = 0; cx; i++) {
                const char *name = cx_state_name(cx, i);
                if (!name) break;
                if (name[0] != '_' || o.word_len) give(&o, name, "");
            }
            for (size_t i = 0; keywords[i]; i++) give(&o, keywords[i], " ");
            /* A built-in is a call: its '(' comes with it. */
            give_builtins(&o, "(");
        }
    }
    for (size_t i = 0; i < o.n_seen; i++) free(o.seen[i]);
    free(o.seen);
    return start;
}
