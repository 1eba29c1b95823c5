/* Unit tests of src/model/seguimiento: the references of each row of a
 * seguimiento resolved (written, idem, implied), lookups of declarations,
 * and the progress of products and parts.
 *
 * Documents are loaded with pl_load_memory (they must validate against
 * schemas/seguimiento.xsd). Run from the repository root, or set
 * PLENO_DATADIR to the folder that holds schemas/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/load/load.h"
#include "../../src/model/seguimiento.h"
#include "../../src/util/buf.h"

static const char *datadir(void)
{
    const char *d = getenv("PLENO_DATADIR");
    return d && *d ? d : ".";
}

static pl_doc *load(const char *src)
{
    pl_diags d = PL_DIAGS_INIT;
    pl_doc *doc = NULL;
    pl_status st = pl_load_memory("t.xml", src, strlen(src), datadir(), &d, &doc);
    for (size_t i = 0; i < d.n; i++)
        print_message("diag: %d:%d %s %s\n", d.items[i].line, d.items[i].col, d.items[i].rule,
                      d.items[i].message);
    assert_int_equal(st, PL_OK);
    assert_int_equal(d.n, 0);
    assert_non_null(doc);
    pl_diags_free(&d);
    return doc;
}

#define HEAD                                                                                       \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                 \
    "<seguimiento xmlns=\"urn:pleno:snt:seguimiento:1\">\n"                                        \
    "<metadatos><organo>Comisión</organo><sesion tipo=\"ordinaria\" numero=\"2\"/>"               \
    "<fecha-corte>2021-04-20</fecha-corte></metadatos>\n"                                          \
    "<grupos><grupo clave=\"G1\">GdT 1</grupo><grupo clave=\"G2\">GdT 2</grupo></grupos>\n"        \
    "<objetivos>\n"                                                                                \
    "<objetivo id=\"A.1\"><texto>Uno.</texto>"                                                     \
    "<linea-accion id=\"A.1.1\"><texto>Uno uno.</texto></linea-accion>"                            \
    "<linea-accion id=\"A.1.2\"><texto>Uno dos.</texto></linea-accion></objetivo>\n"               \
    "<objetivo id=\"B.1\"><texto>Be.</texto>"                                                      \
    "<linea-accion id=\"B.1.1\"><texto>Be uno.</texto></linea-accion></objetivo>\n"                \
    "</objetivos>\n"

/* Rows of the document below, in order. */
static const char *DOC =
    HEAD "<productos>\n"
         /* 0: everything written */
         "<producto id=\"A.1.1.1\" objetivo=\"A.1\" linea=\"A.1.1\" grupo=\"G1\" avance=\"100\">"
         "<texto>P.</texto><documento-base>Base uno</documento-base></producto>\n"
         /* 1: idem of row 0; the line implied by the id */
         "<producto id=\"A.1.1.2\" idem=\"objetivo grupo documento-base\" avance=\"40\">"
         "<texto>P.</texto></producto>\n"
         /* 2: idem of row 1, itself idem: follows up to row 0 */
         "<producto id=\"A.1.1.3\" idem=\"objetivo grupo documento-base\" estado=\"pendiente\">"
         "<texto>P.</texto></producto>\n"
         /* 3: nothing written: objective and line from the id; no group */
         "<producto id=\"B.1.1.1\" avance=\"5\"><texto>P.</texto></producto>\n"
         /* 4: written wins over idem; group idem of a row without one */
         "<producto id=\"A.1.2.1\" linea=\"A.1.2\" idem=\"linea grupo\" avance=\"0\">"
         "<texto>P.</texto>"
         "<parte avance=\"60\"/><parte avance=\"25\"/><parte estado=\"pendiente\"/></producto>\n"
         /* 5: an implied line that is not declared */
         "<producto id=\"C.9.9.1\" grupo=\"G2\" avance=\"10\"><texto>P.</texto></producto>\n"
         "</productos>\n"
         "</seguimiento>\n";

static int setup(void **state)
{
    *state = load(DOC);
    return 0;
}

static int teardown(void **state)
{
    pl_doc_free(*state);
    return 0;
}

static const char *id_of(const pl_node *n)
{
    return n ? pl_node_attr(n, "id") : NULL;
}

static const char *clave_of(const pl_node *n)
{
    return n ? pl_node_attr(n, "clave") : NULL;
}

static void test_written(void **state)
{
    pl_seg *s = pl_seg_new(*state);
    assert_non_null(s);
    assert_int_equal(pl_seg_count(s), 6);
    const pl_seg_row *r = pl_seg_row_at(s, 0);
    assert_string_equal(r->id, "A.1.1.1");
    assert_int_equal(r->objetivo.how, PL_SEG_WRITTEN);
    assert_string_equal(id_of(r->objetivo.node), "A.1");
    assert_string_equal(r->objetivo.key, "A.1");
    assert_int_equal(r->linea.how, PL_SEG_WRITTEN);
    assert_string_equal(id_of(r->linea.node), "A.1.1");
    assert_true(pl_node_is(r->linea.node, "linea-accion"));
    assert_int_equal(r->grupo.how, PL_SEG_WRITTEN);
    assert_string_equal(clave_of(r->grupo.node), "G1");
    assert_int_equal(r->base.how, PL_SEG_WRITTEN);
    assert_true(pl_node_is(r->base.node, "documento-base"));
    assert_ptr_equal(r->base.node->parent, r->producto);
    pl_seg_free(s);
}

static void test_idem_and_implied(void **state)
{
    pl_seg *s = pl_seg_new(*state);
    assert_non_null(s);
    const pl_seg_row *r0 = pl_seg_row_at(s, 0), *r1 = pl_seg_row_at(s, 1);
    assert_int_equal(r1->objetivo.how, PL_SEG_IDEM);
    assert_ptr_equal(r1->objetivo.node, r0->objetivo.node);
    assert_ptr_equal(r1->objetivo.above, r0->producto);
    assert_int_equal(r1->grupo.how, PL_SEG_IDEM);
    assert_string_equal(clave_of(r1->grupo.node), "G1");
    assert_string_equal(r1->grupo.key, "G1");
    assert_int_equal(r1->base.how, PL_SEG_IDEM);
    assert_ptr_equal(r1->base.node, r0->base.node); /* the row above's element */
    assert_int_equal(r1->linea.how, PL_SEG_IMPLIED);
    assert_string_equal(r1->linea.key, "A.1.1");
    assert_string_equal(id_of(r1->linea.node), "A.1.1");

    /* a ditto of a ditto: the value of the row that wrote it */
    const pl_seg_row *r2 = pl_seg_row_at(s, 2);
    assert_int_equal(r2->objetivo.how, PL_SEG_IDEM);
    assert_string_equal(id_of(r2->objetivo.node), "A.1");
    assert_ptr_equal(r2->objetivo.above, r1->producto);
    assert_ptr_equal(r2->base.node, r0->base.node);

    /* nothing written: the id says B.1.1 under B.1; no group, no base */
    const pl_seg_row *r3 = pl_seg_row_at(s, 3);
    assert_int_equal(r3->linea.how, PL_SEG_IMPLIED);
    assert_string_equal(id_of(r3->linea.node), "B.1.1");
    assert_int_equal(r3->objetivo.how, PL_SEG_IMPLIED);
    assert_string_equal(id_of(r3->objetivo.node), "B.1");
    assert_string_equal(r3->objetivo.key, "B.1");
    assert_int_equal(r3->grupo.how, PL_SEG_ABSENT);
    assert_null(r3->grupo.node);
    assert_int_equal(r3->base.how, PL_SEG_ABSENT);
    assert_null(r3->base.node);

    /* written wins over idem; idem of a row without a group: nothing */
    const pl_seg_row *r4 = pl_seg_row_at(s, 4);
    assert_int_equal(r4->linea.how, PL_SEG_WRITTEN);
    assert_string_equal(id_of(r4->linea.node), "A.1.2");
    assert_int_equal(r4->objetivo.how, PL_SEG_IMPLIED); /* the line's objective */
    assert_string_equal(id_of(r4->objetivo.node), "A.1");
    assert_int_equal(r4->grupo.how, PL_SEG_IDEM);
    assert_null(r4->grupo.node);
    assert_null(r4->grupo.key);
    assert_ptr_equal(r4->grupo.above, r3->producto);

    /* an implied line that nobody declared: its key, no node */
    const pl_seg_row *r5 = pl_seg_row_at(s, 5);
    assert_int_equal(r5->linea.how, PL_SEG_IMPLIED);
    assert_string_equal(r5->linea.key, "C.9.9");
    assert_null(r5->linea.node);
    assert_string_equal(r5->objetivo.key, "C.9");
    assert_null(r5->objetivo.node);
    assert_null(pl_seg_row_at(s, 6));
    pl_seg_free(s);
}

static void test_resolve_and_find(void **state)
{
    const pl_doc *doc = *state;
    pl_seg *s = pl_seg_new(doc);
    assert_non_null(s);
    const pl_node *o, *l, *g;
    const pl_node *p1 = pl_seg_row_at(s, 1)->producto;
    assert_int_equal(pl_seg_resolve(s, p1, &o, &l, &g), 0);
    assert_string_equal(id_of(o), "A.1");
    assert_string_equal(id_of(l), "A.1.1");
    assert_string_equal(clave_of(g), "G1");
    assert_ptr_equal(pl_seg_row_of(s, p1), pl_seg_row_at(s, 1));
    assert_int_equal(pl_seg_resolve(s, p1, NULL, &l, NULL), 0);
    /* not a row: the root, or an objective */
    o = l = g = doc->root;
    assert_int_equal(pl_seg_resolve(s, doc->root, &o, &l, &g), -1);
    assert_null(o);
    assert_null(l);
    assert_null(g);
    assert_null(pl_seg_row_of(s, pl_seg_find_objetivo(s, "A.1")));

    assert_true(pl_node_is(pl_seg_find_objetivo(s, "B.1"), "objetivo"));
    assert_null(pl_seg_find_objetivo(s, "B.1.1"));
    assert_string_equal(id_of(pl_seg_find_linea(s, "A.1.2")), "A.1.2");
    assert_null(pl_seg_find_linea(s, "A.1"));
    assert_null(pl_seg_find_linea(s, NULL));
    assert_string_equal(clave_of(pl_seg_find_grupo(s, "G2")), "G2");
    assert_null(pl_seg_find_grupo(s, "G3"));
    pl_seg_free(s);
}

static void test_avance(void **state)
{
    pl_seg *s = pl_seg_new(*state);
    assert_non_null(s);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 0)->producto), 100);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 2)->producto), PL_SEG_PENDIENTE);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 3)->producto), 5);
    /* partes 60, 25 and a pending one: (60 + 25) / 2 = 42.5 → 43; the
     * product's own avance="0" does not count */
    const pl_node *p4 = pl_seg_row_at(s, 4)->producto;
    assert_int_equal(pl_seg_avance(p4), 43);
    const pl_node *parte = pl_node_named(p4, "parte");
    assert_int_equal(pl_seg_avance(parte), 60);
    parte = pl_node_next_named(pl_node_next_named(parte, "parte"), "parte");
    assert_int_equal(pl_seg_avance(parte), PL_SEG_PENDIENTE);
    assert_int_equal(pl_seg_avance(NULL), PL_SEG_SIN_AVANCE);
    pl_seg_free(s);
}

/* What the schema lets through for an integer, and contradictions. */
static void test_avance_forms(void **state)
{
    (void)state;
    pl_doc *doc =
        load(HEAD "<productos>\n"
                  "<producto id=\"A.1.1.1\" avance=\" +007 \"><texto>P.</texto></producto>\n"
                  "<producto id=\"A.1.1.2\" avance=\"100\" estado=\"pendiente\">"
                  "<texto>P.</texto></producto>\n"
                  "<producto id=\"A.1.1.3\"><texto>P.</texto></producto>\n"
                  "<producto id=\"A.1.1.4\"><texto>P.</texto>"
                  "<parte estado=\"pendiente\"/><parte/></producto>\n"
                  "<producto id=\"A.1.1.5\"><texto>P.</texto><parte/><parte/></producto>\n"
                  "</productos></seguimiento>\n");
    pl_seg *s = pl_seg_new(doc);
    assert_non_null(s);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 0)->producto), 7);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 1)->producto), PL_SEG_SIN_AVANCE);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 2)->producto), PL_SEG_SIN_AVANCE);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 3)->producto), PL_SEG_PENDIENTE);
    assert_int_equal(pl_seg_avance(pl_seg_row_at(s, 4)->producto), PL_SEG_SIN_AVANCE);
    pl_seg_free(s);
    pl_doc_free(doc);
}

/* What an xs:integer from 0 to 100 may look like, and what it may not. */
static void test_parse_avance(void **state)
{
    (void)state;
    assert_int_equal(pl_seg_parse_avance("0"), 0);
    assert_int_equal(pl_seg_parse_avance("100"), 100);
    assert_int_equal(pl_seg_parse_avance(" 60\n"), 60);
    assert_int_equal(pl_seg_parse_avance("+007"), 7);
    assert_int_equal(pl_seg_parse_avance("0000000000000000000100"), 100);
    assert_int_equal(pl_seg_parse_avance("101"), -1);
    assert_int_equal(pl_seg_parse_avance("99999999999999999999999"), -1);
    assert_int_equal(pl_seg_parse_avance("-1"), -1);
    assert_int_equal(pl_seg_parse_avance("60%"), -1);
    assert_int_equal(pl_seg_parse_avance("6 0"), -1);
    assert_int_equal(pl_seg_parse_avance(""), -1);
    assert_int_equal(pl_seg_parse_avance("+"), -1);
    assert_int_equal(pl_seg_parse_avance(NULL), -1);
}

/* idem on the first row: there is no row above. */
static void test_idem_first_row(void **state)
{
    (void)state;
    pl_doc *doc = load(HEAD "<productos>\n"
                            "<producto id=\"A.1.1.1\" idem=\"objetivo linea grupo documento-base\" "
                            "avance=\"1\"><texto>P.</texto></producto>\n"
                            "</productos></seguimiento>\n");
    pl_seg *s = pl_seg_new(doc);
    assert_non_null(s);
    const pl_seg_row *r = pl_seg_row_at(s, 0);
    assert_int_equal(r->objetivo.how, PL_SEG_IDEM);
    assert_null(r->objetivo.node);
    assert_null(r->objetivo.above);
    assert_int_equal(r->linea.how, PL_SEG_IDEM);
    assert_null(r->linea.node);
    assert_int_equal(r->grupo.how, PL_SEG_IDEM);
    assert_null(r->grupo.node);
    assert_int_equal(r->base.how, PL_SEG_IDEM);
    assert_null(r->base.node);
    pl_seg_free(s);
    pl_doc_free(doc);
}

/* Another kind of document: an empty index, not a failure. */
static void test_other_kind(void **state)
{
    (void)state;
    pl_doc *doc = load("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<acuerdo xmlns=\"urn:pleno:snt:acuerdo:1\"><metadatos>"
                       "<organo>Consejo</organo><sesion tipo=\"ordinaria\" numero=\"1\" "
                       "fecha=\"2018-03-14\"/><numero>X</numero><fecha>2018-03-14</fecha>"
                       "</metadatos><titulo>T</titulo><fundamento><p>F</p></fundamento>"
                       "<puntos><punto><p>P</p></punto></puntos><firmas><firma><nombre>N"
                       "</nombre><cargo>C</cargo></firma></firmas></acuerdo>\n");
    pl_seg *s = pl_seg_new(doc);
    assert_non_null(s);
    assert_int_equal(pl_seg_count(s), 0);
    assert_null(pl_seg_row_at(s, 0));
    assert_null(pl_seg_row_of(s, doc->root));
    assert_null(pl_seg_find_objetivo(s, "A.1"));
    pl_seg_free(s);
    pl_seg_free(NULL);
    pl_doc_free(doc);
}

/* A long table of dittos resolves in one pass: each row from the one
 * above, not by walking back to the row that wrote the value. */
#define LONG_ROWS 20000

static void test_long_idem_chain(void **state)
{
    (void)state;
    pl_buf b = PL_BUF_INIT;
    assert_int_equal(pl_buf_puts(&b, HEAD "<productos>\n"), 0);
    assert_int_equal(pl_buf_puts(&b, "<producto id=\"A.1.1.1\" objetivo=\"A.1\" grupo=\"G2\" "
                                     "avance=\"1\"><texto>P.</texto></producto>\n"),
                     0);
    /* ids A.1.L.N: a component has at most four digits */
    for (int i = 1; i < LONG_ROWS; i++)
        assert_int_equal(pl_buf_printf(&b,
                                       "<producto id=\"A.1.%d.%d\" idem=\"objetivo grupo\" "
                                       "avance=\"1\"><texto>P.</texto></producto>\n",
                                       i / 5000 + 1, i % 5000 + 1),
                         0);
    assert_int_equal(pl_buf_puts(&b, "</productos></seguimiento>\n"), 0);
    pl_doc *doc = load(b.data);
    pl_buf_free(&b);
    pl_seg *s = pl_seg_new(doc);
    assert_non_null(s);
    assert_int_equal(pl_seg_count(s), LONG_ROWS);
    const pl_seg_row *last = pl_seg_row_at(s, LONG_ROWS - 1);
    assert_string_equal(clave_of(last->grupo.node), "G2");
    assert_string_equal(id_of(last->objetivo.node), "A.1");
    assert_ptr_equal(pl_seg_row_of(s, last->producto), last);
    pl_seg_free(s);
    pl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_written, setup, teardown),
        cmocka_unit_test_setup_teardown(test_idem_and_implied, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resolve_and_find, setup, teardown),
        cmocka_unit_test_setup_teardown(test_avance, setup, teardown),
        cmocka_unit_test(test_avance_forms),
        cmocka_unit_test(test_parse_avance),
        cmocka_unit_test(test_idem_first_row),
        cmocka_unit_test(test_other_kind),
        cmocka_unit_test(test_long_idem_chain),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pl_load_cleanup();
    return rc;
}
