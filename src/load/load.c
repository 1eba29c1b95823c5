/* load: hardened XML parsing with libxml2 and construction of the model.
 *
 * libxml2 gives elements a line but no column, and text nodes neither. After
 * libxml2 has accepted the document we scan the raw bytes ourselves: with
 * DTDs refused there are no entity-made elements, so the n-th start tag in
 * the source is the n-th element in document order, and the n-th run of
 * character data (or CDATA) inside the root is the n-th text node. That
 * gives every element and text run an exact line and column. */
#include "load.h"

#include "../schema/schema.h"
#include "../util/buf.h"
#include "../util/file.h"
#include "../util/utf8.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Errors from libxml2                                                 */

typedef struct collector {
    const char *path;
    const char *rule; /* XML-001, or the caller's (CAT-001) */
    pl_diags *diags;
    int count;
    const char *src; /* the raw input, to correct positions */
    size_t len;
} collector;

/* Byte offset of (line, col) in src, col counted in characters. */
static size_t offset_of(const char *src, size_t len, int line, int col)
{
    size_t i = 0;
    for (int l = 1; l < line && i < len; i++)
        if (src[i] == '\n')
            l++;
    for (int c = 1; c < col && i < len && src[i] != '\n'; c++) {
        i++;
        while (i < len && ((unsigned char)src[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* libxml2 reports a position just past the offending token; users want
 * its start. For tag and entity errors, step back to the '<' or '&' on
 * the same line. */
static void correct_position(const collector *c, const xmlError *err, int *line, int *col)
{
    char want = 0;
    switch (err->code) {
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
        want = '<';
        break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
        want = '&';
        break;
    case XML_ERR_RESERVED_XML_NAME: {
        /* "<?xml" not at the start: point at it */
        const char *p = c->src;
        for (size_t i = 1; i + 5 <= c->len; i++)
            if (memcmp(p + i, "<?xml", 5) == 0) {
                int l = 1;
                size_t ls = 0;
                for (size_t k = 0; k < i; k++)
                    if (p[k] == '\n') {
                        l++;
                        ls = k + 1;
                    }
                *line = l;
                *col = (int)pl_utf8_count(p + ls, i - ls) + 1;
                return;
            }
        return;
    }
    default:
        return;
    }
    if (*line <= 0 || *col <= 0)
        return;
    size_t off = offset_of(c->src, c->len, *line, *col);
    size_t ls = off;
    while (ls > 0 && c->src[ls - 1] != '\n')
        ls--;
    for (size_t i = off; i > ls; i--) {
        if (c->src[i - 1] == want) {
            *col = (int)pl_utf8_count(c->src + ls, i - 1 - ls) + 1;
            return;
        }
    }
}

static void on_parse_error(void *user, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = user;
    collector *c = ctxt ? ctxt->_private : NULL;
    if (c == NULL || err == NULL || err->level < XML_ERR_ERROR)
        return;
    /* After the first fatal error libxml2 recovers by guessing, and what
     * follows is noise about its guesses: report the first only. */
    if (c->count++ > 0)
        return;
    int line = err->line, col = err->int2 > 0 ? err->int2 : 0;
    correct_position(c, err, &line, &col);
    char *msg = pl_schema_translate(err->message ? err->message : "");
    pl_diags_add(c->diags, c->path, line, col, PL_SEV_ERROR, c->rule, NULL, "%s",
                 msg ? msg : "XML mal formado");
    free(msg);
    if (err->level == XML_ERR_FATAL)
        xmlStopParser(ctxt);
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id,
                                       xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL; /* no external resource is ever loaded for a document */
}

/* ------------------------------------------------------------------ */
/* Raw scan of the source                                              */

typedef struct seg {
    size_t off, len;
} seg;

typedef struct scan {
    size_t *tags; /* offsets of '<' of start tags, document order */
    size_t ntags, captags;
    seg *texts; /* character data / CDATA runs inside the root */
    size_t ntexts, captexts;
} scan;

static int push_tag(scan *s, size_t off)
{
    if (s->ntags == s->captags) {
        size_t cap = s->captags ? s->captags * 2 : 256;
        size_t *t = realloc(s->tags, cap * sizeof *t);
        if (t == NULL)
            return -1;
        s->tags = t;
        s->captags = cap;
    }
    s->tags[s->ntags++] = off;
    return 0;
}

static int push_text(scan *s, size_t off, size_t len)
{
    if (s->ntexts == s->captexts) {
        size_t cap = s->captexts ? s->captexts * 2 : 256;
        seg *t = realloc(s->texts, cap * sizeof *t);
        if (t == NULL)
            return -1;
        s->texts = t;
        s->captexts = cap;
    }
    s->texts[s->ntexts++] = (seg){off, len};
    return 0;
}

static const char *find(const char *p, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (; p + n <= end; p++)
        if (memcmp(p, what, n) == 0)
            return p;
    return end;
}

/* Scans a document libxml2 has already accepted. Returns 0 or -1 (OOM). */
static int scan_source(const char *src, size_t len, scan *s)
{
    const char *p = src, *end = src + len;
    int depth = 0;
    while (p < end) {
        if (*p != '<') {
            const char *q = memchr(p, '<', (size_t)(end - p));
            if (q == NULL)
                q = end;
            if (depth > 0 && push_text(s, (size_t)(p - src), (size_t)(q - p)) != 0)
                return -1;
            p = q;
            continue;
        }
        if (p + 4 <= end && memcmp(p, "<!--", 4) == 0) {
            const char *q = find(p + 4, end, "-->");
            p = q < end ? q + 3 : end;
        } else if (p + 9 <= end && memcmp(p, "<![CDATA[", 9) == 0) {
            const char *q = find(p + 9, end, "]]>");
            if (depth > 0 && push_text(s, (size_t)(p + 9 - src), (size_t)(q - p - 9)) != 0)
                return -1;
            p = q < end ? q + 3 : end;
        } else if (p + 2 <= end && p[1] == '?') {
            const char *q = find(p + 2, end, "?>");
            p = q < end ? q + 2 : end;
        } else if (p + 2 <= end && p[1] == '!') {
            const char *q = memchr(p, '>', (size_t)(end - p));
            p = q ? q + 1 : end;
        } else if (p + 2 <= end && p[1] == '/') {
            const char *q = memchr(p, '>', (size_t)(end - p));
            p = q ? q + 1 : end;
            depth--;
        } else {
            if (push_tag(s, (size_t)(p - src)) != 0)
                return -1;
            const char *q = p + 1;
            char quote = 0;
            while (q < end) {
                if (quote) {
                    if (*q == quote)
                        quote = 0;
                } else if (*q == '"' || *q == '\'') {
                    quote = *q;
                } else if (*q == '>') {
                    break;
                }
                q++;
            }
            if (q < end && q[-1] != '/')
                depth++;
            p = q < end ? q + 1 : end;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Model construction                                                  */

typedef struct builder {
    pl_doc *doc;
    scan sc;
    size_t next_tag, next_text;
    /* running line/column cursor (offsets only grow in document order) */
    size_t cur_off, cur_line_start;
    int cur_line;
} builder;

static void position(builder *b, size_t off, int *line, int *col)
{
    if (off < b->cur_off) { /* should not happen; restart */
        b->cur_off = 0;
        b->cur_line = 1;
        b->cur_line_start = 0;
    }
    const char *src = b->doc->source;
    for (size_t i = b->cur_off; i < off; i++) {
        if (src[i] == '\n') {
            b->cur_line++;
            b->cur_line_start = i + 1;
        }
    }
    b->cur_off = off;
    *line = b->cur_line;
    *col = (int)pl_utf8_count(src + b->cur_line_start, off - b->cur_line_start) + 1;
}

static char *collapse(pl_arena *a, const char *s, size_t *outlen)
{
    size_t n = strlen(s);
    char *d = pl_arena_alloc(a, n + 1);
    if (d == NULL)
        return NULL;
    size_t o = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!sp)
                d[o++] = ' ';
            sp = 1;
        } else {
            d[o++] = c;
            sp = 0;
        }
    }
    d[o] = '\0';
    *outlen = o;
    return d;
}

static void append_child(pl_node *parent, pl_node *c)
{
    c->parent = parent;
    c->prev = parent->last;
    if (parent->last)
        parent->last->next = c;
    else
        parent->first = c;
    parent->last = c;
}

/* Builds the pl_node for element x and its subtree. The recursion depth is
 * bounded by libxml2's own nesting limit (256 without XML_PARSE_HUGE). */
static pl_status build(builder *b, xmlNodePtr x, pl_node *parent, pl_node **out)
{
    pl_arena *a = b->doc->arena;
    pl_node *n = pl_arena_alloc(a, sizeof *n);
    if (n == NULL)
        return PL_ENOMEM;
    n->name = pl_arena_strdup(a, (const char *)x->name);
    if (n->name == NULL)
        return PL_ENOMEM;
    n->type = pl_node_type_from_name(n->name);
    if (b->next_tag < b->sc.ntags)
        position(b, b->sc.tags[b->next_tag++], &n->line, &n->col);
    else
        n->line = x->line;
    x->_private = n;

    size_t na = 0;
    for (xmlAttrPtr at = x->properties; at; at = at->next)
        na++;
    if (na) {
        n->attrs = pl_arena_alloc(a, na * sizeof *n->attrs);
        if (n->attrs == NULL)
            return PL_ENOMEM;
        for (xmlAttrPtr at = x->properties; at; at = at->next) {
            xmlChar *v = xmlNodeListGetString(x->doc, at->children, 1);
            pl_attr *pa = &n->attrs[n->nattrs++];
            pa->name = pl_arena_strdup(a, (const char *)at->name);
            pa->value = pl_arena_strdup(a, v ? (const char *)v : "");
            xmlFree(v);
            if (pa->name == NULL || pa->value == NULL)
                return PL_ENOMEM;
        }
    }
    if (parent)
        append_child(parent, n);

    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            pl_node *cn;
            pl_status st = build(b, c, n, &cn);
            if (st != PL_OK)
                return st;
            /* One more than the nearest sibling of the same name: counting
             * them all would be quadratic in a long table of rows. */
            int idx = 1;
            for (pl_node *s = cn->prev; s; s = s->prev)
                if (s->type != PL_N_TEXT && strcmp(s->name, cn->name) == 0) {
                    idx = s->index + 1;
                    break;
                }
            cn->index = idx;
        } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            pl_node *t = pl_arena_alloc(a, sizeof *t);
            if (t == NULL)
                return PL_ENOMEM;
            t->type = PL_N_TEXT;
            t->name = "#text";
            t->cdata = c->type == XML_CDATA_SECTION_NODE;
            t->text = collapse(a, c->content ? (const char *)c->content : "", &t->text_len);
            if (t->text == NULL)
                return PL_ENOMEM;
            if (b->next_text < b->sc.ntexts) {
                seg sg = b->sc.texts[b->next_text++];
                t->src_off = sg.off;
                t->src_len = sg.len;
                position(b, sg.off, &t->line, &t->col);
            } else {
                t->line = n->line;
                t->col = n->col;
            }
            c->_private = t;
            append_child(n, t);
        }
    }
    *out = n;
    return PL_OK;
}

/* ------------------------------------------------------------------ */

static int line_col_of(const char *src, size_t off, int *col)
{
    int line = 1;
    size_t ls = 0;
    for (size_t i = 0; i < off; i++)
        if (src[i] == '\n') {
            line++;
            ls = i + 1;
        }
    *col = (int)pl_utf8_count(src + ls, off - ls) + 1;
    return line;
}

static const char *skip_prolog(const char *p, const char *end)
{
    /* Skips BOM, XML declaration, comments, PIs and white space. */
    if (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        p += 3;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
        if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            p = find(p + 4, end, "-->");
            p = p < end ? p + 3 : end;
        } else if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
            p = find(p + 2, end, "?>");
            p = p < end ? p + 2 : end;
        } else {
            return p;
        }
    }
}

/* The hardened parse shared by documents and pleno's own data files.
 * Problems in the file are diagnostics of rule_xml (not well-formed,
 * UTF-16) or rule_dtd (a DOCTYPE). */
static pl_status parse_hardened(const char *path, const char *data, size_t len,
                                const char *rule_xml, const char *rule_dtd, pl_diags *diags,
                                xmlDocPtr *out)
{
    pl_status st = PL_OK;
    xmlParserCtxtPtr ctxt = NULL;
    xmlDocPtr xdoc = NULL;
    *out = NULL;
    collector col = {path, rule_xml, diags, 0, data, len};
    /* the library never prints: libxml2's generic messages go nowhere */
    xmlSetGenericErrorFunc(NULL, silent);

    if (len > 0x7fffffff) /* libxml2 takes an int length */
        return PL_ELIMIT;

    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
        pl_diags_add(diags, path, 1, 1, PL_SEV_ERROR, rule_xml, NULL,
                     "el archivo está codificado en UTF-16; pleno sólo lee UTF-8: "
                     "guárdelo como UTF-8");
        return PL_EDOC;
    }

    /* A DTD can declare entities (billion laughs, external files): pleno's
     * vocabulary needs none, so any DOCTYPE is refused before parsing. */
    const char *start = skip_prolog(data, data + len);
    if (data + len - start >= 9 && memcmp(start, "<!DOCTYPE", 9) == 0) {
        int c;
        int l = line_col_of(data, (size_t)(start - data), &c);
        pl_diags_add(diags, path, l, c, PL_SEV_ERROR, rule_dtd, NULL,
                     "no se admiten declaraciones DOCTYPE: pleno no carga DTD "
                     "ni entidades (seguridad); quite la línea <!DOCTYPE …>");
        return PL_EDOC;
    }

    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return PL_ENOMEM;
    ctxt->_private = &col;
    ctxt->sax->serror = on_parse_error;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;

    xmlExternalEntityLoader prev = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(refuse_entity);
    /* No XML_PARSE_NOENT (no entity substitution), no DTDLOAD/DTDATTR/
     * DTDVALID, no HUGE (keeps libxml2's depth and size limits), NONET. */
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
               XML_PARSE_NOXINCNODE;
    xdoc = xmlCtxtReadMemory(ctxt, data, (int)len, path, "UTF-8", opts);
    xmlSetExternalEntityLoader(prev);

    if (xdoc == NULL || col.count > 0 || !ctxt->wellFormed) {
        if (col.count == 0)
            pl_diags_add(diags, path, 1, 1, PL_SEV_ERROR, rule_xml, NULL,
                         "el archivo no es XML bien formado");
        st = PL_EDOC;
        goto done;
    }
    if (xdoc->intSubset != NULL || xdoc->extSubset != NULL) {
        pl_diags_add(diags, path, 1, 1, PL_SEV_ERROR, rule_dtd, NULL,
                     "no se admiten declaraciones DOCTYPE");
        st = PL_EDOC;
        goto done;
    }
    if (xmlDocGetRootElement(xdoc) == NULL) {
        pl_diags_add(diags, path, 1, 1, PL_SEV_ERROR, rule_xml, NULL,
                     "el documento está vacío");
        st = PL_EDOC;
        goto done;
    }
    *out = xdoc;
    xdoc = NULL;
done:
    if (xdoc)
        xmlFreeDoc(xdoc);
    xmlFreeParserCtxt(ctxt);
    return st;
}

pl_status pl_load_parse_xml(const char *path, const char *data, size_t len, const char *rule,
                            pl_diags *diags, struct _xmlDoc **out)
{
    return parse_hardened(path, data, len, rule, rule, diags, out);
}

int pl_load_start_tags(const char *src, size_t len, size_t **tags, size_t *n)
{
    scan sc;
    memset(&sc, 0, sizeof sc);
    int rc = scan_source(src, len, &sc);
    free(sc.texts);
    if (rc != 0) {
        free(sc.tags);
        *tags = NULL;
        *n = 0;
        return -1;
    }
    *tags = sc.tags;
    *n = sc.ntags;
    return 0;
}

pl_status pl_load_memory(const char *path, const char *data, size_t len,
                         const char *datadir, pl_diags *diags, pl_doc **out)
{
    pl_status st = PL_OK;
    pl_doc *doc = NULL;
    xmlDocPtr xdoc = NULL;
    builder b;
    memset(&b, 0, sizeof b);
    *out = NULL;

    if (len > PL_MAX_INPUT_BYTES) {
        pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, "IO-002", NULL,
                     "el archivo mide %zu bytes; el máximo admitido es %u",
                     len, PL_MAX_INPUT_BYTES);
        return PL_ELIMIT;
    }

    st = parse_hardened(path, data, len, "XML-001", "XML-002", diags, &xdoc);
    if (st != PL_OK) {
        if (st == PL_ENOMEM)
            pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, "IO-003", NULL,
                         "memoria insuficiente al leer el documento");
        return st;
    }

    doc = pl_doc_new(path);
    if (doc == NULL) {
        xmlFreeDoc(xdoc);
        return PL_ENOMEM;
    }
    char *copy = pl_arena_strndup(doc->arena, data, len);
    if (copy == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    doc->source = copy;
    doc->source_len = len;
    if (pl_doc_index_lines(doc) != 0) {
        st = PL_ENOMEM;
        goto done;
    }

    xmlNodePtr root = xmlDocGetRootElement(xdoc);
    const char *ns = root->ns && root->ns->href ? (const char *)root->ns->href : NULL;
    doc->kind = pl_schema_kind_of((const char *)root->name, ns);

    b.doc = doc;
    b.cur_line = 1;
    if (scan_source(copy, len, &b.sc) != 0) {
        st = PL_ENOMEM;
        goto done;
    }
    PL_CHECK(build(&b, root, NULL, &doc->root));
    doc->root->index = 1;
    if (ns) {
        doc->ns = pl_arena_strdup(doc->arena, ns);
        if (doc->ns == NULL) {
            st = PL_ENOMEM;
            goto done;
        }
    }

    if (doc->kind == PL_KIND_UNKNOWN) {
        const char *want = NULL;
        pl_kind k = pl_schema_kind_of_root((const char *)root->name);
        if (k != PL_KIND_UNKNOWN)
            want = pl_schema_namespace(k);
        if (want)
            pl_diags_add(diags, path, doc->root->line, doc->root->col, PL_SEV_ERROR,
                         "KIND-001", "/", "el elemento raíz <%s> debe estar en el espacio "
                         "de nombres %s (%s%s)", root->name, want,
                         ns ? "declara " : "no declara ninguno", ns ? ns : "");
        else
            pl_diags_add(diags, path, doc->root->line, doc->root->col, PL_SEV_ERROR,
                         "KIND-001", "/", "<%s> no es un tipo de documento de pleno; "
                         "los tipos conocidos son: %s", root->name, pl_schema_kind_list());
        st = PL_EDOC;
        goto done;
    }

    st = pl_schema_validate(xdoc, doc->kind, datadir, path, diags);

done:
    free(b.sc.tags);
    free(b.sc.texts);
    if (xdoc)
        xmlFreeDoc(xdoc);
    if (st == PL_ENOMEM)
        pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, "IO-003", NULL,
                     "memoria insuficiente al leer el documento");
    if (st != PL_OK) {
        pl_doc_free(doc);
        return st;
    }
    *out = doc;
    return PL_OK;
}

pl_status pl_load_file(const char *path, const char *datadir, pl_diags *diags,
                       pl_doc **out)
{
    *out = NULL;
    pl_buf b = PL_BUF_INIT;
    int err, opening;
    pl_status st = pl_read_file(path, PL_MAX_INPUT_BYTES, &b, &err, &opening);
    if (st == PL_EIO)
        pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, "IO-001", NULL, "no se puede %s el archivo: %s",
                     opening ? "abrir" : "leer", pl_strerror(err));
    else if (st == PL_ELIMIT)
        pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, "IO-002", NULL,
                     "el archivo excede el máximo admitido de %u bytes", PL_MAX_INPUT_BYTES);
    if (st == PL_OK)
        st = pl_load_memory(path, b.data ? b.data : "", b.len, datadir, diags, out);
    pl_buf_free(&b);
    return st;
}

void pl_load_cleanup(void)
{
    pl_schema_cleanup();
    xmlCleanupParser();
}
