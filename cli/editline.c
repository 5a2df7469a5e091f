/* editline.c - loading libedit for the REPL (editline.h). */
#include "editline.h"

#include <dlfcn.h>
#include <string.h>

/* Debian 12's libedit2; the soname is the ABI we compiled against. */
#define CX_EDITLINE_SONAME "libedit.so.2"

/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
#define LOAD(field, name)                                                                          \
    do {                                                                                           \
        void *sym = dlsym(ed->lib, name);                                                          \
        if (!sym) {                                                                                \
            snprintf(why, why_size, "%s has no %s", CX_EDITLINE_SONAME, name);                     \
            cx_editline_unload(ed);                                                                \
            return false;                                                                          \
        }                                                                                          \
        memcpy(&ed->field, &sym, sizeof sym);                                                      \
    } while (0)

bool cx_editline_load(cx_editline *ed, char *why, size_t why_size)
{
    memset(ed, 0, sizeof *ed);
    ed->lib = dlopen(CX_EDITLINE_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!ed->lib) {
        const char *e = dlerror();
        snprintf(why, why_size, "%s", e ? e : "cannot load " CX_EDITLINE_SONAME);
        return false;
    }
    LOAD(el_init, "el_init");
    LOAD(el_end, "el_end");
    LOAD(el_set, "el_set");
    LOAD(el_wset, "el_wset");
    LOAD(el_source, "el_source");
    LOAD(el_gets, "el_gets");
    LOAD(el_line, "el_line");
    LOAD(el_insertstr, "el_insertstr");
    LOAD(history_init, "history_init");
    LOAD(history_end, "history_end");
    LOAD(history, "history");
    return true;
}

/* The library stays mapped until the process ends: libedit's own globals
 * hold memory (terminal capabilities, its key maps) that would turn into
 * leaks the moment dlclose unmapped them. */
void cx_editline_unload(cx_editline *ed) { memset(ed, 0, sizeof *ed); }
