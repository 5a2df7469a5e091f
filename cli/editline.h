/* editline.h - libedit, loaded when the REPL starts instead of linked: a
 * script run never maps libedit and what it pulls in (libtinfo, libbsd,
 * libmd), a quarter of cx's start-up time.  The REPL calls libedit through
 * these pointers only. */
#ifndef CX_CLI_EDITLINE_H
#define CX_CLI_EDITLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <histedit.h>

typedef struct cx_editline {
    void *lib; /* the dlopen handle; NULL when not loaded */
    EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
    void (*el_end)(EditLine *);
    int (*el_set)(EditLine *, int, ...);
    int (*el_wset)(EditLine *, int, ...);
    int (*el_source)(EditLine *, const char *);
    const char *(*el_gets)(EditLine *, int *);
    const LineInfo *(*el_line)(EditLine *);
    int (*el_insertstr)(EditLine *, const char *);
    History *(*history_init)(void);
    void (*history_end)(History *);
    int (*history)(History *, HistEvent *, int, ...);
} cx_editline;

/* Loads libedit (CX_EDITLINE_SONAME) and every function above.  false with
 * a reason in why (the library or the symbol that is missing). */
bool cx_editline_load(cx_editline *ed, char *why, size_t why_size);
/* Forgets the functions; the library itself stays loaded (editline.c). */
void cx_editline_unload(cx_editline *ed);

#endif
