/* layouts: the programa anual de trabajo. The page, letters, colours and
 * the running header (the issuing body's siglas and the programme's year)
 * and footer ("Página N de M") are data: layouts/programa.xml. Here: a
 * cover; an index; the introduction; the table of siglas, generated from
 * the declared sigla elements; the chapters numbered I, II, … by the
 * layout (marco normativo, diagnóstico, objetivos, alineación,
 * calendario, the closing secciones), each on a new page; objetivos →
 * estrategias → tables of líneas de acción with their numbers (written,
 * or generated as PROG-003 expects) and responsible units; the alignment
 * table, with each objective's enunciado taken from the objective; the
 * calendar of sessions with their dates in words; signatures. Every
 * heading is an anchor, so the PDF outline mirrors the structure. */
#include "layout.h"

#include "../src/rules/es.h"
#include "../src/rules/programa.h"
#include "../src/util/buf.h"
#include "../src/util/roman.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns of the tables this layout builds (line of action, follow-up,
 * responsible): more would be a table nobody can read on a Letter page. */
#define MAX_COLS 4

/* Room for "2.1.3" with parts of at most 7 digits (NUMBER_MAX of the
 * rules). */
#define NUM_TEXT 32

static float col_x(const pl_lay *L)
{
    return L->st->margin_l;
}

static float col_w(const pl_lay *L)
{
    return L->st->page_w - L->st->margin_l - L->st->margin_r;
}

/* Runs a + b, concatenated in the arena (NULL and *n = 0 on failure). */
static pl_run *join_runs(pl_lay *L, const pl_run *a, size_t na, const pl_run *b, size_t nb,
                         size_t *n)
{
    *n = 0;
    pl_run *all = pl_arena_alloc(L->arena, (na + nb + 1) * sizeof *all);
    if (all == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return NULL;
    }
    if (na)
        memcpy(all, a, na * sizeof *a);
    if (nb)
        memcpy(all + na, b, nb * sizeof *b);
    *n = na + nb;
    return all;
}

/* Inline content of node in bold (or not) at size, in font base. */
static pl_run *runs_of(pl_lay *L, const pl_node *node, pl_font base, int bold, float size,
                       size_t *n)
{
    int sb = L->bold;
    L->bold = bold;
    pl_run *r = pl_lay_runs(L, node, base, size, n);
    L->bold = sb;
    return r;
}

/* A box of height h holding a horizontal rule at its middle. */
static void rule_box(pl_lay *L, float x, float w, float h, float lw, uint32_t rgb, pl_vlist *out)
{
    if (pl_vlist_box(out, h) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_lay_line(L, out, x, h / 2, w, 0, lw, rgb, 0);
}

/* A paragraph with a label hanging in the margin of its first line (a
 * topic's number, a bullet): the label ends at x - gap. */
static void labelled_para(pl_lay *L, const pl_run *runs, size_t n, const char *label, float x,
                          float width, float size, pl_vlist *out)
{
    if (n == 0)
        return;
    pl_run lab = pl_lay_text(L, label, L->st->body_font, size);
    pl_para_style ps;
    memset(&ps, 0, sizeof ps);
    ps.x = x;
    ps.width = width;
    ps.leading = size * 1.3f;
    ps.align = PL_ALIGN_LEFT;
    ps.hyphenate = !L->no_hyphen;
    ps.orphans = 2;
    ps.widows = 2;
    ps.label = &lab;
    ps.nlabel = 1;
    ps.label_x = x - size * 0.4f;
    pl_status st = pl_ts_paragraph(L->ts, runs, n, &ps, out);
    if (st != PL_OK)
        pl_lay_fail(L, st);
}

/* Forbids page breaks among the items of out from i on (the lines of a
 * heading). */
static void keep_together(pl_vlist *out, size_t i)
{
    for (; i < out->n; i++)
        if (out->items[i].kind == PL_V_PENALTY)
            out->items[i].penalty = PL_INF;
}

/* Drops the glue and penalties that end v (a cell decides its padding). */
static void trim_tail(pl_vlist *v)
{
    while (v->n > 0 && v->items[v->n - 1].kind != PL_V_BOX)
        v->n--;
}

/* "14 de marzo de 2017" for "2017-03-14" (arena); the text as written
 * when it is not such a date. */
static const char *date_words(pl_lay *L, const char *iso)
{
    int y, m, d;
    char buf[64];
    if (iso == NULL)
        return "";
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return iso;
    snprintf(buf, sizeof buf, "%d de %s de %d", d, pl_es_month_name(m), y);
    char *s = pl_arena_strdup(L->arena, buf);
    if (s == NULL)
        pl_lay_fail(L, PL_ENOMEM);
    return s ? s : iso;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

/* The number of each objetivo, estrategia and línea de acción, in
 * document order (the order the layout visits them in). */
typedef struct numbered {
    const pl_node *node;
    int depth;
    long num[3];
} numbered;

typedef struct numbers {
    numbered *v;
    size_t n, cap, next;
} numbers;

static void count_one(void *ctx, const pl_node *n, int depth, const long *num)
{
    (void)n;
    (void)depth;
    (void)num;
    ((numbers *)ctx)->cap++;
}

static void keep_one(void *ctx, const pl_node *n, int depth, const long *num)
{
    numbers *s = ctx;
    if (s->n == s->cap || depth < 1 || depth > 3)
        return;
    numbered *e = &s->v[s->n++];
    e->node = n;
    e->depth = depth;
    memset(e->num, 0, sizeof e->num);
    memcpy(e->num, num, (size_t)depth * sizeof *num);
}

/* The numbers PROG-003 checks (pl_programa_number), kept in the arena. */
static void numbers_load(pl_lay *L, numbers *s, int sessions)
{
    memset(s, 0, sizeof *s);
    if (sessions)
        pl_programa_number_sessions(L->doc, count_one, s);
    else
        pl_programa_number(L->doc, count_one, s);
    if (s->cap == 0)
        return;
    s->v = pl_arena_alloc(L->arena, s->cap * sizeof *s->v);
    if (s->v == NULL) {
        s->cap = 0;
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    if (sessions)
        pl_programa_number_sessions(L->doc, keep_one, s);
    else
        pl_programa_number(L->doc, keep_one, s);
}

/* The number of n as "2.1.3" into out (NUM_TEXT bytes). The layout visits
 * the elements in the order they were numbered, so the look-up starts
 * where the last one ended. "" when n was not numbered. */
static void number_of(numbers *s, const pl_node *n, char *out)
{
    out[0] = '\0';
    for (size_t k = 0; k < s->n; k++) {
        size_t i = (s->next + k) % s->n;
        if (s->v[i].node != n)
            continue;
        size_t o = 0;
        for (int d = 0; d < s->v[i].depth && o < NUM_TEXT; d++)
            o += (size_t)snprintf(out + o, NUM_TEXT - o, d ? ".%ld" : "%ld", s->v[i].num[d]);
        s->next = i + 1;
        return;
    }
}

/* The objetivo numbered v (the first, if two share it), or NULL. */
static const pl_node *objective_numbered(const numbers *s, long v)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].depth == 1 && s->v[i].num[0] == v)
            return s->v[i].node;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Tables built by the layout                                          */

typedef struct tbl {
    pl_table t;
    pl_cell *cells; /* malloc'ed; their contents freed by tbl_end */
    size_t n, cap;
    float colw[MAX_COLS], colx[MAX_COLS + 1];
    float size;
} tbl;

/* A table of ncols columns of the given shares of the column width, in
 * table letters (tamano "normal"), with nhead header rows. */
static void tbl_begin(pl_lay *L, tbl *b, int ncols, const float *share, int nhead)
{
    const pl_style *S = L->st;
    memset(b, 0, sizeof *b);
    float sum = 0;
    for (int c = 0; c < ncols; c++)
        sum += share[c];
    b->size = S->table_size[0];
    b->colx[0] = col_x(L);
    for (int c = 0; c < ncols; c++) {
        b->colw[c] = col_w(L) * share[c] / sum;
        b->colx[c + 1] = b->colx[c] + b->colw[c];
    }
    b->t.ncols = ncols;
    b->t.nhead = nhead;
    b->t.x = col_x(L);
    b->t.width = col_w(L);
    b->t.colw = b->colw;
    b->t.pad = b->size * 0.45f;
    b->t.rule = 0.5f;
    b->t.continued = "(continúa)";
    b->t.caption_size = b->size;
}

/* A new cell at (row, col) spanning rowspan rows; its text column goes to
 * *x and *w. Returns the content list to fill (valid until the next
 * tbl_cell), or NULL when out of memory. */
static pl_vlist *tbl_cell(pl_lay *L, tbl *b, int row, int col, int rowspan, float *x, float *w)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        pl_cell *c = realloc(b->cells, cap * sizeof *c);
        if (c == NULL) {
            pl_lay_fail(L, PL_ENOMEM);
            return NULL;
        }
        b->cells = c;
        b->cap = cap;
    }
    pl_cell *c = &b->cells[b->n++];
    memset(c, 0, sizeof *c);
    c->row = row;
    c->col = col;
    c->rowspan = rowspan;
    c->colspan = 1;
    int head = row < b->t.nhead;
    c->shade = head ? 0.86f : 1.0f; /* as the tables of the text (blocks.c) */
    c->valign_center = head;
    if (row + 1 > b->t.nrows)
        b->t.nrows = row + 1;
    if (row + rowspan > b->t.nrows)
        b->t.nrows = row + rowspan;
    *x = b->colx[col] + b->t.pad;
    *w = b->colw[col] - 2 * b->t.pad;
    return &c->content;
}

/* A cell holding runs (one paragraph). */
static pl_cell *tbl_runs(pl_lay *L, tbl *b, int row, int col, const pl_run *r, size_t n,
                         pl_align align)
{
    float x, w;
    pl_vlist *v = tbl_cell(L, b, row, col, 1, &x, &w);
    if (v == NULL)
        return NULL;
    pl_lay_para(L, r, n, x, w, align, b->size, 0, 0, v);
    return &b->cells[b->n - 1];
}

/* The header row: the cells of the author's encabezado (its first fila),
 * else the layout's titles. */
static void tbl_head(pl_lay *L, tbl *b, const pl_node *encabezado, const char *const *titles)
{
    const pl_style *S = L->st;
    const pl_node *fila = encabezado ? pl_node_child(encabezado, PL_N_ROW) : NULL;
    const pl_node *celda = fila ? pl_node_child(fila, PL_N_CELL) : NULL;
    for (int c = 0; c < b->t.ncols && L->status == PL_OK; c++) {
        float x, w;
        pl_vlist *v = tbl_cell(L, b, 0, c, 1, &x, &w);
        if (v == NULL)
            return;
        pl_align sa = L->align;
        int sb = L->bold;
        L->align = PL_ALIGN_CENTER;
        L->bold = 1;
        L->no_hyphen++;
        if (celda) {
            pl_lay_blocks(L, celda, x, w, 9, b->size, v);
            celda = pl_node_next_of(celda, PL_N_CELL);
        } else {
            pl_run r = pl_lay_text(L, titles[c], pl_font_style(S->body_font, 1, 0), b->size);
            pl_lay_para(L, &r, 1, x, w, PL_ALIGN_CENTER, b->size, 0, 0, v);
        }
        L->no_hyphen--;
        L->align = sa;
        L->bold = sb;
        trim_tail(v);
    }
}

/* Lays the table out on out and frees it. */
static void tbl_end(pl_lay *L, tbl *b, pl_vlist *out)
{
    for (size_t i = 0; i < b->n; i++)
        trim_tail(&b->cells[i].content);
    b->t.cells = b->cells;
    b->t.ncells = b->n;
    if (L->status == PL_OK && b->n > 0) {
        pl_status st = pl_ts_table(L->ts, &b->t, out);
        if (st != PL_OK)
            pl_lay_fail(L, st);
    }
    for (size_t i = 0; i < b->n; i++)
        pl_vlist_free(&b->cells[i].content);
    free(b->cells);
    b->cells = NULL;
    b->n = b->cap = 0;
}

/* ------------------------------------------------------------------ */
/* Headings                                                            */

/* A chapter: on a new page, its Roman number (or none) and its title in
 * the headings' colour over a rule; bookmarked at level 1 and listed in
 * the index. */
static void chapter(pl_lay *L, int roman, const pl_node *title, const char *fallback, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L), size = S->body_size + 5;
    char num[PL_ROMAN_SIZE + 2] = "";
    if (roman > 0 && pl_roman_write(roman, num, PL_ROMAN_SIZE) == 0)
        strcat(num, ".");
    const char *plain = title ? pl_lay_plain(L, title) : fallback;
    pl_buf b = PL_BUF_INIT;
    pl_buf_printf(&b, "%s%s%s", num, num[0] ? " " : "", plain ? plain : "");
    const char *label = b.data ? pl_arena_strdup(L->arena, b.data) : NULL;
    pl_buf_free(&b);
    if (label == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_vlist_newpage(out);
    int a = pl_ts_anchor_new(L->ts, label, 1, 1);
    if (a < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_vlist_anchor(out, a);
    size_t n = 0;
    pl_run *r;
    if (title) {
        r = runs_of(L, title, S->head_font, 1, size, &n);
    } else {
        r = pl_arena_alloc(L->arena, sizeof *r);
        if (r)
            r[n++] = pl_lay_text(L, fallback, S->head_bold, size);
    }
    if (num[0]) {
        pl_run lead[2] = {pl_lay_text(L, num, S->head_bold, size),
                          pl_lay_text(L, " ", S->head_bold, size)};
        r = join_runs(L, lead, 2, r, n, &n);
    }
    pl_lay_tint(r, n, S->head_rgb);
    L->no_hyphen++;
    size_t from = out->n;
    pl_lay_para(L, r, n, x, w, PL_ALIGN_LEFT, size, size * 1.25f, 0, out);
    keep_together(out, from);
    L->no_hyphen--;
    pl_vlist_penalty(out, PL_INF);
    rule_box(L, x, w, 10, 1.2f, S->rule_rgb, out);
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, S->par_space * 1.5f);
}

/* A caption over a table (a chapter's subtitulo): bold, centred, kept
 * with what follows. */
static void caption(pl_lay *L, const pl_node *sub, pl_vlist *out)
{
    const pl_style *S = L->st;
    if (sub == NULL)
        return;
    size_t n;
    float size = S->table_size[0] + 0.5f;
    pl_run *r = runs_of(L, sub, S->body_font, 1, size, &n);
    L->no_hyphen++;
    size_t from = out->n;
    pl_lay_para(L, r, n, col_x(L) + 20, col_w(L) - 40, PL_ALIGN_CENTER, size, 0, 0, out);
    keep_together(out, from);
    L->no_hyphen--;
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, 4);
    pl_vlist_penalty(out, PL_INF);
}

/* The block children of a chapter (everything but its titles and the
 * elements named in skip), at section level 2. */
static void chapter_blocks(pl_lay *L, const pl_node *ch, const char *const *skip, pl_vlist *out)
{
    for (const pl_node *c = ch->first; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_TEXT || c->type == PL_N_TITLE || c->type == PL_N_SUBTITLE ||
            c->type == PL_N_THEAD)
            continue;
        int skipped = 0;
        for (size_t k = 0; skip && skip[k] && !skipped; k++)
            skipped = pl_node_is(c, skip[k]);
        if (!skipped)
            pl_lay_block(L, c, col_x(L), col_w(L), 2, out);
    }
}

/* ------------------------------------------------------------------ */
/* Cover and index                                                     */

/* A centred paragraph of the cover, inset by inset on both sides. */
static void centred(pl_lay *L, const pl_run *r, size_t n, float size, float leading, float inset,
                    pl_vlist *out)
{
    L->no_hyphen++;
    pl_lay_para(L, r, n, col_x(L) + inset, col_w(L) - 2 * inset, PL_ALIGN_CENTER, size, leading, 0,
                out);
    L->no_hyphen--;
    pl_vlist_penalty(out, PL_INF);
}

/* The cover: under the logo of the layout file's first-page header, the
 * institution and the issuing body, the title, the year and the date. */
static void cover(pl_lay *L, const pl_node *meta, const pl_node *title, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *inst = meta ? pl_node_named(meta, "institucion") : NULL;
    const pl_node *organo = meta ? pl_node_child(meta, PL_N_BODY_ORGAN) : NULL;
    const pl_node *ejercicio = meta ? pl_node_named(meta, "ejercicio") : NULL;
    const pl_node *fecha = meta ? pl_node_child(meta, PL_N_DATE) : NULL;
    size_t n;
    pl_run *r;
    pl_vlist_glue(out, 150);
    pl_vlist_penalty(out, PL_INF);
    if (inst) {
        r = runs_of(L, inst, S->head_font, 0, 10, &n);
        pl_lay_tint(r, n, PL_RGB(0x4D4D4D));
        centred(L, r, n, 10, 13, 0, out);
        pl_vlist_glue(out, 8);
        pl_vlist_penalty(out, PL_INF);
    }
    if (organo) {
        r = runs_of(L, organo, S->head_font, 1, 13, &n);
        pl_lay_tint(r, n, S->head_rgb);
        centred(L, r, n, 13, 17, 0, out);
    }
    pl_vlist_glue(out, 36);
    pl_vlist_penalty(out, PL_INF);
    rule_box(L, col_x(L) + col_w(L) / 2 - 50, 100, 6, 2.5f, S->accent_rgb, out);
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, 30);
    pl_vlist_penalty(out, PL_INF);
    if (title) {
        r = runs_of(L, title, S->head_font, 1, 24, &n);
        centred(L, r, n, 24, 30, 24, out);
    }
    if (ejercicio) {
        pl_vlist_glue(out, 22);
        pl_vlist_penalty(out, PL_INF);
        r = runs_of(L, ejercicio, S->head_font, 1, 44, &n);
        pl_lay_tint(r, n, S->head_rgb);
        centred(L, r, n, 44, 50, 24, out);
    }
    if (fecha) {
        pl_vlist_glue(out, 90);
        pl_vlist_penalty(out, PL_INF);
        pl_run d = pl_lay_text(L, date_words(L, pl_lay_plain(L, fecha)), S->body_font, 11);
        centred(L, &d, 1, 11, 0, 24, out);
    }
}

/* ------------------------------------------------------------------ */
/* Siglas                                                              */

/* The table of siglas: one row per declared sigla, in their order, but
 * those the text uses and the table leaves out (uso="solo-texto"). */
static void siglas(pl_lay *L, const pl_node *list, pl_vlist *out)
{
    const pl_style *S = L->st;
    chapter(L, 0, pl_node_child(list, PL_N_TITLE), "Siglas y acrónimos", out);
    static const float share[] = {18, 82};
    static const char *const titles[] = {"Siglas", "Significado"};
    tbl b;
    tbl_begin(L, &b, 2, share, 1);
    tbl_head(L, &b, NULL, titles);
    int row = 1;
    for (const pl_node *g = pl_node_named(list, "sigla"); g && L->status == PL_OK;
         g = pl_node_next_named(g, "sigla")) {
        const char *uso = pl_node_attr(g, "uso");
        const char *clave = pl_node_attr(g, "clave");
        if ((uso && strcmp(uso, "solo-texto") == 0) || clave == NULL)
            continue;
        pl_run k = pl_lay_text(L, clave, pl_font_style(S->body_font, 1, 0), b.size);
        tbl_runs(L, &b, row, 0, &k, 1, PL_ALIGN_LEFT);
        size_t n;
        pl_run *r = runs_of(L, g, S->body_font, 0, b.size, &n);
        tbl_runs(L, &b, row, 1, r, n, PL_ALIGN_LEFT);
        row++;
    }
    tbl_end(L, &b, out);
}

/* ------------------------------------------------------------------ */
/* Objetivos, estrategias, líneas de acción                            */

/* The units of a línea's attribute ("DGGAT DGAI"), one per line. */
static pl_run *units(pl_lay *L, const char *v, float size, size_t *n)
{
    *n = 0;
    if (v == NULL)
        return NULL;
    size_t words = 1;
    for (const char *s = v; *s; s++)
        words += *s == ' ';
    pl_run *r = pl_arena_alloc(L->arena, 2 * words * sizeof *r);
    if (r == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return NULL;
    }
    for (size_t i = 0; v[i];) {
        while (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r')
            i++;
        size_t j = i;
        while (v[j] && v[j] != ' ' && v[j] != '\t' && v[j] != '\n' && v[j] != '\r')
            j++;
        if (j == i)
            break;
        if (*n > 0) {
            pl_run br = pl_lay_text(L, "", L->st->body_font, size);
            br.hard_break = 1;
            r[(*n)++] = br;
        }
        char *u = pl_arena_strndup(L->arena, v + i, j - i);
        if (u == NULL) {
            pl_lay_fail(L, PL_ENOMEM);
            return r;
        }
        r[(*n)++] = pl_lay_text(L, u, L->st->body_font, size);
        i = j;
    }
    return r;
}

/* Whether any línea de acción of the programme names a unit of
 * follow-up (then the tables have that column). */
static int any_follow_up(const pl_node *objs)
{
    pl_iter it;
    pl_iter_init(&it, objs);
    while (pl_iter_next(&it) != PL_ITER_DONE)
        if (it.ev == PL_ITER_ENTER && pl_node_is(it.cur, "linea") &&
            pl_node_attr(it.cur, "seguimiento"))
            return 1;
    return 0;
}

/* An objective: a tinted panel with "Objetivo N" and its enunciado,
 * bookmarked (level 2) and in the index. */
static void objective_panel(pl_lay *L, const pl_node *o, const char *num, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L), pad = 8;
    const pl_node *en = pl_node_named(o, "enunciado");
    pl_buf b = PL_BUF_INIT;
    pl_buf_printf(&b, "Objetivo %s", num);
    const char *label = b.data ? pl_arena_strdup(L->arena, b.data) : NULL;
    pl_buf_free(&b);
    if (label == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_vlist panel = {0};
    pl_run lr = pl_lay_text(L, label, S->head_bold, S->body_size);
    lr.rgb = S->head_rgb;
    pl_lay_para(L, &lr, 1, x + pad + 4, w - 2 * pad - 4, PL_ALIGN_LEFT, S->body_size, 0, 0, &panel);
    if (en) {
        size_t n;
        pl_run *r = runs_of(L, en, S->body_font, 1, S->body_size, &n);
        L->no_hyphen++;
        pl_lay_para(L, r, n, x + pad + 4, w - 2 * pad - 4, PL_ALIGN_LEFT, S->body_size,
                    S->body_leading, 0, &panel);
        L->no_hyphen--;
    }
    trim_tail(&panel);
    float h = pl_vlist_height(&panel) + 2 * pad;
    char *outline = NULL;
    if (en) {
        pl_buf t = PL_BUF_INIT;
        pl_buf_printf(&t, "%s. %s", label, pl_lay_plain(L, en));
        outline = t.data ? pl_arena_strdup(L->arena, t.data) : NULL;
        pl_buf_free(&t);
    }
    int a = pl_ts_anchor_new(L->ts, outline ? outline : label, 2, 1);
    pl_vlist_glue(out, S->body_size * 1.2f);
    pl_vlist_anchor(out, a);
    if (a < 0 || pl_vlist_box(out, h) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        pl_vlist_free(&panel);
        return;
    }
    pl_lay_rect(L, out, x, 0, w, h, S->group_rgb, 0.95f);
    pl_lay_rect(L, out, x, 0, 4, h, S->accent_rgb, 0.3f);
    if (pl_vlist_flatten_into(out, &panel, 0, pad) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_vlist_free(&panel);
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, S->par_space * 1.5f);
}

/* A strategy: "Estrategia 2.1" and its enunciado, its blocks, then the
 * table of its líneas de acción. */
static void strategy(pl_lay *L, const pl_node *e, numbers *nums, const pl_node *encabezado,
                     int follow, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L);
    char num[NUM_TEXT], lab[NUM_TEXT + 16];
    number_of(nums, e, num);
    snprintf(lab, sizeof lab, "Estrategia %s", num);
    const pl_node *en = pl_node_named(e, "enunciado");
    pl_buf b = PL_BUF_INIT;
    pl_buf_printf(&b, "%s. %s", lab, en ? pl_lay_plain(L, en) : "");
    const char *outline = b.data ? pl_arena_strdup(L->arena, b.data) : NULL;
    pl_buf_free(&b);
    int a = pl_ts_anchor_new(L->ts, outline ? outline : "Estrategia", 3, 0);
    if (a < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_vlist_glue(out, S->body_size * 0.6f);
    pl_vlist_anchor(out, a);
    pl_run lead[2] = {pl_lay_text(L, lab, S->head_bold, S->body_size),
                      pl_lay_text(L, ". ", S->head_bold, S->body_size)};
    pl_lay_tint(lead, 2, S->head_rgb);
    size_t n = 0;
    pl_run *r = en ? runs_of(L, en, S->body_font, 1, S->body_size, &n) : NULL;
    pl_run *all = join_runs(L, lead, 2, r, n, &n);
    L->no_hyphen++;
    size_t from = out->n;
    pl_lay_para(L, all, n, x, w, PL_ALIGN_LEFT, S->body_size, S->body_leading, 0, out);
    keep_together(out, from);
    L->no_hyphen--;
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, S->par_space);
    for (const pl_node *c = e->first; c && L->status == PL_OK; c = c->next)
        if (c->type != PL_N_TEXT && !pl_node_is(c, "enunciado") && !pl_node_is(c, "linea"))
            pl_lay_block(L, c, x, w, 3, out);
    if (!pl_node_named(e, "linea"))
        return;

    /* the table of líneas de acción, kept with the heading */
    pl_vlist_penalty(out, PL_INF);
    static const float share3[] = {64, 18, 18}, share2[] = {78, 22};
    static const char *const titles3[] = {"Líneas de acción", "Seguimiento", "Responsable"};
    static const char *const titles2[] = {"Líneas de acción", "Responsable"};
    tbl t;
    tbl_begin(L, &t, follow ? 3 : 2, follow ? share3 : share2, 1);
    tbl_head(L, &t, encabezado, follow ? titles3 : titles2);
    int row = 1;
    for (const pl_node *l = pl_node_named(e, "linea"); l && L->status == PL_OK;
         l = pl_node_next_named(l, "linea"), row++) {
        char ln[NUM_TEXT + 1];
        number_of(nums, l, ln);
        pl_run nr[2] = {pl_lay_text(L, ln, pl_font_style(S->body_font, 1, 0), t.size),
                        pl_lay_text(L, " ", S->body_font, t.size)};
        nr[0].nobreak = 1;
        pl_lay_tint(nr, 1, S->head_rgb);
        size_t k;
        pl_run *lr = runs_of(L, l, S->body_font, 0, t.size, &k);
        pl_run *cell = join_runs(L, nr, 2, lr, k, &k);
        tbl_runs(L, &t, row, 0, cell, k, PL_ALIGN_LEFT);
        int c = 1;
        if (follow) {
            pl_run *u = units(L, pl_node_attr(l, "seguimiento"), t.size, &k);
            pl_cell *pc = tbl_runs(L, &t, row, c++, u, k, PL_ALIGN_CENTER);
            if (pc)
                pc->valign_center = 1;
        }
        pl_run *u = units(L, pl_node_attr(l, "responsable"), t.size, &k);
        pl_cell *pc = tbl_runs(L, &t, row, c, u, k, PL_ALIGN_CENTER);
        if (pc)
            pc->valign_center = 1;
    }
    tbl_end(L, &t, out);
    pl_vlist_glue(out, S->par_space * 1.5f);
}

static void objectives(pl_lay *L, const pl_node *objs, int roman, numbers *nums, pl_vlist *out)
{
    chapter(L, roman, pl_node_child(objs, PL_N_TITLE), "Objetivos, estrategias y líneas de acción",
            out);
    caption(L, pl_node_child(objs, PL_N_SUBTITLE), out);
    static const char *const skip[] = {"objetivo", NULL};
    chapter_blocks(L, objs, skip, out);
    const pl_node *encabezado = pl_node_child(objs, PL_N_THEAD);
    int follow = any_follow_up(objs);
    if (encabezado) { /* the author's columns decide */
        const pl_node *fila = pl_node_child(encabezado, PL_N_ROW);
        follow = fila && pl_node_count(fila, PL_N_CELL) >= 3;
    }
    for (const pl_node *o = pl_node_named(objs, "objetivo"); o && L->status == PL_OK;
         o = pl_node_next_named(o, "objetivo")) {
        char num[NUM_TEXT];
        number_of(nums, o, num);
        objective_panel(L, o, num, out);
        for (const pl_node *c = o->first; c && L->status == PL_OK; c = c->next) {
            if (c->type == PL_N_TEXT || pl_node_is(c, "enunciado"))
                continue;
            if (pl_node_is(c, "estrategia"))
                strategy(L, c, nums, encabezado, follow, out);
            else
                pl_lay_block(L, c, col_x(L), col_w(L), 3, out);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Alignment                                                           */

/* Whether two objetivo-estrategico elements say the same (number and
 * text): the alignment table then joins their cells. */
static int same_strategic(pl_lay *L, const pl_node *a, const pl_node *b)
{
    if (a == NULL || b == NULL)
        return 0;
    const char *na = pl_node_attr(a, "numero"), *nb = pl_node_attr(b, "numero");
    if ((na == NULL) != (nb == NULL) || (na && strcmp(na, nb) != 0))
        return 0;
    const char *ta = pl_lay_plain(L, a), *tb = pl_lay_plain(L, b);
    return ta && tb && strcmp(ta, tb) == 0;
}

/* "2. " before a text, in bold. */
static pl_run *numbered_runs(pl_lay *L, const char *num, pl_run *r, size_t n, float size,
                             size_t *out_n)
{
    if (num == NULL || !*num) {
        *out_n = n;
        return r;
    }
    pl_buf b = PL_BUF_INIT;
    pl_buf_printf(&b, "%s. ", num);
    pl_run lead = pl_lay_text(L, b.data ? b.data : "", pl_font_style(L->st->body_font, 1, 0), size);
    pl_buf_free(&b);
    return join_runs(L, &lead, 1, r, n, out_n);
}

static void alignment(pl_lay *L, const pl_node *al, int roman, const numbers *nums, pl_vlist *out)
{
    const pl_style *S = L->st;
    chapter(L, roman, pl_node_child(al, PL_N_TITLE), "Alineación de los objetivos", out);
    static const char *const skip[] = {"vinculo", NULL};
    chapter_blocks(L, al, skip, out);
    caption(L, pl_node_child(al, PL_N_SUBTITLE), out);
    static const float share[] = {32, 34, 34};
    static const char *const titles[] = {"Objetivo estratégico", "Objetivo del programa",
                                         "Participantes"};
    tbl t;
    tbl_begin(L, &t, 3, share, 1);
    tbl_head(L, &t, pl_node_child(al, PL_N_THEAD), titles);
    int row = 1;
    long merged_at = -1; /* the cell to join (an index: the array may move) */
    const pl_node *prev = NULL;
    for (const pl_node *v = pl_node_named(al, "vinculo"); v && L->status == PL_OK;
         v = pl_node_next_named(v, "vinculo"), row++) {
        size_t n;
        pl_run *r;
        /* the institution's strategic objective, joined with the row
         * above when it is the same */
        const pl_node *oe = pl_node_named(v, "objetivo-estrategico");
        if (merged_at >= 0 && same_strategic(L, prev, oe)) {
            t.cells[merged_at].rowspan++;
            if (row + 1 > t.t.nrows)
                t.t.nrows = row + 1;
        } else if (oe) {
            r = runs_of(L, oe, S->body_font, 0, t.size, &n);
            r = numbered_runs(L, pl_node_attr(oe, "numero"), r, n, t.size, &n);
            tbl_runs(L, &t, row, 0, r, n, PL_ALIGN_LEFT);
            merged_at = (long)t.n - 1;
        } else {
            tbl_runs(L, &t, row, 0, NULL, 0, PL_ALIGN_LEFT);
            merged_at = -1;
        }
        prev = oe;
        /* the programme's objective, from the objective itself */
        const char *ov = pl_node_attr(v, "objetivo");
        const pl_node *obj = ov ? objective_numbered(nums, atol(ov)) : NULL;
        const pl_node *en = obj ? pl_node_named(obj, "enunciado") : NULL;
        if (en) {
            r = runs_of(L, en, S->body_font, 0, t.size, &n);
            r = numbered_runs(L, ov, r, n, t.size, &n);
        } else {
            pl_run q = pl_lay_text(L, ov ? ov : "—", S->body_font, t.size);
            r = join_runs(L, &q, 1, NULL, 0, &n);
        }
        tbl_runs(L, &t, row, 1, r, n, PL_ALIGN_LEFT);
        /* the units that take part, one bullet each */
        float x, w;
        pl_vlist *c = tbl_cell(L, &t, row, 2, 1, &x, &w);
        if (c == NULL)
            break;
        float ind = t.size * 1.1f;
        for (const pl_node *p = pl_node_named(v, "participante"); p && L->status == PL_OK;
             p = pl_node_next_named(p, "participante")) {
            r = runs_of(L, p, S->body_font, 0, t.size, &n);
            labelled_para(L, r, n, "•", x + ind, w - ind, t.size, c);
            pl_vlist_glue(c, 2);
        }
    }
    tbl_end(L, &t, out);
}

/* ------------------------------------------------------------------ */
/* Calendar                                                            */

static void topic_label(int depth, int k, char *out, size_t size)
{
    if (depth == 0)
        snprintf(out, size, "%d.", k);
    else if (depth == 1 && k <= 26)
        snprintf(out, size, "%c)", 'a' + k - 1);
    else
        snprintf(out, size, "–");
}

/* The topics of a session (or of a topic), numbered 1., 2. …; their
 * subtopics a), b) … further in. Nesting deeper than a few levels is laid
 * out at the last level's indent, so a pathological input cannot push
 * the text out of its cell. */
static void topics(pl_lay *L, const pl_node *parent, int depth, float x, float w, float size,
                   pl_vlist *out)
{
    float ind = size * (depth == 0 ? 1.6f : 1.5f);
    if (depth > 3 || ind >= w / 2)
        ind = 0;
    int k = 1;
    for (const pl_node *t = pl_node_named(parent, "tema"); t && L->status == PL_OK;
         t = pl_node_next_named(t, "tema"), k++) {
        char lab[16];
        topic_label(depth, k, lab, sizeof lab);
        size_t n;
        pl_run *r = runs_of(L, t, L->st->body_font, 0, size, &n);
        labelled_para(L, r, n, lab, x + ind, w - ind, size, out);
        pl_vlist_glue(out, depth == 0 ? 2 : 0.5f);
        if (pl_node_named(t, "tema"))
            topics(L, t, depth + 1, x + ind, w - ind, size, out);
    }
}

static void calendar(pl_lay *L, const pl_node *cal, int roman, pl_vlist *out)
{
    const pl_style *S = L->st;
    chapter(L, roman, pl_node_child(cal, PL_N_TITLE), "Calendario de sesiones", out);
    static const char *const skip[] = {"sesion", NULL};
    chapter_blocks(L, cal, skip, out);
    caption(L, pl_node_child(cal, PL_N_SUBTITLE), out);
    numbers nums;
    numbers_load(L, &nums, 1);
    static const float share[] = {10, 25, 65}; /* "29 de septiembre de 2017" on one line */
    static const char *const titles[] = {"Sesión", "Fecha", "Temas"};
    tbl t;
    tbl_begin(L, &t, 3, share, 1);
    tbl_head(L, &t, pl_node_child(cal, PL_N_THEAD), titles);
    int row = 1;
    for (const pl_node *s = pl_node_named(cal, "sesion"); s && L->status == PL_OK;
         s = pl_node_next_named(s, "sesion"), row++) {
        char num[NUM_TEXT];
        number_of(&nums, s, num);
        pl_run nr = pl_lay_text(L, num, pl_font_style(S->body_font, 1, 0), t.size + 1);
        nr.rgb = S->head_rgb;
        pl_cell *pc = tbl_runs(L, &t, row, 0, &nr, 1, PL_ALIGN_CENTER);
        if (pc)
            pc->valign_center = 1;
        pl_run d = pl_lay_text(L, date_words(L, pl_node_attr(s, "fecha")), S->body_font, t.size);
        pc = tbl_runs(L, &t, row, 1, &d, 1, PL_ALIGN_CENTER);
        if (pc)
            pc->valign_center = 1;
        float x, w;
        pl_vlist *c = tbl_cell(L, &t, row, 2, 1, &x, &w);
        if (c)
            topics(L, s, 0, x, w, t.size, c);
    }
    tbl_end(L, &t, out);
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

static void programa_layout(pl_lay *L, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *root = L->doc->root;
    float x = col_x(L), w = col_w(L);
    L->size = S->body_size;
    L->align = PL_ALIGN_JUSTIFY;

    const pl_node *meta = pl_node_child(root, PL_N_METADATA);
    const pl_node *title = pl_node_child(root, PL_N_TITLE);
    const char *plain = title ? pl_lay_plain(L, title) : NULL;
    int a = pl_ts_anchor_new(L->ts, plain ? plain : "Programa Anual de Trabajo", 0, 0);
    if (a < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_vlist_anchor(out, a);
    cover(L, meta, title, out);

    numbers nums;
    numbers_load(L, &nums, 0);

    /* the index's anchor first (the outline follows the anchors' order),
     * then the chapters into their own list: the index needs their
     * anchors, and goes before them */
    int ai = pl_ts_anchor_new(L->ts, "Índice", 1, 0);
    if (ai < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_vlist rest = {0};
    int a0 = (int)pl_ts_anchor_count(L->ts);
    int roman = 0;
    for (const pl_node *c = root->first; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_TEXT || c->type == PL_N_METADATA || c->type == PL_N_TITLE)
            continue;
        if (pl_node_is(c, "introduccion")) {
            chapter(L, 0, pl_node_child(c, PL_N_TITLE), "Introducción", &rest);
            chapter_blocks(L, c, NULL, &rest);
        } else if (pl_node_is(c, "siglas")) {
            siglas(L, c, &rest);
        } else if (pl_node_is(c, "objetivos")) {
            objectives(L, c, ++roman, &nums, &rest);
        } else if (pl_node_is(c, "alineacion")) {
            alignment(L, c, ++roman, &nums, &rest);
        } else if (pl_node_is(c, "calendario")) {
            calendar(L, c, ++roman, &rest);
        } else if (c->type == PL_N_SIGNATURES) {
            pl_lay_signatures(L, c, x, w, 24, 0, &rest);
        } else if (c->type == PL_N_SECTION || pl_node_is(c, "marco-normativo") ||
                   pl_node_is(c, "diagnostico")) {
            chapter(L, ++roman, pl_node_child(c, PL_N_TITLE), "", &rest);
            caption(L, pl_node_child(c, PL_N_SUBTITLE), &rest);
            chapter_blocks(L, c, NULL, &rest);
        }
    }
    int a1 = (int)pl_ts_anchor_count(L->ts);

    /* the index, on the page after the cover */
    pl_vlist_newpage(out);
    pl_vlist_anchor(out, ai);
    float size = S->body_size + 5;
    pl_run r = pl_lay_text(L, "Índice", S->head_bold, size);
    r.rgb = S->head_rgb;
    pl_lay_para(L, &r, 1, x, w, PL_ALIGN_LEFT, size, 0, 0, out);
    pl_vlist_penalty(out, PL_INF);
    rule_box(L, x, w, 10, 1.2f, S->rule_rgb, out);
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, S->par_space);
    pl_lay_toc(L, a0, a1, x, w, out);
    if (pl_vlist_append(out, &rest) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_vlist_free(&rest);
}

const pl_kind_layout pl_programa_kind = {
    .kind = PL_KIND_PROGRAMA,
    .layout = programa_layout,
    .title_path = "titulo",
    .subject_path = NULL,
    .author_path = "metadatos/organo",
    .date_path = "metadatos/fecha",
    .keywords = "programa anual de trabajo, Sistema Nacional de Transparencia",
};
