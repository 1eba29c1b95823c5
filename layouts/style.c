/* layouts: page layouts as data. layouts/KIND.xml (schemas/diseno.xsd)
 * gives a kind's page geometry, letters, sizes, spacing, colours, page
 * labels and the pieces of its running header and footer; the code of
 * each kind decides only what goes where. The file is read through the
 * same hardened loader and XSD validation as a document, so a mistake in
 * it is reported at its line and column. */
#include "layout.h"

#include "../src/load/load.h"
#include "../src/rules/es.h"
#include "../src/schema/schema.h"
#include "../src/util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Pieces of header and footer: more is surely a mistake (and each costs
 * work on every page). */
#define MAX_DECOS 64

/* Defaults for what a layout file leaves out: Letter, 1-inch margins,
 * 11 pt serif text. */
static const pl_style defaults = {
    .page_w = 612, .page_h = 792,
    .margin_l = 72, .margin_r = 72, .margin_t = 72, .margin_b = 72,
    .body_size = 11, .body_leading = 14.6f,
    .par_space = 6,
    .note_size = 8.5f, .note_leading = 10.6f,
    .table_size = {9.5f, 8.2f, 6.8f},
    .list_indent = 24,
    .body_font = PL_F_SERIF, .head_font = PL_F_SANS, .head_bold = PL_F_SANS_BOLD,
    .label_start = 1,
};

/* A measure ("12", "12pt", "25.4mm", "2.54cm", "1in") in points; the
 * schema has checked its shape. */
static float measure(const char *s, float dflt)
{
    if (s == NULL)
        return dflt;
    char *end;
    double v = strtod(s, &end);
    if (strcmp(end, "mm") == 0)
        v *= 72.0 / 25.4;
    else if (strcmp(end, "cm") == 0)
        v *= 72.0 / 2.54;
    else if (strcmp(end, "in") == 0)
        v *= 72.0;
    return (float)v;
}

static uint32_t color(const char *s)
{
    if (s == NULL || s[0] != '#')
        return 0;
    return PL_RGB(strtoul(s + 1, NULL, 16) & 0xFFFFFFu);
}

static const char *attr(const pl_node *n, const char *name)
{
    return n ? pl_node_attr(n, name) : NULL;
}

static int is_yes(const char *s)
{
    return s && strcmp(s, "si") == 0;
}

/* A path of the layout file (an image) relative to the file's folder. */
static const char *beside(pl_arena *a, const char *layout, const char *src)
{
    if (src[0] == '/')
        return pl_arena_strdup(a, src);
    const char *slash = strrchr(layout, '/');
    pl_buf b = PL_BUF_INIT;
    if (slash)
        pl_buf_printf(&b, "%.*s/%s", (int)(slash - layout), layout, src);
    else
        pl_buf_puts(&b, src);
    const char *r = b.data ? pl_arena_strdup(a, b.data) : NULL;
    pl_buf_free(&b);
    return r;
}

static int read_band(const pl_node *band, const char *path, pl_arena *a, pl_deco *decos,
                     size_t *nd, pl_diags *diags)
{
    for (const pl_node *c = band ? band->first : NULL; c; c = c->next) {
        if (c->type == PL_N_TEXT)
            continue;
        if (*nd == MAX_DECOS) {
            pl_diags_add(diags, path, c->line, c->col, PL_SEV_ERROR, "LAYOUT-001", NULL,
                         "el encabezado y el pie tienen más de %d piezas", MAX_DECOS);
            return -1;
        }
        pl_deco *d = &decos[(*nd)++];
        memset(d, 0, sizeof *d);
        d->line = c->line;
        d->col = c->col;
        const char *al = attr(c, "alineacion");
        d->align = al == NULL ? 0 : strcmp(al, "centro") == 0 ? 1 : strcmp(al, "derecha") == 0 ? 2 : 0;
        const char *pg = attr(c, "paginas");
        d->pages = pg == NULL ? 0 : strcmp(pg, "primera") == 0 ? 1 : strcmp(pg, "siguientes") == 0 ? 2 : 0;
        d->has_x = attr(c, "x") != NULL;
        d->x = measure(attr(c, "x"), 0);
        d->y = measure(attr(c, "y"), 0);
        d->rgb = color(attr(c, "color"));
        if (pl_node_is(c, "texto")) {
            d->kind = PL_DECO_TEXT;
            d->size = measure(attr(c, "tamano"), 9);
            const char *fam = attr(c, "letra");
            pl_font base = fam && strcmp(fam, "serif") == 0 ? PL_F_SERIF : PL_F_SANS;
            d->font = pl_font_style(base, is_yes(attr(c, "negrita")), is_yes(attr(c, "cursiva")));
            d->text = "";
            for (const pl_node *t = c->first; t; t = t->next)
                if (t->type == PL_N_TEXT)
                    d->text = pl_arena_strndup(a, t->text, t->text_len);
            if (d->text == NULL)
                return -2;
            /* every field closed: "{metadatos/numero" would print as is */
            int open = 0;
            for (const char *t = d->text; *t; t++)
                if (*t == '{' && open++)
                    break;
                else if (*t == '}' && open-- == 0)
                    break;
            if (open != 0) {
                pl_diags_add(diags, path, c->line, c->col, PL_SEV_ERROR, "LAYOUT-001", NULL,
                             "el texto «%s» tiene una llave sin cerrar o sin abrir: los campos "
                             "se escriben {metadatos/numero}", d->text);
                return -1;
            }
        } else if (pl_node_is(c, "filete")) {
            d->kind = PL_DECO_RULE;
            d->w = measure(attr(c, "ancho"), 0);
            d->lw = measure(attr(c, "grosor"), 0.5f);
        } else {
            d->kind = PL_DECO_IMAGE;
            d->h = measure(attr(c, "alto"), 0);
            d->src = beside(a, path, attr(c, "src"));
            if (d->src == NULL)
                return -2;
        }
    }
    return 0;
}

pl_status pl_style_load(const char *path, const char *datadir, pl_kind kind, pl_arena *arena,
                        pl_style *out, pl_diags *diags)
{
    pl_doc *doc = NULL;
    size_t before = pl_diags_count(diags, PL_SEV_ERROR);
    pl_status st = pl_load_file(path, datadir, diags, &doc);
    if (st == PL_EDOC)
        return PL_EDATA;
    if (st != PL_OK)
        return st;
    *out = defaults;
    if (doc->kind != PL_KIND_DISENO) {
        pl_diags_add(diags, path, doc->root->line, doc->root->col, PL_SEV_ERROR, "LAYOUT-001",
                     "/", "no es un diseño de página: el elemento raíz es <%s>, no <diseno>",
                     doc->root->name);
        pl_doc_free(doc);
        return PL_EDATA;
    }
    const pl_node *root = doc->root;
    const char *tipo = attr(root, "tipo");
    if (tipo && strcmp(tipo, pl_kind_name(kind)) != 0) {
        pl_diags_add(diags, path, root->line, root->col, PL_SEV_ERROR, "LAYOUT-002", "/diseno",
                     "este diseño es para documentos de tipo %s, no %s", tipo,
                     pl_kind_name(kind));
        pl_doc_free(doc);
        return PL_EDATA;
    }
    const pl_node *pg = pl_node_named(root, "pagina");
    out->page_w = measure(attr(pg, "ancho"), out->page_w);
    out->page_h = measure(attr(pg, "alto"), out->page_h);
    out->margin_l = measure(attr(pg, "margen-izquierdo"), out->margin_l);
    out->margin_r = measure(attr(pg, "margen-derecho"), out->margin_r);
    out->margin_t = measure(attr(pg, "margen-superior"), out->margin_t);
    out->margin_b = measure(attr(pg, "margen-inferior"), out->margin_b);
    if (out->margin_l + out->margin_r > out->page_w - 144 ||
        out->margin_t + out->margin_b > out->page_h - 144) {
        pl_diags_add(diags, path, pg->line, pg->col, PL_SEV_ERROR, "LAYOUT-001", NULL,
                     "los márgenes dejan menos de 2 pulgadas (144 pt) de caja de texto");
        pl_doc_free(doc);
        return PL_EDATA;
    }
    const pl_node *le = pl_node_named(root, "letras");
    const char *tx = attr(le, "texto"), *ti = attr(le, "titulos");
    out->body_font = tx && strcmp(tx, "sans") == 0 ? PL_F_SANS : PL_F_SERIF;
    out->head_font = ti && strcmp(ti, "serif") == 0 ? PL_F_SERIF : PL_F_SANS;
    out->head_bold = pl_font_style(out->head_font, 1, 0);
    const pl_node *ta = pl_node_named(root, "tamanos");
    out->body_size = measure(attr(ta, "texto"), out->body_size);
    out->body_leading = measure(attr(ta, "interlineado"), out->body_size * 1.33f);
    out->note_size = measure(attr(ta, "nota"), out->note_size);
    out->note_leading = measure(attr(ta, "interlineado-nota"), out->note_size * 1.25f);
    out->table_size[0] = measure(attr(ta, "tabla"), out->table_size[0]);
    out->table_size[1] = measure(attr(ta, "tabla-pequena"), out->table_size[1]);
    out->table_size[2] = measure(attr(ta, "tabla-diminuta"), out->table_size[2]);
    for (int i = 0; i < 3; i++)
        if (out->table_size[i] < 4 || out->body_size < 4 || out->note_size < 4) {
            pl_diags_add(diags, path, ta->line, ta->col, PL_SEV_ERROR, "LAYOUT-001", NULL,
                         "un tamaño de letra menor de 4 puntos no se puede leer");
            pl_doc_free(doc);
            return PL_EDATA;
        }
    const pl_node *es = pl_node_named(root, "espacios");
    out->par_space = measure(attr(es, "parrafo"), out->par_space);
    out->list_indent = measure(attr(es, "sangria-lista"), out->list_indent);
    const pl_node *co = pl_node_named(root, "colores");
    out->head_rgb = color(attr(co, "titulos"));
    out->rule_rgb = color(attr(co, "filetes"));
    out->thead_rgb = color(attr(co, "encabezado-tabla"));
    out->group_rgb = color(attr(co, "grupo-tabla"));
    out->accent_rgb = color(attr(co, "acento"));
    const pl_node *nu = pl_node_named(root, "numeracion");
    const char *ls = attr(nu, "estilo");
    out->label_style = ls == NULL ? 0 : strcmp(ls, "romano") == 0 ? 1
                                      : strcmp(ls, "romano-minuscula") == 0 ? 2 : 0;
    const char *pre = attr(nu, "prefijo");
    out->label_prefix = pre ? pl_arena_strdup(arena, pre) : NULL;
    out->label_start = attr(nu, "inicio") ? atoi(attr(nu, "inicio")) : 1;
    out->path = pl_arena_strdup(arena, path);

    pl_deco decos[MAX_DECOS];
    size_t nd = 0;
    int rc = read_band(pl_node_named(root, "encabezado"), path, arena, decos, &nd, diags);
    if (rc == 0)
        rc = read_band(pl_node_named(root, "pie"), path, arena, decos, &nd, diags);
    pl_deco *copy = nd ? pl_arena_alloc(arena, nd * sizeof *copy) : NULL;
    if (rc == -2 || (nd && copy == NULL) || out->path == NULL)
        st = PL_ENOMEM;
    else if (rc != 0 || pl_diags_count(diags, PL_SEV_ERROR) > before)
        st = PL_EDATA;
    if (copy)
        memcpy(copy, decos, nd * sizeof *copy);
    out->decos = copy;
    out->ndecos = nd;
    pl_doc_free(doc);
    return st;
}

/* ------------------------------------------------------------------ */
/* Running header and footer                                           */

const char *pl_lay_date(pl_lay *L, const char *iso, pl_date_form form)
{
    int y, m, d;
    char end;
    if (iso == NULL || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
        !pl_date_valid(y, m, d))
        return iso;
    pl_buf b = PL_BUF_INIT;
    if (form == PL_DATE_YEAR)
        pl_buf_printf(&b, "%d", y);
    else if (form == PL_DATE_MONTH)
        pl_buf_printf(&b, "%s de %d", pl_es_month_name(m), y);
    else
        pl_buf_printf(&b, "%d de %s de %d", d, pl_es_month_name(m), y);
    const char *r = b.data ? pl_arena_strdup(L->arena, b.data) : NULL;
    pl_buf_free(&b);
    if (r == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return iso;
    }
    return r;
}

/* The value of one template field: {pagina}, {paginas} (left for the PDF
 * writer as {n} and {N}), {RUTA}, {RUTA/@atr}, with "|otro" when absent;
 * a date (AAAA-MM-DD) followed by ":fecha", ":mes" or ":anio" is written
 * in words ("22 de noviembre de 2019", "noviembre de 2019", "2019"). */
static void field(pl_lay *L, const char *f, size_t n, pl_buf *out)
{
    const char *bar = memchr(f, '|', n);
    size_t plen = bar ? (size_t)(bar - f) : n;
    int form = -1;
    static const struct {
        const char *suffix;
        pl_date_form form;
    } forms[] = {{":fecha", PL_DATE_DAY}, {":mes", PL_DATE_MONTH}, {":anio", PL_DATE_YEAR}};
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        size_t sl = strlen(forms[k].suffix);
        if (plen > sl && memcmp(f + plen - sl, forms[k].suffix, sl) == 0) {
            form = (int)forms[k].form;
            plen -= sl;
            break;
        }
    }
    if (plen == 6 && memcmp(f, "pagina", 6) == 0) {
        pl_buf_puts(out, "{n}");
        return;
    }
    if (plen == 7 && memcmp(f, "paginas", 7) == 0) {
        pl_buf_puts(out, "{N}");
        return;
    }
    char path[256];
    if (plen >= sizeof path)
        plen = sizeof path - 1;
    memcpy(path, f, plen);
    path[plen] = '\0';
    const char *value = NULL;
    char *at = strstr(path, "/@");
    if (at == NULL && path[0] == '@')
        at = path - 1; /* "@tipo": an attribute of the root */
    if (at) {
        const char *name = at + 2;
        if (at >= path)
            *at = '\0';
        const pl_node *e = at >= path ? pl_node_at(L->doc->root, path) : L->doc->root;
        value = e ? pl_node_attr(e, name) : NULL;
    } else {
        const pl_node *e = pl_node_at(L->doc->root, path);
        value = e ? pl_lay_plain(L, e) : NULL;
    }
    if (value && *value && form >= 0)
        value = pl_lay_date(L, value, (pl_date_form)form);
    if (value && *value)
        pl_buf_puts(out, value);
    else if (bar)
        pl_buf_append(out, bar + 1, n - (size_t)(bar - f) - 1);
}

static const char *expand(pl_lay *L, const char *tmpl)
{
    pl_buf b = PL_BUF_INIT;
    for (const char *s = tmpl; *s;) {
        const char *close = s[0] == '{' ? strchr(s, '}') : NULL;
        if (close) {
            field(L, s + 1, (size_t)(close - s - 1), &b);
            s = close + 1;
        } else {
            pl_buf_putc(&b, *s++);
        }
    }
    const char *r = pl_arena_strdup(L->arena, b.data ? b.data : "");
    pl_buf_free(&b);
    if (r == NULL)
        pl_lay_fail(L, PL_ENOMEM);
    return r;
}

void pl_lay_decorate(pl_lay *L, pl_page *p, size_t i, size_t n)
{
    (void)n;
    const pl_style *S = L->st;
    if (S->ndecos == 0)
        return;
    if (L->deco_text == NULL) {
        L->deco_text = pl_arena_alloc(L->arena, S->ndecos * sizeof *L->deco_text);
        if (L->deco_text == NULL) {
            pl_lay_fail(L, PL_ENOMEM);
            return;
        }
        for (size_t k = 0; k < S->ndecos; k++)
            L->deco_text[k] = S->decos[k].kind == PL_DECO_TEXT ? expand(L, S->decos[k].text) : NULL;
    }
    float left = S->margin_l, right = S->page_w - S->margin_r;
    for (size_t k = 0; k < S->ndecos && L->status == PL_OK; k++) {
        const pl_deco *d = &S->decos[k];
        if ((d->pages == 1 && i != 0) || (d->pages == 2 && i == 0))
            continue;
        float ax = d->has_x ? d->x : d->align == 1 ? S->page_w / 2 : d->align == 2 ? right : left;
        pl_op op;
        memset(&op, 0, sizeof op);
        op.rgb = d->rgb;
        op.y = d->y;
        if (d->kind == PL_DECO_TEXT) {
            if (L->deco_text[k] == NULL)
                continue;
            op.kind = PL_OP_FIELD;
            op.font = d->font;
            op.size = d->size;
            op.x = ax;
            op.w = (float)d->align;
            op.text = L->deco_text[k];
            op.len = strlen(op.text);
        } else if (d->kind == PL_DECO_RULE) {
            op.kind = PL_OP_LINE;
            op.w = d->w > 0 ? d->w : right - left;
            op.x = d->has_x ? d->x : d->align == 1 ? (S->page_w - op.w) / 2
                                  : d->align == 2 ? right - op.w : left;
            op.lw = d->lw;
        } else {
            const pl_metrics *m = pl_ts_metrics(L->ts);
            float pw, ph;
            const char *why = NULL;
            int id = m->image ? m->image(m->ctx, d->src, &pw, &ph, &why) : -1;
            if (id < 0 || ph <= 0)
                continue; /* reported by pl_lay_check_images */
            op.kind = PL_OP_IMAGE;
            op.anchor = id;
            op.h = d->h;
            op.w = d->h * pw / ph;
            op.x = d->align == 1 ? ax - op.w / 2 : d->align == 2 ? ax - op.w : ax;
        }
        if (pl_page_op(p, &op) != 0)
            pl_lay_fail(L, PL_ENOMEM);
    }
}

int pl_lay_check_images(pl_lay *L)
{
    int bad = 0;
    const pl_style *S = L->st;
    const pl_metrics *m = pl_ts_metrics(L->ts);
    for (size_t k = 0; k < S->ndecos; k++) {
        const pl_deco *d = &S->decos[k];
        if (d->kind != PL_DECO_IMAGE)
            continue;
        float pw = 0, ph = 0;
        const char *why = "no hay imágenes en esta salida";
        int id = m->image ? m->image(m->ctx, d->src, &pw, &ph, &why) : -1;
        if (id < 0 || ph <= 0) {
            pl_diags_add(L->diags, S->path, d->line, d->col, PL_SEV_ERROR, "IMG-001", NULL,
                         "la imagen %s no se puede usar: %s", d->src, why);
            bad = 1;
        }
    }
    return bad ? -1 : 0;
}

void pl_lay_tint(pl_run *r, size_t n, uint32_t rgb)
{
    for (size_t i = 0; r && i < n; i++)
        r[i].rgb = rgb;
}
