/* grow.h - the one growable-array step every list in libcx takes: make room
 * for item number `len` by doubling the capacity (from `first`).  Usage:
 *
 *     if (!CX_GROW(d->items, d->cap, d->len, 8)) return NULL;
 *     d->items[d->len++] = ...;
 *
 * On failure (no memory, or a size that would overflow) nothing changes. */
#ifndef CX_GROW_H
#define CX_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* *(T **)arrp gets room for len + 1 items of `size` bytes; *cap is its
 * capacity in items.  Use CX_GROW, which fills in the pointer and size. */
bool cx_grow(void *arrp, size_t *cap, size_t len, size_t size, size_t first);

#define CX_GROW(arr, cap, len, first) cx_grow(&(arr), &(cap), (len), sizeof *(arr), (first))

#endif
