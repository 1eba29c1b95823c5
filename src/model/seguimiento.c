/* The seguimiento vocabulary: an index of the declared objectives, lines
 * of action and groups (sorted, searched by id), and every row's
 * references resolved in one pass down the table, each row from the one
 * above it. */
#include "seguimiento.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A declaration: its key (id or clave) and element; ord keeps document
 * order among equal keys. */
typedef struct decl {
    const char *key;
    const pl_node *node;
    size_t ord;
} decl;

typedef struct decls {
    decl *v;
    size_t n, cap;
} decls;

/* A row's place in the pointer-sorted lookup table. */
typedef struct row_ptr {
    const pl_node *node;
    size_t i;
} row_ptr;

struct pl_seg {
    pl_arena *arena; /* implied ids */
    decls objetivos, lineas, grupos;
    pl_seg_row *rows;
    size_t nrows;
    row_ptr *by_node; /* rows sorted by node address */
};

/* ---------------------------------------------------------------- */
/* Declarations                                                      */

static int decls_push(decls *d, const char *key, const pl_node *node)
{
    if (key == NULL)
        return 0; /* the schema requires it; nothing to find it by */
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        decl *v = realloc(d->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        d->v = v;
        d->cap = cap;
    }
    d->v[d->n] = (decl){key, node, d->n};
    d->n++;
    return 0;
}

static int decl_cmp(const void *a, const void *b)
{
    const decl *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c != 0)
        return c;
    return x->ord < y->ord ? -1 : x->ord > y->ord;
}

/* The first declaration with key, or NULL. */
static const pl_node *decls_find(const decls *d, const char *key)
{
    if (key == NULL)
        return NULL;
    size_t lo = 0, hi = d->n;
    while (lo < hi) { /* first element not less than key */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(d->v[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->n && strcmp(d->v[lo].key, key) == 0 ? d->v[lo].node : NULL;
}

static int collect_decls(pl_seg *s, const pl_node *root)
{
    const pl_node *objetivos = pl_node_named(root, "objetivos");
    for (const pl_node *o = pl_node_named(objetivos, "objetivo"); o;
         o = pl_node_next_named(o, "objetivo")) {
        if (decls_push(&s->objetivos, pl_node_attr(o, "id"), o) != 0)
            return -1;
        for (const pl_node *l = pl_node_named(o, "linea-accion"); l;
             l = pl_node_next_named(l, "linea-accion"))
            if (decls_push(&s->lineas, pl_node_attr(l, "id"), l) != 0)
                return -1;
    }
    const pl_node *grupos = pl_node_named(root, "grupos");
    for (const pl_node *g = pl_node_named(grupos, "grupo"); g; g = pl_node_next_named(g, "grupo"))
        if (decls_push(&s->grupos, pl_node_attr(g, "clave"), g) != 0)
            return -1;
    qsort(s->objetivos.v, s->objetivos.n, sizeof(decl), decl_cmp);
    qsort(s->lineas.v, s->lineas.n, sizeof(decl), decl_cmp);
    qsort(s->grupos.v, s->grupos.n, sizeof(decl), decl_cmp);
    return 0;
}

/* ---------------------------------------------------------------- */
/* Rows                                                              */

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the white-space separated list attribute holds word. */
static int list_has(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list ? list : ""; *p;) {
        while (is_xml_space(*p))
            p++;
        size_t k = 0;
        while (p[k] && !is_xml_space(p[k]))
            k++;
        if (k == n && memcmp(p, word, n) == 0)
            return 1;
        p += k;
    }
    return 0;
}

/* id without its last ".N" component, copied into the arena; NULL when
 * id has no component to drop (or is NULL). *oom is set when the copy
 * fails. */
static const char *parent_id(pl_seg *s, const char *id, int *oom)
{
    const char *dot = id ? strrchr(id, '.') : NULL;
    if (dot == NULL || dot == id)
        return NULL;
    char *p = pl_arena_strndup(s->arena, id, (size_t)(dot - id));
    if (p == NULL)
        *oom = 1;
    return p;
}

/* The reference of one column when the row writes it or says idem;
 * returns 0 when it does neither (the caller then implies it). */
static int written_or_idem(const pl_node *producto, const char *attr, const char *idem_word,
                           const pl_seg_row *above, const pl_seg_ref *above_ref, const decls *d,
                           pl_seg_ref *out)
{
    const char *v = pl_node_attr(producto, attr);
    if (v != NULL) {
        *out = (pl_seg_ref){decls_find(d, v), PL_SEG_WRITTEN, v, NULL};
        return 1;
    }
    if (list_has(pl_node_attr(producto, "idem"), idem_word)) {
        if (above == NULL)
            *out = (pl_seg_ref){NULL, PL_SEG_IDEM, NULL, NULL};
        else
            *out = (pl_seg_ref){above_ref->node, PL_SEG_IDEM, above_ref->key, above->producto};
        return 1;
    }
    return 0;
}

static int resolve_row(pl_seg *s, const pl_node *producto, const pl_seg_row *above, pl_seg_row *r)
{
    int oom = 0;
    memset(r, 0, sizeof *r);
    r->producto = producto;
    r->id = pl_node_attr(producto, "id");

    if (!written_or_idem(producto, "linea", "linea", above, above ? &above->linea : NULL,
                         &s->lineas, &r->linea)) {
        const char *key = parent_id(s, r->id, &oom);
        r->linea = (pl_seg_ref){decls_find(&s->lineas, key), PL_SEG_IMPLIED, key, NULL};
    }
    if (!written_or_idem(producto, "objetivo", "objetivo", above, above ? &above->objetivo : NULL,
                         &s->objetivos, &r->objetivo)) {
        const pl_node *l = r->linea.node;
        if (l != NULL && l->parent != NULL && pl_node_is(l->parent, "objetivo")) {
            r->objetivo =
                (pl_seg_ref){l->parent, PL_SEG_IMPLIED, pl_node_attr(l->parent, "id"), NULL};
        } else {
            const char *key = parent_id(s, r->linea.key, &oom);
            r->objetivo = (pl_seg_ref){decls_find(&s->objetivos, key), PL_SEG_IMPLIED, key, NULL};
        }
    }
    if (!written_or_idem(producto, "grupo", "grupo", above, above ? &above->grupo : NULL,
                         &s->grupos, &r->grupo))
        r->grupo = (pl_seg_ref){NULL, PL_SEG_ABSENT, NULL, NULL};

    const pl_node *own = pl_node_named(producto, "documento-base");
    if (own != NULL)
        r->base = (pl_seg_ref){own, PL_SEG_WRITTEN, NULL, NULL};
    else if (list_has(pl_node_attr(producto, "idem"), "documento-base"))
        r->base = (pl_seg_ref){above ? above->base.node : NULL, PL_SEG_IDEM, NULL,
                               above ? above->producto : NULL};
    else
        r->base = (pl_seg_ref){NULL, PL_SEG_ABSENT, NULL, NULL};
    return oom ? -1 : 0;
}

static int row_ptr_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const row_ptr *)a)->node, y = (uintptr_t)((const row_ptr *)b)->node;
    return x < y ? -1 : x > y;
}

static int collect_rows(pl_seg *s, const pl_node *root)
{
    const pl_node *productos = pl_node_named(root, "productos");
    size_t n = pl_node_count_named(productos, "producto");
    if (n == 0)
        return 0;
    s->rows = calloc(n, sizeof *s->rows);
    s->by_node = calloc(n, sizeof *s->by_node);
    if (s->rows == NULL || s->by_node == NULL)
        return -1;
    const pl_seg_row *above = NULL;
    for (const pl_node *p = pl_node_named(productos, "producto"); p;
         p = pl_node_next_named(p, "producto")) {
        pl_seg_row *r = &s->rows[s->nrows];
        if (resolve_row(s, p, above, r) != 0)
            return -1;
        s->by_node[s->nrows] = (row_ptr){p, s->nrows};
        s->nrows++;
        above = r;
    }
    qsort(s->by_node, s->nrows, sizeof *s->by_node, row_ptr_cmp);
    return 0;
}

/* ---------------------------------------------------------------- */
/* Public                                                            */

pl_seg *pl_seg_new(const pl_doc *doc)
{
    pl_seg *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->arena = pl_arena_new();
    if (s->arena == NULL)
        goto fail;
    const pl_node *root = doc ? doc->root : NULL;
    if (root == NULL || !pl_node_is(root, "seguimiento"))
        return s;
    if (collect_decls(s, root) != 0 || collect_rows(s, root) != 0)
        goto fail;
    return s;
fail:
    pl_seg_free(s);
    return NULL;
}

void pl_seg_free(pl_seg *s)
{
    if (s == NULL)
        return;
    free(s->objetivos.v);
    free(s->lineas.v);
    free(s->grupos.v);
    free(s->rows);
    free(s->by_node);
    pl_arena_free(s->arena);
    free(s);
}

size_t pl_seg_count(const pl_seg *s)
{
    return s->nrows;
}

const pl_seg_row *pl_seg_row_at(const pl_seg *s, size_t i)
{
    return i < s->nrows ? &s->rows[i] : NULL;
}

const pl_seg_row *pl_seg_row_of(const pl_seg *s, const pl_node *producto)
{
    row_ptr key = {producto, 0};
    const row_ptr *hit =
        s->nrows ? bsearch(&key, s->by_node, s->nrows, sizeof key, row_ptr_cmp) : NULL;
    return hit ? &s->rows[hit->i] : NULL;
}

const pl_node *pl_seg_find_objetivo(const pl_seg *s, const char *id)
{
    return decls_find(&s->objetivos, id);
}

const pl_node *pl_seg_find_linea(const pl_seg *s, const char *id)
{
    return decls_find(&s->lineas, id);
}

const pl_node *pl_seg_find_grupo(const pl_seg *s, const char *clave)
{
    return decls_find(&s->grupos, clave);
}

int pl_seg_resolve(const pl_seg *s, const pl_node *producto, const pl_node **objetivo,
                   const pl_node **linea, const pl_node **grupo)
{
    const pl_seg_row *r = pl_seg_row_of(s, producto);
    if (objetivo)
        *objetivo = r ? r->objetivo.node : NULL;
    if (linea)
        *linea = r ? r->linea.node : NULL;
    if (grupo)
        *grupo = r ? r->grupo.node : NULL;
    return r ? 0 : -1;
}

int pl_seg_parse_avance(const char *v)
{
    if (v == NULL)
        return -1;
    while (is_xml_space(*v))
        v++;
    if (*v == '+')
        v++;
    int n = 0, digits = 0;
    for (; *v >= '0' && *v <= '9'; v++) {
        if (n > 100)
            return -1; /* and cannot overflow */
        n = n * 10 + (*v - '0');
        digits++;
    }
    while (is_xml_space(*v))
        v++;
    return digits > 0 && *v == '\0' && n <= 100 ? n : -1;
}

/* Progress of a producto without partes, or of a parte. */
static int own_avance(const pl_node *n)
{
    int pct = pl_seg_parse_avance(pl_node_attr(n, "avance"));
    const char *estado = pl_node_attr(n, "estado");
    int pending = estado != NULL && strcmp(estado, "pendiente") == 0;
    if (pct >= 0 && !pending)
        return pct;
    if (pct < 0 && pending && pl_node_attr(n, "avance") == NULL)
        return PL_SEG_PENDIENTE;
    return PL_SEG_SIN_AVANCE;
}

int pl_seg_avance(const pl_node *n)
{
    if (n == NULL)
        return PL_SEG_SIN_AVANCE;
    if (!pl_node_is(n, "producto") || pl_node_named(n, "parte") == NULL)
        return own_avance(n);
    long sum = 0, count = 0;
    int pending = 0;
    for (const pl_node *p = pl_node_named(n, "parte"); p; p = pl_node_next_named(p, "parte")) {
        int v = own_avance(p);
        if (v >= 0) {
            sum += v;
            count++;
        } else if (v == PL_SEG_PENDIENTE) {
            pending = 1;
        }
    }
    if (count == 0)
        return pending ? PL_SEG_PENDIENTE : PL_SEG_SIN_AVANCE;
    return (int)((sum * 2 + count) / (count * 2)); /* nearest, halves up */
}
