/* structure.c - prints the block structure of a Markdown file as cmark-gfm
 * (with GitHub tables) parses it: one line per block, indented by depth,
 * leaving out code blocks and raw HTML blocks.  tests/knit/structure.sh runs
 * it over a report and its knitted Markdown: cx constructs are code blocks,
 * HTML comments or inline text, so the two must print the same lines.  A
 * paragraph that is only a chart's image (![...](NAME-chart-K.svg), what a
 * block's chart becomes) is part of that block's output and left out too.
 *   usage: structure FILE.md */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* A paragraph holding one image whose link ends in -chart-K.svg. */
static bool chart_image(cmark_node *para)
{
    cmark_node *img = cmark_node_first_child(para);
    if (!img || cmark_node_next(img) || cmark_node_get_type(img) != CMARK_NODE_IMAGE) return false;
    const char *url = cmark_node_get_url(img);
    const char *at = url ? strstr(url, "-chart-") : NULL;
    size_t n = url ? strlen(url) : 0;
    return at && n > 4 && strcmp(url + n - 4, ".svg") == 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: structure FILE.md\n", stderr);
        return 64;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 4;
    }
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) cmark_parser_feed(p, buf, n);
    fclose(f);
    cmark_node *doc = cmark_parser_finish(p);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    int depth = 0;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(node);
        bool block = (t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
        if (!block || t == CMARK_NODE_DOCUMENT) continue;
        if (ev == CMARK_EVENT_EXIT) {
            depth--;
            continue;
        }
        if (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK ||
            t == CMARK_NODE_THEMATIC_BREAK) {
            if (t == CMARK_NODE_THEMATIC_BREAK) printf("%*shr\n", depth * 2, "");
            continue; /* leaves without children: no exit event */
        }
        if (t == CMARK_NODE_PARAGRAPH && chart_image(node)) {
            cmark_iter_reset(it, node, CMARK_EVENT_EXIT); /* skip it whole */
            continue;
        }
        printf("%*s%s\n", depth * 2, "", cmark_node_get_type_string(node));
        depth++;
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    cmark_parser_free(p);
    return 0;
}
