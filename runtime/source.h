/* source.h - the sources of a run: name, bytes and a line-start table, so a
 * byte offset becomes line:column (columns count UTF-8 characters) only when
 * an error is rendered.  Source ids start at 1; 0 means "no source". */
#ifndef CX_SOURCE_H
#define CX_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../include/cx.h"

/* Where the last line:column answer was, so that asking again further along
 * the same line counts from there: many records on one long line (a
 * report's 100,000 hidden checks) cost their line once, not once each. */
typedef struct cx_col_cache {
    size_t line;  /* line index of the answer */
    uint32_t at;  /* its root offset */
    size_t chars; /* characters from the line's start to `at` */
    bool valid;
} cx_col_cache;

typedef struct cx_source {
    char *name; /* as shown in messages: "examples/thesis.cx", "<-e>", "<stdin>" */
    char *dir;  /* directory for relative includes ("" = current) */
    char *text; /* owned copy of the bytes, NUL-terminated */
    size_t len;
    uint32_t *line_starts; /* byte offset of each line's first byte (of the root's text) */
    size_t n_lines;
    /* Where positions are shown.  A file is its own root.  A region (a cx
     * block of a report) holds a copy of its bytes in `text`, but its
     * offsets map into the root's lines: offset o is root offset base + o
     * (o past `mapped`, in a suffix the host added, shows at its end), so
     * an error in a block points at the report's own line and column.
     * root_text and line_starts are then the root's heap buffers, which
     * never move, borrowed. */
    const char *root_text;
    size_t root_len;
    uint32_t base, mapped;
    bool region;
    cx_col_cache *col_cache; /* the root's (owned by the root, borrowed by its regions) */
    bool checked; /* a region that parsed without a syntax error (its syntax pass is done) */
} cx_source;

typedef struct cx_sources {
    cx_source *items; /* items[0] is the id-1 source */
    size_t len, cap;
} cx_sources;

void cx_sources_init(cx_sources *s);
void cx_sources_free(cx_sources *s);
/* Copies name and text; dir is derived from name.  Returns the new id (>= 1),
 * or 0 on allocation failure. */
uint32_t cx_sources_add(cx_sources *s, const char *name, const char *text, size_t len);
const cx_source *cx_sources_get(const cx_sources *s, uint32_t id); /* NULL for 0 / unknown */
/* Adds a region of source `parent` (a file or itself a region): the bytes
 * [start, start + len) of its text followed by `suffix` (may be NULL), read
 * as a source of its own that shows its positions in the parent's root
 * (see cx_source).  Named and placed like the parent.  Copies len +
 * strlen(suffix) bytes and nothing else, so many small regions of one big
 * file cost what their bytes cost.  Returns the new id, or 0 on a bad
 * range or allocation failure. */
uint32_t cx_sources_add_region(cx_sources *s, uint32_t parent, size_t start, size_t len,
                               const char *suffix);
/* The offset in the root's text that offset `offset` of src shows at. */
uint32_t cx_source_abs(const cx_source *src, uint32_t offset);

/* 1-based line and column (in characters) of a byte offset (offset == len is
 * allowed: the position just past the end).  A UTF-8 byte-order mark at the
 * start of the text takes no column. */
void cx_source_line_col(const cx_source *src, uint32_t offset, size_t *line, size_t *col);
/* The text a span covers with every run of whitespace folded to one space
 * ("capex 2025  /\n 2" -> "capex 2025 / 2"), as output records quote an
 * expression.  malloc'ed; "" for a span outside its source; NULL on
 * allocation failure. */
char *cx_sources_text(const cx_sources *s, cx_span span);
/* The text of 1-based `line` of the root without its newline (and without
 * a '\r'); line 1 without a byte-order mark at the start of the text.  The
 * pointer is into the root's text (src->root_text). */
const char *cx_source_line(const cx_source *src, size_t line, size_t *len);

#endif
