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

/* A footnote, or the rest of one, waiting for a page: note id and the
 * first item of its content still to place. */
typedef struct pending {
    int note;
    size_t from;
} pending;

typedef struct pendings {
    pending *v;
    size_t n, cap;
} pendings;

static int pend(pendings *q, int note, size_t from)
{
    if (q->n == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 16;
        pending *v = realloc(q->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        q->v = v;
        q->cap = cap;
    }
    q->v[q->n++] = (pending){note, from};
    return 0;
}

/* Height of a note's content from item `from` on. */
static float rest_height(const pl_vlist *nv, size_t from)
{
    float h = 0;
    for (size_t k = from; k < nv->n; k++)
        if (nv->items[k].kind == PL_V_BOX || nv->items[k].kind == PL_V_GLUE)
            h += nv->items[k].height;
    return h;
}

/* Places the notes of q at the foot of page p, below y: the separator,
 * then each note's lines while they fit above the bottom margin. What
 * does not fit goes, in order, to *rest (a long footnote continues on the
 * next page, under its separator). At least one line is placed when the
 * area is empty, so the caller always makes progress. */
static int place_notes(pl_ts *ts, pl_page *p, const pl_page_geom *g, const pendings *q,
                       float y, pendings *rest)
{
    float total = g->note_sep;
    for (size_t m = 0; m < q->n; m++)
        total += rest_height(pl_ts_note_content(ts, q->v[m].note), q->v[m].from) + g->note_gap;
    float limit = g->height - g->bottom;
    float ny = limit - total;
    if (ny < y) /* they do not all fit: start right below the text */
        ny = y;
    pl_op rule = {0};
    rule.kind = PL_OP_LINE;
    rule.x = g->rule_x;
    rule.y = ny + g->note_sep * 0.5f;
    rule.w = g->rule_w;
    rule.lw = 0.5f;
    if (pl_page_op(p, &rule) != 0)
        return -1;
    ny += g->note_sep;
    int placed = 0, full = 0;
    for (size_t m = 0; m < q->n; m++) {
        const pl_vlist *nv = pl_ts_note_content(ts, q->v[m].note);
        size_t k = q->v[m].from;
        for (; k < nv->n && !full; k++) {
            const pl_vitem *it = &nv->items[k];
            if (it->kind == PL_V_BOX) {
                if (ny + it->height > limit + 0.01f && placed) {
                    full = 1;
                    break;
                }
                if (place_box(p, nv, it, ny) != 0)
                    return -1;
                ny += it->height;
                placed = 1;
            } else if (it->kind == PL_V_GLUE) {
                ny += it->height;
            }
        }
        if (full) {
            if (pend(rest, q->v[m].note, k) != 0 ||
                pl_ts_note_event(ts, q->v[m].note, (size_t)(p - ts->pages), k > q->v[m].from) != 0)
                return -1;
            continue;
        }
        ny += g->note_gap;
    }
    return 0;
}

/* The least note height a box needs on its page: the separator (for the
 * page's first note) and the first line of its first note; the rest may
 * continue on the next page. */
static float notes_min_height(pl_ts *ts, const pl_vlist *body, const pl_vitem *it,
                              const pl_page_geom *g, int first_on_page)
{
    if (it->nnotes == 0)
        return 0;
    const pl_vlist *nv = pl_ts_note_content(ts, body->notes[it->note0]);
    float h = first_on_page ? g->note_sep : 0;
    for (size_t k = 0; nv && k < nv->n; k++)
        if (nv->items[k].kind == PL_V_BOX)
            return h + nv->items[k].height + g->note_gap;
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
    pendings carry = {0}, now = {0}, rest = {0};

    while (i < n || carry.n > 0) {
        while (i < n && discardable(&body->items[i]))
            i++;
        if (i >= n && carry.n == 0)
            break;
        float head = cont ? frag_head_height(cont) : 0;
        /* notes continued from the previous page take at most this share
         * of the page, so the text goes on too */
        float carry_h = 0;
        for (size_t m = 0; m < carry.n; m++)
            carry_h += rest_height(pl_ts_note_content(ts, carry.v[m].note), carry.v[m].from) +
                       g->note_gap;
        if (carry_h > avail * 0.6f)
            carry_h = avail * 0.6f;
        float h = head, nh = carry.n ? carry_h + g->note_sep : 0;
        int have_notes = carry.n > 0;
        size_t brk = n;
        long cand = -1;
        if (i >= n)
            goto cut; /* only notes left */
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
            float bmin = notes_min_height(ts, body, it, g, !have_notes);
            if (h + it->height + nh + (bn < bmin ? bn : bmin) > avail + 0.01f) {
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
        if (brk <= i && i < n)
            brk = i + 1; /* always make progress */
        if (i >= n)
            brk = i;
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
        now.n = 0;
        for (size_t m = 0; m < carry.n; m++)
            if (pend(&now, carry.v[m].note, carry.v[m].from) != 0)
                goto oom;
        const pl_vitem *last_box = NULL;
        float last_bottom = y;
        for (size_t k = i; k < brk; k++) {
            const pl_vitem *it = &body->items[k];
            if (it->kind == PL_V_BOX) {
                if (place_box(p, body, it, y) != 0)
                    goto oom;
                for (size_t m = 0; m < it->nnotes; m++)
                    if (pend(&now, body->notes[it->note0 + m], 0) != 0)
                        goto oom;
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
        /* footnotes: those continued from the last page, then this page's */
        rest.n = 0;
        if (now.n > 0 && place_notes(ts, p, g, &now, y, &rest) != 0)
            goto oom;
        pendings tmp = carry;
        carry = rest;
        rest = tmp;
        i = brk;
    }
    free(carry.v);
    free(now.v);
    free(rest.v);
    return PL_OK;
oom:
    free(carry.v);
    free(now.v);
    free(rest.v);
    return PL_ENOMEM;
}
