/* numalloc.c - the GMP/MPFR allocation hooks: count the bytes each thread
 * holds, raise a sticky flag past the soft limit, and hand a real allocation
 * failure to the host's handler.  Never prints, exits or aborts. */
#include "numalloc.h"

#include <stdlib.h>
#include <gmp.h>
#include <mpfr.h>

static _Thread_local size_t in_use;
static _Thread_local size_t limit;
static _Thread_local bool over;

/* Process-wide like the hooks; set once by the host at start-up. */
static void (*fatal_fn)(size_t request);

static void account_grow(size_t n)
{
    in_use += n;
    if (limit != 0 && in_use > limit) over = true;
}

static void account_shrink(size_t n)
{
    /* A block allocated before install, or by another thread, may be freed
     * here: never let the counter wrap below zero. */
    in_use = n > in_use ? 0 : in_use - n;
}

/* The system allocator failed.  Give the host a chance, then retry once. */
static void *after_failure(void *old, size_t n)
{
    if (fatal_fn == NULL) return NULL;
    fatal_fn(n);
    return old ? realloc(old, n) : malloc(n);
}

static void *hook_alloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL) p = after_failure(NULL, n);
    if (p != NULL) account_grow(n);
    return p;
}

static void *hook_realloc(void *old, size_t old_size, size_t new_size)
{
    void *p = realloc(old, new_size);
    if (p == NULL && new_size != 0) p = after_failure(old, new_size);
    if (p != NULL) {
        account_shrink(old_size);
        account_grow(new_size);
    }
    return p;
}

static void hook_free(void *p, size_t size)
{
    if (p == NULL) return;
    free(p);
    account_shrink(size);
}

void cx_numalloc_install(void)
{
    void *(*cur_alloc)(size_t);
    mp_get_memory_functions(&cur_alloc, NULL, NULL);
    if (cur_alloc == hook_alloc) return;
    mp_set_memory_functions(hook_alloc, hook_realloc, hook_free);
    /* MPFR keeps its own copy of GMP's functions once it has used them. */
    mpfr_mp_memory_cleanup();
}

void cx_numalloc_set_limit(size_t bytes)
{
    limit = bytes;
    if (limit != 0 && in_use > limit) over = true;
}

size_t cx_numalloc_in_use(void) { return in_use; }

bool cx_numalloc_over_limit(void) { return over; }

void cx_numalloc_reset(void) { over = false; }

void cx_numalloc_set_fatal(void (*fn)(size_t request)) { fatal_fn = fn; }
