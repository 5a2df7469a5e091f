/* options.c - reading the values of command-line options (numbers, memory
 * sizes, durations), shared by `cx` (main.c) and `cx knit` (knit.c). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include "cli.h"

/* A whole decimal number in [lo, hi], or false. */
bool cx_cli_parse_long(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s) return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi) return false;
    *out = v;
    return true;
}

/* A memory size: a whole number of megabytes, or with a unit: 512K, 64M,
 * 2G, 1T (also 64MB, 2gb).  *mb in whole megabytes (K rounds up). */
bool cx_cli_parse_size_mb(const char *s, long *mb)
{
    if (!s || !*s || !isdigit((unsigned char)*s)) return false;
    errno = 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (errno || v < 1) return false;
    long long scale_kb = 1024; /* plain numbers are megabytes */
    switch (toupper((unsigned char)*end)) {
    case '\0': break;
    case 'K': scale_kb = 1, end++; break;
    case 'M': end++; break;
    case 'G': scale_kb = 1024LL * 1024, end++; break;
    case 'T': scale_kb = 1024LL * 1024 * 1024, end++; break;
    default: return false;
    }
    if (toupper((unsigned char)*end) == 'B') end++;
    if (*end || v > 1048576LL * 1024 * 1024 / scale_kb) return false;
    long long kb = v * scale_kb;
    *mb = (long)((kb + 1023) / 1024);
    return *mb >= 1 && *mb <= 1048576;
}

/* A duration in seconds, with up to three decimals and an optional 's':
 * 5, 0.5, 2.25s.  0 means no limit.  *ms in milliseconds. */
bool cx_cli_parse_seconds(const char *s, long *ms)
{
    if (!s || !isdigit((unsigned char)*s)) return false;
    long long whole = 0, frac = 0;
    int places = 0;
    for (; isdigit((unsigned char)*s); s++) {
        whole = whole * 10 + (*s - '0');
        if (whole > 60LL * 60 * 24 * 365) return false;
    }
    if (*s == '.') {
        for (s++; isdigit((unsigned char)*s); s++)
            if (places < 3) frac = frac * 10 + (*s - '0'), places++;
            else if (*s != '0') return false; /* finer than a millisecond */
    }
    while (places < 3) frac *= 10, places++;
    if (*s == 's') s++;
    if (*s) return false;
    *ms = (long)(whole * 1000 + frac);
    return true;
}
