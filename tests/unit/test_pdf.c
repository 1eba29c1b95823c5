/* Unit tests of src/pdf's measuring with the real fonts (fonts/, run from
 * the repository's root): widths include the kerning of the fonts' GPOS,
 * shaping substitutes nothing (no ligatures: one glyph per character), and
 * the pieces a string is drawn in carry the same kerning as its width.
 * The numbers are Noto Serif's and Noto Sans's own (1/1000 em), pinned
 * with the font files in fonts/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/pdf/kern.h"
#include "../../src/pdf/pdf.h"

#define FONTDIR "fonts"

static int setup(void **state)
{
    pl_pdf *p = NULL;
    assert_int_equal(pl_pdf_new(FONTDIR, &p), PL_OK);
    *state = p;
    return 0;
}

static int teardown(void **state)
{
    pl_pdf_free(*state);
    return 0;
}

/* Width in 1/1000 em (size 1000). */
static double em(const pl_metrics *m, pl_font f, const char *s)
{
    return m->width(m->ctx, f, s, strlen(s), 1000);
}

/* Sum of the widths of s's characters measured one by one: no kerning. */
static double sum_chars(const pl_metrics *m, pl_font f, const char *s)
{
    double w = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t l = 1;
        while (i + l < n && ((unsigned char)s[i + l] & 0xC0) == 0x80)
            l++;
        w += m->width(m->ctx, f, s + i, l, 1000);
        i += l;
    }
    return w;
}

/* AVATAR and Te are narrower than their letters: A-V, V-A, A-T, T-A and
 * T-e kern in both families. */
static void test_kerned_width(void **state)
{
    pl_metrics m = pl_pdf_metrics(*state);
    assert_true(fabs(sum_chars(&m, PL_F_SERIF, "AVATAR") - 4059) < 1e-9);
    assert_true(fabs(em(&m, PL_F_SERIF, "AVATAR") - 3779) < 1e-9);
    assert_true(fabs(em(&m, PL_F_SERIF, "Te") - (sum_chars(&m, PL_F_SERIF, "Te") - 50)) < 1e-9);
    assert_true(em(&m, PL_F_SANS, "AVATAR") < sum_chars(&m, PL_F_SANS, "AVATAR") - 200);
    assert_true(em(&m, PL_F_SANS_BOLD, "Te") < sum_chars(&m, PL_F_SANS_BOLD, "Te") - 20);
    assert_true(em(&m, PL_F_SERIF_BOLD, "AVATAR") < sum_chars(&m, PL_F_SERIF_BOLD, "AVATAR"));
    assert_true(em(&m, PL_F_SERIF_ITALIC, "AVATAR") < sum_chars(&m, PL_F_SERIF_ITALIC, "AVATAR"));
    /* widths scale with the size, and a pair without kerning adds up */
    assert_true(fabs(m.width(m.ctx, PL_F_SERIF, "AVATAR", 6, 11) - 3779 * 11 / 1000.0) < 1e-9);
    assert_true(fabs(em(&m, PL_F_SERIF, "no") - sum_chars(&m, PL_F_SERIF, "no")) < 1e-9);
    /* same answer from the cache as from shaping */
    assert_true(fabs(em(&m, PL_F_SERIF, "AVATAR") - 3779) < 1e-9);
}

/* Only kerning: "office" would take the ffi ligature with the default
 * features, and a combining mark would be composed; neither happens, so
 * widths stay the sum of the characters'. */
static void test_no_substitution(void **state)
{
    pl_metrics m = pl_pdf_metrics(*state);
    const char *const words[] = {"office", "fi", "ffl", "fl", "A\xCC\x81V"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        for (int f = 0; f < PL_FONT_COUNT; f++)
            if (fabs(em(&m, (pl_font)f, words[i]) - sum_chars(&m, (pl_font)f, words[i])) > 1e-9)
                fail_msg("«%s» in face %d: %.1f, its characters %.1f", words[i], f,
                         em(&m, (pl_font)f, words[i]), sum_chars(&m, (pl_font)f, words[i]));
}

/* The drawing pieces: AVATAR splits before every kerned character; each
 * piece's shift is the kerning before it, and the last one's is the
 * total kerning, that is the width difference. */
static void test_pieces(void **state)
{
    (void)state;
    const char *path = FONTDIR "/NotoSerif-Regular.ttf";
    pl_kern *k = NULL;
    int bad = 0;
    assert_int_equal(pl_kern_new(&path, 1, &k, &bad), PL_OK);
    const pl_kern_piece *pc;
    size_t n;
    static const size_t offs[] = {0, 1, 2, 3, 4};
    static const int shifts[] = {0, -80, -160, -220, -280};
    for (int again = 0; again < 2; again++) { /* shaped, then from the cache */
        n = pl_kern_pieces(k, 0, "AVATAR", 6, &pc);
        assert_int_equal(n, 5);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(pc[i].off, offs[i]);
            assert_int_equal(pc[i].shift, shifts[i]);
        }
        assert_int_equal(pl_kern_total(k, 0, "AVATAR", 6), -280);
    }
    /* no kerning: one piece; multi-byte characters are not cut */
    n = pl_kern_pieces(k, 0, "a\xC3\xB1o", 4, &pc);
    assert_int_equal(n, 1);
    assert_int_equal(pc[0].off, 0);
    assert_int_equal(pc[0].shift, 0);
    /* "P." kerns: the period is a piece of its own */
    n = pl_kern_pieces(k, 0, "P.", 2, &pc);
    assert_int_equal(n, 2);
    assert_int_equal(pc[1].off, 1);
    assert_true(pc[1].shift < 0);
    assert_int_equal(pl_kern_total(k, 0, "", 0), 0);
    assert_int_equal(pl_kern_pieces(k, 0, "", 0, &pc), 0);
    assert_false(pl_kern_failed(k));
    pl_kern_free(k);
    pl_kern_free(NULL);
}

/* A file that is not a font is named. */
static void test_not_a_font(void **state)
{
    (void)state;
    const char *paths[] = {FONTDIR "/NotoSerif-Regular.ttf", FONTDIR "/LICENSE-OFL.txt"};
    pl_kern *k = NULL;
    int bad = -1;
    assert_int_equal(pl_kern_new(paths, 2, &k, &bad), PL_EDATA);
    assert_null(k);
    assert_int_equal(bad, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kerned_width, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_substitution, setup, teardown),
        cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_not_a_font),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
