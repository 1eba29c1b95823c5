/* layouts: the informe de actividades of an SNT body (a commission, a
 * region …). The page, letters, colours and running header (the body's
 * emblem, "Informe de actividades" and the period) and footer are data:
 * layouts/informe.xml. Here: a cover on a band of the accent colour; the
 * index; acknowledgements, presentation and legal basis; then the body in
 * the document's order: sections, sessions (title, the date in words,
 * each matter numbered 1.-, 2.-), the meetings table, events with their
 * figures, key figures as a row of cards, people as a table, and the
 * numeric tables (datos) drawn as vector bar charts whose values are
 * also written as text, so the PDF reads without the picture. */
#include "layout.h"

#include "../src/rules/es.h"
#include "../src/util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most bars in one chart: beyond this a chart is not readable (nor fits
 * one page), and the numbers are set as a table instead. */
#define MAX_BARS 200
/* Cards per row of key figures. */
#define CARDS_PER_ROW 3

static const char *const weekdays[] = {"domingo", "lunes",   "martes", "miércoles",
                                       "jueves",  "viernes", "sábado"};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

#define COL_X(S) ((S)->margin_l)
#define COL_W(S) ((S)->page_w - (S)->margin_l - (S)->margin_r)

static void oom_if(pl_lay *L, int rc)
{
    if (rc != 0)
        pl_lay_fail(L, PL_ENOMEM);
}

static void keep(pl_lay *L, pl_vlist *out)
{
    oom_if(L, pl_vlist_penalty(out, PL_INF));
}

static void glue(pl_lay *L, pl_vlist *out, float h)
{
    oom_if(L, pl_vlist_glue(out, h));
}

/* A colour between rgb and to (0xRRGGBB) at t (0: rgb, 1: to). */
static uint32_t mix(uint32_t rgb, uint32_t to, float t)
{
    uint32_t r = 0;
    for (int s = 0; s <= 16; s += 8) {
        float a = (float)((rgb >> s) & 0xFF), b = (float)((to >> s) & 0xFF);
        r |= (uint32_t)(a + (b - a) * t + 0.5f) << s;
    }
    return PL_RGB(r);
}

/* The accent of charts and cards; the headings' colour, or a neutral
 * grey, when the layout gives none. */
static uint32_t accent(const pl_style *S)
{
    return S->accent_rgb ? S->accent_rgb : S->head_rgb ? S->head_rgb : PL_RGB(0x595959);
}

static uint32_t heading_rgb(const pl_style *S)
{
    return S->head_rgb ? S->head_rgb : accent(S);
}

/* Secondary text (dates, captions, axis titles). */
static uint32_t muted(const pl_style *S)
{
    return S->rule_rgb ? S->rule_rgb : PL_RGB(0x595959);
}

/* A count with thousands separated by commas, as Mexico writes them. */
static void fmt_count(unsigned long long v, char *out, size_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%llu", v);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

static unsigned long long count_attr(const pl_node *n, const char *name)
{
    const char *s = pl_node_attr(n, name);
    return s ? strtoull(s, NULL, 10) : 0;
}

/* Runs of an element's inline content in font at size, coloured rgb. */
static pl_run *runs_of(pl_lay *L, const pl_node *n, pl_font font, int bold, float size,
                       uint32_t rgb, size_t *cnt)
{
    int sb = L->bold, si = L->italic;
    L->bold = bold;
    L->italic = 0;
    pl_run *r = pl_lay_runs(L, n, font, size, cnt);
    L->bold = sb;
    L->italic = si;
    pl_lay_tint(r, *cnt, rgb);
    return r;
}

static pl_run *text_run(pl_lay *L, const char *text, pl_font font, float size, uint32_t rgb)
{
    pl_run *r = pl_arena_alloc(L->arena, sizeof *r);
    if (r == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return NULL;
    }
    *r = pl_lay_text(L, text, font, size);
    r->rgb = rgb;
    return r;
}

/* ------------------------------------------------------------------ */
/* Drawing inside one box                                              */
/*                                                                     */
/* A chart, a card row or the cover band is one box: the last box of   */
/* out, opened with pl_vlist_box(out, 0), drawn into with y from its   */
/* top, and given its height when done.                                */

/* Sets runs as a paragraph in column (x, w) at y of the open box; returns
 * its height. The lines go through the engine, so every character is
 * checked against its font and pdftotext reads them. */
static float draw_para(pl_lay *L, pl_vlist *out, const pl_run *r, size_t n, float x, float y,
                       float w, pl_align a, float size, float leading)
{
    if (r == NULL || n == 0)
        return 0;
    pl_vlist tmp = {0};
    pl_lay_para(L, r, n, x, w, a, size, leading, 0, &tmp);
    float h = pl_vlist_height(&tmp);
    oom_if(L, pl_vlist_flatten_into(out, &tmp, 0, y));
    pl_vlist_free(&tmp);
    return h;
}

/* Height runs would take as a paragraph in width w. */
static float para_height(pl_lay *L, const pl_run *r, size_t n, float w, float size, float leading)
{
    if (r == NULL || n == 0)
        return 0;
    pl_vlist tmp = {0};
    pl_lay_para(L, r, n, 0, w, PL_ALIGN_LEFT, size, leading, 0, &tmp);
    float h = pl_vlist_height(&tmp);
    pl_vlist_free(&tmp);
    return h;
}

static float runs_width(pl_lay *L, const pl_run *r, size_t n)
{
    return r && n ? pl_ts_runs_width(L->ts, r, n) : 0;
}

/* ------------------------------------------------------------------ */
/* Headings                                                            */

/* A heading with its anchor at level (outline; the index when in_toc),
 * set as a heading of level look. 1: large, in the headings' colour,
 * over a rule; 2: smaller; 3 and more: text size in bold. The heading
 * stays with what follows. */
static void heading_as(pl_lay *L, const pl_node *title, const char *text, int level, int look,
                       int in_toc, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = COL_X(S), w = COL_W(S);
    const char *plain = title ? pl_lay_plain(L, title) : text;
    int a = pl_ts_anchor_new(L->ts, plain ? plain : "", level, in_toc);
    if (a < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    float size = look <= 1 ? S->body_size + 4.5f : look == 2 ? S->body_size + 1.5f
                                                             : S->body_size;
    uint32_t rgb = look <= 2 ? heading_rgb(S) : 0;
    glue(L, out, look <= 1 ? size * 1.1f : size * 0.9f);
    oom_if(L, pl_vlist_anchor(out, a));
    L->no_hyphen++;
    size_t n;
    pl_run *r = title ? runs_of(L, title, S->head_font, 1, size, rgb, &n)
                      : text_run(L, text ? text : "", S->head_bold, size, rgb);
    if (!title)
        n = r ? 1 : 0;
    pl_lay_para(L, r, n, x, w, PL_ALIGN_LEFT, size, size * 1.25f, 0, out);
    L->no_hyphen--;
    keep(L, out);
    if (look <= 1) {
        if (pl_vlist_box(out, 7) < 0)
            pl_lay_fail(L, PL_ENOMEM);
        pl_lay_line(L, out, x, 3.5f, w, 0, 0.4f, accent(S), 0);
        pl_lay_rect(L, out, x, 2, 48, 3, accent(S), 0);
        keep(L, out);
    }
    glue(L, out, S->par_space);
}

static void heading(pl_lay *L, const pl_node *title, const char *text, int level, int in_toc,
                    pl_vlist *out)
{
    heading_as(L, title, text, level, level, in_toc, out);
}

/* ------------------------------------------------------------------ */
/* Tables built here (meetings, people, data as a table)               */

typedef struct itable {
    pl_table t;
    size_t cap;
    float *colx;
} itable;

static int itable_init(pl_lay *L, itable *it, int ncols, const float *frac, size_t cells,
                       float size)
{
    const pl_style *S = L->st;
    memset(it, 0, sizeof *it);
    it->t.ncols = ncols;
    it->t.x = COL_X(S);
    it->t.width = COL_W(S);
    it->t.pad = size * 0.45f;
    it->t.rule = 0.5f;
    it->t.continued = "(continúa)";
    it->t.caption_size = size;
    it->t.colw = pl_arena_alloc(L->arena, (size_t)ncols * sizeof *it->t.colw);
    it->colx = pl_arena_alloc(L->arena, ((size_t)ncols + 1) * sizeof *it->colx);
    it->t.cells = calloc(cells ? cells : 1, sizeof *it->t.cells);
    if (!it->t.colw || !it->colx || !it->t.cells) {
        pl_lay_fail(L, PL_ENOMEM);
        return -1;
    }
    it->cap = cells;
    it->colx[0] = it->t.x;
    for (int c = 0; c < ncols; c++) {
        it->t.colw[c] = it->t.width * frac[c];
        it->colx[c + 1] = it->colx[c] + it->t.colw[c];
    }
    return 0;
}

/* Adds a cell holding runs (or blocks of node when blocks is set). head:
 * a header cell (bold, centred, the layout's header fill); group: a row
 * naming a group (the group fill). */
static void itable_cell(pl_lay *L, itable *it, int row, int col, int colspan, const pl_run *r,
                        size_t n, const pl_node *blocks, pl_align align, int head, int group,
                        float size)
{
    const pl_style *S = L->st;
    if (it->t.ncells == it->cap || L->status != PL_OK)
        return;
    pl_cell *c = &it->t.cells[it->t.ncells++];
    c->row = row;
    c->col = col;
    c->rowspan = 1;
    c->colspan = colspan;
    c->shade = head ? 0.86f : group ? 0.93f : 1.0f;
    c->fill = head ? S->thead_rgb : group ? S->group_rgb : 0;
    c->valign_center = head;
    float cx = it->colx[col] + it->t.pad;
    float cw = it->colx[col + colspan] - it->colx[col] - 2 * it->t.pad;
    if (blocks) {
        pl_align sa = L->align;
        L->align = align;
        pl_lay_blocks(L, blocks, cx, cw, 9, size, &c->content);
        L->align = sa;
    } else {
        pl_lay_para(L, r, n, cx, cw, align, size, 0, 0, &c->content);
    }
    while (c->content.n > 0 && c->content.items[c->content.n - 1].kind != PL_V_BOX)
        c->content.n--;
    if (row + 1 > it->t.nrows)
        it->t.nrows = row + 1;
}

static void itable_finish(pl_lay *L, itable *it, pl_vlist *out)
{
    if (L->status == PL_OK && it->t.nrows > 0) {
        glue(L, out, L->st->par_space);
        pl_status st = pl_ts_table(L->ts, &it->t, out);
        if (st != PL_OK)
            pl_lay_fail(L, st);
        glue(L, out, L->st->par_space * 1.5f);
    }
    for (size_t i = 0; i < it->t.ncells; i++)
        pl_vlist_free(&it->t.cells[i].content);
    free(it->t.cells);
    it->t.cells = NULL;
}

/* A header cell with literal text. */
static void itable_head(pl_lay *L, itable *it, int col, const pl_node *given, const char *dflt,
                        float size)
{
    size_t n = 1;
    pl_run *r = given ? runs_of(L, given, L->st->body_font, 1, size, 0, &n)
                      : text_run(L, dflt, pl_font_style(L->st->body_font, 1, 0), size, 0);
    itable_cell(L, it, 0, col, 1, r, n, NULL, PL_ALIGN_CENTER, 1, 0, size);
}

/* ------------------------------------------------------------------ */
/* Cover                                                               */

static void cover(pl_lay *L, const pl_node *portada, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *root = L->doc->root;
    float x = COL_X(S), w = COL_W(S);
    uint32_t white = PL_RGB(0xFFFFFF);
    /* the band: from the top of the page to below the cover's lines */
    if (pl_vlist_box(out, 0) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    size_t band = out->n - 1;
    size_t band_op = out->nops;
    pl_lay_rect(L, out, 0, 0, S->page_w, 0, accent(S), 0); /* height set below */
    float y = 48;
    for (const pl_node *ln = portada ? portada->first : NULL; ln; ln = ln->next) {
        if (ln->type != PL_N_COVERLINE)
            continue;
        const char *est = pl_node_attr(ln, "estilo");
        float size = 13, lead;
        int bold = 0;
        if (est && strcmp(est, "titulo") == 0) {
            size = 30;
            bold = 1;
        } else if (est && strcmp(est, "subtitulo") == 0) {
            size = 17;
            bold = 1;
        }
        lead = size * 1.22f;
        size_t n;
        L->no_hyphen++;
        pl_run *r = runs_of(L, ln, S->head_font, bold, size, white, &n);
        y += draw_para(L, out, r, n, x, y, w, PL_ALIGN_LEFT, size, lead);
        L->no_hyphen--;
        y += size * 0.7f;
    }
    y += 44;
    /* at least two fifths of the page */
    if (y < S->page_h * 0.4f)
        y = S->page_h * 0.4f;
    out->ops[band_op].h = y;
    pl_lay_rect(L, out, 0, y, S->page_w, 5, heading_rgb(S), 0);
    out->items[band].height = y + 5;

    /* below the band: who reports, the period, the date */
    glue(L, out, 48);
    keep(L, out);
    const pl_node *org = pl_node_at(root, "metadatos/organo");
    if (org) {
        size_t n;
        L->no_hyphen++;
        pl_run *r = runs_of(L, org, S->head_font, 1, 12.5f, heading_rgb(S), &n);
        pl_lay_para(L, r, n, x, w * 0.85f, PL_ALIGN_LEFT, 12.5f, 16, 0, out);
        L->no_hyphen--;
        keep(L, out);
        glue(L, out, 18);
        keep(L, out);
    }
    const pl_node *per = pl_node_at(root, "metadatos/periodo");
    const pl_node *fecha = pl_node_at(root, "metadatos/fecha");
    pl_buf b = PL_BUF_INIT;
    if (per)
        pl_buf_printf(&b, "Periodo que se informa: del %s al %s",
                      pl_lay_date(L, pl_node_attr(per, "inicio"), PL_DATE_DAY),
                      pl_lay_date(L, pl_node_attr(per, "fin"), PL_DATE_DAY));
    if (b.data) {
        pl_run *r = text_run(L, b.data, S->head_font, 10.5f, muted(S));
        pl_lay_para(L, r, 1, x, w, PL_ALIGN_LEFT, 10.5f, 14, 0, out);
        keep(L, out);
    }
    pl_buf_free(&b);
    if (fecha) {
        const char *d = pl_lay_date(L, pl_lay_plain(L, fecha), PL_DATE_DAY);
        pl_buf_printf(&b, "Fecha del informe: %s", d ? d : "");
        if (b.data) {
            pl_run *r = text_run(L, b.data, S->head_font, 10.5f, muted(S));
            pl_lay_para(L, r, 1, x, w, PL_ALIGN_LEFT, 10.5f, 14, 0, out);
        }
        pl_buf_free(&b);
    }
    oom_if(L, pl_vlist_newpage(out));
}

/* ------------------------------------------------------------------ */
/* Sessions                                                            */

/* Day of the week of a real date (Sakamoto's method): 0 Sunday. */
static int weekday(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* "Jueves 9 de enero de 2020" for 2020-01-09 (arena); the text itself
 * when it is not a date. */
static const char *date_long(pl_lay *L, const char *iso)
{
    int y, m, d;
    char end;
    if (iso == NULL || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
        !pl_date_valid(y, m, d))
        return iso ? iso : "";
    const char *wd = weekdays[weekday(y, m, d)];
    pl_buf b = PL_BUF_INIT;
    /* weekday names start with an ASCII letter: capitalise it */
    pl_buf_printf(&b, "%c%s %s", wd[0] - 32, wd + 1, pl_lay_date(L, iso, PL_DATE_DAY));
    const char *r = b.data ? pl_arena_strdup(L->arena, b.data) : NULL;
    pl_buf_free(&b);
    if (r == NULL)
        pl_lay_fail(L, PL_ENOMEM);
    return r ? r : iso;
}

/* "PRIMERA SESIÓN ORDINARIA" when the session has no title. */
static const char *session_title(pl_lay *L, const pl_node *s)
{
    const pl_node *t = pl_node_child(s, PL_N_TITLE);
    if (t)
        return pl_lay_plain(L, t);
    char ord[PL_ES_ORDINAL_SIZE] = "";
    const char *num = pl_node_attr(s, "numero");
    if (num == NULL || pl_es_ordinal_name(atoi(num), ord, sizeof ord) != 0)
        ord[0] = '\0';
    /* the feminine: each word's final O becomes A */
    for (size_t i = 0; ord[i]; i++)
        if (ord[i] == 'O' && (ord[i + 1] == ' ' || ord[i + 1] == '\0'))
            ord[i] = 'A';
    const char *tipo = pl_node_attr(s, "tipo");
    pl_buf b = PL_BUF_INIT;
    pl_buf_printf(&b, "%s%sSESIÓN %s", ord, ord[0] ? " " : "",
                  tipo && strcmp(tipo, "extraordinaria") == 0 ? "EXTRAORDINARIA" : "ORDINARIA");
    const char *r = b.data ? pl_arena_strdup(L->arena, b.data) : NULL;
    pl_buf_free(&b);
    if (r == NULL)
        pl_lay_fail(L, PL_ENOMEM);
    return r ? r : "";
}

/* Blocks of node at (x + indent, width - indent) with label on the first
 * line, hanging in the indent. */
static void labelled_blocks(pl_lay *L, const pl_node *node, const char *label, float x,
                            float width, float indent, int level, pl_vlist *out)
{
    const pl_style *S = L->st;
    pl_vlist tmp = {0};
    pl_lay_blocks(L, node, x + indent, width - indent, level, S->body_size, &tmp);
    for (size_t i = 0; i < tmp.n; i++) {
        if (tmp.items[i].kind != PL_V_BOX)
            continue;
        pl_op op;
        memset(&op, 0, sizeof op);
        op.kind = PL_OP_TEXT;
        op.font = pl_font_style(S->body_font, 1, 0);
        op.size = S->body_size;
        op.rgb = heading_rgb(S);
        op.x = x;
        op.y = tmp.items[i].height * 0.76f;
        op.text = pl_arena_strdup(L->arena, label);
        op.len = op.text ? strlen(op.text) : 0;
        if (op.text == NULL || pl_vlist_box_op(&tmp, i, &op) != 0)
            pl_lay_fail(L, PL_ENOMEM);
        break;
    }
    oom_if(L, pl_vlist_append(out, &tmp));
    pl_vlist_free(&tmp);
}

static void session(pl_lay *L, const pl_node *s, int level, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = COL_X(S), w = COL_W(S), in = 12;
    const char *title = session_title(L, s);
    int a = pl_ts_anchor_new(L->ts, title, level, 0);
    if (a < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    glue(L, out, S->body_size * 1.1f);
    oom_if(L, pl_vlist_anchor(out, a));
    /* title and date, with a bar of the accent colour beside them */
    float ts = S->body_size + 0.5f, ds = S->body_size - 1;
    pl_vlist head = {0};
    pl_run *r = text_run(L, title, S->head_bold, ts, heading_rgb(S));
    pl_lay_para(L, r, r ? 1 : 0, x + in, w - in, PL_ALIGN_LEFT, ts, ts * 1.3f, 0, &head);
    pl_buf b = PL_BUF_INIT;
    pl_buf_puts(&b, date_long(L, pl_node_attr(s, "fecha")));
    const char *lugar = pl_node_attr(s, "lugar");
    if (lugar && *lugar)
        pl_buf_printf(&b, ", %s", lugar);
    r = b.data ? text_run(L, b.data, S->head_font, ds, muted(S)) : NULL;
    pl_buf_free(&b);
    pl_lay_para(L, r, r ? 1 : 0, x + in, w - in, PL_ALIGN_LEFT, ds, ds * 1.4f, 0, &head);
    float hh = pl_vlist_height(&head);
    if (pl_vlist_box(out, hh) < 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_lay_rect(L, out, x, 2, 3.5f, hh - 3, accent(S), 0);
    oom_if(L, pl_vlist_flatten_into(out, &head, 0, 0));
    pl_vlist_free(&head);
    keep(L, out);
    glue(L, out, S->par_space);
    keep(L, out);
    /* the matters, numbered 1.-, 2.- */
    int k = 0;
    for (const pl_node *c = s->first; c && L->status == PL_OK; c = c->next) {
        if (!pl_node_is(c, "asunto"))
            continue;
        char lab[32];
        snprintf(lab, sizeof lab, "%d.-", ++k);
        labelled_blocks(L, c, lab, x + in, w - in, 22, level + 1, out);
        glue(L, out, S->par_space * 0.5f);
    }
}

static void sessions(pl_lay *L, const pl_node *ss, int level, pl_vlist *out)
{
    const pl_node *title = pl_node_child(ss, PL_N_TITLE);
    if (title) {
        heading(L, title, NULL, level, level <= 2, out);
    } else {
        /* a heading from the types of its sessions */
        int ord = 0, ext = 0;
        for (const pl_node *s = pl_node_named(ss, "sesion"); s; s = pl_node_next_named(s, "sesion")) {
            const char *t = pl_node_attr(s, "tipo");
            if (t && strcmp(t, "extraordinaria") == 0)
                ext = 1;
            else
                ord = 1;
        }
        heading(L, NULL, ord && !ext ? "Sesiones ordinarias" : ext && !ord ? "Sesiones extraordinarias"
                                                                            : "Sesiones",
                level, level <= 2, out);
    }
    for (const pl_node *s = pl_node_named(ss, "sesion"); s && L->status == PL_OK;
         s = pl_node_next_named(s, "sesion"))
        session(L, s, level + 1, out);
    glue(L, out, L->st->par_space);
}

/* ------------------------------------------------------------------ */
/* Meetings and people                                                 */

static void caption_above(pl_lay *L, const pl_node *title, pl_vlist *out)
{
    const pl_style *S = L->st;
    if (title == NULL)
        return;
    size_t n;
    L->no_hyphen++;
    pl_run *r = runs_of(L, title, S->head_font, 1, S->body_size, heading_rgb(S), &n);
    glue(L, out, S->par_space);
    pl_lay_para(L, r, n, COL_X(S), COL_W(S), PL_ALIGN_LEFT, S->body_size, 0, 0, out);
    L->no_hyphen--;
    keep(L, out);
}

static void source_below(pl_lay *L, const pl_node *src, pl_vlist *out)
{
    const pl_style *S = L->st;
    if (src == NULL)
        return;
    size_t n;
    int si = L->italic;
    L->italic = 1;
    pl_run *r = pl_lay_runs(L, src, S->body_font, S->note_size, &n);
    L->italic = si;
    pl_lay_para(L, r, n, COL_X(S), COL_W(S), PL_ALIGN_LEFT, S->note_size, 0, 0, out);
    glue(L, out, S->par_space);
}

static void meetings(pl_lay *L, const pl_node *rs, pl_vlist *out)
{
    const pl_style *S = L->st;
    float size = S->table_size[0];
    size_t rows = pl_node_count_named(rs, "reunion");
    static const float frac[] = {0.27f, 0.73f};
    itable it;
    caption_above(L, pl_node_child(rs, PL_N_TITLE), out);
    if (itable_init(L, &it, 2, frac, 2 * (rows + 1), size) != 0)
        return;
    it.t.nhead = 1;
    const pl_node *cab = pl_node_named(rs, "cabecera");
    itable_head(L, &it, 0, cab ? pl_node_child(cab, PL_N_DATE) : NULL, "Fecha", size);
    itable_head(L, &it, 1, cab ? pl_node_named(cab, "asunto") : NULL, "Asunto", size);
    int row = 1;
    for (const pl_node *m = pl_node_named(rs, "reunion"); m && L->status == PL_OK;
         m = pl_node_next_named(m, "reunion"), row++) {
        pl_run *d = text_run(L, pl_lay_date(L, pl_node_attr(m, "fecha"), PL_DATE_DAY),
                             S->body_font, size, 0);
        itable_cell(L, &it, row, 0, 1, d, d ? 1 : 0, NULL, PL_ALIGN_LEFT, 0, 0, size);
        const pl_node *as = pl_node_named(m, "asunto");
        size_t n = 0;
        pl_run *r = as ? runs_of(L, as, S->body_font, 0, size, 0, &n) : NULL;
        itable_cell(L, &it, row, 1, 1, r, n, NULL, PL_ALIGN_LEFT, 0, 0, size);
    }
    itable_finish(L, &it, out);
    source_below(L, pl_node_child(rs, PL_N_SOURCE), out);
}

/* People with their positions: a table of two columns (one when nobody
 * has a position); a person without one spans both. */
static void people(pl_lay *L, const pl_node *ps, pl_vlist *out)
{
    const pl_style *S = L->st;
    float size = S->table_size[0];
    size_t rows = 0;
    int any_role = 0;
    for (const pl_node *p = pl_node_named(ps, "persona"); p; p = pl_node_next_named(p, "persona")) {
        rows++;
        if (pl_node_child(p, PL_N_ROLE))
            any_role = 1;
    }
    static const float two[] = {0.42f, 0.58f}, one[] = {1.0f};
    itable it;
    if (itable_init(L, &it, any_role ? 2 : 1, any_role ? two : one, 2 * (rows + 1), size) != 0)
        return;
    it.t.nhead = 1;
    itable_head(L, &it, 0, NULL, "Nombre", size);
    if (any_role)
        itable_head(L, &it, 1, NULL, "Cargo", size);
    int row = 1;
    for (const pl_node *p = pl_node_named(ps, "persona"); p && L->status == PL_OK;
         p = pl_node_next_named(p, "persona"), row++) {
        const pl_node *nm = pl_node_child(p, PL_N_NAME), *cg = pl_node_child(p, PL_N_ROLE);
        size_t n = 0;
        pl_run *r = nm ? runs_of(L, nm, S->body_font, 0, size, 0, &n) : NULL;
        itable_cell(L, &it, row, 0, any_role && !cg ? 2 : 1, r, n, NULL, PL_ALIGN_LEFT, 0, 0,
                    size);
        if (cg) {
            r = runs_of(L, cg, S->body_font, 0, size, 0, &n);
            itable_cell(L, &it, row, 1, 1, r, n, NULL, PL_ALIGN_LEFT, 0, 0, size);
        }
    }
    itable_finish(L, &it, out);
}

/* ------------------------------------------------------------------ */
/* Key figures                                                         */

/* A row of cards: the number large in the accent colour, its unit, and
 * the document's sentence about it. One box per row, so a card is never
 * cut. */
static void key_figures(pl_lay *L, const pl_node *cs, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = COL_X(S), w = COL_W(S), gap = 14, pad = 10;
    float big = 22, unit = 8.5f, txt = S->body_size - 1.5f;
    const pl_node *first = pl_node_named(cs, "cifra");
    glue(L, out, S->par_space);
    while (first && L->status == PL_OK) {
        const pl_node *row[CARDS_PER_ROW];
        int k = 0;
        for (const pl_node *c = first; c && k < CARDS_PER_ROW; c = pl_node_next_named(c, "cifra"))
            row[k++] = c;
        first = pl_node_next_named(row[k - 1], "cifra");
        float cw = k == 1 ? w * 0.55f : (w - gap * (float)(k - 1)) / (float)k;
        float x0 = k == 1 ? x + (w - cw) / 2 : x;
        /* the height of the tallest card */
        float h = 0;
        for (int i = 0; i < k; i++) {
            size_t n;
            pl_run *r = runs_of(L, row[i], S->body_font, 0, txt, 0, &n);
            float ch = para_height(L, r, n, cw - 2 * pad, txt, txt * 1.3f);
            if (ch > h)
                h = ch;
        }
        h += pad + 4 + big * 1.2f + unit * 1.5f + 4 + pad;
        if (pl_vlist_box(out, h) < 0) {
            pl_lay_fail(L, PL_ENOMEM);
            return;
        }
        for (int i = 0; i < k; i++) {
            float cx = x0 + (float)i * (cw + gap), y = pad + 4;
            pl_lay_rect(L, out, cx, 0, cw, h, mix(accent(S) & 0xFFFFFF, 0xFFFFFF, 0.9f), 0);
            pl_lay_rect(L, out, cx, 0, cw, 3, accent(S), 0);
            char num[40];
            fmt_count(count_attr(row[i], "valor"), num, sizeof num);
            pl_run *r = text_run(L, num, S->head_bold, big, accent(S));
            y += draw_para(L, out, r, r ? 1 : 0, cx + pad, y, cw - 2 * pad, PL_ALIGN_CENTER, big,
                           big * 1.2f);
            const char *u = pl_node_attr(row[i], "unidad");
            r = u && *u ? text_run(L, u, S->head_font, unit, muted(S)) : NULL;
            draw_para(L, out, r, r ? 1 : 0, cx + pad, y, cw - 2 * pad, PL_ALIGN_CENTER, unit,
                      unit * 1.5f);
            y += unit * 1.5f + 4;
            size_t n;
            r = runs_of(L, row[i], S->body_font, 0, txt, 0, &n);
            draw_para(L, out, r, n, cx + pad, y, cw - 2 * pad, PL_ALIGN_CENTER, txt, txt * 1.3f);
        }
        glue(L, out, gap);
    }
    glue(L, out, S->par_space);
}

/* ------------------------------------------------------------------ */
/* Charts                                                              */

typedef struct bar {
    const pl_node *node;
    const char *label;
    unsigned long long v;
} bar;

/* The series of a datos and their bars, in document order. */
typedef struct series {
    const pl_node **node;
    int *first, *count;
    int n;
    bar *bars;
    int nbars;
    unsigned long long max;
} series;

static void series_free(series *s)
{
    free(s->node);
    free(s->first);
    free(s->count);
    free(s->bars);
}

/* Reads datos into s. 0, or -1 when out of memory. */
static int series_read(const pl_node *datos, series *s)
{
    memset(s, 0, sizeof *s);
    size_t ns = pl_node_count_named(datos, "serie"), nb = 0;
    for (const pl_node *se = pl_node_named(datos, "serie"); se; se = pl_node_next_named(se, "serie"))
        nb += pl_node_count_named(se, "valor");
    s->node = malloc((ns ? ns : 1) * sizeof *s->node);
    s->first = malloc((ns ? ns : 1) * sizeof *s->first);
    s->count = malloc((ns ? ns : 1) * sizeof *s->count);
    s->bars = malloc((nb ? nb : 1) * sizeof *s->bars);
    if (!s->node || !s->first || !s->count || !s->bars)
        return -1;
    for (const pl_node *se = pl_node_named(datos, "serie"); se; se = pl_node_next_named(se, "serie")) {
        s->node[s->n] = se;
        s->first[s->n] = s->nbars;
        for (const pl_node *v = pl_node_named(se, "valor"); v; v = pl_node_next_named(v, "valor")) {
            bar *b = &s->bars[s->nbars++];
            b->node = v;
            b->label = pl_node_attr(v, "etiqueta");
            b->v = count_attr(v, "cantidad");
            if (b->v > s->max)
                s->max = b->v;
        }
        s->count[s->n] = s->nbars - s->first[s->n];
        s->n++;
    }
    return 0;
}

static unsigned long long serie_total(const series *s, int i)
{
    const char *t = pl_node_attr(s->node[i], "total");
    if (t)
        return strtoull(t, NULL, 10);
    unsigned long long sum = 0;
    for (int k = 0; k < s->count[i]; k++)
        sum += s->bars[s->first[i] + k].v;
    return sum;
}

/* Colour k of a group of bars: shades of the accent. */
static uint32_t shade(const pl_style *S, int k)
{
    static const float t[] = {0.0f, 0.5f, -0.45f, 0.75f, -0.2f, 0.3f};
    float f = t[k % (int)(sizeof t / sizeof t[0])];
    uint32_t a = accent(S) & 0xFFFFFF;
    return f >= 0 ? mix(a, 0xFFFFFF, f) : mix(a, 0x000000, -f);
}

/* The chart's title, its axis titles and source are the document's. */
static float chart_title(pl_lay *L, const pl_node *datos, float y, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *t = pl_node_child(datos, PL_N_TITLE);
    if (t == NULL)
        return 0;
    size_t n;
    L->no_hyphen++;
    pl_run *r = runs_of(L, t, S->head_font, 1, S->body_size, heading_rgb(S), &n);
    float h = draw_para(L, out, r, n, COL_X(S), y, COL_W(S), PL_ALIGN_CENTER, S->body_size,
                        S->body_size * 1.3f);
    L->no_hyphen--;
    return h + 6;
}

static float chart_source(pl_lay *L, const pl_node *datos, float y, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *src = pl_node_child(datos, PL_N_SOURCE);
    if (src == NULL)
        return 0;
    size_t n;
    int si = L->italic;
    L->italic = 1;
    pl_run *r = pl_lay_runs(L, src, S->body_font, S->note_size, &n);
    L->italic = si;
    return 4 + draw_para(L, out, r, n, COL_X(S), y + 4, COL_W(S), PL_ALIGN_LEFT, S->note_size,
                         0);
}

/* Horizontal bars: the label at the left, right-aligned to the axis, a
 * bar proportional to the value on a scale from 0 to the largest, and
 * the value at the bar's end, on the label's baseline (so a text
 * extraction reads "Objetivo 16 … 24"). Several series share the scale,
 * each under its name. */
static void chart_horizontal(pl_lay *L, const pl_node *datos, const series *s, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = COL_X(S), w = COL_W(S);
    float size = S->table_size[0], lead = size * 1.3f, barh = size * 1.15f, rowgap = 5;
    pl_font lf = S->head_font, vf = S->head_bold;
    uint32_t mute = muted(S);
    /* columns: labels | bars | values */
    float lw = 0, vw = 0;
    for (int i = 0; i < s->nbars; i++) {
        pl_run r = pl_lay_text(L, s->bars[i].label ? s->bars[i].label : "", lf, size);
        float a = runs_width(L, &r, 1);
        if (a > lw)
            lw = a;
    }
    if (lw > w * 0.34f)
        lw = w * 0.34f;
    if (lw < w * 0.12f)
        lw = w * 0.12f;
    /* the categories' axis title goes over the labels: room for its
     * longest word */
    const pl_node *ec = pl_node_named(datos, "eje-categorias");
    float cs = size - 1.5f;
    if (ec) {
        size_t n;
        pl_run *r = runs_of(L, ec, lf, 1, cs, 0, &n);
        float mw = r && n ? pl_ts_runs_minwidth(L->ts, r, n, 0) : 0;
        if (mw > lw && mw < w * 0.34f)
            lw = mw;
    }
    {
        char num[40];
        fmt_count(s->max, num, sizeof num);
        pl_run r = pl_lay_text(L, num, vf, size);
        vw = runs_width(L, &r, 1) + 8;
    }
    float bx = x + lw + 8, bw = w - lw - 8 - vw;
    if (pl_vlist_box(out, 0) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    size_t box = out->n - 1;
    float y = chart_title(L, datos, 0, out);
    /* axis titles over the two columns */
    const pl_node *ev = pl_node_named(datos, "eje-valores");
    float ah = 0;
    if (ec || ev) {
        size_t n;
        L->no_hyphen++;
        pl_run *r = ec ? runs_of(L, ec, lf, 1, cs, mute, &n) : NULL;
        float h1 = r ? draw_para(L, out, r, n, x, y, lw, PL_ALIGN_RIGHT, cs, cs * 1.25f) : 0;
        r = ev ? runs_of(L, ev, lf, 1, cs, mute, &n) : NULL;
        float h2 = r ? draw_para(L, out, r, n, bx, y, bw + vw, PL_ALIGN_LEFT, cs, cs * 1.25f) : 0;
        L->no_hyphen--;
        ah = (h1 > h2 ? h1 : h2) + 6;
        pl_lay_line(L, out, x, y + ah - 3, w, 0, 0.4f, mute, 0);
    }
    y += ah + 2;
    float top = y;
    for (int si = 0; si < s->n; si++) {
        const char *nombre = pl_node_attr(s->node[si], "nombre");
        if (nombre && *nombre) {
            pl_run *r = text_run(L, nombre, S->head_bold, size, heading_rgb(S));
            y += draw_para(L, out, r, r ? 1 : 0, x, y + 2, w, PL_ALIGN_LEFT, size, lead) + 2;
        }
        for (int k = 0; k < s->count[si]; k++) {
            const bar *b = &s->bars[s->first[si] + k];
            pl_run *r = text_run(L, b->label ? b->label : "", lf, size, 0);
            float lh = draw_para(L, out, r, r ? 1 : 0, x, y, lw, PL_ALIGN_RIGHT, size, lead);
            if (lh < lead)
                lh = lead;
            /* the bar is centred on the label's first line */
            float by = y + lead * 0.5f - barh * 0.5f;
            float len = s->max ? bw * (float)((double)b->v / (double)s->max) : 0;
            if (b->v > 0 && len < 1)
                len = 1;
            if (len > 0)
                pl_lay_rect(L, out, bx, by, len, barh, shade(S, 0), 0);
            char num[40];
            fmt_count(b->v, num, sizeof num);
            r = text_run(L, num, vf, size, 0);
            draw_para(L, out, r, r ? 1 : 0, bx + len + 4, y, vw + 4, PL_ALIGN_LEFT, size, lead);
            y += lh + rowgap;
        }
    }
    /* the axis at 0 */
    pl_lay_line(L, out, bx, top - 2, 0, y - top, 0.6f, mute, 0);
    /* totals the document states */
    for (int si = 0; si < s->n; si++) {
        if (pl_node_attr(s->node[si], "total") == NULL)
            continue;
        char num[40];
        fmt_count(serie_total(s, si), num, sizeof num);
        const char *unidad = pl_node_attr(datos, "unidad");
        const char *nombre = pl_node_attr(s->node[si], "nombre");
        pl_buf b = PL_BUF_INIT;
        pl_buf_printf(&b, "Total%s%s: %s%s%s", s->n > 1 && nombre ? " — " : "",
                      s->n > 1 && nombre ? nombre : "", num, unidad ? " " : "",
                      unidad ? unidad : "");
        pl_run *r = b.data ? text_run(L, b.data, vf, size, mute) : NULL;
        pl_buf_free(&b);
        y += draw_para(L, out, r, r ? 1 : 0, x, y + 2, w, PL_ALIGN_RIGHT, size, lead) + 2;
    }
    y += chart_source(L, datos, y, out);
    out->items[box].height = y + 4;
}

/* Vertical bars: one group per serie on a common scale, each bar in a
 * shade of the accent with its value above it; under the axis, the
 * serie's name and its legend (colour, label, value and share of the
 * serie's total), so long labels read in full. */
static void chart_vertical(pl_lay *L, const pl_node *datos, const series *s, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = COL_X(S), w = COL_W(S);
    float size = S->table_size[0], lead = size * 1.3f, ls = size - 0.5f;
    float gap = 28, plot_h = 130;
    uint32_t mute = muted(S);
    if (pl_vlist_box(out, 0) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    size_t box = out->n - 1;
    float y = chart_title(L, datos, 0, out);
    const pl_node *ev = pl_node_named(datos, "eje-valores");
    if (ev) {
        size_t n;
        pl_run *r = runs_of(L, ev, S->head_font, 1, size - 1.5f, mute, &n);
        y += draw_para(L, out, r, n, x, y, w, PL_ALIGN_LEFT, size - 1.5f, 0) + 4;
    }
    float top = y + lead + 2; /* room for the tallest bar's value */
    float base = top + plot_h;
    /* group widths in proportion to their bars (at least two bars' worth) */
    float units = 0;
    for (int i = 0; i < s->n; i++)
        units += s->count[i] < 2 ? 2 : (float)s->count[i];
    float avail = w - gap * (float)(s->n - 1), gx = x, below = 0;
    for (int i = 0; i < s->n && L->status == PL_OK; i++) {
        float gw = avail * (s->count[i] < 2 ? 2 : (float)s->count[i]) / units;
        float slot = s->count[i] ? gw / (float)s->count[i] : gw;
        float bwid = slot * 0.62f > 54 ? 54 : slot * 0.62f;
        unsigned long long total = serie_total(s, i);
        for (int k = 0; k < s->count[i]; k++) {
            const bar *b = &s->bars[s->first[i] + k];
            float h = s->max ? plot_h * (float)((double)b->v / (double)s->max) : 0;
            if (b->v > 0 && h < 1)
                h = 1;
            float cx = gx + slot * (float)k + (slot - bwid) / 2;
            if (h > 0)
                pl_lay_rect(L, out, cx, base - h, bwid, h, shade(S, k), 0);
            char num[40];
            fmt_count(b->v, num, sizeof num);
            pl_run *r = text_run(L, num, S->head_bold, size, 0);
            draw_para(L, out, r, r ? 1 : 0, gx + slot * (float)k, base - h - lead - 1, slot,
                      PL_ALIGN_CENTER, size, lead);
        }
        pl_lay_line(L, out, gx, base, gw, 0, 0.6f, mute, 0);
        /* under the axis: the serie's name, then its legend */
        float ly = base + 5;
        const char *nombre = pl_node_attr(s->node[i], "nombre");
        if (nombre && *nombre) {
            pl_run *r = text_run(L, nombre, S->head_bold, size, heading_rgb(S));
            ly += draw_para(L, out, r, r ? 1 : 0, gx, ly, gw, PL_ALIGN_CENTER, size, lead) + 3;
        }
        for (int k = 0; k < s->count[i]; k++) {
            const bar *b = &s->bars[s->first[i] + k];
            char num[40], pct[32] = "";
            fmt_count(b->v, num, sizeof num);
            if (total > 0)
                snprintf(pct, sizeof pct, " (%.1f%%)", 100.0 * (double)b->v / (double)total);
            pl_buf lb = PL_BUF_INIT;
            pl_buf_printf(&lb, "%s: %s%s", b->label ? b->label : "", num, pct);
            pl_run *r = lb.data ? text_run(L, lb.data, S->head_font, ls, 0) : NULL;
            pl_buf_free(&lb);
            pl_lay_rect(L, out, gx + 2, ly + ls * 0.35f, 7, 7, shade(S, k), 0);
            ly += draw_para(L, out, r, r ? 1 : 0, gx + 14, ly, gw - 14, PL_ALIGN_LEFT, ls,
                            ls * 1.3f) + 2;
        }
        if (ly - base > below)
            below = ly - base;
        gx += gw + gap;
    }
    y = base + below + 2;
    y += chart_source(L, datos, y, out);
    out->items[box].height = y + 4;
}

/* The descriptions of the values (valor's text), after the chart: the
 * label in bold, then the text. */
static void chart_legend(pl_lay *L, const series *s, pl_vlist *out)
{
    const pl_style *S = L->st;
    float size = S->note_size + 0.5f;
    for (int i = 0; i < s->nbars && L->status == PL_OK; i++) {
        const bar *b = &s->bars[i];
        size_t n;
        pl_run *r = runs_of(L, b->node, S->body_font, 0, size, 0, &n);
        if (n == 0)
            continue;
        pl_run *all = pl_arena_alloc(L->arena, (n + 1) * sizeof *all);
        if (all == NULL) {
            pl_lay_fail(L, PL_ENOMEM);
            return;
        }
        pl_buf lb = PL_BUF_INIT;
        pl_buf_printf(&lb, "%s. ", b->label ? b->label : "");
        all[0] = pl_lay_text(L, lb.data ? lb.data : "", pl_font_style(S->body_font, 1, 0), size);
        pl_buf_free(&lb);
        memcpy(all + 1, r, n * sizeof *r);
        pl_lay_para(L, all, n + 1, COL_X(S), COL_W(S), PL_ALIGN_JUSTIFY, size, size * 1.3f, 0,
                    out);
        glue(L, out, 2);
    }
}

/* datos as a table: label (and description, when any value has one) and
 * quantity; a row per serie name and for each stated total. */
static void data_table(pl_lay *L, const pl_node *datos, const series *s, pl_vlist *out)
{
    const pl_style *S = L->st;
    float size = S->table_size[0];
    int desc = 0;
    for (int i = 0; i < s->nbars; i++)
        if (pl_node_is_textblock(s->bars[i].node))
            desc = 1;
    static const float f2[] = {0.72f, 0.28f}, f3[] = {0.2f, 0.62f, 0.18f};
    int nc = desc ? 3 : 2;
    itable it;
    caption_above(L, pl_node_child(datos, PL_N_TITLE), out);
    if (itable_init(L, &it, nc, desc ? f3 : f2, (size_t)(s->nbars + 2 * s->n + 1) * 3, size) != 0)
        return;
    it.t.nhead = 1;
    itable_head(L, &it, 0, pl_node_named(datos, "eje-categorias"), "Concepto", size);
    if (desc)
        itable_head(L, &it, 1, NULL, "Descripción", size);
    const char *unidad = pl_node_attr(datos, "unidad");
    itable_head(L, &it, nc - 1, pl_node_named(datos, "eje-valores"), unidad ? unidad : "Cantidad",
                size);
    int row = 1;
    pl_font bf = pl_font_style(S->body_font, 1, 0);
    for (int si = 0; si < s->n && L->status == PL_OK; si++) {
        const char *nombre = pl_node_attr(s->node[si], "nombre");
        if (nombre && *nombre) {
            pl_run *r = text_run(L, nombre, bf, size, 0);
            itable_cell(L, &it, row++, 0, nc, r, 1, NULL, PL_ALIGN_LEFT, 0, 1, size);
        }
        for (int k = 0; k < s->count[si]; k++, row++) {
            const bar *b = &s->bars[s->first[si] + k];
            pl_run *r = text_run(L, b->label ? b->label : "", S->body_font, size, 0);
            itable_cell(L, &it, row, 0, 1, r, 1, NULL, PL_ALIGN_LEFT, 0, 0, size);
            if (desc) {
                size_t n;
                r = runs_of(L, b->node, S->body_font, 0, size, 0, &n);
                itable_cell(L, &it, row, 1, 1, r, n, NULL, PL_ALIGN_LEFT, 0, 0, size);
            }
            char num[40];
            fmt_count(b->v, num, sizeof num);
            r = text_run(L, num, S->body_font, size, 0);
            itable_cell(L, &it, row, nc - 1, 1, r, 1, NULL, PL_ALIGN_RIGHT, 0, 0, size);
        }
        if (pl_node_attr(s->node[si], "total")) {
            char num[40];
            fmt_count(serie_total(s, si), num, sizeof num);
            pl_run *r = text_run(L, "Total", bf, size, 0);
            itable_cell(L, &it, row, 0, nc - 1, r, 1, NULL, PL_ALIGN_RIGHT, 0, 0, size);
            r = text_run(L, num, bf, size, 0);
            itable_cell(L, &it, row++, nc - 1, 1, r, 1, NULL, PL_ALIGN_RIGHT, 0, 0, size);
        }
    }
    itable_finish(L, &it, out);
    source_below(L, pl_node_child(datos, PL_N_SOURCE), out);
}

/* datos: a chart as its @grafica says, or a table (asked for, or too
 * many bars to draw). */
static void data(pl_lay *L, const pl_node *datos, pl_vlist *out)
{
    const pl_style *S = L->st;
    series s;
    if (series_read(datos, &s) != 0) {
        series_free(&s);
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    const char *g = pl_node_attr(datos, "grafica");
    if (s.nbars == 0 || s.nbars > MAX_BARS || (g && strcmp(g, "tabla") == 0)) {
        data_table(L, datos, &s, out);
    } else {
        glue(L, out, S->par_space * 2);
        if (g && strcmp(g, "barras-verticales") == 0)
            chart_vertical(L, datos, &s, out);
        else
            chart_horizontal(L, datos, &s, out);
        glue(L, out, S->par_space);
        chart_legend(L, &s, out);
        glue(L, out, S->par_space * 1.5f);
    }
    series_free(&s);
}

/* ------------------------------------------------------------------ */
/* Sections, events, and the body                                      */

static void content(pl_lay *L, const pl_node *c, int level, pl_vlist *out);

static void section(pl_lay *L, const pl_node *sec, int level, pl_vlist *out)
{
    const pl_style *S = L->st;
    const char *ind = pl_node_attr(sec, "indice");
    int in_toc = level <= 2 && !(ind && strcmp(ind, "no") == 0);
    const char *np = pl_node_attr(sec, "nueva-pagina");
    const char *port = pl_node_attr(sec, "portadilla");
    const pl_node *title = pl_node_child(sec, PL_N_TITLE);
    const pl_node *sub = pl_node_child(sec, PL_N_SUBTITLE);
    if (port && strcmp(port, "si") == 0) {
        /* a divider page: the title alone, a third of the way down */
        oom_if(L, pl_vlist_newpage(out));
        glue(L, out, (S->page_h - S->margin_t - S->margin_b) * 0.3f);
        keep(L, out);
        heading(L, title, "", 1, in_toc, out);
        if (sub) {
            size_t n;
            pl_run *r = runs_of(L, sub, S->head_font, 0, 16, muted(S), &n);
            pl_lay_para(L, r, n, COL_X(S), COL_W(S), PL_ALIGN_LEFT, 16, 20, 0, out);
        }
        oom_if(L, pl_vlist_newpage(out));
    } else {
        if (np && strcmp(np, "si") == 0)
            oom_if(L, pl_vlist_newpage(out));
        heading(L, title, "", level, in_toc, out);
        if (sub) {
            /* heading() left glue after the title: the subtitle stays */
            while (out->n > 0 && out->items[out->n - 1].kind == PL_V_GLUE)
                out->n--;
            size_t n;
            pl_run *r = runs_of(L, sub, S->head_font, 0, S->body_size + 0.5f, muted(S), &n);
            pl_lay_para(L, r, n, COL_X(S), COL_W(S), PL_ALIGN_LEFT, S->body_size + 0.5f, 0, 0,
                        out);
            keep(L, out);
            glue(L, out, S->par_space);
        }
    }
    for (const pl_node *c = sec->first; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_TITLE || c->type == PL_N_SUBTITLE)
            continue;
        content(L, c, level + 1, out);
    }
}

/* An event: the figures written before its title go before it, then the
 * title (in the index when the event stands at the top level), and what
 * is said of it. */
static void event(pl_lay *L, const pl_node *ev, int level, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = COL_X(S), w = COL_W(S);
    const pl_node *title = pl_node_child(ev, PL_N_TITLE);
    glue(L, out, S->body_size * 0.8f);
    const pl_node *c = ev->first;
    for (; c && c != title && L->status == PL_OK; c = c->next)
        if (c->type == PL_N_FIGURE)
            pl_lay_block(L, c, x, w, level, out);
    if (title) {
        /* a short bar of the accent over the title */
        if (pl_vlist_box(out, 6) < 0)
            pl_lay_fail(L, PL_ENOMEM);
        pl_lay_rect(L, out, x, 0, 24, 2.5f, accent(S), 0);
        keep(L, out);
        heading_as(L, title, NULL, level, level <= 1 ? 2 : 3, level <= 1, out);
        c = title->next;
    }
    for (; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_SUBTITLE) {
            while (out->n > 0 && out->items[out->n - 1].kind == PL_V_GLUE)
                out->n--;
            size_t n;
            pl_run *r = runs_of(L, c, S->head_font, 0, S->body_size, muted(S), &n);
            pl_lay_para(L, r, n, x, w, PL_ALIGN_LEFT, S->body_size, 0, 0, out);
            keep(L, out);
            glue(L, out, S->par_space);
            continue;
        }
        content(L, c, level + 1, out);
    }
}

static void content(pl_lay *L, const pl_node *c, int level, pl_vlist *out)
{
    const pl_style *S = L->st;
    if (c->type == PL_N_TEXT)
        return;
    if (c->type == PL_N_SECTION)
        section(L, c, level, out);
    else if (pl_node_is(c, "sesiones"))
        sessions(L, c, level, out);
    else if (pl_node_is(c, "reuniones"))
        meetings(L, c, out);
    else if (pl_node_is(c, "evento"))
        event(L, c, level, out);
    else if (pl_node_is(c, "datos"))
        data(L, c, out);
    else if (pl_node_is(c, "cifras"))
        key_figures(L, c, out);
    else if (pl_node_is(c, "personas"))
        people(L, c, out);
    else if (c->type == PL_N_SIGNATURES)
        pl_lay_signatures(L, c, COL_X(S), COL_W(S), 24, 0, out);
    else
        pl_lay_block(L, c, COL_X(S), COL_W(S), level, out);
}

/* A part before the body (agradecimientos, presentación, fundamento) under
 * its heading. */
static void part(pl_lay *L, const pl_node *p, const char *dflt, pl_vlist *out)
{
    const pl_node *title = pl_node_child(p, PL_N_TITLE);
    heading(L, title, dflt, 1, 1, out);
    for (const pl_node *c = p->first; c && L->status == PL_OK; c = c->next)
        if (c != title)
            content(L, c, 2, out);
}

static void informe_layout(pl_lay *L, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *root = L->doc->root;
    L->size = S->body_size;
    L->align = PL_ALIGN_JUSTIFY;

    cover(L, pl_node_named(root, "portada"), out);

    /* the parts first, into their own list: the index needs their
     * anchors, and goes before them */
    pl_vlist rest = {0};
    int a0 = (int)pl_ts_anchor_count(L->ts);
    const pl_node *agr = pl_node_named(root, "agradecimientos");
    if (agr) {
        part(L, agr, "Agradecimientos", &rest);
        oom_if(L, pl_vlist_newpage(&rest));
    }
    const pl_node *pre = pl_node_named(root, "presentacion");
    if (pre)
        part(L, pre, "Presentación", &rest);
    const pl_node *fund = pl_node_child(root, PL_N_FUNDAMENTO);
    if (fund)
        part(L, fund, "Fundamento legal", &rest);
    if (pre || fund)
        oom_if(L, pl_vlist_newpage(&rest));
    for (const pl_node *c = root->first; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_METADATA || c->type == PL_N_COVER || c->type == PL_N_FUNDAMENTO ||
            c == agr || c == pre)
            continue;
        content(L, c, 1, &rest);
    }
    int a1 = (int)pl_ts_anchor_count(L->ts);

    pl_run *r = text_run(L, "Índice", S->head_bold, S->body_size + 4.5f, heading_rgb(S));
    pl_lay_para(L, r, r ? 1 : 0, COL_X(S), COL_W(S), PL_ALIGN_LEFT, S->body_size + 4.5f, 0, 0,
                out);
    keep(L, out);
    glue(L, out, 8);
    pl_lay_toc(L, a0, a1, COL_X(S), COL_W(S), out);
    oom_if(L, pl_vlist_newpage(out));
    oom_if(L, pl_vlist_append(out, &rest));
    pl_vlist_free(&rest);
}

const pl_kind_layout pl_informe_kind = {
    .kind = PL_KIND_INFORME,
    .layout = informe_layout,
    .title_path = "portada/linea",
    .subject_path = NULL,
    .author_path = "metadatos/organo",
    .date_path = "metadatos/fecha",
    .keywords = "informe de actividades, Sistema Nacional de Transparencia",
};
