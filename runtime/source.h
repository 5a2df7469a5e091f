/* source.h - the sources of a run: name, bytes and a line-start table, so a
 * byte offset becomes line:column (columns count UTF-8 characters) only when
 * an error is rendered.  Source ids start at 1; 0 means "no source". */
#ifndef CX_SOURCE_H
#define CX_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../include/cx.h"

typedef struct cx_source {
    char *name; /* as shown in messages: "examples/thesis.cx", "<-e>", "<stdin>" */
    char *dir;  /* directory for relative includes ("" = current) */
    char *text; /* owned copy of the bytes, NUL-terminated */
    size_t len;
    uint32_t *line_starts; /* byte offset of each line's first byte */
    size_t n_lines;
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

/* 1-based line and column (in characters) of a byte offset (offset == len is
 * allowed: the position just past the end).  A UTF-8 byte-order mark at the
 * start of the text takes no column. */
void cx_source_line_col(const cx_source *src, uint32_t offset, size_t *line, size_t *col);
/* The text a span covers with every run of whitespace folded to one space
 * ("capex 2025  /\n 2" -> "capex 2025 / 2"), as output records quote an
 * expression.  malloc'ed; "" for a span outside its source; NULL on
 * allocation failure. */
char *cx_sources_text(const cx_sources *s, cx_span span);
/* The text of 1-based `line` without its newline (and without a '\r'); line
 * 1 without a byte-order mark at the start of the text. */
const char *cx_source_line(const cx_source *src, size_t line, size_t *len);

#endif
