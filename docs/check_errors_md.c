/* check_errors_md.c - keeps docs/errors.md true to the error table
 * (runtime/errors.def).  make check-docs runs it from the repository root.
 *
 * docs/errors.md has one section per kind ("## math: ...") and tables whose
 * first cell names codes in backquotes.  It fails, listing each problem,
 * when a code of the table has no row, sits under another kind's section, or
 * is shown by no golden test; when the page lists a code the table lacks;
 * or when a row names a golden test (`errors/.../NAME.cx`) that does not
 * exist.  A code is shown when an .out or .err file under tests/golden holds
 * "code": "THE-CODE" (a `cx --json` run); a code whose every row says "not
 * reachable from a script" is exempt from that.  The error cases themselves
 * are laid out as tests/golden/errors/KIND/CODE[-WHAT].cx: a case outside
 * its code's kind folder, or whose name starts with no code, is a problem
 * too (files under an inc/ folder are only included by other cases). */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "../runtime/error.h"

typedef struct doc_code {
    bool documented;        /* has at least one row */
    bool reachable;         /* some row does not say "not reachable from a script" */
    bool shown;             /* a golden test prints it */
    const char *wrong_kind; /* the section it was found under, when not its own */
} doc_code;

static doc_code codes[CX_E_COUNT];
static int problems;

static void problem(const char *fmt, const char *a, const char *b)
{
    printf(fmt, a, b);
    putchar('\n');
    problems++;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    size_t got;
    while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *t = realloc(s, cap *= 2);
            if (!t) free(s);
            s = t;
        }
    }
    fclose(f);
    if (s) s[n] = '\0';
    return s;
}

static int code_index(const char *text, size_t len)
{
    for (int i = 0; i < CX_E_COUNT; i++) {
        const char *c = cx_err_code_text((cx_err_code)i);
        if (strlen(c) == len && memcmp(c, text, len) == 0) return i;
    }
    return -1;
}

static const char *kind_word(cx_err_kind k)
{
    switch (k) {
    case CX_ERRK_SYNTAX: return "syntax";
    case CX_ERRK_NAME: return "name";
    case CX_ERRK_TYPE: return "type";
    case CX_ERRK_MATH: return "math";
    case CX_ERRK_LIMIT: return "limit";
    case CX_ERRK_IO: return "io";
    case CX_ERRK_INTERNAL: return "internal";
    }
    return "?";
}

/* One table row: the codes of its first cell, and the golden tests it names. */
static void read_row(char *row, const char *section)
{
    char *cell_end = strchr(row + 1, '|');
    if (!cell_end) return;
    bool unreachable = strstr(row, "not reachable from a script") != NULL;
    for (char *p = row + 1; p < cell_end;) {
        char *open = memchr(p, '`', (size_t)(cell_end - p));
        if (!open) break;
        char *close = memchr(open + 1, '`', (size_t)(cell_end - open - 1));
        if (!close) break;
        size_t len = (size_t)(close - open - 1);
        int i = code_index(open + 1, len);
        if (i < 0) {
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)len, open + 1);
            problem("docs/errors.md: code %s is listed but the error table has no such row%s", name,
                    "");
        } else {
            codes[i].documented = true;
            if (!unreachable) codes[i].reachable = true;
            if (strcmp(section, kind_word(cx_err_code_kind((cx_err_code)i))) != 0)
                codes[i].wrong_kind = section;
        }
        p = close + 1;
    }
    /* Golden tests named anywhere in the row: `errors/.../NAME.cx`. */
    for (char *p = cell_end; (p = strchr(p, '`'));) {
        char *close = strchr(p + 1, '`');
        if (!close) break;
        size_t len = (size_t)(close - p - 1);
        if (len > 3 && len < 200 && memcmp(close - 3, ".cx", 3) == 0 && !memchr(p + 1, ' ', len)) {
            char path[256];
            struct stat sb;
            snprintf(path, sizeof path, "tests/golden/%.*s", (int)len, p + 1);
            if (stat(path, &sb) != 0)
                problem("docs/errors.md: names %s, which does not exist%s", path, "");
        }
        p = close + 1;
    }
}

static void read_doc(char *doc)
{
    char section[32] = "";
    for (char *line = doc; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        if (strncmp(line, "## ", 3) == 0) {
            size_t n = strcspn(line + 3, ":");
            snprintf(section, sizeof section, "%.*s", (int)n, line + 3);
        } else if (line[0] == '|' && line[1] == ' ' && line[2] == '`') {
            read_row(line, section);
        }
        line = nl ? nl + 1 : NULL;
    }
}

/* nftw callback: marks the codes an expected .out or .err shows. */
static int scan_golden(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 4 || (strcmp(path + n - 4, ".out") && strcmp(path + n - 4, ".err")))
        return 0;
    char *text = slurp(path);
    if (!text) return 0;
    static const char key[] = "\"code\": \"";
    for (char *p = text; (p = strstr(p, key));) {
        p += sizeof key - 1;
        char *end = strchr(p, '"');
        if (!end) break;
        int i = code_index(p, (size_t)(end - p));
        if (i >= 0) codes[i].shown = true;
        p = end;
    }
    free(text);
    return 0;
}

/* nftw callback: an error case sits in its kind's folder, named by a code. */
static int scan_error_case(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    size_t n = strlen(path);
    if (type != FTW_F || n < 3 || strcmp(path + n - 3, ".cx") != 0 || strstr(path, "/inc/"))
        return 0;
    const char *rel = path + strlen("tests/golden/errors/");
    const char *slash = strchr(rel, '/');
    const char *name = path + ftw->base;
    if (!slash || strchr(slash + 1, '/')) {
        problem("%s: an error case belongs in tests/golden/errors/KIND/%s", path, "");
        return 0;
    }
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < CX_E_COUNT; i++) {
        const char *c = cx_err_code_text((cx_err_code)i);
        size_t len = strlen(c);
        if (strncmp(name, c, len) == 0 && (name[len] == '.' || name[len] == '-') &&
            len > best_len) {
            best = i;
            best_len = len;
        }
    }
    if (best < 0) {
        problem("%s: the name does not start with an error code%s", path, "");
        return 0;
    }
    const char *kind = kind_word(cx_err_code_kind((cx_err_code)best));
    if (strlen(kind) != (size_t)(slash - rel) || strncmp(rel, kind, strlen(kind)) != 0)
        problem("%s: its code's kind is %s; it belongs in that kind's folder", path, kind);
    return 0;
}

int main(void)
{
    char *doc = slurp("docs/errors.md");
    if (!doc) {
        puts("docs/errors.md is missing (run from the repository root)");
        return 1;
    }
    read_doc(doc);
    free(doc);
    if (nftw("tests/golden", scan_golden, 16, FTW_PHYS) != 0) {
        puts("cannot read tests/golden");
        return 1;
    }
    if (nftw("tests/golden/errors", scan_error_case, 16, FTW_PHYS) != 0) {
        puts("cannot read tests/golden/errors");
        return 1;
    }
    int shown = 0, exempt = 0;
    for (int i = 0; i < CX_E_COUNT; i++) {
        const char *c = cx_err_code_text((cx_err_code)i);
        const char *k = kind_word(cx_err_code_kind((cx_err_code)i));
        if (!codes[i].documented) {
            problem("runtime/errors.def: code %s has no row in docs/errors.md (section %s)", c, k);
            continue;
        }
        if (codes[i].wrong_kind)
            problem(
                "docs/errors.md: code %s is listed under '%s', but its kind is its own section's",
                c, codes[i].wrong_kind);
        if (!codes[i].reachable) exempt++;
        else if (codes[i].shown) shown++;
        else
            problem(
                "code %s is shown by no golden test (no \"code\": \"%s\" in tests/golden/**/*.out "
                "or *.err)",
                c, c);
    }
    printf("error codes: %d in the table, %d shown by golden tests, %d not reachable from a "
           "script; %d problem%s\n",
           (int)CX_E_COUNT, shown, exempt, problems, problems == 1 ? "" : "s");
    return problems ? 1 : 0;
}
