/* layouts: the acuerdo of the Consejo Nacional. The page, letters and the
 * running header (issuing body and agreement number) and footer ("Página
 * N de M") are data: layouts/acuerdo.xml. Here: the title in bold capitals; CONSIDERANDO
 * and ACUERDO centred; numbered considerandos; puntos with bold ordinals;
 * the certification kept on one page with the two signature blocks side by
 * side; each Anexo on new pages with its cover and its index. */
#include "layout.h"

#include "../src/util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ordinals[] = {
    "PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO", "SEXTO", "SÉPTIMO", "OCTAVO",
    "NOVENO", "DÉCIMO", "DÉCIMO PRIMERO", "DÉCIMO SEGUNDO", "DÉCIMO TERCERO",
    "DÉCIMO CUARTO", "DÉCIMO QUINTO", "DÉCIMO SEXTO", "DÉCIMO SÉPTIMO", "DÉCIMO OCTAVO",
    "DÉCIMO NOVENO", "VIGÉSIMO",
};

static void centered_heading(pl_lay *L, const char *text, float size, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = S->margin_l, w = S->page_w - S->margin_l - S->margin_r;
    pl_run r = pl_lay_text(L, text, pl_font_style(S->body_font, 1, 0), size);
    pl_vlist_glue(out, S->body_size * 0.8f);
    pl_lay_para(L, &r, 1, x, w, PL_ALIGN_CENTER, size, 0, 0, out);
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, S->body_size * 0.6f);
}

/* A block whose first paragraph starts with a lead-in (a number or an
 * ordinal): the lead runs are prepended to the first paragraph. */
static void lead_blocks(pl_lay *L, const pl_node *node, const pl_run *lead, size_t nlead,
                        pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = S->margin_l, w = S->page_w - S->margin_l - S->margin_r;
    int first = 1;
    for (const pl_node *c = node->first; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_TEXT)
            continue;
        if (first && c->type == PL_N_PARA) {
            size_t n;
            pl_run *r = pl_lay_runs(L, c, S->body_font, S->body_size, &n);
            pl_run *all = pl_arena_alloc(L->arena, (n + nlead) * sizeof *all);
            if (all == NULL) {
                pl_lay_fail(L, PL_ENOMEM);
                return;
            }
            memcpy(all, lead, nlead * sizeof *lead);
            memcpy(all + nlead, r, n * sizeof *r);
            pl_lay_para(L, all, n + nlead, x, w, PL_ALIGN_JUSTIFY, S->body_size, S->body_leading,
                        0, out);
            pl_vlist_glue(out, S->par_space);
        } else {
            if (first) { /* no paragraph first: the lead stands alone */
                pl_lay_para(L, lead, nlead, x, w, PL_ALIGN_LEFT, S->body_size, 0, 0, out);
                pl_vlist_penalty(out, PL_INF);
            }
            pl_lay_block(L, c, x, w, 1, out);
        }
        first = 0;
    }
}

/* The considerandos ("1. Que …", numbers as written or counted) or the
 * puntos ("PRIMERO. …" in bold, ÚNICO when alone), under a centred
 * heading with its own bookmark. */
static void numbered(pl_lay *L, const pl_node *list, pl_node_type type, const char *mark,
                     const char *heading, pl_vlist *out)
{
    const pl_style *S = L->st;
    int is_punto = type == PL_N_PUNTO;
    int a = pl_ts_anchor_new(L->ts, mark, 1, 0);
    pl_vlist_anchor(out, a);
    centered_heading(L, heading, S->body_size, out);
    size_t count = pl_node_count(list, type);
    int k = 0;
    for (const pl_node *c = list->first; c; c = c->next) {
        if (c->type != type)
            continue;
        const char *given = pl_node_attr(c, is_punto ? "ordinal" : "numero");
        char lab[64];
        if (given)
            snprintf(lab, sizeof lab, "%s. ", given);
        else if (!is_punto)
            snprintf(lab, sizeof lab, "%d. ", k + 1);
        else
            snprintf(lab, sizeof lab, "%s. ",
                     count == 1 ? "ÚNICO"
                     : (size_t)k < sizeof ordinals / sizeof ordinals[0] ? ordinals[k]
                                                                         : "—");
        k++;
        pl_run lead = pl_lay_text(L, lab, pl_font_style(S->body_font, is_punto, 0), S->body_size);
        lead_blocks(L, c, &lead, 1, out);
    }
}

static void annex(pl_lay *L, const pl_node *ax, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = S->margin_l, w = S->page_w - S->margin_l - S->margin_r;
    const pl_node *title = pl_node_child(ax, PL_N_TITLE);
    const char *plain = title ? pl_lay_plain(L, title) : "Anexo";
    pl_vlist_newpage(out);
    int anchor = pl_ts_anchor_new(L->ts, plain, 0, 0);
    pl_vlist_anchor(out, anchor);
    pl_vlist_glue(out, 60);
    pl_vlist_penalty(out, PL_INF);
    if (title) {
        int sb = L->bold;
        L->bold = 1;
        size_t n;
        pl_run *r = pl_lay_runs(L, title, S->body_font, 13, &n);
        L->bold = sb;
        pl_lay_para(L, r, n, x, w, PL_ALIGN_CENTER, 13, 18, 0, out);
    }
    const pl_node *cover = pl_node_child(ax, PL_N_COVER);
    if (cover) {
        pl_vlist_glue(out, 110);
        pl_vlist_penalty(out, PL_INF);
        for (const pl_node *ln = cover->first; ln; ln = ln->next) {
            if (ln->type != PL_N_COVERLINE)
                continue;
            const char *est = pl_node_attr(ln, "estilo");
            float size = 12;
            pl_font f = S->head_font;
            if (est && strcmp(est, "titulo") == 0) {
                size = 22;
                f = S->head_bold;
            } else if (est && strcmp(est, "subtitulo") == 0) {
                size = 14;
            }
            size_t n;
            pl_run *r = pl_lay_runs(L, ln, f, size, &n);
            pl_lay_para(L, r, n, x + 20, w - 40, PL_ALIGN_CENTER, size, size * 1.3f, 0, out);
            pl_vlist_penalty(out, PL_INF);
            pl_vlist_glue(out, size * 0.9f);
            pl_vlist_penalty(out, PL_INF);
        }
    }
    const pl_node *toc = pl_node_child(ax, PL_N_TOC);
    if (toc) {
        pl_vlist_newpage(out);
        const char *tt = pl_node_attr(toc, "titulo");
        pl_run r = pl_lay_text(L, tt ? tt : "Índice", S->head_bold, 16);
        pl_lay_para(L, &r, 1, x, w, PL_ALIGN_LEFT, 16, 0, 0, out);
        pl_vlist_penalty(out, PL_INF);
        pl_vlist_glue(out, 12);
    }
    /* the sections first, into their own list: the index needs their
     * anchors, and goes before them */
    pl_vlist rest = {0};
    int a0 = (int)pl_ts_anchor_count(L->ts);
    for (const pl_node *c = ax->first; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_TITLE || c->type == PL_N_COVER || c->type == PL_N_TOC ||
            c->type == PL_N_TEXT)
            continue;
        pl_lay_block(L, c, x, w, 1, &rest);
    }
    int a1 = (int)pl_ts_anchor_count(L->ts);
    if (toc) {
        pl_lay_toc(L, a0, a1, x, w, out);
        pl_vlist_newpage(out);
    }
    if (pl_vlist_append(out, &rest) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_vlist_free(&rest);
}

static void acuerdo_layout(pl_lay *L, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *root = L->doc->root;
    float x = S->margin_l, w = S->page_w - S->margin_l - S->margin_r;
    L->size = S->body_size;
    L->align = PL_ALIGN_JUSTIFY;

    const pl_node *meta = pl_node_child(root, PL_N_METADATA);
    const pl_node *num = meta ? pl_node_child(meta, PL_N_NUMBER) : NULL;
    const char *number = num ? pl_lay_plain(L, num) : "";

    /* title */
    const pl_node *title = pl_node_child(root, PL_N_TITLE);
    pl_buf ab = PL_BUF_INIT;
    pl_buf_printf(&ab, "Acuerdo %s", number);
    char *atitle = pl_arena_strdup(L->arena, ab.data ? ab.data : "Acuerdo");
    pl_buf_free(&ab);
    int anchor = pl_ts_anchor_new(L->ts, atitle, 0, 0);
    pl_vlist_anchor(out, anchor);
    if (title) {
        L->bold = 1;
        L->no_hyphen = 1;
        size_t n;
        pl_run *r = pl_lay_runs(L, title, S->body_font, S->body_size, &n);
        /* centred: justified capitals without hyphenation leave rivers
         * of space (TYPO-002) */
        pl_lay_para(L, r, n, x, w, PL_ALIGN_CENTER, S->body_size, S->body_leading, 0, out);
        L->bold = 0;
        L->no_hyphen = 0;
        pl_vlist_glue(out, S->body_size);
    }
    const pl_node *pre = pl_node_child(root, PL_N_PREAMBLE);
    if (pre)
        pl_lay_blocks(L, pre, x, w, 1, S->body_size, out);

    const pl_node *cons = pl_node_child(root, PL_N_CONSIDERANDOS);
    if (cons)
        numbered(L, cons, PL_N_CONSIDERANDO, "Considerando", "CONSIDERANDO", out);
    const pl_node *fund = pl_node_child(root, PL_N_FUNDAMENTO);
    if (fund)
        pl_lay_blocks(L, fund, x, w, 1, S->body_size, out);
    const pl_node *puntos = pl_node_child(root, PL_N_PUNTOS);
    if (puntos)
        numbered(L, puntos, PL_N_PUNTO, "Acuerdo", "ACUERDO", out);
    const pl_node *cert = pl_node_child(root, PL_N_CERTIFICATION);
    if (cert) {
        pl_vlist_glue(out, S->par_space);
        pl_lay_blocks(L, cert, x, w, 1, S->body_size, out);
        /* the glue after the last paragraph must not allow a break */
        while (out->n > 0 && out->items[out->n - 1].kind == PL_V_GLUE)
            out->n--;
    }
    const pl_node *firmas = pl_node_child(root, PL_N_SIGNATURES);
    if (firmas)
        pl_lay_signatures(L, firmas, x, w, 30, 1, out);

    for (const pl_node *c = root->first; c && L->status == PL_OK; c = c->next)
        if (c->type == PL_N_ANNEX)
            annex(L, c, out);
}

const pl_kind_layout pl_acuerdo_kind = {
    .kind = PL_KIND_ACUERDO,
    .layout = acuerdo_layout,
    .title_path = "titulo",
    .subject_path = "metadatos/numero",
    .author_path = "metadatos/organo",
    .date_path = "metadatos/fecha",
    .keywords = "acuerdo, Sistema Nacional de Transparencia",
};
