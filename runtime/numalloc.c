/* numalloc.c - the GMP/MPFR allocation hooks: count the bytes charged to
 * the calling thread's account (a state's while it runs), raise a sticky
 * flag past the soft limit, and hand a real allocation failure to the
 * host's handler.  Never prints, exits or aborts. */
#include "numalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <gmp.h>
#include <mpfr.h>

/* Each thread charges its own default account until told otherwise. */
static _Thread_local cx_numalloc_account thread_account;
static _Thread_local cx_numalloc_account *current;

/* Process-wide like the hooks; set once by the host at start-up.  Atomic
 * because any thread's failed allocation reads it. */
static _Atomic(void (*)(size_t)) fatal_fn;

static cx_numalloc_account *account(void) { return current ? current : &thread_account; }

cx_numalloc_account *cx_numalloc_use(cx_numalloc_account *a)
{
    cx_numalloc_account *prev = current;
    current = a;
    return prev;
}

static void account_grow(size_t n)
{
    cx_numalloc_account *a = account();
    a->in_use += n;
    if (a->limit != 0 && a->in_use > a->limit) a->over = true;
}

static void account_shrink(size_t n)
{
    /* A block allocated before install, or charged to another account, may
     * be freed here: never let the counter wrap below zero. */
    cx_numalloc_account *a = account();
    a->in_use = n > a->in_use ? 0 : a->in_use - n;
}

/* The system allocator failed.  Give the host a chance, then retry once. */
static void *after_failure(void *old, size_t n)
{
    void (*fn)(size_t) = atomic_load(&fatal_fn);
    if (fn == NULL) return NULL;
    fn(n);
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

static void install_once(void)
{
    void *(*cur_alloc)(size_t);
    mp_get_memory_functions(&cur_alloc, NULL, NULL);
    if (cur_alloc == hook_alloc) return;
    mp_set_memory_functions(hook_alloc, hook_realloc, hook_free);
    /* MPFR keeps its own copy of GMP's functions once it has used them. */
    mpfr_mp_memory_cleanup();
}

void cx_numalloc_install(void)
{
    /* GMP's function pointers are plain globals: set them once, not in a
     * race between two threads creating their first states. */
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_once);
}

void cx_numalloc_set_limit(size_t bytes)
{
    cx_numalloc_account *a = account();
    a->limit = bytes;
    if (a->limit != 0 && a->in_use > a->limit) a->over = true;
}

size_t cx_numalloc_in_use(void) { return account()->in_use; }

bool cx_numalloc_over_limit(void) { return account()->over; }

void cx_numalloc_reset(void) { account()->over = false; }

void cx_numalloc_set_fatal(void (*fn)(size_t request)) { atomic_store(&fatal_fn, fn); }
