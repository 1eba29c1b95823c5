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

pl_status pl_ts_table(pl_ts *ts, const pl_table *t, pl_vlist *out)
{
    pl_status st = PL_ENOMEM;
    int R = t->nrows;
    float *h = calloc((size_t)R + 1, sizeof *h);
    float *colx = calloc((size_t)t->ncols + 1, sizeof *colx);
    placed *pc = calloc(t->ncells + 1, sizeof *pc);
    pl_table_frag *frag = pl_arena_alloc(ts->arena, sizeof *frag);
    if (!h || !colx || !pc || !frag)
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

    /* 3. the rows */
    frag->x = t->x;
    frag->width = t->width;
    frag->continued = t->continued;
    frag->caption_size = t->caption_size;
    for (int r = 0; r < R; r++) {
        pl_vlist *dst = r < t->nhead ? &frag->head : out;
        for (int pass = 0; pass < (r < t->nhead ? 2 : 1); pass++) {
            pl_vlist *v = pass == 0 ? out : &frag->head;
            if (r < t->nhead)
                dst = v;
            long b = pl_vlist_box(dst, h[r]);
            if (b < 0)
                goto done;
            dst->items[b].table = frag;
            dst->items[b].is_header = r < t->nhead;
            /* shading */
            for (size_t i = 0; i < t->ncells; i++) {
                const pl_cell *c = &t->cells[i];
                if (c->shade >= 1 || r < c->row || r >= c->row + c->rowspan)
                    continue;
                pl_op op = {0};
                op.kind = PL_OP_RECT;
                op.x = colx[c->col];
                op.y = 0;
                op.w = colx[c->col + c->colspan] - colx[c->col];
                op.h = h[r];
                op.gray = c->shade;
                if (pl_vlist_op(dst, &op) != 0)
                    goto done;
            }
            /* content */
            for (size_t i = 0; i < t->ncells; i++) {
                const pl_cell *c = &t->cells[i];
                for (size_t k = 0; k < c->content.n; k++) {
                    const pl_vitem *it = &c->content.items[k];
                    if (it->kind != PL_V_BOX || pc[i].row[k] != r)
                        continue;
                    float dy = pc[i].y[k];
                    if (c->valign_center && c->rowspan == 1)
                        dy += (h[r] - (pl_vlist_height(&c->content) + 2 * t->pad)) / 2;
                    for (size_t m = 0; m < it->nops; m++) {
                        pl_op op = c->content.ops[it->op0 + m];
                        op.y += dy;
                        if (pl_vlist_op(dst, &op) != 0)
                            goto done;
                    }
                    if (pass == 0)
                        for (size_t m = 0; m < it->nnotes; m++)
                            if (pl_vlist_note(dst, c->content.notes[it->note0 + m]) != 0)
                                goto done;
                }
            }
            /* borders */
            for (size_t i = 0; i < t->ncells; i++) {
                const pl_cell *c = &t->cells[i];
                if (r < c->row || r >= c->row + c->rowspan || t->rule <= 0)
                    continue;
                float x0 = colx[c->col], x1 = colx[c->col + c->colspan];
                pl_op op = {0};
                op.kind = PL_OP_LINE;
                op.lw = t->rule;
                op.x = x0; op.y = 0; op.w = 0; op.h = h[r];
                if (pl_vlist_op(dst, &op) != 0)
                    goto done;
                op.x = x1;
                if (pl_vlist_op(dst, &op) != 0)
                    goto done;
                if (r == c->row || (pass == 1)) {
                    op.x = x0; op.y = 0; op.w = x1 - x0; op.h = 0;
                    if (pl_vlist_op(dst, &op) != 0)
                        goto done;
                }
                if (r == c->row + c->rowspan - 1) {
                    op.x = x0; op.y = h[r]; op.w = x1 - x0; op.h = 0;
                    if (pl_vlist_op(dst, &op) != 0)
                        goto done;
                }
            }
            if (r < t->nhead && pass == 0)
                continue;
        }
        if (r + 1 < R) {
            int pen = (r + 1 <= t->nhead) ? PL_INF : 0;
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
    free(h);
    free(colx);
    return st;
}
