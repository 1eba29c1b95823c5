/* typeset: the engine context, vertical lists, notes and anchors. */
#include "ts_impl.h"

#include <stdlib.h>
#include <string.h>

pl_font pl_font_style(pl_font base, int bold, int italic)
{
    if (base == PL_F_SANS_BOLD)
        return PL_F_SANS_BOLD;
    if (base == PL_F_SANS)
        return bold ? PL_F_SANS_BOLD : PL_F_SANS;
    if (base == PL_F_SERIF_BOLD || base == PL_F_SERIF_BOLDITALIC)
        bold = 1;
    if (base == PL_F_SERIF_ITALIC || base == PL_F_SERIF_BOLDITALIC)
        italic = 1;
    if (bold && italic)
        return PL_F_SERIF_BOLDITALIC;
    if (bold)
        return PL_F_SERIF_BOLD;
    if (italic)
        return PL_F_SERIF_ITALIC;
    return PL_F_SERIF;
}

pl_ts *pl_ts_new(const pl_ts_config *cfg)
{
    pl_ts *ts = calloc(1, sizeof *ts);
    if (ts == NULL)
        return NULL;
    ts->cfg = *cfg;
    ts->arena = pl_arena_new();
    if (ts->arena == NULL) {
        free(ts);
        return NULL;
    }
    if (cfg->hyphen_dict)
        ts->hyph = hnj_hyphen_load(cfg->hyphen_dict);
    return ts;
}

void pl_ts_free(pl_ts *ts)
{
    if (ts == NULL)
        return;
    if (ts->hyph)
        hnj_hyphen_free(ts->hyph);
    for (int f = 0; f < PL_FONT_COUNT; f++)
        free(ts->glyphs[f]);
    for (size_t i = 0; i < ts->nnotes; i++)
        pl_vlist_free(&ts->notes[i]);
    free(ts->notes);
    for (size_t i = 0; i < ts->nfrags; i++)
        pl_vlist_free(&ts->frags[i]->head);
    free(ts->frags);
    free(ts->anchors);
    free(ts->marks);
    free(ts->note_line);
    free(ts->note_col);
    free(ts->note_events);
    for (size_t i = 0; i < ts->npages; i++)
        free(ts->pages[i].ops);
    free(ts->pages);
    pl_arena_free(ts->arena);
    free(ts);
}

pl_arena *pl_ts_arena(pl_ts *ts)
{
    return ts->arena;
}

const pl_metrics *pl_ts_metrics(pl_ts *ts)
{
    return &ts->cfg.metrics;
}

int pl_ts_glyph_missing_once(pl_ts *ts, pl_font f, uint32_t cp)
{
    if (cp > 0xFFFF)
        return 1; /* libharu turns code points outside the BMP into spaces */
    if (ts->glyphs[f] == NULL) {
        ts->glyphs[f] = calloc(0x10000 / 4, 1);
        if (ts->glyphs[f] == NULL)
            return !ts->cfg.metrics.has_glyph(ts->cfg.metrics.ctx, f, cp);
    }
    unsigned char *g = ts->glyphs[f];
    int v = (g[cp / 4] >> ((cp % 4) * 2)) & 3;
    if (v != 0)
        return 0; /* known: present, or missing and already reported */
    v = ts->cfg.metrics.has_glyph(ts->cfg.metrics.ctx, f, cp) ? 1 : 2;
    g[cp / 4] |= (unsigned char)(v << ((cp % 4) * 2));
    return v == 2;
}

/* ------------------------------------------------------------------ */
/* Vertical lists                                                      */

void pl_vlist_free(pl_vlist *v)
{
    free(v->items);
    free(v->ops);
    free(v->notes);
    memset(v, 0, sizeof *v);
}

static int add(pl_vlist *v, pl_vitem it)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 32;
        pl_vitem *n = realloc(v->items, cap * sizeof *n);
        if (n == NULL)
            return -1;
        v->items = n;
        v->cap = cap;
    }
    v->items[v->n++] = it;
    return 0;
}

int pl_vlist_glue(pl_vlist *v, float h)
{
    pl_vitem it = {0};
    it.kind = PL_V_GLUE;
    it.height = h;
    return add(v, it);
}

int pl_vlist_penalty(pl_vlist *v, int penalty)
{
    pl_vitem it = {0};
    it.kind = PL_V_PENALTY;
    it.penalty = penalty;
    return add(v, it);
}

int pl_vlist_anchor(pl_vlist *v, int anchor)
{
    pl_vitem it = {0};
    it.kind = PL_V_ANCHOR;
    it.anchor = anchor;
    return add(v, it);
}

int pl_vlist_newpage(pl_vlist *v)
{
    pl_vitem it = {0};
    it.kind = PL_V_NEWPAGE;
    return add(v, it);
}

long pl_vlist_box(pl_vlist *v, float h)
{
    pl_vitem it = {0};
    it.kind = PL_V_BOX;
    it.height = h;
    it.op0 = v->nops;
    it.note0 = v->nnotes;
    if (add(v, it) != 0)
        return -1;
    return (long)v->n - 1;
}

static int grow_ops(pl_vlist *v)
{
    if (v->nops < v->capops)
        return 0;
    size_t cap = v->capops ? v->capops * 2 : 64;
    pl_op *n = realloc(v->ops, cap * sizeof *n);
    if (n == NULL)
        return -1;
    v->ops = n;
    v->capops = cap;
    return 0;
}

int pl_vlist_op(pl_vlist *v, const pl_op *op)
{
    if (grow_ops(v) != 0)
        return -1;
    v->ops[v->nops++] = *op;
    if (v->n > 0 && v->items[v->n - 1].kind == PL_V_BOX)
        v->items[v->n - 1].nops++;
    return 0;
}

int pl_vlist_box_op(pl_vlist *v, size_t box, const pl_op *op)
{
    pl_vitem *b = &v->items[box];
    if (b->op0 + b->nops != v->nops) {
        /* not the last ops in the pool: copy them to the end first */
        size_t first = b->op0, cnt = b->nops;
        for (size_t k = 0; k < cnt; k++) {
            if (grow_ops(v) != 0)
                return -1;
            v->ops[v->nops++] = v->ops[first + k];
        }
        b = &v->items[box];
        b->op0 = v->nops - cnt;
    }
    if (grow_ops(v) != 0)
        return -1;
    v->ops[v->nops++] = *op;
    v->items[box].nops++;
    return 0;
}

int pl_vlist_note(pl_vlist *v, int note)
{
    if (v->nnotes == v->capnotes) {
        size_t cap = v->capnotes ? v->capnotes * 2 : 16;
        int *n = realloc(v->notes, cap * sizeof *n);
        if (n == NULL)
            return -1;
        v->notes = n;
        v->capnotes = cap;
    }
    v->notes[v->nnotes++] = note;
    if (v->n > 0 && v->items[v->n - 1].kind == PL_V_BOX)
        v->items[v->n - 1].nnotes++;
    return 0;
}

int pl_vlist_append(pl_vlist *v, const pl_vlist *src)
{
    for (size_t i = 0; i < src->n; i++) {
        const pl_vitem *s = &src->items[i];
        if (s->kind != PL_V_BOX) {
            if (add(v, *s) != 0)
                return -1;
            continue;
        }
        long b = pl_vlist_box(v, s->height);
        if (b < 0)
            return -1;
        v->items[b].table = s->table;
        v->items[b].is_header = s->is_header;
        for (size_t k = 0; k < s->nops; k++)
            if (pl_vlist_op(v, &src->ops[s->op0 + k]) != 0)
                return -1;
        for (size_t k = 0; k < s->nnotes; k++)
            if (pl_vlist_note(v, src->notes[s->note0 + k]) != 0)
                return -1;
    }
    return 0;
}

float pl_vlist_height(const pl_vlist *v)
{
    double h = 0;
    for (size_t i = 0; i < v->n; i++)
        if (v->items[i].kind == PL_V_BOX || v->items[i].kind == PL_V_GLUE)
            h += v->items[i].height;
    return (float)h;
}

int pl_vlist_flatten_into(pl_vlist *dst, const pl_vlist *src, float dx, float dy)
{
    double y = dy;
    for (size_t i = 0; i < src->n; i++) {
        const pl_vitem *s = &src->items[i];
        if (s->kind == PL_V_GLUE) {
            y += s->height;
        } else if (s->kind == PL_V_BOX) {
            for (size_t k = 0; k < s->nops; k++) {
                pl_op op = src->ops[s->op0 + k];
                op.x += dx;
                op.y += (float)y;
                if (pl_vlist_op(dst, &op) != 0)
                    return -1;
            }
            for (size_t k = 0; k < s->nnotes; k++)
                if (pl_vlist_note(dst, src->notes[s->note0 + k]) != 0)
                    return -1;
            y += s->height;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Notes and anchors                                                   */

int pl_ts_note_new(pl_ts *ts)
{
    if (ts->nnotes == ts->capnotes) {
        size_t cap = ts->capnotes ? ts->capnotes * 2 : 16;
        pl_vlist *n = realloc(ts->notes, cap * sizeof *n);
        if (n == NULL)
            return -1;
        ts->notes = n;
        ts->capnotes = cap;
    }
    memset(&ts->notes[ts->nnotes], 0, sizeof ts->notes[0]);
    return (int)ts->nnotes++;
}

pl_vlist *pl_ts_note_content(pl_ts *ts, int note)
{
    return (note >= 0 && (size_t)note < ts->nnotes) ? &ts->notes[note] : NULL;
}

size_t pl_ts_note_count(pl_ts *ts)
{
    return ts->nnotes;
}

int pl_ts_anchor_new(pl_ts *ts, const char *title, int level, int in_toc)
{
    if (ts->nanchors == ts->capanchors) {
        size_t cap = ts->capanchors ? ts->capanchors * 2 : 16;
        pl_anchor *n = realloc(ts->anchors, cap * sizeof *n);
        if (n == NULL)
            return -1;
        ts->anchors = n;
        ts->capanchors = cap;
    }
    pl_anchor *a = &ts->anchors[ts->nanchors];
    a->title = title;
    a->id = NULL;
    a->level = level;
    a->in_toc = in_toc;
    a->page = -1;
    a->y = 0;
    return (int)ts->nanchors++;
}

void pl_ts_anchor_set_id(pl_ts *ts, int a, const char *id)
{
    if (a >= 0 && (size_t)a < ts->nanchors)
        ts->anchors[a].id = id;
}

int pl_ts_anchor_by_id(pl_ts *ts, const char *id)
{
    /* linear: called once per internal link when drawing; documents have
     * a few hundred sections at most */
    for (size_t i = 0; i < ts->nanchors; i++)
        if (ts->anchors[i].id && strcmp(ts->anchors[i].id, id) == 0)
            return (int)i;
    return -1;
}

size_t pl_ts_anchor_count(pl_ts *ts)
{
    return ts->nanchors;
}

const pl_anchor *pl_ts_anchor(pl_ts *ts, int id)
{
    return (id >= 0 && (size_t)id < ts->nanchors) ? &ts->anchors[id] : NULL;
}

size_t pl_ts_page_count(pl_ts *ts)
{
    return ts->npages;
}

pl_page *pl_ts_page(pl_ts *ts, size_t i)
{
    return i < ts->npages ? &ts->pages[i] : NULL;
}

int pl_page_op(pl_page *p, const pl_op *op)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        pl_op *n = realloc(p->ops, cap * sizeof *n);
        if (n == NULL)
            return -1;
        p->ops = n;
        p->cap = cap;
    }
    p->ops[p->n++] = *op;
    return 0;
}
