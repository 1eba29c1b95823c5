/* catalog: reading, validating and querying the catalogue of laws.
 *
 * Each DATADIR/catalogs/ (every .xml file) is parsed by load/ with the hardened options
 * of documents, validated against schemas/leyes.xsd, then read into plain
 * structures; what a schema cannot check (Roman numerals, calendar dates,
 * the order of versions, articles within the count, overlapping records,
 * unique claves across files) is checked here. Every problem is a CAT-001
 * diagnostic with the file, line and column of the element at fault. */
#include "catalog.h"

#include "../load/load.h"
#include "../schema/schema.h"
#include "../util/file.h"
#include "../util/roman.h"

#include <dirent.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RULE "CAT-001"

/* Most catalogue files read: a folder of state laws is a few dozen. */
#define CATALOG_FILES_MAX 1000

/* Most schema errors reported per file: after these, the rest usually
 * follow from the first. */
#define SCHEMA_ERRORS_MAX 20

/* ------------------------------------------------------------------ */
/* Fracciones                                                          */

static const char *const bis_names[] = {"", "", "Bis", "Ter", "Quáter", "Quinquies", "Sexies"};

const char *pl_cat_bis_name(int bis)
{
    return bis >= 2 && bis <= 6 ? bis_names[bis] : "";
}

/* Letter at s (ASCII capital or Ñ): its index in the Spanish alphabet and
 * its length in bytes, or 0. */
static int spanish_letter(const char *s, size_t n, size_t *len)
{
    unsigned char c = n > 0 ? (unsigned char)s[0] : 0;
    if (c >= 'A' && c <= 'Z') {
        *len = 1;
        return c <= 'N' ? c - 'A' + 1 : c - 'A' + 2;
    }
    if (n >= 2 && c == 0xC3 && (unsigned char)s[1] == 0x91) {
        *len = 2;
        return 15;
    }
    return 0;
}

static void put_letter(int letter, char *out)
{
    if (letter == 15) {
        strcpy(out, "Ñ");
    } else {
        out[0] = (char)(letter <= 14 ? 'A' + letter - 1 : 'A' + letter - 2);
        out[1] = '\0';
    }
}

int pl_frac_parse(const char *s, size_t n, pl_frac *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    while (i < n && s[i] != 0 && strchr("IVXLCDM", s[i]) != NULL)
        i++;
    out->num = pl_roman_value(s, i);
    if (out->num == 0)
        return -1;
    if (i < n && s[i] == '-') {
        size_t len;
        out->letter = spanish_letter(s + i + 1, n - i - 1, &len);
        if (out->letter == 0)
            return -1;
        i += 1 + len;
    }
    if (i < n && s[i] == ' ') {
        if (n - i - 1 == 3 && strncasecmp(s + i + 1, "bis", 3) == 0)
            out->bis = 2;
        else if (n - i - 1 == 3 && strncasecmp(s + i + 1, "ter", 3) == 0)
            out->bis = 3;
        else
            return -1;
        i = n;
    }
    return i == n ? 0 : -1;
}

char *pl_frac_label(const pl_frac *f, char *out, size_t size)
{
    char r[PL_ROMAN_SIZE], l[4] = "";
    if (pl_roman_write(f->num, r, sizeof r) != 0)
        strcpy(r, "?");
    if (f->letter)
        put_letter(f->letter, l);
    snprintf(out, size, "%s%s%s%s%s", r, f->letter ? "-" : "", l, f->bis ? " " : "",
             pl_cat_bis_name(f->bis));
    return out;
}

int pl_frac_set_has(const pl_frac_set *set, const pl_frac *f)
{
    for (size_t i = 0; i < set->n; i++) {
        const pl_frac_item *it = &set->items[i];
        if (it->last > 0) {
            if (f->letter == 0 && f->bis == 0 && f->num >= it->first.num && f->num <= it->last)
                return 1;
        } else if (it->first.num == f->num && it->first.letter == f->letter &&
                   it->first.bis == f->bis) {
            return 1;
        }
    }
    return 0;
}

int pl_frac_set_max(const pl_frac_set *set)
{
    int m = 0;
    for (size_t i = 0; i < set->n; i++) {
        const pl_frac_item *it = &set->items[i];
        int v = it->last > 0 ? it->last : it->first.num;
        if (v > m && it->first.letter == 0 && it->first.bis == 0)
            m = v;
    }
    return m;
}

int pl_frac_set_format(const pl_frac_set *set, size_t max_items, pl_buf *out)
{
    for (size_t i = 0; i < set->n; i++) {
        if (i == max_items)
            return pl_buf_puts(out, ", …");
        char a[32], b[PL_ROMAN_SIZE];
        const pl_frac_item *it = &set->items[i];
        pl_frac_label(&it->first, a, sizeof a);
        int rc = pl_buf_printf(out, "%s%s", i ? ", " : "", a);
        if (rc == 0 && it->last > 0 && pl_roman_write(it->last, b, sizeof b) == 0)
            rc = pl_buf_printf(out, " a %s", b);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */

const pl_cat_instrumento *pl_catalog_find(const pl_catalog *cat, const char *clave)
{
    for (size_t i = 0; cat && i < cat->ninstrumentos; i++)
        if (strcmp(cat->instrumentos[i].clave, clave) == 0)
            return &cat->instrumentos[i];
    return NULL;
}

static int version_start(const pl_cat_version *v)
{
    return v->vigor_desde ? v->vigor_desde : v->publicacion;
}

const pl_cat_version *pl_cat_version_at(const pl_cat_instrumento *ins, int date)
{
    const pl_cat_version *best = NULL;
    for (size_t i = 0; i < ins->nversiones; i++) {
        const pl_cat_version *v = &ins->versiones[i];
        if (version_start(v) <= date && (v->vigor_hasta <= 0 || date <= v->vigor_hasta))
            best = v; /* sorted by publication: the latest wins */
    }
    return best;
}

const pl_cat_version *pl_cat_version_published(const pl_cat_instrumento *ins, int date)
{
    const pl_cat_version *best = NULL;
    for (size_t i = 0; i < ins->nversiones; i++)
        if (ins->versiones[i].publicacion <= date)
            best = &ins->versiones[i];
    return best;
}

int pl_cat_version_in_force(const pl_cat_version *v, int date)
{
    if (date < v->publicacion)
        return 0;
    if (v->vigor_desde && date < v->vigor_desde)
        return 0;
    if (v->vigor_hasta > 0 && date > v->vigor_hasta)
        return 0;
    if (v->vigor_desde == 0 || v->vigor_hasta == PL_CAT_UNKNOWN)
        return -1;
    return 1;
}

const pl_cat_articulo *pl_cat_article(const pl_cat_version *v, int num, int bis, int date)
{
    for (size_t i = 0; i < v->narticulos; i++) {
        const pl_cat_articulo *a = &v->articulos_v[i];
        if (a->num != num || a->bis != bis)
            continue;
        if (date != 0 && ((a->desde && date < a->desde) || (a->hasta && date > a->hasta)))
            continue;
        return a;
    }
    return NULL;
}

int pl_cat_article_exists(const pl_cat_version *v, int num, int bis)
{
    if (pl_cat_article(v, num, bis, 0) != NULL)
        return 1;
    if (bis == 0 && v->articulos_minimos >= num)
        return 1;
    if (v->articulos == PL_CAT_UNKNOWN)
        return -1;
    /* A known count: articles are 1..count plus the Bis ones recorded. */
    return bis == 0 && num >= 1 && num <= v->articulos;
}

/* ------------------------------------------------------------------ */
/* Reading one file                                                    */

typedef struct reader {
    pl_catalog *cat;
    pl_diags *diags;
    const char *path; /* arena copy */
    const char *src;
    size_t len;
    size_t *tags; /* start-tag offsets, document order */
    size_t ntags;
    int errors;
} reader;

/* Line and column of element x (its '<'), from its document-order index
 * kept in _private. */
static void position_of(const reader *r, const xmlNode *x, int *line, int *col)
{
    *line = x ? (int)xmlGetLineNo(x) : 0;
    *col = 0;
    uintptr_t idx = x ? (uintptr_t)x->_private : 0;
    if (idx == 0 || idx > r->ntags)
        return;
    size_t off = r->tags[idx - 1], ls = 0;
    int l = 1;
    for (size_t i = 0; i < off && i < r->len; i++)
        if (r->src[i] == '\n') {
            l++;
            ls = i + 1;
        }
    int c = 1;
    for (size_t i = ls; i < off; i++)
        if (((unsigned char)r->src[i] & 0xC0) != 0x80)
            c++;
    *line = l;
    *col = c;
}

static void fail(reader *r, const xmlNode *x, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(reader *r, const xmlNode *x, const char *fmt, ...)
{
    int line, col;
    position_of(r, x, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    pl_diags_vadd(r->diags, r->path, line, col, PL_SEV_ERROR, RULE, NULL, fmt, ap);
    va_end(ap);
    r->errors++;
}

static void number_elements(xmlNode *x, uintptr_t *next)
{
    /* Iterative pre-order walk: libxml2 already bounds the depth, but a
     * walk without recursion costs nothing. */
    xmlNode *n = x;
    while (n != NULL) {
        if (n->type == XML_ELEMENT_NODE)
            n->_private = (void *)(++*next);
        if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n != NULL && n != x && n->next == NULL)
            n = n->parent;
        if (n == NULL || n == x)
            break;
        n = n->next;
    }
}

typedef struct vstate {
    reader *r;
    int count;
} vstate;

static void on_schema_error(void *user, xmlErrorPtr err)
{
    vstate *v = user;
    if (err == NULL || err->level < XML_ERR_ERROR)
        return;
    if (v->count++ >= SCHEMA_ERRORS_MAX)
        return;
    char *msg = pl_schema_translate(err->message ? err->message : "");
    const xmlNode *node = err->node;
    int line = err->line, col = 0;
    if (node != NULL)
        position_of(v->r, node, &line, &col);
    pl_diags_add(v->r->diags, v->r->path, line, col, PL_SEV_ERROR, RULE, NULL, "%s",
                 msg ? msg : "el catálogo no cumple schemas/leyes.xsd");
    free(msg);
    v->r->errors++;
}

static void quiet_error(void *user, xmlErrorPtr err)
{
    (void)user;
    (void)err;
}

static int is_el(const xmlNode *x, const char *name)
{
    return x->type == XML_ELEMENT_NODE && strcmp((const char *)x->name, name) == 0;
}

static size_t count_children(const xmlNode *x, const char *name)
{
    size_t n = 0;
    for (const xmlNode *c = x->children; c; c = c->next)
        n += is_el(c, name);
    return n;
}

/* Attribute value copied into the arena, or NULL when absent (or out of
 * memory: r->cat is then flagged through the caller's NULL checks). */
static const char *attr(reader *r, const xmlNode *x, const char *name)
{
    xmlChar *v = xmlGetProp(x, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    char *s = pl_arena_strdup(r->cat->arena, (const char *)v);
    xmlFree(v);
    return s;
}

/* Text of x with white space collapsed and trimmed, in the arena. */
static const char *text_of(reader *r, const xmlNode *x)
{
    xmlChar *v = xmlNodeGetContent(x);
    if (v == NULL)
        return pl_arena_strdup(r->cat->arena, "");
    size_t n = strlen((const char *)v), o = 0;
    char *d = pl_arena_alloc(r->cat->arena, n + 1);
    if (d != NULL) {
        int sp = 1;
        for (size_t i = 0; i < n; i++) {
            char c = (char)v[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (!sp)
                    d[o++] = ' ';
                sp = 1;
            } else {
                d[o++] = c;
                sp = 0;
            }
        }
        while (o > 0 && d[o - 1] == ' ')
            o--;
        d[o] = '\0';
    }
    xmlFree(v);
    return d;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

/* A date attribute: AAAAMMDD; 0 when absent; PL_CAT_UNKNOWN for
 * "desconocido"; -2 (reported) when it is not a calendar date. */
static int date_attr(reader *r, const xmlNode *x, const char *name)
{
    const char *v = attr(r, x, name);
    if (v == NULL)
        return 0;
    if (strcmp(v, "desconocido") == 0)
        return PL_CAT_UNKNOWN;
    int y, m, d;
    if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1800 || d < 1 || d > days_in_month(y, m)) {
        fail(r, x, "la fecha «%s» del atributo «%s» no existe", v, name);
        return -2;
    }
    return PL_DATE(y, m, d);
}

/* A count attribute: its value, or PL_CAT_UNKNOWN; 0 when absent. */
static long count_attr(reader *r, const xmlNode *x, const char *name)
{
    const char *v = attr(r, x, name);
    if (v == NULL)
        return 0;
    if (strcmp(v, "desconocido") == 0)
        return PL_CAT_UNKNOWN;
    long n = strtol(v, NULL, 10);
    return n > 100000 ? 100000 : n; /* no law has this many; keeps int math safe */
}

static void format_date(int date, char *out, size_t size)
{
    snprintf(out, size, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
}

/* Parses a list of fracciones attribute into set. Returns -1 when out of
 * memory; malformed items are reported. */
static int frac_list(reader *r, const xmlNode *x, const char *name, pl_frac_set *set)
{
    memset(set, 0, sizeof *set);
    const char *v = attr(r, x, name);
    if (v == NULL)
        return 0;
    set->known = 1;
    size_t items = 1;
    for (const char *p = v; *p; p++)
        items += *p == ',';
    set->items = pl_arena_alloc(r->cat->arena, items * sizeof *set->items);
    if (set->items == NULL)
        return -1;
    const char *p = v;
    while (*p) {
        const char *end = strstr(p, ", ");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        pl_frac_item *it = &set->items[set->n];
        const char *a = NULL;
        for (size_t i = 0; i + 3 <= n; i++)
            if (memcmp(p + i, " a ", 3) == 0) {
                a = p + i;
                break;
            }
        if (a != NULL) {
            size_t n1 = (size_t)(a - p), n2 = n - n1 - 3;
            it->first.num = pl_roman_value(p, n1);
            it->last = pl_roman_value(a + 3, n2);
            if (it->first.num == 0 || it->last == 0) {
                fail(r, x,
                     "«%.*s» en el atributo «%s» no es un intervalo de números romanos "
                     "válidos",
                     (int)n, p, name);
            } else if (it->last < it->first.num) {
                fail(r, x, "el intervalo «%.*s» del atributo «%s» va hacia atrás", (int)n, p, name);
            } else {
                set->n++;
            }
        } else if (pl_frac_parse(p, n, &it->first) != 0) {
            fail(r, x,
                 "«%.*s» en el atributo «%s» no es una fracción válida (número romano "
                 "en mayúsculas, p. ej. XIV, XXIX-Ñ o XXIII Bis)",
                 (int)n, p, name);
        } else {
            set->n++;
        }
        p += n;
        if (*p)
            p += 2;
    }
    return 0;
}

static int read_article_number(const char *s, int *num, int *bis)
{
    char *end;
    long v = strtol(s, &end, 10);
    *num = (int)v;
    *bis = 0;
    if (*end == ' ') {
        for (int b = 2; b <= 6; b++)
            if (strcmp(end + 1, bis_names[b]) == 0)
                *bis = b;
        if (*bis == 0)
            return -1;
    } else if (*end != '\0') {
        return -1;
    }
    return 0;
}

static pl_status read_apartado(reader *r, const xmlNode *x, pl_cat_apartado *ap)
{
    const char *l = attr(r, x, "letra");
    ap->letter = l ? l[0] : '?';
    if (frac_list(r, x, "fracciones", &ap->fracciones) != 0 ||
        frac_list(r, x, "fracciones-minimas", &ap->minimas) != 0 ||
        frac_list(r, x, "derogadas", &ap->derogadas) != 0)
        return PL_ENOMEM;
    return PL_OK;
}

static pl_status read_article(reader *r, const xmlNode *x, const pl_cat_version *v,
                              pl_cat_articulo *a)
{
    const char *n = attr(r, x, "n");
    if (n == NULL)
        return PL_ENOMEM;
    if (read_article_number(n, &a->num, &a->bis) != 0)
        fail(r, x, "«%s» no es un número de artículo", n);
    a->line = (int)xmlGetLineNo(x);
    a->desde = date_attr(r, x, "desde");
    a->hasta = date_attr(r, x, "hasta");
    if (a->desde > 0 && a->hasta > 0 && a->hasta < a->desde)
        fail(r, x, "el artículo %s termina (hasta) antes de empezar (desde)", n);
    if (v->articulos > 0 && a->bis == 0 && a->num > v->articulos)
        fail(r, x, "el artículo %s excede los %ld artículos de la versión %s", n, v->articulos,
             v->id);
    if (frac_list(r, x, "fracciones", &a->fracciones) != 0 ||
        frac_list(r, x, "fracciones-minimas", &a->minimas) != 0 ||
        frac_list(r, x, "derogadas", &a->derogadas) != 0)
        return PL_ENOMEM;
    a->napartados = count_children(x, "apartado");
    if (a->napartados) {
        a->apartados = pl_arena_alloc(r->cat->arena, a->napartados * sizeof *a->apartados);
        if (a->apartados == NULL)
            return PL_ENOMEM;
    }
    size_t k = 0;
    for (const xmlNode *c = x->children; c; c = c->next) {
        if (!is_el(c, "apartado"))
            continue;
        pl_status st = read_apartado(r, c, &a->apartados[k]);
        if (st != PL_OK)
            return st;
        for (size_t j = 0; j < k; j++)
            if (a->apartados[j].letter == a->apartados[k].letter)
                fail(r, c, "el apartado %c del artículo %s está repetido", a->apartados[k].letter,
                     n);
        k++;
    }
    return PL_OK;
}

static int overlaps(const pl_cat_articulo *a, const pl_cat_articulo *b)
{
    int a0 = a->desde, a1 = a->hasta > 0 ? a->hasta : 99999999;
    int b0 = b->desde, b1 = b->hasta > 0 ? b->hasta : 99999999;
    return a0 <= b1 && b0 <= a1;
}

static pl_status read_version(reader *r, const xmlNode *x, const char *clave, pl_cat_version *v)
{
    v->id = attr(r, x, "id");
    if (v->id == NULL)
        return PL_ENOMEM;
    v->publicacion = date_attr(r, x, "publicacion");
    v->vigor_desde = date_attr(r, x, "vigor-desde");
    v->vigor_hasta = date_attr(r, x, "vigor-hasta");
    v->completas_desde = date_attr(r, x, "fracciones-completas-desde");
    v->articulos = count_attr(r, x, "articulos");
    v->articulos_minimos = count_attr(r, x, "articulos-minimos");
    v->transitorios = count_attr(r, x, "transitorios");
    if (v->vigor_desde < 0)
        v->vigor_desde = 0;
    if (v->completas_desde < 0)
        v->completas_desde = 0;
    char a[16], b[16];
    if (v->publicacion > 0 && v->vigor_desde > 0 && v->vigor_desde < v->publicacion) {
        format_date(v->vigor_desde, a, sizeof a);
        format_date(v->publicacion, b, sizeof b);
        fail(r, x, "la versión %s de %s entra en vigor (%s) antes de publicarse (%s)", v->id, clave,
             a, b);
    }
    int start = v->vigor_desde ? v->vigor_desde : v->publicacion;
    if (v->vigor_hasta > 0 && start > 0 && v->vigor_hasta < start) {
        format_date(v->vigor_hasta, a, sizeof a);
        fail(r, x, "la versión %s de %s deja de regir (%s) antes de empezar", v->id, clave, a);
    }
    if (v->articulos > 0 && v->articulos_minimos > v->articulos)
        fail(r, x, "la versión %s de %s tiene %ld artículos, pero articulos-minimos dice %ld",
             v->id, clave, v->articulos, v->articulos_minimos);
    v->narticulos = count_children(x, "articulo");
    if (v->narticulos) {
        v->articulos_v = pl_arena_alloc(r->cat->arena, v->narticulos * sizeof *v->articulos_v);
        if (v->articulos_v == NULL)
            return PL_ENOMEM;
    }
    size_t k = 0;
    for (const xmlNode *c = x->children; c; c = c->next) {
        if (!is_el(c, "articulo"))
            continue;
        pl_status st = read_article(r, c, v, &v->articulos_v[k]);
        if (st != PL_OK)
            return st;
        for (size_t j = 0; j < k; j++) {
            const pl_cat_articulo *p = &v->articulos_v[j], *q = &v->articulos_v[k];
            if (p->num == q->num && p->bis == q->bis && overlaps(p, q)) {
                fail(r, c,
                     "el artículo %d%s%s ya está registrado en la línea %d para "
                     "fechas que se solapan con éstas (use desde y hasta)",
                     q->num, q->bis ? " " : "", pl_cat_bis_name(q->bis), p->line);
                break;
            }
        }
        k++;
    }
    return PL_OK;
}

/* The texts of the children named name, into an arena array. */
static pl_status texts(reader *r, const xmlNode *x, const char *name, const char ***out, size_t *n)
{
    *n = count_children(x, name);
    *out = NULL;
    if (*n == 0)
        return PL_OK;
    *out = pl_arena_alloc(r->cat->arena, *n * sizeof **out);
    if (*out == NULL)
        return PL_ENOMEM;
    size_t k = 0;
    for (const xmlNode *c = x->children; c; c = c->next)
        if (is_el(c, name)) {
            (*out)[k] = text_of(r, c);
            if ((*out)[k++] == NULL)
                return PL_ENOMEM;
        }
    return PL_OK;
}

static const xmlNode *child(const xmlNode *x, const char *name)
{
    for (const xmlNode *c = x->children; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

static int cmp_version(const void *a, const void *b)
{
    const pl_cat_version *x = a, *y = b;
    return (x->publicacion > y->publicacion) - (x->publicacion < y->publicacion);
}

static const xmlNode *nth_child(const xmlNode *x, const char *name, size_t k)
{
    for (const xmlNode *c = x->children; c; c = c->next)
        if (is_el(c, name) && k-- == 0)
            return c;
    return NULL;
}

static pl_status read_instrument(reader *r, const xmlNode *x, pl_cat_instrumento *ins)
{
    pl_status st;
    ins->file = r->path;
    ins->line = (int)xmlGetLineNo(x);
    ins->clave = attr(r, x, "clave");
    ins->nombre = text_of(r, child(x, "nombre"));
    ins->referencia = text_of(r, child(x, "referencia"));
    if (ins->clave == NULL || ins->nombre == NULL || ins->referencia == NULL)
        return PL_ENOMEM;
    if ((st = texts(r, x, "variante", &ins->variantes, &ins->nvariantes)) != PL_OK ||
        (st = texts(r, x, "corto", &ins->cortos, &ins->ncortos)) != PL_OK ||
        (st = texts(r, x, "siglas", &ins->siglas, &ins->nsiglas)) != PL_OK ||
        (st = texts(r, x, "adjetivo", &ins->adjetivos, &ins->nadjetivos)) != PL_OK)
        return st;
    ins->nversiones = count_children(x, "version");
    ins->versiones = pl_arena_alloc(r->cat->arena, ins->nversiones * sizeof *ins->versiones);
    if (ins->versiones == NULL)
        return PL_ENOMEM;
    size_t k = 0;
    for (const xmlNode *c = x->children; c; c = c->next) {
        if (!is_el(c, "version"))
            continue;
        if ((st = read_version(r, c, ins->clave, &ins->versiones[k])) != PL_OK)
            return st;
        for (size_t j = 0; j < k; j++)
            if (strcmp(ins->versiones[j].id, ins->versiones[k].id) == 0)
                fail(r, c, "la versión %s de %s está repetida", ins->versiones[k].id, ins->clave);
        k++;
    }
    /* Versions follow one another: each ends before the next begins. The
     * check runs in file order, where a user reads them. */
    for (size_t j = 1; j < ins->nversiones; j++) {
        const pl_cat_version *p = &ins->versiones[j - 1], *q = &ins->versiones[j];
        const xmlNode *at = nth_child(x, "version", j);
        int qstart = q->vigor_desde ? q->vigor_desde : q->publicacion;
        if (q->publicacion < p->publicacion) {
            fail(r, at,
                 "las versiones de %s van en orden de publicación: la %s se publicó "
                 "antes que la %s",
                 ins->clave, q->id, p->id);
        } else if (p->vigor_hasta == 0) {
            fail(r, at, "la versión %s de %s no tiene vigor-hasta, pero le sigue la versión %s",
                 p->id, ins->clave, q->id);
        } else if (p->vigor_hasta > 0 && qstart > 0 && p->vigor_hasta >= qstart) {
            fail(r, at, "la versión %s de %s empieza a regir antes de que termine la %s", q->id,
                 ins->clave, p->id);
        }
    }
    qsort(ins->versiones, ins->nversiones, sizeof *ins->versiones, cmp_version);
    return PL_OK;
}

static pl_status read_body(reader *r, const xmlNode *x, pl_cat_organismo *o)
{
    pl_status st;
    o->clave = attr(r, x, "clave");
    o->nombre = text_of(r, child(x, "nombre"));
    if (o->clave == NULL || o->nombre == NULL)
        return PL_ENOMEM;
    if ((st = texts(r, x, "siglas", &o->siglas, &o->nsiglas)) != PL_OK)
        return st;
    const xmlNode *e = child(x, "extincion");
    if (e != NULL) {
        o->extincion = date_attr(r, e, "fecha");
        o->fundamento = attr(r, e, "fundamento");
    }
    return PL_OK;
}

/* Grows an array of n elements of size sz by one; the new element is
 * zeroed. Returns it, or NULL. */
static void *grow(void **arr, size_t *n, size_t sz)
{
    void *p = realloc(*arr, (*n + 1) * sz);
    if (p == NULL)
        return NULL;
    *arr = p;
    memset((char *)p + *n * sz, 0, sz);
    return (char *)p + (*n)++ * sz;
}

/* Checks across instruments (and files) as each one is added. */
static void check_unique(reader *r, const xmlNode *x, const char *clave, const char *nombre,
                         const char *const *siglas, size_t nsiglas)
{
    const pl_catalog *cat = r->cat;
    for (size_t i = 0; i < cat->ninstrumentos; i++) {
        const pl_cat_instrumento *o = &cat->instrumentos[i];
        if (strcmp(o->clave, clave) == 0) {
            fail(r, x, "la clave %s ya se usa en %s:%d", clave, o->file, o->line);
            return;
        }
        if (nombre && strcasecmp(o->nombre, nombre) == 0)
            fail(r, x, "el nombre «%s» ya es el de %s (%s:%d)", nombre, o->clave, o->file, o->line);
        for (size_t a = 0; a < nsiglas; a++)
            for (size_t b = 0; b < o->nsiglas; b++)
                if (strcmp(siglas[a], o->siglas[b]) == 0)
                    fail(r, x, "las siglas %s ya son de %s (%s:%d)", siglas[a], o->clave, o->file,
                         o->line);
    }
    for (size_t i = 0; i < cat->norganismos; i++)
        if (strcmp(cat->organismos[i].clave, clave) == 0)
            fail(r, x, "la clave %s ya es la de un organismo", clave);
}

static pl_status read_file(pl_catalog *cat, const char *path, xmlSchemaPtr schema, pl_diags *diags)
{
    pl_status st = PL_OK;
    pl_buf data = PL_BUF_INIT;
    xmlDocPtr xdoc = NULL;
    reader r;
    memset(&r, 0, sizeof r);
    r.cat = cat;
    r.diags = diags;
    r.path = pl_arena_strdup(cat->arena, path);
    if (r.path == NULL)
        return PL_ENOMEM;

    int err, opening;
    st = pl_read_file(path, PL_CATALOG_MAX_BYTES, &data, &err, &opening);
    if (st == PL_EIO) {
        pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, RULE, NULL, "no se puede %s el catálogo: %s",
                     opening ? "abrir" : "leer", pl_strerror(err));
        st = PL_EDATA;
    } else if (st == PL_ELIMIT) {
        pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, RULE, NULL,
                     "el catálogo excede el máximo de %u bytes", PL_CATALOG_MAX_BYTES);
        st = PL_EDATA;
    }
    if (st != PL_OK)
        goto done;
    r.src = data.data ? data.data : "";
    r.len = data.len;

    st = pl_load_parse_xml(r.path, r.src, r.len, RULE, diags, &xdoc);
    if (st == PL_EDOC || st == PL_ELIMIT)
        st = PL_EDATA;
    if (st != PL_OK)
        goto done;
    if (pl_load_start_tags(r.src, r.len, &r.tags, &r.ntags) != 0) {
        st = PL_ENOMEM;
        goto done;
    }
    xmlNodePtr root = xmlDocGetRootElement(xdoc);
    uintptr_t next = 0;
    number_elements(root, &next);

    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    if (vc == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    vstate vs = {&r, 0};
    xmlSchemaSetValidStructuredErrors(vc, on_schema_error, &vs);
    int rc = xmlSchemaValidateDoc(vc, xdoc);
    xmlSchemaFreeValidCtxt(vc);
    if (rc != 0 || vs.count > 0) {
        if (vs.count == 0)
            fail(&r, root, "el catálogo no cumple schemas/leyes.xsd");
        st = PL_EDATA;
        goto done;
    }

    for (xmlNode *c = root->children; c; c = c->next) {
        if (is_el(c, "instrumento")) {
            pl_cat_instrumento ins;
            memset(&ins, 0, sizeof ins);
            if ((st = read_instrument(&r, c, &ins)) != PL_OK)
                goto done;
            check_unique(&r, c, ins.clave, ins.nombre, ins.siglas, ins.nsiglas);
            pl_cat_instrumento *slot =
                grow((void **)&cat->instrumentos, &cat->ninstrumentos, sizeof *slot);
            if (slot == NULL) {
                st = PL_ENOMEM;
                goto done;
            }
            *slot = ins;
        } else if (is_el(c, "organismo")) {
            pl_cat_organismo o;
            memset(&o, 0, sizeof o);
            if ((st = read_body(&r, c, &o)) != PL_OK)
                goto done;
            check_unique(&r, c, o.clave, NULL, NULL, 0);
            pl_cat_organismo *slot =
                grow((void **)&cat->organismos, &cat->norganismos, sizeof *slot);
            if (slot == NULL) {
                st = PL_ENOMEM;
                goto done;
            }
            *slot = o;
        }
    }
    if (r.errors > 0)
        st = PL_EDATA;
done:
    free(r.tags);
    if (xdoc)
        xmlFreeDoc(xdoc);
    pl_buf_free(&data);
    return st;
}

/* ------------------------------------------------------------------ */
/* Loading the folder                                                  */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

pl_status pl_catalog_load(const char *datadir, pl_diags *diags, pl_catalog **out)
{
    pl_status st = PL_OK;
    *out = NULL;
    pl_buf dir = PL_BUF_INIT, xsd = PL_BUF_INIT;
    char **files = NULL;
    size_t nfiles = 0;
    xmlSchemaPtr schema = NULL;
    pl_catalog *cat = calloc(1, sizeof *cat);
    if (cat == NULL || (cat->arena = pl_arena_new()) == NULL ||
        pl_buf_printf(&dir, "%s/catalogs", datadir) != 0 ||
        pl_buf_printf(&xsd, "%s/schemas/leyes.xsd", datadir) != 0) {
        st = PL_ENOMEM;
        goto done;
    }

    DIR *d = opendir(dir.data);
    if (d == NULL) {
        pl_diags_add(diags, dir.data, 0, 0, PL_SEV_ERROR, "IO-004", NULL,
                     "no se encuentra la carpeta de catálogos (%s); ¿instalación incompleta? "
                     "use PLENO_DATADIR",
                     pl_strerror(errno));
        st = PL_EDATA;
        goto done;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t k = strlen(e->d_name);
        if (e->d_name[0] == '.' || k < 5 || strcmp(e->d_name + k - 4, ".xml") != 0)
            continue;
        if (nfiles == CATALOG_FILES_MAX)
            break;
        char *p = NULL;
        char **slot = grow((void **)&files, &nfiles, sizeof *files);
        if (slot == NULL || (p = malloc(dir.len + k + 2)) == NULL) {
            if (slot != NULL)
                nfiles--;
            st = PL_ENOMEM;
            break;
        }
        snprintf(p, dir.len + k + 2, "%s/%s", dir.data, e->d_name);
        *slot = p;
    }
    closedir(d);
    if (st != PL_OK)
        goto done;
    if (nfiles > 1)
        qsort(files, nfiles, sizeof *files, cmp_str);

    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd.data);
    if (pc == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    xmlSchemaSetParserStructuredErrors(pc, quiet_error, NULL);
    schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (schema == NULL) {
        pl_diags_add(diags, xsd.data, 0, 0, PL_SEV_ERROR, "IO-004", NULL,
                     "no se pudo cargar el esquema de los catálogos; ¿instalación "
                     "incompleta? use PLENO_DATADIR");
        st = PL_EDATA;
        goto done;
    }

    /* Every file is read even after a broken one: one run reports all. */
    for (size_t i = 0; i < nfiles; i++) {
        pl_status fst = read_file(cat, files[i], schema, diags);
        if (fst == PL_ENOMEM) {
            st = fst;
            goto done;
        }
        if (fst != PL_OK)
            st = fst;
    }

done:
    if (schema)
        xmlSchemaFree(schema);
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    pl_buf_free(&dir);
    pl_buf_free(&xsd);
    if (st == PL_ENOMEM)
        pl_diags_add(diags, datadir, 0, 0, PL_SEV_ERROR, "IO-003", NULL,
                     "memoria insuficiente al leer el catálogo de leyes");
    if (st != PL_OK) {
        pl_catalog_free(cat);
        return st;
    }
    *out = cat;
    return PL_OK;
}

void pl_catalog_free(pl_catalog *cat)
{
    if (cat == NULL)
        return;
    free(cat->instrumentos);
    free(cat->organismos);
    pl_arena_free(cat->arena);
    free(cat);
}
