/* Unit tests of src/load and the Spanish messages of src/schema: valid
 * input, well-formedness errors, refused DOCTYPEs (no entity is ever
 * expanded, no external file ever read), wrong document kinds, schema
 * violations with positions and XPaths, encodings, size limits and I/O
 * errors.
 *
 * Run from the repository root, or set PLENO_DATADIR to the folder that
 * holds schemas/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../src/load/load.h"
#include "../../src/schema/schema.h"

static const char *datadir(void)
{
    const char *d = getenv("PLENO_DATADIR");
    return d && *d ? d : ".";
}

static const char *DOC =
    /*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    /*  2 */ "<acuerdo xmlns=\"urn:pleno:snt:acuerdo:1\">\n"
    /*  3 */ "  <metadatos>\n"
    /*  4 */ "    <organo corto=\"Consejo Nacional\" siglas=\"CONAIP\">Consejo Nacional</organo>\n"
    /*  5 */ "    <sesion tipo=\"ordinaria\" numero=\"1\" fecha=\"2018-03-14\" lugar=\"Ciudad de México\"/>\n"
    /*  6 */ "    <numero>CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02</numero>\n"
    /*  7 */ "    <fecha>2018-03-14</fecha>\n"
    /*  8 */ "  </metadatos>\n"
    /*  9 */ "  <titulo>ACUERDO DE PRUEBA.</titulo>\n"
    /* 10 */ "  <fundamento>\n"
    /* 11 */ "    <p>Con fundamento en el artículo 31, se emite el siguiente:</p>\n"
    /* 12 */ "  </fundamento>\n"
    /* 13 */ "  <puntos>\n"
    /* 14 */ "    <punto>\n"
    /* 15 */ "      <p>Se aprueba el documento.</p>\n"
    /* 16 */ "    </punto>\n"
    /* 17 */ "  </puntos>\n"
    /* 18 */ "  <firmas>\n"
    /* 19 */ "    <firma>\n"
    /* 20 */ "      <nombre>Dr. Francisco J. Acuña Llamas</nombre>\n"
    /* 21 */ "      <cargo>Presidente</cargo>\n"
    /* 22 */ "    </firma>\n"
    /* 23 */ "  </firmas>\n"
    /* 24 */ "</acuerdo>\n";

/* DOC with the first occurrence of `from` replaced by `to` (malloc'ed). */
static char *edit(const char *from, const char *to)
{
    const char *at = strstr(DOC, from);
    if (at == NULL)
        fail_msg("«%s» is not in DOC", from);
    size_t n = strlen(DOC) - strlen(from) + strlen(to);
    char *s = malloc(n + 1);
    size_t o = (size_t)(at - DOC);
    memcpy(s, DOC, o);
    strcpy(s + o, to);
    strcat(s, at + strlen(from));
    return s;
}

typedef struct result {
    pl_status st;
    pl_doc *doc;
    pl_diags d;
} result;

static result load_len(const char *src, size_t len)
{
    result r;
    memset(&r, 0, sizeof r);
    r.st = pl_load_memory("t.xml", src, len, datadir(), &r.d, &r.doc);
    return r;
}

static result load(const char *src)
{
    return load_len(src, strlen(src));
}

static void result_free(result *r)
{
    pl_doc_free(r->doc);
    pl_diags_free(&r->d);
}

static void dump(const result *r)
{
    for (size_t i = 0; i < r->d.n; i++)
        print_message("  %s:%d:%d: %s [%s] %s\n", r->d.items[i].file, r->d.items[i].line,
                      r->d.items[i].col, r->d.items[i].message, r->d.items[i].rule,
                      r->d.items[i].xpath ? r->d.items[i].xpath : "(sin xpath)");
}

/* Words that betray an untranslated libxml2 message. */
static void assert_spanish(const char *msg)
{
    static const char *const english[] = {
        "Element '", "element is", "attribute '", "Expected", "expected", "one of",
        "not ", "is not", "allowed", "missing", "value", "Opening", "tag",
        "Premature", "Document ", "document is", "found", "invalid", "declaration",
        "{", "}", "(null)", "XML no válido:",
    };
    assert_non_null(msg);
    assert_true(strlen(msg) > 0);
    for (size_t i = 0; i < sizeof english / sizeof english[0]; i++)
        if (strstr(msg, english[i]))
            fail_msg("message is not Spanish (contains «%s»): %s", english[i], msg);
    size_t n = strlen(msg);
    if (msg[n - 1] == '.' || msg[n - 1] == '\n' || msg[n - 1] == ' ')
        fail_msg("message ends with «%c»: %s", msg[n - 1], msg);
}

/* Exactly one diagnostic, with this rule, position and severity error. */
static const pl_diag *expect_one(const result *r, const char *rule, int line, int col)
{
    if (r->d.n != 1) {
        dump(r);
        fail_msg("%zu diagnostics, want 1 %s", r->d.n, rule);
    }
    const pl_diag *g = &r->d.items[0];
    assert_string_equal(g->rule, rule);
    assert_int_equal(g->sev, PL_SEV_ERROR);
    assert_string_equal(g->file, "t.xml");
    if (g->line != line || g->col != col) {
        dump(r);
        fail_msg("%s at %d:%d, want %d:%d", rule, g->line, g->col, line, col);
    }
    return g;
}

/* ------------------------------------------------------------------ */
/* Valid input                                                         */

static void test_valid(void **state)
{
    (void)state;
    result r = load(DOC);
    dump(&r);
    assert_int_equal(r.st, PL_OK);
    assert_int_equal(r.d.n, 0);
    assert_non_null(r.doc);
    assert_int_equal(r.doc->kind, PL_KIND_ACUERDO);
    assert_int_equal(r.doc->root->type, PL_N_ACUERDO);
    assert_string_equal(r.doc->path, "t.xml");
    assert_int_equal(r.doc->source_len, strlen(DOC));
    assert_string_equal(r.doc->source, DOC);
    result_free(&r);

    /* a UTF-8 byte order mark, CRLF line ends, no XML declaration */
    char *s = malloc(strlen(DOC) * 2 + 8);
    strcpy(s, "\xEF\xBB\xBF");
    strcat(s, DOC);
    r = load(s);
    assert_int_equal(r.st, PL_OK);
    assert_int_equal(r.d.n, 0);
    result_free(&r);
    size_t o = 0;
    for (const char *p = DOC; *p; p++) {
        if (*p == '\n')
            s[o++] = '\r';
        s[o++] = *p;
    }
    s[o] = '\0';
    r = load(s);
    assert_int_equal(r.st, PL_OK);
    assert_int_equal(r.d.n, 0);
    /* line numbers count CRLF as one line end */
    const pl_node *puntos = pl_node_child(r.doc->root, PL_N_PUNTOS);
    assert_int_equal(puntos->line, 13);
    assert_int_equal(puntos->col, 3);
    result_free(&r);
    r = load(strchr(DOC, '\n') + 1);
    assert_int_equal(r.st, PL_OK);
    assert_int_equal(r.doc->root->line, 1);
    result_free(&r);
    free(s);

    /* the samples load */
    const char *samples[] = {"samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml",
                             "samples/acuerdo/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.xml"};
    for (size_t i = 0; i < 2; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", datadir(), samples[i]);
        pl_diags d = PL_DIAGS_INIT;
        pl_doc *doc = NULL;
        pl_status st = pl_load_file(path, datadir(), &d, &doc);
        assert_int_equal(st, PL_OK);
        assert_int_equal(d.n, 0);
        assert_non_null(doc);
        assert_string_equal(doc->path, path);
        pl_doc_free(doc);
        pl_diags_free(&d);
    }
}

/* ------------------------------------------------------------------ */
/* Not well-formed                                                     */

static void test_nwf_mismatch(void **state)
{
    (void)state;
    /* line 9: "  <titulo>ACUERDO DE PRUEBA.</titul>" */
    char *s = edit("PRUEBA.</titulo>", "PRUEBA.</titul>");
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    assert_null(r.doc);
    /* the offending end tag starts at column 29 */
    const pl_diag *g = expect_one(&r, "XML-001", 9, 29);
    assert_spanish(g->message);
    assert_non_null(strstr(g->message, "titulo"));
    assert_non_null(strstr(g->message, "titul>"));
    result_free(&r);
    free(s);
}

static void test_nwf_truncated(void **state)
{
    (void)state;
    /* the file ends inside <puntos> (line 16 is the last, complete line) */
    const char *cut = strstr(DOC, "  </puntos>");
    result r = load_len(DOC, (size_t)(cut - DOC));
    assert_int_equal(r.st, PL_EDOC);
    assert_null(r.doc);
    const pl_diag *g = expect_one(&r, "XML-001", 17, 1); /* the end of the file */
    assert_spanish(g->message);
    /* libxml2 says which element is left open: the message keeps it */
    assert_non_null(strstr(g->message, "<puntos>"));
    result_free(&r);
}

static void test_nwf_stray_ampersand(void **state)
{
    (void)state;
    /* line 15: "      <p>Se aprueba el documento & anexo.</p>": '&' is column 34 */
    char *s = edit("el documento.", "el documento & anexo.");
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    const pl_diag *g = expect_one(&r, "XML-001", 15, 34);
    assert_spanish(g->message);
    assert_non_null(strstr(g->message, "&amp;"));
    result_free(&r);
    free(s);
}

static void test_nwf_attribute_quotes(void **state)
{
    (void)state;
    /* line 5: "    <sesion tipo=ordinaria numero=..." — one error, reported once */
    char *s = edit("tipo=\"ordinaria\"", "tipo=ordinaria");
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    const pl_diag *g = expect_one(&r, "XML-001", 5, 18);
    assert_spanish(g->message);
    result_free(&r);
    free(s);
}

static void test_nwf_invalid_utf8(void **state)
{
    (void)state;
    /* Latin-1 "í" in line 11: "    <p>Con fundamento en el art\xEDculo 31 ..." */
    char *s = edit("artículo", "art\xED" "culo");
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    assert_null(r.doc);
    const pl_diag *g = expect_one(&r, "XML-001", 11, 32);
    assert_spanish(g->message);
    assert_non_null(strstr(g->message, "UTF-8"));
    result_free(&r);
    free(s);

    /* an overlong encoding of '<' and a surrogate are refused too */
    s = edit("artículo", "art\xC0\xBC" "culo");
    r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    assert_true(r.d.n >= 1);
    assert_string_equal(r.d.items[0].rule, "XML-001");
    result_free(&r);
    free(s);
    s = edit("artículo", "art\xED\xA0\x80" "culo");
    r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    assert_true(r.d.n >= 1);
    assert_string_equal(r.d.items[0].rule, "XML-001");
    result_free(&r);
    free(s);
}

static void test_nwf_empty(void **state)
{
    (void)state;
    result r = load_len("", 0);
    assert_int_equal(r.st, PL_EDOC);
    assert_null(r.doc);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.items[0].rule, "XML-001");
    assert_spanish(r.d.items[0].message);
    result_free(&r);

    r = load("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    assert_int_equal(r.st, PL_EDOC);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.items[0].rule, "XML-001");
    assert_spanish(r.d.items[0].message);
    result_free(&r);

    r = load("   \n\n  ");
    assert_int_equal(r.st, PL_EDOC);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.items[0].rule, "XML-001");
    result_free(&r);

    /* NUL bytes and binary garbage */
    const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    r = load_len(bin, sizeof bin - 1);
    assert_int_equal(r.st, PL_EDOC);
    assert_true(r.d.n >= 1);
    assert_string_equal(r.d.items[0].rule, "XML-001");
    assert_spanish(r.d.items[0].message);
    result_free(&r);
}

/* ------------------------------------------------------------------ */
/* DOCTYPE: refused before any entity is expanded                      */

static void expect_doctype_refused(const char *src, int line, int col, const char *secret)
{
    clock_t t0 = clock();
    result r = load(src);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_int_equal(r.st, PL_EDOC);
    assert_null(r.doc);
    const pl_diag *g = expect_one(&r, "XML-002", line, col);
    assert_spanish(g->message);
    assert_non_null(strstr(g->message, "DOCTYPE"));
    if (secret)
        for (size_t i = 0; i < r.d.n; i++)
            assert_null(strstr(r.d.items[i].message, secret));
    assert_true(secs < 2.0);
    result_free(&r);
}

static void test_doctype_internal_entity(void **state)
{
    (void)state;
    char *s = edit("<acuerdo ", "<!DOCTYPE acuerdo [\n"
                                "  <!ENTITY secreto \"VALOR-EXPANDIDO-7431\">\n"
                                "]>\n"
                                "<acuerdo ");
    char *t = malloc(strlen(s) + 64);
    /* use the entity in a text and in an attribute */
    const char *at = strstr(s, "el documento.");
    memcpy(t, s, (size_t)(at - s));
    strcpy(t + (at - s), "&secreto;");
    strcat(t, at + strlen("el documento."));
    expect_doctype_refused(t, 2, 1, "VALOR-EXPANDIDO-7431");
    free(t);
    free(s);
}

static void test_doctype_external_entity(void **state)
{
    (void)state;
    /* a local file with a marker: its contents must never show up */
    char path[] = "/tmp/pleno-xxe-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *marker = "CONTENIDO-PRIVADO-9981";
    assert_int_equal(write(fd, marker, strlen(marker)), (ssize_t)strlen(marker));
    close(fd);
    char decl[512];
    snprintf(decl, sizeof decl,
             "<!DOCTYPE acuerdo [\n  <!ENTITY xxe SYSTEM \"file://%s\">\n]>\n<acuerdo ", path);
    char *s = edit("<acuerdo ", decl);
    char *t = malloc(strlen(s) + 16);
    const char *at = strstr(s, "el documento.");
    memcpy(t, s, (size_t)(at - s));
    strcpy(t + (at - s), "&xxe;");
    strcat(t, at + strlen("el documento."));
    expect_doctype_refused(t, 2, 1, marker);
    free(t);
    free(s);
    /* /etc/passwd, the classic */
    s = edit("<acuerdo ", "<!DOCTYPE acuerdo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                          "<acuerdo ");
    expect_doctype_refused(s, 2, 1, "root:");
    free(s);
    /* an external DTD, and a parameter entity */
    s = edit("<acuerdo ", "<!DOCTYPE acuerdo SYSTEM \"http://127.0.0.1:9/acuerdo.dtd\">\n<acuerdo ");
    expect_doctype_refused(s, 2, 1, NULL);
    free(s);
    s = edit("<acuerdo ", "<!DOCTYPE acuerdo [<!ENTITY % pe SYSTEM \"file:///etc/passwd\"> %pe;]>\n"
                          "<acuerdo ");
    expect_doctype_refused(s, 2, 1, "root:");
    free(s);
    unlink(path);
}

static void test_doctype_billion_laughs(void **state)
{
    (void)state;
    char *s = edit("<acuerdo ",
                   "<!DOCTYPE acuerdo [\n"
                   " <!ENTITY a \"lol\">\n"
                   " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                   " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                   " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
                   " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
                   " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
                   " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
                   " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
                   " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
                   "]>\n<acuerdo ");
    char *t = malloc(strlen(s) + 16);
    const char *at = strstr(s, "el documento.");
    memcpy(t, s, (size_t)(at - s));
    strcpy(t + (at - s), "&i;");
    strcat(t, at + strlen("el documento."));
    expect_doctype_refused(t, 2, 1, "lollol");
    free(t);
    free(s);
}

static void test_doctype_after_bom_and_comment(void **state)
{
    (void)state;
    const char *body = strchr(DOC, '\n') + 1; /* without the declaration */
    const char *head = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- nota -->\n"
                       "<!DOCTYPE acuerdo [<!ENTITY x \"y\">]>\n";
    char *s = malloc(strlen(head) + strlen(body) + 1);
    strcpy(s, head);
    strcat(s, body);
    expect_doctype_refused(s, 3, 1, NULL);
    free(s);
}

/* ------------------------------------------------------------------ */
/* Kind                                                                */

static void test_kind(void **state)
{
    (void)state;
    /* no namespace */
    char *s = edit("<acuerdo xmlns=\"urn:pleno:snt:acuerdo:1\">", "<acuerdo>");
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    assert_null(r.doc);
    const pl_diag *g = expect_one(&r, "KIND-001", 2, 1);
    assert_spanish(g->message);
    assert_non_null(strstr(g->message, "urn:pleno:snt:acuerdo:1"));
    assert_string_equal(g->xpath, "/");
    result_free(&r);
    free(s);

    /* wrong namespace */
    s = edit("urn:pleno:snt:acuerdo:1", "urn:pleno:snt:acuerdo:2");
    r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    g = expect_one(&r, "KIND-001", 2, 1);
    assert_non_null(strstr(g->message, "urn:pleno:snt:acuerdo:2"));
    assert_non_null(strstr(g->message, "urn:pleno:snt:acuerdo:1"));
    result_free(&r);
    free(s);

    /* unknown root, in the right namespace and in none */
    r = load("<?xml version=\"1.0\"?>\n<resolucion xmlns=\"urn:pleno:snt:acuerdo:1\">\n"
             "  <p>x</p>\n</resolucion>\n");
    assert_int_equal(r.st, PL_EDOC);
    g = expect_one(&r, "KIND-001", 2, 1);
    assert_spanish(g->message);
    assert_non_null(strstr(g->message, "resolucion"));
    assert_non_null(strstr(g->message, "acuerdo"));
    result_free(&r);
    r = load("<html><body/></html>");
    assert_int_equal(r.st, PL_EDOC);
    g = expect_one(&r, "KIND-001", 1, 1);
    assert_non_null(strstr(g->message, "html"));
    result_free(&r);

    /* a prefixed root in the right namespace is fine */
    s = edit("<acuerdo xmlns=\"urn:pleno:snt:acuerdo:1\">",
             "<a:acuerdo xmlns:a=\"urn:pleno:snt:acuerdo:1\" xmlns=\"urn:pleno:snt:acuerdo:1\">");
    char *t = malloc(strlen(s) + 8);
    const char *at = strstr(s, "</acuerdo>");
    memcpy(t, s, (size_t)(at - s));
    strcpy(t + (at - s), "</a:acuerdo>\n");
    r = load(t);
    dump(&r);
    assert_int_equal(r.st, PL_OK);
    assert_int_equal(r.doc->kind, PL_KIND_ACUERDO);
    assert_string_equal(r.doc->root->name, "acuerdo");
    result_free(&r);
    free(t);
    free(s);

    assert_int_equal(pl_schema_kind_of("acuerdo", "urn:pleno:snt:acuerdo:1"), PL_KIND_ACUERDO);
    assert_int_equal(pl_schema_kind_of("acuerdo", NULL), PL_KIND_UNKNOWN);
    assert_int_equal(pl_schema_kind_of("acuerdo", "urn:otro"), PL_KIND_UNKNOWN);
    assert_int_equal(pl_schema_kind_of("resolucion", "urn:pleno:snt:acuerdo:1"), PL_KIND_UNKNOWN);
    assert_string_equal(pl_schema_namespace(PL_KIND_ACUERDO), "urn:pleno:snt:acuerdo:1");
    assert_string_equal(pl_schema_file(PL_KIND_ACUERDO), "acuerdo.xsd");
    assert_string_equal(pl_kind_name(PL_KIND_ACUERDO), "acuerdo");
    assert_null(pl_schema_file(PL_KIND_UNKNOWN));
}

/* ------------------------------------------------------------------ */
/* Schema                                                              */

static void test_xsd_unknown_element(void **state)
{
    (void)state;
    /* line 10: "  <resumen>Algo</resumen>" between titulo and fundamento */
    char *s = edit("  <fundamento>", "  <resumen>Algo</resumen>\n  <fundamento>");
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    assert_null(r.doc);
    const pl_diag *g = expect_one(&r, "XSD-001", 10, 3);
    assert_string_equal(g->xpath, "/acuerdo/resumen[1]");
    assert_non_null(strstr(g->message, "<resumen>"));
    assert_non_null(strstr(g->message, "«preambulo»"));
    assert_non_null(strstr(g->message, "«considerandos»"));
    assert_non_null(strstr(g->message, "«fundamento»"));
    assert_spanish(g->message);
    result_free(&r);
    free(s);
}

static void test_xsd_missing_element(void **state)
{
    (void)state;
    /* no metadatos: titulo (now line 3) is where it is noticed */
    const char *a = strstr(DOC, "  <metadatos>");
    const char *b = strstr(DOC, "  <titulo>");
    char *s = malloc(strlen(DOC) + 1);
    memcpy(s, DOC, (size_t)(a - DOC));
    strcpy(s + (a - DOC), b);
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    const pl_diag *g = expect_one(&r, "XSD-001", 3, 3);
    assert_string_equal(g->xpath, "/acuerdo/titulo[1]");
    assert_non_null(strstr(g->message, "metadatos"));
    assert_spanish(g->message);
    result_free(&r);
    free(s);

    /* an empty firmas: the missing child is reported on firmas */
    s = malloc(strlen(DOC) + 1);
    a = strstr(DOC, "    <firma>");
    b = strstr(DOC, "  </firmas>");
    memcpy(s, DOC, (size_t)(a - DOC));
    strcpy(s + (a - DOC), b);
    r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    g = expect_one(&r, "XSD-001", 18, 3);
    assert_string_equal(g->xpath, "/acuerdo/firmas[1]");
    assert_non_null(strstr(g->message, "firma"));
    assert_spanish(g->message);
    result_free(&r);
    free(s);
}

static void xsd_attribute_cases(const char *const (*cases)[3], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *s = edit(cases[i][0], cases[i][1]);
        result r = load(s);
        assert_int_equal(r.st, PL_EDOC);
        /* reported at the element's start tag, line 5 column 5 */
        const pl_diag *g = expect_one(&r, "XSD-001", 5, 5);
        assert_string_equal(g->xpath, "/acuerdo/metadatos[1]/sesion[1]");
        if (strstr(g->message, cases[i][2]) == NULL)
            fail_msg("«%s» not in: %s", cases[i][2], g->message);
        assert_spanish(g->message);
        result_free(&r);
        free(s);
    }
}

/* A value that is not of the attribute's XSD type (positiveInteger). */
static void test_xsd_attribute_type(void **state)
{
    (void)state;
    const char *const cases[][3] = {
        {"numero=\"1\"", "numero=\"uno\"", "«uno»"},
        {"numero=\"1\"", "numero=\"0\"", "«0»"},
    };
    xsd_attribute_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_xsd_attributes(void **state)
{
    (void)state;
    struct {
        const char *from, *to, *must;
    } cases[] = {
        {"tipo=\"ordinaria\"", "tipo=\"solemne\"", "«solemne»"},
        {"fecha=\"2018-03-14\"", "fecha=\"14/03/2018\"", "«14/03/2018»"},
        {" tipo=\"ordinaria\"", "", "«tipo»"},
        {"lugar=", "color=\"rojo\" lugar=", "«color»"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = edit(cases[i].from, cases[i].to);
        result r = load(s);
        assert_int_equal(r.st, PL_EDOC);
        /* reported at the element's start tag, line 5 column 5 */
        const pl_diag *g = expect_one(&r, "XSD-001", 5, 5);
        assert_string_equal(g->xpath, "/acuerdo/metadatos[1]/sesion[1]");
        if (strstr(g->message, cases[i].must) == NULL)
            fail_msg("«%s» not in: %s", cases[i].must, g->message);
        assert_spanish(g->message);
        result_free(&r);
        free(s);
    }
}

static void test_xsd_text_and_positions(void **state)
{
    (void)state;
    /* a bad date in element content, after accented text on the line */
    char *s = edit("<fecha>2018-03-14</fecha>", "<fecha>14 de marzo</fecha>");
    result r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    const pl_diag *g = expect_one(&r, "XSD-001", 7, 5);
    assert_string_equal(g->xpath, "/acuerdo/metadatos[1]/fecha[1]");
    assert_non_null(strstr(g->message, "AAAA-MM-DD"));
    assert_spanish(g->message);
    result_free(&r);
    free(s);

    /* an element after accented characters on the same line: the column
     * counts characters, not bytes */
    s = edit("<cargo>Presidente</cargo>",
             "<cargo>Presidente Ñandú</cargo><cargo>x</cargo>");
    r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    g = expect_one(&r, "XSD-001", 21, 38);
    assert_string_equal(g->xpath, "/acuerdo/firmas[1]/firma[1]/cargo[2]");
    assert_spanish(g->message);
    result_free(&r);
    free(s);
    s = edit("<nombre>Dr. Francisco J. Acuña Llamas</nombre>",
             "<nombre>Dr. Francisco J. Acuña Llamas<negrita>x</negrita></nombre>");
    r = load(s);
    assert_int_equal(r.st, PL_EDOC);
    assert_true(r.d.n >= 1);
    g = &r.d.items[0];
    assert_string_equal(g->rule, "XSD-001");
    assert_int_equal(g->line, 20);
    /* "      <nombre>Dr. Francisco J. Acuña Llamas<negrita>": the error is
     * on nombre (col 7) or on negrita (col 44), never a byte count */
    assert_true(g->col == 7 || g->col == 44);
    assert_spanish(g->message);
    result_free(&r);
    free(s);

    /* several violations: all reported, in document order */
    s = edit("tipo=\"ordinaria\"", "tipo=\"x\"");
    char *t = malloc(strlen(s) + 64);
    const char *at = strstr(s, "<p>Se aprueba");
    memcpy(t, s, (size_t)(at - s));
    strcpy(t + (at - s), "<p color=\"rojo\">Se aprueba");
    strcat(t, at + strlen("<p>Se aprueba"));
    r = load(t);
    assert_int_equal(r.st, PL_EDOC);
    assert_int_equal(r.d.n, 2);
    assert_int_equal(r.d.items[0].line, 5);
    assert_int_equal(r.d.items[1].line, 15);
    assert_int_equal(r.d.items[1].col, 7);
    assert_string_equal(r.d.items[1].xpath, "/acuerdo/puntos[1]/punto[1]/p[1]");
    result_free(&r);
    free(t);
    free(s);
}

/* ------------------------------------------------------------------ */
/* Limits and I/O                                                      */

static void test_too_big(void **state)
{
    (void)state;
    size_t n = (size_t)PL_MAX_INPUT_BYTES + 1;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, ' ', n);
    memcpy(big, "<a>", 3);
    result r = load_len(big, n);
    assert_int_equal(r.st, PL_ELIMIT);
    assert_null(r.doc);
    assert_int_equal(r.d.n, 1);
    assert_string_equal(r.d.items[0].rule, "IO-002");
    assert_int_equal(r.d.items[0].sev, PL_SEV_ERROR);
    assert_spanish(r.d.items[0].message);
    result_free(&r);

    /* the same through a file */
    char path[] = "/tmp/pleno-big-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(fd, big + done, n - done);
        assert_true(w > 0);
        done += (size_t)w;
    }
    close(fd);
    free(big);
    pl_diags d = PL_DIAGS_INIT;
    pl_doc *doc = NULL;
    pl_status st = pl_load_file(path, datadir(), &d, &doc);
    assert_int_equal(st, PL_ELIMIT);
    assert_null(doc);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].rule, "IO-002");
    assert_string_equal(d.items[0].file, path);
    assert_spanish(d.items[0].message);
    pl_diags_free(&d);
    unlink(path);
}

static void test_io_errors(void **state)
{
    (void)state;
    pl_diags d = PL_DIAGS_INIT;
    pl_doc *doc = (pl_doc *)&d; /* must be reset to NULL */
    pl_status st = pl_load_file("/nonexistent/dir/no-existe.xml", datadir(), &d, &doc);
    assert_int_equal(st, PL_EIO);
    assert_null(doc);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].rule, "IO-001");
    assert_string_equal(d.items[0].file, "/nonexistent/dir/no-existe.xml");
    assert_non_null(strstr(d.items[0].message, "no existe"));
    assert_spanish(d.items[0].message);
    pl_diags_free(&d);

    /* a folder is not a file */
    st = pl_load_file("/tmp", datadir(), &d, &doc);
    assert_int_equal(st, PL_EIO);
    assert_null(doc);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].rule, "IO-001");
    assert_spanish(d.items[0].message);
    pl_diags_free(&d);

    /* a missing data folder: the schema cannot be loaded */
    result r;
    memset(&r, 0, sizeof r);
    pl_load_cleanup(); /* forget cached schemas */
    r.st = pl_load_memory("t.xml", DOC, strlen(DOC), "/nonexistent", &r.d, &r.doc);
    assert_int_equal(r.st, PL_EDATA);
    assert_null(r.doc);
    assert_true(r.d.n >= 1);
    assert_spanish(r.d.items[r.d.n - 1].message);
    result_free(&r);
}

/* ------------------------------------------------------------------ */
/* Translation of libxml2 messages                                     */

static void expect_translation(const char *msg, const char *want)
{
    char *t = pl_schema_translate(msg);
    assert_non_null(t);
    if (strcmp(t, want) != 0)
        fail_msg("translate(«%s»)\n   got: %s\n  want: %s", msg, t, want);
    free(t);
}

static void expect_translation_has(const char *msg, const char *const *must, size_t n)
{
    char *t = pl_schema_translate(msg);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        if (strstr(t, must[i]) == NULL)
            fail_msg("translate(«%s») = «%s» lacks «%s»", msg, t, must[i]);
    assert_spanish(t);
    free(t);
}

static void test_translate(void **state)
{
    (void)state;
    expect_translation("Opening and ending tag mismatch: organo line 4 and organos\n",
                       "la etiqueta de cierre </organos> no corresponde a <organo> "
                       "(abierta en la línea 4)");
    expect_translation("Element '{urn:pleno:snt:acuerdo:1}titulo': This element is not "
                       "expected. Expected is ( {urn:pleno:snt:acuerdo:1}metadatos ).\n",
                       "el elemento <titulo> no se esperaba aquí; se esperaba «metadatos»");
    expect_translation("Element '{urn:pleno:snt:acuerdo:1}sesion', attribute 'tipo': [facet "
                       "'enumeration'] The value 'solemne' is not an element of the set "
                       "{'ordinaria', 'extraordinaria'}.\n",
                       "el valor «solemne» no es válido para el atributo «tipo»; valores "
                       "admitidos: ordinaria, extraordinaria");
    expect_translation("Element '{urn:pleno:snt:acuerdo:1}fecha': [facet 'pattern'] The value "
                       "'14/03/2018' is not accepted by the pattern "
                       "'[0-9]{4}-[0-9]{2}-[0-9]{2}'.\n",
                       "el valor «14/03/2018» no tiene la forma esperada (una fecha "
                       "AAAA-MM-DD, p. ej. 2017-10-05)");
    expect_translation("Element '{urn:pleno:snt:acuerdo:1}sesion': The attribute 'tipo' is "
                       "required but missing.\n",
                       "a <sesion> le falta el atributo obligatorio «tipo»");
    expect_translation("Element '{urn:pleno:snt:acuerdo:1}punto', attribute 'color': The "
                       "attribute 'color' is not allowed.\n",
                       "el atributo «color» no está permitido en <punto>");
    expect_translation("Element '{urn:pleno:snt:acuerdo:1}puntos': Character content other "
                       "than whitespace is not allowed because the content type is "
                       "'element-only'.\n",
                       "<puntos> no admite texto directamente; el texto va dentro de sus "
                       "elementos hijos");
    expect_translation("xmlParseEntityRef: no name\n", "«&» suelto: escríbalo como &amp;");
    expect_translation("Entity 'nbsp' not defined\n",
                       "entidad «&nbsp;» no definida; use el carácter mismo (UTF-8) o "
                       "&amp; para «&»");
    expect_translation("Input is not proper UTF-8, indicate encoding !\nBytes: 0xE9 0x74 0x72 "
                       "0x6F\n",
                       "el texto no es UTF-8 válido o contiene un carácter no permitido en "
                       "XML; guarde el archivo como UTF-8");
    expect_translation("Extra content at the end of the document\n",
                       "hay contenido después del elemento raíz");
}

/* "Expected is one of ( a, b, c )": every name, and no English. */
static void test_translate_expected_list(void **state)
{
    (void)state;
    {
        const char *must[] = {"«preambulo»", "«considerandos»", "«fundamento»", "<resumen>"};
        expect_translation_has(
            "Element '{urn:pleno:snt:acuerdo:1}resumen': This element is not expected. "
            "Expected is one of ( {urn:pleno:snt:acuerdo:1}preambulo, "
            "{urn:pleno:snt:acuerdo:1}considerandos, {urn:pleno:snt:acuerdo:1}fundamento ).\n",
            must, 4);
    }
}

/* Values of the wrong XSD type: the value quoted, not a piece of the
 * namespace ("{urn:pleno:…}" has a ':' too). */
static void test_translate_atomic_type(void **state)
{
    (void)state;
    {
        const char *must[] = {"«uno»", "«numero»", "entero positivo"};
        expect_translation_has("Element '{urn:pleno:snt:acuerdo:1}sesion', attribute 'numero': "
                               "'uno' is not a valid value of the atomic type "
                               "'xs:positiveInteger'.\n",
                               must, 3);
    }
    {
        const char *must[] = {"«http//x y»", "«href»"};
        expect_translation_has("Element '{urn:pleno:snt:acuerdo:1}enlace', attribute 'href': "
                               "'http//x y' is not a valid value of the atomic type "
                               "'xs:anyURI'.\n",
                               must, 2);
    }
}

/* libxml2 names the element left open and its line: keep them. */
static void test_translate_premature_end(void **state)
{
    (void)state;
    const char *must[] = {"<acuerdo>", "2"};
    expect_translation_has("Premature end of data in tag acuerdo line 2\n", must, 2);
}

/* A blank line before "<?xml": a common mistake, in Spanish. */
static void test_translate_xml_declaration(void **state)
{
    (void)state;
    const char *must[] = {"<?xml"};
    expect_translation_has("XML declaration allowed only at the start of the document\n",
                           must, 1);
}

/* Identity constraints (xs:key, xs:keyref) are named with Spanish noun
 * phrases, hyphenated: the message says what repeats or is missing. */
static void test_translate_identity_constraints(void **state)
{
    (void)state;
    expect_translation("Element '{urn:pleno:snt:seguimiento:1}producto': Duplicate key-sequence "
                       "['A.1.1.2'] in key identity-constraint "
                       "'{urn:pleno:snt:seguimiento:1}el-id-de-producto'.\n",
                       "el id de producto «A.1.1.2» se repite: no puede haber dos iguales");
    expect_translation("Element '{urn:pleno:snt:seguimiento:1}producto': No match found for "
                       "key-sequence ['A.9.1'] of keyref "
                       "'{urn:pleno:snt:seguimiento:1}la-línea-de-acción'.\n",
                       "la línea de acción «A.9.1» no se declaró en el documento");
}

/* Range facets and values of the wrong type: what is wrong, in Spanish. */
static void test_translate_ranges(void **state)
{
    (void)state;
    expect_translation("Element '{urn:pleno:snt:seguimiento:1}producto', attribute 'avance': "
                       "[facet 'maxInclusive'] The value '120' is greater than the maximum "
                       "value allowed ('100').\n",
                       "el valor «120» del atributo «avance» es mayor que el máximo admitido, "
                       "100");
    expect_translation("Element '{urn:pleno:snt:seguimiento:1}producto', attribute 'avance': "
                       "[facet 'minInclusive'] The value '-1' is less than the minimum value "
                       "allowed ('0').\n",
                       "el valor «-1» del atributo «avance» es menor que el mínimo admitido, 0");
    expect_translation("Element '{urn:pleno:snt:seguimiento:1}producto', attribute 'avance': "
                       "'60%' is not a valid value of the atomic type "
                       "'{urn:pleno:snt:seguimiento:1}porcentaje'.\n",
                       "«60%» no es un valor válido para el atributo «avance» (escriba sólo el "
                       "número, sin «%»)");
    expect_translation("Element '{urn:pleno:snt:seguimiento:1}fecha-corte': '2021-02-30' is not "
                       "a valid value of the atomic type "
                       "'{urn:pleno:snt:seguimiento:1}fecha-calendario'.\n",
                       "«2021-02-30» no es un valor válido para <fecha-corte> (se esperaba una "
                       "fecha que exista, AAAA-MM-DD)");
}

/* xs:key and xs:keyref: each constraint of acta.xsd says what is wrong
 * in the acta's words, with the whole name even after a long namespace;
 * one not in that table reads its name as a noun phrase. */
static void test_translate_identity(void **state)
{
    (void)state;
    expect_translation("Element '{urn:pleno:snt:acta:1}intervencion': No match found for "
                       "key-sequence ['ruvalcava'] of keyref "
                       "'{urn:pleno:snt:acta:1}orador'.\n",
                       "el orador «ruvalcava» no es la clave de ningún integrante "
                       "(asistencia) ni de ninguna persona (participantes)");
    expect_translation("Element '{urn:pleno:snt:acta:1}integrante': No match found for "
                       "key-sequence ['9'] of keyref "
                       "'{urn:pleno:snt:acta:1}punto-de-incorporacion'.\n",
                       "desde-punto dice 9, que no es un punto del orden del día");
    expect_translation("Element '{urn:pleno:snt:acta:1}punto': Duplicate key-sequence ['2'] "
                       "in key identity-constraint '{urn:pleno:snt:acta:1}numero-de-punto'.\n",
                       "el punto 2 se repite en el orden del día");
    expect_translation("Element '{urn:x}a': Duplicate key-sequence ['v'] in unique "
                       "identity-constraint '{urn:x}otra'.\n",
                       "otra «v» se repite: no puede haber dos iguales");
    expect_translation("Element '{urn:x}a': No match found for key-sequence ['v'] of keyref "
                       "'{urn:x}otra'.\n",
                       "otra «v» no se declaró en el documento");
}

static void test_translate_unknown(void **state)
{
    (void)state;
    /* an unknown message keeps libxml2's words after a Spanish lead-in,
     * without namespaces */
    char *t = pl_schema_translate("Element '{urn:x}foo': Something new happened.\n");
    assert_non_null(strstr(t, "foo"));
    assert_null(strstr(t, "urn:x"));
    free(t);
    /* never NULL, even for an empty message */
    t = pl_schema_translate("");
    assert_non_null(t);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_nwf_mismatch),
        cmocka_unit_test(test_nwf_truncated),
        cmocka_unit_test(test_nwf_stray_ampersand),
        cmocka_unit_test(test_nwf_attribute_quotes),
        cmocka_unit_test(test_nwf_invalid_utf8),
        cmocka_unit_test(test_nwf_empty),
        cmocka_unit_test(test_doctype_internal_entity),
        cmocka_unit_test(test_doctype_external_entity),
        cmocka_unit_test(test_doctype_billion_laughs),
        cmocka_unit_test(test_doctype_after_bom_and_comment),
        cmocka_unit_test(test_kind),
        cmocka_unit_test(test_xsd_unknown_element),
        cmocka_unit_test(test_xsd_missing_element),
        cmocka_unit_test(test_xsd_attributes),
        cmocka_unit_test(test_xsd_attribute_type),
        cmocka_unit_test(test_xsd_text_and_positions),
        cmocka_unit_test(test_too_big),
        cmocka_unit_test(test_io_errors),
        cmocka_unit_test(test_translate),
        cmocka_unit_test(test_translate_expected_list),
        cmocka_unit_test(test_translate_atomic_type),
        cmocka_unit_test(test_translate_premature_end),
        cmocka_unit_test(test_translate_xml_declaration),
        cmocka_unit_test(test_translate_identity_constraints),
        cmocka_unit_test(test_translate_ranges),
        cmocka_unit_test(test_translate_identity),
        cmocka_unit_test(test_translate_unknown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pl_load_cleanup();
    return rc;
}
