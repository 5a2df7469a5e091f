/* arena.h - a bump allocator: a parse's nodes and strings live in one arena
 * and are freed together with cx_arena_free, or back to a mark with
 * cx_arena_reset (a script run statement by statement). */
#ifndef CX_ARENA_H
#define CX_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cx_arena_block cx_arena_block;
typedef struct cx_arena {
    cx_arena_block *head;
    cx_arena_block *spare; /* the biggest block a reset gave back, reused by the next growth */
    size_t used_bytes;     /* total handed out, for limits and tests */
} cx_arena;

/* A point to go back to: everything allocated after it is released by
 * cx_arena_reset; what came before stays valid. */
typedef struct cx_arena_mark {
    cx_arena_block *block, *next;
    size_t used, used_bytes;
} cx_arena_mark;

void cx_arena_init(cx_arena *a);
void cx_arena_free(cx_arena *a);
/* Zeroed, max_align_t-aligned memory; NULL on allocation failure. */
void *cx_arena_alloc(cx_arena *a, size_t size);
char *cx_arena_strndup(cx_arena *a, const char *s, size_t len); /* NUL-terminated copy */
/* Gives back the newest allocation, `last` of `last_size` bytes, together
 * with everything from p to it, when p lies before it in the same block;
 * nothing in that range may still be in use.  False (nothing given back)
 * when `last` is not the newest allocation. */
bool cx_arena_pop(cx_arena *a, const void *p, const void *last, size_t last_size);
cx_arena_mark cx_arena_get_mark(const cx_arena *a);
/* Releases everything allocated since m, which must be a mark of a taken
 * after the last reset to an earlier mark. */
void cx_arena_reset(cx_arena *a, cx_arena_mark m);

#endif
