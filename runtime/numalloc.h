/* numalloc.h - memory accounting for GMP and MPFR: every limb cx allocates
 * goes through these hooks (mp_set_memory_functions), so --max-memory can be
 * enforced and a real out-of-memory never reaches GMP's abort().
 *
 * The limit is soft: an allocation over it still succeeds, but a sticky flag
 * is raised that the evaluator polls after operations and turns into a limit
 * error (robustness.md §2).  Size checks in number.c keep single results far
 * below the limit, so the flag is mostly reached by many moderate numbers.
 *
 * Counters and the flag are per thread (_Thread_local); the hooks themselves
 * are process-wide, as GMP's are.  Memory freed by another thread than the
 * one that allocated it is not tracked exactly (counters never go below 0). */
#ifndef CX_NUMALLOC_H
#define CX_NUMALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* Installs the counting hooks with mp_set_memory_functions.  Idempotent.
 * Call it before any GMP/MPFR object exists (memory allocated before is
 * freed correctly but never counted).  It also resets MPFR's cached copy of
 * the memory functions (mpfr_mp_memory_cleanup) for the calling thread. */
void cx_numalloc_install(void);

/* Soft limit in bytes for the calling thread; 0 means no limit. */
void cx_numalloc_set_limit(size_t bytes);

/* Bytes currently allocated through the hooks by the calling thread. */
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
 * removes the handler. */
void cx_numalloc_set_fatal(void (*fn)(size_t request));

#endif
