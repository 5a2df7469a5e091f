/* test_source.c - source registry, offset to line:column (columns count
 * characters), line text without its line ending, and the include folder. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "../../runtime/source.h"

/* -Wwrite-strings makes literals const; Criterion's str tag wants char *. */
#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

typedef struct fixture {
    cx_sources s;
    const cx_source *src;
} fixture;

static void add(fixture *f, const char *name, const char *text)
{
    cx_sources_init(&f->s);
    uint32_t id = cx_sources_add(&f->s, name, text, strlen(text));
    cr_assert(eq(u32, id, 1));
    f->src = cx_sources_get(&f->s, id);
    cr_assert(not(eq(ptr, (void *)f->src, NULL)));
}

static void expect_pos(const cx_source *src, uint32_t offset, size_t line, size_t col)
{
    size_t l, c;
    cx_source_line_col(src, offset, &l, &c);
    cr_assert(eq(sz, l, line), "offset %u", offset);
    cr_assert(eq(sz, c, col), "offset %u", offset);
}

Test(source, ascii_line_and_column)
{
    fixture f;
    add(&f, "a.cx", "x = 1;\ncapex 2025 = 2;\n\nend");
    expect_pos(f.src, 0, 1, 1);
    expect_pos(f.src, 4, 1, 5);
    expect_pos(f.src, 6, 1, 7); /* the '\n' itself */
    expect_pos(f.src, 7, 2, 1);
    expect_pos(f.src, 13, 2, 7);
    expect_pos(f.src, 23, 3, 1);
    expect_pos(f.src, 24, 4, 1);
    expect_pos(f.src, 26, 4, 3);
    cr_assert(eq(sz, f.src->n_lines, 4));
    cx_sources_free(&f.s);
}

Test(source, columns_count_utf8_characters)
{
    fixture f;
    add(&f, "u.cx", "s = \"é€😀\"; x");
    /* é is 2 bytes, € 3, 😀 4: 'x' is byte 17 but column 12. */
    expect_pos(f.src, 5, 1, 6);
    expect_pos(f.src, 7, 1, 7);
    expect_pos(f.src, 10, 1, 8);
    expect_pos(f.src, 17, 1, 12);
    cx_sources_free(&f.s);
}

Test(source, crlf_lines)
{
    fixture f;
    add(&f, "w.cx", "a = 1;\r\nb = 2;\r\n");
    expect_pos(f.src, 8, 2, 1);
    expect_pos(f.src, 12, 2, 5);
    size_t len;
    const char *line = cx_source_line(f.src, 2, &len);
    cr_assert(eq(sz, len, 6));
    cr_assert(eq(int, strncmp(line, "b = 2;", 6), 0));
    line = cx_source_line(f.src, 1, &len);
    cr_assert(eq(sz, len, 6));
    cx_sources_free(&f.s);
}

Test(source, offset_at_the_end_is_allowed)
{
    fixture f;
    add(&f, "e.cx", "x = (1 + 2");
    expect_pos(f.src, 10, 1, 11);
    expect_pos(f.src, 99, 1, 11); /* clamped */
    cx_sources_free(&f.s);

    add(&f, "n.cx", "x = 1;\n");
    expect_pos(f.src, 7, 2, 1);
    size_t len;
    cx_source_line(f.src, 2, &len);
    cr_assert(eq(sz, len, 0));
    cx_sources_free(&f.s);
}

Test(source, empty_source_has_one_empty_line)
{
    fixture f;
    add(&f, "<-e>", "");
    expect_pos(f.src, 0, 1, 1);
    size_t len = 99;
    const char *line = cx_source_line(f.src, 1, &len);
    cr_assert(not(eq(ptr, (void *)line, NULL)));
    cr_assert(eq(sz, len, 0));
    cx_sources_free(&f.s);
}

Test(source, line_text_and_out_of_range_lines)
{
    fixture f;
    add(&f, "l.cx", "first\nsecond\nthird");
    size_t len;
    const char *line = cx_source_line(f.src, 3, &len);
    cr_assert(eq(sz, len, 5));
    cr_assert(eq(int, strncmp(line, "third", 5), 0));
    line = cx_source_line(f.src, 0, &len);
    cr_assert(not(eq(ptr, (void *)line, NULL)));
    cr_assert(eq(sz, len, 0));
    line = cx_source_line(f.src, 4, &len);
    cr_assert(eq(sz, len, 0));
    cx_sources_free(&f.s);
}

Test(source, folder_comes_from_the_name)
{
    cx_sources s;
    cx_sources_init(&s);
    cr_assert(eq(u32, cx_sources_add(&s, "examples/deep/thesis.cx", "", 0), 1));
    cr_assert(eq(u32, cx_sources_add(&s, "thesis.cx", "", 0), 2));
    cr_assert(eq(u32, cx_sources_add(&s, "<stdin>", "", 0), 3));
    cr_assert(eq(u32, cx_sources_add(&s, "/abs/a.cx", "", 0), 4));
    cr_assert(STR_EQ(cx_sources_get(&s, 1)->dir, "examples/deep/"));
    cr_assert(STR_EQ(cx_sources_get(&s, 2)->dir, ""));
    cr_assert(STR_EQ(cx_sources_get(&s, 3)->dir, ""));
    cr_assert(STR_EQ(cx_sources_get(&s, 4)->dir, "/abs/"));
    cr_assert(STR_EQ(cx_sources_get(&s, 1)->name, "examples/deep/thesis.cx"));
    cx_sources_free(&s);
}

Test(source, ids_start_at_one_and_zero_is_none)
{
    cx_sources s;
    cx_sources_init(&s);
    cr_assert(eq(ptr, (void *)cx_sources_get(&s, 0), NULL));
    cr_assert(eq(ptr, (void *)cx_sources_get(&s, 1), NULL));
    for (int i = 0; i < 20; i++)
        cr_assert(eq(u32, cx_sources_add(&s, "f.cx", "x", 1), (uint32_t)i + 1));
    cr_assert(STR_EQ(cx_sources_get(&s, 20)->text, "x"));
    cr_assert(eq(ptr, (void *)cx_sources_get(&s, 21), NULL));
    cx_sources_free(&s);
}

Test(source, text_is_an_owned_nul_terminated_copy)
{
    char buf[] = "a\0b";
    cx_sources s;
    cx_sources_init(&s);
    cx_sources_add(&s, "z.cx", buf, 3);
    buf[0] = 'X';
    const cx_source *src = cx_sources_get(&s, 1);
    cr_assert(eq(sz, src->len, 3));
    cr_assert(eq(chr, src->text[0], 'a'));
    cr_assert(eq(chr, src->text[2], 'b'));
    cr_assert(eq(chr, src->text[3], '\0'));
    cx_sources_free(&s);
}

Test(source, a_byte_order_mark_takes_no_column)
{
    fixture f;
    add(&f, "a.cx", "\xEF\xBB\xBFx = 1;\ny\xEF\xBB\xBF");
    expect_pos(f.src, 0, 1, 1); /* inside the mark: where the text starts */
    expect_pos(f.src, 3, 1, 1);
    expect_pos(f.src, 7, 1, 5);
    expect_pos(f.src, 10, 2, 1);
    expect_pos(f.src, 11, 2, 2); /* only at the start of the file */
    expect_pos(f.src, 14, 2, 3);
    size_t len;
    const char *line = cx_source_line(f.src, 1, &len);
    cr_assert(eq(sz, len, 6));
    cr_assert(eq(int, memcmp(line, "x = 1;", 6), 0));
    line = cx_source_line(f.src, 2, &len);
    cr_assert(eq(sz, len, 4));
    cx_sources_free(&f.s);
}

/* ---- regions: a report's cx parts as sources of their own ---------------- */

Test(source, region_positions_are_the_parents)
{
    fixture f;
    add(&f, "r.md", "# Title é\n\nText `{cx} capx` here.\n");
    /* The region is "capx" (bytes 23..27 of the parent, line 3). */
    const char *at = strstr(f.src->text, "capx");
    uint32_t id = cx_sources_add_region(&f.s, 1, (size_t)(at - f.src->text), 4, NULL);
    cr_assert(eq(u32, id, 2));
    const cx_source *r = cx_sources_get(&f.s, id);
    cr_assert(eq(sz, r->len, 4));
    cr_assert(STR_EQ(r->text, "capx"));
    cr_assert(STR_EQ(r->name, "r.md"));
    expect_pos(r, 0, 3, 12);
    expect_pos(r, 4, 3, 16);
    size_t len;
    const char *line = cx_source_line(r, 3, &len);
    cr_assert(eq(sz, len, 22));
    cr_assert(eq(int, strncmp(line, "Text `{cx} capx` here.", len), 0));
    cx_sources_free(&f.s);
}

Test(source, region_suffix_shows_at_its_end)
{
    fixture f;
    add(&f, "r.md", "a `{cx} 1 +` b\n");
    const char *at = strstr(f.src->text, "1 +");
    uint32_t id = cx_sources_add_region(&f.s, 1, (size_t)(at - f.src->text), 3, "\n;");
    const cx_source *r = cx_sources_get(&f.s, id);
    cr_assert(eq(sz, r->len, 5));
    cr_assert(eq(int, memcmp(r->text, "1 +\n;", 5), 0));
    /* The added ';' (offset 4) shows just past the expression: column 12. */
    expect_pos(r, 4, 1, 12);
    expect_pos(r, 3, 1, 12);
    expect_pos(r, 0, 1, 9);
    cx_sources_free(&f.s);
}

Test(source, region_of_a_region_and_bad_ranges)
{
    fixture f;
    add(&f, "r.md", "line one\nline two\n");
    uint32_t outer = cx_sources_add_region(&f.s, 1, 9, 8, NULL);     /* "line two" */
    uint32_t inner = cx_sources_add_region(&f.s, outer, 5, 3, NULL); /* "two" */
    const cx_source *r = cx_sources_get(&f.s, inner);
    cr_assert(STR_EQ(r->text, "two"));
    expect_pos(r, 0, 2, 6);
    cr_assert(eq(u32, cx_sources_add_region(&f.s, 1, 10, 100, NULL), 0));
    cr_assert(eq(u32, cx_sources_add_region(&f.s, 1, 100, 0, NULL), 0));
    cr_assert(eq(u32, cx_sources_add_region(&f.s, 99, 0, 0, NULL), 0));
    cx_sources_free(&f.s);
}

Test(source, many_regions_share_the_line_table)
{
    fixture f;
    add(&f, "r.md", "x\ny\nz\n");
    for (int i = 0; i < 1000; i++)
        cr_assert(ne(u32, cx_sources_add_region(&f.s, 1, 2, 1, NULL), 0));
    const cx_source *r = cx_sources_get(&f.s, 1001);
    cr_assert(eq(ptr, (void *)r->line_starts, (void *)cx_sources_get(&f.s, 1)->line_starts));
    expect_pos(r, 0, 2, 1);
    cx_sources_free(&f.s); /* the line table is freed once, by its owner */
}

/* The line table (found with memchr): breaks at the very start and end,
 * runs of empty lines, a NUL byte inside the text, no break at all. */
Test(source, line_table_at_the_edges)
{
    static const struct {
        const char *text;
        size_t len, lines;
        uint32_t starts[6];
    } cases[] = {
        {"", 0, 1, {0}},
        {"abc", 3, 1, {0}},
        {"\n", 1, 2, {0, 1}},
        {"\n\n\nx", 4, 4, {0, 1, 2, 3}},
        {"a\0b\nc\n", 6, 3, {0, 4, 6}},
        {"x\n\ny\n", 5, 4, {0, 2, 3, 5}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cx_sources s;
        cx_sources_init(&s);
        uint32_t id = cx_sources_add(&s, "t.cx", cases[i].text, cases[i].len);
        const cx_source *src = cx_sources_get(&s, id);
        cr_assert(eq(sz, src->n_lines, cases[i].lines), "case %zu", i);
        for (size_t k = 0; k < cases[i].lines; k++)
            cr_assert(eq(u32, src->line_starts[k], cases[i].starts[k]), "case %zu line %zu", i, k);
        cx_sources_free(&s);
    }
}
