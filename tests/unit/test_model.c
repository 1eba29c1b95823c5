/* Unit tests of src/model: node types, attributes, navigation, the
 * iterator, XPath, text content, and the flattened text of a block with
 * its mapping back to source line and column.
 *
 * Documents are loaded with pl_load_memory (they must validate against
 * schemas/acuerdo.xsd). Run from the repository root, or set
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
#include "../../src/model/model.h"

static const char *datadir(void)
{
    const char *d = getenv("PLENO_DATADIR");
    return d && *d ? d : ".";
}

/* A small valid acuerdo. Line numbers are in the comments: the position
 * tests below depend on them. */
static const char *DOC =
    /*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    /*  2 */ "<acuerdo xmlns=\"urn:pleno:snt:acuerdo:1\">\n"
    /*  3 */ "  <metadatos>\n"
    /*  4 */ "    <organo corto=\"Consejo Nacional\" siglas=\"CONAIP\">Consejo Nacional del Sistema</organo>\n"
    /*  5 */ "    <sesion tipo=\"ordinaria\" numero=\"1\" fecha=\"2018-03-14\" lugar=\"Ciudad de M&#233;xico &amp; M&#xE1;s\"/>\n"
    /*  6 */ "    <numero>CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02</numero>\n"
    /*  7 */ "    <fecha>2018-03-14</fecha>\n"
    /*  8 */ "  </metadatos>\n"
    /*  9 */ "  <titulo>ACUERDO   DE\n"
    /* 10 */ "     PRUEBA.  </titulo>\n"
    /* 11 */ "  <fundamento>\n"
    /* 12 */ "    <p>Con fundamento en el artículo 31, se emite el siguiente:</p>\n"
    /* 13 */ "  </fundamento>\n"
    /* 14 */ "  <puntos>\n"
    /* 15 */ "    <punto>\n"
    /* 16 */ "      <p>Uno.</p>\n"
    /* 17 */ "    </punto>\n"
    /* 18 */ "    <punto>\n"
    /* 19 */ "      <p>Tomás &amp; Ana <negrita>leen</negrita> <cursiva>más</cursiva> libros.</p>\n"
    /* 20 */ "      <p>Texto\n"
    /* 21 */ "         partido   en\n"
    /* 22 */ "   líneas.<nota>Una nota al pie.</nota> Fin del párrafo.</p>\n"
    /* 23 */ "      <p>Él <negrita>dijo <cursiva>algo</cursiva></negrita>; ¿qué?</p>\n"
    /* 24 */ "      <p>Línea<salto-linea/>nueva y <enlace href=\"http://snt.org.mx/\">enlace</enlace>.</p>\n"
    /* 25 */ "    </punto>\n"
    /* 26 */ "  </puntos>\n"
    /* 27 */ "  <firmas>\n"
    /* 28 */ "    <firma>\n"
    /* 29 */ "      <nombre>Dr. Francisco J. Acuña Llamas</nombre>\n"
    /* 30 */ "      <cargo>Presidente</cargo>\n"
    /* 31 */ "    </firma>\n"
    /* 32 */ "    <firma>\n"
    /* 33 */ "      <nombre>Lic. Federico Guzmán Tamayo</nombre>\n"
    /* 34 */ "      <cargo>Secretario Ejecutivo</cargo>\n"
    /* 35 */ "    </firma>\n"
    /* 36 */ "  </firmas>\n"
    /* 37 */ "</acuerdo>\n";

static pl_doc *load(const char *src)
{
    pl_diags d = PL_DIAGS_INIT;
    pl_doc *doc = NULL;
    pl_status st = pl_load_memory("t.xml", src, strlen(src), datadir(), &d, &doc);
    for (size_t i = 0; i < d.n; i++)
        print_message("diag: %d:%d %s %s\n", d.items[i].line, d.items[i].col,
                      d.items[i].rule, d.items[i].message);
    assert_int_equal(st, PL_OK);
    assert_int_equal(d.n, 0);
    assert_non_null(doc);
    pl_diags_free(&d);
    return doc;
}

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

/* The n-th (1-based) p of the second punto. */
static const pl_node *punto2_p(const pl_doc *doc, int n)
{
    const pl_node *puntos = pl_node_child(doc->root, PL_N_PUNTOS);
    assert_non_null(puntos);
    const pl_node *pt = pl_node_child(puntos, PL_N_PUNTO);
    pt = pl_node_next_of(pt, PL_N_PUNTO);
    assert_non_null(pt);
    const pl_node *p = pl_node_child(pt, PL_N_PARA);
    for (int k = 1; k < n; k++)
        p = pl_node_next_of(p, PL_N_PARA);
    assert_non_null(p);
    return p;
}

/* ------------------------------------------------------------------ */
/* Types, names, attributes                                            */

static void test_type_from_name(void **state)
{
    (void)state;
    struct {
        const char *name;
        pl_node_type t;
    } cases[] = {
        {"negrita", PL_N_BOLD},         {"cursiva", PL_N_ITALIC},
        {"enlace", PL_N_LINK},          {"nota", PL_N_NOTE},
        {"salto-linea", PL_N_LINEBREAK}, {"p", PL_N_PARA},
        {"rotulo", PL_N_LABEL},         {"lista", PL_N_LIST},
        {"elemento", PL_N_ITEM},        {"tabla", PL_N_TABLE},
        {"columnas", PL_N_COLUMNS},     {"columna", PL_N_COLUMN},
        {"encabezado", PL_N_THEAD},     {"cuerpo", PL_N_TBODY},
        {"fila", PL_N_ROW},             {"celda", PL_N_CELL},
        {"fuente", PL_N_SOURCE},        {"cita", PL_N_QUOTE},
        {"figura", PL_N_FIGURE},        {"descripcion", PL_N_FIGDESC},
        {"leyenda", PL_N_CAPTION},      {"salto-pagina", PL_N_PAGEBREAK},
        {"seccion", PL_N_SECTION},      {"titulo", PL_N_TITLE},
        {"subtitulo", PL_N_SUBTITLE},   {"firmas", PL_N_SIGNATURES},
        {"firma", PL_N_SIGNATURE},      {"nombre", PL_N_NAME},
        {"cargo", PL_N_ROLE},           {"acuerdo", PL_N_ACUERDO},
        {"metadatos", PL_N_METADATA},   {"organo", PL_N_BODY_ORGAN},
        {"sesion", PL_N_SESSION},       {"numero", PL_N_NUMBER},
        {"fecha", PL_N_DATE},           {"preambulo", PL_N_PREAMBLE},
        {"considerandos", PL_N_CONSIDERANDOS}, {"considerando", PL_N_CONSIDERANDO},
        {"fundamento", PL_N_FUNDAMENTO}, {"puntos", PL_N_PUNTOS},
        {"punto", PL_N_PUNTO},          {"certificacion", PL_N_CERTIFICATION},
        {"anexo", PL_N_ANNEX},          {"portada", PL_N_COVER},
        {"linea", PL_N_COVERLINE},      {"indice", PL_N_TOC},
        /* unknown */
        {"", PL_N_OTHER},               {"resolucion", PL_N_OTHER},
        {"Negrita", PL_N_OTHER},        {"negrita ", PL_N_OTHER},
        {"#text", PL_N_OTHER},          {"pp", PL_N_OTHER},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (pl_node_type_from_name(cases[i].name) != cases[i].t)
            fail_msg("«%s»: got %d, want %d", cases[i].name,
                     (int)pl_node_type_from_name(cases[i].name), (int)cases[i].t);
}

static void test_tree_types_and_positions(void **state)
{
    pl_doc *doc = *state;
    assert_int_equal(doc->kind, PL_KIND_ACUERDO);
    assert_string_equal(doc->ns, "urn:pleno:snt:acuerdo:1");
    assert_string_equal(doc->path, "t.xml");
    assert_int_equal(doc->source_len, strlen(DOC));
    assert_memory_equal(doc->source, DOC, strlen(DOC));

    const pl_node *r = doc->root;
    assert_int_equal(r->type, PL_N_ACUERDO);
    assert_string_equal(r->name, "acuerdo");
    assert_null(r->parent);
    assert_int_equal(r->line, 2);
    assert_int_equal(r->col, 1);

    const pl_node *meta = pl_node_child(r, PL_N_METADATA);
    assert_non_null(meta);
    assert_int_equal(meta->line, 3);
    assert_int_equal(meta->col, 3);
    assert_ptr_equal(meta->parent, r);
    const pl_node *ses = pl_node_child(meta, PL_N_SESSION);
    assert_non_null(ses);
    assert_string_equal(ses->name, "sesion");
    assert_int_equal(ses->line, 5);
    assert_int_equal(ses->col, 5);
    assert_null(ses->first); /* empty element */

    /* every child's parent and sibling links agree */
    pl_iter it;
    pl_iter_init(&it, r);
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        if (it.ev != PL_ITER_ENTER)
            continue;
        const pl_node *n = it.cur;
        const pl_node *prev = NULL;
        for (const pl_node *c = n->first; c; c = c->next) {
            assert_ptr_equal(c->parent, n);
            assert_ptr_equal(c->prev, prev);
            prev = c;
        }
        assert_ptr_equal(n->last, prev);
        if (n->type == PL_N_TEXT) {
            assert_string_equal(n->name, "#text");
            assert_non_null(n->text);
            assert_int_equal(strlen(n->text), n->text_len);
        } else {
            assert_int_equal(n->type, pl_node_type_from_name(n->name));
            assert_true(n->line > 0);
            assert_true(n->col > 0);
        }
    }

    /* positions of nested inline elements, after accented text */
    const pl_node *p = punto2_p(doc, 1);
    assert_int_equal(p->line, 19);
    assert_int_equal(p->col, 7);
    const pl_node *neg = pl_node_child(p, PL_N_BOLD);
    assert_non_null(neg);
    assert_int_equal(neg->line, 19);
    assert_int_equal(neg->col, 26); /* columns count characters: "Tomás" is 5 */
    const pl_node *cur = pl_node_child(p, PL_N_ITALIC);
    assert_int_equal(cur->line, 19);
    assert_int_equal(cur->col, 50);
    /* the first text run */
    assert_int_equal(p->first->type, PL_N_TEXT);
    assert_int_equal(p->first->line, 19);
    assert_int_equal(p->first->col, 10);
    assert_string_equal(p->first->text, "Tomás & Ana ");

    const pl_node *p3 = punto2_p(doc, 3);
    const pl_node *cur3 = pl_node_find(p3, PL_N_ITALIC);
    assert_non_null(cur3);
    assert_int_equal(cur3->line, 23);
    assert_int_equal(cur3->col, 27);
}

static void test_text_collapsed(void **state)
{
    pl_doc *doc = *state;
    const pl_node *p = punto2_p(doc, 2);
    const pl_node *t = p->first;
    assert_int_equal(t->type, PL_N_TEXT);
    /* white space collapsed, not trimmed */
    assert_string_equal(t->text, "Texto partido en líneas.");
    assert_int_equal(t->line, 20);
    assert_int_equal(t->col, 10);
    const pl_node *note = pl_node_child(p, PL_N_NOTE);
    assert_non_null(note);
    const pl_node *after = note->next;
    assert_non_null(after);
    assert_string_equal(after->text, " Fin del párrafo.");
    /* text across a line with only white space in between elements */
    const pl_node *ti = pl_node_child(doc->root, PL_N_TITLE);
    assert_string_equal(ti->first->text, "ACUERDO DE PRUEBA. ");
}

static void test_attributes(void **state)
{
    pl_doc *doc = *state;
    const pl_node *meta = pl_node_child(doc->root, PL_N_METADATA);
    const pl_node *ses = pl_node_child(meta, PL_N_SESSION);
    assert_int_equal(ses->nattrs, 4);
    assert_string_equal(pl_node_attr(ses, "tipo"), "ordinaria");
    assert_string_equal(pl_node_attr(ses, "numero"), "1");
    assert_string_equal(pl_node_attr(ses, "fecha"), "2018-03-14");
    /* references decoded */
    assert_string_equal(pl_node_attr(ses, "lugar"), "Ciudad de México & Más");
    assert_null(pl_node_attr(ses, "inexistente"));
    assert_null(pl_node_attr(ses, "TIPO"));
    const pl_node *org = pl_node_child(meta, PL_N_BODY_ORGAN);
    assert_string_equal(pl_node_attr(org, "corto"), "Consejo Nacional");
    assert_string_equal(pl_node_attr(org, "siglas"), "CONAIP");
    /* no attributes */
    assert_int_equal(meta->nattrs, 0);
    assert_null(pl_node_attr(meta, "tipo"));
    /* the namespace declaration is not an attribute */
    assert_null(pl_node_attr(doc->root, "xmlns"));
    const pl_node *link = pl_node_find(doc->root, PL_N_LINK);
    assert_non_null(link);
    assert_string_equal(pl_node_attr(link, "href"), "http://snt.org.mx/");
}

static void test_child_find_count(void **state)
{
    pl_doc *doc = *state;
    const pl_node *r = doc->root;
    const pl_node *puntos = pl_node_child(r, PL_N_PUNTOS);
    assert_non_null(puntos);
    assert_int_equal(pl_node_count(puntos, PL_N_PUNTO), 2);
    assert_int_equal(pl_node_count(puntos, PL_N_PARA), 0); /* children only */
    assert_null(pl_node_child(r, PL_N_PARA));               /* children only */
    assert_null(pl_node_child(r, PL_N_ANNEX));
    assert_int_equal(pl_node_count(r, PL_N_ANNEX), 0);
    const pl_node *firmas = pl_node_child(r, PL_N_SIGNATURES);
    assert_int_equal(pl_node_count(firmas, PL_N_SIGNATURE), 2);
    /* white-space text runs are children too */
    assert_true(pl_node_count(firmas, PL_N_TEXT) >= 2);

    /* find: pre-order, the node itself excluded */
    const pl_node *first_p = pl_node_find(r, PL_N_PARA);
    assert_non_null(first_p);
    assert_int_equal(first_p->line, 12);
    assert_null(pl_node_find(first_p, PL_N_PARA));
    const pl_node *first_punto = pl_node_child(puntos, PL_N_PUNTO);
    const pl_node *second = pl_node_next_of(first_punto, PL_N_PUNTO);
    assert_non_null(second);
    assert_null(pl_node_next_of(second, PL_N_PUNTO));
    assert_ptr_equal(pl_node_find(puntos, PL_N_PUNTO), first_punto);
    /* find does not leave the subtree */
    assert_null(pl_node_find(first_punto, PL_N_BOLD));
    const pl_node *neg = pl_node_find(second, PL_N_BOLD);
    assert_non_null(neg);
    assert_int_equal(neg->line, 19);
    assert_null(pl_node_find(pl_node_child(r, PL_N_METADATA), PL_N_NOTE));
    assert_non_null(pl_node_find(r, PL_N_NOTE));

    /* index among same-name siblings */
    assert_int_equal(first_punto->index, 1);
    assert_int_equal(second->index, 2);
    assert_int_equal(punto2_p(doc, 3)->index, 3);
    assert_int_equal(doc->root->index, 1);

    /* inline / text block classification */
    assert_true(pl_node_is_inline(neg));
    assert_true(pl_node_is_inline(neg->first));
    assert_false(pl_node_is_inline(first_p));
    assert_true(pl_node_is_textblock(first_p));
    assert_false(pl_node_is_textblock(puntos));
    assert_true(pl_node_is_textblock(pl_node_find(r, PL_N_NOTE)));
}

/* ------------------------------------------------------------------ */
/* Iterator                                                            */

static void expect_event(pl_iter *it, pl_iter_event ev, const char *name, const char *text)
{
    pl_iter_event got = pl_iter_next(it);
    if (got != ev)
        fail_msg("event %d, want %d (at %s)", (int)got, (int)ev,
                 it->cur ? it->cur->name : "(none)");
    if (ev == PL_ITER_DONE)
        return;
    assert_string_equal(it->cur->name, name);
    if (text)
        assert_string_equal(it->cur->text, text);
}

static void test_iter_order(void **state)
{
    pl_doc *doc = *state;
    /* <p>Él <negrita>dijo <cursiva>algo</cursiva></negrita>; ¿qué?</p> */
    const pl_node *p = punto2_p(doc, 3);
    pl_iter it;
    pl_iter_init(&it, p);
    expect_event(&it, PL_ITER_ENTER, "p", NULL);
    expect_event(&it, PL_ITER_ENTER, "#text", "Él ");
    expect_event(&it, PL_ITER_EXIT, "#text", "Él ");
    expect_event(&it, PL_ITER_ENTER, "negrita", NULL);
    expect_event(&it, PL_ITER_ENTER, "#text", "dijo ");
    expect_event(&it, PL_ITER_EXIT, "#text", "dijo ");
    expect_event(&it, PL_ITER_ENTER, "cursiva", NULL);
    expect_event(&it, PL_ITER_ENTER, "#text", "algo");
    expect_event(&it, PL_ITER_EXIT, "#text", "algo");
    expect_event(&it, PL_ITER_EXIT, "cursiva", NULL);
    expect_event(&it, PL_ITER_EXIT, "negrita", NULL);
    expect_event(&it, PL_ITER_ENTER, "#text", "; ¿qué?");
    expect_event(&it, PL_ITER_EXIT, "#text", "; ¿qué?");
    /* the walk ends at the root: its next sibling is not visited */
    expect_event(&it, PL_ITER_EXIT, "p", NULL);
    expect_event(&it, PL_ITER_DONE, NULL, NULL);
}

static void test_iter_done_is_final(void **state)
{
    pl_doc *doc = *state;
    const pl_node *p = punto2_p(doc, 1);
    pl_iter it;
    pl_iter_init(&it, p);
    int events = 0;
    while (pl_iter_next(&it) != PL_ITER_DONE)
        events++;
    assert_true(events > 2);
    /* once DONE, the iterator stays DONE (it must not start over) */
    assert_int_equal(pl_iter_next(&it), PL_ITER_DONE);
    assert_int_equal(pl_iter_next(&it), PL_ITER_DONE);
}

static void test_iter_balanced_whole_doc(void **state)
{
    pl_doc *doc = *state;
    pl_iter it;
    pl_iter_init(&it, doc->root);
    int depth = 0, maxdepth = 0, enters = 0, exits = 0;
    const pl_node *stack[64];
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        if (it.ev == PL_ITER_ENTER) {
            assert_true(depth < 64);
            if (depth > 0)
                assert_ptr_equal(it.cur->parent, stack[depth - 1]);
            stack[depth++] = it.cur;
            enters++;
            if (depth > maxdepth)
                maxdepth = depth;
        } else {
            assert_true(depth > 0);
            assert_ptr_equal(it.cur, stack[depth - 1]); /* EXIT matches ENTER */
            depth--;
            exits++;
        }
    }
    assert_int_equal(depth, 0);
    assert_int_equal(enters, exits);
    assert_int_equal(maxdepth, 7); /* acuerdo puntos punto p negrita cursiva #text */

    /* a leaf as the root: ENTER, EXIT, DONE */
    const pl_node *leaf = punto2_p(doc, 1)->first;
    pl_iter_init(&it, leaf);
    assert_int_equal(pl_iter_next(&it), PL_ITER_ENTER);
    assert_ptr_equal(it.cur, leaf);
    assert_int_equal(pl_iter_next(&it), PL_ITER_EXIT);
    assert_ptr_equal(it.cur, leaf);
    assert_int_equal(pl_iter_next(&it), PL_ITER_DONE);
    /* NULL root */
    pl_iter_init(&it, NULL);
    assert_int_equal(pl_iter_next(&it), PL_ITER_DONE);
}

static void test_iter_skip_children(void **state)
{
    pl_doc *doc = *state;
    const pl_node *p = punto2_p(doc, 3);
    pl_iter it;
    pl_iter_init(&it, p);
    expect_event(&it, PL_ITER_ENTER, "p", NULL);
    expect_event(&it, PL_ITER_ENTER, "#text", "Él ");
    expect_event(&it, PL_ITER_EXIT, "#text", "Él ");
    expect_event(&it, PL_ITER_ENTER, "negrita", NULL);
    pl_iter_skip_children(&it);
    /* model.h: "After an ENTER, skip the node's children (the next event
     * is its EXIT)". */
    expect_event(&it, PL_ITER_EXIT, "negrita", NULL);
    expect_event(&it, PL_ITER_ENTER, "#text", "; ¿qué?");
    expect_event(&it, PL_ITER_EXIT, "#text", "; ¿qué?");
    expect_event(&it, PL_ITER_EXIT, "p", NULL);
    expect_event(&it, PL_ITER_DONE, NULL, NULL);
}

/* Whatever skip_children reports for the skipped node itself, its
 * children are never visited and the walk goes on with its sibling. */
static void test_iter_skip_never_visits_children(void **state)
{
    pl_doc *doc = *state;
    pl_iter it;
    pl_iter_init(&it, doc->root);
    int saw_text_in_meta = 0, saw_puntos = 0, saw_p = 0;
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        if (it.ev != PL_ITER_ENTER)
            continue;
        if (it.cur->type == PL_N_METADATA || it.cur->type == PL_N_PARA) {
            if (it.cur->type == PL_N_PARA)
                saw_p++;
            pl_iter_skip_children(&it);
            continue;
        }
        for (const pl_node *a = it.cur->parent; a; a = a->parent)
            if (a->type == PL_N_METADATA || a->type == PL_N_PARA)
                saw_text_in_meta++;
        if (it.cur->type == PL_N_PUNTOS)
            saw_puntos = 1;
    }
    assert_int_equal(saw_text_in_meta, 0);
    assert_true(saw_puntos);
    assert_int_equal(saw_p, 6);

    /* skipping the root ends the walk */
    pl_iter_init(&it, doc->root);
    assert_int_equal(pl_iter_next(&it), PL_ITER_ENTER);
    pl_iter_skip_children(&it);
    pl_iter_event ev = pl_iter_next(&it);
    if (ev == PL_ITER_EXIT) {
        assert_ptr_equal(it.cur, doc->root);
        ev = pl_iter_next(&it);
    }
    assert_int_equal(ev, PL_ITER_DONE);
}

/* The iterator needs no recursion: a 200-deep chain of negrita (under
 * libxml2's nesting limit) is walked and every ENTER has its EXIT. */
static void test_iter_deep(void **state)
{
    (void)state;
    enum { DEPTH = 200 };
    const char *mark = "<p>Uno.</p>";
    const char *at = strstr(DOC, mark);
    assert_non_null(at);
    size_t cap = strlen(DOC) + DEPTH * 20 + 64;
    char *src = malloc(cap);
    size_t o = 0;
    memcpy(src, DOC, (size_t)(at - DOC));
    o = (size_t)(at - DOC);
    o += (size_t)sprintf(src + o, "<p>");
    for (int i = 0; i < DEPTH; i++)
        o += (size_t)sprintf(src + o, "<negrita>");
    o += (size_t)sprintf(src + o, "x");
    for (int i = 0; i < DEPTH; i++)
        o += (size_t)sprintf(src + o, "</negrita>");
    o += (size_t)sprintf(src + o, "</p>");
    strcpy(src + o, at + strlen(mark));
    pl_doc *doc = load(src);
    pl_iter it;
    pl_iter_init(&it, doc->root);
    int depth = 0, maxdepth = 0;
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        depth += it.ev == PL_ITER_ENTER ? 1 : -1;
        if (depth > maxdepth)
            maxdepth = depth;
    }
    assert_int_equal(depth, 0);
    assert_true(maxdepth >= DEPTH + 4);
    const pl_node *p = pl_node_find(pl_node_child(doc->root, PL_N_PUNTOS), PL_N_PARA);
    char *t = pl_node_text(doc, p);
    assert_string_equal(t, "x");
    pl_buf xp = PL_BUF_INIT;
    const pl_node *deepest = pl_node_find(p, PL_N_TEXT);
    assert_int_equal(pl_node_xpath(deepest, &xp), 0);
    const char *want = "/acuerdo/puntos[1]/punto[1]/p[1]/negrita[1]/negrita[1]/";
    assert_int_equal(strncmp(xp.data, want, strlen(want)), 0);
    pl_buf_free(&xp);
    pl_doc_free(doc);
    free(src);
}

/* ------------------------------------------------------------------ */
/* XPath and text content                                              */

static char *xpath_of(const pl_node *n)
{
    pl_buf b = PL_BUF_INIT;
    assert_int_equal(pl_node_xpath(n, &b), 0);
    return pl_buf_detach(&b);
}

static void test_xpath(void **state)
{
    pl_doc *doc = *state;
    char *x;
    x = xpath_of(doc->root);
    assert_string_equal(x, "/acuerdo");
    free(x);
    x = xpath_of(punto2_p(doc, 1));
    assert_string_equal(x, "/acuerdo/puntos[1]/punto[2]/p[1]");
    free(x);
    x = xpath_of(punto2_p(doc, 3));
    assert_string_equal(x, "/acuerdo/puntos[1]/punto[2]/p[3]");
    free(x);
    x = xpath_of(pl_node_find(punto2_p(doc, 3), PL_N_ITALIC));
    assert_string_equal(x, "/acuerdo/puntos[1]/punto[2]/p[3]/negrita[1]/cursiva[1]");
    free(x);
    const pl_node *firmas = pl_node_child(doc->root, PL_N_SIGNATURES);
    const pl_node *f2 = pl_node_next_of(pl_node_child(firmas, PL_N_SIGNATURE), PL_N_SIGNATURE);
    x = xpath_of(pl_node_child(f2, PL_N_NAME));
    assert_string_equal(x, "/acuerdo/firmas[1]/firma[2]/nombre[1]");
    free(x);
    x = xpath_of(pl_node_child(pl_node_child(doc->root, PL_N_METADATA), PL_N_SESSION));
    assert_string_equal(x, "/acuerdo/metadatos[1]/sesion[1]");
    free(x);
    /* appends to what the buffer holds */
    pl_buf b = PL_BUF_INIT;
    pl_buf_puts(&b, "en ");
    pl_node_xpath(doc->root, &b);
    assert_string_equal(b.data, "en /acuerdo");
    pl_buf_free(&b);
}

static void test_node_text(void **state)
{
    pl_doc *doc = *state;
    char *t = pl_node_text(doc, punto2_p(doc, 1));
    assert_string_equal(t, "Tomás & Ana leen más libros.");
    /* footnotes included, white space collapsed and trimmed */
    t = pl_node_text(doc, punto2_p(doc, 2));
    assert_string_equal(t, "Texto partido en líneas.Una nota al pie. Fin del párrafo.");
    t = pl_node_text(doc, pl_node_child(doc->root, PL_N_TITLE));
    assert_string_equal(t, "ACUERDO DE PRUEBA.");
    /* a line break is a space */
    t = pl_node_text(doc, punto2_p(doc, 4));
    assert_string_equal(t, "Línea nueva y enlace.");
    /* a whole subtree: element-only white space between blocks collapses */
    const pl_node *firma = pl_node_child(pl_node_child(doc->root, PL_N_SIGNATURES),
                                         PL_N_SIGNATURE);
    t = pl_node_text(doc, firma);
    assert_string_equal(t, "Dr. Francisco J. Acuña Llamas Presidente");
    /* an empty element */
    t = pl_node_text(doc, pl_node_child(pl_node_child(doc->root, PL_N_METADATA), PL_N_SESSION));
    assert_non_null(t);
    assert_string_equal(t, "");
}

/* ------------------------------------------------------------------ */
/* Flattened text and positions                                        */

static void expect_pos(const pl_doc *doc, const pl_flat *f, const char *at, int line, int col)
{
    const char *hit = strstr(f->text, at);
    if (hit == NULL)
        fail_msg("«%s» not in flat text «%s»", at, f->text);
    size_t off = (size_t)(hit - f->text);
    int l = -1, c = -1;
    const pl_node *node = NULL;
    pl_flat_pos(doc, f, off, &l, &c, &node);
    if (l != line || c != col)
        fail_msg("«%s» (flat offset %zu): got %d:%d, want %d:%d", at, off, l, c, line, col);
    assert_non_null(node);
    assert_int_equal(node->type, PL_N_TEXT);
}

static void test_flat_entities_and_inline(void **state)
{
    pl_doc *doc = *state;
    /* line 19: <p>Tomás &amp; Ana <negrita>leen</negrita> <cursiva>más</cursiva> libros.</p> */
    pl_flat f;
    assert_int_equal(pl_flat_build(punto2_p(doc, 1), 0, &f), 0);
    assert_string_equal(f.text, "Tomás & Ana leen más libros.");
    assert_int_equal(f.len, strlen(f.text));
    expect_pos(doc, &f, "Tomás", 19, 10);
    expect_pos(doc, &f, "s &", 19, 14);   /* after an accented character */
    expect_pos(doc, &f, "& Ana", 19, 16); /* the entity reference itself */
    expect_pos(doc, &f, "Ana", 19, 22);   /* after &amp; (5 source chars, 1 text char) */
    expect_pos(doc, &f, "leen", 19, 35);  /* inside negrita */
    expect_pos(doc, &f, "een", 19, 36);
    expect_pos(doc, &f, " más", 19, 49);  /* the space between </negrita> and <cursiva> */
    expect_pos(doc, &f, "más l", 19, 59); /* inside cursiva */
    expect_pos(doc, &f, "s libros", 19, 61);
    expect_pos(doc, &f, "libros", 19, 73);
    expect_pos(doc, &f, ".", 19, 79);
    /* every span points into its text run */
    for (size_t i = 0; i < f.nspans; i++) {
        const pl_flat_span *s = &f.spans[i];
        if (s->text == NULL)
            continue;
        assert_true(s->node_off + s->len <= s->text->text_len);
        assert_memory_equal(f.text + s->flat_off, s->text->text + s->node_off, s->len);
    }
    pl_flat_free(&f);
}

static void test_flat_nested_accents(void **state)
{
    pl_doc *doc = *state;
    /* line 23: <p>Él <negrita>dijo <cursiva>algo</cursiva></negrita>; ¿qué?</p> */
    pl_flat f;
    assert_int_equal(pl_flat_build(punto2_p(doc, 3), 0, &f), 0);
    assert_string_equal(f.text, "Él dijo algo; ¿qué?");
    expect_pos(doc, &f, "Él", 23, 10);
    expect_pos(doc, &f, "l dijo", 23, 11);
    expect_pos(doc, &f, "dijo", 23, 22);
    expect_pos(doc, &f, "algo", 23, 36);
    expect_pos(doc, &f, "go;", 23, 38);
    expect_pos(doc, &f, "; ¿", 23, 60);
    expect_pos(doc, &f, "¿qué", 23, 62);
    expect_pos(doc, &f, "qué", 23, 63);
    expect_pos(doc, &f, "é?", 23, 65);
    expect_pos(doc, &f, "?", 23, 66);
    pl_flat_free(&f);
}

static void test_flat_multiline_whitespace(void **state)
{
    pl_doc *doc = *state;
    /* lines 20-22:
     *       <p>Texto
     *          partido   en
     *    líneas.<nota>Una nota al pie.</nota> Fin del párrafo.</p> */
    pl_flat f;
    assert_int_equal(pl_flat_build(punto2_p(doc, 2), 0, &f), 0);
    assert_string_equal(f.text, "Texto partido en líneas. Fin del párrafo.");
    expect_pos(doc, &f, "Texto", 20, 10);
    expect_pos(doc, &f, "o partido", 20, 14);
    expect_pos(doc, &f, "partido", 21, 10); /* after a new line and indentation */
    expect_pos(doc, &f, "ido", 21, 14);
    expect_pos(doc, &f, "en", 21, 20);      /* after three spaces */
    expect_pos(doc, &f, "líneas", 22, 4);
    expect_pos(doc, &f, "neas", 22, 6);
    expect_pos(doc, &f, "Fin", 22, 41);     /* after the footnote, left out */
    expect_pos(doc, &f, "párrafo", 22, 49);
    expect_pos(doc, &f, "rrafo", 22, 51);
    pl_flat_free(&f);
}

static void test_flat_notes(void **state)
{
    pl_doc *doc = *state;
    const pl_node *p = punto2_p(doc, 2);
    pl_flat f;
    /* footnotes left out by default ... */
    assert_int_equal(pl_flat_build(p, 0, &f), 0);
    assert_null(strstr(f.text, "nota"));
    pl_flat_free(&f);
    /* ... and in with with_notes */
    assert_int_equal(pl_flat_build(p, 1, &f), 0);
    assert_string_equal(f.text, "Texto partido en líneas.Una nota al pie. Fin del párrafo.");
    expect_pos(doc, &f, "Una nota", 22, 17);
    expect_pos(doc, &f, "pie", 22, 29);
    expect_pos(doc, &f, "Fin", 22, 41);
    pl_flat_free(&f);
    /* the note as a block of its own */
    assert_int_equal(pl_flat_build(pl_node_child(p, PL_N_NOTE), 0, &f), 0);
    assert_string_equal(f.text, "Una nota al pie.");
    expect_pos(doc, &f, "nota", 22, 21);
    pl_flat_free(&f);
}

static void test_flat_linebreak_and_link(void **state)
{
    pl_doc *doc = *state;
    /* line 24: <p>Línea<salto-linea/>nueva y <enlace href="...">enlace</enlace>.</p> */
    pl_flat f;
    assert_int_equal(pl_flat_build(punto2_p(doc, 4), 0, &f), 0);
    assert_string_equal(f.text, "Línea nueva y enlace.");
    expect_pos(doc, &f, "Línea", 24, 10);
    expect_pos(doc, &f, "nueva", 24, 29);
    expect_pos(doc, &f, "enlace", 24, 71);
    pl_flat_pos(doc, &f, f.len - 1, &(int){0}, &(int){0}, NULL); /* node may be NULL */
    pl_flat_free(&f);
}

static void test_flat_title_trimmed(void **state)
{
    pl_doc *doc = *state;
    /* lines 9-10: <titulo>ACUERDO   DE\n     PRUEBA.  </titulo> */
    pl_flat f;
    assert_int_equal(pl_flat_build(pl_node_child(doc->root, PL_N_TITLE), 0, &f), 0);
    assert_string_equal(f.text, "ACUERDO DE PRUEBA.");
    assert_int_equal(f.len, 18);
    expect_pos(doc, &f, "DE", 9, 21);
    expect_pos(doc, &f, "PRUEBA", 10, 6);
    pl_flat_free(&f);
}

/* A block whose text starts with white space: the leading space is
 * trimmed and the first character maps to where it is in the source. */
static void test_flat_leading_whitespace(void **state)
{
    (void)state;
    const char *mark = "<p>Uno.</p>";
    const char *repl = "<p>\n        Primero   <negrita>  dos</negrita></p>";
    const char *at = strstr(DOC, mark);
    size_t n = strlen(DOC) + strlen(repl);
    char *src = malloc(n + 1);
    size_t o = (size_t)(at - DOC);
    memcpy(src, DOC, o);
    strcpy(src + o, repl);
    strcat(src, at + strlen(mark));
    pl_doc *doc = load(src);
    const pl_node *p = pl_node_find(pl_node_child(doc->root, PL_N_PUNTOS), PL_N_PARA);
    pl_flat f;
    assert_int_equal(pl_flat_build(p, 0, &f), 0);
    assert_string_equal(f.text, "Primero dos");
    /* line 17: "        Primero   <negrita>  dos</negrita></p>" */
    expect_pos(doc, &f, "Primero", 17, 9);
    expect_pos(doc, &f, "dos", 17, 30);
    pl_flat_free(&f);
    pl_doc_free(doc);
    free(src);
}

/* Character references count as the characters they stand for. */
static void test_flat_char_refs(void **state)
{
    (void)state;
    const char *mark = "<p>Uno.</p>";
    const char *repl = "<p>Art&#237;culo &#x31;&#x30; y &lt;b&gt; fin</p>";
    const char *at = strstr(DOC, mark);
    char *src = malloc(strlen(DOC) + strlen(repl) + 1);
    size_t o = (size_t)(at - DOC);
    memcpy(src, DOC, o);
    strcpy(src + o, repl);
    strcat(src, at + strlen(mark));
    pl_doc *doc = load(src);
    const pl_node *p = pl_node_find(pl_node_child(doc->root, PL_N_PUNTOS), PL_N_PARA);
    pl_flat f;
    assert_int_equal(pl_flat_build(p, 0, &f), 0);
    assert_string_equal(f.text, "Artículo 10 y <b> fin");
    /* line 16: "      <p>Art&#237;culo &#x31;&#x30; y &lt;b&gt; fin</p>" */
    expect_pos(doc, &f, "Art", 16, 10);
    expect_pos(doc, &f, "culo", 16, 19);
    expect_pos(doc, &f, "10", 16, 24);
    expect_pos(doc, &f, "0 y", 16, 30);
    expect_pos(doc, &f, "y", 16, 37);
    expect_pos(doc, &f, "<b>", 16, 39);
    expect_pos(doc, &f, "b>", 16, 43);
    expect_pos(doc, &f, "fin", 16, 49);
    pl_flat_free(&f);
    pl_doc_free(doc);
    free(src);
}

/* CDATA: the text inside is literal, "&amp;" there is five characters. */
static void test_flat_cdata(void **state)
{
    (void)state;
    const char *mark = "<p>Uno.</p>";
    const char *repl = "<p>A <![CDATA[x &amp; <y>]]> z</p>";
    const char *at = strstr(DOC, mark);
    char *src = malloc(strlen(DOC) + strlen(repl) + 1);
    size_t o = (size_t)(at - DOC);
    memcpy(src, DOC, o);
    strcpy(src + o, repl);
    strcat(src, at + strlen(mark));
    pl_doc *doc = load(src);
    const pl_node *p = pl_node_find(pl_node_child(doc->root, PL_N_PUNTOS), PL_N_PARA);
    pl_flat f;
    assert_int_equal(pl_flat_build(p, 0, &f), 0);
    assert_string_equal(f.text, "A x &amp; <y> z");
    /* line 16: "      <p>A <![CDATA[x &amp; <y>]]> z</p>" */
    expect_pos(doc, &f, "A", 16, 10);
    expect_pos(doc, &f, "x", 16, 21);
    expect_pos(doc, &f, "<y>", 16, 29);
    expect_pos(doc, &f, "z", 16, 36);
    pl_flat_free(&f);
    pl_doc_free(doc);
    free(src);
}

static void test_text_pos_direct(void **state)
{
    pl_doc *doc = *state;
    const pl_node *t = punto2_p(doc, 1)->first; /* "Tomás & Ana " */
    int l, c;
    pl_text_pos(doc, t, 0, &l, &c);
    assert_int_equal(l, 19);
    assert_int_equal(c, 10);
    pl_text_pos(doc, t, strlen("Tomás & "), &l, &c);
    assert_int_equal(l, 19);
    assert_int_equal(c, 22);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_type_from_name),
        cmocka_unit_test_setup_teardown(test_tree_types_and_positions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_collapsed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attributes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_child_find_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_iter_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_iter_done_is_final, setup, teardown),
        cmocka_unit_test_setup_teardown(test_iter_balanced_whole_doc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_iter_skip_children, setup, teardown),
        cmocka_unit_test_setup_teardown(test_iter_skip_never_visits_children, setup, teardown),
        cmocka_unit_test(test_iter_deep),
        cmocka_unit_test_setup_teardown(test_xpath, setup, teardown),
        cmocka_unit_test_setup_teardown(test_node_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flat_entities_and_inline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flat_nested_accents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flat_multiline_whitespace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flat_notes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flat_linebreak_and_link, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flat_title_trimmed, setup, teardown),
        cmocka_unit_test(test_flat_leading_whitespace),
        cmocka_unit_test(test_flat_char_refs),
        cmocka_unit_test(test_flat_cdata),
        cmocka_unit_test_setup_teardown(test_text_pos_direct, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pl_load_cleanup();
    return rc;
}
