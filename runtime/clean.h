/* clean.h - text safe to show on a terminal: control characters (C0 but
 * tab, DEL, C1) and bytes that are not UTF-8 become U+FFFD, one mark per
 * character.  Error texts are cleaned when they are made (error.c), source
 * lines when they are shown (diag.c): no byte of a script, a path or a data
 * file reaches a terminal raw, whichever way a host prints an error. */
#ifndef CX_CLEAN_H
#define CX_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#define CX_CLEAN_MARK "\xef\xbf\xbd" /* U+FFFD */

/* The length of the character at s (at most n bytes, n >= 1): a UTF-8
 * sequence, or 1 for a byte that starts none.  *mark: it shows as U+FFFD. */
size_t cx_clean_char(const unsigned char *s, size_t n, bool *mark);

/* Takes the malloc'ed string s and returns it clean: s itself when it is,
 * else a cleaned copy (s is freed).  NULL when that copy cannot be made (s
 * is freed: the caller reports out of memory), and for NULL. */
char *cx_clean_text(char *s);

#endif
