/* knit_cmark.c - loading cmark-gfm for cx knit's HTML (knit_cmark.h). */
#include "knit_cmark.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Debian 12's libcmark-gfm-extensions0.29.0.gfm.6: the soname is the ABI we
 * compiled against, and it names libcmark-gfm as a dependency, so its
 * handle finds both libraries' functions. */
#define CX_CMARK_SONAME "libcmark-gfm-extensions.so.0.29.0.gfm.6"

cx_cmark cx_cmark_fns;

/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
#define LOAD(field, name)                                                                          \
    do {                                                                                           \
        void *sym = dlsym(lib, name);                                                              \
        if (!sym) {                                                                                \
            snprintf(why, why_size, "%s has no %s", CX_CMARK_SONAME, name);                        \
            memset(&f, 0, sizeof f);                                                               \
            return false;                                                                          \
        }                                                                                          \
        memcpy(&f.field, &sym, sizeof sym);                                                        \
    } while (0)

/* The library stays mapped until the process ends (cmark-gfm keeps its
 * registered extensions in globals). */
bool cx_cmark_load(char *why, size_t why_size)
{
    static bool loaded;
    if (loaded) return true;
    void *lib = dlopen(CX_CMARK_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(why, why_size, "%s", e ? e : "cannot load " CX_CMARK_SONAME);
        return false;
    }
    cx_cmark f;
    LOAD(gfm_core_extensions_ensure_registered, "cmark_gfm_core_extensions_ensure_registered");
    LOAD(find_syntax_extension, "cmark_find_syntax_extension");
    LOAD(parser_new, "cmark_parser_new");
    LOAD(parser_attach_syntax_extension, "cmark_parser_attach_syntax_extension");
    LOAD(parser_feed, "cmark_parser_feed");
    LOAD(parser_finish, "cmark_parser_finish");
    LOAD(parser_get_syntax_extensions, "cmark_parser_get_syntax_extensions");
    LOAD(parser_free, "cmark_parser_free");
    LOAD(iter_new, "cmark_iter_new");
    LOAD(iter_next, "cmark_iter_next");
    LOAD(iter_get_node, "cmark_iter_get_node");
    LOAD(iter_free, "cmark_iter_free");
    LOAD(node_new, "cmark_node_new");
    LOAD(node_first_child, "cmark_node_first_child");
    LOAD(node_next, "cmark_node_next");
    LOAD(node_get_type, "cmark_node_get_type");
    LOAD(node_get_url, "cmark_node_get_url");
    LOAD(node_set_url, "cmark_node_set_url");
    LOAD(node_get_fence_info, "cmark_node_get_fence_info");
    LOAD(node_get_literal, "cmark_node_get_literal");
    LOAD(node_set_literal, "cmark_node_set_literal");
    LOAD(node_replace, "cmark_node_replace");
    LOAD(node_unlink, "cmark_node_unlink");
    LOAD(node_free, "cmark_node_free");
    LOAD(render_html, "cmark_render_html");
    LOAD(render_plaintext, "cmark_render_plaintext");
    cx_cmark_fns = f;
    loaded = true;
    return true;
}
