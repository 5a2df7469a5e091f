/* knit_cmark.h - cmark-gfm, loaded when cx knit renders HTML instead of
 * linked: a script run never maps cmark-gfm and its extensions library (two
 * of the nine libraries a script run mapped, about 5% of its start-up).
 * knit_html.c calls cmark-gfm through these pointers only; its code keeps
 * cmark's own names through the macros below. */
#ifndef CX_CLI_KNIT_CMARK_H
#define CX_CLI_KNIT_CMARK_H

#include <stdbool.h>
#include <stddef.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

typedef struct cx_cmark {
    void (*gfm_core_extensions_ensure_registered)(void);
    cmark_syntax_extension *(*find_syntax_extension)(const char *name);
    cmark_parser *(*parser_new)(int options);
    int (*parser_attach_syntax_extension)(cmark_parser *parser, cmark_syntax_extension *ext);
    void (*parser_feed)(cmark_parser *parser, const char *buffer, size_t len);
    cmark_node *(*parser_finish)(cmark_parser *parser);
    cmark_llist *(*parser_get_syntax_extensions)(cmark_parser *parser);
    void (*parser_free)(cmark_parser *parser);
    cmark_iter *(*iter_new)(cmark_node *root);
    cmark_event_type (*iter_next)(cmark_iter *iter);
    cmark_node *(*iter_get_node)(cmark_iter *iter);
    void (*iter_free)(cmark_iter *iter);
    cmark_node *(*node_new)(cmark_node_type type);
    cmark_node *(*node_first_child)(cmark_node *node);
    cmark_node *(*node_next)(cmark_node *node);
    cmark_node_type (*node_get_type)(cmark_node *node);
    const char *(*node_get_url)(cmark_node *node);
    int (*node_set_url)(cmark_node *node, const char *url);
    const char *(*node_get_fence_info)(cmark_node *node);
    const char *(*node_get_literal)(cmark_node *node);
    int (*node_set_literal)(cmark_node *node, const char *content);
    int (*node_replace)(cmark_node *oldnode, cmark_node *newnode);
    void (*node_unlink)(cmark_node *node);
    void (*node_free)(cmark_node *node);
    char *(*render_html)(cmark_node *root, int options, cmark_llist *extensions);
    char *(*render_plaintext)(cmark_node *root, int options, int width);
} cx_cmark;

/* Loads cmark-gfm's extensions library (which brings cmark-gfm) and every
 * function above, once per process; later calls answer at once.  false with
 * the reason in why (the library or the function that is missing). */
bool cx_cmark_load(char *why, size_t why_size);
/* The functions; valid after cx_cmark_load succeeded. */
extern cx_cmark cx_cmark_fns;

#ifdef CX_CMARK_NAMES
#define cmark_gfm_core_extensions_ensure_registered                                                \
    cx_cmark_fns.gfm_core_extensions_ensure_registered
#define cmark_find_syntax_extension          cx_cmark_fns.find_syntax_extension
#define cmark_parser_new                     cx_cmark_fns.parser_new
#define cmark_parser_attach_syntax_extension cx_cmark_fns.parser_attach_syntax_extension
#define cmark_parser_feed                    cx_cmark_fns.parser_feed
#define cmark_parser_finish                  cx_cmark_fns.parser_finish
#define cmark_parser_get_syntax_extensions   cx_cmark_fns.parser_get_syntax_extensions
#define cmark_parser_free                    cx_cmark_fns.parser_free
#define cmark_iter_new                       cx_cmark_fns.iter_new
#define cmark_iter_next                      cx_cmark_fns.iter_next
#define cmark_iter_get_node                  cx_cmark_fns.iter_get_node
#define cmark_iter_free                      cx_cmark_fns.iter_free
#define cmark_node_new                       cx_cmark_fns.node_new
#define cmark_node_first_child               cx_cmark_fns.node_first_child
#define cmark_node_next                      cx_cmark_fns.node_next
#define cmark_node_get_type                  cx_cmark_fns.node_get_type
#define cmark_node_get_url                   cx_cmark_fns.node_get_url
#define cmark_node_set_url                   cx_cmark_fns.node_set_url
#define cmark_node_get_fence_info            cx_cmark_fns.node_get_fence_info
#define cmark_node_get_literal               cx_cmark_fns.node_get_literal
#define cmark_node_set_literal               cx_cmark_fns.node_set_literal
#define cmark_node_replace                   cx_cmark_fns.node_replace
#define cmark_node_unlink                    cx_cmark_fns.node_unlink
#define cmark_node_free                      cx_cmark_fns.node_free
#define cmark_render_html                    cx_cmark_fns.render_html
#define cmark_render_plaintext               cx_cmark_fns.render_plaintext
#endif

#endif
