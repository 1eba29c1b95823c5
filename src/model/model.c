/* The document model: node helpers, iterator, flattened text and the
 * mapping from text offsets back to source line and column. */
#include "model.h"

#include "../util/utf8.h"

#include <stdlib.h>
#include <string.h>

static const char *const names[PL_N__COUNT] = {
    [PL_N_OTHER] = NULL,
    [PL_N_TEXT] = "#text",
    [PL_N_BOLD] = "negrita",
    [PL_N_ITALIC] = "cursiva",
    [PL_N_LINK] = "enlace",
    [PL_N_NOTE] = "nota",
    [PL_N_LINEBREAK] = "salto-linea",
    [PL_N_PARA] = "p",
    [PL_N_LABEL] = "rotulo",
    [PL_N_LIST] = "lista",
    [PL_N_ITEM] = "elemento",
    [PL_N_TABLE] = "tabla",
    [PL_N_COLUMNS] = "columnas",
    [PL_N_COLUMN] = "columna",
    [PL_N_THEAD] = "encabezado",
    [PL_N_TBODY] = "cuerpo",
    [PL_N_ROW] = "fila",
    [PL_N_CELL] = "celda",
    [PL_N_SOURCE] = "fuente",
    [PL_N_QUOTE] = "cita",
    [PL_N_FIGURE] = "figura",
    [PL_N_FIGDESC] = "descripcion",
    [PL_N_CAPTION] = "leyenda",
    [PL_N_PAGEBREAK] = "salto-pagina",
    [PL_N_SECTION] = "seccion",
    [PL_N_TITLE] = "titulo",
    [PL_N_SUBTITLE] = "subtitulo",
    [PL_N_SIGNATURES] = "firmas",
    [PL_N_SIGNATURE] = "firma",
    [PL_N_NAME] = "nombre",
    [PL_N_ROLE] = "cargo",
    [PL_N_ACUERDO] = "acuerdo",
    [PL_N_METADATA] = "metadatos",
    [PL_N_BODY_ORGAN] = "organo",
    [PL_N_SESSION] = "sesion",
    [PL_N_NUMBER] = "numero",
    [PL_N_DATE] = "fecha",
    [PL_N_PREAMBLE] = "preambulo",
    [PL_N_CONSIDERANDOS] = "considerandos",
    [PL_N_CONSIDERANDO] = "considerando",
    [PL_N_FUNDAMENTO] = "fundamento",
    [PL_N_PUNTOS] = "puntos",
    [PL_N_PUNTO] = "punto",
    [PL_N_CERTIFICATION] = "certificacion",
    [PL_N_ANNEX] = "anexo",
    [PL_N_COVER] = "portada",
    [PL_N_COVERLINE] = "linea",
    [PL_N_TOC] = "indice",
};

pl_doc *pl_doc_new(const char *path)
{
    pl_arena *a = pl_arena_new();
    if (a == NULL)
        return NULL;
    pl_doc *d = pl_arena_alloc(a, sizeof *d);
    if (d == NULL) {
        pl_arena_free(a);
        return NULL;
    }
    d->arena = a;
    d->path = pl_arena_strdup(a, path ? path : "-");
    if (d->path == NULL) {
        pl_arena_free(a);
        return NULL;
    }
    return d;
}

int pl_doc_index_lines(pl_doc *doc)
{
    size_t n = 1;
    for (size_t i = 0; i < doc->source_len; i++)
        if (doc->source[i] == '\n')
            n++;
    doc->line_starts = pl_arena_alloc(doc->arena, n * sizeof *doc->line_starts);
    if (doc->line_starts == NULL)
        return -1;
    size_t k = 0;
    doc->line_starts[k++] = 0;
    for (size_t i = 0; i < doc->source_len; i++)
        if (doc->source[i] == '\n')
            doc->line_starts[k++] = i + 1;
    doc->nlines = n;
    return 0;
}

void pl_doc_free(pl_doc *doc)
{
    if (doc == NULL)
        return;
    pl_arena_free(doc->arena);
}

pl_node_type pl_node_type_from_name(const char *name)
{
    for (int t = PL_N_BOLD; t < PL_N__COUNT; t++)
        if (names[t] && strcmp(names[t], name) == 0)
            return (pl_node_type)t;
    return PL_N_OTHER;
}

const char *pl_node_attr(const pl_node *n, const char *name)
{
    for (size_t i = 0; i < n->nattrs; i++)
        if (strcmp(n->attrs[i].name, name) == 0)
            return n->attrs[i].value;
    return NULL;
}

pl_node *pl_node_child(const pl_node *n, pl_node_type type)
{
    for (pl_node *c = n->first; c; c = c->next)
        if (c->type == type)
            return c;
    return NULL;
}

pl_node *pl_node_next_of(const pl_node *n, pl_node_type type)
{
    for (pl_node *c = n->next; c; c = c->next)
        if (c->type == type)
            return c;
    return NULL;
}

pl_node *pl_node_find(const pl_node *n, pl_node_type type)
{
    pl_iter it;
    pl_iter_init(&it, n);
    pl_iter_next(&it); /* n itself */
    while (pl_iter_next(&it) != PL_ITER_DONE)
        if (it.ev == PL_ITER_ENTER && it.cur->type == type)
            return (pl_node *)it.cur;
    return NULL;
}

size_t pl_node_count(const pl_node *n, pl_node_type type)
{
    size_t k = 0;
    for (pl_node *c = n->first; c; c = c->next)
        if (c->type == type)
            k++;
    return k;
}

int pl_node_is_inline(const pl_node *n)
{
    switch (n->type) {
    case PL_N_TEXT:
    case PL_N_BOLD:
    case PL_N_ITALIC:
    case PL_N_LINK:
    case PL_N_NOTE:
    case PL_N_LINEBREAK:
        return 1;
    default:
        return 0;
    }
}

pl_node *pl_node_named(const pl_node *n, const char *name)
{
    for (pl_node *c = n ? n->first : NULL; c; c = c->next)
        if (c->type != PL_N_TEXT && strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

pl_node *pl_node_next_named(const pl_node *n, const char *name)
{
    for (pl_node *c = n ? n->next : NULL; c; c = c->next)
        if (c->type != PL_N_TEXT && strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

pl_node *pl_node_at(const pl_node *n, const char *path)
{
    pl_node *cur = (pl_node *)n;
    while (cur && *path) {
        size_t len = strcspn(path, "/");
        pl_node *c;
        for (c = cur->first; c; c = c->next)
            if (c->type != PL_N_TEXT && strlen(c->name) == len &&
                memcmp(c->name, path, len) == 0)
                break;
        cur = c;
        path += len;
        if (*path == '/')
            path++;
    }
    return cur;
}

int pl_node_is(const pl_node *n, const char *name)
{
    return n && n->type != PL_N_TEXT && strcmp(n->name, name) == 0;
}

size_t pl_node_count_named(const pl_node *n, const char *name)
{
    size_t k = 0;
    for (const pl_node *c = n ? n->first : NULL; c; c = c->next)
        if (pl_node_is(c, name))
            k++;
    return k;
}

/* An element of a kind's own vocabulary holding text (not only white
 * space) or inline elements directly. */
static int other_holds_text(const pl_node *n)
{
    for (const pl_node *c = n->first; c; c = c->next) {
        if (c->type == PL_N_TEXT) {
            for (size_t i = 0; i < c->text_len; i++)
                if (c->text[i] != ' ')
                    return 1;
        } else if (pl_node_is_inline(c)) {
            return 1;
        }
    }
    return 0;
}

int pl_node_is_textblock(const pl_node *n)
{
    switch (n->type) {
    case PL_N_OTHER:
        return other_holds_text(n);
    case PL_N_PARA:
    case PL_N_LABEL:
    case PL_N_ITEM:
    case PL_N_CELL:
    case PL_N_SOURCE:
    case PL_N_FIGDESC:
    case PL_N_CAPTION:
    case PL_N_TITLE:
    case PL_N_SUBTITLE:
    case PL_N_NAME:
    case PL_N_ROLE:
    case PL_N_NOTE:
    case PL_N_COVERLINE:
    case PL_N_NUMBER:
    case PL_N_DATE:
    case PL_N_BODY_ORGAN:
        return 1;
    default:
        return 0;
    }
}

/* ---------------------------------------------------------------- */
/* Iterator                                                          */

void pl_iter_init(pl_iter *it, const pl_node *root)
{
    it->root = root;
    it->cur = NULL;
    it->ev = PL_ITER_DONE;
    it->started = 0;
    it->skip = 0;
}

pl_iter_event pl_iter_next(pl_iter *it)
{
    if (!it->started) {
        it->started = 1;
        if (it->root == NULL)
            return it->ev = PL_ITER_DONE;
        it->cur = it->root;
        return it->ev = PL_ITER_ENTER;
    }
    if (it->cur == NULL)
        return it->ev = PL_ITER_DONE;
    if (it->ev == PL_ITER_ENTER) {
        if (it->cur->first && !it->skip) {
            it->cur = it->cur->first;
            return it->ev = PL_ITER_ENTER;
        }
        it->skip = 0;
        return it->ev = PL_ITER_EXIT; /* a leaf, or a skipped node */
    }
    /* after an EXIT */
    if (it->cur == it->root) {
        it->cur = NULL;
        return it->ev = PL_ITER_DONE;
    }
    if (it->cur->next) {
        it->cur = it->cur->next;
        return it->ev = PL_ITER_ENTER;
    }
    it->cur = it->cur->parent;
    return it->ev = PL_ITER_EXIT;
}

void pl_iter_skip_children(pl_iter *it)
{
    if (it->ev == PL_ITER_ENTER)
        it->skip = 1;
}

/* ---------------------------------------------------------------- */
/* Text content and XPath                                            */

static int append_collapsed(pl_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ') {
            if (b->len == 0 || b->data[b->len - 1] == ' ')
                continue;
        }
        if (pl_buf_putc(b, c) != 0)
            return -1;
    }
    return 0;
}

char *pl_node_text(pl_doc *doc, const pl_node *n)
{
    pl_buf b = PL_BUF_INIT;
    pl_iter it;
    pl_iter_init(&it, n);
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        if (it.ev != PL_ITER_ENTER)
            continue;
        if (it.cur->type == PL_N_TEXT) {
            if (append_collapsed(&b, it.cur->text, it.cur->text_len) != 0)
                goto fail;
        } else if (it.cur->type == PL_N_LINEBREAK) {
            if (append_collapsed(&b, " ", 1) != 0)
                goto fail;
        }
    }
    size_t len = b.len;
    while (len > 0 && b.data[len - 1] == ' ')
        len--;
    char *r = pl_arena_strndup(doc->arena, b.data ? b.data : "", len);
    pl_buf_free(&b);
    return r;
fail:
    pl_buf_free(&b);
    return NULL;
}

int pl_node_xpath(const pl_node *n, pl_buf *out)
{
    /* Collect ancestors (bounded by depth; walk twice to avoid an array). */
    size_t depth = 0;
    for (const pl_node *p = n; p; p = p->parent)
        depth++;
    for (size_t level = depth; level > 0; level--) {
        const pl_node *p = n;
        for (size_t k = 1; k < level; k++)
            p = p->parent;
        if (p->type == PL_N_TEXT) {
            if (pl_buf_puts(out, "/text()") != 0)
                return -1;
            continue;
        }
        if (pl_buf_printf(out, "/%s", p->name) != 0)
            return -1;
        if (p->parent != NULL && pl_buf_printf(out, "[%d]", p->index) != 0)
            return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* Flattened text                                                    */

static int flat_push(pl_flat *f, const pl_node *t, size_t node_off,
                     const char *s, size_t n)
{
    if (n == 0)
        return 0;
    char *nt = realloc(f->text, f->len + n + 1);
    if (nt == NULL)
        return -1;
    f->text = nt;
    if (f->nspans == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        pl_flat_span *ns = realloc(f->spans, cap * sizeof *ns);
        if (ns == NULL)
            return -1;
        f->spans = ns;
        f->cap = cap;
    }
    f->spans[f->nspans++] = (pl_flat_span){t, f->len, node_off, n};
    memcpy(f->text + f->len, s, n);
    f->len += n;
    f->text[f->len] = '\0';
    return 0;
}

int pl_flat_build(const pl_node *block, int with_notes, pl_flat *out)
{
    memset(out, 0, sizeof *out);
    out->text = calloc(1, 1);
    if (out->text == NULL)
        return -1;
    pl_iter it;
    pl_iter_init(&it, block);
    pl_iter_next(&it); /* the block itself */
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        const pl_node *c = it.cur;
        if (it.ev != PL_ITER_ENTER)
            continue;
        if (c->type == PL_N_NOTE && !with_notes) {
            pl_iter_skip_children(&it);
            continue;
        }
        if (!pl_node_is_inline(c)) {
            pl_iter_skip_children(&it);
            continue;
        }
        const char *s;
        size_t n, off = 0;
        if (c->type == PL_N_TEXT) {
            s = c->text;
            n = c->text_len;
        } else if (c->type == PL_N_LINEBREAK) {
            s = " ";
            n = 1;
        } else {
            continue;
        }
        /* Collapse across runs: drop a leading space after a space or at
         * the start. */
        while (n > 0 && s[0] == ' ' &&
               (out->len == 0 || out->text[out->len - 1] == ' ')) {
            s++;
            n--;
            off++;
        }
        if (c->type == PL_N_LINEBREAK) {
            if (n && flat_push(out, c, 0, s, n) != 0)
                return -1;
            /* a line break has no text node; record no span position */
            if (n)
                out->spans[out->nspans - 1].text = NULL;
            continue;
        }
        if (flat_push(out, c, off, s, n) != 0)
            return -1;
    }
    /* Trim the trailing space. */
    while (out->len > 0 && out->text[out->len - 1] == ' ') {
        out->len--;
        out->text[out->len] = '\0';
        pl_flat_span *last = &out->spans[out->nspans - 1];
        if (last->len > 0)
            last->len--;
        if (last->len == 0)
            out->nspans--;
    }
    return 0;
}

void pl_flat_free(pl_flat *f)
{
    free(f->text);
    free(f->spans);
    memset(f, 0, sizeof *f);
}

void pl_flat_pos(const pl_doc *doc, const pl_flat *f, size_t off, int *line,
                 int *col, const pl_node **node)
{
    const pl_flat_span *best = NULL;
    for (size_t i = 0; i < f->nspans; i++) {
        const pl_flat_span *s = &f->spans[i];
        if (s->text == NULL)
            continue;
        if (s->flat_off <= off)
            best = s;
        else
            break;
    }
    if (best == NULL) {
        *line = *col = 0;
        if (node)
            *node = NULL;
        return;
    }
    size_t into = off - best->flat_off;
    if (into > best->len)
        into = best->len;
    pl_text_pos(doc, best->text, best->node_off + into, line, col);
    if (node)
        *node = best->text;
}

/* Replays the collapsing of white space and the decoding of entity and
 * character references over the raw source of a text run until `off`
 * bytes of collapsed text have been produced. */
void pl_text_pos(const pl_doc *doc, const pl_node *t, size_t off, int *line,
                 int *col)
{
    const char *raw = doc->source + t->src_off;
    size_t n = t->src_len, i = 0, produced = 0;
    int prev_space = 0;
    while (i < n && produced < off) {
        unsigned char c = (unsigned char)raw[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!prev_space)
                produced++;
            prev_space = 1;
            i++;
            continue;
        }
        prev_space = 0;
        if (c == '&' && !t->cdata) {
            const char *semi = memchr(raw + i, ';', n - i);
            size_t outlen = 1;
            if (semi && raw[i + 1] == '#') {
                long cp = raw[i + 2] == 'x' ? strtol(raw + i + 3, NULL, 16)
                                            : strtol(raw + i + 2, NULL, 10);
                char tmp[4];
                outlen = (cp > 0 && cp <= 0x10FFFF) ? pl_utf8_encode((uint32_t)cp, tmp) : 1;
            }
            produced += outlen;
            i = semi ? (size_t)(semi - raw) + 1 : i + 1;
            continue;
        }
        produced++;
        i++;
    }
    /* Stopped inside a run of white space: the position is the first
     * character after it. */
    if (prev_space)
        while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r'))
            i++;
    size_t pos = t->src_off + i;
    /* line and column of pos */
    int ln = 1;
    size_t line_start = 0;
    if (doc->line_starts && doc->nlines > 0) {
        size_t lo = 0, hi = doc->nlines; /* last start <= pos */
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (doc->line_starts[mid] <= pos)
                lo = mid;
            else
                hi = mid;
        }
        ln = (int)lo + 1;
        line_start = doc->line_starts[lo];
    } else {
        for (size_t k = 0; k < pos; k++) {
            if (doc->source[k] == '\n') {
                ln++;
                line_start = k + 1;
            }
        }
    }
    *line = ln;
    *col = (int)pl_utf8_count(doc->source + line_start, pos - line_start) + 1;
}
