/* typeset: the page builder. Greedy: fill the page until the next box
 * (with its footnotes) does not fit, then break at the last legal break
 * point (a glue after a box, or a penalty below PL_INF). Footnotes go on
 * the page of the box that references them. A page that starts inside a
 * table repeats the table's header rows under a "(continúa)" caption, and
 * a page that ends inside one gets a closing rule. Each item is visited a
 * bounded number of times, so the cost is linear in the document. */
#include "ts_impl.h"

#include <stdlib.h>
#include <string.h>

static float notes_height(pl_ts *ts, const pl_vlist *body, const pl_vitem *it,
                          const pl_page_geom *g, int first_on_page)
{
    float h = 0;
    for (size_t k = 0; k < it->nnotes; k++) {
        const pl_vlist *nv = pl_ts_note_content(ts, body->notes[it->note0 + k]);
        if (nv == NULL)
            continue;
        h += pl_vlist_height(nv) + g->note_gap;
        if (first_on_page && k == 0)
            h += g->note_sep;
    }
    return h;
}

static float frag_head_height(const pl_table_frag *t)
{
    float h = pl_vlist_height(&t->head);
    if (t->continued)
        h += t->caption_size * 1.6f;
    return h;
}

static pl_page *new_page(pl_ts *ts)
{
    if (ts->npages == ts->cappages) {
        size_t cap = ts->cappages ? ts->cappages * 2 : 16;
        pl_page *n = realloc(ts->pages, cap * sizeof *n);
        if (n == NULL)
            return NULL;
        ts->pages = n;
        ts->cappages = cap;
    }
    pl_page *p = &ts->pages[ts->npages++];
    memset(p, 0, sizeof *p);
    return p;
}

static int place_box(pl_page *p, const pl_vlist *v, const pl_vitem *it, float y)
{
    for (size_t k = 0; k < it->nops; k++) {
        pl_op op = v->ops[it->op0 + k];
        op.y += y;
        if (pl_page_op(p, &op) != 0)
            return -1;
    }
    return 0;
}

static int discardable(const pl_vitem *it)
{
    return it->kind == PL_V_GLUE || it->kind == PL_V_PENALTY || it->kind == PL_V_NEWPAGE;
}

/* Next box at or after i, or NULL. */
static const pl_vitem *next_box(const pl_vlist *v, size_t i)
{
    for (; i < v->n; i++)
        if (v->items[i].kind == PL_V_BOX)
            return &v->items[i];
    return NULL;
}

pl_status pl_ts_paginate(pl_ts *ts, const pl_vlist *body, const pl_page_geom *g)
{
    const float avail = g->height - g->top - g->bottom;
    const pl_table_frag *cont = NULL;
    size_t i = 0, n = body->n;
    int *pnotes = NULL;
    size_t npn = 0, cappn = 0;

    while (i < n) {
        while (i < n && discardable(&body->items[i]))
            i++;
        if (i >= n)
            break;
        float head = cont ? frag_head_height(cont) : 0;
        float h = head, nh = 0;
        int have_notes = 0;
        size_t brk = n;
        long cand = -1;
        for (size_t j = i; j < n; j++) {
            const pl_vitem *it = &body->items[j];
            if (it->kind == PL_V_NEWPAGE) {
                brk = j;
                goto cut;
            }
            if (it->kind == PL_V_PENALTY) {
                if (it->penalty <= -PL_INF && j > i) {
                    brk = j;
                    goto cut;
                }
                if (it->penalty < PL_INF && j > i)
                    cand = (long)j;
                continue;
            }
            if (it->kind == PL_V_GLUE) {
                if (j > i && body->items[j - 1].kind == PL_V_BOX)
                    cand = (long)j;
                h += it->height;
                continue;
            }
            if (it->kind != PL_V_BOX)
                continue;
            float bn = notes_height(ts, body, it, g, !have_notes);
            if (h + it->height + nh + bn > avail + 0.01f) {
                if (cand > (long)i) {
                    brk = (size_t)cand;
                } else {
                    /* nothing to break at: this box goes here, overfull if
                     * it must (a box taller than a page) */
                    brk = j + 1;
                    if (j > i) {
                        /* but prefer to move it to a fresh page when
                         * something already sits on this one */
                        brk = j;
                    }
                }
                goto cut;
            }
            h += it->height;
            nh += bn;
            if (it->nnotes)
                have_notes = 1;
        }
        brk = n;
    cut:
        if (brk <= i)
            brk = i + 1; /* always make progress */
        pl_page *p = new_page(ts);
        if (p == NULL)
            goto oom;
        int pageno = (int)ts->npages - 1;
        float y = g->top;
        if (cont) {
            if (cont->continued) {
                pl_op op = {0};
                op.kind = PL_OP_TEXT;
                op.font = PL_F_SERIF_ITALIC;
                op.size = cont->caption_size;
                size_t len = strlen(cont->continued);
                float w = (float)ts->cfg.metrics.width(ts->cfg.metrics.ctx, op.font,
                                                       cont->continued, len, op.size);
                op.x = cont->x + cont->width - w;
                op.y = y + cont->caption_size * 1.1f;
                op.text = cont->continued;
                op.len = len;
                if (pl_page_op(p, &op) != 0)
                    goto oom;
                y += cont->caption_size * 1.6f;
            }
            for (size_t k = 0; k < cont->head.n; k++) {
                const pl_vitem *it = &cont->head.items[k];
                if (it->kind == PL_V_BOX) {
                    if (place_box(p, &cont->head, it, y) != 0)
                        goto oom;
                    y += it->height;
                } else if (it->kind == PL_V_GLUE) {
                    y += it->height;
                }
            }
        }
        npn = 0;
        const pl_vitem *last_box = NULL;
        float last_bottom = y;
        for (size_t k = i; k < brk; k++) {
            const pl_vitem *it = &body->items[k];
            if (it->kind == PL_V_BOX) {
                if (place_box(p, body, it, y) != 0)
                    goto oom;
                for (size_t m = 0; m < it->nnotes; m++) {
                    if (npn == cappn) {
                        cappn = cappn ? cappn * 2 : 16;
                        int *nn = realloc(pnotes, cappn * sizeof *nn);
                        if (nn == NULL)
                            goto oom;
                        pnotes = nn;
                    }
                    pnotes[npn++] = body->notes[it->note0 + m];
                }
                y += it->height;
                last_box = it;
                last_bottom = y;
            } else if (it->kind == PL_V_GLUE) {
                y += it->height;
            } else if (it->kind == PL_V_ANCHOR) {
                pl_anchor *a = &ts->anchors[it->anchor];
                a->page = pageno;
                a->y = y;
            }
        }
        /* closing rule and header repetition */
        const pl_vitem *nb = next_box(body, brk);
        cont = NULL;
        if (last_box && last_box->table && nb && nb->table == last_box->table) {
            const pl_table_frag *t = last_box->table;
            pl_op op = {0};
            op.kind = PL_OP_LINE;
            op.x = t->x;
            op.y = last_bottom;
            op.w = t->width;
            op.h = 0;
            op.lw = 0.5f;
            if (pl_page_op(p, &op) != 0)
                goto oom;
            cont = t;
        }
        /* footnotes, bottom up */
        if (npn > 0) {
            float total = g->note_sep;
            for (size_t m = 0; m < npn; m++)
                total += pl_vlist_height(pl_ts_note_content(ts, pnotes[m])) + g->note_gap;
            float ny = g->height - g->bottom - total;
            if (ny < y) /* overfull page: keep notes below the text */
                ny = y;
            pl_op rule = {0};
            rule.kind = PL_OP_LINE;
            rule.x = g->rule_x;
            rule.y = ny + g->note_sep * 0.5f;
            rule.w = g->rule_w;
            rule.lw = 0.5f;
            if (pl_page_op(p, &rule) != 0)
                goto oom;
            ny += g->note_sep;
            for (size_t m = 0; m < npn; m++) {
                const pl_vlist *nv = pl_ts_note_content(ts, pnotes[m]);
                for (size_t k = 0; k < nv->n; k++) {
                    const pl_vitem *it = &nv->items[k];
                    if (it->kind == PL_V_BOX) {
                        if (place_box(p, nv, it, ny) != 0)
                            goto oom;
                        ny += it->height;
                    } else if (it->kind == PL_V_GLUE) {
                        ny += it->height;
                    }
                }
                ny += g->note_gap;
            }
        }
        i = brk;
    }
    free(pnotes);
    return PL_OK;
oom:
    free(pnotes);
    return PL_ENOMEM;
}
