/* Unit tests of the catalogue of laws (src/catalog), the Roman numerals
 * (src/util/roman) and the citation reader (src/rules/cite): the shipped
 * catalogue loads and says what COUNTS.md says; versions and articles are
 * looked up by date; fracciones parse and print; citations come out with
 * their structure, in document order; the one-pass locator of positions
 * answers exactly what pl_rules_flat_position does.
 *
 * Run from the repository root, or set PLENO_DATADIR to the folder that
 * holds schemas/ and catalogs/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/catalog/catalog.h"
#include "../../src/load/load.h"
#include "../../src/rules/check.h"
#include "../../src/rules/cite.h"
#include "../../src/rules/rules.h"
#include "../../src/util/roman.h"

static const char *datadir(void)
{
    const char *d = getenv("PLENO_DATADIR");
    return d && *d ? d : ".";
}

/* ---------------------------------------------------------------- */
/* Roman numerals and fracciones                                     */

static int rv(const char *s)
{
    return pl_roman_value(s, strlen(s));
}

static void test_roman(void **state)
{
    (void)state;
    assert_int_equal(rv("I"), 1);
    assert_int_equal(rv("IV"), 4);
    assert_int_equal(rv("XIV"), 14);
    assert_int_equal(rv("XLVI"), 46);
    assert_int_equal(rv("XCIX"), 99);
    assert_int_equal(rv("MMMCMXCIX"), 3999);
    /* not canonical, not capitals, not numerals */
    assert_int_equal(rv("IIII"), 0);
    assert_int_equal(rv("XIIV"), 0);
    assert_int_equal(rv("VX"), 0);
    assert_int_equal(rv("IC"), 0);
    assert_int_equal(rv("VV"), 0);
    assert_int_equal(rv("iv"), 0);
    assert_int_equal(rv(""), 0);
    assert_int_equal(rv("XA"), 0);
    char buf[PL_ROMAN_SIZE];
    for (int v = 1; v <= PL_ROMAN_MAX; v++) {
        assert_int_equal(pl_roman_write(v, buf, sizeof buf), 0);
        assert_int_equal(rv(buf), v);
    }
    assert_int_equal(pl_roman_write(0, buf, sizeof buf), -1);
    assert_int_equal(pl_roman_write(4000, buf, sizeof buf), -1);
    assert_int_equal(pl_roman_write(8, buf, 3), -1); /* VIII needs 5 bytes */
    assert_string_equal(buf, "");
}

static void test_frac(void **state)
{
    (void)state;
    pl_frac f;
    char label[32];
    assert_int_equal(pl_frac_parse("XIV", 3, &f), 0);
    assert_int_equal(f.num, 14);
    assert_int_equal(pl_frac_parse("XXIX-Ñ", strlen("XXIX-Ñ"), &f), 0);
    assert_int_equal(f.num, 29);
    assert_int_equal(f.letter, 15);
    assert_string_equal(pl_frac_label(&f, label, sizeof label), "XXIX-Ñ");
    assert_int_equal(pl_frac_parse("XXIX-O", 6, &f), 0);
    assert_int_equal(f.letter, 16); /* O follows Ñ */
    assert_int_equal(pl_frac_parse("XIII bis", 8, &f), 0);
    assert_int_equal(f.bis, 2);
    assert_string_equal(pl_frac_label(&f, label, sizeof label), "XIII Bis");
    assert_int_equal(pl_frac_parse("IIII", 4, &f), -1);
    assert_int_equal(pl_frac_parse("XIV-", 4, &f), -1);
    assert_int_equal(pl_frac_parse("XIV Quater", 10, &f), -1);
}

/* ---------------------------------------------------------------- */
/* The shipped catalogue                                             */

static pl_catalog *cat;

static int load_cat(void **state)
{
    (void)state;
    pl_diags d = PL_DIAGS_INIT;
    pl_status st = pl_catalog_load(datadir(), &d, &cat);
    for (size_t i = 0; i < d.n; i++)
        fprintf(stderr, "%s:%d:%d: %s\n", d.items[i].file, d.items[i].line, d.items[i].col,
                d.items[i].message);
    pl_diags_free(&d);
    return st == PL_OK ? 0 : -1;
}

static int free_cat(void **state)
{
    (void)state;
    pl_catalog_free(cat);
    cat = NULL;
    pl_rules_cleanup();
    pl_load_cleanup();
    return 0;
}

static void test_counts(void **state)
{
    (void)state;
    const pl_cat_instrumento *lg = pl_catalog_find(cat, "LGTAIP");
    assert_non_null(lg);
    assert_int_equal(lg->nversiones, 2);
    const pl_cat_version *v15 = &lg->versiones[0], *v25 = &lg->versiones[1];
    assert_string_equal(v15->id, "2015");
    assert_int_equal(v15->articulos, PL_CAT_UNKNOWN); /* never guessed */
    assert_int_equal(v15->vigor_hasta, PL_DATE(2025, 3, 20));
    assert_int_equal(v25->articulos, 216);
    assert_int_equal(v25->transitorios, 20);
    /* art. 31 of 2025: I–VI; of 2015: at least XIV */
    pl_frac f = {14, 0, 0};
    const pl_cat_articulo *a = pl_cat_article(v25, 31, 0, PL_DATE(2026, 1, 1));
    assert_non_null(a);
    assert_int_equal(pl_frac_set_max(&a->fracciones), 6);
    assert_false(pl_frac_set_has(&a->fracciones, &f));
    a = pl_cat_article(v15, 31, 0, PL_DATE(2017, 1, 1));
    assert_non_null(a);
    assert_false(a->fracciones.known);
    assert_true(pl_frac_set_has(&a->minimas, &f));
    /* LGTAIP-2025 art. 65: I–XLVI; LGPDPPSO-2025: 137 articles */
    a = pl_cat_article(v25, 65, 0, 0);
    assert_int_equal(pl_frac_set_max(&a->fracciones), 46);
    const pl_cat_instrumento *pd = pl_catalog_find(cat, "LGPDPPSO");
    assert_int_equal(pl_cat_version_at(pd, PL_DATE(2026, 1, 1))->articulos, 137);
    /* the Constitution: 136 articles, 19 transitorios, art. 73 has XXIX-Ñ */
    const pl_cat_instrumento *c = pl_catalog_find(cat, "CPEUM");
    const pl_cat_version *cv = pl_cat_version_at(c, PL_DATE(2026, 1, 1));
    assert_int_equal(cv->articulos, 136);
    assert_int_equal(cv->transitorios, 19);
    pl_frac n = {29, 15, 0};
    a = pl_cat_article(cv, 73, 0, PL_DATE(2026, 1, 1));
    assert_true(pl_frac_set_has(&a->fracciones, &n));
    /* art. 6: apartado A I–VIII and B I–VI, dated */
    a = pl_cat_article(cv, 6, 0, PL_DATE(2017, 10, 5));
    assert_int_equal(a->napartados, 2);
    assert_int_equal(pl_frac_set_max(&a->apartados[0].fracciones), 8);
    a = pl_cat_article(cv, 6, 0, PL_DATE(2013, 10, 1));
    assert_int_equal(pl_frac_set_max(&a->apartados[0].fracciones), 7);
    assert_null(pl_cat_article(cv, 6, 0, PL_DATE(2000, 1, 1)));
    /* art. 116 in 2017: I–IX */
    a = pl_cat_article(cv, 116, 0, PL_DATE(2017, 10, 5));
    assert_int_equal(pl_frac_set_max(&a->fracciones), 9);
    pl_buf b = PL_BUF_INIT;
    a = pl_cat_article(cv, 73, 0, PL_DATE(2026, 1, 1));
    assert_int_equal(pl_frac_set_format(&a->fracciones, 3, &b), 0);
    assert_string_equal(b.data, "I a XXXII, XXIII Bis, XXIX-A, …");
    pl_buf_free(&b);
}

static void test_versions(void **state)
{
    (void)state;
    const pl_cat_instrumento *lg = pl_catalog_find(cat, "LGTAIP");
    assert_null(pl_cat_version_at(lg, PL_DATE(2014, 1, 1)));
    assert_string_equal(pl_cat_version_at(lg, PL_DATE(2017, 10, 5))->id, "2015");
    assert_string_equal(pl_cat_version_at(lg, PL_DATE(2025, 3, 20))->id, "2015");
    assert_string_equal(pl_cat_version_at(lg, PL_DATE(2025, 3, 21))->id, "2025");
    assert_string_equal(pl_cat_version_published(lg, PL_DATE(2025, 3, 20))->id, "2025");
    const pl_cat_version *v25 = &lg->versiones[1];
    assert_int_equal(pl_cat_version_in_force(v25, PL_DATE(2025, 3, 20)), 0);
    assert_int_equal(pl_cat_version_in_force(v25, PL_DATE(2025, 3, 21)), 1);
    assert_int_equal(pl_cat_version_in_force(&lg->versiones[0], PL_DATE(2026, 1, 1)), 0);
    /* the LFTAIP: entry into force unknown, so "unknown" after publication */
    const pl_cat_instrumento *lf = pl_catalog_find(cat, "LFTAIP");
    assert_int_equal(pl_cat_version_in_force(&lf->versiones[0], PL_DATE(2017, 1, 1)), -1);
    assert_int_equal(pl_cat_version_in_force(&lf->versiones[0], PL_DATE(2016, 1, 1)), 0);
    /* articles: known count, proven minimum, unknown */
    assert_int_equal(pl_cat_article_exists(&lg->versiones[1], 216, 0), 1);
    assert_int_equal(pl_cat_article_exists(&lg->versiones[1], 217, 0), 0);
    assert_int_equal(pl_cat_article_exists(&lg->versiones[1], 65, 2), 0);
    assert_int_equal(pl_cat_article_exists(&lg->versiones[0], 59, 0), 1);
    assert_int_equal(pl_cat_article_exists(&lg->versiones[0], 300, 0), -1);
    /* bodies */
    assert_int_equal(cat->norganismos, 1);
    assert_string_equal(cat->organismos[0].siglas[0], "INAI");
    assert_int_equal(cat->organismos[0].extincion, PL_DATE(2025, 3, 21));
}

/* ---------------------------------------------------------------- */
/* Citations                                                         */

static pl_doc *load(const char *fecha, const char *fundamento)
{
    char src[4096];
    snprintf(src, sizeof src,
             "<acuerdo xmlns=\"urn:pleno:snt:acuerdo:1\"><metadatos>"
             "<organo corto=\"Consejo Nacional\" siglas=\"CONAIP\">Consejo Nacional</organo>"
             "<sesion tipo=\"ordinaria\" numero=\"1\" fecha=\"%s\" lugar=\"Ciudad de México\"/>"
             "<numero>CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02</numero><fecha>%s</fecha>"
             "</metadatos><titulo>T</titulo><considerandos><considerando><p>Que sí.</p>"
             "</considerando></considerandos><fundamento><p>%s</p></fundamento><puntos><punto>"
             "<p>Se aprueba.</p></punto></puntos><certificacion><p>Así.</p></certificacion>"
             "<firmas><firma><nombre>A</nombre><cargo>Presidente del Consejo Nacional</cargo>"
             "</firma></firmas></acuerdo>",
             fecha, fecha, fundamento);
    pl_diags d = PL_DIAGS_INIT;
    pl_doc *doc = NULL;
    pl_status st = pl_load_memory("t.xml", src, strlen(src), datadir(), &d, &doc);
    pl_diags_free(&d);
    assert_int_equal(st, PL_OK);
    return doc;
}

static void test_cites(void **state)
{
    (void)state;
    pl_doc *doc = load("2017-10-05",
                       "Con fundamento en los artículos 31 fracciones I, IX y XIV, y 35 de la Ley "
                       "General de Transparencia y Acceso a la Información Pública, y en la "
                       "fracción V de su artículo 3, se emite el siguiente:");
    pl_cites *cs = NULL;
    assert_int_equal(pl_cites_extract(doc, cat, &cs), PL_OK);
    assert_int_equal(cs->date, PL_DATE(2017, 10, 5));
    assert_int_equal(cs->n, 3);
    const pl_cite *c = &cs->v[0];
    assert_string_equal(c->ins->clave, "LGTAIP");
    assert_string_equal(c->ver->id, "2015");
    assert_int_equal(c->article, 31);
    assert_int_equal(c->nfracs, 3);
    assert_int_equal(c->fracs[2].f.num, 14);
    assert_int_equal(c->via, PL_VIA_NAME);
    assert_int_equal(cs->v[1].article, 35);
    assert_int_equal(cs->v[1].group, c->group);
    c = &cs->v[2];
    assert_int_equal(c->via, PL_VIA_ANAPHORA);
    assert_string_equal(c->ins->clave, "LGTAIP");
    assert_int_equal(c->article, 3);
    assert_int_equal(c->fracs[0].f.num, 5);
    assert_int_equal(cs->nissues, 0);
    char label[64];
    assert_string_equal(pl_cite_article_label(c, 0, label, sizeof label), "3");
    pl_cites_free(cs);
    pl_doc_free(doc);

    /* without a catalogue only the syntax is read */
    doc = load("2026-01-15", "Con base en el Décimo Sexto Transitorio de la LGTAIP y en el "
                             "artículo 0 de la Ley, se emite el siguiente:");
    assert_int_equal(pl_cites_extract(doc, NULL, &cs), PL_OK);
    assert_int_equal(cs->n, 2);
    assert_true(cs->v[0].transitorio);
    assert_int_equal(cs->v[0].article, 16);
    assert_null(cs->v[0].ins);
    assert_string_equal(pl_cite_article_label(&cs->v[0], 0, label, sizeof label),
                        "Décimo Sexto Transitorio");
    assert_true(cs->v[1].malformed);
    assert_int_equal(cs->nissues, 1);
    assert_string_equal(cs->issues[0].rule, "CIT-001");
    pl_cites_free(cs);
    pl_doc_free(doc);
}

/* ---------------------------------------------------------------- */
/* Positions                                                         */

typedef struct loc_stats {
    size_t checked;
} loc_stats;

/* Every character offset of the block, in order and then a few going
 * back: the locator must agree with pl_rules_flat_position. */
static pl_status compare_block(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                               void *vctx)
{
    loc_stats *st = vctx;
    pl_rules_locator l;
    pl_rules_locator_init(&l, doc, block, f);
    for (int round = 0; round < 2; round++) {
        for (size_t off = 0; off <= f->len; off++) {
            if (off < f->len && ((unsigned char)f->text[off] & 0xC0) == 0x80)
                continue;
            size_t o = round == 0 ? off : f->len - off; /* then backwards */
            if (o < f->len && ((unsigned char)f->text[o] & 0xC0) == 0x80)
                continue;
            int l1, c1, l2, c2;
            const pl_node *a1, *a2;
            pl_rules_flat_position(doc, block, f, o, &l1, &c1, &a1);
            pl_rules_locate(&l, o, &l2, &c2, &a2);
            if (l1 != l2 || c1 != c2 || a1 != a2)
                fail_msg("%s: offset %zu: %d:%d, locator %d:%d", block->name, o, l1, c1, l2, c2);
            st->checked++;
        }
    }
    return PL_OK;
}

static void test_locator(void **state)
{
    (void)state;
    static const char *const samples[] = {
        "samples/acuerdo/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.xml",
        "samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml",
    };
    loc_stats st = {0};
    for (size_t i = 0; i < 2; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", datadir(), samples[i]);
        pl_diags d = PL_DIAGS_INIT;
        pl_doc *doc = NULL;
        assert_int_equal(pl_load_file(path, datadir(), &d, &doc), PL_OK);
        pl_diags_free(&d);
        assert_int_equal(pl_rules_each_text(doc, 0, compare_block, &st), PL_OK);
        pl_doc_free(doc);
    }
    /* entities, character references, CDATA, inline elements, runs of
     * white space and line breaks inside and between runs */
    pl_doc *doc =
        load("2017-10-05", "Con   fundamento\n  en el\t<negrita> art&#237;culo 31</negrita>"
                           " de la &quot;Ley&quot; <cursiva>\n General</cursiva>"
                           "<![CDATA[ de A&B ]]>, y <enlace href=\"http://x\">Ley</enlace>"
                           "\n\n   final.");
    assert_int_equal(pl_rules_each_text(doc, 0, compare_block, &st), PL_OK);
    pl_doc_free(doc);
    assert_true(st.checked > 100000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roman),  cmocka_unit_test(test_frac),
        cmocka_unit_test(test_counts), cmocka_unit_test(test_versions),
        cmocka_unit_test(test_cites),  cmocka_unit_test(test_locator),
    };
    return cmocka_run_group_tests(tests, load_cat, free_cat);
}
