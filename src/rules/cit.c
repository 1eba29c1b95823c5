/* rules CIT-001 … CIT-008: legal citations, checked against the catalogue
 * of laws (the .xml files of catalogs/, read by catalog/).
 *
 *   CIT-001  malformed citation: impossible Roman numeral, article 0, a
 *            range that runs backwards
 *   CIT-002  an instrument name not in the catalogue that resembles one
 *            that is ("¿quiso decir …?")
 *   CIT-003  the article (or transitorio) does not exist in the version
 *            cited, where the catalogue knows how many there are
 *   CIT-004  the fracción or apartado does not exist in that article,
 *            where the catalogue knows
 *   CIT-005  a short name used before it is defined, or one that could
 *            mean two instruments; an anaphora with nothing to refer to
 *   CIT-006  the instrument was not in force on the document's date; a
 *            body named after its extinction (INAI)
 *   CIT-007  (warning) mixed ordinal signs: 6o., 6º, 6°
 *   CIT-008  (warning) "Articulo" without its accent
 *
 * The citations are read by cite.c; each rule reads them again (they are
 * cheap next to loading the document) so that every rule stays a plain
 * function of the document. Only citations that name their instrument are
 * checked against the catalogue: one that names none is listed by `pleno
 * cites` with the instrument its sentence suggests, but a guess is not
 * grounds for an error. */
#include "check.h"
#include "cite.h"
#include "es.h"

#include "../catalog/catalog.h"
#include "../util/roman.h"

#include <stdio.h>
#include <string.h>

/* How many fracciones a message lists before "…": art. 73 of the
 * Constitution has sixty. */
#define FRACS_SHOWN 6

static const pl_catalog *catalog;

void pl_rules_set_catalog(const pl_catalog *cat)
{
    catalog = cat;
}

const pl_catalog *pl_rules_catalog(void)
{
    return catalog;
}

/* ---------------------------------------------------------------- */
/* Wording                                                           */

/* "la LGTAIP de 2025", "el Reglamento del Consejo Nacional del SNT" (the
 * version only when the instrument has several). */
static void name_of(const pl_cite *c, pl_buf *b)
{
    pl_buf_puts(b, c->ins->referencia);
    if (c->ver && c->ins->nversiones > 1)
        pl_buf_printf(b, " de %s", c->ver->id);
}

/* "de la LGTAIP", "del Reglamento …", "de los Lineamientos …". */
static void of_name(const pl_cite *c, pl_buf *b)
{
    const char *r = c->ins->referencia;
    if (strncmp(r, "el ", 3) == 0) {
        pl_buf_puts(b, "del ");
        pl_buf_puts(b, r + 3);
        if (c->ver && c->ins->nversiones > 1)
            pl_buf_printf(b, " de %s", c->ver->id);
        return;
    }
    pl_buf_puts(b, "de ");
    name_of(c, b);
}

static void date_words(int date, char *out, size_t size)
{
    snprintf(out, size, "%d de %s de %d", date % 100, pl_es_month_name(date / 100 % 100),
             date / 10000);
}

static const char *str(pl_buf *b)
{
    return b->data ? b->data : "";
}

/* ---------------------------------------------------------------- */
/* The citations of the document being checked                       */

/* Every CIT rule reads the same citations: they are extracted once per
 * pl_rules_run, which calls pl_cit_forget when the run ends (so a later
 * document, even at the same address, is read afresh). */
static const pl_doc *memo_doc;
static pl_cites *memo;

static pl_status cites_of(const pl_doc *doc, pl_cites **out)
{
    if (memo == NULL || memo_doc != doc) {
        pl_cit_forget();
        pl_status st = pl_cites_extract(doc, catalog, &memo);
        if (st != PL_OK) {
            memo = NULL;
            return st;
        }
        memo_doc = doc;
    }
    *out = memo;
    return PL_OK;
}

void pl_cit_forget(void)
{
    pl_cites_free(memo);
    memo = NULL;
    memo_doc = NULL;
}

/* ---------------------------------------------------------------- */
/* The rules that only report what the reader found                  */

static pl_status report_issues(const pl_doc *doc, pl_diags *diags, const char *rule)
{
    pl_cites *cs;
    pl_status st = cites_of(doc, &cs);
    if (st != PL_OK)
        return st;
    for (size_t i = 0; i < cs->nissues; i++) {
        const pl_cite_issue *is = &cs->issues[i];
        if (strcmp(is->rule, rule) == 0)
            pl_report_at(diags, doc, rule, is->line, is->col, is->at, "%s", is->message);
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

pl_status pl_check_cit_001(const pl_doc *doc, pl_diags *diags)
{
    return report_issues(doc, diags, "CIT-001");
}

pl_status pl_check_cit_002(const pl_doc *doc, pl_diags *diags)
{
    return report_issues(doc, diags, "CIT-002");
}

pl_status pl_check_cit_005(const pl_doc *doc, pl_diags *diags)
{
    return report_issues(doc, diags, "CIT-005");
}

pl_status pl_check_cit_008(const pl_doc *doc, pl_diags *diags)
{
    return report_issues(doc, diags, "CIT-008");
}

/* ---------------------------------------------------------------- */
/* CIT-003: articles and transitorios                                 */

/* Whether a citation is checked against the catalogue. */
static int checkable(const pl_cite *c, int date)
{
    return date != 0 && !c->malformed && c->ins != NULL && c->ver != NULL &&
           c->via != PL_VIA_CONTEXT && c->via != PL_VIA_UNKNOWN && c->article > 0;
}

static void check_article(const pl_doc *doc, pl_diags *diags, const pl_cite *c, int num, int bis)
{
    const pl_cat_version *v = c->ver;
    pl_buf b = PL_BUF_INIT;
    name_of(c, &b);
    if (c->transitorio) {
        if (v->transitorios > 0 && num > v->transitorios) {
            pl_cite t = *c;
            t.article = num;
            t.article_to = 0;
            char label[96];
            pl_cite_article_label(&t, 0, label, sizeof label);
            pl_report_at(diags, doc, "CIT-003", c->line, c->col, c->at,
                         "el %s no existe en %s, que tiene %ld transitorios", label, str(&b),
                         v->transitorios);
        }
        pl_buf_free(&b);
        return;
    }
    if (pl_cat_article_exists(v, num, bis) == 0) {
        int any_bis = 0;
        for (size_t i = 0; i < v->narticulos; i++)
            any_bis |= v->articulos_v[i].bis != 0;
        pl_report_at(diags, doc, "CIT-003", c->line, c->col, c->at,
                     "el artículo %d%s%s no existe en %s, que tiene %ld artículos%s", num,
                     bis ? " " : "", pl_cat_bis_name(bis), str(&b), v->articulos,
                     bis && !any_bis ? " y ninguno Bis" : "");
    }
    pl_buf_free(&b);
}

pl_status pl_check_cit_003(const pl_doc *doc, pl_diags *diags)
{
    pl_cites *cs;
    pl_status st = cites_of(doc, &cs);
    if (st != PL_OK)
        return st;
    for (size_t i = 0; i < cs->n; i++) {
        const pl_cite *c = &cs->v[i];
        if (!checkable(c, cs->date))
            continue;
        if (c->unico)
            continue;
        check_article(doc, diags, c, c->article, c->bis);
        if (c->article_to > c->article)
            check_article(doc, diags, c, c->article_to, 0);
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* CIT-004: apartados and fracciones                                 */

/* The date the structure is looked up at: the document's, within the
 * version's life. */
static int structure_date(const pl_cite *c, int date)
{
    const pl_cat_version *v = c->ver;
    if (v->vigor_hasta > 0 && date > v->vigor_hasta)
        return v->vigor_hasta;
    int start = v->vigor_desde ? v->vigor_desde : v->publicacion;
    return date < start ? start : date;
}

static void list_apartados(const pl_cat_articulo *a, pl_buf *b)
{
    for (size_t i = 0; i < a->napartados; i++)
        pl_buf_printf(b, "%s%c",
                      i == 0                   ? ""
                      : i + 1 == a->napartados ? " y "
                                               : ", ",
                      a->apartados[i].letter);
}

/* Whether the fracciones of set are known completely on date. */
static int complete(const pl_cite *c, const pl_frac_set *set, int date)
{
    return set->known || (c->ver->completas_desde && date >= c->ver->completas_desde);
}

static void check_frac(const pl_doc *doc, pl_diags *diags, const pl_cite *c,
                       const pl_cat_articulo *a, const pl_frac *f, int date)
{
    char label[32];
    pl_frac_label(f, label, sizeof label);
    pl_buf where = PL_BUF_INIT, have = PL_BUF_INIT;
    pl_buf_printf(&where, "el artículo %d%s%s ", c->article, c->bis ? " " : "",
                  pl_cat_bis_name(c->bis));
    of_name(c, &where);
    if (c->apartado && a != NULL && a->napartados) {
        const pl_cat_apartado *ap = NULL;
        for (size_t i = 0; i < a->napartados; i++)
            if (a->apartados[i].letter == c->apartado)
                ap = &a->apartados[i];
        if (ap == NULL)
            goto done; /* CIT-004 on the apartado already */
        if (ap->fracciones.known) {
            if (!pl_frac_set_has(&ap->fracciones, f)) {
                pl_frac_set_format(&ap->fracciones, FRACS_SHOWN, &have);
                pl_report_at(diags, doc, "CIT-004", c->line, c->col, c->at,
                             "la fracción %s no existe en el apartado %c de%s, que tiene las "
                             "fracciones %s",
                             label, c->apartado, str(&where) + 1, str(&have));
            }
        } else if (!ap->minimas.known && complete(c, &ap->fracciones, date)) {
            pl_report_at(diags, doc, "CIT-004", c->line, c->col, c->at,
                         "el apartado %c de%s no tiene fracciones (se cita la %s)", c->apartado,
                         str(&where) + 1, label);
        }
        goto done;
    }
    if (c->apartado)
        goto done; /* apartados the catalogue does not list (art. 41's are in fracciones) */
    if (a != NULL && a->napartados) {
        int found = 0, all_known = 1;
        for (size_t i = 0; i < a->napartados; i++) {
            const pl_cat_apartado *ap = &a->apartados[i];
            if (ap->fracciones.known)
                found |= pl_frac_set_has(&ap->fracciones, f);
            else if (ap->minimas.known || !complete(c, &ap->fracciones, date))
                all_known = 0;
        }
        if (!found && all_known) {
            for (size_t i = 0; i < a->napartados; i++) {
                const pl_cat_apartado *ap = &a->apartados[i];
                if (!ap->fracciones.known)
                    continue;
                pl_buf_printf(&have, "%s%c: ", have.len ? "; " : "", ap->letter);
                pl_frac_set_format(&ap->fracciones, FRACS_SHOWN, &have);
            }
            pl_report_at(diags, doc, "CIT-004", c->line, c->col, c->at,
                         "la fracción %s no existe en ningún apartado de%s (%s)", label,
                         str(&where) + 1, str(&have));
        }
        goto done;
    }
    if (a != NULL && a->fracciones.known) {
        if (!pl_frac_set_has(&a->fracciones, f)) {
            pl_frac_set_format(&a->fracciones, FRACS_SHOWN, &have);
            pl_report_at(diags, doc, "CIT-004", c->line, c->col, c->at,
                         "la fracción %s no existe en %s, que tiene las fracciones %s", label,
                         str(&where), str(&have));
        }
        goto done;
    }
    if ((a == NULL || (!a->minimas.known && !a->fracciones.known)) && c->ver->completas_desde &&
        date >= c->ver->completas_desde)
        pl_report_at(diags, doc, "CIT-004", c->line, c->col, c->at,
                     "%s no tiene fracciones (se cita la %s)", str(&where), label);
done:
    pl_buf_free(&where);
    pl_buf_free(&have);
}

pl_status pl_check_cit_004(const pl_doc *doc, pl_diags *diags)
{
    pl_cites *cs;
    pl_status st = cites_of(doc, &cs);
    if (st != PL_OK)
        return st;
    for (size_t i = 0; i < cs->n; i++) {
        const pl_cite *c = &cs->v[i];
        if (!checkable(c, cs->date) || c->transitorio || c->article_to ||
            (c->nfracs == 0 && !c->apartado) ||
            pl_cat_article_exists(c->ver, c->article, c->bis) == 0)
            continue;
        int date = structure_date(c, cs->date);
        const pl_cat_articulo *a = pl_cat_article(c->ver, c->article, c->bis, date);
        if (c->apartado && a != NULL && a->napartados) {
            int found = 0;
            for (size_t k = 0; k < a->napartados; k++)
                found |= a->apartados[k].letter == c->apartado;
            if (!found) {
                pl_buf b = PL_BUF_INIT, l = PL_BUF_INIT;
                of_name(c, &b);
                list_apartados(a, &l);
                pl_report_at(diags, doc, "CIT-004", c->line, c->col, c->at,
                             "el apartado %c no existe en el artículo %d %s, que tiene %s %s",
                             c->apartado, c->article, str(&b),
                             a->napartados == 1 ? "el apartado" : "los apartados", str(&l));
                pl_buf_free(&b);
                pl_buf_free(&l);
                continue;
            }
        }
        for (size_t k = 0; k < c->nfracs; k++) {
            check_frac(doc, diags, c, a, &c->fracs[k].f, date);
            if (c->fracs[k].to > c->fracs[k].f.num) {
                pl_frac last = {c->fracs[k].to, 0, 0};
                check_frac(doc, diags, c, a, &last, date);
            }
        }
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* CIT-006: in force on the document's date                          */

pl_status pl_check_cit_006(const pl_doc *doc, pl_diags *diags)
{
    pl_cites *cs;
    pl_status st = cites_of(doc, &cs);
    if (st != PL_OK)
        return st;
    int date = cs->date, last_group = -1;
    char when[48], d1[48];
    if (date)
        date_words(date, when, sizeof when);
    for (size_t i = 0; date && i < cs->n; i++) {
        const pl_cite *c = &cs->v[i];
        if (c->group == last_group)
            continue;
        last_group = c->group;
        if (c->ins == NULL || c->abrogada || c->via == PL_VIA_CONTEXT || c->via == PL_VIA_ANAPHORA)
            continue;
        pl_buf b = PL_BUF_INIT;
        if (c->ver == NULL) {
            pl_buf_puts(&b, c->ins->referencia);
            date_words(c->ins->versiones[0].publicacion, d1, sizeof d1);
            pl_report_at(diags, doc, "CIT-006", c->line, c->col, c->at,
                         "%s aún no se publicaba el %s, fecha del documento: se publicó el %s",
                         str(&b), when, d1);
        } else if (pl_cat_version_in_force(c->ver, date) == 0) {
            const pl_cat_version *v = c->ver;
            name_of(c, &b);
            if (date < v->publicacion) {
                date_words(v->publicacion, d1, sizeof d1);
                pl_report_at(diags, doc, "CIT-006", c->line, c->col, c->at,
                             "%s aún no se publicaba el %s, fecha del documento: se publicó "
                             "el %s",
                             str(&b), when, d1);
            } else if (v->vigor_desde && date < v->vigor_desde) {
                date_words(v->vigor_desde, d1, sizeof d1);
                pl_report_at(diags, doc, "CIT-006", c->line, c->col, c->at,
                             "%s aún no estaba en vigor el %s, fecha del documento: rige desde "
                             "el %s",
                             str(&b), when, d1);
            } else {
                date_words(v->vigor_hasta, d1, sizeof d1);
                pl_report_at(diags, doc, "CIT-006", c->line, c->col, c->at,
                             "%s ya no estaba en vigor el %s, fecha del documento: rigió hasta "
                             "el %s",
                             str(&b), when, d1);
            }
        }
        pl_buf_free(&b);
    }
    for (size_t i = 0; date && i < cs->nbodies; i++) {
        const pl_cite_body *b = &cs->bodies[i];
        if (b->exempt || b->org->extincion == 0 || date < b->org->extincion)
            continue;
        date_words(b->org->extincion, d1, sizeof d1);
        pl_report_at(diags, doc, "CIT-006", b->line, b->col, b->at,
                     "«%s» ya no existía el %s, fecha del documento: se extinguió el %s (%s); "
                     "si se alude al pasado, escriba «el extinto %s»",
                     b->text, when, d1, b->org->fundamento ? b->org->fundamento : "",
                     b->org->nsiglas ? b->org->siglas[0] : b->text);
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* CIT-007: one ordinal sign per document                            */

static const char *sign_text(pl_cite_sign s)
{
    return s == PL_SIGN_O ? "o." : s == PL_SIGN_ORD ? "º" : "°";
}

pl_status pl_check_cit_007(const pl_doc *doc, pl_diags *diags)
{
    pl_cites *cs;
    pl_status st = cites_of(doc, &cs);
    if (st != PL_OK)
        return st;
    const pl_cite *first = NULL;
    for (size_t i = 0; i < cs->n; i++) {
        const pl_cite *c = &cs->v[i];
        if (c->sign == PL_SIGN_NONE)
            continue;
        if (first == NULL) {
            first = c;
            continue;
        }
        if (c->sign != first->sign)
            pl_report_at(diags, doc, "CIT-007", c->line, c->col, c->at,
                         "el ordinal del artículo %d se escribe con «%s», pero el documento "
                         "usa «%s» desde la línea %d (artículo %d%s): use un solo signo",
                         c->article, sign_text(c->sign), sign_text(first->sign), first->line,
                         first->article, sign_text(first->sign));
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}
