/* rules SEG-001 … SEG-007: the follow-up (seguimiento) of a work
 * programme.
 *   SEG-001  ids nest: a line of action under its objective (A.1.1 in
 *            A.1), a product under a declared line (A.1.1.2 under A.1.1).
 *   SEG-002  numbering has no gaps: objectives, the lines of each
 *            objective, the products of each line run 1, 2, 3…
 *   SEG-003  what a row names or repeats (objetivo=, linea=, grupo=,
 *            idem=) leads somewhere and agrees with the row's id.
 *   SEG-004  progress is a percentage or the pending state, never both
 *            nor neither; nothing is pending at 100 %; a pending cell is
 *            empty.
 *   SEG-005  the cut-off date is not after the session nor the document.
 *   SEG-006  a progress percentage written in the text is the avance.
 *   SEG-007  what is data is not written as text: ditto marks, a
 *            «[PENDIENTE]» cell, the id at the start of a text.
 * Repeated ids, references to nothing declared and percentages outside
 * 0–100 are the schema's (XSD-001). The resolution of references is
 * src/model/seguimiento.c's, shared with the layout. */
#include "check.h"
#include "es.h"
#include "rx.h"

#include "../model/seguimiento.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest text quoted in a message. */
#define QUOTE_MAX 60

/* ---------------------------------------------------------------- */
/* Shared                                                            */

/* Length of id's prefix before its last ".N" component (N digits only),
 * with that number in *num; 0 when id has no such component. Numbers of
 * more than 9 digits are not read (the schema allows 4). */
static size_t id_split(const char *id, long *num)
{
    const char *dot = id ? strrchr(id, '.') : NULL;
    if (dot == NULL || dot == id || dot[1] == '\0' || strlen(dot + 1) > 9)
        return 0;
    long v = 0;
    for (const char *p = dot + 1; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (*p - '0');
    }
    *num = v;
    return (size_t)(dot - id);
}

/* A malloc'ed copy of the first n bytes of s; NULL when out of memory. */
static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static const char *id_or(const pl_node *n)
{
    const char *id = n ? pl_node_attr(n, "id") : NULL;
    return id ? id : "?";
}

/* The declared line of action and objective a product id places it
 * under (NULL when not declared, or when the id has no line). */
static pl_status id_places(const pl_seg *s, const char *id, const pl_node **linea,
                           const pl_node **objetivo)
{
    long num;
    size_t n = id_split(id, &num);
    *linea = *objetivo = NULL;
    if (n == 0)
        return PL_OK;
    char *key = dup_n(id, n);
    if (key == NULL)
        return PL_ENOMEM;
    *linea = pl_seg_find_linea(s, key);
    size_t m = id_split(key, &num);
    if (*linea != NULL && pl_node_is((*linea)->parent, "objetivo")) {
        *objetivo = (*linea)->parent;
    } else if (m > 0) {
        key[m] = '\0';
        *objetivo = pl_seg_find_objetivo(s, key);
    }
    free(key);
    return PL_OK;
}

/* The flat text of n (NULL: empty) in *f. Returns PL_OK or PL_ENOMEM. */
static pl_status flat_of(const pl_node *n, pl_flat *f)
{
    memset(f, 0, sizeof *f);
    if (n == NULL)
        return PL_OK;
    if (pl_flat_build(n, 0, f) != 0) {
        pl_flat_free(f);
        return PL_ENOMEM;
    }
    return PL_OK;
}

/* The root of a seguimiento, or NULL. */
static const pl_node *seg_root(const pl_doc *doc)
{
    return doc->root && pl_node_is(doc->root, "seguimiento") ? doc->root : NULL;
}

/* ---------------------------------------------------------------- */
/* SEG-001: ids nest                                                 */

pl_status pl_check_seg_001(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *root = seg_root(doc);
    if (root == NULL)
        return PL_OK;
    pl_seg *s = pl_seg_new(doc);
    if (s == NULL)
        return PL_ENOMEM;
    pl_status st = PL_OK;
    const pl_node *objetivos = pl_node_named(root, "objetivos");
    for (const pl_node *o = pl_node_named(objetivos, "objetivo"); o;
         o = pl_node_next_named(o, "objetivo")) {
        const char *oid = id_or(o);
        for (const pl_node *l = pl_node_named(o, "linea-accion"); l;
             l = pl_node_next_named(l, "linea-accion")) {
            const char *lid = id_or(l);
            long num;
            size_t n = id_split(lid, &num);
            if (n == 0)
                pl_report_node(diags, doc, "SEG-001", l,
                               "el id de la línea de acción «%s» no se numera bajo el de su "
                               "objetivo, %s (%s.1, %s.2…)",
                               lid, oid, oid, oid);
            else if (strlen(oid) != n || memcmp(lid, oid, n) != 0)
                pl_report_node(diags, doc, "SEG-001", l,
                               "la línea de acción %s está declarada en el objetivo %s, pero "
                               "su id la ubica en el objetivo %.*s",
                               lid, oid, (int)n, lid);
        }
    }
    for (size_t i = 0; i < pl_seg_count(s); i++) {
        const pl_seg_row *r = pl_seg_row_at(s, i);
        long num;
        size_t n = id_split(r->id, &num);
        if (n == 0) {
            pl_report_node(diags, doc, "SEG-001", r->producto,
                           "el id del producto «%s» no se numera bajo una línea de acción "
                           "(A.1.1.2 es el producto 2 de la línea A.1.1)",
                           id_or(r->producto));
            continue;
        }
        const pl_node *linea, *objetivo;
        PL_CHECK(id_places(s, r->id, &linea, &objetivo));
        if (linea == NULL)
            pl_report_node(diags, doc, "SEG-001", r->producto,
                           "el producto %s no tiene línea de acción: no se declaró la línea "
                           "%.*s en <objetivos>",
                           r->id, (int)n, r->id);
    }
done:
    pl_seg_free(s);
    return st;
}

/* ---------------------------------------------------------------- */
/* SEG-002: numbering without gaps                                   */

enum { ENT_OBJETIVO, ENT_LINEA, ENT_PRODUCTO };

/* Names of each kind of entry for the messages: singular with article,
 * plural with article. */
static const char *const ent_one[] = {"el objetivo", "la línea de acción", "el producto"};
static const char *const ent_many[] = {"los objetivos", "las líneas de acción", "los productos"};

typedef struct entry {
    int kind;
    const char *id; /* the whole id */
    size_t plen;    /* its prefix ("A.1.1" of "A.1.1.2") */
    long num;       /* its last component */
    const pl_node *node;
    size_t ord; /* document order */
} entry;

typedef struct entries {
    entry *v;
    size_t n, cap;
} entries;

/* Adds node when its id has a family: the id without its last component,
 * which must be `family` when given (a line's objective): otherwise the
 * id does not nest, and SEG-001 says so. */
static int entries_push(entries *e, int kind, const pl_node *node, size_t ord, const char *family)
{
    const char *id = pl_node_attr(node, "id");
    long num;
    size_t plen = id_split(id, &num);
    if (plen == 0 || (family != NULL && (strlen(family) != plen || memcmp(id, family, plen) != 0)))
        return 0;
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 32;
        entry *v = realloc(e->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        e->v = v;
        e->cap = cap;
    }
    e->v[e->n++] = (entry){kind, id, plen, num, node, ord};
    return 0;
}

static int entry_cmp(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    size_t n = x->plen < y->plen ? x->plen : y->plen;
    int c = memcmp(x->id, y->id, n);
    if (c != 0)
        return c;
    if (x->plen != y->plen)
        return x->plen < y->plen ? -1 : 1;
    if (x->num != y->num)
        return x->num < y->num ? -1 : 1;
    return x->ord < y->ord ? -1 : x->ord > y->ord;
}

static int same_family(const entry *x, const entry *y)
{
    return x->kind == y->kind && x->plen == y->plen && memcmp(x->id, y->id, x->plen) == 0;
}

/* Reports the gap before e, whose family's last number so far is prev
 * (0: e is the family's first). */
static void report_gap(pl_diags *diags, const pl_doc *doc, const entry *e, long prev)
{
    int p = (int)e->plen;
    long from = prev + 1, to = e->num - 1;
    if (from == to && prev == 0)
        pl_report_node(diags, doc, "SEG-002", e->node,
                       "falta %s %.*s.%ld: la numeración empieza en %s", ent_one[e->kind], p, e->id,
                       from, e->id);
    else if (from == to)
        pl_report_node(diags, doc, "SEG-002", e->node, "falta %s %.*s.%ld: tras %.*s.%ld viene %s",
                       ent_one[e->kind], p, e->id, from, p, e->id, prev, e->id);
    else if (prev == 0)
        pl_report_node(diags, doc, "SEG-002", e->node,
                       "faltan %s %.*s.%ld a %.*s.%ld: la numeración empieza en %s",
                       ent_many[e->kind], p, e->id, from, p, e->id, to, e->id);
    else
        pl_report_node(diags, doc, "SEG-002", e->node,
                       "faltan %s %.*s.%ld a %.*s.%ld: tras %.*s.%ld viene %s", ent_many[e->kind],
                       p, e->id, from, p, e->id, to, p, e->id, prev, e->id);
}

pl_status pl_check_seg_002(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *root = seg_root(doc);
    if (root == NULL)
        return PL_OK;
    entries e = {0};
    size_t ord = 0;
    pl_seg *s = pl_seg_new(doc);
    if (s == NULL)
        return PL_ENOMEM;
    const pl_node *objetivos = pl_node_named(root, "objetivos");
    for (const pl_node *o = pl_node_named(objetivos, "objetivo"); o;
         o = pl_node_next_named(o, "objetivo")) {
        if (entries_push(&e, ENT_OBJETIVO, o, ord++, NULL) != 0)
            goto oom;
        const char *oid = id_or(o);
        for (const pl_node *l = pl_node_named(o, "linea-accion"); l;
             l = pl_node_next_named(l, "linea-accion"))
            if (entries_push(&e, ENT_LINEA, l, ord++, oid) != 0)
                goto oom;
    }
    /* The products of declared lines: numbers under an undeclared line
     * are not a family (SEG-001). */
    for (size_t i = 0; i < pl_seg_count(s); i++) {
        const pl_seg_row *r = pl_seg_row_at(s, i);
        const pl_node *linea, *objetivo;
        if (id_places(s, r->id, &linea, &objetivo) != PL_OK)
            goto oom;
        if (linea != NULL && entries_push(&e, ENT_PRODUCTO, r->producto, ord++, id_or(linea)) != 0)
            goto oom;
    }
    if (e.n > 0)
        qsort(e.v, e.n, sizeof *e.v, entry_cmp);
    /* Within a family, sorted by number: a number more than one past the
     * last is a gap (a repeated one is the schema's). Reported where the
     * numbering resumes. */
    for (size_t i = 0; i < e.n; i++) {
        long prev = i > 0 && same_family(&e.v[i - 1], &e.v[i]) ? e.v[i - 1].num : 0;
        if (e.v[i].num > prev + 1)
            report_gap(diags, doc, &e.v[i], prev);
    }
    free(e.v);
    pl_seg_free(s);
    return diags->oom ? PL_ENOMEM : PL_OK;
oom:
    free(e.v);
    pl_seg_free(s);
    return PL_ENOMEM;
}

/* ---------------------------------------------------------------- */
/* SEG-003: references and dittos                                   */

/* What each column is called in messages: "la fila anterior no tiene
 * grupo que repetir", "repite el objetivo de la fila anterior". */
typedef struct column {
    const char *word; /* in idem= and as attribute */
    const char *noun; /* with article */
    const char *bare; /* without */
} column;

static const column col_objetivo = {"objetivo", "el objetivo", "objetivo"};
static const column col_linea = {"linea", "la línea de acción", "línea de acción"};
static const column col_grupo = {"grupo", "el grupo", "grupo"};
static const column col_base = {"documento-base", "el documento base", "documento base"};

/* The key a resolved reference shows in messages. */
static const char *key_of(const pl_seg_ref *ref)
{
    if (ref->node == NULL)
        return "?";
    const char *k = pl_node_attr(ref->node, "id");
    if (k == NULL)
        k = pl_node_attr(ref->node, "clave");
    return k ? k : "?";
}

static void check_idem(pl_diags *diags, const pl_doc *doc, const pl_seg *s, const pl_seg_row *r,
                       const column *c, const pl_seg_ref *ref, int also_written)
{
    if (ref->how != PL_SEG_IDEM && !(also_written && ref->how == PL_SEG_WRITTEN))
        return;
    const char *id = id_or(r->producto);
    if (ref->how == PL_SEG_WRITTEN) { /* written, and idem too */
        if (c == &col_base)
            pl_report_node(diags, doc, "SEG-003", r->producto,
                           "el producto %s tiene su propio <documento-base> y además "
                           "idem=\"documento-base\": sobra uno de los dos",
                           id);
        else
            pl_report_node(diags, doc, "SEG-003", r->producto,
                           "el producto %s dice %s=\"%s\" y además idem=\"%s\": sobra uno de "
                           "los dos",
                           id, c->word, pl_node_attr(r->producto, c->word), c->word);
        return;
    }
    if (ref->above == NULL) {
        pl_report_node(diags, doc, "SEG-003", r->producto,
                       "el producto %s repite %s de la fila anterior (idem=\"%s\"), pero es la "
                       "primera fila",
                       id, c->noun, c->word);
        return;
    }
    if (ref->node != NULL)
        return;
    /* The row above has nothing to repeat: report it here when the row
     * above says nothing; when it repeats in vain too, or names what
     * does not exist, that row's report is the one that helps. */
    const pl_seg_row *above = pl_seg_row_of(s, ref->above);
    const pl_seg_ref *aref = above == NULL        ? NULL
                             : c == &col_objetivo ? &above->objetivo
                             : c == &col_linea    ? &above->linea
                             : c == &col_grupo    ? &above->grupo
                                                  : &above->base;
    if (aref != NULL && aref->how == PL_SEG_ABSENT)
        pl_report_node(diags, doc, "SEG-003", r->producto,
                       "el producto %s repite %s de la fila anterior (idem=\"%s\"), pero la fila "
                       "anterior, %s, no tiene %s que repetir",
                       id, c->noun, c->word, id_or(ref->above), c->bare);
}

/* A row's objective or line, when written or repeated, against the one
 * its id gives. */
static void check_agrees(pl_diags *diags, const pl_doc *doc, const pl_seg_row *r, const column *c,
                         const pl_seg_ref *ref, const pl_node *want)
{
    if (want == NULL || ref->node == NULL || ref->node == want)
        return;
    if (ref->how == PL_SEG_WRITTEN)
        pl_report_node(diags, doc, "SEG-003", r->producto,
                       "el producto %s dice %s=\"%s\", pero su id lo ubica en %s %s", r->id,
                       c->word, pl_node_attr(r->producto, c->word), c->noun, id_or(want));
    else if (ref->how == PL_SEG_IDEM)
        pl_report_node(diags, doc, "SEG-003", r->producto,
                       "el producto %s repite %s de la fila anterior (%s), pero su id lo ubica "
                       "en %s %s",
                       r->id, c->noun, key_of(ref), c->noun, id_or(want));
}

/* The written line's objective against the row's objective. */
static void check_line_objective(pl_diags *diags, const pl_doc *doc, const pl_seg_row *r)
{
    const pl_node *l = r->linea.node, *o = r->objetivo.node;
    if (l == NULL || o == NULL || l->parent == o || !pl_node_is(l->parent, "objetivo") ||
        r->linea.how == PL_SEG_IMPLIED || r->objetivo.how == PL_SEG_IMPLIED)
        return;
    pl_report_node(diags, doc, "SEG-003", r->producto,
                   "el producto %s está en la línea de acción %s, que es del objetivo %s, no "
                   "del %s",
                   id_or(r->producto), id_or(l), id_or(l->parent), id_or(o));
}

pl_status pl_check_seg_003(const pl_doc *doc, pl_diags *diags)
{
    if (seg_root(doc) == NULL)
        return PL_OK;
    pl_seg *s = pl_seg_new(doc);
    if (s == NULL)
        return PL_ENOMEM;
    pl_status st = PL_OK;
    for (size_t i = 0; i < pl_seg_count(s); i++) {
        const pl_seg_row *r = pl_seg_row_at(s, i);
        const char *idem = pl_node_attr(r->producto, "idem");
        /* both written and idem: the resolver took the written one */
        int dup_o = 0, dup_l = 0, dup_g = 0, dup_b = 0;
        if (idem != NULL) {
            const char *p = idem;
            while (*p) {
                while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
                    p++;
                size_t k = strcspn(p, " \t\n\r");
                dup_o |= k == 8 && memcmp(p, "objetivo", 8) == 0;
                dup_l |= k == 5 && memcmp(p, "linea", 5) == 0;
                dup_g |= k == 5 && memcmp(p, "grupo", 5) == 0;
                dup_b |= k == 14 && memcmp(p, "documento-base", 14) == 0;
                p += k;
            }
        }
        check_idem(diags, doc, s, r, &col_objetivo, &r->objetivo, dup_o);
        check_idem(diags, doc, s, r, &col_linea, &r->linea, dup_l);
        check_idem(diags, doc, s, r, &col_grupo, &r->grupo, dup_g);
        check_idem(diags, doc, s, r, &col_base, &r->base, dup_b);

        const pl_node *linea, *objetivo;
        PL_CHECK(id_places(s, r->id, &linea, &objetivo));
        check_agrees(diags, doc, r, &col_linea, &r->linea, linea);
        check_agrees(diags, doc, r, &col_objetivo, &r->objetivo, objetivo);
        /* When the id places the row nowhere, a written line and objective
         * can still contradict each other. */
        if (linea == NULL)
            check_line_objective(diags, doc, r);
    }
done:
    pl_seg_free(s);
    return st == PL_OK && diags->oom ? PL_ENOMEM : st;
}

/* ---------------------------------------------------------------- */
/* SEG-004: progress and state                                       */

static int is_pending(const pl_node *n)
{
    const char *e = n ? pl_node_attr(n, "estado") : NULL;
    return e != NULL && strcmp(e, "pendiente") == 0;
}

/* Whether a cell holds anything: text other than white space, or
 * elements. */
static int has_content(const pl_node *n)
{
    for (const pl_node *c = n->first; c; c = c->next) {
        if (c->type != PL_N_TEXT)
            return 1;
        for (size_t i = 0; i < c->text_len; i++)
            if (c->text[i] != ' ')
                return 1;
    }
    return 0;
}

/* "el producto A.1.1.2" or "la parte 2 del producto A.1.1.2", into buf. */
static const char *unit_name(const pl_node *producto, const pl_node *parte, int k, char *buf,
                             size_t size)
{
    if (parte == NULL)
        snprintf(buf, size, "el producto %s", id_or(producto));
    else
        snprintf(buf, size, "la parte %d del producto %s", k, id_or(producto));
    return buf;
}

/* Size of a unit's name: "la parte " + a number + " del producto " + an
 * id quoted whole (ids are short; a longer one is cut). */
#define UNIT_NAME_SIZE 96

/* A producto without partes, or a parte (unit) of producto. */
static void check_unit(pl_diags *diags, const pl_doc *doc, const pl_node *producto,
                       const pl_node *unit, int k)
{
    char name[UNIT_NAME_SIZE];
    unit_name(producto, unit == producto ? NULL : unit, k, name, sizeof name);
    const char *avance = pl_node_attr(unit, "avance");
    int pending = is_pending(unit);
    int v = pl_seg_avance(unit);
    if (avance != NULL && pending) {
        if (pl_seg_parse_avance(avance) == 100)
            pl_report_node(diags, doc, "SEG-004", unit,
                           "%s está al 100 %% y a la vez pendiente: es contradictorio", name);
        else
            pl_report_node(diags, doc, "SEG-004", unit,
                           "%s está pendiente y tiene avance=\"%s\": un avance pendiente no "
                           "lleva porcentaje",
                           name, avance);
        return;
    }
    if (avance == NULL && !pending) {
        pl_report_node(diags, doc, "SEG-004", unit,
                       "%s no tiene avance: escriba avance=\"0\" a \"100\" o "
                       "estado=\"pendiente\"",
                       name);
        return;
    }
    if (v != 100)
        return;
    static const char *const cells[] = {"documento-base", "medio-verificacion"};
    static const char *const nouns[] = {"su documento base", "su medio de verificación"};
    for (size_t i = 0; i < 2; i++) {
        const pl_node *cell = pl_node_named(unit, cells[i]);
        if (cell != NULL && is_pending(cell))
            pl_report_node(diags, doc, "SEG-004", cell, "%s está al 100 %%, pero %s está pendiente",
                           name, nouns[i]);
    }
}

/* estado="pendiente" on a cell that also has text. */
static void check_pending_cells(pl_diags *diags, const pl_doc *doc, const pl_node *unit)
{
    static const char *const cells[] = {"documento-base", "medio-verificacion"};
    static const char *const nouns[] = {"el documento base", "el medio de verificación"};
    for (size_t i = 0; i < 2; i++) {
        const pl_node *cell = pl_node_named(unit, cells[i]);
        if (cell != NULL && is_pending(cell) && has_content(cell))
            pl_report_node(diags, doc, "SEG-004", cell,
                           "%s está marcado pendiente y también tiene texto: una celda "
                           "pendiente va vacía",
                           nouns[i]);
    }
}

pl_status pl_check_seg_004(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *root = seg_root(doc);
    if (root == NULL)
        return PL_OK;
    const pl_node *productos = pl_node_named(root, "productos");
    for (const pl_node *p = pl_node_named(productos, "producto"); p;
         p = pl_node_next_named(p, "producto")) {
        const pl_node *parte = pl_node_named(p, "parte");
        if (parte == NULL) {
            check_unit(diags, doc, p, p, 0);
            check_pending_cells(diags, doc, p);
            continue;
        }
        if (pl_node_attr(p, "avance") != NULL || pl_node_attr(p, "estado") != NULL)
            pl_report_node(diags, doc, "SEG-004", p,
                           "el producto %s se informa en partes: el avance va en cada <parte>, "
                           "no en el producto",
                           id_or(p));
        int k = 0;
        for (; parte; parte = pl_node_next_named(parte, "parte")) {
            check_unit(diags, doc, p, parte, ++k);
            check_pending_cells(diags, doc, parte);
        }
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* SEG-005: dates                                                    */

/* AAAAMMDD of an AAAA-MM-DD string, or 0. */
static long ymd(const char *s)
{
    int y, m, d;
    if (pl_rules_parse_iso_date(s, &y, &m, &d) != 0 || !pl_date_valid(y, m, d))
        return 0;
    return (long)y * 10000 + m * 100 + d;
}

pl_status pl_check_seg_005(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *root = seg_root(doc);
    const pl_node *meta = root ? pl_node_named(root, "metadatos") : NULL;
    if (meta == NULL)
        return PL_OK;
    const pl_node *corte = pl_node_named(meta, "fecha-corte");
    const pl_node *sesion = pl_node_named(meta, "sesion");
    const pl_node *fecha = pl_node_named(meta, "fecha");
    const char *sfecha = sesion ? pl_node_attr(sesion, "fecha") : NULL;
    const char *anio = sesion ? pl_node_attr(sesion, "anio") : NULL;
    long s_ymd = ymd(sfecha);
    long a = 0;
    if (anio != NULL && strlen(anio) == 4 && strspn(anio, "0123456789") == 4)
        a = atol(anio);

    if (s_ymd != 0 && a != 0 && s_ymd / 10000 != a)
        pl_report_node(diags, doc, "SEG-005", sesion,
                       "la sesión dice anio=\"%s\", pero su fecha, %s, es de %ld", anio, sfecha,
                       s_ymd / 10000);

    pl_flat fc, ff;
    pl_status st = flat_of(corte, &fc);
    if (st != PL_OK)
        return st;
    st = flat_of(fecha, &ff);
    if (st != PL_OK) {
        pl_flat_free(&fc);
        return st;
    }
    long c_ymd = corte ? ymd(fc.text) : 0, f_ymd = fecha ? ymd(ff.text) : 0;
    if (c_ymd != 0) {
        if (s_ymd != 0 && c_ymd > s_ymd)
            pl_report_node(diags, doc, "SEG-005", corte,
                           "la fecha de corte, %s, es posterior a la fecha de la sesión en que "
                           "se presenta, %s",
                           fc.text, sfecha);
        else if (s_ymd == 0 && a != 0 && c_ymd / 10000 > a)
            pl_report_node(diags, doc, "SEG-005", corte,
                           "la fecha de corte, %s, es posterior al año de la sesión en que se "
                           "presenta, %s",
                           fc.text, anio);
        if (f_ymd != 0 && c_ymd > f_ymd)
            pl_report_node(diags, doc, "SEG-005", corte,
                           "la fecha de corte, %s, es posterior a la fecha del documento, %s",
                           fc.text, ff.text);
    }
    pl_flat_free(&fc);
    pl_flat_free(&ff);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* SEG-006: the percentage the text gives                            */

/* "avance del 40 %", "avance: 40%", "un avance de 40 %", "progreso
 * general de 40 %": group 1 is the number. */
static pl_rx rx_pct_after =
    PL_RX("\\b(?:avance|progreso)\\b[\\s:]*(?:(?:del|de|al|es|un|total|general|global|actual)"
          "\\s+)*(\\d{1,3}(?:[.,]\\d+)?)\\s?%",
          PCRE2_CASELESS);

/* "40 % de avance", "40% de progreso". */
static pl_rx rx_pct_before =
    PL_RX("(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:[.,]\\d+)?)\\s?%\\s+de\\s+(?:avance|progreso)\\b",
          PCRE2_CASELESS);

typedef struct pct_ctx {
    pl_diags *diags;
    pcre2_match_data *md;
    const char *unit; /* "el producto A.1.1.2" */
    int avance;       /* pl_seg_avance of the unit */
    const char *attr; /* its avance="…", or NULL */
} pct_ctx;

static pl_status scan_pct(const pl_doc *doc, const pl_node *cell, pct_ctx *c, pl_rx *rx)
{
    pl_flat f;
    pl_status st = flat_of(cell, &f);
    if (st != PL_OK)
        return st;
    size_t at = 0, ms, me;
    int rc;
    while ((rc = pl_rx_next(rx, f.text, f.len, &at, c->md, &ms, &me)) == 1) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
        const char *num = f.text + ov[2];
        size_t nlen = ov[3] - ov[2];
        /* 40, 40.0 and 40,0 say 40; 40.5 says something else */
        long whole = 0;
        size_t i = 0;
        for (; i < nlen && num[i] >= '0' && num[i] <= '9'; i++)
            whole = whole * 10 + (num[i] - '0');
        int exact = 1;
        for (i++; i < nlen; i++)
            exact &= num[i] == '0';
        int q = pl_rules_quote_len(f.text + ms, me - ms, QUOTE_MAX);
        if (c->avance == PL_SEG_PENDIENTE)
            pl_report_flat(c->diags, doc, "SEG-006", cell, &f, ms,
                           "el texto dice «%.*s», pero %s está pendiente", q, f.text + ms, c->unit);
        else if (c->avance >= 0 && (!exact || whole != c->avance))
            pl_report_flat(c->diags, doc, "SEG-006", cell, &f, ms,
                           "el texto dice «%.*s», pero %s tiene avance=\"%s\"", q, f.text + ms,
                           c->unit, c->attr ? c->attr : "?");
    }
    pl_flat_free(&f);
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

static pl_status check_pct_unit(const pl_doc *doc, const pl_node *producto, const pl_node *unit,
                                int k, pct_ctx *c)
{
    char name[UNIT_NAME_SIZE];
    c->unit = unit_name(producto, unit == producto ? NULL : unit, k, name, sizeof name);
    c->avance = pl_seg_avance(unit);
    c->attr = pl_node_attr(unit, "avance");
    if (c->avance == PL_SEG_SIN_AVANCE)
        return PL_OK; /* SEG-004's */
    static const char *const cells[] = {"descriptor", "comentarios"};
    for (size_t i = 0; i < 2; i++) {
        const pl_node *cell = pl_node_named(unit, cells[i]);
        if (cell == NULL)
            continue;
        pl_status st = scan_pct(doc, cell, c, &rx_pct_after);
        if (st == PL_OK)
            st = scan_pct(doc, cell, c, &rx_pct_before);
        if (st != PL_OK)
            return st;
    }
    return PL_OK;
}

pl_status pl_check_seg_006(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *root = seg_root(doc);
    if (root == NULL)
        return PL_OK;
    pct_ctx c = {diags, pl_rx_match_data(), NULL, 0, NULL};
    if (c.md == NULL)
        return PL_ENOMEM;
    pl_status st = PL_OK;
    const pl_node *productos = pl_node_named(root, "productos");
    for (const pl_node *p = pl_node_named(productos, "producto"); p && st == PL_OK;
         p = pl_node_next_named(p, "producto")) {
        const pl_node *parte = pl_node_named(p, "parte");
        if (parte == NULL) {
            st = check_pct_unit(doc, p, p, 0, &c);
            continue;
        }
        for (int k = 1; parte && st == PL_OK; parte = pl_node_next_named(parte, "parte"), k++)
            st = check_pct_unit(doc, p, parte, k, &c);
    }
    pcre2_match_data_free(c.md);
    return st == PL_OK && diags->oom ? PL_ENOMEM : st;
}

/* ---------------------------------------------------------------- */
/* SEG-007: data written as text                                     */

/* A whole cell that is a ditto mark: " '' “ ” „ ″ 〃, ídem, id. */
static pl_rx rx_ditto = PL_RX("^(?:[\"\\x{201C}\\x{201D}\\x{201E}\\x{2033}\\x{3003}]|''|"
                              "[ií]dem\\.?|id\\.)$",
                              PCRE2_CASELESS);

/* A whole cell that says it is pending: [PENDIENTE], pendiente. */
static pl_rx rx_pending = PL_RX("^\\[?\\s*pendiente\\s*\\]?\\.?$", PCRE2_CASELESS);

/* An id at the start of a text: "B.1. Acompañar", "A.1.1.2 Cuatro". */
static pl_rx rx_lead_id = PL_RX("^([A-Z0-9]{1,4}(?:\\.[0-9]{1,4})+)\\.?(?=\\s|$)", 0);

static size_t components(const char *s, size_t n)
{
    size_t k = 1;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '.';
    return k;
}

/* A cell of a row: ditto marks and [PENDIENTE] written as its text. */
static pl_status check_cell_text(const pl_doc *doc, pl_diags *diags, pcre2_match_data *md,
                                 const pl_node *cell, int in_producto)
{
    pl_flat f;
    pl_status st = flat_of(cell, &f);
    if (st != PL_OK || f.len == 0)
        goto done;
    int q = pl_rules_quote_len(f.text, f.len, QUOTE_MAX);
    int rc = pl_rx_search(&rx_ditto, f.text, f.len, 0, 0, md);
    if (rc == PL_RX_ENOMEM) {
        st = PL_ENOMEM;
        goto done;
    }
    if (rc == 1) {
        if (pl_node_is(cell, "documento-base") && in_producto)
            pl_report_flat(diags, doc, "SEG-007", cell, &f, 0,
                           "«%.*s» repite la fila anterior: escriba idem=\"documento-base\" en el "
                           "producto, sin <documento-base>",
                           q, f.text);
        else
            pl_report_flat(diags, doc, "SEG-007", cell, &f, 0,
                           "«%.*s» repite la fila anterior, pero <%s> no se repite con idem: "
                           "escriba el texto",
                           q, f.text, cell->name);
        goto done;
    }
    rc = pl_rx_search(&rx_pending, f.text, f.len, 0, 0, md);
    if (rc == PL_RX_ENOMEM) {
        st = PL_ENOMEM;
        goto done;
    }
    if (rc == 1) {
        if (pl_node_is(cell, "documento-base") || pl_node_is(cell, "medio-verificacion"))
            pl_report_flat(diags, doc, "SEG-007", cell, &f, 0,
                           "«%.*s» es un estado, no un texto: escriba <%s estado=\"pendiente\"/>",
                           q, f.text, cell->name);
        else
            pl_report_flat(diags, doc, "SEG-007", cell, &f, 0,
                           "«%.*s» es un estado, no un texto: si el avance está pendiente, "
                           "escriba estado=\"pendiente\" en el producto",
                           q, f.text);
    }
done:
    pl_flat_free(&f);
    return st;
}

/* The texto of an objetivo, linea-accion or producto starting with an
 * id: the layout writes the element's id before its text. */
static pl_status check_lead_id(const pl_doc *doc, pl_diags *diags, pcre2_match_data *md,
                               const pl_node *owner, const char *what)
{
    const pl_node *texto = pl_node_named(owner, "texto");
    const char *id = pl_node_attr(owner, "id");
    if (texto == NULL || id == NULL)
        return PL_OK;
    pl_flat f;
    pl_status st = flat_of(texto, &f);
    if (st != PL_OK)
        return st;
    int rc = pl_rx_search(&rx_lead_id, f.text, f.len, 0, 0, md);
    if (rc == PL_RX_ENOMEM) {
        st = PL_ENOMEM;
    } else if (rc == 1) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        const char *lead = f.text + ov[2];
        size_t n = ov[3] - ov[2], first = strcspn(id, ".");
        int q = (int)(ov[1] - ov[0]);
        /* "2.5 millones" in a text of A.3.1.5 is not an id: only a lead of
         * the id's shape and family counts */
        if (components(lead, n) == components(id, strlen(id)) && n > first &&
            memcmp(lead, id, first) == 0 && lead[first] == '.') {
            if (n == strlen(id) && memcmp(lead, id, n) == 0)
                pl_report_flat(diags, doc, "SEG-007", texto, &f, 0,
                               "el texto %s empieza con su id, «%.*s»: pleno lo escribe a "
                               "partir de id=\"%s\"; quítelo del texto",
                               what, q, f.text, id);
            else
                pl_report_flat(diags, doc, "SEG-007", texto, &f, 0,
                               "el texto %s empieza con «%.*s», pero su id es %s: quite el "
                               "número del texto",
                               what, q, f.text, id);
        }
    }
    pl_flat_free(&f);
    return st;
}

pl_status pl_check_seg_007(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *root = seg_root(doc);
    if (root == NULL)
        return PL_OK;
    pcre2_match_data *md = pl_rx_match_data();
    if (md == NULL)
        return PL_ENOMEM;
    pl_status st = PL_OK;
    const pl_node *objetivos = pl_node_named(root, "objetivos");
    for (const pl_node *o = pl_node_named(objetivos, "objetivo"); o;
         o = pl_node_next_named(o, "objetivo")) {
        PL_CHECK(check_lead_id(doc, diags, md, o, "del objetivo"));
        for (const pl_node *l = pl_node_named(o, "linea-accion"); l;
             l = pl_node_next_named(l, "linea-accion"))
            PL_CHECK(check_lead_id(doc, diags, md, l, "de la línea de acción"));
    }
    static const char *const cells[] = {"texto", "documento-base", "descriptor",
                                        "medio-verificacion", "comentarios"};
    const pl_node *productos = pl_node_named(root, "productos");
    for (const pl_node *p = pl_node_named(productos, "producto"); p;
         p = pl_node_next_named(p, "producto")) {
        PL_CHECK(check_lead_id(doc, diags, md, p, "del producto"));
        for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
            const pl_node *cell = pl_node_named(p, cells[i]);
            if (cell != NULL)
                PL_CHECK(check_cell_text(doc, diags, md, cell, 1));
        }
        for (const pl_node *parte = pl_node_named(p, "parte"); parte;
             parte = pl_node_next_named(parte, "parte"))
            for (size_t i = 1; i < sizeof cells / sizeof cells[0]; i++) {
                const pl_node *cell = pl_node_named(parte, cells[i]);
                if (cell != NULL)
                    PL_CHECK(check_cell_text(doc, diags, md, cell, 0));
            }
    }
done:
    pcre2_match_data_free(md);
    return st == PL_OK && diags->oom ? PL_ENOMEM : st;
}
