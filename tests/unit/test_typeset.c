/* Unit tests of src/typeset with fake font metrics: every character is
 * half an em wide (0.5 × size), and every face has every glyph except
 * U+2318 (⌘). The kerning tests add a kern of -fake_kern em between any
 * two adjacent non-space characters of a measured string. With such
 * metrics line widths are exact, so the tests can check that paragraphs
 * never lose text, that justified lines end at the right margin, that
 * overfull words stay, that missing glyphs are reported once, and how the
 * page builder cuts a vertical list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/typeset/typeset.h"
#include "../../src/util/buf.h"
#include "../../src/util/utf8.h"

#define MISSING_CP 0x2318u

static int width_calls;
static double fake_kern; /* em, between adjacent non-space characters */

/* Kerned width with the fake metrics. */
static double fake_measure(const char *s, size_t n, double size)
{
    double w = 0.5 * size * (double)pl_utf8_count(s, n);
    for (size_t i = 1; i < n; i++) {
        size_t prev = i - 1; /* the character before the one starting at i */
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue;
        while (prev > 0 && ((unsigned char)s[prev] & 0xC0) == 0x80)
            prev--;
        if (s[i] != ' ' && s[prev] != ' ')
            w -= fake_kern * size;
    }
    return w;
}

static double fake_width(void *ctx, pl_font f, const char *s, size_t n, double size)
{
    (void)ctx;
    (void)f;
    width_calls++;
    return fake_measure(s, n, size);
}

static int fake_has_glyph(void *ctx, pl_font f, uint32_t cp)
{
    (void)ctx;
    (void)f;
    return cp != MISSING_CP;
}

static pl_metrics fake_metrics(void)
{
    pl_metrics m;
    memset(&m, 0, sizeof m);
    m.width = fake_width;
    m.has_glyph = fake_has_glyph;
    for (int i = 0; i < PL_FONT_COUNT; i++) {
        m.ascent[i] = 0.8;
        m.descent[i] = 0.2;
    }
    return m;
}

typedef struct fixture {
    pl_ts *ts;
    pl_diags diags;
} fixture;

static int setup_dict(void **state, const char *dict)
{
    fixture *fx = calloc(1, sizeof *fx);
    pl_ts_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.metrics = fake_metrics();
    cfg.hyphen_dict = dict;
    cfg.doc = NULL;
    cfg.diags = &fx->diags;
    fx->ts = pl_ts_new(&cfg);
    assert_non_null(fx->ts);
    *state = fx;
    return 0;
}

static int setup(void **state)
{
    return setup_dict(state, NULL);
}

static int teardown(void **state)
{
    fixture *fx = *state;
    pl_ts_free(fx->ts);
    pl_diags_free(&fx->diags);
    free(fx);
    return 0;
}

static pl_run run_of(const char *text, float size)
{
    pl_run r;
    memset(&r, 0, sizeof r);
    r.text = text;
    r.len = strlen(text);
    r.font = PL_F_SERIF;
    r.size = size;
    r.note = -1;
    return r;
}

static pl_para_style style_of(pl_align align, float x, float width, float size)
{
    pl_para_style st;
    memset(&st, 0, sizeof st);
    st.x = x;
    st.width = width;
    st.leading = size * 1.2f;
    st.align = align;
    st.hyphenate = 1;
    return st;
}

/* Deterministic text of n words of 1 to 12 letters (some accented). */
static char *make_words(int n, unsigned seed)
{
    static const char *const syll[] = {"ca", "sa", "mi", "to", "ré", "lu", "ña", "pe",
                                       "dó", "ri", "x", "e"};
    pl_buf b = PL_BUF_INIT;
    unsigned s = seed;
    for (int i = 0; i < n; i++) {
        if (i)
            pl_buf_putc(&b, ' ');
        s = s * 1103515245u + 12345u;
        int k = 1 + (int)((s >> 16) % 6);
        for (int j = 0; j < k; j++) {
            s = s * 1103515245u + 12345u;
            pl_buf_puts(&b, syll[(s >> 16) % 12]);
        }
        if ((s >> 8) % 7 == 0)
            pl_buf_putc(&b, ',');
    }
    return pl_buf_detach(&b);
}

static double op_width(const pl_op *op);

/* The text of the TEXT ops of every box, boxes joined by a space, runs
 * of spaces collapsed. Within a line, a gap between two ops stands for a
 * space (as a PDF text extractor reads it): a space that begins a run is
 * set as glue, not as part of the previous word's op. A hyphen op at the
 * end of a line (set by hyphenation) is dropped and the word is joined to
 * the next line's. */
static char *vlist_text(const pl_vlist *v, int join_hyphens)
{
    pl_buf b = PL_BUF_INIT;
    pl_buf_puts(&b, "");
    for (size_t i = 0; i < v->n; i++) {
        const pl_vitem *it = &v->items[i];
        if (it->kind != PL_V_BOX)
            continue;
        int hyphen_end = 0;
        double prev_right = -1e9;
        for (size_t k = 0; k < it->nops; k++) {
            const pl_op *op = &v->ops[it->op0 + k];
            if (op->kind != PL_OP_TEXT)
                continue;
            if (join_hyphens && k + 1 == it->nops && op->len == 1 && op->text[0] == '-' &&
                b.len > 0 && b.data[b.len - 1] != ' ') {
                hyphen_end = 1;
                continue;
            }
            if (op->x > prev_right + 0.1 && b.len > 0 && b.data[b.len - 1] != ' ' &&
                prev_right > -1e9)
                pl_buf_putc(&b, ' ');
            pl_buf_append(&b, op->text, op->len);
            prev_right = op->x + op_width(op);
        }
        if (!hyphen_end)
            pl_buf_putc(&b, ' ');
    }
    /* collapse and trim */
    pl_buf out = PL_BUF_INIT;
    pl_buf_puts(&out, "");
    for (size_t i = 0; i < b.len; i++) {
        if (b.data[i] == ' ' && (out.len == 0 || out.data[out.len - 1] == ' '))
            continue;
        pl_buf_putc(&out, b.data[i]);
    }
    while (out.len > 0 && out.data[out.len - 1] == ' ')
        out.data[--out.len] = '\0';
    pl_buf_free(&b);
    return pl_buf_detach(&out);
}

static size_t count_boxes(const pl_vlist *v)
{
    size_t n = 0;
    for (size_t i = 0; i < v->n; i++)
        if (v->items[i].kind == PL_V_BOX)
            n++;
    return n;
}

/* Width of an op's text with the fake metrics, trailing spaces left out. */
static double op_width(const pl_op *op)
{
    size_t n = op->len;
    while (n > 0 && op->text[n - 1] == ' ')
        n--;
    return fake_measure(op->text, n, op->size);
}

/* Right edge of the ink of a line box: the last TEXT op's x + width. */
static double line_right(const pl_vlist *v, const pl_vitem *it)
{
    double right = -1;
    for (size_t k = 0; k < it->nops; k++) {
        const pl_op *op = &v->ops[it->op0 + k];
        if (op->kind == PL_OP_TEXT && op->x + op_width(op) > right)
            right = op->x + op_width(op);
    }
    return right;
}

static double line_left(const pl_vlist *v, const pl_vitem *it)
{
    double left = 1e9;
    for (size_t k = 0; k < it->nops; k++) {
        const pl_op *op = &v->ops[it->op0 + k];
        if (op->kind == PL_OP_TEXT && op->x < left)
            left = op->x;
    }
    return left;
}

/* ------------------------------------------------------------------ */
/* Paragraphs                                                          */

static void check_round_trip(fixture *fx, const char *text, pl_align align, float width)
{
    pl_run r = run_of(text, 10);
    pl_para_style st = style_of(align, 72, width, 10);
    pl_vlist v;
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
    char *got = vlist_text(&v, 1);
    if (strcmp(got, text) != 0)
        fail_msg("align %d width %.0f: text changed\n want: %s\n  got: %s", (int)align,
                 (double)width, text, got);
    free(got);
    assert_true(count_boxes(&v) >= 1);
    pl_vlist_free(&v);
}

static void test_paragraph_round_trip(void **state)
{
    fixture *fx = *state;
    const float widths[] = {60, 97, 150, 233, 400, 1000};
    const pl_align aligns[] = {PL_ALIGN_JUSTIFY, PL_ALIGN_LEFT, PL_ALIGN_CENTER, PL_ALIGN_RIGHT};
    for (unsigned seed = 1; seed <= 6; seed++) {
        char *text = make_words(40 + (int)seed * 23, seed);
        for (size_t a = 0; a < sizeof aligns / sizeof aligns[0]; a++)
            for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++)
                check_round_trip(fx, text, aligns[a], widths[w]);
        free(text);
    }
    /* one word, and a text that fits on one line */
    check_round_trip(fx, "Hola", PL_ALIGN_JUSTIFY, 100);
    check_round_trip(fx, "Se aprueba el acuerdo.", PL_ALIGN_JUSTIFY, 1000);
    check_round_trip(fx, "Se aprueba el acuerdo.", PL_ALIGN_LEFT, 1000);
}

/* Several runs (fonts, sizes) in one paragraph: the words of each run
 * come out in order, none lost. */
static void test_paragraph_runs(void **state)
{
    fixture *fx = *state;
    pl_run r[4];
    r[0] = run_of("Que el 4 de mayo de 2015 se publicó en el ", 10);
    r[1] = run_of("Diario Oficial de la Federación", 10);
    r[1].font = PL_F_SERIF_ITALIC;
    r[2] = run_of(" la Ley General de Transparencia y Acceso a la ", 10);
    r[3] = run_of("Información Pública.", 12);
    r[3].font = PL_F_SERIF_BOLD;
    const char *want = "Que el 4 de mayo de 2015 se publicó en el Diario Oficial de la "
                       "Federación la Ley General de Transparencia y Acceso a la "
                       "Información Pública.";
    const pl_align aligns[] = {PL_ALIGN_JUSTIFY, PL_ALIGN_LEFT};
    for (size_t a = 0; a < 2; a++) {
        for (float w = 50; w <= 500; w += 37) {
            pl_para_style st = style_of(aligns[a], 0, w, 10);
            pl_vlist v;
            memset(&v, 0, sizeof v);
            assert_int_equal(pl_ts_paragraph(fx->ts, r, 4, &st, &v), PL_OK);
            char *got = vlist_text(&v, 1);
            if (strcmp(got, want) != 0)
                fail_msg("width %.0f: got «%s»", (double)w, got);
            free(got);
            /* fonts survive */
            for (size_t k = 0; k < v.nops; k++) {
                const pl_op *op = &v.ops[k];
                if (op->kind != PL_OP_TEXT)
                    continue;
                if (op->text >= r[1].text && op->text < r[1].text + r[1].len)
                    assert_int_equal(op->font, PL_F_SERIF_ITALIC);
                if (op->text >= r[3].text && op->text < r[3].text + r[3].len) {
                    assert_int_equal(op->font, PL_F_SERIF_BOLD);
                    assert_true(fabsf(op->size - 12) < 0.001f);
                }
            }
            pl_vlist_free(&v);
        }
    }
}

static void test_justified_right_edge(void **state)
{
    fixture *fx = *state;
    const float widths[] = {150, 233, 311.5f, 400};
    for (unsigned seed = 1; seed <= 5; seed++) {
        char *text = make_words(120, seed * 7);
        for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
            float x = 72, width = widths[w];
            pl_run r = run_of(text, 10);
            pl_para_style st = style_of(PL_ALIGN_JUSTIFY, x, width, 10);
            st.hyphenate = 0;
            pl_vlist v;
            memset(&v, 0, sizeof v);
            assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
            size_t nb = count_boxes(&v), seen = 0;
            assert_true(nb >= 3);
            for (size_t i = 0; i < v.n; i++) {
                const pl_vitem *it = &v.items[i];
                if (it->kind != PL_V_BOX)
                    continue;
                seen++;
                double left = line_left(&v, it), right = line_right(&v, it);
                if (fabs(left - x) > 0.05)
                    fail_msg("seed %u width %.1f line %zu starts at %.3f, not %.3f", seed,
                             (double)width, seen, left, (double)x);
                if (seen < nb && fabs(right - (x + width)) > 0.05)
                    fail_msg("seed %u width %.1f line %zu of %zu ends at %.3f, not %.3f",
                             seed, (double)width, seen, nb, right, (double)(x + width));
                /* the line box has the leading as height */
                assert_true(fabsf(it->height - st.leading) < 0.001f);
            }
            pl_vlist_free(&v);
        }
        free(text);
    }
}

/* The last line of a justified paragraph is set at its natural width,
 * which must not run past the right margin: when total fit ends the
 * paragraph with a line that needs shrinking, that line must be shrunk
 * (or broken differently). */
static void test_justified_last_line_in_margin(void **state)
{
    fixture *fx = *state;
    const float widths[] = {150, 233, 311.5f, 400};
    for (unsigned seed = 1; seed <= 5; seed++) {
        char *text = make_words(120, seed * 7);
        for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
            float x = 72, width = widths[w];
            pl_run r = run_of(text, 10);
            pl_para_style st = style_of(PL_ALIGN_JUSTIFY, x, width, 10);
            st.hyphenate = 0;
            pl_vlist v;
            memset(&v, 0, sizeof v);
            assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
            const pl_vitem *last = NULL;
            size_t nb = 0;
            for (size_t i = 0; i < v.n; i++)
                if (v.items[i].kind == PL_V_BOX) {
                    last = &v.items[i];
                    nb++;
                }
            assert_non_null(last);
            double right = line_right(&v, last);
            if (right > x + width + 0.05)
                fail_msg("seed %u width %.1f: the last line (%zu) ends at %.3f, past the "
                         "margin at %.3f",
                         seed, (double)width, nb, right, (double)(x + width));
            pl_vlist_free(&v);
        }
        free(text);
    }
}

static void test_ragged_alignments(void **state)
{
    fixture *fx = *state;
    char *text = make_words(80, 99);
    const float x = 50, width = 200;
    const pl_align aligns[] = {PL_ALIGN_LEFT, PL_ALIGN_CENTER, PL_ALIGN_RIGHT};
    for (size_t a = 0; a < 3; a++) {
        pl_run r = run_of(text, 10);
        pl_para_style st = style_of(aligns[a], x, width, 10);
        st.hyphenate = 0;
        pl_vlist v;
        memset(&v, 0, sizeof v);
        assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
        for (size_t i = 0; i < v.n; i++) {
            const pl_vitem *it = &v.items[i];
            if (it->kind != PL_V_BOX)
                continue;
            double left = line_left(&v, it), right = line_right(&v, it);
            assert_true(left >= x - 0.05);
            assert_true(right <= x + width + 0.05);
            if (aligns[a] == PL_ALIGN_LEFT)
                assert_true(fabs(left - x) < 0.05);
            else if (aligns[a] == PL_ALIGN_RIGHT)
                assert_true(fabs(right - (x + width)) < 0.05);
            else
                assert_true(fabs((left - x) - (x + width - right)) < 0.05);
        }
        pl_vlist_free(&v);
    }
    free(text);
}

static void test_overfull_word(void **state)
{
    fixture *fx = *state;
    /* 40 characters = 200 pt at 10 pt, in a 60 pt column */
    const char *text = "Se anexa el "
                       "Supercalifragilisticoespialidosísimo1234"
                       " de la Comisión.";
    const pl_align aligns[] = {PL_ALIGN_JUSTIFY, PL_ALIGN_LEFT};
    for (size_t a = 0; a < 2; a++) {
        pl_run r = run_of(text, 10);
        pl_para_style st = style_of(aligns[a], 72, 60, 10);
        st.hyphenate = 0;
        pl_vlist v;
        memset(&v, 0, sizeof v);
        assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
        char *got = vlist_text(&v, 0);
        assert_string_equal(got, text);
        free(got);
        /* the long word is whole on a line of its own, overfull */
        int found = 0;
        for (size_t k = 0; k < v.nops; k++) {
            const pl_op *op = &v.ops[k];
            if (op->kind == PL_OP_TEXT &&
                strncmp(op->text, "Supercalifragilisticoespialidosísimo1234", op->len) == 0 &&
                op->len >= strlen("Supercalifragilisticoespialidosísimo1234")) {
                found = 1;
                assert_true(fabs(op->x - 72) < 0.05);
            }
        }
        assert_true(found);
        pl_vlist_free(&v);
    }
    /* the word alone, narrower than anything */
    pl_run r = run_of("Anticonstitucionalmente", 10);
    pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 0, 1, 10);
    st.hyphenate = 0;
    pl_vlist v;
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
    char *got = vlist_text(&v, 0);
    assert_string_equal(got, "Anticonstitucionalmente");
    free(got);
    pl_vlist_free(&v);
    /* the least width of a column is that of the longest word */
    assert_true(fabsf(pl_ts_runs_minwidth(fx->ts, &r, 1, 0) - 0.5f * 10 * 23) < 0.01f);
    assert_true(fabsf(pl_ts_runs_width(fx->ts, &r, 1) - 0.5f * 10 * 23) < 0.01f);
}

/* An overfull word that ends the paragraph is its last line: no empty
 * line (an empty box of the leading's height) follows it. */
static void test_overfull_word_no_empty_line(void **state)
{
    fixture *fx = *state;
    const char *texts[] = {"Anticonstitucionalmente",
                           "Se anexa el Supercalifragilisticoespialidosísimo1234"};
    const pl_align aligns[] = {PL_ALIGN_JUSTIFY, PL_ALIGN_LEFT};
    for (size_t t = 0; t < 2; t++) {
        for (size_t a = 0; a < 2; a++) {
            pl_run r = run_of(texts[t], 10);
            pl_para_style st = style_of(aligns[a], 0, t == 0 ? 1 : 60, 10);
            st.hyphenate = 0;
            pl_vlist v;
            memset(&v, 0, sizeof v);
            assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
            size_t line = 0;
            for (size_t i = 0; i < v.n; i++) {
                if (v.items[i].kind != PL_V_BOX)
                    continue;
                line++;
                int text_ops = 0;
                for (size_t k = 0; k < v.items[i].nops; k++)
                    if (v.ops[v.items[i].op0 + k].kind == PL_OP_TEXT)
                        text_ops++;
                if (text_ops == 0)
                    fail_msg("«%s», align %d: line %zu is empty", texts[t], (int)aligns[a],
                             line);
            }
            assert_int_equal(line, t == 0 ? 1 : 2);
            pl_vlist_free(&v);
        }
    }
}

static void test_missing_glyph(void **state)
{
    fixture *fx = *state;
    const char *text = "Pulse ⌘ y luego ⌘ otra vez ⌘.";
    pl_run r = run_of(text, 10);
    pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 0, 100, 10);
    pl_vlist v;
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
    assert_int_equal(fx->diags.n, 1);
    const pl_diag *g = &fx->diags.items[0];
    assert_string_equal(g->rule, "FONT-001");
    assert_int_equal(g->sev, PL_SEV_ERROR);
    assert_non_null(strstr(g->message, "U+2318"));
    assert_non_null(strstr(g->message, "⌘"));
    /* the character is still set (a diagnostic, not a deletion) */
    char *got = vlist_text(&v, 0);
    assert_string_equal(got, text);
    free(got);
    pl_vlist_free(&v);
    /* the same character in the same face again: no new diagnostic */
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
    assert_int_equal(fx->diags.n, 1);
    pl_vlist_free(&v);
    /* characters the fonts have: none */
    pl_run ok = run_of("Información «pública» — año 2018 ¿sí? ¡no! €", 10);
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, &ok, 1, &st, &v), PL_OK);
    assert_int_equal(fx->diags.n, 1);
    pl_vlist_free(&v);
}

static void test_indent_label_widows(void **state)
{
    fixture *fx = *state;
    char *text = make_words(60, 5);
    pl_run r = run_of(text, 10);
    pl_run label = run_of("III.", 10);
    pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 100, 200, 10);
    st.indent = 30;
    st.label = &label;
    st.nlabel = 1;
    st.label_x = 90;
    st.orphans = 2;
    st.widows = 2;
    pl_vlist v;
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
    size_t nb = count_boxes(&v);
    assert_true(nb >= 4);
    /* the first line: label right-aligned at label_x, text after the indent */
    const pl_vitem *first = &v.items[0];
    assert_int_equal(first->kind, PL_V_BOX);
    int saw_label = 0;
    for (size_t k = 0; k < first->nops; k++) {
        const pl_op *op = &v.ops[first->op0 + k];
        if (op->kind == PL_OP_TEXT && op->len == 4 && memcmp(op->text, "III.", 4) == 0) {
            saw_label = 1;
            assert_true(fabs(op->x + op_width(op) - 90) < 0.05);
        } else if (op->kind == PL_OP_TEXT) {
            assert_true(op->x >= 130 - 0.05);
        }
    }
    assert_true(saw_label);
    /* penalties: PL_INF after the first line and before the last, else 0 */
    size_t line = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (v.items[i].kind == PL_V_BOX) {
            line++;
        } else if (v.items[i].kind == PL_V_PENALTY) {
            int want = (line < 2 || nb - line < 2) ? PL_INF : 0;
            assert_int_equal(v.items[i].penalty, want);
        }
    }
    char *got = vlist_text(&v, 1);
    /* the label is text too, in the margin before the first word */
    assert_int_equal(strncmp(got, "III. ", 5), 0);
    assert_string_equal(got + 5, text);
    free(got);
    pl_vlist_free(&v);
    free(text);
}

static void test_hard_break_and_empty(void **state)
{
    fixture *fx = *state;
    pl_run r[3];
    r[0] = run_of("Primera línea", 10);
    r[1] = run_of("", 10);
    r[1].hard_break = 1;
    r[2] = run_of("segunda", 10);
    pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 0, 500, 10);
    pl_vlist v;
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, r, 3, &st, &v), PL_OK);
    assert_int_equal(count_boxes(&v), 2);
    /* the line ended by a forced break is not stretched */
    assert_true(line_right(&v, &v.items[0]) < 100);
    char *got = vlist_text(&v, 0);
    assert_string_equal(got, "Primera línea segunda");
    free(got);
    pl_vlist_free(&v);
    /* ragged text (first fit) goes on after a forced break: it used to
     * stop there and drop the rest (a cover's lines, a figure's
     * description) */
    const pl_align ragged[] = {PL_ALIGN_LEFT, PL_ALIGN_CENTER, PL_ALIGN_RIGHT};
    for (size_t a = 0; a < 3; a++) {
        st = style_of(ragged[a], 0, 500, 10);
        memset(&v, 0, sizeof v);
        assert_int_equal(pl_ts_paragraph(fx->ts, r, 3, &st, &v), PL_OK);
        assert_int_equal(count_boxes(&v), 2);
        got = vlist_text(&v, 0);
        assert_string_equal(got, "Primera línea segunda");
        free(got);
        pl_vlist_free(&v);
    }
    /* nothing at all */
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, r, 0, &st, &v), PL_OK);
    got = vlist_text(&v, 0);
    assert_string_equal(got, "");
    free(got);
    pl_vlist_free(&v);
}

/* ------------------------------------------------------------------ */
/* Hyphenation dictionary                                              */

static void test_no_dictionary(void **state)
{
    fixture *fx = *state; /* made with hyphen_dict NULL */
    char *text = make_words(200, 3);
    pl_run r = run_of(text, 10);
    pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 0, 80, 10);
    st.hyphenate = 1; /* asked for, but there is no dictionary */
    pl_vlist v;
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
    for (size_t k = 0; k < v.nops; k++)
        if (v.ops[k].kind == PL_OP_TEXT)
            assert_false(v.ops[k].len == 1 && v.ops[k].text[0] == '-');
    char *got = vlist_text(&v, 0);
    assert_string_equal(got, text);
    free(got);
    pl_vlist_free(&v);
    free(text);

    /* a dictionary path that does not exist disables hyphenation too */
    pl_ts_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.metrics = fake_metrics();
    cfg.hyphen_dict = "/nonexistent/hyph_es.dic";
    pl_ts *ts = pl_ts_new(&cfg);
    assert_non_null(ts);
    pl_run r2 = run_of("Transparencia proactiva y gobierno abierto", 10);
    memset(&v, 0, sizeof v);
    assert_int_equal(pl_ts_paragraph(ts, &r2, 1, &st, &v), PL_OK);
    got = vlist_text(&v, 0);
    assert_string_equal(got, "Transparencia proactiva y gobierno abierto");
    free(got);
    pl_vlist_free(&v);
    pl_ts_free(ts);
}

static const char *find_dict(void)
{
    static const char *const cands[] = {"hyphen/hyph_es.dic", "/usr/share/hyphen/hyph_es_MX.dic",
                                        "/usr/share/hyphen/hyph_es_ES.dic",
                                        "/usr/share/hyphen/hyph_es.dic"};
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++)
        if (access(cands[i], R_OK) == 0)
            return cands[i];
    return NULL;
}

static int setup_hyphen(void **state)
{
    return setup_dict(state, find_dict());
}

static int setup_kern(void **state)
{
    fake_kern = 0.05;
    return setup_dict(state, find_dict());
}

static int teardown_kern(void **state)
{
    fake_kern = 0;
    return teardown(state);
}

/* With Spanish hyphenation: text is still never lost (a line-end hyphen
 * joins the pieces), and justified lines still end at the margin. */
static void test_hyphenation_round_trip(void **state)
{
    fixture *fx = *state;
    if (find_dict() == NULL)
        skip();
    const char *text = "Que la Comisión de Gobierno Abierto y de Transparencia Proactiva "
                       "aprobó, el 8 de febrero de 2018, en su Primera Sesión Ordinaria de "
                       "ese ejercicio, su Programa Anual de Trabajo, que comprende la "
                       "cocreación local y seguimiento de los planes de acción de gobierno "
                       "abierto en las entidades federativas, la socialización de los "
                       "documentos de orientación en materia de transparencia proactiva y "
                       "la difusión de las buenas prácticas identificadas.";
    int hyphens = 0;
    for (float w = 80; w <= 300; w += 11) {
        pl_run r = run_of(text, 10);
        pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 0, w, 10);
        pl_vlist v;
        memset(&v, 0, sizeof v);
        assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
        char *got = vlist_text(&v, 1);
        if (strcmp(got, text) != 0)
            fail_msg("width %.0f:\n want: %s\n  got: %s", (double)w, text, got);
        free(got);
        for (size_t k = 0; k < v.nops; k++)
            if (v.ops[k].kind == PL_OP_TEXT && v.ops[k].len == 1 && v.ops[k].text[0] == '-')
                hyphens++;
        /* the last word is never hyphenated: it is whole on the last line */
        const pl_vitem *last = NULL;
        for (size_t k = 0; k < v.n; k++)
            if (v.items[k].kind == PL_V_BOX)
                last = &v.items[k];
        assert_non_null(last);
        pl_buf line = PL_BUF_INIT;
        for (size_t o = 0; o < last->nops; o++)
            if (v.ops[last->op0 + o].kind == PL_OP_TEXT)
                pl_buf_append(&line, v.ops[last->op0 + o].text, v.ops[last->op0 + o].len);
        if (line.data == NULL || strstr(line.data, "identificadas.") == NULL)
            fail_msg("width %.0f: last line «%s»", (double)w, line.data ? line.data : "");
        pl_buf_free(&line);
        pl_vlist_free(&v);
    }
    assert_true(hyphens > 0); /* the dictionary was used */
}

/* Kerning inside words: a word split into boxes at hyphenation points is
 * set as one text while unbroken, so it must be measured with the kerning
 * across its splits; at a break, the hyphen goes where the kerning with
 * the word's last letter puts it, and a repeated hyphen kerns with the
 * next word. Every justified line but the last ends at the margin by the
 * kerned widths of what it sets, and no text is lost. Fails when the
 * engine measures fragments without the kerning between them. */
static void test_kerned_fragments(void **state)
{
    fixture *fx = *state;
    if (find_dict() == NULL)
        skip();
    const char *text = "Que la Comisión de Gobierno Abierto y de Transparencia Proactiva "
                       "aprobó su Programa Anual de Trabajo teórico-práctico, que comprende "
                       "la cocreación local y seguimiento de los planes de acción de "
                       "gobierno abierto en las entidades federativas, la socialización de "
                       "los documentos de orientación en materia de transparencia proactiva.";
    const double size = 10, k = fake_kern * size;
    int hyphens = 0, repeats = 0, merged = 0;
    for (float w = 80; w <= 300; w += 7) {
        pl_run r = run_of(text, (float)size);
        pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 72, w, (float)size);
        pl_vlist v = {0};
        assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
        char *got = vlist_text(&v, 1);
        char *rep = strstr(got, "- -"); /* a compound broken at its hyphen */
        if (rep)
            memmove(rep + 1, rep + 3, strlen(rep + 3) + 1);
        if (strcmp(got, text) != 0)
            fail_msg("width %.0f:\n want: %s\n  got: %s", (double)w, text, got);
        free(got);
        size_t nb = count_boxes(&v), seen = 0;
        for (size_t i = 0; i < v.n; i++) {
            const pl_vitem *it = &v.items[i];
            if (it->kind != PL_V_BOX)
                continue;
            seen++;
            double right = line_right(&v, it);
            size_t words = 0; /* a line of one word has no glue to stretch */
            for (size_t o = 0; o < it->nops; o++)
                words += v.ops[it->op0 + o].len > 1;
            if (seen < nb && words > 1 && fabs(right - (72 + w)) > 0.01)
                fail_msg("width %.0f line %zu of %zu ends at %.3f, not %.3f", (double)w, seen,
                         nb, right, 72.0 + w);
            /* the line's drawn ops (the report's mark is not drawn) */
            pl_op ops[256];
            size_t nops = 0;
            for (size_t o = 0; o < it->nops && nops < 256; o++)
                if (v.ops[it->op0 + o].kind != PL_OP_MARK)
                    ops[nops++] = v.ops[it->op0 + o];
            for (size_t o = 0; o < nops; o++) {
                const pl_op *op = &ops[o];
                /* an op that spans a hyphenation point (e.g. "Comisión") */
                if (op->len > 6 && memchr(op->text, ' ', op->len - 1) == NULL)
                    merged++;
                if (op->len != 1 || op->text[0] != '-')
                    continue;
                if (o + 1 == nops && o > 0) { /* hyphen at the end */
                    double want = ops[o - 1].x + op_width(&ops[o - 1]) - k;
                    if (fabs(op->x - want) > 0.001)
                        fail_msg("width %.0f: hyphen at %.3f, not %.3f", (double)w, op->x, want);
                    hyphens++;
                } else if (o == 0 && nops > 1) { /* repeated at the start */
                    double want = op->x + op_width(op) - k;
                    if (fabs(ops[1].x - want) > 0.001)
                        fail_msg("width %.0f: after the repeated hyphen at %.3f, not %.3f",
                                 (double)w, ops[1].x, want);
                    repeats++;
                }
            }
        }
        pl_vlist_free(&v);
    }
    assert_true(hyphens > 0);
    assert_true(repeats > 0);
    assert_true(merged > 0);
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

static pl_page_geom geom(void)
{
    pl_page_geom g;
    memset(&g, 0, sizeof g);
    g.width = 600;
    g.height = 800;
    g.top = 50;
    g.bottom = 50; /* 700 pt of body */
    g.note_sep = 10;
    g.note_gap = 2;
    g.rule_x = 50;
    g.rule_w = 100;
    return g;
}

/* A box of height h with one TEXT op "bN" (names kept alive by caller). */
static void add_box(pl_vlist *v, float h, const char *name)
{
    assert_true(pl_vlist_box(v, h) >= 0);
    pl_op op;
    memset(&op, 0, sizeof op);
    op.kind = PL_OP_TEXT;
    op.font = PL_F_SERIF;
    op.size = 10;
    op.x = 50;
    op.y = h * 0.8f;
    op.text = name;
    op.len = strlen(name);
    assert_int_equal(pl_vlist_op(v, &op), 0);
}

static char names[400][8];

static void init_names(void)
{
    for (int i = 0; i < 400; i++)
        snprintf(names[i], sizeof names[i], "b%d", i);
}

/* Page (0-based) whose ops include a TEXT op with this text, or -1. */
static int page_of(pl_ts *ts, const char *text)
{
    for (size_t p = 0; p < pl_ts_page_count(ts); p++) {
        const pl_page *pg = pl_ts_page(ts, p);
        for (size_t k = 0; k < pg->n; k++)
            if (pg->ops[k].kind == PL_OP_TEXT && pg->ops[k].len == strlen(text) &&
                memcmp(pg->ops[k].text, text, pg->ops[k].len) == 0)
                return (int)p;
    }
    return -1;
}

static const pl_op *find_op(pl_ts *ts, const char *text)
{
    for (size_t p = 0; p < pl_ts_page_count(ts); p++) {
        const pl_page *pg = pl_ts_page(ts, p);
        for (size_t k = 0; k < pg->n; k++)
            if (pg->ops[k].kind == PL_OP_TEXT && pg->ops[k].len == strlen(text) &&
                memcmp(pg->ops[k].text, text, pg->ops[k].len) == 0)
                return &pg->ops[k];
    }
    return NULL;
}

static void test_paginate_count(void **state)
{
    fixture *fx = *state;
    init_names();
    pl_vlist body;
    memset(&body, 0, sizeof body);
    /* 200 boxes of 10 pt with a break between each: 70 per page */
    for (int i = 0; i < 200; i++) {
        if (i)
            assert_int_equal(pl_vlist_penalty(&body, 0), 0);
        add_box(&body, 10, names[i]);
    }
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    assert_int_equal(pl_ts_page_count(fx->ts), 3);
    assert_int_equal(pl_ts_page(fx->ts, 0)->n, 70);
    assert_int_equal(pl_ts_page(fx->ts, 1)->n, 70);
    assert_int_equal(pl_ts_page(fx->ts, 2)->n, 60);
    assert_null(pl_ts_page(fx->ts, 3));
    /* order and placement: every box once, top to bottom */
    for (int i = 0; i < 200; i++)
        assert_int_equal(page_of(fx->ts, names[i]), i / 70);
    const pl_op *first = find_op(fx->ts, "b70");
    assert_true(fabsf(first->y - (50 + 8)) < 0.01f); /* top of page 2 + its y in the box */
    const pl_op *last = find_op(fx->ts, "b69");
    assert_true(fabsf(last->y - (50 + 690 + 8)) < 0.01f);
    pl_vlist_free(&body);
}

static void test_paginate_glue_breaks(void **state)
{
    fixture *fx = *state;
    init_names();
    pl_vlist body;
    memset(&body, 0, sizeof body);
    /* 100 boxes of 12 pt with 4 pt of glue between: the glue at a break
     * is dropped at the top of the next page */
    for (int i = 0; i < 100; i++) {
        if (i)
            assert_int_equal(pl_vlist_glue(&body, 4), 0);
        add_box(&body, 12, names[i]);
    }
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    /* 44 boxes take 44*12 + 43*4 = 700 pt */
    assert_int_equal(pl_ts_page_count(fx->ts), 3);
    assert_int_equal(page_of(fx->ts, "b43"), 0);
    assert_int_equal(page_of(fx->ts, "b44"), 1);
    const pl_op *top = find_op(fx->ts, "b44");
    assert_true(fabsf(top->y - (50 + 12 * 0.8f)) < 0.01f); /* no glue above it */
    pl_vlist_free(&body);
}

static void test_paginate_penalty_inf(void **state)
{
    fixture *fx = *state;
    init_names();
    pl_vlist body;
    memset(&body, 0, sizeof body);
    /* as in test_paginate_count, but b69 and b70 (the last of page 1 and
     * the first of page 2) are tied: they go together to page 2 */
    for (int i = 0; i < 200; i++) {
        if (i)
            assert_int_equal(pl_vlist_penalty(&body, i == 70 ? PL_INF : 0), 0);
        add_box(&body, 10, names[i]);
    }
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    assert_int_equal(page_of(fx->ts, "b68"), 0);
    assert_int_equal(page_of(fx->ts, "b69"), 1);
    assert_int_equal(page_of(fx->ts, "b70"), 1);
    assert_int_equal(pl_ts_page(fx->ts, 0)->n, 69);
    pl_vlist_free(&body);
}

static void test_paginate_forced_break(void **state)
{
    fixture *fx = *state;
    init_names();
    pl_vlist body;
    memset(&body, 0, sizeof body);
    add_box(&body, 10, names[0]);
    assert_int_equal(pl_vlist_penalty(&body, -PL_INF), 0);
    add_box(&body, 10, names[1]);
    assert_int_equal(pl_vlist_newpage(&body), 0);
    add_box(&body, 10, names[2]);
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    assert_int_equal(pl_ts_page_count(fx->ts), 3);
    assert_int_equal(page_of(fx->ts, "b0"), 0);
    assert_int_equal(page_of(fx->ts, "b1"), 1);
    assert_int_equal(page_of(fx->ts, "b2"), 2);
    pl_vlist_free(&body);
}

static void test_paginate_tall_box(void **state)
{
    fixture *fx = *state;
    init_names();
    pl_vlist body;
    memset(&body, 0, sizeof body);
    /* a box taller than a page is set alone, overfull; nothing is lost
     * and the loop ends */
    add_box(&body, 10, names[0]);
    add_box(&body, 900, names[1]);
    add_box(&body, 10, names[2]);
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    assert_true(pl_ts_page_count(fx->ts) >= 2);
    assert_true(page_of(fx->ts, "b0") >= 0);
    assert_true(page_of(fx->ts, "b1") > page_of(fx->ts, "b0"));
    assert_true(page_of(fx->ts, "b2") >= page_of(fx->ts, "b1"));
    pl_vlist_free(&body);
}

/* The penalty between the two body rows of a table whose first column
 * spans both: its three lines, the first held to the second by
 * `held_pen`, flow one into row 0 and two into row 1. */
static int span_row_penalty(pl_ts *ts, int held_pen)
{
    pl_cell cells[3];
    memset(cells, 0, sizeof cells);
    for (int i = 0; i < 3; i++) {
        cells[i].shade = 1;
        cells[i].colspan = 1;
        cells[i].rowspan = 1;
    }
    cells[0].rowspan = 2; /* column 0, rows 0 and 1 */
    add_box(&cells[0].content, 10, "s0");
    assert_int_equal(pl_vlist_penalty(&cells[0].content, held_pen), 0);
    add_box(&cells[0].content, 10, "s1");
    assert_int_equal(pl_vlist_penalty(&cells[0].content, PL_INF), 0);
    add_box(&cells[0].content, 10, "s2");
    cells[1].col = 1; /* one line in each row of column 1 */
    add_box(&cells[1].content, 10, "r0");
    cells[2].col = 1;
    cells[2].row = 1;
    add_box(&cells[2].content, 10, "r1");
    float colw[2] = {100, 100};
    pl_table t;
    memset(&t, 0, sizeof t);
    t.nrows = 2;
    t.ncols = 2;
    t.x = 50;
    t.width = 200;
    t.colw = colw;
    t.cells = cells;
    t.ncells = 3;
    t.pad = 2;
    t.rule = 0.5f;
    pl_vlist out;
    memset(&out, 0, sizeof out);
    assert_int_equal(pl_ts_table(ts, &t, &out), PL_OK);
    /* row 0, the penalty, row 1 */
    assert_int_equal(out.n, 3);
    assert_int_equal(out.items[0].kind, PL_V_BOX);
    assert_int_equal(out.items[1].kind, PL_V_PENALTY);
    assert_int_equal(out.items[2].kind, PL_V_BOX);
    assert_true(fabsf(out.items[0].height - 14) < 0.01f); /* s0 alone fits row 0 */
    int pen = out.items[1].penalty;
    pl_vlist_free(&out);
    for (int i = 0; i < 3; i++)
        pl_vlist_free(&cells[i].content);
    return pen;
}

static void test_table_span_keeps_rows(void **state)
{
    fixture *fx = *state;
    /* the spanning cell's paragraph holds s0 and s1 together (an orphan
     * otherwise): no page break between the rows that split them */
    assert_int_equal(span_row_penalty(fx->ts, PL_INF), PL_INF);
    /* free to break between s0 and s1: so are the rows */
    assert_int_equal(span_row_penalty(fx->ts, 0), 0);
}

/* Adds a note with `lines` lines of 10 pt; returns its id. */
static int make_note(pl_ts *ts, int lines, const char *text)
{
    int id = pl_ts_note_new(ts);
    assert_true(id >= 0);
    pl_vlist *nv = pl_ts_note_content(ts, id);
    assert_non_null(nv);
    for (int i = 0; i < lines; i++)
        add_box(nv, 10, text);
    return id;
}

static void test_paginate_footnote(void **state)
{
    fixture *fx = *state;
    init_names();
    pl_vlist body;
    memset(&body, 0, sizeof body);
    /* b10 refers to a 1-line note that fits on page 1 (it takes 10 + 2 +
     * 10 of separator); b66 to a 3-line note: b66 alone fits at the bottom
     * of page 1 (660 + 10 + 22 <= 700) but not with its note (+ 32), so
     * both go to page 2 */
    int n1 = make_note(fx->ts, 1, "NOTA-1");
    int n2 = make_note(fx->ts, 3, "NOTA-2");
    for (int i = 0; i < 200; i++) {
        if (i)
            assert_int_equal(pl_vlist_penalty(&body, 0), 0);
        add_box(&body, 10, names[i]);
        if (i == 10)
            assert_int_equal(pl_vlist_note(&body, n1), 0);
        if (i == 66)
            assert_int_equal(pl_vlist_note(&body, n2), 0);
    }
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    assert_int_equal(page_of(fx->ts, "NOTA-1"), page_of(fx->ts, "b10"));
    assert_int_equal(page_of(fx->ts, "b10"), 0);
    assert_int_equal(page_of(fx->ts, "NOTA-2"), page_of(fx->ts, "b66"));
    assert_int_equal(page_of(fx->ts, "b66"), 1);
    assert_int_equal(page_of(fx->ts, "b65"), 0);
    /* notes sit below the text, inside the body area */
    for (size_t p = 0; p < pl_ts_page_count(fx->ts); p++) {
        const pl_page *pg = pl_ts_page(fx->ts, p);
        float text_bottom = 0, note_top = 1e9f;
        for (size_t k = 0; k < pg->n; k++) {
            const pl_op *op = &pg->ops[k];
            if (op->kind != PL_OP_TEXT)
                continue;
            assert_true(op->y <= g.height - g.bottom + 0.01f);
            if (op->text[0] == 'N')
                note_top = fminf(note_top, op->y);
            else
                text_bottom = fmaxf(text_bottom, op->y);
        }
        if (note_top < 1e9f)
            assert_true(note_top > text_bottom);
    }
    pl_vlist_free(&body);
}

static void test_paginate_many_footnotes(void **state)
{
    fixture *fx = *state;
    init_names();
    pl_vlist body;
    memset(&body, 0, sizeof body);
    /* every fifth box has a 2-line note: every note is on its box's page */
    static char notes[40][12];
    for (int i = 0; i < 200; i++) {
        if (i)
            assert_int_equal(pl_vlist_penalty(&body, 0), 0);
        add_box(&body, 10, names[i]);
        if (i % 5 == 0) {
            snprintf(notes[i / 5], sizeof notes[0], "N%d", i / 5);
            assert_int_equal(pl_vlist_note(&body, make_note(fx->ts, 2, notes[i / 5])), 0);
        }
    }
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    assert_true(pl_ts_page_count(fx->ts) > 3);
    for (int i = 0; i < 200; i += 5) {
        int pb = page_of(fx->ts, names[i]), pn = page_of(fx->ts, notes[i / 5]);
        if (pb != pn || pb < 0)
            fail_msg("b%d on page %d, its note on page %d", i, pb, pn);
    }
    pl_vlist_free(&body);
}

/* The typographic report: a diagnostic id was given, how many times. */
static int diags_with(const pl_diags *d, const char *id)
{
    int k = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].rule && strcmp(d->items[i].rule, id) == 0)
            k++;
    return k;
}

/* A three-line paragraph on pages that hold two lines: the page builder
 * must break where the widow and orphan penalties forbid, and the report
 * says where (TYPO-003 or TYPO-004), only when asked for everything. */
static void test_report_widow_orphan(void **state)
{
    fixture *fx = *state;
    /* 10 pt, 5 pt a character: 20 characters a line in 100 pt */
    pl_run r = run_of("uno dos tres cuatro cinco seis siete ocho nueve diez", 10);
    pl_para_style st = style_of(PL_ALIGN_LEFT, 50, 100, 10);
    st.hyphenate = 0;
    st.widows = st.orphans = 2;
    pl_vlist body;
    memset(&body, 0, sizeof body);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &body), PL_OK);
    pl_page_geom g = geom();
    g.height = g.top + g.bottom + 2.5f * st.leading;
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    assert_true(pl_ts_page_count(fx->ts) >= 2);
    pl_ts_report rep;
    assert_int_equal(pl_ts_report_typography(fx->ts, 0, &rep), PL_OK);
    assert_true(rep.lines >= 3);
    assert_int_equal(diags_with(&fx->diags, "TYPO-003") + diags_with(&fx->diags, "TYPO-004"), 0);
    assert_int_equal(pl_ts_report_typography(fx->ts, 1, &rep), PL_OK);
    assert_int_equal(rep.widows + rep.orphans, 1);
    assert_int_equal(diags_with(&fx->diags, "TYPO-003"), (int)rep.widows);
    assert_int_equal(diags_with(&fx->diags, "TYPO-004"), (int)rep.orphans);
    pl_vlist_free(&body);
}

/* A justified line left with two spaces to fill a column: TYPO-002; the
 * same text ragged right: nothing. Overfull: TYPO-001 with its page. */
static void test_report_loose_and_overfull(void **state)
{
    fixture *fx = *state;
    const char *text = "Se anexa el documentoconunnombrelargo y más texto para terminar.";
    for (int a = 0; a < 2; a++) {
        pl_run r = run_of(text, 10);
        pl_para_style st = style_of(a == 0 ? PL_ALIGN_JUSTIFY : PL_ALIGN_LEFT, 50, 130, 10);
        st.hyphenate = 0;
        pl_vlist body;
        memset(&body, 0, sizeof body);
        assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &body), PL_OK);
        pl_page_geom g = geom();
        assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
        pl_ts_report rep;
        size_t before = fx->diags.n;
        assert_int_equal(pl_ts_report_typography(fx->ts, 1, &rep), PL_OK);
        /* the engine keeps its marks: the second pass counts the first's
         * line again, and adds none of its own */
        assert_int_equal(rep.underfull, 1);
        assert_int_equal(rep.overfull, 0);
        assert_int_equal((int)(fx->diags.n - before), 1);
        assert_string_equal(fx->diags.items[fx->diags.n - 1].rule, "TYPO-002");
        pl_vlist_free(&body);
    }
    pl_run r = run_of("Supercalifragilisticoespialidoso", 10);
    pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 50, 60, 10);
    st.hyphenate = 0;
    pl_vlist body;
    memset(&body, 0, sizeof body);
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &body), PL_OK);
    pl_page_geom g = geom();
    assert_int_equal(pl_ts_paginate(fx->ts, &body, &g), PL_OK);
    pl_ts_report rep;
    assert_int_equal(pl_ts_report_typography(fx->ts, 0, &rep), PL_OK);
    assert_int_equal(rep.overfull, 1);
    const pl_diag *d = &fx->diags.items[fx->diags.n - 1];
    assert_string_equal(d->rule, "TYPO-001");
    assert_non_null(strstr(d->message, "en la página"));
    pl_vlist_free(&body);
}

static void test_vlist_helpers(void **state)
{
    (void)state;
    pl_vlist a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    add_box(&a, 10, "uno");
    assert_int_equal(pl_vlist_glue(&a, 5), 0);
    add_box(&a, 20, "dos");
    assert_int_equal(pl_vlist_note(&a, 7), 0);
    assert_true(fabsf(pl_vlist_height(&a) - 35) < 0.001f);
    /* flatten: one box, ops offset by (dx, dy) and by the heights above */
    assert_true(pl_vlist_box(&b, 35) >= 0);
    assert_int_equal(pl_vlist_flatten_into(&b, &a, 3, 100), 0);
    assert_int_equal(b.items[0].nops, 2);
    assert_int_equal(b.items[0].nnotes, 1);
    assert_int_equal(b.notes[0], 7);
    assert_true(fabsf(b.ops[0].x - 53) < 0.001f);
    assert_true(fabsf(b.ops[0].y - (100 + 8)) < 0.001f);
    assert_true(fabsf(b.ops[1].y - (100 + 15 + 16)) < 0.001f);
    /* append copies items, ops and notes */
    pl_vlist c;
    memset(&c, 0, sizeof c);
    assert_int_equal(pl_vlist_append(&c, &a), 0);
    assert_int_equal(c.n, 3);
    assert_int_equal(c.nops, 2);
    assert_int_equal(c.items[2].nnotes, 1);
    pl_vlist_free(&a);
    pl_vlist_free(&b);
    pl_vlist_free(&c);
    pl_vlist_free(&c); /* twice is fine */
}

/* Text of each line of v (TEXT ops joined, a space where there is a gap). */
static int line_texts(const pl_vlist *v, char lines[][128], int max)
{
    int n = 0;
    for (size_t i = 0; i < v->n && n < max; i++) {
        const pl_vitem *it = &v->items[i];
        if (it->kind != PL_V_BOX)
            continue;
        size_t o = 0;
        double prev_right = -1e9;
        for (size_t k = 0; k < it->nops; k++) {
            const pl_op *op = &v->ops[it->op0 + k];
            if (op->kind != PL_OP_TEXT)
                continue;
            if (prev_right > -1e9 && op->x > prev_right + 0.1 && o > 0 && lines[n][o - 1] != ' ')
                lines[n][o++] = ' ';
            for (size_t c = 0; c < op->len && o + 1 < 128; c++)
                lines[n][o++] = op->text[c];
            prev_right = op->x + op_width(op);
        }
        while (o > 0 && lines[n][o - 1] == ' ')
            o--;
        lines[n][o] = '\0';
        n++;
    }
    return n;
}

/* RAE: a compound broken at its hyphen repeats the hyphen on the next
 * line. */
static void test_compound_repeats_hyphen(void **state)
{
    fixture *fx = *state;
    pl_run r = run_of("aaaa teórico-práctico bbbb", 10);
    pl_para_style st = style_of(PL_ALIGN_LEFT, 0, 70, 10);
    pl_vlist v = {0};
    assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
    char lines[8][128];
    int n = line_texts(&v, lines, 8);
    assert_true(n >= 2);
    assert_string_equal(lines[0], "aaaa teórico-");
    assert_string_equal(lines[1], "-práctico bbbb");
    pl_vlist_free(&v);
}

/* "artículo" never ends a line when its number follows. */
static void test_articulo_keeps_number(void **state)
{
    fixture *fx = *state;
    pl_run r = run_of("xxxxxxxx artículo 31 yyyy", 10);
    for (float w = 60; w <= 140; w += 5) {
        pl_para_style st = style_of(PL_ALIGN_LEFT, 0, w, 10);
        pl_vlist v = {0};
        assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
        char lines[8][128];
        int n = line_texts(&v, lines, 8);
        for (int i = 0; i + 1 < n; i++) {
            size_t l = strlen(lines[i]);
            assert_false(l >= 9 && strcmp(lines[i] + l - 9, "artículo") == 0);
        }
        pl_vlist_free(&v);
    }
}

/* A day number stays with "de" (5 de octubre). */
static void test_date_keeps_de(void **state)
{
    fixture *fx = *state;
    pl_run r = run_of("zzzzzzzzzzzz 5 de octubre de 2017", 10);
    for (float w = 70; w <= 150; w += 5) {
        pl_para_style st = style_of(PL_ALIGN_JUSTIFY, 0, w, 10);
        pl_vlist v = {0};
        assert_int_equal(pl_ts_paragraph(fx->ts, &r, 1, &st, &v), PL_OK);
        char lines[8][128];
        int n = line_texts(&v, lines, 8);
        for (int i = 0; i + 1 < n; i++) {
            size_t l = strlen(lines[i]);
            assert_false(l >= 2 && strcmp(lines[i] + l - 2, " 5") == 0);
        }
        pl_vlist_free(&v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_paragraph_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compound_repeats_hyphen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_articulo_keeps_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_date_keeps_de, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paragraph_runs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_justified_right_edge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_justified_last_line_in_margin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ragged_alignments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overfull_word, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overfull_word_no_empty_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_glyph, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indent_label_widows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hard_break_and_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_dictionary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hyphenation_round_trip, setup_hyphen, teardown),
        cmocka_unit_test_setup_teardown(test_kerned_fragments, setup_kern, teardown_kern),
        cmocka_unit_test_setup_teardown(test_paginate_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paginate_glue_breaks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paginate_penalty_inf, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paginate_forced_break, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paginate_tall_box, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_span_keeps_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paginate_footnote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paginate_many_footnotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_widow_orphan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_loose_and_overfull, setup, teardown),
        cmocka_unit_test(test_vlist_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
