/* knit.h - what the files of `cx knit` share: the cx constructs found in a
 * report (knit_scan.c), what running them gave (knit.c), and the two
 * renderings: Markdown spliced from the report's own bytes (knit_md.c) and
 * a standalone HTML page through cmark-gfm (knit_html.c).  Private to cli/. */
#ifndef CX_KNIT_H
#define CX_KNIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "cx.h"

typedef enum knit_kind {
    KNIT_BLOCK,  /* ```cx or ```{cx} fenced block */
    KNIT_HIDDEN, /* <!--cx ... --> */
    KNIT_INLINE, /* `{cx} EXPR` */
    KNIT_BOUND,  /* [TEXT](cx:EXPR) */
} knit_kind;

/* One output record of a block, kept for rendering. */
typedef struct knit_record {
    cx_output_kind kind;
    bool passed;   /* CHECK */
    char *text;    /* the lines cx prints for it */
    char **cells;  /* TABLE: n_columns header strings, then the rows' cells */
    bool *numeric; /* TABLE: per cell after the header, whether it is a number */
    size_t n_columns, n_cells;
    char *svg;      /* CHART: the chart as SVG (cx_output_chart_svg) */
    char *alt;      /* CHART: its title, or "chart": the image's text */
    char *svg_file; /* CHART, Markdown output: the .svg beside it, as linked */
} knit_record;

typedef struct knit_item {
    knit_kind kind;
    size_t start, end;       /* the construct's bytes in the report */
    size_t code, code_len;   /* the cx code: block body, comment body, expression */
    size_t text, text_len;   /* BOUND: the figure as written */
    bool echo, output, eval; /* BLOCK options (knitr's names) */
    bool whole_lines;        /* HIDDEN: alone on its lines (they go with it) */
    uint32_t region;
    /* results */
    knit_record *records; /* BLOCK */
    size_t n_records, cap_records;
    char *value;          /* INLINE: the value; BOUND: the computed value in the figure's form */
    char *detail;         /* BOUND: how it was decided */
    bool checked, passed; /* BOUND */
    bool failed;          /* a failed check or bound number here */
    char *error;          /* --keep-going: the errors found here, as cx renders them */
} knit_item;

/* A problem with the report's structure, found while scanning. */
typedef struct knit_problem {
    size_t start, len;
    char *message, *hint;
} knit_problem;

typedef struct knit_doc {
    const char *text; /* the report (borrowed from the state) */
    size_t len;
    knit_item *items;
    size_t n_items, cap_items;
    knit_problem *problems;
    size_t n_problems, cap_problems;
} knit_doc;

/* knit_scan.c: finds every construct of the report, in order, and the
 * problems of its structure (an unclosed fence, an unknown option).  Linear
 * in the report's size.  False when memory ran out. */
bool cx_knit_scan(knit_doc *doc);
void cx_knit_doc_free(knit_doc *doc);

/* A growable byte buffer for the renderings. */
typedef struct knit_buf {
    char *data;
    size_t len, cap;
    bool failed; /* an allocation failed: the buffer is incomplete */
} knit_buf;
void cx_knit_put(knit_buf *b, const char *s, size_t n);
void cx_knit_puts(knit_buf *b, const char *s);
/* s with & < > " ' as entities, for HTML text and attributes. */
void cx_knit_put_html(knit_buf *b, const char *s, size_t n);

/* knit_md.c: the report's bytes with every construct replaced by what it
 * gave.  `placeholder` (for HTML) replaces blocks and inline constructs by
 * marks instead ("```P-7" fences, `P-7` code spans) that knit_html.c finds
 * again in cmark's tree. */
void cx_knit_markdown(const knit_doc *doc, knit_buf *out, const char *placeholder);
/* --fix: the report's bytes with every wrong bound-number text replaced by
 * the computed value written the way the author wrote the figure, and every
 * empty one filled in.  Returns how many texts changed. */
size_t cx_knit_fixed(const knit_doc *doc, knit_buf *out);
/* A mark no report text contains: "cxknit" then q's. */
char *cx_knit_placeholder(const knit_doc *doc);

/* knit_html.c: the standalone page.  `unsafe`: the report's own raw HTML is
 * kept (trusted authors); otherwise it is dropped, as are javascript: links.
 * cmark-gfm must be loaded first (cx_cmark_load, knit_cmark.h).
 * False when cmark or memory failed, or when a construct has no place in
 * the page (cmark reads it as part of raw HTML, a link or code): then
 * *lost is its index (else SIZE_MAX). */
bool cx_knit_html(const knit_doc *doc, const char *name, bool unsafe, int digits, knit_buf *out,
                  size_t *lost);

/* The first line of an item's error ("report.md:3:7: error: ..."), for an
 * inline mark; its length in *len. */
const char *cx_knit_error_line(const knit_item *it, size_t *len);

/* knit_json.c: --json, every construct with its place in the report, value
 * and verdict (docs/knit.md); `line_of` gives a byte's line and column.
 * False when writing or memory failed. */
typedef void (*knit_line_col_fn)(void *ud, size_t at, size_t *line, size_t *col);
bool cx_knit_json(const knit_doc *doc, const char *name, int status, knit_line_col_fn line_of,
                  void *ud, FILE *out);

/* knit.c: `cx knit ...`; argv[0] is "knit".  Returns the exit status. */
int cx_cli_knit(int argc, char **argv);

#endif
