/* layouts: the seguimiento (follow-up of a work programme). The page
 * (Letter, landscape), letters, colours and the running header
 * (commission, title, cut-off date) and footer are data:
 * layouts/seguimiento.xml. Here: the title block (title, the session it
 * is presented to, the cut-off date in words); the progress table, one
 * row per product or per part of a product, with the objective and the
 * line of action resolved through src/model/seguimiento.h (a run of rows
 * under the same objective or line shares one cell spanning them, never
 * a ditto mark) and a progress bar in each Avance cell; then the summary
 * per working group and per objective (products, average progress,
 * products at 100 %, pending ones). */
#include "layout.h"

#include "../src/model/seguimiento.h"
#include "../src/rules/es.h"
#include "../src/util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Tables built cell by cell                                           */

/* The progress table's columns and their shares of the text width (in
 * points of the 720 pt of a Letter landscape page with half-inch
 * margins; scaled to the layout's width). */
enum { C_OBJ, C_LINE, C_ID, C_PROD, C_BASE, C_GROUP, C_AV, C_DESC, C_MEDIO, C_COM, NCOLS };
static const float main_share[NCOLS] = {82, 98, 34, 118, 68, 54, 42, 84, 66, 74};
static const char *const main_head[NCOLS] = {
    "Objetivo", "Línea de acción", "Id", "Producto", "Documento base", "Grupo de trabajo",
    "Avance", "Descripción del avance", "Medio de verificación", "Comentarios",
};

/* The summary tables' columns. */
enum { S_NAME, S_COUNT, S_AVG, S_FULL, S_PEND, SCOLS };
static const float sum_share[SCOLS] = {370, 70, 140, 70, 70};

/* A summary table shorter than this share of the text height is not
 * split across pages. */
#define KEEP_WHOLE 0.5f

/* Height of a progress bar and the space above it. */
#define BAR_H 4.0f
#define BAR_GAP 2.0f

typedef struct tbuild {
    pl_cell *cells;
    size_t n, cap;
    float colx[NCOLS + 1];
    int ncols, nrows;
    float pad, size;
} tbuild;

static void tb_init(tbuild *tb, const float *share, int ncols, float x, float width, float size)
{
    memset(tb, 0, sizeof *tb);
    float sum = 0;
    for (int c = 0; c < ncols; c++)
        sum += share[c];
    tb->ncols = ncols;
    tb->colx[0] = x;
    for (int c = 0; c < ncols; c++)
        tb->colx[c + 1] = tb->colx[c] + width * share[c] / sum;
    tb->size = size;
    tb->pad = size * 0.45f;
}

/* A new empty cell, or NULL when out of memory (recorded in L). */
static pl_cell *tb_cell(pl_lay *L, tbuild *tb, int row, int col, int rowspan)
{
    if (tb->n == tb->cap) {
        size_t cap = tb->cap ? tb->cap * 2 : 64;
        pl_cell *nc = realloc(tb->cells, cap * sizeof *nc);
        if (nc == NULL) {
            pl_lay_fail(L, PL_ENOMEM);
            return NULL;
        }
        tb->cells = nc;
        tb->cap = cap;
    }
    pl_cell *c = &tb->cells[tb->n++];
    memset(c, 0, sizeof *c);
    c->row = row;
    c->col = col;
    c->rowspan = rowspan;
    c->colspan = 1;
    c->shade = 1;
    if (row + rowspan > tb->nrows)
        tb->nrows = row + rowspan;
    return c;
}

static float cell_x(const tbuild *tb, const pl_cell *c)
{
    return tb->colx[c->col] + tb->pad;
}

static float cell_w(const tbuild *tb, const pl_cell *c)
{
    float w = tb->colx[c->col + c->colspan] - tb->colx[c->col] - 2 * tb->pad;
    return w < 4 ? 4 : w;
}

static void cell_runs(pl_lay *L, const tbuild *tb, pl_cell *c, const pl_run *r, size_t n,
                      pl_align align)
{
    pl_lay_para(L, r, n, cell_x(tb, c), cell_w(tb, c), align, tb->size, 0, 0, &c->content);
}

static void cell_text(pl_lay *L, const tbuild *tb, pl_cell *c, const char *text, pl_font f,
                      pl_align align, uint32_t rgb)
{
    pl_run r = pl_lay_text(L, text, f, tb->size);
    r.rgb = rgb;
    cell_runs(L, tb, c, &r, 1, align);
}

/* The content of a document element (inline text, lists, paragraphs). */
static void cell_node(pl_lay *L, const tbuild *tb, pl_cell *c, const pl_node *n)
{
    pl_lay_blocks(L, n, cell_x(tb, c), cell_w(tb, c), 9, tb->size, &c->content);
}

/* A bar of tenths/10 % under the cell's text, in the accent colour on a
 * track of the header-row colour. */
static void cell_bar(pl_lay *L, const tbuild *tb, pl_cell *c, int tenths)
{
    const pl_style *S = L->st;
    if (pl_vlist_glue(&c->content, BAR_GAP) != 0 || pl_vlist_box(&c->content, BAR_H) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    float x = cell_x(tb, c), w = cell_w(tb, c);
    pl_lay_rect(L, &c->content, x, 0, w, BAR_H, S->thead_rgb, 0.88f);
    if (tenths > 0)
        pl_lay_rect(L, &c->content, x, 0, w * (float)(tenths > 1000 ? 1000 : tenths) / 1000.0f,
                    BAR_H, S->accent_rgb, 0.3f);
}

/* The header row (row 0): bold, centred, on the header colour. */
static void tb_head(pl_lay *L, tbuild *tb, const char *const *names)
{
    const pl_style *S = L->st;
    L->no_hyphen++;
    for (int col = 0; col < tb->ncols; col++) {
        pl_cell *c = tb_cell(L, tb, 0, col, 1);
        if (c == NULL)
            break;
        c->shade = 0.86f;
        c->fill = S->thead_rgb;
        c->valign_center = 1;
        cell_text(L, tb, c, names[col], pl_font_style(S->body_font, 1, 0), PL_ALIGN_CENTER, 0);
    }
    L->no_hyphen--;
}

/* Lays out the built table (one header row) and frees its cells. */
static void tb_emit(pl_lay *L, tbuild *tb, pl_vlist *out)
{
    pl_table t;
    memset(&t, 0, sizeof t);
    t.nrows = tb->nrows;
    t.ncols = tb->ncols;
    t.nhead = 1;
    t.x = tb->colx[0];
    t.width = tb->colx[tb->ncols] - tb->colx[0];
    float colw[NCOLS];
    for (int c = 0; c < tb->ncols; c++)
        colw[c] = tb->colx[c + 1] - tb->colx[c];
    t.colw = colw;
    t.pad = tb->pad;
    t.rule = 0.5f;
    t.continued = "(continúa)";
    t.caption_size = tb->size;
    t.cells = tb->cells;
    t.ncells = tb->n;
    for (size_t i = 0; i < tb->n; i++) { /* trailing glue would pad the row */
        pl_vlist *v = &tb->cells[i].content;
        while (v->n > 0 && v->items[v->n - 1].kind != PL_V_BOX)
            v->n--;
    }
    if (L->status == PL_OK && t.nrows > 1) {
        pl_status st = pl_ts_table(L->ts, &t, out);
        if (st != PL_OK)
            pl_lay_fail(L, st);
    }
    for (size_t i = 0; i < tb->n; i++)
        pl_vlist_free(&tb->cells[i].content);
    free(tb->cells);
    tb->cells = NULL;
    tb->n = tb->cap = 0;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/* "Segunda" for 2: the feminine ordinal (Sesión) in title case, from the
 * rules' ordinal names; "100ª" past them. */
static void ordinal_fem(int n, char *out, size_t size)
{
    char caps[PL_ES_ORDINAL_SIZE];
    if (pl_es_ordinal_name(n, caps, sizeof caps) != 0) {
        snprintf(out, size, "%dª", n);
        return;
    }
    size_t o = 0;
    int word_start = 1;
    for (size_t i = 0; caps[i] && o + 3 < size; i++) {
        unsigned char ch = (unsigned char)caps[i];
        if (ch == ' ') {
            word_start = 1;
            out[o++] = ' ';
            continue;
        }
        if (ch == 0xC3 && caps[i + 1]) { /* É, Í … → é, í … */
            unsigned char nx = (unsigned char)caps[++i];
            out[o++] = (char)ch;
            out[o++] = (char)(word_start ? nx : (nx >= 0x80 && nx <= 0x9E ? nx + 0x20 : nx));
        } else {
            int last = caps[i + 1] == '\0' || caps[i + 1] == ' ';
            char lc = (char)(word_start ? ch : (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
            out[o++] = last && (lc == 'o' || lc == 'O') ? 'a' : lc;
        }
        word_start = 0;
    }
    out[o] = '\0';
}

/* "20 de abril de 2021" for 2021-04-20 (the schema checked the shape),
 * appended to b. */
static void date_words(const char *iso, pl_buf *b)
{
    int y, m, d;
    if (iso && sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3 && pl_date_valid(y, m, d))
        pl_buf_printf(b, "%d de %s de %d", d, pl_es_month_name(m), y);
    else if (iso)
        pl_buf_puts(b, iso);
}

/* "31.8 %": tenths of a percent. */
static void pct_text(int tenths, char *out, size_t size)
{
    if (tenths % 10 == 0)
        snprintf(out, size, "%d %%", tenths / 10);
    else
        snprintf(out, size, "%d.%d %%", tenths / 10, tenths % 10);
}

/* Copies b into the render arena and frees it ("" when out of memory). */
static const char *buf_done(pl_lay *L, pl_buf *b)
{
    const char *s = pl_arena_strdup(L->arena, b->data ? b->data : "");
    pl_buf_free(b);
    if (s == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return "";
    }
    return s;
}

/* ------------------------------------------------------------------ */
/* Title block                                                         */

static void line_of(pl_lay *L, const char *text, pl_font f, float size, uint32_t rgb,
                    pl_vlist *out)
{
    const pl_style *S = L->st;
    pl_run r = pl_lay_text(L, text, f, size);
    r.rgb = rgb;
    pl_lay_para(L, &r, 1, S->margin_l, S->page_w - S->margin_l - S->margin_r, PL_ALIGN_LEFT,
                size, size * 1.3f, 0, out);
    pl_vlist_penalty(out, PL_INF);
}

static void title_block(pl_lay *L, const pl_node *root, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = S->margin_l, w = S->page_w - S->margin_l - S->margin_r;
    const pl_node *meta = pl_node_named(root, "metadatos");
    const pl_node *title = pl_node_child(root, PL_N_TITLE);
    const pl_node *organo = meta ? pl_node_named(meta, "organo") : NULL;
    const pl_node *sesion = meta ? pl_node_named(meta, "sesion") : NULL;
    const pl_node *corte = meta ? pl_node_named(meta, "fecha-corte") : NULL;

    int anchor = pl_ts_anchor_new(L->ts, "Seguimiento del programa de trabajo", 0, 0);
    pl_vlist_anchor(out, anchor);
    L->no_hyphen = 1;
    if (title) {
        int sb = L->bold;
        L->bold = 1;
        size_t n;
        pl_run *r = pl_lay_runs(L, title, S->head_font, 14, &n);
        L->bold = sb;
        pl_lay_tint(r, n, S->head_rgb);
        pl_lay_para(L, r, n, x, w, PL_ALIGN_LEFT, 14, 17, 0, out);
        pl_vlist_penalty(out, PL_INF);
    } else {
        line_of(L, "Seguimiento del programa de trabajo", S->head_bold, 14, S->head_rgb, out);
    }
    pl_vlist_glue(out, 2);
    pl_vlist_penalty(out, PL_INF);
    if (organo)
        line_of(L, pl_lay_plain(L, organo), S->head_font, 10.5f, 0, out);

    pl_buf b = PL_BUF_INIT;
    if (sesion) {
        const char *tipo = pl_node_attr(sesion, "tipo");
        const char *num = pl_node_attr(sesion, "numero");
        const char *anio = pl_node_attr(sesion, "anio");
        const char *fecha = pl_node_attr(sesion, "fecha");
        const char *lugar = pl_node_attr(sesion, "lugar");
        char ord[64];
        ordinal_fem(num ? atoi(num) : 0, ord, sizeof ord);
        pl_buf_printf(&b, "Presentado en la %s Sesión %s", ord,
                      tipo && strcmp(tipo, "extraordinaria") == 0 ? "Extraordinaria"
                                                                  : "Ordinaria");
        if (fecha) {
            pl_buf_puts(&b, ", del ");
            date_words(fecha, &b);
        } else if (anio) {
            pl_buf_printf(&b, " de %s", anio);
        }
        if (lugar)
            pl_buf_printf(&b, ", en %s", lugar);
        pl_buf_puts(&b, ".");
        line_of(L, buf_done(L, &b), S->body_font, 9, 0, out);
    }
    if (corte) {
        pl_run r[2];
        r[0] = pl_lay_text(L, "Fecha de corte: ", pl_font_style(S->body_font, 1, 0), 9);
        date_words(pl_lay_plain(L, corte), &b);
        pl_buf_puts(&b, ".");
        r[1] = pl_lay_text(L, buf_done(L, &b), S->body_font, 9);
        pl_lay_para(L, r, 2, x, w, PL_ALIGN_LEFT, 9, 9 * 1.3f, 0, out);
    }
    L->no_hyphen = 0;
    pl_vlist_glue(out, 10);
}

/* A section heading of the report (with its bookmark at level), kept
 * with what follows. */
static void heading(pl_lay *L, const char *text, int level, pl_vlist *out)
{
    const pl_style *S = L->st;
    pl_vlist_glue(out, 12);
    int a = pl_ts_anchor_new(L->ts, text, level, 0);
    pl_vlist_anchor(out, a);
    L->no_hyphen = 1;
    line_of(L, text, S->head_bold, level <= 1 ? 10.5f : 9.5f, S->head_rgb, out);
    L->no_hyphen = 0;
    pl_vlist_glue(out, 4);
    pl_vlist_penalty(out, PL_INF);
}

/* ------------------------------------------------------------------ */
/* The progress table                                                  */

/* "A.1" in bold, then the element's texto. */
static void cell_decl(pl_lay *L, const tbuild *tb, pl_cell *c, const pl_node *decl)
{
    const pl_style *S = L->st;
    if (decl == NULL) {
        cell_text(L, tb, c, "—", S->body_font, PL_ALIGN_LEFT, 0);
        return;
    }
    const char *id = pl_node_attr(decl, "id");
    const pl_node *texto = pl_node_named(decl, "texto");
    size_t n = 0;
    pl_run *r = texto ? pl_lay_runs(L, texto, S->body_font, tb->size, &n) : NULL;
    pl_run *all = pl_arena_alloc(L->arena, (n + 1) * sizeof *all);
    if (all == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_buf b = PL_BUF_INIT;
    pl_buf_printf(&b, "%s ", id ? id : "");
    all[0] = pl_lay_text(L, buf_done(L, &b), pl_font_style(S->body_font, 1, 0), tb->size);
    if (n)
        memcpy(all + 1, r, n * sizeof *r);
    cell_runs(L, tb, c, all, n + 1, PL_ALIGN_LEFT);
}

/* A cell that may be pending (documento-base, medio-verificacion):
 * "Pendiente" in italics when it says so, "—" when absent. */
static void cell_pending(pl_lay *L, const tbuild *tb, pl_cell *c, const pl_node *n)
{
    const pl_style *S = L->st;
    const char *est = n ? pl_node_attr(n, "estado") : NULL;
    if (est && strcmp(est, "pendiente") == 0)
        cell_text(L, tb, c, "Pendiente", pl_font_style(S->body_font, 0, 1), PL_ALIGN_LEFT,
                  S->head_rgb);
    else if (n && n->first)
        cell_node(L, tb, c, n);
    else
        cell_text(L, tb, c, "—", S->body_font, PL_ALIGN_LEFT, 0);
}

static void cell_avance(pl_lay *L, const tbuild *tb, pl_cell *c, int av)
{
    const pl_style *S = L->st;
    if (av == PL_SEG_PENDIENTE) {
        cell_text(L, tb, c, "Pendiente", pl_font_style(S->body_font, 0, 1), PL_ALIGN_CENTER,
                  S->head_rgb);
        return;
    }
    if (av < 0) {
        cell_text(L, tb, c, "—", S->body_font, PL_ALIGN_CENTER, 0);
        return;
    }
    char t[32];
    pct_text(av * 10, t, sizeof t);
    cell_text(L, tb, c, t, pl_font_style(S->body_font, 1, 0), PL_ALIGN_CENTER, 0);
    cell_bar(L, tb, c, av * 10);
}

/* The cells of one row of progress (a producto without partes, or a
 * parte) at table row r. */
static void progress_cells(pl_lay *L, tbuild *tb, int r, const pl_node *src,
                           const pl_node *base)
{
    pl_cell *c;
    if ((c = tb_cell(L, tb, r, C_BASE, 1)) != NULL)
        cell_pending(L, tb, c, base);
    if ((c = tb_cell(L, tb, r, C_AV, 1)) != NULL)
        cell_avance(L, tb, c, pl_seg_avance(src));
    if ((c = tb_cell(L, tb, r, C_DESC, 1)) != NULL) {
        const pl_node *d = pl_node_named(src, "descriptor");
        if (d && d->first)
            cell_node(L, tb, c, d);
    }
    if ((c = tb_cell(L, tb, r, C_MEDIO, 1)) != NULL)
        cell_pending(L, tb, c, pl_node_named(src, "medio-verificacion"));
    if ((c = tb_cell(L, tb, r, C_COM, 1)) != NULL) {
        const pl_node *d = pl_node_named(src, "comentarios");
        if (d && d->first)
            cell_node(L, tb, c, d);
    }
}

/* What the table needs of each row of the index. */
typedef struct prow {
    const pl_node *prod, *obj, *line, *group;
    int row, nrows; /* first table row, rows (partes) */
} prow;

static void progress_table(pl_lay *L, const pl_seg *seg, const prow *pr, size_t np,
                           pl_vlist *out)
{
    const pl_style *S = L->st;
    tbuild tb;
    tb_init(&tb, main_share, NCOLS, S->margin_l, S->page_w - S->margin_l - S->margin_r,
            S->table_size[0]);
    tb_head(L, &tb, main_head);
    for (size_t i = 0; i < np && L->status == PL_OK; i++) {
        const prow *p = &pr[i];
        pl_cell *c;
        /* objective and line: one cell for the run of rows that share it */
        for (int k = 0; k < 2; k++) {
            const pl_node *d = k == 0 ? p->obj : p->line;
            const pl_node *prev = i == 0 ? NULL : k == 0 ? pr[i - 1].obj : pr[i - 1].line;
            if (d != NULL && d == prev && (k == 0 || pr[i - 1].obj == p->obj))
                continue; /* inside the span started above */
            int span = p->nrows;
            for (size_t j = i + 1; j < np && d != NULL; j++) {
                const pl_node *dj = k == 0 ? pr[j].obj : pr[j].line;
                if (dj != d || (k == 1 && pr[j].obj != p->obj))
                    break;
                span += pr[j].nrows;
            }
            if ((c = tb_cell(L, &tb, p->row, k == 0 ? C_OBJ : C_LINE, span)) != NULL)
                cell_decl(L, &tb, c, d);
        }
        const char *id = pl_node_attr(p->prod, "id");
        if ((c = tb_cell(L, &tb, p->row, C_ID, p->nrows)) != NULL)
            cell_text(L, &tb, c, id ? id : "—", pl_font_style(S->body_font, 1, 0),
                      PL_ALIGN_LEFT, 0);
        if ((c = tb_cell(L, &tb, p->row, C_PROD, p->nrows)) != NULL) {
            const pl_node *texto = pl_node_named(p->prod, "texto");
            if (texto)
                cell_node(L, &tb, c, texto);
            int av = pl_seg_avance(p->prod);
            if (p->nrows > 1 && av >= 0) {
                /* the product's own progress: what the summary counts */
                char t[32], line[96];
                pct_text(av * 10, t, sizeof t);
                snprintf(line, sizeof line, "Avance del producto: %s (promedio de sus %d partes)",
                         t, p->nrows);
                while (c->content.n > 0 && c->content.items[c->content.n - 1].kind != PL_V_BOX)
                    c->content.n--;
                pl_vlist_glue(&c->content, 3);
                cell_text(L, &tb, c, line, pl_font_style(S->body_font, 0, 1), PL_ALIGN_LEFT,
                          S->head_rgb);
            }
        }
        if ((c = tb_cell(L, &tb, p->row, C_GROUP, p->nrows)) != NULL) {
            if (p->group) {
                size_t n;
                pl_run *r = pl_lay_runs(L, p->group, S->body_font, tb.size, &n);
                cell_runs(L, &tb, c, r, n, PL_ALIGN_LEFT);
            } else {
                cell_text(L, &tb, c, "—", S->body_font, PL_ALIGN_LEFT, 0);
            }
        }
        const pl_node *parte = pl_node_named(p->prod, "parte");
        if (parte == NULL) {
            const pl_seg_row *sr = pl_seg_row_of(seg, p->prod);
            progress_cells(L, &tb, p->row, p->prod, sr ? sr->base.node : NULL);
        } else {
            for (int k = 0; parte; parte = pl_node_next_named(parte, "parte"), k++)
                progress_cells(L, &tb, p->row + k, parte, pl_node_named(parte, "documento-base"));
        }
    }
    tb_emit(L, &tb, out);
}

/* ------------------------------------------------------------------ */
/* Summary                                                             */

typedef struct tally {
    const pl_node *key; /* the grupo or objetivo; NULL: none */
    int products, with_pct, full, pending;
    long sum; /* of the percentages */
} tally;

static void tally_add(tally *t, int av)
{
    t->products++;
    if (av >= 0) {
        t->with_pct++;
        t->sum += av;
        if (av == 100)
            t->full++;
    } else if (av == PL_SEG_PENDIENTE) {
        t->pending++;
    }
}

/* Tenths of the mean percentage (halves up), or -1 when none has one. */
static int tally_mean(const tally *t)
{
    if (t->with_pct == 0)
        return -1;
    return (int)((t->sum * 10 + t->with_pct / 2) / t->with_pct);
}

static void summary_row(pl_lay *L, tbuild *tb, int r, const tally *t, const pl_node *name_decl,
                        const char *name, int total)
{
    const pl_style *S = L->st;
    pl_font f = pl_font_style(S->body_font, total, 0);
    pl_cell *c = tb_cell(L, tb, r, S_NAME, 1);
    if (c == NULL)
        return;
    if (name_decl && pl_node_is(name_decl, "objetivo")) {
        cell_decl(L, tb, c, name_decl);
    } else if (name_decl) {
        size_t n;
        pl_run *runs = pl_lay_runs(L, name_decl, S->body_font, tb->size, &n);
        cell_runs(L, tb, c, runs, n, PL_ALIGN_LEFT);
    } else {
        cell_text(L, tb, c, name, f, PL_ALIGN_LEFT, 0);
    }
    int vals[3] = {t->products, t->full, t->pending};
    int cols[3] = {S_COUNT, S_FULL, S_PEND};
    for (int k = 0; k < 3; k++) {
        if ((c = tb_cell(L, tb, r, cols[k], 1)) == NULL)
            return;
        char num[16];
        snprintf(num, sizeof num, "%d", vals[k]);
        cell_text(L, tb, c, num, f, PL_ALIGN_CENTER, 0);
    }
    if ((c = tb_cell(L, tb, r, S_AVG, 1)) == NULL)
        return;
    int mean = tally_mean(t);
    if (mean < 0) {
        cell_text(L, tb, c, "—", f, PL_ALIGN_CENTER, 0);
    } else {
        char num[32];
        pct_text(mean, num, sizeof num);
        cell_text(L, tb, c, num, pl_font_style(S->body_font, 1, 0), PL_ALIGN_CENTER, 0);
        cell_bar(L, tb, c, mean);
    }
    if (total)
        for (size_t i = 0; i < tb->n; i++)
            if (tb->cells[i].row == r)
                tb->cells[i].fill = S->group_rgb, tb->cells[i].shade = 0.93f;
}

/* One summary table: a row per tally, then the total. */
static void summary_table(pl_lay *L, const char *first_col, const tally *rows, size_t n,
                          const char *none_name, const tally *total, pl_vlist *out)
{
    const pl_style *S = L->st;
    static const char *head[SCOLS] = {NULL, "Productos", "Avance promedio", "Al 100 %",
                                      "Pendientes"};
    const char *names[SCOLS];
    memcpy(names, head, sizeof names);
    names[S_NAME] = first_col;
    tbuild tb;
    tb_init(&tb, sum_share, SCOLS, S->margin_l, S->page_w - S->margin_l - S->margin_r,
            S->table_size[0]);
    tb_head(L, &tb, names);
    int r = 1;
    for (size_t i = 0; i < n; i++)
        if (rows[i].products > 0)
            summary_row(L, &tb, r++, &rows[i], rows[i].key, none_name, 0);
    summary_row(L, &tb, r, total, NULL, "Todos los productos", 1);
    /* kept whole (with its heading) when it is short: a few groups or
     * objectives read best on one page */
    pl_vlist tmp = {0};
    tb_emit(L, &tb, &tmp);
    if (pl_vlist_height(&tmp) < (S->page_h - S->margin_t - S->margin_b) * KEEP_WHOLE)
        for (size_t i = 0; i < tmp.n; i++)
            if (tmp.items[i].kind == PL_V_PENALTY)
                tmp.items[i].penalty = PL_INF;
    if (pl_vlist_append(out, &tmp) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_vlist_free(&tmp);
}

static void summary(pl_lay *L, const pl_node *root, const prow *pr, size_t np, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *grupos = pl_node_named(root, "grupos");
    const pl_node *objetivos = pl_node_named(root, "objetivos");
    size_t ng = grupos ? pl_node_count_named(grupos, "grupo") : 0;
    size_t no = objetivos ? pl_node_count_named(objetivos, "objetivo") : 0;
    /* one more for the rows whose group or objective leads nowhere */
    tally *tg = calloc(ng + 1, sizeof *tg), *to = calloc(no + 1, sizeof *to);
    tally total;
    memset(&total, 0, sizeof total);
    if (tg == NULL || to == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        goto done;
    }
    size_t k = 0;
    for (const pl_node *g = grupos ? pl_node_named(grupos, "grupo") : NULL; g;
         g = pl_node_next_named(g, "grupo"))
        tg[k++].key = g;
    k = 0;
    for (const pl_node *o = objetivos ? pl_node_named(objetivos, "objetivo") : NULL; o;
         o = pl_node_next_named(o, "objetivo"))
        to[k++].key = o;
    for (size_t i = 0; i < np; i++) {
        int av = pl_seg_avance(pr[i].prod);
        size_t j;
        for (j = 0; j < ng && tg[j].key != pr[i].group; j++)
            ;
        tally_add(&tg[j], av);
        for (j = 0; j < no && to[j].key != pr[i].obj; j++)
            ;
        tally_add(&to[j], av);
        tally_add(&total, av);
    }
    pl_vlist_glue(out, 6);
    heading(L, "Resumen del avance", 1, out);
    heading(L, "Por grupo de trabajo", 2, out);
    summary_table(L, "Grupo de trabajo", tg, ng + 1, "Sin grupo de trabajo asignado", &total, out);
    heading(L, "Por objetivo", 2, out);
    summary_table(L, "Objetivo", to, no + 1, "Sin objetivo identificado", &total, out);
    pl_vlist_glue(out, 5);
    pl_vlist_penalty(out, PL_INF);
    pl_run r = pl_lay_text(L,
                           "El avance promedio es la media de los productos que informan un "
                           "porcentaje (el de un producto informado en partes es la media de sus "
                           "partes); los productos pendientes se cuentan aparte y no entran en la "
                           "media.",
                           pl_font_style(S->body_font, 0, 1), S->note_size);
    pl_lay_para(L, &r, 1, S->margin_l, S->page_w - S->margin_l - S->margin_r, PL_ALIGN_LEFT,
                S->note_size, S->note_leading, 0, out);
done:
    free(tg);
    free(to);
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

static void seguimiento_layout(pl_lay *L, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *root = L->doc->root;
    L->size = S->table_size[0];
    L->align = PL_ALIGN_LEFT;
    pl_seg *seg = pl_seg_new(L->doc);
    prow *pr = NULL;
    size_t np = seg ? pl_seg_count(seg) : 0;
    if (seg == NULL || (pr = calloc(np + 1, sizeof *pr)) == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        goto done;
    }
    int row = 1; /* row 0: the header */
    for (size_t i = 0; i < np; i++) {
        const pl_seg_row *sr = pl_seg_row_at(seg, i);
        prow *p = &pr[i];
        p->prod = sr->producto;
        pl_seg_resolve(seg, sr->producto, &p->obj, &p->line, &p->group);
        size_t parts = pl_node_count_named(sr->producto, "parte");
        p->row = row;
        p->nrows = parts > 0 ? (int)parts : 1;
        row += p->nrows;
    }
    title_block(L, root, out);
    heading(L, "Avance por producto", 1, out);
    progress_table(L, seg, pr, np, out);
    summary(L, root, pr, np, out);
done:
    free(pr);
    pl_seg_free(seg);
}

const pl_kind_layout pl_seguimiento_kind = {
    .kind = PL_KIND_SEGUIMIENTO,
    .layout = seguimiento_layout,
    .title_path = "titulo",
    .subject_path = "metadatos/fecha-corte",
    .author_path = "metadatos/organo",
    .date_path = "metadatos/fecha-corte",
    .keywords = "seguimiento, programa de trabajo, Sistema Nacional de Transparencia",
};
