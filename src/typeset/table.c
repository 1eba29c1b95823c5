/* typeset: tables. The caller lays out each cell's content at its width;
 * here rows get their heights, spanning cells flow their lines across the
 * rows they span (so they also continue across pages), and each row
 * becomes one box with its shading, content and borders. Header rows are
 * kept with the first body row and repeated by the page builder. */
#include "ts_impl.h"

#include <stdlib.h>
#include <string.h>

typedef struct placed {
    const pl_cell *cell;
    /* for each content box: the row it goes to and its y inside the row */
    int *row;
    float *y;
} placed;

/* Rows taller than this may be cut between lines across pages. */
#define MIN_SPLIT_HEIGHT 90.0f
/* Most slices per row (a row taller than several pages is pathological). */
#define MAX_SLICES 256
/* A cut keeps at least this much of the row on either side. */
#define MIN_SLICE 18.0f

/* A slice taller than this means the cuts that respect widows and
 * orphans are too few: cut without them rather than push a whole page of
 * row ahead. */
#define MAX_KEPT_SLICE 400.0f

/* Whether a cut at height cand of row r falls where some cell forbids a
 * break: between two lines of a paragraph held together by its widow and
 * orphan penalties. */
static int cut_forbidden(const pl_table *t, const placed *pc, int r, float cand)
{
    for (size_t j = 0; j < t->ncells; j++) {
        const pl_cell *d = pc[j].cell;
        int held = 0, before = 0;
        for (size_t m = 0; m < d->content.n; m++) {
            const pl_vitem *it = &d->content.items[m];
            if (pc[j].row[m] != r)
                continue;
            if (it->kind == PL_V_BOX) {
                if (pc[j].y[m] + it->height <= cand + 0.01f) {
                    before = 1; /* a line above the cut */
                    held = 0;
                } else {
                    if (before && held)
                        return 1;
                    break; /* the first line below the cut */
                }
            } else if (it->kind == PL_V_PENALTY && it->penalty >= PL_INF) {
                held = 1;
            }
        }
    }
    return 0;
}

/* Cut points of row r: heights where no line of any cell crosses (and,
 * when keep, where no cell holds two lines together). Fills cuts[1..]
 * (cuts[0] is 0) and returns the number of slices. */
static int find_cuts_kept(const pl_table *t, const placed *pc, int r, float hr, float *cuts,
                          int keep)
{
    int n = 1;
    float last = 0;
    for (;;) {
        /* the smallest line bottom past last + MIN_SLICE that no line
         * crosses */
        float best = -1;
        for (size_t i = 0; i < t->ncells; i++) {
            const pl_cell *c = pc[i].cell;
            for (size_t k = 0; k < c->content.n; k++) {
                const pl_vitem *it = &c->content.items[k];
                if (it->kind != PL_V_BOX || pc[i].row[k] != r)
                    continue;
                float cand = pc[i].y[k] + it->height;
                if (cand < last + MIN_SLICE || cand > hr - MIN_SLICE)
                    continue;
                if (best >= 0 && cand >= best)
                    continue;
                int crossed = 0;
                for (size_t j = 0; j < t->ncells && !crossed; j++) {
                    const pl_cell *d = pc[j].cell;
                    for (size_t m = 0; m < d->content.n; m++) {
                        const pl_vitem *jt = &d->content.items[m];
                        if (jt->kind != PL_V_BOX || pc[j].row[m] != r)
                            continue;
                        float y0 = pc[j].y[m], y1 = y0 + jt->height;
                        if (y0 < cand - 0.01f && y1 > cand + 0.01f) {
                            crossed = 1;
                            break;
                        }
                    }
                }
                if (!crossed && !(keep && cut_forbidden(t, pc, r, cand)))
                    best = cand;
            }
        }
        if (best < 0 || n >= MAX_SLICES)
            break;
        cuts[n++] = best;
        last = best;
    }
    return n;
}

static int find_cuts(const pl_table *t, const placed *pc, int r, float hr, float *cuts)
{
    int n = find_cuts_kept(t, pc, r, hr, cuts, 1);
    for (int k = 0; k < n; k++)
        if ((k + 1 < n ? cuts[k + 1] : hr) - cuts[k] > MAX_KEPT_SLICE)
            return find_cuts_kept(t, pc, r, hr, cuts, 0);
    return n;
}

/* Emits the part [a, b) of row r as one box. */
static int emit_slice(const pl_table *t, const placed *pc, const float *colx,
                      pl_table_frag *frag, int r, float a, float b, int first, int last,
                      int pass, pl_vlist *dst)
{
    float hh = b - a;
    long bi = pl_vlist_box(dst, hh);
    if (bi < 0)
        return -1;
    dst->items[bi].table = frag;
    dst->items[bi].is_header = r < t->nhead;
    pl_op op;
    for (size_t i = 0; i < t->ncells; i++) { /* shading */
        const pl_cell *c = &t->cells[i];
        if ((c->shade >= 1 && c->fill == 0) || r < c->row || r >= c->row + c->rowspan)
            continue;
        memset(&op, 0, sizeof op);
        op.kind = PL_OP_RECT;
        op.x = colx[c->col];
        op.w = colx[c->col + c->colspan] - colx[c->col];
        op.h = hh;
        op.gray = c->shade;
        op.rgb = c->fill;
        if (pl_vlist_op(dst, &op) != 0)
            return -1;
    }
    for (size_t i = 0; i < t->ncells; i++) { /* content */
        const pl_cell *c = &t->cells[i];
        float center = 0;
        if (c->valign_center && c->rowspan == 1)
            center = (b - a - (pl_vlist_height(&c->content) + 2 * t->pad)) / 2;
        for (size_t k = 0; k < c->content.n; k++) {
            const pl_vitem *it = &c->content.items[k];
            if (it->kind != PL_V_BOX || pc[i].row[k] != r)
                continue;
            float y = pc[i].y[k];
            if (y < a - 0.01f || y >= b - 0.01f)
                continue;
            for (size_t m = 0; m < it->nops; m++) {
                pl_op cop = c->content.ops[it->op0 + m];
                cop.y += y - a + center;
                if (pl_vlist_op(dst, &cop) != 0)
                    return -1;
            }
            if (pass == 0)
                for (size_t m = 0; m < it->nnotes; m++)
                    if (pl_vlist_note(dst, c->content.notes[it->note0 + m]) != 0)
                        return -1;
        }
    }
    if (t->rule <= 0)
        return 0;
    for (size_t i = 0; i < t->ncells; i++) { /* borders */
        const pl_cell *c = &t->cells[i];
        if (r < c->row || r >= c->row + c->rowspan)
            continue;
        float x0 = colx[c->col], x1 = colx[c->col + c->colspan];
        memset(&op, 0, sizeof op);
        op.kind = PL_OP_LINE;
        op.lw = t->rule;
        op.x = x0;
        op.h = hh;
        if (pl_vlist_op(dst, &op) != 0)
            return -1;
        op.x = x1;
        if (pl_vlist_op(dst, &op) != 0)
            return -1;
        op.h = 0;
        op.x = x0;
        op.w = x1 - x0;
        if (first && (r == c->row || pass == 1)) {
            op.y = 0;
            if (pl_vlist_op(dst, &op) != 0)
                return -1;
        }
        if (last && r == c->row + c->rowspan - 1) {
            op.y = hh;
            if (pl_vlist_op(dst, &op) != 0)
                return -1;
        }
    }
    return 0;
}

pl_status pl_ts_table(pl_ts *ts, const pl_table *t, pl_vlist *out)
{
    pl_status st = PL_ENOMEM;
    int R = t->nrows;
    float *h = calloc((size_t)R + 1, sizeof *h);
    float *colx = calloc((size_t)t->ncols + 1, sizeof *colx);
    placed *pc = calloc(t->ncells + 1, sizeof *pc);
    unsigned char *hold = calloc((size_t)R + 1, 1); /* rows kept with the next */
    pl_table_frag *frag = pl_arena_alloc(ts->arena, sizeof *frag);
    if (!h || !colx || !pc || !hold || !frag)
        goto done;
    if (ts->nfrags == ts->capfrags) {
        size_t cap = ts->capfrags ? ts->capfrags * 2 : 16;
        pl_table_frag **nf = realloc(ts->frags, cap * sizeof *nf);
        if (nf == NULL)
            goto done;
        ts->frags = nf;
        ts->capfrags = cap;
    }
    ts->frags[ts->nfrags++] = frag;
    colx[0] = t->x;
    for (int c = 0; c < t->ncols; c++)
        colx[c + 1] = colx[c] + t->colw[c];

    /* 1. heights of single-row cells */
    for (size_t i = 0; i < t->ncells; i++) {
        const pl_cell *c = &t->cells[i];
        if (c->rowspan > 1)
            continue;
        float ch = pl_vlist_height(&c->content) + 2 * t->pad;
        if (c->row < R && ch > h[c->row])
            h[c->row] = ch;
    }
    for (int r = 0; r < R; r++)
        if (h[r] < 2 * t->pad + 4)
            h[r] = 2 * t->pad + 4;

    /* 2. spanning cells: flow their boxes through their rows */
    for (size_t i = 0; i < t->ncells; i++) {
        const pl_cell *c = &t->cells[i];
        pc[i].cell = c;
        size_t nb = c->content.n;
        pc[i].row = calloc(nb + 1, sizeof(int));
        pc[i].y = calloc(nb + 1, sizeof(float));
        if (!pc[i].row || !pc[i].y)
            goto done;
        int r = c->row, last = c->row + c->rowspan - 1;
        if (last >= R)
            last = R - 1;
        float y = t->pad;
        for (size_t k = 0; k < nb; k++) {
            const pl_vitem *it = &c->content.items[k];
            float ih = (it->kind == PL_V_BOX || it->kind == PL_V_GLUE) ? it->height : 0;
            if (it->kind == PL_V_BOX && y + ih + t->pad > h[r] + 0.01f && r < last &&
                y > t->pad) {
                r++;
                y = t->pad * 0.5f;
            }
            pc[i].row[k] = r;
            pc[i].y[k] = y;
            y += ih;
            if (r == last && y + t->pad > h[r])
                h[r] = y + t->pad;
        }
    }

    /* a spanning cell whose paragraph runs on from row r into row r + 1
     * between two lines that its widow/orphan control holds together
     * holds the two rows together too, as a cut inside a row would */
    for (size_t i = 0; i < t->ncells; i++) {
        const pl_cell *c = &t->cells[i];
        long prev = -1; /* the last box */
        int held = 0;   /* an unbreakable penalty since it */
        for (size_t k = 0; k < c->content.n && c->rowspan > 1; k++) {
            const pl_vitem *it = &c->content.items[k];
            if (it->kind == PL_V_PENALTY && it->penalty >= PL_INF)
                held = 1;
            if (it->kind != PL_V_BOX)
                continue;
            if (prev >= 0 && held && pc[i].row[k] == pc[i].row[prev] + 1)
                hold[pc[i].row[prev]] = 1;
            prev = (long)k;
            held = 0;
        }
    }

    /* 3. the rows, each as one box or, when tall, as slices cut between
     * lines so that the row can continue on the next page */
    frag->x = t->x;
    frag->width = t->width;
    frag->continued = t->continued;
    frag->caption_size = t->caption_size;
    for (int r = 0; r < R; r++) {
        int is_head = r < t->nhead;
        float cuts[MAX_SLICES + 1];
        int ncuts = 0;
        cuts[ncuts++] = 0;
        if (!is_head && h[r] > MIN_SPLIT_HEIGHT)
            ncuts = find_cuts(t, pc, r, h[r], cuts);
        cuts[ncuts] = h[r];
        for (int pass = 0; pass < (is_head ? 2 : 1); pass++) {
            pl_vlist *dst = pass == 0 ? out : &frag->head;
            for (int sl = 0; sl < ncuts; sl++) {
                if (emit_slice(t, pc, colx, frag, r, cuts[sl], cuts[sl + 1], sl == 0,
                               sl == ncuts - 1, pass, dst) != 0)
                    goto done;
                if (sl + 1 < ncuts && pl_vlist_penalty(dst, 0) != 0)
                    goto done;
            }
        }
        if (r + 1 < R) {
            int pen = (r + 1 <= t->nhead || hold[r]) ? PL_INF : 0;
            if (pl_vlist_penalty(out, pen) != 0)
                goto done;
        }
    }
    st = PL_OK;
done:
    if (pc)
        for (size_t i = 0; i < t->ncells; i++) {
            free(pc[i].row);
            free(pc[i].y);
        }
    free(pc);
    free(hold);
    free(h);
    free(colx);
    return st;
}
