/* grow.c - doubling growth for the arrays of libcx (grow.h). */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool cx_grow(void *arrp, size_t *cap, size_t len, size_t size, size_t first)
{
    if (len < *cap) return true;
    size_t ncap = *cap ? *cap * 2 : first;
    if (ncap <= len || ncap > SIZE_MAX / size) return false;
    /* arrp points at a T *; every object pointer has void *'s representation
     * here, so it is read and written through memcpy. */
    void *old;
    memcpy(&old, arrp, sizeof old);
    void *p = realloc(old, ncap * size);
    if (!p) return false;
    memcpy(arrp, &p, sizeof p);
    *cap = ncap;
    return true;
}
