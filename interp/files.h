/* files.h - the files a run may read.  A script reads only files inside its
 * own folder tree (for text from -e or standard input: the current
 * directory) and inside folders the host allowed (--allow-read).  A path is
 * checked after its symlinks and '..' are resolved and before anything is
 * opened, so neither an absolute path, nor '..', nor a symlink that points
 * outside reaches a file there.  Every file read is remembered with the
 * statement that read it, so including one file twice can be explained. */
#ifndef CX_FILES_H
#define CX_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../include/cx.h"
#include "../runtime/error.h"
#include "../runtime/source.h"

typedef struct cx_file_load {
    uint32_t src;   /* the source the file became */
    cx_span site;   /* the statement that read it (CX_NO_SPAN: the entry file) */
    char *resolved; /* its real path */
} cx_file_load;

typedef struct cx_files {
    char **allowed; /* folders the host allowed, resolved; they stay */
    size_t n_allowed, cap_allowed;
    char *run_root; /* the entry file's folder (or the current one), this run */
    cx_file_load *loads;
    size_t n_loads, cap_loads;
} cx_files;

typedef enum cx_path_status {
    CX_PATH_OK,
    CX_PATH_MISSING, /* does not resolve: *err holds errno */
    CX_PATH_OUTSIDE, /* resolves outside every allowed folder */
    CX_PATH_NOMEM,
} cx_path_status;

void cx_files_init(cx_files *f);
void cx_files_free(cx_files *f);

/* Adds a folder the host allows; false when it does not resolve to a
 * folder or memory runs out. */
bool cx_files_allow(cx_files *f, const char *dir);
/* Sets this run's root: the folder of `entry` (a resolved file path), or
 * the current directory when entry is NULL.  false on failure. */
bool cx_files_set_root(cx_files *f, const char *entry);

/* Resolves `path` into resolved[PATH_MAX] and checks that it lies in the
 * run's root or an allowed folder.  Opens nothing. */
cx_path_status cx_files_resolve(const cx_files *f, const char *path, char *resolved, int *err);

/* Reads a whole regular file, refusing more than `max` bytes, FIFOs and
 * devices (they would block or never end).  malloc'ed text, NUL-terminated;
 * NULL with *why (a static reason) and *too_big on failure. */
char *cx_files_read(const char *resolved, long max, size_t *len, const char **why, bool *too_big);

/* Finds the file a run reads: the entry file (`entry`), whose folder
 * becomes the run's root, or another one (`path` relative to the current
 * directory, `written` as the script wrote it), which must lie inside the
 * root or an allowed folder.  Its real path goes to resolved[PATH_MAX];
 * false after reporting an error at `at`. */
bool cx_files_find(cx_files *f, cx_diag *diag, const char *path, const char *written, bool entry,
                   cx_span at, char *resolved);
/* Reads the file found as `resolved` into a new source named `path`, at
 * most max_bytes; its id, or 0 after reporting an error at `at`. */
uint32_t cx_files_load(cx_files *f, cx_sources *sources, cx_diag *diag, const char *path,
                       const char *resolved, long max_bytes, cx_span at);
/* The error for a file over the source-size limit. */
void cx_files_too_big(cx_diag *diag, const char *path, long max_bytes, cx_span at);

/* Remembers that source `src` is the file `resolved`, read at `site`. */
bool cx_files_note_load(cx_files *f, uint32_t src, cx_span site, const char *resolved);
/* The source a file became when it was read before, or 0. */
uint32_t cx_files_loaded(const cx_files *f, const char *resolved);
/* When sources a and b are the same file read twice, the statements that
 * read each. */
bool cx_files_same_file(const cx_files *f, uint32_t a, uint32_t b, cx_span *site_a,
                        cx_span *site_b);

#endif
