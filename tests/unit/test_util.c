/* Unit tests of src/util: arena, growable buffer, UTF-8 helpers and the
 * diagnostics sink. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/diag.h"
#include "../../src/util/status.h"
#include "../../src/util/utf8.h"

/* ------------------------------------------------------------------ */
/* arena                                                               */

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != 0)
            return 0;
    return 1;
}

/* Many small allocations of varied sizes: each is zeroed, aligned, and
 * none overlaps another (each is filled with its own byte and checked
 * after all were made). */
static void arena_many(int debug)
{
    if (debug)
        setenv("PLENO_ARENA_DEBUG", "1", 1);
    else
        unsetenv("PLENO_ARENA_DEBUG");
    pl_arena *a = pl_arena_new();
    assert_non_null(a);
    enum { N = 20000 };
    unsigned char **p = calloc(N, sizeof *p);
    size_t *len = calloc(N, sizeof *len);
    assert_non_null(p);
    assert_non_null(len);
    size_t total = 0;
    for (size_t i = 0; i < N; i++) {
        len[i] = 1 + (i * 7919) % 200;
        p[i] = pl_arena_alloc(a, len[i]);
        assert_non_null(p[i]);
        assert_true(((uintptr_t)p[i] % 16) == 0);
        assert_true(all_zero(p[i], len[i]));
        memset(p[i], (int)(i % 251) + 1, len[i]);
        total += len[i];
    }
    for (size_t i = 0; i < N; i++)
        for (size_t k = 0; k < len[i]; k++)
            assert_int_equal(p[i][k], (int)(i % 251) + 1);
    assert_true(pl_arena_used(a) >= total);
    free(p);
    free(len);
    pl_arena_free(a);
    unsetenv("PLENO_ARENA_DEBUG");
}

static void test_arena_many_small(void **state)
{
    (void)state;
    arena_many(0);
}

static void test_arena_many_small_debug(void **state)
{
    (void)state;
    arena_many(1);
}

/* Large allocations (over the 64 KiB chunk size) interleaved with small
 * ones, including a large one as the very first allocation. */
static void test_arena_large(void **state)
{
    (void)state;
    pl_arena *a = pl_arena_new();
    assert_non_null(a);
    const size_t sizes[] = {200000, 10, 65536, 65537, 3, 1 << 20, 17, 70000, 1};
    enum { NS = sizeof sizes / sizeof sizes[0] };
    unsigned char *p[NS];
    for (size_t i = 0; i < NS; i++) {
        p[i] = pl_arena_alloc(a, sizes[i]);
        assert_non_null(p[i]);
        assert_true(((uintptr_t)p[i] % 16) == 0);
        assert_true(all_zero(p[i], sizes[i]));
        memset(p[i], 0xA0 + (int)i, sizes[i]);
    }
    for (size_t i = 0; i < NS; i++) {
        assert_int_equal(p[i][0], 0xA0 + (int)i);
        assert_int_equal(p[i][sizes[i] - 1], 0xA0 + (int)i);
        assert_int_equal(p[i][sizes[i] / 2], 0xA0 + (int)i);
    }
    size_t sum = 0;
    for (size_t i = 0; i < NS; i++)
        sum += sizes[i];
    assert_true(pl_arena_used(a) >= sum);
    /* small allocations keep working after large ones */
    for (int i = 0; i < 1000; i++) {
        char *s = pl_arena_alloc(a, 40);
        assert_non_null(s);
        assert_true(all_zero((unsigned char *)s, 40));
        memset(s, 'x', 40);
    }
    pl_arena_free(a);
}

static void test_arena_zero_and_limits(void **state)
{
    (void)state;
    pl_arena *a = pl_arena_new();
    assert_non_null(a);
    assert_int_equal(pl_arena_used(a), 0);
    void *z = pl_arena_alloc(a, 0);
    assert_non_null(z); /* a zero-byte request still gives a valid pointer */
    void *z2 = pl_arena_alloc(a, 0);
    assert_non_null(z2);
    assert_ptr_not_equal(z, z2);
    assert_null(pl_arena_alloc(a, SIZE_MAX));
    assert_null(pl_arena_alloc(a, SIZE_MAX / 2 + 1));
    /* still usable after a refused request */
    int *v = pl_arena_alloc(a, 100 * sizeof *v);
    assert_non_null(v);
    for (int i = 0; i < 100; i++)
        assert_int_equal(v[i], 0);
    pl_arena_free(a);
    pl_arena_free(NULL);
}

static void test_arena_strdup(void **state)
{
    (void)state;
    pl_arena *a = pl_arena_new();
    char src[] = "Consejo Nacional — «Transparencia»";
    char *d = pl_arena_strdup(a, src);
    assert_non_null(d);
    assert_ptr_not_equal(d, src);
    assert_string_equal(d, src);
    src[0] = 'X'; /* a copy, not an alias */
    assert_int_equal(d[0], 'C');

    char *e = pl_arena_strdup(a, "");
    assert_non_null(e);
    assert_string_equal(e, "");

    char *n = pl_arena_strndup(a, "abcdef", 3);
    assert_string_equal(n, "abc");
    /* strndup copies n bytes even past an embedded NUL and terminates */
    char *m = pl_arena_strndup(a, "ab\0cd", 5);
    assert_memory_equal(m, "ab\0cd", 6);
    char *o = pl_arena_strndup(a, "xyz", 0);
    assert_string_equal(o, "");

    /* a long string (larger than a chunk) */
    size_t big = 100000;
    char *s = malloc(big + 1);
    memset(s, 'q', big);
    s[big] = '\0';
    char *bd = pl_arena_strdup(a, s);
    assert_non_null(bd);
    assert_int_equal(strlen(bd), big);
    assert_memory_equal(bd, s, big + 1);
    free(s);
    pl_arena_free(a);
}

/* ------------------------------------------------------------------ */
/* buf                                                                 */

static void test_buf_append(void **state)
{
    (void)state;
    pl_buf b = PL_BUF_INIT;
    assert_int_equal(pl_buf_append(&b, "", 0), 0);
    assert_non_null(b.data);
    assert_string_equal(b.data, "");
    assert_int_equal(pl_buf_append(&b, "hola", 4), 0);
    assert_int_equal(pl_buf_putc(&b, ' '), 0);
    assert_int_equal(pl_buf_puts(&b, "señor"), 0);
    assert_int_equal(b.len, strlen("hola señor"));
    assert_string_equal(b.data, "hola señor");
    assert_true(b.cap > b.len);
    /* growth far past the initial capacity */
    for (int i = 0; i < 10000; i++)
        assert_int_equal(pl_buf_puts(&b, "0123456789"), 0);
    assert_int_equal(b.len, strlen("hola señor") + 100000);
    assert_int_equal(b.data[b.len], '\0');
    assert_memory_equal(b.data + b.len - 10, "0123456789", 10);
    /* append only the first n bytes */
    pl_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    size_t cap = b.cap;
    assert_int_equal(pl_buf_append(&b, "abcdef", 2), 0);
    assert_string_equal(b.data, "ab");
    assert_int_equal(b.cap, cap); /* clear keeps the memory */
    /* bytes with NUL inside */
    assert_int_equal(pl_buf_append(&b, "x\0y", 3), 0);
    assert_int_equal(b.len, 5);
    assert_memory_equal(b.data, "abx\0y", 6);
    pl_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    pl_buf_free(&b); /* twice is fine */
}

static void test_buf_printf(void **state)
{
    (void)state;
    pl_buf b = PL_BUF_INIT;
    assert_int_equal(pl_buf_printf(&b, "%s:%d:%d: %s", "a.xml", 12, 7, "error"), 0);
    assert_string_equal(b.data, "a.xml:12:7: error");
    assert_int_equal(pl_buf_printf(&b, " [%s]", "XSD-001"), 0);
    assert_string_equal(b.data, "a.xml:12:7: error [XSD-001]");
    assert_int_equal(b.len, strlen(b.data));
    /* a formatted piece larger than the current capacity */
    pl_buf_clear(&b);
    assert_int_equal(pl_buf_printf(&b, "%0500d|%s", 5, "fin"), 0);
    assert_int_equal(b.len, 504);
    assert_string_equal(b.data + 500, "|fin");
    assert_int_equal(b.data[0], '0');
    assert_int_equal(b.data[499], '5');
    /* an empty format appends nothing but the buffer stays a string */
    pl_buf c = PL_BUF_INIT;
    assert_int_equal(pl_buf_printf(&c, "%s", ""), 0);
    assert_int_equal(c.len, 0);
    pl_buf_free(&c);
    pl_buf_free(&b);
}

static void test_buf_detach(void **state)
{
    (void)state;
    pl_buf b = PL_BUF_INIT;
    char *e = pl_buf_detach(&b);
    assert_non_null(e);
    assert_string_equal(e, "");
    free(e);
    pl_buf_puts(&b, "texto");
    char *d = pl_buf_detach(&b);
    assert_string_equal(d, "texto");
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    free(d);
    /* reusable after detaching */
    pl_buf_puts(&b, "otra vez");
    assert_string_equal(b.data, "otra vez");
    pl_buf_free(&b);
}

static char *json(const char *s)
{
    pl_buf b = PL_BUF_INIT;
    assert_int_equal(pl_buf_json_escape(&b, s), 0);
    return pl_buf_detach(&b);
}

static void test_buf_json_escape(void **state)
{
    (void)state;
    struct {
        const char *in, *out;
    } cases[] = {
        {"", ""},
        {"simple", "simple"},
        {"say \"hi\"", "say \\\"hi\\\""},
        {"C:\\dir\\file", "C:\\\\dir\\\\file"},
        {"a\nb\rc\td", "a\\nb\\rc\\td"},
        {"\x01\x02\x1f", "\\u0001\\u0002\\u001f"},
        {"\b\f", "\\u0008\\u000c"},
        {"del\x7f", "del\x7f"}, /* DEL needs no escape in JSON */
        {"/", "/"},
        {"información «pública» — ñ € 😀", "información «pública» — ñ € 😀"},
        {"\"\\\n", "\\\"\\\\\\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *r = json(cases[i].in);
        assert_string_equal(r, cases[i].out);
        free(r);
    }
    /* appends: existing content stays */
    pl_buf b = PL_BUF_INIT;
    pl_buf_puts(&b, "\"");
    pl_buf_json_escape(&b, "x\"y");
    pl_buf_puts(&b, "\"");
    assert_string_equal(b.data, "\"x\\\"y\"");
    pl_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* utf8                                                                */

static void expect_decode(const char *s, size_t n, uint32_t cp, size_t len)
{
    size_t l = 99;
    uint32_t c = pl_utf8_decode(s, n, &l);
    if (c != cp || l != len)
        fail_msg("decode of %zu bytes (first 0x%02x): got U+%04X len %zu, want U+%04X len %zu",
                 n, n ? (unsigned char)s[0] : 0, (unsigned)c, l, (unsigned)cp, len);
}

static void test_utf8_decode_valid(void **state)
{
    (void)state;
    expect_decode("A", 1, 'A', 1);
    expect_decode("\x7f", 1, 0x7F, 1);
    expect_decode("\0x", 2, 0, 1);
    expect_decode("ñ", 2, 0xF1, 2);
    expect_decode("\xc2\x80", 2, 0x80, 2);
    expect_decode("\xdf\xbf", 2, 0x7FF, 2);
    expect_decode("€", 3, 0x20AC, 3);
    expect_decode("\xe0\xa0\x80", 3, 0x800, 3);
    expect_decode("\xef\xbf\xbd", 3, 0xFFFD, 3);
    expect_decode("\xef\xbf\xbf", 3, 0xFFFF, 3);
    expect_decode("\xed\x9f\xbf", 3, 0xD7FF, 3);
    expect_decode("\xee\x80\x80", 3, 0xE000, 3);
    expect_decode("😀", 4, 0x1F600, 4);
    expect_decode("\xf0\x90\x80\x80", 4, 0x10000, 4);
    expect_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4);
    /* only the first character is decoded */
    expect_decode("ñandú", strlen("ñandú"), 0xF1, 2);
    /* n == 0 */
    size_t l = 7;
    pl_utf8_decode("", 0, &l);
    assert_int_equal(l, 0);
}

static void test_utf8_decode_invalid(void **state)
{
    (void)state;
    /* stray continuation bytes */
    expect_decode("\x80", 1, 0xFFFD, 1);
    expect_decode("\xbf\x80", 2, 0xFFFD, 1);
    /* lead bytes that can never start a sequence */
    expect_decode("\xf8\x88\x80\x80\x80", 5, 0xFFFD, 1);
    expect_decode("\xfc\x84\x80\x80\x80\x80", 6, 0xFFFD, 1);
    expect_decode("\xfe", 1, 0xFFFD, 1);
    expect_decode("\xff", 1, 0xFFFD, 1);
    /* truncated: the buffer ends, or a non-continuation byte follows */
    expect_decode("\xc3", 1, 0xFFFD, 1);
    expect_decode("ñ", 1, 0xFFFD, 1); /* n cuts the character */
    expect_decode("\xe2\x82", 2, 0xFFFD, 1);
    expect_decode("€", 2, 0xFFFD, 1);
    expect_decode("\xf0\x9f\x98", 3, 0xFFFD, 1);
    expect_decode("\xc3\x41", 2, 0xFFFD, 1);
    expect_decode("\xe2\x28\xa1", 3, 0xFFFD, 1);
    expect_decode("\xf0\x9f\x28\x80", 4, 0xFFFD, 1);
    /* Latin-1 text read as UTF-8 */
    expect_decode("\xf3n", 2, 0xFFFD, 1);
    expect_decode("\xe9t\xe9", 3, 0xFFFD, 1);
    /* overlong forms */
    expect_decode("\xc0\x80", 2, 0xFFFD, 1);
    expect_decode("\xc0\xaf", 2, 0xFFFD, 1);
    expect_decode("\xc1\xbf", 2, 0xFFFD, 1);
    expect_decode("\xe0\x80\x80", 3, 0xFFFD, 1);
    expect_decode("\xe0\x9f\xbf", 3, 0xFFFD, 1);
    expect_decode("\xf0\x80\x80\x80", 4, 0xFFFD, 1);
    expect_decode("\xf0\x8f\xbf\xbf", 4, 0xFFFD, 1);
    /* UTF-16 surrogates encoded in UTF-8 (CESU) */
    expect_decode("\xed\xa0\x80", 3, 0xFFFD, 1);
    expect_decode("\xed\xaf\xbf", 3, 0xFFFD, 1);
    expect_decode("\xed\xb0\x80", 3, 0xFFFD, 1);
    expect_decode("\xed\xbf\xbf", 3, 0xFFFD, 1);
    /* beyond U+10FFFF */
    expect_decode("\xf4\x90\x80\x80", 4, 0xFFFD, 1);
    expect_decode("\xf5\x80\x80\x80", 4, 0xFFFD, 1);
    expect_decode("\xf7\xbf\xbf\xbf", 4, 0xFFFD, 1);
}

static void test_utf8_encode(void **state)
{
    (void)state;
    char out[8];
    struct {
        uint32_t cp;
        const char *bytes;
    } cases[] = {
        {0x41, "A"},
        {0x7F, "\x7f"},
        {0x80, "\xc2\x80"},
        {0xF1, "ñ"},
        {0x7FF, "\xdf\xbf"},
        {0x800, "\xe0\xa0\x80"},
        {0x20AC, "€"},
        {0xFFFD, "\xef\xbf\xbd"},
        {0xFFFF, "\xef\xbf\xbf"},
        {0x10000, "\xf0\x90\x80\x80"},
        {0x1F600, "😀"},
        {0x10FFFF, "\xf4\x8f\xbf\xbf"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memset(out, 0, sizeof out);
        size_t n = pl_utf8_encode(cases[i].cp, out);
        assert_int_equal(n, strlen(cases[i].bytes));
        assert_memory_equal(out, cases[i].bytes, n);
    }
    /* round trip over the whole range, surrogates excepted */
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x3000 ? 1 : 97)) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        size_t n = pl_utf8_encode(cp, out);
        size_t l;
        uint32_t back = pl_utf8_decode(out, n, &l);
        if (back != cp || l != n)
            fail_msg("round trip of U+%04X gave U+%04X (%zu of %zu bytes)", (unsigned)cp,
                     (unsigned)back, l, n);
        assert_int_equal(pl_utf8_count(out, n), 1);
    }
}

static void test_utf8_count(void **state)
{
    (void)state;
    assert_int_equal(pl_utf8_count("", 0), 0);
    assert_int_equal(pl_utf8_count("abc", 3), 3);
    const char *s = "añ€😀"; /* 1 + 2 + 3 + 4 bytes */
    assert_int_equal(strlen(s), 10);
    assert_int_equal(pl_utf8_count(s, 10), 4);
    assert_int_equal(pl_utf8_count(s, 1), 1);
    assert_int_equal(pl_utf8_count(s, 3), 2);
    assert_int_equal(pl_utf8_count(s, 6), 3);
    assert_int_equal(pl_utf8_count("Información pública", strlen("Información pública")), 19);
    /* counts only n bytes, even with more after */
    assert_int_equal(pl_utf8_count("Tomás y Ana", 6), 5);
}

static void test_utf8_upper_latin(void **state)
{
    (void)state;
    struct {
        const char *in, *out;
    } cases[] = {
        {"", ""},
        {"abc xyz", "ABC XYZ"},
        {"ABC 123 ¿?", "ABC 123 ¿?"},
        {"año", "AÑO"},
        {"ñandú", "ÑANDÚ"},
        {"información pública", "INFORMACIÓN PÚBLICA"},
        {"àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ", "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"},
        {"÷", "÷"},   /* U+00F7 is not a letter */
        {"ß", "ß"},   /* no single-character capital in Latin-1 */
        {"€ 😀 ω", "€ 😀 ω"}, /* outside Latin-1: unchanged */
        {"a\xffz", "A\xffZ"}, /* invalid bytes pass through */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = malloc(strlen(cases[i].in) + 1);
        pl_utf8_upper_latin(cases[i].in, out);
        assert_string_equal(out, cases[i].out);
        free(out);
    }
}

static void test_utf8_lower_latin(void **state)
{
    (void)state;
    struct {
        const char *in, *out;
    } cases[] = {
        {"", ""},
        {"ABC xyz", "abc xyz"},
        {"AÑO", "año"},
        {"INFORMACIÓN PÚBLICA", "información pública"},
        {"ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ", "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ"},
        {"×", "×"},   /* U+00D7 is not a letter */
        {"ß ÿ", "ß ÿ"},
        {"€ Ω", "€ Ω"},
        {"A\xffZ", "a\xffz"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].in);
        char *out = malloc(n + 1);
        memset(out, '#', n + 1);
        pl_utf8_lower_latin(cases[i].in, n, out);
        assert_string_equal(out, cases[i].out);
        assert_int_equal(strlen(out), n); /* byte lengths do not change */
        free(out);
    }
    /* only the first n bytes */
    char out[16];
    pl_utf8_lower_latin("ÁRBOL VERDE", 6, out);
    assert_string_equal(out, "árbol");
}

/* ------------------------------------------------------------------ */
/* diagnostics                                                         */

static void test_diags_add(void **state)
{
    (void)state;
    pl_diags d = PL_DIAGS_INIT;
    char file[] = "a.xml";
    char xp[] = "/acuerdo/puntos[1]";
    pl_diags_add(&d, file, 3, 7, PL_SEV_ERROR, "NUM-001", xp, "se esperaba %d, no %s", 2,
                 "«tres»");
    file[0] = 'z'; /* strings are copied */
    xp[1] = 'Z';
    assert_int_equal(d.n, 1);
    assert_false(d.oom);
    pl_diag *g = &d.items[0];
    assert_string_equal(g->file, "a.xml");
    assert_int_equal(g->line, 3);
    assert_int_equal(g->col, 7);
    assert_int_equal(g->sev, PL_SEV_ERROR);
    assert_string_equal(g->rule, "NUM-001");
    assert_string_equal(g->message, "se esperaba 2, no «tres»");
    assert_string_equal(g->xpath, "/acuerdo/puntos[1]");

    /* NULL file, rule and xpath */
    pl_diags_add(&d, NULL, 0, 0, PL_SEV_NOTE, NULL, NULL, "%s", "nota");
    assert_int_equal(d.n, 2);
    assert_string_equal(d.items[1].file, "-");
    assert_string_equal(d.items[1].rule, "");
    assert_null(d.items[1].xpath);
    /* a '%' in the argument is not a format */
    pl_diags_add(&d, "b.xml", 1, 1, PL_SEV_WARNING, "X", NULL, "%s", "100% %s %d");
    assert_string_equal(d.items[2].message, "100% %s %d");
    /* many: the sink grows */
    for (int i = 0; i < 1000; i++)
        pl_diags_add(&d, "c.xml", i + 1, 1, PL_SEV_WARNING, "W", NULL, "aviso %d", i);
    assert_int_equal(d.n, 1003);
    assert_string_equal(d.items[1002].message, "aviso 999");
    assert_int_equal(d.items[1002].line, 1000);
    pl_diags_free(&d);
    assert_int_equal(d.n, 0);
    assert_null(d.items);
    pl_diags_free(&d); /* twice is fine */
}

static void vadd_helper(pl_diags *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pl_diags_vadd(d, "v.xml", 2, 3, PL_SEV_ERROR, "V-001", "/v", fmt, ap);
    va_end(ap);
}

static void test_diags_vadd_count(void **state)
{
    (void)state;
    pl_diags d = PL_DIAGS_INIT;
    assert_int_equal(pl_diags_count(&d, PL_SEV_ERROR), 0);
    vadd_helper(&d, "%s y %s", "uno", "dos");
    assert_string_equal(d.items[0].message, "uno y dos");
    for (int i = 0; i < 5; i++)
        pl_diags_add(&d, "a", 1, 1, PL_SEV_WARNING, "W", NULL, "w");
    for (int i = 0; i < 3; i++)
        pl_diags_add(&d, "a", 1, 1, PL_SEV_NOTE, "N", NULL, "n");
    pl_diags_add(&d, "a", 1, 1, PL_SEV_ERROR, "E", NULL, "e");
    assert_int_equal(pl_diags_count(&d, PL_SEV_ERROR), 2);
    assert_int_equal(pl_diags_count(&d, PL_SEV_WARNING), 5);
    assert_int_equal(pl_diags_count(&d, PL_SEV_NOTE), 3);
    pl_diags_free(&d);

    assert_string_equal(pl_severity_name(PL_SEV_ERROR), "error");
    assert_string_equal(pl_severity_name(PL_SEV_WARNING), "aviso");
    assert_string_equal(pl_severity_name(PL_SEV_NOTE), "nota");
    assert_string_equal(pl_severity_id(PL_SEV_ERROR), "error");
    assert_string_equal(pl_severity_id(PL_SEV_WARNING), "warning");
    assert_string_equal(pl_severity_id(PL_SEV_NOTE), "note");
}

static void test_diags_sort(void **state)
{
    (void)state;
    pl_diags d = PL_DIAGS_INIT;
    /* message = expected rank after sorting */
    pl_diags_add(&d, "b.xml", 2, 1, PL_SEV_ERROR, "R", NULL, "6");
    pl_diags_add(&d, "a.xml", 10, 1, PL_SEV_ERROR, "R", NULL, "4");
    pl_diags_add(&d, "a.xml", 2, 5, PL_SEV_ERROR, "R", NULL, "2");
    pl_diags_add(&d, "a.xml", 2, 3, PL_SEV_ERROR, "R", NULL, "1");
    pl_diags_add(&d, "a.xml", 0, 0, PL_SEV_ERROR, "R", NULL, "0");
    pl_diags_add(&d, "a.xml", 2, 5, PL_SEV_WARNING, "R", NULL, "3"); /* tie: stays after "2" */
    pl_diags_add(&d, "b.xml", 1, 9, PL_SEV_ERROR, "R", NULL, "5");
    pl_diags_add(&d, "a.xml", 9, 1, PL_SEV_ERROR, "R", NULL, "3b");
    pl_diags_sort(&d);
    const char *want[] = {"0", "1", "2", "3", "3b", "4", "5", "6"};
    assert_int_equal(d.n, 8);
    for (size_t i = 0; i < d.n; i++)
        assert_string_equal(d.items[i].message, want[i]);
    pl_diags_free(&d);

    /* stability with many equal keys */
    for (int i = 0; i < 300; i++)
        pl_diags_add(&d, (i % 2) ? "y.xml" : "x.xml", 5, 5, PL_SEV_ERROR, "R", NULL, "%d", i);
    pl_diags_sort(&d);
    int last = -1;
    for (size_t i = 0; i < 150; i++) {
        assert_string_equal(d.items[i].file, "x.xml");
        int v = atoi(d.items[i].message);
        assert_true(v > last);
        last = v;
    }
    last = -1;
    for (size_t i = 150; i < 300; i++) {
        assert_string_equal(d.items[i].file, "y.xml");
        int v = atoi(d.items[i].message);
        assert_true(v > last);
        last = v;
    }
    pl_diags_free(&d);
    /* empty and single */
    pl_diags_sort(&d);
    pl_diags_add(&d, "a", 1, 1, PL_SEV_ERROR, "R", NULL, "solo");
    pl_diags_sort(&d);
    assert_string_equal(d.items[0].message, "solo");
    pl_diags_free(&d);
}

static void test_diags_move(void **state)
{
    (void)state;
    pl_diags dst = PL_DIAGS_INIT, src = PL_DIAGS_INIT;
    pl_diags_add(&dst, "a", 1, 1, PL_SEV_ERROR, "R", NULL, "d0");
    for (int i = 0; i < 40; i++)
        pl_diags_add(&src, "b", i, 1, PL_SEV_WARNING, "S", "/x", "s%d", i);
    pl_diags_move(&dst, &src);
    assert_int_equal(src.n, 0);
    assert_int_equal(dst.n, 41);
    assert_string_equal(dst.items[0].message, "d0");
    assert_string_equal(dst.items[1].message, "s0");
    assert_string_equal(dst.items[40].message, "s39");
    assert_string_equal(dst.items[40].xpath, "/x");
    /* src is reusable, and moving an empty sink changes nothing */
    pl_diags_move(&dst, &src);
    assert_int_equal(dst.n, 41);
    pl_diags_add(&src, "c", 1, 1, PL_SEV_NOTE, "N", NULL, "again");
    pl_diags_move(&dst, &src);
    assert_int_equal(dst.n, 42);
    assert_string_equal(dst.items[41].message, "again");
    /* into an empty sink */
    pl_diags empty = PL_DIAGS_INIT;
    pl_diags_move(&empty, &dst);
    assert_int_equal(empty.n, 42);
    assert_int_equal(dst.n, 0);
    pl_diags_free(&src);
    pl_diags_free(&dst);
    pl_diags_free(&empty);
}

/* ------------------------------------------------------------------ */
/* status                                                              */

static void test_status_strings(void **state)
{
    (void)state;
    for (int s = PL_OK; s <= PL_EINTERNAL; s++) {
        const char *m = pl_status_str((pl_status)s);
        assert_non_null(m);
        assert_true(strlen(m) > 0);
    }
    assert_string_equal(pl_strerror(2 /* ENOENT */), "no existe");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_many_small),
        cmocka_unit_test(test_arena_many_small_debug),
        cmocka_unit_test(test_arena_large),
        cmocka_unit_test(test_arena_zero_and_limits),
        cmocka_unit_test(test_arena_strdup),
        cmocka_unit_test(test_buf_append),
        cmocka_unit_test(test_buf_printf),
        cmocka_unit_test(test_buf_detach),
        cmocka_unit_test(test_buf_json_escape),
        cmocka_unit_test(test_utf8_decode_valid),
        cmocka_unit_test(test_utf8_decode_invalid),
        cmocka_unit_test(test_utf8_encode),
        cmocka_unit_test(test_utf8_count),
        cmocka_unit_test(test_utf8_upper_latin),
        cmocka_unit_test(test_utf8_lower_latin),
        cmocka_unit_test(test_diags_add),
        cmocka_unit_test(test_diags_vadd_count),
        cmocka_unit_test(test_diags_sort),
        cmocka_unit_test(test_diags_move),
        cmocka_unit_test(test_status_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
