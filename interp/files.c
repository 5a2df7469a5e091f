/* files.c - the files a run may read (files.h): the allowed folders, path
 * resolution and confinement before any open, the bounded read of a regular
 * file, and the record of what was read where. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../runtime/error.h"
#include "../runtime/grow.h"

void cx_files_init(cx_files *f) { memset(f, 0, sizeof *f); }

void cx_files_free(cx_files *f)
{
    for (size_t i = 0; i < f->n_allowed; i++) free(f->allowed[i]);
    free(f->allowed);
    free(f->run_root);
    for (size_t i = 0; i < f->n_loads; i++) free(f->loads[i].resolved);
    free(f->loads);
    cx_files_init(f);
}

/* The real path of a folder, or NULL. */
static char *real_dir(const char *dir)
{
    char buf[PATH_MAX];
    struct stat sb;
    if (!realpath(dir, buf) || stat(buf, &sb) != 0) return NULL;
    if (!S_ISDIR(sb.st_mode)) {
        errno = ENOTDIR;
        return NULL;
    }
    return strdup(buf);
}

bool cx_files_allow(cx_files *f, const char *dir)
{
    char *r = real_dir(dir);
    if (!r) return false;
    if (!CX_GROW(f->allowed, f->cap_allowed, f->n_allowed, 4)) {
        free(r);
        errno = ENOMEM;
        return false;
    }
    f->allowed[f->n_allowed++] = r;
    return true;
}

bool cx_files_set_root(cx_files *f, const char *entry)
{
    char *root;
    if (entry) {
        const char *slash = strrchr(entry, '/');
        size_t n = slash ? (size_t)(slash - entry) : 0;
        root = n ? strndup(entry, n) : strdup("/");
    } else {
        root = real_dir(".");
    }
    if (!root) return false;
    free(f->run_root);
    f->run_root = root;
    return true;
}

/* Is `path` the folder `dir` or inside it?  Both are resolved. */
static bool inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/') return path[0] == '/';
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static bool allowed(const cx_files *f, const char *resolved)
{
    if (f->run_root && inside(resolved, f->run_root)) return true;
    for (size_t i = 0; i < f->n_allowed; i++)
        if (inside(resolved, f->allowed[i])) return true;
    return false;
}

/* For a path that does not resolve: is the deepest folder of it that does
 * resolve allowed?  A missing file outside is "outside", so a script
 * cannot learn what exists where it may not read. */
static cx_path_status missing_status(const cx_files *f, const char *path)
{
    char *copy = strdup(path), buf[PATH_MAX];
    if (!copy) return CX_PATH_NOMEM;
    bool ok = false;
    for (;;) {
        char *slash = strrchr(copy, '/');
        if (!slash) {
            ok = realpath(".", buf) && allowed(f, buf);
            break;
        }
        if (slash == copy) { /* "/name": the root folder */
            ok = allowed(f, "/");
            break;
        }
        *slash = '\0';
        if (realpath(copy, buf)) {
            ok = allowed(f, buf);
            break;
        }
    }
    free(copy);
    return ok ? CX_PATH_MISSING : CX_PATH_OUTSIDE;
}

cx_path_status cx_files_resolve(const cx_files *f, const char *path, char *resolved, int *err)
{
    /* realpath only looks at names (lstat, readlink): nothing is opened. */
    if (!realpath(path, resolved)) {
        *err = errno;
        if (errno == ENOMEM) return CX_PATH_NOMEM;
        return missing_status(f, path);
    }
    return allowed(f, resolved) ? CX_PATH_OK : CX_PATH_OUTSIDE;
}

char *cx_files_read(const char *resolved, long max, size_t *len, const char **why, bool *too_big)
{
    *too_big = false;
    /* Non-blocking open, then only regular files: a FIFO or a device
     * (/dev/stdin, /dev/zero) would block or never end. */
    int fd = open(resolved, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        *why = strerror(errno);
        close(fd);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        *why = S_ISDIR(sb.st_mode) ? "it is a directory" : "it is not a regular file";
        close(fd);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            close(fd);
            *why = "out of memory";
            return NULL;
        }
        if (n + 1 >= cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                continue;
            }
            buf = b;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n - 1);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            *why = strerror(errno);
            free(buf);
            close(fd);
            return NULL;
        }
        n += (size_t)got;
        if ((long)n > max) {
            free(buf);
            close(fd);
            *too_big = true;
            *why = "file too large";
            return NULL;
        }
        if (got == 0) break;
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

bool cx_files_note_load(cx_files *f, uint32_t src, cx_span site, const char *resolved)
{
    char *copy = strdup(resolved);
    if (!copy || !CX_GROW(f->loads, f->cap_loads, f->n_loads, 8)) {
        free(copy);
        return false;
    }
    f->loads[f->n_loads++] = (cx_file_load){src, site, copy};
    return true;
}

uint32_t cx_files_loaded(const cx_files *f, const char *resolved)
{
    for (size_t i = f->n_loads; i-- > 0;)
        if (strcmp(f->loads[i].resolved, resolved) == 0) return f->loads[i].src;
    return 0;
}

static const cx_file_load *load_of(const cx_files *f, uint32_t src)
{
    for (size_t i = f->n_loads; i-- > 0;)
        if (f->loads[i].src == src) return &f->loads[i];
    return NULL;
}

bool cx_files_same_file(const cx_files *f, uint32_t a, uint32_t b, cx_span *site_a, cx_span *site_b)
{
    const cx_file_load *la = load_of(f, a), *lb = load_of(f, b);
    if (a == b || !la || !lb || strcmp(la->resolved, lb->resolved) != 0) return false;
    *site_a = la->site;
    *site_b = lb->site;
    return true;
}

void cx_files_too_big(cx_diag *diag, const char *path, long max_bytes, cx_span at)
{
    cx_error *e = cx_diag_add(diag, CX_E_LIMIT_SOURCE_SIZE, at, "'%s' is larger than %ld bytes",
                              path, max_bytes);
    if (e) cx_error_set_hint(e, "the limit is set with --max-source BYTES");
}

/* Reads the file `resolved` into a new source named `path` (as written);
 * 0 after reporting an error. */
uint32_t cx_files_load(cx_files *f, cx_sources *sources, cx_diag *diag, const char *path,
                       const char *resolved, long max_bytes, cx_span at)
{
    size_t len = 0;
    const char *why = NULL;
    bool too_big;
    char *text = cx_files_read(resolved, max_bytes, &len, &why, &too_big);
    if (!text) {
        if (too_big) cx_files_too_big(diag, path, max_bytes, at);
        else cx_diag_add(diag, CX_E_IO_READ, at, "cannot read '%s': %s", path, why);
        return 0;
    }
    uint32_t id = cx_sources_add(sources, path, text, len);
    free(text);
    if (!id || !cx_files_note_load(f, id, at, resolved)) {
        cx_diag_add(diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        return 0;
    }
    return id;
}

/* Finds the file a run reads: the entry file, whose folder becomes the
 * run's root, or an included one, which must lie inside the root or a
 * folder the host allowed (files.h).  false after reporting an error. */
bool cx_files_find(cx_files *f, cx_diag *diag, const char *path, const char *written, bool entry,
                   cx_span at, char *resolved)
{
    int err = 0;
    cx_path_status ps;
    if (entry) {
        ps = realpath(path, resolved) ? CX_PATH_OK : CX_PATH_MISSING;
        err = errno;
        if (ps == CX_PATH_OK && !cx_files_set_root(f, resolved)) ps = CX_PATH_NOMEM;
    } else {
        ps = cx_files_resolve(f, path, resolved, &err);
    }
    switch (ps) {
    case CX_PATH_OK: return true;
    case CX_PATH_MISSING:
        cx_diag_add(diag, CX_E_IO_READ, at, "cannot read '%s': %s", path, strerror(err));
        return false;
    case CX_PATH_OUTSIDE: {
        cx_error *e = cx_diag_add(diag, CX_E_IO_READ_OUTSIDE, at,
                                  "'%s' is outside the folders this script may read", written);
        if (e)
            cx_error_set_hint(e, "a script reads files in its own folder and below; "
                                 "--allow-read DIR allows another folder");
        return false;
    }
    case CX_PATH_NOMEM: break;
    }
    cx_diag_add(diag, CX_E_LIMIT_MEMORY, at, "out of memory");
    return false;
}
