/* numalloc.h - memory accounting for GMP and MPFR: every limb cx allocates
 * goes through these hooks (mp_set_memory_functions), so --max-memory can be
 * enforced and a real out-of-memory never reaches GMP's abort().
 *
 * The limit is soft: an allocation over it still succeeds, but a sticky flag
 * is raised that the evaluator polls after operations and turns into a limit
 * error (robustness.md §2).  Size checks in number.c keep single results far
 * below the limit, so the flag is mostly reached by many moderate numbers.
 *
 * The hooks are process-wide, as GMP's are; what they count is not.  Bytes
 * are charged to an account: each thread charges the account it was given
 * with cx_numalloc_use (a state gives its own while it runs, so two states
 * never share a limit, whichever threads run them), or else a default
 * account of its own (_Thread_local).  No lock is needed: an account is
 * used by one thread at a time.  A block freed under another account than
 * the one it was charged to (a value of one state freed while another runs,
 * MPFR's per-thread caches) is not tracked exactly: counters never go below
 * 0. */
#ifndef CX_NUMALLOC_H
#define CX_NUMALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* What a state (or a thread by default) holds, and its soft limit. */
typedef struct cx_numalloc_account {
    size_t in_use; /* bytes currently charged */
    size_t limit;  /* soft limit in bytes; 0: none */
    bool over;     /* in_use went past limit (sticky until cx_numalloc_reset) */
} cx_numalloc_account;

/* Charges the calling thread's allocations to `a` from now on (NULL: the
 * thread's default account) and returns the account charged until now, for
 * the caller to restore when it is done. */
cx_numalloc_account *cx_numalloc_use(cx_numalloc_account *a);

/* Installs the counting hooks with mp_set_memory_functions, once per
 * process (safe to call from several threads at once).  Call it before any
 * GMP/MPFR object exists (memory allocated before is freed correctly but
 * never counted).  It also resets MPFR's cached copy of the memory
 * functions (mpfr_mp_memory_cleanup) for the thread that installs. */
void cx_numalloc_install(void);

/* The functions below act on the account the calling thread charges now. */

/* Soft limit in bytes; 0 means no limit. */
void cx_numalloc_set_limit(size_t bytes);

/* Bytes currently charged to the account. */
size_t cx_numalloc_in_use(void);

/* True once the bytes in use went past the limit; stays true until
 * cx_numalloc_reset, even if memory was freed meanwhile. */
bool cx_numalloc_over_limit(void);

/* Clears the over-limit flag (the counters are kept). */
void cx_numalloc_reset(void);

/* `fn` is called when the system allocator really returned NULL, with the
 * size requested.  GMP cannot continue after a failed allocation, so a host
 * such as the CLI prints "out of memory" and _exit(4)s (or long-jumps to a
 * boundary it owns).  If `fn` returns, the allocation is retried once (it may
 * have released memory).
 *
 * Without a handler (or when the retry fails too) the library still never
 * calls exit() or abort(): the NULL is handed back to GMP, which has no
 * recovery path and will normally crash the process (SIGSEGV) right there.
 * An embedding host that cares must therefore install a handler.  NULL
 * removes the handler.  Process-wide; set it before threads use cx. */
void cx_numalloc_set_fatal(void (*fn)(size_t request));

#endif
