/* arena.c - the bump allocator behind a parse: every AST node and string of
 * one unit comes from here and is released by one cx_arena_free.  It knows
 * nothing of nodes; it hands out zeroed, aligned bytes. */
#include "arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Blocks grow geometrically so a big parse makes few malloc calls; a request
 * larger than a block gets a block of its own. */
#define FIRST_BLOCK_BYTES ((size_t)8 * 1024)
#define MAX_BLOCK_BYTES   ((size_t)1024 * 1024)

struct cx_arena_block {
    cx_arena_block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    /* The header is padded so that data[] starts max_align_t-aligned. */
    alignas(max_align_t) unsigned char data[];
};

void cx_arena_init(cx_arena *a)
{
    a->head = NULL;
    a->used_bytes = 0;
}

void cx_arena_free(cx_arena *a)
{
    cx_arena_block *b = a->head;
    while (b) {
        cx_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_bytes = 0;
}

static size_t round_up(size_t n)
{
    size_t al = alignof(max_align_t);
    return (n + al - 1) / al * al;
}

void *cx_arena_alloc(cx_arena *a, size_t size)
{
    if (size == 0) size = 1;
    if (size > SIZE_MAX / 2) return NULL;
    size = round_up(size);
    cx_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = b ? b->size * 2 : FIRST_BLOCK_BYTES;
        if (want > MAX_BLOCK_BYTES) want = MAX_BLOCK_BYTES;
        if (want < size) want = size;
        cx_arena_block *nb = malloc(sizeof *nb + want);
        if (!nb) return NULL;
        nb->size = want;
        nb->used = 0;
        /* A dedicated block for a big request goes behind the current one,
         * so the current block's free space stays in use. */
        if (b && want == size && b->size - b->used > 0) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_bytes += size;
    memset(p, 0, size);
    return p;
}

char *cx_arena_strndup(cx_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX) return NULL;
    char *p = cx_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
