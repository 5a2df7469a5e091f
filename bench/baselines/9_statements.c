/* 9_statements.c - the floor for a long script: a minimal interpreter that
 * reads the generated cx script (9_statements.cx) and runs it the way an
 * interpreter must: read the file, scan, parse each statement by recursive
 * descent, look names up in a hash table, compute in mpq_t.  It knows only
 * what that script uses:
 *
 *     # comment
 *     NAME = EXPR;          EXPR: terms joined by + and -; a term: factors
 *     print EXPR;           joined by * and /; a factor: a decimal number,
 *                           a name or ( EXPR )
 *
 * It keeps no syntax tree, no source positions and gives terse errors, so
 * the gap to cx is what cx's extra work (located errors, checks, limits,
 * display) costs on top of parsing and exact arithmetic.
 *
 * usage: 9_statements FILE.cx */
#include "common.h"

#include <ctype.h>
#include <stdint.h>

typedef struct {
    char *name; /* NULL: free slot */
    mpq_t value;
} Slot;

static Slot *table;
static size_t table_size; /* a power of two */
static size_t table_used;

static const char *pos; /* the next character of the script */
static int line = 1;

static void fail(const char *what)
{
    fprintf(stderr, "9_statements: line %d: %s\n", line, what);
    exit(2);
}

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The slot for name s[0..n), or the free slot where it would go. */
static Slot *lookup(const char *s, size_t n)
{
    size_t i = hash(s, n) & (table_size - 1);
    while (table[i].name && !(strncmp(table[i].name, s, n) == 0 && table[i].name[n] == '\0'))
        i = (i + 1) & (table_size - 1);
    return &table[i];
}

static void grow(void)
{
    Slot *old = table;
    size_t old_size = table_size;
    table_size = old_size ? old_size * 2 : 1024;
    table = calloc(table_size, sizeof *table);
    if (!table)
        fail("out of memory");
    for (size_t i = 0; i < old_size; i++)
        if (old[i].name) {
            Slot *s = lookup(old[i].name, strlen(old[i].name));
            *s = old[i]; /* moves the mpq_t's limbs too */
        }
    free(old);
}

static void skip_space(void)
{
    for (;;) {
        while (isspace((unsigned char)*pos)) {
            if (*pos == '\n')
                line++;
            pos++;
        }
        if (*pos != '#')
            return;
        while (*pos && *pos != '\n')
            pos++;
    }
}

static size_t name_length(const char *s)
{
    size_t n = 0;
    if (isalpha((unsigned char)*s) || *s == '_')
        while (isalnum((unsigned char)s[n]) || s[n] == '_')
            n++;
    return n;
}

static void expect(char c)
{
    skip_space();
    if (*pos != c) {
        char msg[32];
        snprintf(msg, sizeof msg, "expected '%c'", c);
        fail(msg);
    }
    pos++;
}

static void expr(mpq_t out);

static void factor(mpq_t out)
{
    skip_space();
    if (*pos == '(') {
        pos++;
        expr(out);
        expect(')');
    } else if (isdigit((unsigned char)*pos)) {
        char buf[128];
        size_t n = 0;
        while ((isdigit((unsigned char)pos[n]) || pos[n] == '.') && n < sizeof buf - 1)
            n++;
        memcpy(buf, pos, n);
        buf[n] = '\0';
        pos += n;
        set_decimal(out, buf);
    } else {
        size_t n = name_length(pos);
        if (n == 0)
            fail("expected a number, a name or '('");
        Slot *s = lookup(pos, n);
        if (!s->name)
            fail("unknown name");
        mpq_set(out, s->value);
        pos += n;
    }
}

static void term(mpq_t out)
{
    mpq_t rhs;
    mpq_init(rhs);
    factor(out);
    for (skip_space(); *pos == '*' || *pos == '/'; skip_space()) {
        char op = *pos++;
        factor(rhs);
        if (op == '*') {
            mpq_mul(out, out, rhs);
        } else {
            if (mpq_sgn(rhs) == 0)
                fail("division by zero");
            mpq_div(out, out, rhs);
        }
    }
    mpq_clear(rhs);
}

static void expr(mpq_t out)
{
    mpq_t rhs;
    mpq_init(rhs);
    term(out);
    for (skip_space(); *pos == '+' || *pos == '-'; skip_space()) {
        char op = *pos++;
        term(rhs);
        if (op == '+')
            mpq_add(out, out, rhs);
        else
            mpq_sub(out, out, rhs);
    }
    mpq_clear(rhs);
}

static void statement(mpq_t value)
{
    size_t n = name_length(pos);
    if (n == 0)
        fail("expected a statement");
    if (n == 5 && strncmp(pos, "print", 5) == 0) {
        pos += 5;
        expr(value);
        expect(';');
        print_exact(value);
        return;
    }
    const char *name = pos;
    pos += n;
    expect('=');
    expr(value);
    expect(';');
    if ((table_used + 1) * 2 > table_size)
        grow();
    Slot *s = lookup(name, n);
    if (s->name)
        fail("name defined twice");
    s->name = strndup(name, n);
    mpq_init(s->value);
    mpq_swap(s->value, value);
    table_used++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: 9_statements FILE.cx\n");
        return 64;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 4;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (cap - len < 65536 && !(buf = realloc(buf, cap = cap * 2 + 65536)))
            fail("out of memory");
        got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
    } while (got > 0);
    fclose(f);
    buf[len] = '\0';
    pos = buf;
    grow();
    mpq_t value;
    mpq_init(value);
    for (skip_space(); *pos; skip_space())
        statement(value);
    mpq_clear(value);
    for (size_t i = 0; i < table_size; i++)
        if (table[i].name) {
            free(table[i].name);
            mpq_clear(table[i].value);
        }
    free(table);
    free(buf);
    return 0;
}
