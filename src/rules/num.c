/* rules NUM-001 … NUM-003: the agreement number in metadatos/numero is
 * well formed, agrees with the session metadata, and is the one the text
 * mentions where it names this acuerdo (annex title, publication link,
 * "Anexo 1 del Acuerdo …"). */
#include "check.h"
#include "numero.h"
#include "rx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest mention quoted in a message: a number is about 40 bytes; a
 * longer run is a mistake worth seeing, but not in full. */
#define MENTION_QUOTE_MAX 60

/* How far before a mention to look for "Anexo N del Acuerdo": the phrase
 * is at most a few dozen bytes. */
#define ANNEX_PHRASE_WINDOW 96

/* Our number: the flat text of metadatos/numero, parsed. */
typedef struct our_number {
    pl_flat flat;
    const pl_node *node;
    int ok; /* parsed */
    pl_numero num;
    pl_numero_error err;
    char date[16]; /* "DD/MM/AAAA" */
} our_number;

/* Returns PL_OK with o->node NULL when the document has no numero. */
static pl_status our_number_load(const pl_doc *doc, our_number *o)
{
    memset(o, 0, sizeof *o);
    pl_acuerdo_meta m;
    pl_rules_acuerdo_meta(doc, &m);
    if (m.numero == NULL)
        return PL_OK;
    if (pl_flat_build(m.numero, 0, &o->flat) != 0)
        return PL_ENOMEM;
    o->node = m.numero;
    o->ok = pl_numero_parse(o->flat.text, o->flat.len, &o->num, &o->err) == 0;
    if (o->ok)
        snprintf(o->date, sizeof o->date, "%02d/%02d/%04d", o->num.day, o->num.month,
                 o->num.year);
    return PL_OK;
}

/* ---------------------------------------------------------------- */
/* NUM-001                                                           */

pl_status pl_check_num_001(const pl_doc *doc, pl_diags *diags)
{
    our_number o;
    pl_status st = our_number_load(doc, &o);
    if (st == PL_OK && o.node != NULL && !o.ok)
        pl_report_flat(diags, doc, "NUM-001", o.node, &o.flat, o.err.off, "%s", o.err.msg);
    pl_flat_free(&o.flat);
    return st;
}

/* ---------------------------------------------------------------- */
/* NUM-002                                                           */

pl_status pl_check_num_002(const pl_doc *doc, pl_diags *diags)
{
    our_number o;
    pl_status st = our_number_load(doc, &o);
    pl_acuerdo_meta m;
    pl_rules_acuerdo_meta(doc, &m);
    if (st != PL_OK || o.node == NULL || !o.ok || m.sesion == NULL)
        goto done;

    const char *tipo = pl_node_attr(m.sesion, "tipo");
    if (tipo != NULL) {
        const char *want = strcmp(tipo, "ordinaria") == 0        ? "ORD"
                         : strcmp(tipo, "extraordinaria") == 0 ? "EXT"
                                                                 : NULL;
        if (want != NULL && strcmp(want, o.num.type) != 0)
            pl_report_flat(diags, doc, "NUM-002", o.node, &o.flat, o.num.type_off,
                           "el número dice sesión %s (%s), pero metadatos/sesion/@tipo es %s",
                           o.num.type,
                           strcmp(o.num.type, "ORD") == 0 ? "ordinaria" : "extraordinaria",
                           tipo);
    }

    const char *numero = pl_node_attr(m.sesion, "numero");
    if (numero != NULL && o.num.session != 0) {
        char *end;
        long v = strtol(numero, &end, 10);
        if (*end == '\0' && v != o.num.session)
            pl_report_flat(diags, doc, "NUM-002", o.node, &o.flat, o.num.session_off,
                           "el número dice sesión %02d, pero metadatos/sesion/@numero es %s",
                           o.num.session, numero);
    }

    const char *fecha = pl_node_attr(m.sesion, "fecha");
    int y, mo, d;
    if (fecha != NULL && pl_rules_parse_iso_date(fecha, &y, &mo, &d) == 0 &&
        (y != o.num.year || mo != o.num.month || d != o.num.day))
        pl_report_flat(diags, doc, "NUM-002", o.node, &o.flat, o.num.date_off,
                       "el número dice fecha %s, pero metadatos/sesion/@fecha es %s", o.date,
                       fecha);
done:
    pl_flat_free(&o.flat);
    return st;
}

/* ---------------------------------------------------------------- */
/* NUM-003                                                           */

/* A mention: the prefix, then what can belong to a number (letters,
 * digits, slashes, hyphens and the dashes that get typed for them). It
 * ends at anything else: ".pdf", ")", ",", a space. */
static pl_rx rx_mention = PL_RX(
    "CONAIP/SNT/ACUERDO/[A-Za-z0-9/\\-\\x{2010}-\\x{2015}\\x{2212}]*", PCRE2_CASELESS);

/* "(Anexo 1 del Acuerdo " right before a mention. */
static pl_rx rx_annex_phrase = PL_RX(
    "\\banexo\\s+[\\p{L}\\p{N}]+\\s+del\\s+acuerdo\\s*$", PCRE2_CASELESS);

typedef struct scan_ctx {
    our_number *ours;
    pl_diags *diags;
    pcre2_match_data *md;
} scan_ctx;

/* Trims the slashes and hyphens a sentence or path can leave at the end
 * of a mention ("…/2017-07/"). */
static size_t mention_end(const char *s, size_t start, size_t end)
{
    while (end > start && (s[end - 1] == '/' || s[end - 1] == '-'))
        end--;
    return end;
}

static int contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

/* Whether the block is where an annex names the acuerdo it belongs to:
 * the annex's title or its cover. */
static int is_annex_heading(const pl_node *block)
{
    if (block->type == PL_N_TITLE && block->parent && block->parent->type == PL_N_ANNEX)
        return 1;
    for (const pl_node *p = block; p; p = p->parent)
        if (p->type == PL_N_COVER)
            return 1;
    return 0;
}

/* 1 when "Anexo N del Acuerdo" ends right before byte ms of f. */
static int after_annex_phrase(const pl_flat *f, size_t ms, pcre2_match_data *md)
{
    size_t from = ms > ANNEX_PHRASE_WINDOW ? ms - ANNEX_PHRASE_WINDOW : 0;
    while (from > 0 && ((unsigned char)f->text[from] & 0xC0) == 0x80)
        from--;
    /* The subject ends at the mention, so "$" anchors the phrase to it. */
    return pl_rx_search(&rx_annex_phrase, f->text, ms, from, 0, md) == 1;
}

static pl_status scan_text(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                           void *vctx)
{
    scan_ctx *c = vctx;
    const our_number *o = c->ours;
    size_t at = 0;
    while (at < f->len) {
        int rc = pl_rx_search(&rx_mention, f->text, f->len, at, 0, c->md);
        if (rc == PL_RX_ENOMEM)
            return PL_ENOMEM;
        if (rc != 1)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
        size_t ms = ov[0], me = mention_end(f->text, ov[0], ov[1]);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        size_t mlen = me - ms;
        if (mlen == o->flat.len && memcmp(f->text + ms, o->flat.text, mlen) == 0)
            continue;
        const pl_node *t = NULL;
        int line, col;
        pl_flat_pos(doc, f, ms, &line, &col, &t);
        int names_us = contains(f->text + ms, mlen, o->date) || is_annex_heading(block) ||
                       pl_rules_inside(t, block, PL_N_LINK) ||
                       after_annex_phrase(f, ms, c->md);
        if (names_us)
            pl_report_flat(c->diags, doc, "NUM-003", block, f, ms,
                           "la mención «%.*s» no coincide con el número de este acuerdo, «%s»",
                           pl_rules_quote_len(f->text + ms, mlen, MENTION_QUOTE_MAX),
                           f->text + ms, o->flat.text);
    }
    return PL_OK;
}

/* enlace/@href: any mention in a link must be ours. */
static pl_status scan_links(const pl_doc *doc, scan_ctx *c)
{
    const our_number *o = c->ours;
    pl_iter it;
    pl_iter_init(&it, doc->root);
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        if (it.ev != PL_ITER_ENTER || it.cur->type != PL_N_LINK)
            continue;
        const char *href = pl_node_attr(it.cur, "href");
        if (href == NULL)
            continue;
        size_t len = strlen(href), at = 0;
        while (at < len) {
            int rc = pl_rx_search(&rx_mention, href, len, at, 0, c->md);
            if (rc == PL_RX_ENOMEM)
                return PL_ENOMEM;
            if (rc != 1)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
            size_t ms = ov[0], me = mention_end(href, ov[0], ov[1]);
            at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            size_t mlen = me - ms;
            if (mlen == o->flat.len && memcmp(href + ms, o->flat.text, mlen) == 0)
                continue;
            pl_report_node(c->diags, doc, "NUM-003", it.cur,
                           "el enlace apunta a «%.*s», que no coincide con el número de "
                           "este acuerdo, «%s»",
                           pl_rules_quote_len(href + ms, mlen, MENTION_QUOTE_MAX), href + ms,
                           o->flat.text);
        }
    }
    return PL_OK;
}

pl_status pl_check_num_003(const pl_doc *doc, pl_diags *diags)
{
    our_number o;
    scan_ctx c = {&o, diags, NULL};
    pl_status st = our_number_load(doc, &o);
    /* A malformed number of our own is NUM-001's: comparing mentions with
     * it would only repeat that. */
    if (st != PL_OK || o.node == NULL || !o.ok)
        goto done;
    c.md = pl_rx_match_data();
    if (c.md == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    PL_CHECK(pl_rules_each_text(doc, 0, scan_text, &c));
    PL_CHECK(scan_links(doc, &c));
done:
    pcre2_match_data_free(c.md);
    pl_flat_free(&o.flat);
    return st;
}
