/* rules ID-001, ID-002, ID-003: identifier families found in running text
 * besides agreement numbers and legal citations.
 *   ID-001  INAI plenary agreements: ACT-PUB/DD/MM/AAAA.NN (also
 *           ACT-EXT-PUB/…), well formed, with a real date.
 *   ID-002  references to the Diario Oficial: "DOF 04/05/2016" or
 *           "DOF 20-03-2025", one separator, four-digit year, real date.
 *   ID-003  official letters (oficios) such as CGAyTP/0032/2017: the year
 *           is not after the document's own. */
#include "check.h"
#include "es.h"
#include "rx.h"

#include <stdlib.h>
#include <string.h>

/* A token that starts like a plenary agreement, up to white space. */
static pl_rx rx_act = PL_RX("\\bACT-(?:EXT-)?PUB\\S*", 0);
/* The well-formed shape, anchored at the token's start. */
static pl_rx rx_act_ok =
    PL_RX("ACT-(?:EXT-)?PUB/([0-9]{2})/([0-9]{2})/([0-9]{4})\\.([0-9]{2})", PCRE2_ANCHORED);
/* "DOF" and a numeric date after it. */
static pl_rx rx_dof = PL_RX("\\bDOF\\s+([0-9]{1,2})([/-])([0-9]{1,2})([/-])([0-9]+)\\b", 0);
/* Oficio numbers: an office's initials, a number of 3 to 5 digits, a year. */
static pl_rx rx_oficio =
    PL_RX("\\b[A-Z][A-Za-z]{1,15}(?:/[A-Z][A-Za-z]{1,15})*/([0-9]{3,5})/([0-9]{4})\\b", 0);

typedef struct id_ctx {
    pl_diags *diags;
    pcre2_match_data *md;
    pcre2_match_data *md2;
    int year; /* of the document, 0 when unknown */
} id_ctx;

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && v < 100000; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Token length without closing punctuation that belongs to the sentence. */
static size_t trim_token(const char *s, size_t n)
{
    /* closing punctuation and a final period belong to the sentence (the
     * ".NN" separator is never last: digits follow it) */
    while (n > 0 && strchr(",;:.)]»”\"'", s[n - 1]) != NULL)
        n--;
    return n;
}

static pl_status check_act(const pl_doc *doc, const pl_node *block, const pl_flat *f, id_ctx *c)
{
    size_t at = 0, ms, me;
    int rc;
    while ((rc = pl_rx_next(&rx_act, f->text, f->len, &at, c->md, &ms, &me)) == 1) {
        size_t len = trim_token(f->text + ms, me - ms);
        int ok = pl_rx_search(&rx_act_ok, f->text, ms + len, ms, PCRE2_ANCHORED, c->md2);
        if (ok == PL_RX_ENOMEM)
            return PL_ENOMEM;
        PCRE2_SIZE *o2 = pcre2_get_ovector_pointer(c->md2);
        if (ok != 1 || o2[1] != ms + len) {
            pl_report_flat(c->diags, doc, "ID-001", block, f, ms,
                           "el acuerdo del Pleno del INAI «%.*s» no tiene la forma "
                           "ACT-PUB/DD/MM/AAAA.NN (p. ej. ACT-PUB/20/08/2014.04)",
                           (int)len, f->text + ms);
            continue;
        }
        int d = num(f->text + o2[2], o2[3] - o2[2]), m = num(f->text + o2[4], o2[5] - o2[4]),
            y = num(f->text + o2[6], o2[7] - o2[6]);
        if (!pl_date_valid(y, m, d)) {
            char why[96];
            pl_report_flat(c->diags, doc, "ID-001", block, f, o2[2],
                           "la fecha %02d/%02d/%04d del acuerdo «%.*s» no existe: %s", d, m, y,
                           (int)len, f->text + ms, pl_date_why_invalid(y, m, d, why, sizeof why));
        } else if (c->year > 0 && y > c->year) {
            pl_report_flat(c->diags, doc, "ID-001", block, f, ms,
                           "el acuerdo «%.*s» es de %d, posterior a la fecha del documento (%d)",
                           (int)len, f->text + ms, y, c->year);
        }
    }
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

static pl_status check_dof(const pl_doc *doc, const pl_node *block, const pl_flat *f, id_ctx *c)
{
    size_t at = 0, ms, me;
    int rc;
    while ((rc = pl_rx_next(&rx_dof, f->text, f->len, &at, c->md, &ms, &me)) == 1) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
        const char *t = f->text;
        int d = num(t + ov[2], ov[3] - ov[2]), m = num(t + ov[6], ov[7] - ov[6]);
        size_t ylen = ov[11] - ov[10];
        int y = num(t + ov[10], ylen);
        if (t[ov[4]] != t[ov[8]]) {
            pl_report_flat(c->diags, doc, "ID-002", block, f, ms,
                           "la referencia «%.*s» mezcla separadores: use DD/MM/AAAA o "
                           "DD-MM-AAAA", (int)(me - ms), t + ms);
        } else if (ylen != 4) {
            pl_report_flat(c->diags, doc, "ID-002", block, f, ov[10],
                           "el año de la referencia «%.*s» va con cuatro cifras", (int)(me - ms),
                           t + ms);
        } else if (!pl_date_valid(y, m, d)) {
            char why[96];
            pl_report_flat(c->diags, doc, "ID-002", block, f, ov[2],
                           "la fecha de la referencia «%.*s» no existe: %s", (int)(me - ms),
                           t + ms, pl_date_why_invalid(y, m, d, why, sizeof why));
        }
        /* a publication after the document's date is an anachronism of the
         * instrument published: CIT-006 reports it, with the law's name */
    }
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

static pl_status check_oficio(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                              id_ctx *c)
{
    size_t at = 0, ms, me;
    int rc;
    while ((rc = pl_rx_next(&rx_oficio, f->text, f->len, &at, c->md, &ms, &me)) == 1) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
        /* agreement numbers, URLs and paths are not oficios */
        if ((ms > 0 && (f->text[ms - 1] == '/' || f->text[ms - 1] == '.')) ||
            strncmp(f->text + ms, "CONAIP/", 7) == 0 || strncmp(f->text + ms, "ACT-", 4) == 0)
            continue;
        int y = num(f->text + ov[4], ov[5] - ov[4]);
        if (num(f->text + ov[2], ov[3] - ov[2]) == 0) {
            pl_report_flat(c->diags, doc, "ID-003", block, f, ov[2],
                           "el oficio «%.*s» tiene el número 0", (int)(me - ms), f->text + ms);
        } else if (y < 1990) {
            pl_report_flat(c->diags, doc, "ID-003", block, f, ov[4],
                           "el año %d del oficio «%.*s» no es plausible", y, (int)(me - ms),
                           f->text + ms);
        } else if (c->year > 0 && y > c->year) {
            pl_report_flat(c->diags, doc, "ID-003", block, f, ov[4],
                           "el oficio «%.*s» es de %d, posterior a la fecha del documento (%d)",
                           (int)(me - ms), f->text + ms, y, c->year);
        }
    }
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

typedef pl_status (*id_fn)(const pl_doc *, const pl_node *, const pl_flat *, id_ctx *);

typedef struct id_run {
    id_ctx c;
    id_fn fn;
} id_run;

static pl_status each(const pl_doc *doc, const pl_node *block, const pl_flat *f, void *vctx)
{
    id_run *r = vctx;
    return r->fn(doc, block, f, &r->c);
}

static pl_status run(const pl_doc *doc, pl_diags *diags, id_fn fn)
{
    id_run r = {{diags, pl_rx_match_data(), pl_rx_match_data(), pl_rules_doc_year(doc)}, fn};
    pl_status st = PL_ENOMEM;
    if (r.c.md != NULL && r.c.md2 != NULL)
        st = pl_rules_each_text(doc, 0, each, &r);
    pcre2_match_data_free(r.c.md);
    pcre2_match_data_free(r.c.md2);
    return st;
}

pl_status pl_check_id_001(const pl_doc *doc, pl_diags *diags)
{
    return run(doc, diags, check_act);
}

pl_status pl_check_id_002(const pl_doc *doc, pl_diags *diags)
{
    return run(doc, diags, check_dof);
}

pl_status pl_check_id_003(const pl_doc *doc, pl_diags *diags)
{
    return run(doc, diags, check_oficio);
}
