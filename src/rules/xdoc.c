/* rules: checks across documents (XDOC-001, XDOC-002). See xdoc.h. */
#include "xdoc.h"

#include "../util/buf.h"
#include "numero.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An acuerdo: its number where it is written, and the session the number
 * names (when it parses). */
typedef struct agreement {
    char *path, *organ, *number, *xpath;
    int line, col;
    int parsed;
    pl_numero num;
} agreement;

/* An acta: its body and session, and the numbers of the agreements it
 * records (those it numbers). */
typedef struct record {
    char *path, *organ;
    int extraordinary, session, day, month, year;
    char **numbers;
    size_t nnumbers;
} record;

struct pl_xdoc {
    agreement *ag;
    size_t nag, capag;
    record *rec;
    size_t nrec, caprec;
};

pl_xdoc *pl_xdoc_new(void)
{
    return calloc(1, sizeof(pl_xdoc));
}

void pl_xdoc_free(pl_xdoc *x)
{
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->nag; i++) {
        free(x->ag[i].path);
        free(x->ag[i].organ);
        free(x->ag[i].number);
        free(x->ag[i].xpath);
    }
    for (size_t i = 0; i < x->nrec; i++) {
        free(x->rec[i].path);
        free(x->rec[i].organ);
        for (size_t k = 0; k < x->rec[i].nnumbers; k++)
            free(x->rec[i].numbers[k]);
        free(x->rec[i].numbers);
    }
    free(x->ag);
    free(x->rec);
    free(x);
}

/* A copy of s, trimmed of white space; NULL for NULL (or no memory, which
 * the caller tells apart through its source). */
static char *trimmed(const char *s)
{
    if (s == NULL)
        return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    char *r = malloc(n + 1);
    if (r) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}

static const char *organ_of(const pl_doc *doc)
{
    const pl_node *o = pl_node_at(doc->root, "metadatos/organo");
    const char *s = o ? pl_node_attr(o, "siglas") : NULL;
    return s ? s : "";
}

static pl_status add_acuerdo(pl_xdoc *x, const pl_doc *doc)
{
    const pl_node *n = pl_node_at(doc->root, "metadatos/numero");
    if (n == NULL)
        return PL_OK;
    char *text = pl_node_text((pl_doc *)doc, n);
    if (text == NULL)
        return PL_ENOMEM;
    if (x->nag == x->capag) {
        size_t cap = x->capag ? x->capag * 2 : 16;
        agreement *a = realloc(x->ag, cap * sizeof *a);
        if (a == NULL)
            return PL_ENOMEM;
        x->ag = a;
        x->capag = cap;
    }
    agreement *a = &x->ag[x->nag];
    memset(a, 0, sizeof *a);
    pl_buf xp = PL_BUF_INIT;
    pl_node_xpath(n, &xp);
    a->path = trimmed(doc->path);
    a->organ = trimmed(organ_of(doc));
    a->number = trimmed(text);
    a->xpath = xp.data ? pl_buf_detach(&xp) : trimmed("");
    pl_buf_free(&xp);
    a->line = n->line;
    a->col = n->col;
    if (!a->path || !a->organ || !a->number || !a->xpath) {
        free(a->path);
        free(a->organ);
        free(a->number);
        free(a->xpath);
        return PL_ENOMEM;
    }
    pl_numero_error err;
    a->parsed = pl_numero_parse(a->number, strlen(a->number), &a->num, &err) == 0;
    x->nag++;
    return PL_OK;
}

static pl_status add_acta(pl_xdoc *x, const pl_doc *doc)
{
    const pl_node *s = pl_node_at(doc->root, "metadatos/sesion");
    const char *tipo = s ? pl_node_attr(s, "tipo") : NULL;
    const char *num = s ? pl_node_attr(s, "numero") : NULL;
    const char *fecha = s ? pl_node_attr(s, "fecha") : NULL;
    record r;
    memset(&r, 0, sizeof r);
    if (tipo == NULL || num == NULL || fecha == NULL ||
        sscanf(fecha, "%d-%d-%d", &r.year, &r.month, &r.day) != 3)
        return PL_OK; /* the schema has said what is missing */
    r.extraordinary = strcmp(tipo, "extraordinaria") == 0;
    r.session = atoi(num);
    if (x->nrec == x->caprec) {
        size_t cap = x->caprec ? x->caprec * 2 : 8;
        record *v = realloc(x->rec, cap * sizeof *v);
        if (v == NULL)
            return PL_ENOMEM;
        x->rec = v;
        x->caprec = cap;
    }
    r.path = trimmed(doc->path);
    r.organ = trimmed(organ_of(doc));
    const pl_node *list = pl_node_named(doc->root, "acuerdos");
    size_t n = 0;
    for (const pl_node *c = pl_node_named(list, "acuerdo"); c; c = pl_node_next_named(c, "acuerdo"))
        n += pl_node_attr(c, "numero") != NULL;
    r.numbers = n ? calloc(n, sizeof *r.numbers) : NULL;
    x->rec[x->nrec++] = r; /* owned by x from here on, even if incomplete */
    record *rp = &x->rec[x->nrec - 1];
    if (!rp->path || !rp->organ || (n && !rp->numbers))
        return PL_ENOMEM;
    for (const pl_node *c = pl_node_named(list, "acuerdo"); c; c = pl_node_next_named(c, "acuerdo")) {
        const char *v = pl_node_attr(c, "numero");
        if (v == NULL)
            continue;
        if ((rp->numbers[rp->nnumbers] = trimmed(v)) == NULL)
            return PL_ENOMEM;
        rp->nnumbers++;
    }
    return PL_OK;
}

pl_status pl_xdoc_add(pl_xdoc *x, const pl_doc *doc)
{
    if (doc == NULL || doc->root == NULL)
        return PL_OK;
    if (doc->kind == PL_KIND_ACUERDO)
        return add_acuerdo(x, doc);
    if (doc->kind == PL_KIND_ACTA)
        return add_acta(x, doc);
    return PL_OK;
}

static int same_session(const agreement *a, const record *r)
{
    const pl_numero *n = &a->num;
    return (strcmp(n->type, "EXT") == 0) == (r->extraordinary != 0) &&
           (n->session == 0 || n->session == r->session) && n->day == r->day &&
           n->month == r->month && n->year == r->year;
}

static void xdoc_diag(pl_diags *d, const agreement *a, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void xdoc_diag(pl_diags *d, const agreement *a, const char *id, const char *fmt, ...)
{
    pl_buf m = PL_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    pl_buf_vprintf(&m, fmt, ap);
    va_end(ap);
    pl_diags_add(d, a->path, a->line, a->col, PL_SEV_ERROR, id, a->xpath, "%s",
                 m.data ? m.data : "");
    pl_buf_free(&m);
}

pl_status pl_xdoc_check(const pl_xdoc *x, pl_diags *diags)
{
    for (size_t i = 0; i < x->nag; i++) {
        const agreement *a = &x->ag[i];
        /* XDOC-002: the first document with this number is the reference */
        for (size_t k = 0; k < i; k++)
            if (strcmp(x->ag[k].number, a->number) == 0) {
                xdoc_diag(diags, a, "XDOC-002",
                          "el número %s ya lo lleva otro acuerdo: %s:%d:%d", a->number,
                          x->ag[k].path, x->ag[k].line, x->ag[k].col);
                break;
            }
        if (!a->parsed || a->organ[0] == '\0')
            continue; /* NUM-001 says what is wrong with the number */
        /* XDOC-001: only when the body's actas are among the documents */
        int body_has_actas = 0;
        const record *match = NULL;
        for (size_t k = 0; k < x->nrec; k++) {
            const record *r = &x->rec[k];
            if (strcmp(r->organ, a->organ) != 0)
                continue;
            body_has_actas = 1;
            if (match == NULL && same_session(a, r))
                match = r;
        }
        if (!body_has_actas)
            continue;
        const pl_numero *n = &a->num;
        if (match == NULL) {
            char session[16] = "";
            if (n->session)
                snprintf(session, sizeof session, " %d", n->session);
            xdoc_diag(diags, a, "XDOC-001",
                      "el acuerdo %s es de la sesión %s%s del %02d/%02d/%04d y entre los "
                      "documentos no hay acta de esa sesión de %s",
                      a->number, strcmp(n->type, "EXT") == 0 ? "extraordinaria" : "ordinaria",
                      session, n->day, n->month, n->year, a->organ);
            continue;
        }
        if (match->nnumbers == 0)
            continue; /* the acta does not number its agreements */
        int listed = 0;
        for (size_t k = 0; k < match->nnumbers && !listed; k++)
            listed = strcmp(match->numbers[k], a->number) == 0;
        if (!listed)
            xdoc_diag(diags, a, "XDOC-001",
                      "el acta de su sesión (%s) no registra el acuerdo %s entre los adoptados",
                      match->path, a->number);
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}
