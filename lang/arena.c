/* arena.c - the bump allocator behind a parse: every AST node and string of
 * one unit comes from here and is released by one cx_arena_free, or back to
 * a mark by cx_arena_reset.  It knows nothing of nodes; it hands out zeroed,
 * aligned bytes. */
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
    a->spare = NULL;
    a->used_bytes = 0;
}

void cx_arena_free(cx_arena *a)
{
    free(a->spare);
    a->spare = NULL;
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
        cx_arena_block *nb;
        /* A statement-by-statement run resets past a block boundary again
         * and again: reusing the block it gave back saves a malloc/free
         * pair (for a big block, an mmap/munmap pair) per statement. */
        if (a->spare && a->spare->size >= want) {
            nb = a->spare;
            a->spare = NULL;
            want = nb->size;
        } else {
            nb = malloc(sizeof *nb + want);
            if (!nb) return NULL;
        }
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

bool cx_arena_pop(cx_arena *a, const void *p, const void *last, size_t last_size)
{
    cx_arena_block *b = a->head;
    if (!b || last_size == 0) return false;
    const unsigned char *from = p, *top = b->data + b->used;
    const unsigned char *end = (const unsigned char *)last + round_up(last_size);
    if (end != top || from < b->data || from > (const unsigned char *)last) return false;
    size_t n = (size_t)(top - from);
    b->used -= n;
    a->used_bytes -= n;
    return true;
}

cx_arena_mark cx_arena_get_mark(const cx_arena *a)
{
    cx_arena_mark m = {a->head, a->head ? a->head->next : NULL, a->head ? a->head->used : 0,
                       a->used_bytes};
    return m;
}

/* Keeps the biggest released block as the spare, frees the other. */
static void release(cx_arena *a, cx_arena_block *b)
{
    if (a->spare && a->spare->size >= b->size) {
        free(b);
        return;
    }
    free(a->spare);
    a->spare = b;
}

void cx_arena_reset(cx_arena *a, cx_arena_mark m)
{
    /* Blocks made since the mark sit in front of m.block, except dedicated
     * ones for big requests made while m.block was the head: those went in
     * right behind it, in front of m.next. */
    cx_arena_block *b = a->head;
    while (b && b != m.block) {
        cx_arena_block *next = b->next;
        release(a, b);
        b = next;
    }
    if (b) {
        cx_arena_block *x = b->next;
        while (x && x != m.next) {
            cx_arena_block *next = x->next;
            release(a, x);
            x = next;
        }
        b->next = m.next;
        b->used = m.used;
    }
    a->head = m.block;
    a->used_bytes = m.used_bytes;
}
