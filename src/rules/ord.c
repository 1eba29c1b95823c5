/* rules ORD-001, ORD-002: explicit ordinals of the puntos (PRIMERO,
 * SEGUNDO … or ÚNICO) and numbers of the considerandos run without gaps or
 * repeats, and the puntos the text names ("el punto TERCERO", "los puntos
 * PRIMERO y SEGUNDO") exist. */
#include "check.h"
#include "es.h"
#include "rx.h"

#include <stdlib.h>
#include <string.h>

/* Longest attribute value quoted in a message. */
#define VALUE_QUOTE_MAX 40

/* ---------------------------------------------------------------- */
/* ORD-001: punto/@ordinal                                           */

static void ordinal_name(int v, char *out)
{
    if (pl_es_ordinal_name(v, out, PL_ES_ORDINAL_SIZE) != 0)
        strcpy(out, "?");
}

static void check_punto_ordinals(const pl_doc *doc, pl_diags *diags, const pl_node *puntos)
{
    size_t n = pl_node_count(puntos, PL_N_PUNTO), written = 0;
    for (const pl_node *p = pl_node_child(puntos, PL_N_PUNTO); p;
         p = pl_node_next_of(p, PL_N_PUNTO))
        written += pl_node_attr(p, "ordinal") != NULL;
    /* None written: pleno numbers them. Past the words we know: say
     * nothing rather than something wrong. */
    if (written == 0 || n > PL_ES_ORDINAL_MAX)
        return;

    int expected = 1, k = 0;
    for (const pl_node *p = pl_node_child(puntos, PL_N_PUNTO); p;
         p = pl_node_next_of(p, PL_N_PUNTO)) {
        k++;
        if (expected > PL_ES_ORDINAL_MAX)
            return; /* the author's numbering ran past the words we know */
        int want = n == 1 ? PL_ES_UNICO : expected;
        char wname[PL_ES_ORDINAL_SIZE], prev[PL_ES_ORDINAL_SIZE];
        ordinal_name(want, wname);
        const char *ord = pl_node_attr(p, "ordinal");
        if (ord == NULL) {
            pl_report_node(diags, doc, "ORD-001", p,
                           "al punto %d le falta el ordinal (los demás puntos lo tienen): "
                           "se esperaba «%s»", k, wname);
            expected++;
            continue;
        }
        int q = pl_rules_quote_len(ord, strlen(ord), VALUE_QUOTE_MAX);
        int v = pl_es_ordinal_value(ord, strlen(ord), 1);
        if (v == 0) {
            int lv = pl_es_ordinal_value(ord, strlen(ord), 0);
            if (ord[0] == '\0')
                pl_report_node(diags, doc, "ORD-001", p,
                               "el ordinal del punto %d está vacío: se esperaba «%s»", k, wname);
            else if (lv == want)
                pl_report_node(diags, doc, "ORD-001", p, "el ordinal se escribe «%s», no «%.*s»",
                               wname, q, ord);
            else
                pl_report_node(diags, doc, "ORD-001", p,
                               "«%.*s» no es el ordinal que corresponde: se esperaba «%s»", q,
                               ord, wname);
            expected = (lv >= 1 && lv <= PL_ES_ORDINAL_MAX ? lv : expected) + 1;
            continue;
        }
        if (n == 1) {
            if (v != PL_ES_UNICO)
                pl_report_node(diags, doc, "ORD-001", p,
                               "un acuerdo de un solo punto lo llama «ÚNICO», no «%s»", ord);
            continue;
        }
        if (v == PL_ES_UNICO) {
            pl_report_node(diags, doc, "ORD-001", p,
                           "«ÚNICO» sólo corresponde a un acuerdo de un solo punto: "
                           "se esperaba «%s»", wname);
            expected++;
            continue;
        }
        if (v == expected) {
            expected++;
            continue;
        }
        if (v == expected - 1) {
            pl_report_node(diags, doc, "ORD-001", p, "el ordinal «%s» se repite: se esperaba «%s»",
                           ord, wname);
        } else if (v < expected) {
            pl_report_node(diags, doc, "ORD-001", p,
                           "el ordinal «%s» está fuera de orden: se esperaba «%s»", ord, wname);
        } else if (expected == 1) {
            pl_report_node(diags, doc, "ORD-001", p,
                           "el primer punto debe ser «PRIMERO», no «%s»", ord);
        } else {
            ordinal_name(expected - 1, prev);
            if (v == expected + 1) {
                pl_report_node(diags, doc, "ORD-001", p, "falta el punto %s: tras «%s» viene «%s»",
                               wname, prev, ord);
            } else {
                char last[PL_ES_ORDINAL_SIZE];
                ordinal_name(v - 1, last);
                pl_report_node(diags, doc, "ORD-001", p,
                               "faltan los puntos %s a %s: tras «%s» viene «%s»", wname, last,
                               prev, ord);
            }
        }
        /* Follow the author's numbering: one report per seam. */
        expected = v + 1;
    }
}

/* ---------------------------------------------------------------- */
/* ORD-001: "el punto TERCERO" in the text                           */

static pl_rx rx_punto = PL_RX("\\bpuntos?\\b", PCRE2_CASELESS);

/* After the ordinals: "del Orden del Día", "de los Lineamientos" … name a
 * punto of another document; "del presente Acuerdo" names ours. */
static pl_rx rx_other_doc = PL_RX(
    "\\s*,?\\s*(?:del|de(?:\\s+(?:la|las|los|el))?)\\s+"
    "(?!(?:presente|este|esta|mismo|propio)\\b)",
    PCRE2_CASELESS);

/* Separators inside a list of ordinals: "PRIMERO, SEGUNDO y TERCERO",
 * "PRIMERO al TERCERO". */
static pl_rx rx_list_sep = PL_RX("\\s*(?:,\\s*(?:y\\s+|e\\s+)?|\\s(?:y|e|o|u|al|a)\\s+)",
                                 PCRE2_CASELESS);

/* Most ordinals read in one list; a real list names a handful. */
#define REF_LIST_MAX 32

typedef struct ref_ctx {
    size_t npuntos;
    pl_diags *diags;
    pcre2_match_data *md;
} ref_ctx;

static pl_status scan_refs(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                           void *vctx)
{
    ref_ctx *c = vctx;
    const char *s = f->text;
    size_t n = f->len, at = 0;
    while (at < n) {
        int rc = pl_rx_search(&rx_punto, s, n, at, 0, c->md);
        if (rc == PL_RX_ENOMEM)
            return PL_ENOMEM;
        if (rc != 1)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
        int plural = ov[1] - ov[0] == 6;
        size_t i = ov[1];
        at = ov[1];
        if (i >= n || s[i] != ' ')
            continue;
        i++;
        /* The ordinals: one, or a list after "puntos". */
        size_t offs[REF_LIST_MAX], lens[REF_LIST_MAX], count = 0, end;
        int vals[REF_LIST_MAX];
        for (;;) {
            int v = pl_es_read_ordinal(s, n, i, &end);
            /* "un punto único de contacto": in lower case, único is an
             * adjective, not the name of a punto. */
            if (v == PL_ES_UNICO && (s[i] == 'u' || (s[i] == '\xC3' && s[i + 1] == '\xBA')))
                v = 0;
            if (v == 0)
                break;
            offs[count] = i;
            lens[count] = end - i;
            vals[count++] = v;
            i = end;
            if (!plural || count == REF_LIST_MAX)
                break;
            rc = pl_rx_search(&rx_list_sep, s, n, i, PCRE2_ANCHORED, c->md);
            if (rc == PL_RX_ENOMEM)
                return PL_ENOMEM;
            if (rc != 1)
                break;
            size_t next = pcre2_get_ovector_pointer(c->md)[1], e2;
            if (pl_es_read_ordinal(s, n, next, &e2) == 0)
                break;
            i = next;
        }
        if (count == 0)
            continue;
        at = i;
        rc = pl_rx_search(&rx_other_doc, s, n, i, PCRE2_ANCHORED, c->md);
        if (rc == PL_RX_ENOMEM)
            return PL_ENOMEM;
        if (rc == 1)
            continue; /* a punto of the Orden del Día, of other Lineamientos … */
        for (size_t k = 0; k < count; k++) {
            int v = vals[k];
            int q = pl_rules_quote_len(s + offs[k], lens[k], VALUE_QUOTE_MAX);
            if (c->npuntos == 1 && v != PL_ES_UNICO)
                pl_report_flat(c->diags, doc, "ORD-001", block, f, offs[k],
                               "se menciona el punto «%.*s», pero el acuerdo tiene un solo "
                               "punto (ÚNICO)", q, s + offs[k]);
            else if (c->npuntos > 1 && (v == PL_ES_UNICO || (size_t)v > c->npuntos))
                pl_report_flat(c->diags, doc, "ORD-001", block, f, offs[k],
                               "se menciona el punto «%.*s», pero el acuerdo tiene %zu puntos",
                               q, s + offs[k], c->npuntos);
        }
    }
    return PL_OK;
}

pl_status pl_check_ord_001(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *puntos = doc->root ? pl_node_child(doc->root, PL_N_PUNTOS) : NULL;
    if (puntos == NULL)
        return PL_OK;
    check_punto_ordinals(doc, diags, puntos);
    ref_ctx c = {pl_node_count(puntos, PL_N_PUNTO), diags, pl_rx_match_data()};
    if (c.md == NULL)
        return PL_ENOMEM;
    /* Annexes are documents of their own: their "puntos" are not ours. */
    pl_status st = pl_rules_each_text(doc, 1, scan_refs, &c);
    pcre2_match_data_free(c.md);
    return st;
}

/* ---------------------------------------------------------------- */
/* ORD-002: considerando/@numero                                     */

/* Largest considerando number read; beyond it the value is not believed
 * (and cannot overflow). */
#define CONSIDERANDO_MAX 100000

/* Value of a string of decimal digits; -1 when it has anything else (or
 * nothing), -2 when it is larger than CONSIDERANDO_MAX. Sets *canonical
 * when it has no leading zero. */
static long parse_decimal(const char *s, int *canonical)
{
    size_t n = strlen(s), i = 0;
    if (n == 0)
        return -1;
    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return -1;
    *canonical = s[0] != '0' || n == 1;
    for (i = 0; i < n - 1 && s[i] == '0'; i++)
        ;
    if (n - i > 6)
        return -2;
    long v = strtol(s + i, NULL, 10);
    return v <= CONSIDERANDO_MAX ? v : -2;
}

pl_status pl_check_ord_002(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *cons = doc->root ? pl_node_child(doc->root, PL_N_CONSIDERANDOS) : NULL;
    if (cons == NULL)
        return PL_OK;
    size_t written = 0;
    for (const pl_node *c = pl_node_child(cons, PL_N_CONSIDERANDO); c;
         c = pl_node_next_of(c, PL_N_CONSIDERANDO))
        written += pl_node_attr(c, "numero") != NULL;
    if (written == 0)
        return PL_OK;

    long expected = 1;
    int k = 0;
    for (const pl_node *c = pl_node_child(cons, PL_N_CONSIDERANDO); c;
         c = pl_node_next_of(c, PL_N_CONSIDERANDO)) {
        k++;
        const char *a = pl_node_attr(c, "numero");
        if (a == NULL) {
            pl_report_node(diags, doc, "ORD-002", c,
                           "al considerando %d le falta el número (los demás lo tienen): "
                           "se esperaba «%ld»", k, expected);
            expected++;
            continue;
        }
        int canonical = 0;
        long v = parse_decimal(a, &canonical);
        int q = pl_rules_quote_len(a, strlen(a), VALUE_QUOTE_MAX);
        if (a[0] == '\0') {
            pl_report_node(diags, doc, "ORD-002", c,
                           "el número del considerando %d está vacío: se esperaba «%ld»", k,
                           expected);
            expected++;
            continue;
        }
        if (v == -2) {
            pl_report_node(diags, doc, "ORD-002", c,
                           "el número de considerando «%.*s» es demasiado grande: "
                           "se esperaba «%ld»", q, a, expected);
            expected++;
            continue;
        }
        if (v < 1) {
            pl_report_node(diags, doc, "ORD-002", c,
                           "el número de considerando «%.*s» no es un entero positivo: "
                           "se esperaba «%ld»", q, a, expected);
            /* "0": the author counts from zero; follow. */
            expected = v == 0 ? 1 : expected + 1;
            continue;
        }
        if (!canonical) {
            if (v == expected)
                pl_report_node(diags, doc, "ORD-002", c,
                               "el número de considerando se escribe «%ld», no «%s»", v, a);
            else
                pl_report_node(diags, doc, "ORD-002", c,
                               "el número de considerando «%s» no es el que corresponde: "
                               "se esperaba «%ld»", a, expected);
            expected = v + 1;
            continue;
        }
        if (v == expected) {
            expected++;
            continue;
        }
        if (v == expected - 1)
            pl_report_node(diags, doc, "ORD-002", c,
                           "el considerando %ld se repite: se esperaba el %ld", v, expected);
        else if (v < expected)
            pl_report_node(diags, doc, "ORD-002", c,
                           "el considerando %ld está fuera de orden: se esperaba el %ld", v,
                           expected);
        else if (expected == 1)
            pl_report_node(diags, doc, "ORD-002", c,
                           "el primer considerando debe ser el 1, no el %ld", v);
        else if (v == expected + 1)
            pl_report_node(diags, doc, "ORD-002", c,
                           "falta el considerando %ld: tras el %ld viene el %ld", expected,
                           expected - 1, v);
        else
            pl_report_node(diags, doc, "ORD-002", c,
                           "faltan los considerandos %ld a %ld: tras el %ld viene el %ld",
                           expected, v - 1, expected - 1, v);
        expected = v + 1;
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}
