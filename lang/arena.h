/* arena.h - a bump allocator: a parse's nodes and strings live in one arena
 * and are freed together with cx_arena_free. */
#ifndef CX_ARENA_H
#define CX_ARENA_H

#include <stddef.h>

typedef struct cx_arena_block cx_arena_block;
typedef struct cx_arena {
    cx_arena_block *head;
    size_t used_bytes; /* total handed out, for limits and tests */
} cx_arena;

void  cx_arena_init(cx_arena *a);
void  cx_arena_free(cx_arena *a);
/* Zeroed, max_align_t-aligned memory; NULL on allocation failure. */
void *cx_arena_alloc(cx_arena *a, size_t size);
char *cx_arena_strndup(cx_arena *a, const char *s, size_t len); /* NUL-terminated copy */

#endif
