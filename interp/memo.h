/* memo.h - remembered results of user function calls.  A cx function has
 * no side effects: its result depends only on its arguments and on the
 * script's names, so a call with the same arguments while no name has
 * changed (env generation) gives the same value.  Remembering it makes
 * `fn f(n) = ... f(n - 1) + f(n - 1)` linear instead of exponential.  Only
 * calls whose arguments are numbers, periods, strings or booleans are
 * remembered; the table is bounded and simply starts over when full. */
#ifndef CX_MEMO_H
#define CX_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../lang/ast.h"
#include "../runtime/value.h"

/* One remembered call.  The first argument is kept in the entry (most
 * functions take one); the others, if any, in `more`. */
typedef struct cx_memo_entry {
    const cx_ast *fn;
    uint64_t hash, generation;
    size_t nargs;
    cx_value arg0;  /* when nargs >= 1 */
    cx_value *more; /* arguments 2..nargs, malloc'ed; NULL when nargs <= 1 */
    cx_value result;
} cx_memo_entry;

/* The entries lie side by side in the order remembered; an open-addressing
 * index of 32-bit entry numbers finds them (a table of 10,000 calls takes
 * about 1.5 MB, not the 3.5 MB of whole entries in a half-empty table). */
typedef struct cx_memo {
    cx_memo_entry *entries;
    size_t len, cap;
    uint32_t *index;  /* slot -> entry number + 1, 0 = empty */
    size_t index_cap; /* a power of two, at least twice len */
} cx_memo;

enum { CX_MEMO_MAX_ENTRIES = 1 << 16 };

void cx_memo_init(cx_memo *m);
void cx_memo_free(cx_memo *m);

/* The remembered result of fn(args) at `generation`, copied into *out;
 * false when there is none (or the arguments are not remembered). */
bool cx_memo_get(const cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                 uint64_t generation, cx_value *out);
/* Remembers fn(args) = result (arguments that are not remembered: nothing
 * to do).  false when memory ran out: a recursion that relies on remembered
 * results would otherwise go on exponentially, so the caller stops. */
bool cx_memo_put(cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                 uint64_t generation, const cx_value *result);

#endif
