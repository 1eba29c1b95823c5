/* layouts: the common vocabulary (common.xsd) laid out as boxes. */
#include "layout.h"

#include "../src/util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEADING_FACTOR 1.32f
/* A table narrower than this per column would only hold broken words. */
#define MIN_COL_WIDTH 18.0f

void pl_lay_fail(pl_lay *L, pl_status st)
{
    if (L->status == PL_OK)
        L->status = st;
}

static void *alloc(pl_lay *L, size_t n)
{
    void *p = pl_arena_alloc(L->arena, n);
    if (p == NULL)
        pl_lay_fail(L, PL_ENOMEM);
    return p;
}

pl_run pl_lay_text(pl_lay *L, const char *text, pl_font font, float size)
{
    pl_run r;
    memset(&r, 0, sizeof r);
    r.text = pl_arena_strdup(L->arena, text);
    if (r.text == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        r.text = "";
    }
    r.len = strlen(r.text);
    r.font = font;
    r.size = size;
    r.note = -1;
    return r;
}

/* ------------------------------------------------------------------ */
/* Runs                                                                */

typedef struct runvec {
    pl_run *v;
    size_t n, cap;
} runvec;

static void rv_push(pl_lay *L, runvec *rv, pl_run r)
{
    if (rv->n == rv->cap) {
        size_t cap = rv->cap ? rv->cap * 2 : 16;
        pl_run *n = alloc(L, cap * sizeof *n);
        if (n == NULL)
            return;
        if (rv->n)
            memcpy(n, rv->v, rv->n * sizeof *n);
        rv->v = n;
        rv->cap = cap;
    }
    rv->v[rv->n++] = r;
}

static void lay_note(pl_lay *L, const pl_node *nota, int id, int number);

static void collect(pl_lay *L, const pl_node *node, pl_font base, float size, int bold,
                    int italic, const char *uri, runvec *rv)
{
    for (const pl_node *c = node->first; c; c = c->next) {
        switch (c->type) {
        case PL_N_TEXT: {
            if (c->text_len == 0)
                break;
            pl_run r;
            memset(&r, 0, sizeof r);
            r.text = c->text;
            r.len = c->text_len;
            r.font = pl_font_style(base, bold, italic);
            r.size = size;
            r.uri = uri;
            r.note = -1;
            r.src = c;
            r.src_off = 0;
            rv_push(L, rv, r);
            break;
        }
        case PL_N_BOLD:
            collect(L, c, base, size, 1, italic, uri, rv);
            break;
        case PL_N_ITALIC:
            collect(L, c, base, size, bold, !italic, uri, rv);
            break;
        case PL_N_LINK:
            collect(L, c, base, size, bold, italic, pl_node_attr(c, "href"), rv);
            break;
        case PL_N_LINEBREAK: {
            pl_run r;
            memset(&r, 0, sizeof r);
            r.text = "";
            r.font = base;
            r.size = size;
            r.note = -1;
            r.hard_break = 1;
            rv_push(L, rv, r);
            break;
        }
        case PL_N_NOTE: {
            int id = pl_ts_note_new(L->ts);
            if (id < 0) {
                pl_lay_fail(L, PL_ENOMEM);
                break;
            }
            pl_ts_note_source(L->ts, id, c->line, c->col);
            int number = ++L->note_no;
            char num[16];
            snprintf(num, sizeof num, "%d", number);
            pl_run r = pl_lay_text(L, num, pl_font_style(base, 0, 0), size * 0.62f);
            r.rise = size * 0.36f;
            r.note = id;
            rv_push(L, rv, r);
            lay_note(L, c, id, number);
            break;
        }
        default:
            break; /* blocks inside mixed content are laid out separately */
        }
    }
}

/* Inline runs of node for measuring only: text in the right faces, no
 * footnote laid out (a marker counts as two digits). */
static void collect_measure(pl_lay *L, const pl_node *node, pl_font base, float size,
                            runvec *rv)
{
    for (const pl_node *c = node->first; c; c = c->next) {
        if (c->type == PL_N_TEXT && c->text_len > 0) {
            pl_run r;
            memset(&r, 0, sizeof r);
            r.text = c->text;
            r.len = c->text_len;
            r.font = base;
            r.size = size;
            r.note = -1;
            rv_push(L, rv, r);
        } else if (c->type == PL_N_BOLD || c->type == PL_N_ITALIC || c->type == PL_N_LINK) {
            pl_font f = c->type == PL_N_BOLD ? pl_font_style(base, 1, 0)
                      : c->type == PL_N_ITALIC ? pl_font_style(base, 0, 1)
                                               : base;
            collect_measure(L, c, f, size, rv);
        } else if (c->type == PL_N_NOTE) {
            pl_run r = pl_lay_text(L, "00", base, size * 0.62f);
            rv_push(L, rv, r);
        }
    }
}

/* Collapses spaces across run boundaries and trims both ends. */
static void tidy_runs(runvec *rv)
{
    int prev_space = 1; /* at the start: drop leading spaces */
    for (size_t i = 0; i < rv->n; i++) {
        pl_run *r = &rv->v[i];
        if (r->hard_break) {
            prev_space = 1;
            continue;
        }
        if (r->note >= 0) {
            prev_space = 0;
            continue;
        }
        while (r->len > 0 && r->text[0] == ' ' && prev_space) {
            r->text++;
            r->len--;
            r->src_off++;
        }
        if (r->len > 0)
            prev_space = r->text[r->len - 1] == ' ';
    }
    for (size_t i = rv->n; i > 0; i--) {
        pl_run *r = &rv->v[i - 1];
        if (r->note >= 0)
            break;
        while (r->len > 0 && r->text[r->len - 1] == ' ')
            r->len--;
        if (r->len > 0 || r->hard_break)
            break;
    }
    /* drop empty runs */
    size_t o = 0;
    for (size_t i = 0; i < rv->n; i++)
        if (rv->v[i].len > 0 || rv->v[i].hard_break || rv->v[i].note >= 0)
            rv->v[o++] = rv->v[i];
    rv->n = o;
}

pl_run *pl_lay_runs(pl_lay *L, const pl_node *node, pl_font font, float size, size_t *n)
{
    runvec rv = {0};
    collect(L, node, font, size, L->bold, L->italic, NULL, &rv);
    tidy_runs(&rv);
    *n = rv.n;
    return rv.v;
}

const char *pl_lay_plain(pl_lay *L, const pl_node *n)
{
    char *t = pl_node_text((pl_doc *)L->doc, n);
    if (t == NULL)
        pl_lay_fail(L, PL_ENOMEM);
    return t;
}

void pl_lay_para(pl_lay *L, const pl_run *runs, size_t n, float x, float width, pl_align align,
                 float size, float leading, float indent, pl_vlist *out)
{
    if (n == 0)
        return;
    pl_para_style ps;
    memset(&ps, 0, sizeof ps);
    ps.x = x;
    ps.width = width;
    ps.indent = indent;
    ps.leading = leading > 0 ? leading : size * LEADING_FACTOR;
    ps.align = align;
    ps.hyphenate = !L->no_hyphen;
    ps.orphans = 2;
    ps.widows = 2;
    pl_status st = pl_ts_paragraph(L->ts, runs, n, &ps, out);
    if (st != PL_OK)
        pl_lay_fail(L, st);
}

/* ------------------------------------------------------------------ */
/* Footnotes                                                           */

static void lay_note(pl_lay *L, const pl_node *nota, int id, int number)
{
    const pl_style *S = L->st;
    float x = S->margin_l, w = S->page_w - S->margin_l - S->margin_r;
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    pl_run label = pl_lay_text(L, num, S->body_font, S->note_size * 0.7f);
    label.rise = S->note_size * 0.33f;
    /* gather: inline content, then p children */
    pl_vlist tmp = {0};
    int saved_bold = L->bold, saved_italic = L->italic;
    L->bold = L->italic = 0;
    size_t n;
    pl_run *runs = pl_lay_runs(L, nota, S->body_font, S->note_size, &n);
    int first = 1;
    pl_run *all = NULL;
    if (n > 0 || !pl_node_child(nota, PL_N_PARA)) {
        all = alloc(L, (n + 1) * sizeof *all);
        if (all) {
            all[0] = label;
            memcpy(all + 1, runs, n * sizeof *runs);
            pl_lay_para(L, all, n + 1, x, w, PL_ALIGN_JUSTIFY, S->note_size, S->note_leading, 0,
                        &tmp);
        }
        first = 0;
    }
    for (const pl_node *p = nota->first; p; p = p->next) {
        if (p->type != PL_N_PARA)
            continue;
        runs = pl_lay_runs(L, p, S->body_font, S->note_size, &n);
        all = alloc(L, (n + 1) * sizeof *all);
        if (all == NULL)
            break;
        size_t k = 0;
        if (first)
            all[k++] = label;
        memcpy(all + k, runs, n * sizeof *runs);
        pl_lay_para(L, all, n + k, x, w, PL_ALIGN_JUSTIFY, S->note_size, S->note_leading, 0, &tmp);
        first = 0;
    }
    L->bold = saved_bold;
    L->italic = saved_italic;
    pl_vlist *dst = pl_ts_note_content(L->ts, id);
    if (dst && pl_vlist_append(dst, &tmp) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_vlist_free(&tmp);
}

/* ------------------------------------------------------------------ */
/* Lists                                                               */

static void roman(int n, int upper, char *out)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    out[0] = '\0';
    for (int i = 0; i < 13 && n > 0; i++)
        while (n >= val[i] && strlen(out) < 24) {
            strcat(out, sym[i]);
            n -= val[i];
        }
    if (upper)
        for (char *c = out; *c; c++)
            *c = (char)(*c - 32);
}

static void list_label(const char *tipo, const char *estilo, int k, char *out)
{
    if (tipo && strcmp(tipo, "vinetas") == 0) {
        strcpy(out, "•");
        return;
    }
    const char *e = estilo ? estilo : "1";
    if (strcmp(e, "a") == 0 || strcmp(e, "A") == 0) {
        char base = e[0];
        if (k <= 26)
            snprintf(out, 32, "%c)", base + k - 1);
        else
            snprintf(out, 32, "%c%c)", base + (k - 1) / 26 - 1, base + (k - 1) % 26);
    } else if (strcmp(e, "i") == 0 || strcmp(e, "I") == 0) {
        char r[32];
        roman(k, e[0] == 'I', r);
        snprintf(out, 32, "%s.", r);
    } else {
        snprintf(out, 32, "%d.", k);
    }
}

static void lay_list(pl_lay *L, const pl_node *list, float x, float width, int level, pl_vlist *out)
{
    const char *tipo = pl_node_attr(list, "tipo");
    const char *estilo = pl_node_attr(list, "estilo");
    const char *inicio = pl_node_attr(list, "inicio");
    int k = inicio ? atoi(inicio) : 1;
    float size = L->size;
    float indent = L->st->list_indent * size / L->st->body_size;
    if (estilo && (estilo[0] == 'i' || estilo[0] == 'I'))
        indent *= 1.25f;
    if (indent > width / 3)
        indent = width / 3;
    for (const pl_node *it = list->first; it; it = it->next) {
        if (it->type != PL_N_ITEM)
            continue;
        char lab[32];
        list_label(tipo, estilo, k++, lab);
        pl_vlist tmp = {0};
        pl_lay_blocks(L, it, x + indent, width - indent, level, size, &tmp);
        /* drop trailing glue: the list decides the spacing */
        while (tmp.n > 0 && tmp.items[tmp.n - 1].kind == PL_V_GLUE)
            tmp.n--;
        /* the label goes on the item's first line */
        for (size_t i = 0; i < tmp.n; i++) {
            if (tmp.items[i].kind != PL_V_BOX)
                continue;
            pl_run r = pl_lay_text(L, lab, pl_font_style(L->st->body_font, L->bold, 0), size);
            float lw = pl_ts_runs_width(L->ts, &r, 1);
            pl_op op;
            memset(&op, 0, sizeof op);
            op.kind = PL_OP_TEXT;
            op.font = r.font;
            op.size = size;
            op.x = x + indent - lw - size * 0.4f;
            op.y = tmp.items[i].height * 0.76f;
            op.text = r.text;
            op.len = r.len;
            if (pl_vlist_box_op(&tmp, i, &op) != 0)
                pl_lay_fail(L, PL_ENOMEM);
            break;
        }
        if (pl_vlist_append(out, &tmp) != 0)
            pl_lay_fail(L, PL_ENOMEM);
        pl_vlist_free(&tmp);
        if (pl_vlist_glue(out, L->st->par_space * 0.5f * size / L->st->body_size) != 0)
            pl_lay_fail(L, PL_ENOMEM);
    }
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef struct tcell {
    const pl_node *node;
    int row, col, rowspan, colspan, head, group;
} tcell;

static float parse_width(const char *s, int *percent)
{
    *percent = s && strchr(s, '%') != NULL;
    return s ? (float)atof(s) : 0;
}

/* Least and natural widths of a cell's content: over its own inline text
 * and every paragraph and list item inside it (list items add their
 * indent). Footnote numbers are measured, their text is not. */
static void cell_widths(pl_lay *L, const pl_node *cell, float size, float *mn, float *mx)
{
    float indent = L->st->list_indent * size / L->st->body_size;
    *mn = *mx = 0;
    int saved = L->note_no;
    pl_iter it;
    pl_iter_init(&it, cell);
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        const pl_node *n = it.cur;
        if (it.ev != PL_ITER_ENTER)
            continue;
        if (n->type == PL_N_NOTE) {
            pl_iter_skip_children(&it);
            continue;
        }
        if (n != cell && n->type != PL_N_PARA && n->type != PL_N_ITEM && n->type != PL_N_LABEL)
            continue;
        int depth = 0;
        for (const pl_node *q = n; q && q != cell; q = q->parent)
            if (q->type == PL_N_LIST)
                depth++;
        /* measure without creating footnotes: a copy of the inline runs */
        runvec rv = {0};
        collect_measure(L, n, L->st->body_font, size, &rv);
        float a = pl_ts_runs_minwidth(L->ts, rv.v, rv.n, 1) + depth * indent;
        float b = pl_ts_runs_width(L->ts, rv.v, rv.n) + depth * indent;
        if (a > *mn)
            *mn = a;
        if (b > *mx)
            *mx = b;
    }
    L->note_no = saved;
}

static void lay_table(pl_lay *L, const pl_node *tab, float x, float width, pl_vlist *out)
{
    const pl_style *S = L->st;
    const char *tam = pl_node_attr(tab, "tamano");
    float size = S->table_size[0];
    if (tam && strcmp(tam, "pequeno") == 0)
        size = S->table_size[1];
    else if (tam && strcmp(tam, "diminuto") == 0)
        size = S->table_size[2];
    int pct;
    const char *tw = pl_node_attr(tab, "ancho");
    if (tw) {
        float v = parse_width(tw, &pct);
        if (pct && v > 0 && v <= 100) {
            float nw = width * v / 100;
            x += (width - nw) / 2;
            width = nw;
        }
    }
    /* caption */
    const pl_node *title = pl_node_child(tab, PL_N_TITLE);
    if (title) {
        int sb = L->bold;
        L->bold = 1;
        size_t n;
        pl_run *r = pl_lay_runs(L, title, S->body_font, size + 0.5f, &n);
        L->bold = sb;
        pl_lay_para(L, r, n, x, width, PL_ALIGN_CENTER, size + 0.5f, 0, 0, out);
        if (pl_vlist_penalty(out, PL_INF) != 0 || pl_vlist_glue(out, 3) != 0)
            pl_lay_fail(L, PL_ENOMEM);
    }
    /* grid */
    size_t cap = 64, nc = 0;
    tcell *cells = malloc(cap * sizeof *cells);
    int nrows = 0, ncols = 0, nhead = 0;
    /* occupancy: rows × columns, grown as needed */
    unsigned char *occ = NULL;
    int occ_cols = 64, occ_rows = 0;
    if (cells == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    const pl_node *cols = pl_node_child(tab, PL_N_COLUMNS);
    for (int part = 0; part < 2; part++) {
        const pl_node *sect = pl_node_child(tab, part == 0 ? PL_N_THEAD : PL_N_TBODY);
        if (sect == NULL)
            continue;
        for (const pl_node *row = sect->first; row; row = row->next) {
            if (row->type != PL_N_ROW)
                continue;
            int r = nrows++;
            if (part == 0)
                nhead++;
            const char *rt = pl_node_attr(row, "tipo");
            int group = rt && strcmp(rt, "grupo") == 0;
            int c = 0;
            for (const pl_node *cell = row->first; cell; cell = cell->next) {
                if (cell->type != PL_N_CELL)
                    continue;
                const char *cs = pl_node_attr(cell, "columnas");
                const char *rs = pl_node_attr(cell, "filas");
                int colspan = cs ? atoi(cs) : 1, rowspan = rs ? atoi(rs) : 1;
                if (colspan < 1 || colspan > 64)
                    colspan = 1;
                if (rowspan < 1 || rowspan > 10000)
                    rowspan = 1;
                /* grow occupancy */
                while (occ_rows < r + rowspan) {
                    int nr = occ_rows ? occ_rows * 2 : 32;
                    while (nr < r + rowspan)
                        nr *= 2;
                    unsigned char *no = calloc((size_t)nr * (size_t)occ_cols, 1);
                    if (no == NULL)
                        goto oom;
                    if (occ)
                        memcpy(no, occ, (size_t)occ_rows * (size_t)occ_cols);
                    free(occ);
                    occ = no;
                    occ_rows = nr;
                }
                while (c < occ_cols && occ[r * occ_cols + c])
                    c++;
                if (c + colspan > occ_cols)
                    break; /* more than 64 columns: ignore the rest */
                for (int rr = r; rr < r + rowspan; rr++)
                    for (int cc = c; cc < c + colspan; cc++)
                        occ[rr * occ_cols + cc] = 1;
                if (nc == cap) {
                    cap *= 2;
                    tcell *n2 = realloc(cells, cap * sizeof *cells);
                    if (n2 == NULL)
                        goto oom;
                    cells = n2;
                }
                cells[nc++] = (tcell){cell, r, c, rowspan, colspan, part == 0, group};
                c += colspan;
                if (c > ncols)
                    ncols = c;
            }
        }
    }
    if (nrows == 0 || ncols == 0)
        goto done;
    for (size_t i = 0; i < nc; i++) /* clip row spans at the table end */
        if (cells[i].row + cells[i].rowspan > nrows)
            cells[i].rowspan = nrows - cells[i].row;

    /* column widths */
    float *colw = alloc(L, (size_t)ncols * sizeof *colw);
    float *cmin = calloc((size_t)ncols, sizeof *cmin), *cmax = calloc((size_t)ncols, sizeof *cmax);
    if (!colw || !cmin || !cmax) {
        free(cmin);
        free(cmax);
        goto oom;
    }
    float pad = size * 0.45f;
    int given = 0;
    if (cols) {
        float sum = 0;
        int k = 0;
        for (const pl_node *c = cols->first; c && k < ncols; c = c->next) {
            if (c->type != PL_N_COLUMN)
                continue;
            float v = parse_width(pl_node_attr(c, "ancho"), &pct);
            colw[k++] = v > 0 ? v : 0;
            sum += v > 0 ? v : 0;
        }
        if (k == ncols && sum > 0) {
            for (int i = 0; i < ncols; i++)
                colw[i] = width * colw[i] / sum;
            given = 1;
        }
    }
    if (!given) {
        for (size_t i = 0; i < nc; i++) {
            if (cells[i].colspan != 1)
                continue;
            float mn, mx;
            cell_widths(L, cells[i].node, size, &mn, &mx);
            int c = cells[i].col;
            if (mn + 2 * pad > cmin[c])
                cmin[c] = mn + 2 * pad;
            if (mx + 2 * pad > cmax[c])
                cmax[c] = mx + 2 * pad;
        }
        float smin = 0, smax = 0;
        for (int c = 0; c < ncols; c++) {
            if (cmin[c] < MIN_COL_WIDTH)
                cmin[c] = MIN_COL_WIDTH;
            if (cmax[c] < cmin[c])
                cmax[c] = cmin[c];
            smin += cmin[c];
            smax += cmax[c];
        }
        for (int c = 0; c < ncols; c++) {
            if (smax <= width)
                colw[c] = cmax[c] * width / smax;
            else if (smin <= width)
                colw[c] = cmin[c] + (width - smin) * (cmax[c] - cmin[c]) / (smax - smin);
            else
                colw[c] = cmin[c] * width / smin;
        }
    }
    free(cmin);
    free(cmax);

    /* cell contents */
    pl_table t;
    memset(&t, 0, sizeof t);
    t.nrows = nrows;
    t.ncols = ncols;
    t.nhead = nhead;
    t.x = x;
    t.width = width;
    t.colw = colw;
    t.pad = pad;
    t.rule = 0.5f;
    t.continued = "(continúa)";
    t.caption_size = size;
    t.cells = alloc(L, nc * sizeof *t.cells);
    if (t.cells == NULL)
        goto done;
    t.ncells = nc;
    float *colx = alloc(L, ((size_t)ncols + 1) * sizeof *colx);
    if (colx == NULL)
        goto done;
    colx[0] = x;
    for (int c = 0; c < ncols; c++)
        colx[c + 1] = colx[c] + colw[c];
    const pl_node *colnodes[64] = {0};
    if (cols) {
        int k = 0;
        for (const pl_node *c = cols->first; c && k < 64; c = c->next)
            if (c->type == PL_N_COLUMN)
                colnodes[k++] = c;
    }
    for (size_t i = 0; i < nc; i++) {
        const tcell *tc = &cells[i];
        pl_cell *pc = &t.cells[i];
        pc->row = tc->row;
        pc->col = tc->col;
        pc->rowspan = tc->rowspan;
        pc->colspan = tc->colspan;
        pc->shade = tc->head ? 0.86f : tc->group ? 0.93f : 1.0f;
        pc->fill = tc->head ? S->thead_rgb : tc->group ? S->group_rgb : 0; /* or the shade */
        float cx = colx[tc->col] + pad, cw = colx[tc->col + tc->colspan] - colx[tc->col] - 2 * pad;
        if (cw < 4)
            cw = 4;
        const char *al = pl_node_attr(tc->node, "alineacion");
        if (al == NULL && tc->col < 64 && colnodes[tc->col] && !tc->head)
            al = pl_node_attr(colnodes[tc->col], "alineacion");
        pl_align saved_align = L->align;
        int saved_bold = L->bold;
        L->align = tc->head ? PL_ALIGN_CENTER : PL_ALIGN_LEFT;
        if (al)
            L->align = strcmp(al, "centrada") == 0   ? PL_ALIGN_CENTER
                       : strcmp(al, "derecha") == 0  ? PL_ALIGN_RIGHT
                       : strcmp(al, "justificada") == 0 ? PL_ALIGN_JUSTIFY
                                                     : PL_ALIGN_LEFT;
        if (tc->head || tc->group)
            L->bold = 1;
        pl_lay_blocks(L, tc->node, cx, cw, 9, size, &pc->content);
        while (pc->content.n > 0 && pc->content.items[pc->content.n - 1].kind != PL_V_BOX)
            pc->content.n--;
        L->align = saved_align;
        L->bold = saved_bold;
        pc->valign_center = tc->head;
    }
    pl_status st = pl_ts_table(L->ts, &t, out);
    if (st != PL_OK)
        pl_lay_fail(L, st);
    for (size_t i = 0; i < nc; i++)
        pl_vlist_free(&t.cells[i].content);
    /* source line */
    const pl_node *src = pl_node_child(tab, PL_N_SOURCE);
    if (src) {
        if (pl_vlist_glue(out, 3) != 0)
            pl_lay_fail(L, PL_ENOMEM);
        size_t n;
        int si = L->italic;
        pl_run *r = pl_lay_runs(L, src, S->body_font, S->note_size, &n);
        L->italic = si;
        pl_lay_para(L, r, n, x, width, PL_ALIGN_LEFT, S->note_size, 0, 0, out);
    }
    goto done;
oom:
    pl_lay_fail(L, PL_ENOMEM);
done:
    free(cells);
    free(occ);
}

/* ------------------------------------------------------------------ */
/* Figures                                                             */

/* Resolution assumed for an image whose width the document does not
 * give: a figure prepared for print. */
#define FIGURE_DPI 150.0f

static void caption(pl_lay *L, const pl_node *fig, float x, float width, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *cap = pl_node_child(fig, PL_N_CAPTION);
    if (cap) {
        if (pl_vlist_penalty(out, PL_INF) != 0 || pl_vlist_glue(out, 4) != 0)
            pl_lay_fail(L, PL_ENOMEM);
        size_t n;
        int sb = L->bold;
        L->bold = 1;
        pl_run *r = pl_lay_runs(L, cap, S->body_font, S->body_size - 1, &n);
        L->bold = sb;
        pl_lay_para(L, r, n, x, width, PL_ALIGN_CENTER, S->body_size - 1, 0, 0, out);
    }
    if (pl_vlist_glue(out, S->par_space * 1.5f) != 0)
        pl_lay_fail(L, PL_ENOMEM);
}

/* The image of a figure (figura/@src, relative to the document's folder),
 * scaled to its width: figura/@ancho as a percentage of the column, or
 * the image's own size at FIGURE_DPI, never wider than the column nor
 * taller than 60% of the page's text area. 0 when drawn; -1 when the
 * image cannot be used (IMG-001 reported at the figure). */
static int figure_image(pl_lay *L, const pl_node *fig, const char *src, float x, float width,
                        pl_vlist *out)
{
    const pl_style *S = L->st;
    pl_buf path = PL_BUF_INIT;
    const char *slash = strrchr(L->doc->path, '/');
    if (src[0] != '/' && slash)
        pl_buf_printf(&path, "%.*s/%s", (int)(slash - L->doc->path), L->doc->path, src);
    else
        pl_buf_puts(&path, src);
    if (path.data == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return -1;
    }
    const pl_metrics *m = pl_ts_metrics(L->ts);
    float pw = 0, ph = 0;
    const char *why = "no hay imágenes en esta salida";
    int id = m->image ? m->image(m->ctx, path.data, &pw, &ph, &why) : -1;
    if (id < 0 || pw <= 0 || ph <= 0) {
        pl_diags_add(L->diags, L->doc->path, fig->line, fig->col, PL_SEV_ERROR, "IMG-001", NULL,
                     "la imagen %s no se puede usar: %s", path.data, why);
        pl_buf_free(&path);
        return -1;
    }
    pl_buf_free(&path);
    int pct = 0;
    float v = parse_width(pl_node_attr(fig, "ancho"), &pct);
    float w = v > 0 && pct ? width * v / 100.0f : pw * 72.0f / FIGURE_DPI;
    if (w > width)
        w = width;
    float h = w * ph / pw, hmax = (S->page_h - S->margin_t - S->margin_b) * 0.6f;
    if (h > hmax) {
        h = hmax;
        w = h * pw / ph;
    }
    if (pl_vlist_box(out, h) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return 0;
    }
    pl_op op;
    memset(&op, 0, sizeof op);
    op.kind = PL_OP_IMAGE;
    op.anchor = id;
    op.x = x + (width - w) / 2;
    op.w = w;
    op.h = h;
    if (pl_vlist_op(out, &op) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    return 0;
}

static void lay_figure(pl_lay *L, const pl_node *fig, float x, float width, pl_vlist *out)
{
    const pl_style *S = L->st;
    const char *src = pl_node_attr(fig, "src");
    if (src && *src && figure_image(L, fig, src, x, width, out) == 0) {
        caption(L, fig, x, width, out);
        return;
    }
    /* no image (the source had only its description): a framed panel
     * with the description, so the reader knows what is missing */
    float fw = width * 0.8f, fx = x + (width - fw) / 2;
    pl_vlist desc = {0};
    const pl_node *d = pl_node_child(fig, PL_N_FIGDESC);
    if (d) {
        size_t n;
        int si = L->italic;
        L->italic = 1;
        pl_run *r = pl_lay_runs(L, d, S->body_font, S->body_size - 1.5f, &n);
        L->italic = si;
        for (size_t i = 0; i < n; i++)
            r[i].size = S->body_size - 1.5f;
        pl_lay_para(L, r, n, fx + 16, fw - 32, PL_ALIGN_CENTER, S->body_size - 1.5f, 0, 0, &desc);
    }
    float dh = pl_vlist_height(&desc);
    float h = dh + 80 > 150 ? dh + 80 : 150;
    long b = pl_vlist_box(out, h);
    if (b < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        pl_vlist_free(&desc);
        return;
    }
    pl_lay_rect(L, out, fx, 0, fw, h, 0, 0.95f);
    float edges[4][4] = {{fx, 0, fw, 0}, {fx, h, fw, 0}, {fx, 0, 0, h}, {fx + fw, 0, 0, h}};
    for (int e = 0; e < 4; e++)
        pl_lay_line(L, out, edges[e][0], edges[e][1], edges[e][2], edges[e][3], 0.5f, 0, 0.55f);
    if (pl_vlist_flatten_into(out, &desc, 0, (h - dh) / 2) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_vlist_free(&desc);
    caption(L, fig, x, width, out);
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static void lay_section(pl_lay *L, const pl_node *sec, float x, float width, int level,
                        pl_vlist *out)
{
    const pl_style *S = L->st;
    const char *port = pl_node_attr(sec, "portadilla");
    const char *np = pl_node_attr(sec, "nueva-pagina");
    const char *ind = pl_node_attr(sec, "indice");
    int in_toc = !(ind && strcmp(ind, "no") == 0);
    const pl_node *title = pl_node_child(sec, PL_N_TITLE);
    const pl_node *sub = pl_node_child(sec, PL_N_SUBTITLE);
    const char *plain = title ? pl_lay_plain(L, title) : "";
    int anchor = pl_ts_anchor_new(L->ts, plain, level, in_toc);
    if (anchor < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    pl_ts_anchor_set_id(L->ts, anchor, pl_node_attr(sec, "id"));
    int saved_bold = L->bold;
    if (port && strcmp(port, "si") == 0) {
        /* a divider page: the title alone, a third of the way down */
        pl_vlist_newpage(out);
        pl_vlist_anchor(out, anchor);
        pl_vlist_glue(out, (S->page_h - S->margin_t - S->margin_b) * 0.3f);
        pl_vlist_penalty(out, PL_INF);
        L->bold = 1;
        size_t n;
        pl_run *r = title ? pl_lay_runs(L, title, S->head_bold, 30, &n) : NULL;
        L->bold = 0;
        if (r)
            pl_lay_para(L, r, n, x, width, PL_ALIGN_LEFT, 30, 36, 0, out);
        if (sub) {
            pl_vlist_penalty(out, PL_INF);
            r = pl_lay_runs(L, sub, S->head_font, 18, &n);
            pl_lay_para(L, r, n, x, width * 0.8f, PL_ALIGN_LEFT, 18, 24, 0, out);
        }
        pl_vlist_penalty(out, PL_INF);
        pl_vlist_box(out, 14);
        pl_lay_rect(L, out, x, 8, 90, 4, 0, 0.35f);
        pl_vlist_newpage(out);
    } else {
        if (np && strcmp(np, "si") == 0)
            pl_vlist_newpage(out);
        else
            pl_vlist_glue(out, S->body_size * (level <= 1 ? 1.2f : 0.8f));
        pl_vlist_anchor(out, anchor);
        float hs = level <= 1 ? S->body_size + 4 : level == 2 ? S->body_size + 2 : S->body_size + 0.5f;
        L->bold = 1;
        L->no_hyphen++;
        size_t n;
        pl_run *r = title ? pl_lay_runs(L, title, level <= 2 ? S->head_bold : S->body_font, hs, &n) : NULL;
        if (r)
            pl_lay_para(L, r, n, x, width, PL_ALIGN_LEFT, hs, 0, 0, out);
        if (sub) {
            L->bold = 0;
            pl_vlist_penalty(out, PL_INF);
            r = pl_lay_runs(L, sub, S->head_font, hs - 2, &n);
            pl_lay_para(L, r, n, x, width, PL_ALIGN_LEFT, hs - 2, 0, 0, out);
        }
        L->no_hyphen--;
        pl_vlist_penalty(out, PL_INF);
        pl_vlist_glue(out, S->par_space);
    }
    L->bold = saved_bold;
    for (const pl_node *c = sec->first; c; c = c->next) {
        if (c->type == PL_N_TITLE || c->type == PL_N_SUBTITLE || c->type == PL_N_TEXT)
            continue;
        pl_lay_block(L, c, x, width, level + 1, out);
    }
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */

static void lay_para_node(pl_lay *L, const pl_node *p, float x, float width, float size, pl_vlist *out)
{
    const char *al = pl_node_attr(p, "alineacion");
    pl_align a = L->align;
    if (al)
        a = strcmp(al, "centrada") == 0   ? PL_ALIGN_CENTER
            : strcmp(al, "derecha") == 0  ? PL_ALIGN_RIGHT
            : strcmp(al, "izquierda") == 0 ? PL_ALIGN_LEFT
                                           : PL_ALIGN_JUSTIFY;
    size_t n;
    pl_run *r = pl_lay_runs(L, p, L->st->body_font, size, &n);
    const char *sg = pl_node_attr(p, "sangria");
    float indent = sg && strcmp(sg, "si") == 0 ? size * 2 : 0;
    pl_lay_para(L, r, n, x, width, a, size, 0, indent, out);
}

void pl_lay_block(pl_lay *L, const pl_node *n, float x, float width, int level, pl_vlist *out)
{
    if (L->status != PL_OK)
        return;
    const pl_style *S = L->st;
    float size = L->size;
    float gap = S->par_space * size / S->body_size;
    switch (n->type) {
    case PL_N_PARA:
        lay_para_node(L, n, x, width, size, out);
        pl_vlist_glue(out, gap);
        break;
    case PL_N_LABEL: {
        int sb = L->bold;
        L->bold = 1;
        pl_vlist_glue(out, gap * 0.5f);
        size_t k;
        pl_run *r = pl_lay_runs(L, n, S->body_font, size, &k);
        pl_lay_para(L, r, k, x, width, PL_ALIGN_LEFT, size, 0, 0, out);
        L->bold = sb;
        pl_vlist_penalty(out, PL_INF);
        pl_vlist_glue(out, gap * 0.5f);
        break;
    }
    case PL_N_LIST:
        lay_list(L, n, x, width, level, out);
        pl_vlist_glue(out, gap * 0.5f);
        break;
    case PL_N_TABLE:
        pl_vlist_glue(out, gap);
        lay_table(L, n, x, width, out);
        pl_vlist_glue(out, gap * 1.5f);
        break;
    case PL_N_QUOTE: {
        int si = L->italic;
        L->italic = 1;
        pl_lay_blocks(L, n, x + 30, width - 60, level, size, out);
        L->italic = si;
        break;
    }
    case PL_N_FIGURE:
        lay_figure(L, n, x, width, out);
        break;
    case PL_N_PAGEBREAK:
        pl_vlist_newpage(out);
        break;
    case PL_N_SECTION:
        lay_section(L, n, x, width, level, out);
        break;
    default:
        break;
    }
}

void pl_lay_blocks(pl_lay *L, const pl_node *node, float x, float width, int level, float size,
                   pl_vlist *out)
{
    float saved = L->size;
    L->size = size;
    /* inline children between blocks form implicit paragraphs */
    const pl_node *c = node->first;
    while (c && L->status == PL_OK) {
        if (pl_node_is_inline(c)) {
            /* a temporary parent holding the inline run [c, d) */
            const pl_node *d = c;
            while (d && pl_node_is_inline(d))
                d = d->next;
            pl_node tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.type = PL_N_PARA;
            tmp.name = "p";
            tmp.first = (pl_node *)c;
            /* cut the sibling chain at d for the walk, then restore */
            pl_node *before_d = d ? d->prev : node->last;
            pl_node *saved_next = before_d->next;
            before_d->next = NULL;
            size_t n;
            pl_run *r = pl_lay_runs(L, &tmp, L->st->body_font, size, &n);
            before_d->next = saved_next;
            if (n > 0) {
                pl_lay_para(L, r, n, x, width, L->align, size, 0, 0, out);
                pl_vlist_glue(out, L->st->par_space * size / L->st->body_size * 0.6f);
            }
            c = d;
            continue;
        }
        pl_lay_block(L, c, x, width, level, out);
        c = c->next;
    }
    L->size = saved;
}

/* ------------------------------------------------------------------ */
/* Index                                                               */

void pl_lay_toc(pl_lay *L, int a0, int a1, float x, float width, pl_vlist *out)
{
    const pl_style *S = L->st;
    float size = S->body_size;
    float numw = size * 2.5f;
    for (int a = a0; a < a1; a++) {
        const pl_anchor *an = pl_ts_anchor(L->ts, a);
        if (an == NULL || !an->in_toc || an->title == NULL)
            continue;
        int depth = an->level - 1;
        if (depth < 0)
            depth = 0;
        float ix = x + depth * size * 1.5f;
        pl_run r = pl_lay_text(L, an->title, depth == 0 ? pl_font_style(S->body_font, 1, 0) : S->body_font, size);
        size_t before = out->n;
        pl_vlist_glue(out, depth == 0 ? size * 0.5f : size * 0.15f);
        pl_lay_para(L, &r, 1, ix, width - (ix - x) - numw, PL_ALIGN_LEFT, size, 0, 0, out);
        /* the page number and leaders go on the entry's last line */
        long last = -1;
        for (size_t i = before; i < out->n; i++)
            if (out->items[i].kind == PL_V_BOX)
                last = (long)i;
        if (last < 0)
            continue;
        pl_vitem *b = &out->items[last];
        float endx = ix;
        for (size_t k = 0; k < b->nops; k++) {
            const pl_op *op = &out->ops[b->op0 + k];
            if (op->kind == PL_OP_TEXT) {
                pl_run t = {0};
                t.text = op->text;
                t.len = op->len;
                t.font = op->font;
                t.size = op->size;
                float e = op->x + pl_ts_runs_width(L->ts, &t, 1);
                if (e > endx)
                    endx = e;
            }
        }
        pl_op op;
        memset(&op, 0, sizeof op);
        op.kind = PL_OP_PAGEREF;
        op.font = S->body_font;
        op.size = size;
        op.x = x + width;
        op.y = b->height * 0.76f;
        op.w = x + width - endx - size * 0.3f;
        op.anchor = a;
        pl_vlist_op(out, &op);
        memset(&op, 0, sizeof op);
        op.kind = PL_OP_GOTO;
        op.x = ix;
        op.y = 0;
        op.w = x + width - ix;
        op.h = b->height;
        op.anchor = a;
        pl_vlist_op(out, &op);
        pl_vlist_penalty(out, 0);
    }
}

/* ------------------------------------------------------------------ */
/* Signatures                                                          */

void pl_lay_signatures(pl_lay *L, const pl_node *firmas, float x, float w, float lead,
                       int keep_rows, pl_vlist *out)
{
    const pl_style *S = L->st;
    size_t count = pl_node_count(firmas, PL_N_SIGNATURE);
    if (count == 0)
        return;
    int per_row = count >= 2 ? 2 : 1;
    float gap = 36, colw = (w - gap * (float)(per_row - 1)) / (float)per_row;
    const pl_node *f = pl_node_child(firmas, PL_N_SIGNATURE);
    /* the closing paragraph's last lines stay with the first signatures */
    while (out->n > 0 && out->items[out->n - 1].kind == PL_V_GLUE)
        out->n--;
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, lead);
    pl_vlist_penalty(out, PL_INF);
    while (f && L->status == PL_OK) {
        pl_vlist cols[2] = {{0}};
        int k;
        for (k = 0; k < per_row && f; k++, f = pl_node_next_of(f, PL_N_SIGNATURE)) {
            float cx = x + (float)k * (colw + gap);
            if (count % 2 == 1 && per_row == 2 && pl_node_next_of(f, PL_N_SIGNATURE) == NULL &&
                k == 0)
                cx = x + (w - colw) / 2; /* the last one alone: centred */
            pl_vlist *v = &cols[k];
            if (pl_vlist_box(v, 46) < 0) {
                pl_lay_fail(L, PL_ENOMEM);
                break;
            }
            pl_lay_line(L, v, cx + colw * 0.1f, 44, colw * 0.8f, 0, 0.6f, 0, 0);
            const pl_node *nm = pl_node_child(f, PL_N_NAME), *cg = pl_node_child(f, PL_N_ROLE);
            size_t n;
            int sb = L->bold;
            L->bold = 1;
            pl_run *r = nm ? pl_lay_runs(L, nm, S->body_font, S->body_size, &n) : NULL;
            L->bold = sb;
            if (r)
                pl_lay_para(L, r, n, cx, colw, PL_ALIGN_CENTER, S->body_size, 0, 0, v);
            r = cg ? pl_lay_runs(L, cg, S->body_font, S->body_size - 1, &n) : NULL;
            if (r)
                pl_lay_para(L, r, n, cx, colw, PL_ALIGN_CENTER, S->body_size - 1, 0, 0, v);
        }
        float h = 0;
        for (int i = 0; i < k; i++)
            if (pl_vlist_height(&cols[i]) > h)
                h = pl_vlist_height(&cols[i]);
        if (pl_vlist_box(out, h) < 0)
            pl_lay_fail(L, PL_ENOMEM);
        for (int i = 0; i < k; i++) {
            if (pl_vlist_flatten_into(out, &cols[i], 0, 0) != 0)
                pl_lay_fail(L, PL_ENOMEM);
            pl_vlist_free(&cols[i]);
        }
        if (f && keep_rows) {
            pl_vlist_penalty(out, PL_INF);
            pl_vlist_glue(out, 24);
            pl_vlist_penalty(out, PL_INF);
        } else if (f) {
            pl_vlist_glue(out, 24); /* a row of signatures may start a page */
        }
    }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

void pl_lay_rect(pl_lay *L, pl_vlist *out, float x, float y, float w, float h, uint32_t rgb,
                 float gray)
{
    pl_op op;
    memset(&op, 0, sizeof op);
    op.kind = PL_OP_RECT;
    op.x = x;
    op.y = y;
    op.w = w;
    op.h = h;
    op.rgb = rgb;
    op.gray = gray;
    if (pl_vlist_op(out, &op) != 0)
        pl_lay_fail(L, PL_ENOMEM);
}

void pl_lay_line(pl_lay *L, pl_vlist *out, float x, float y, float w, float h, float lw,
                 uint32_t rgb, float gray)
{
    pl_op op;
    memset(&op, 0, sizeof op);
    op.kind = PL_OP_LINE;
    op.x = x;
    op.y = y;
    op.w = w;
    op.h = h;
    op.lw = lw;
    op.rgb = rgb;
    op.gray = gray;
    if (pl_vlist_op(out, &op) != 0)
        pl_lay_fail(L, PL_ENOMEM);
}
