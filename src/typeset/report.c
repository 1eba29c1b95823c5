/* typeset: the typographic report. Every line of text the engine sets
 * leaves a mark (its paragraph, its place in it, whether it is hyphenated,
 * overfull or too loose) and a PL_OP_MARK op in its box; after
 * pagination the ops tell each mark its page, and the marks become
 * warnings with source position and page: overfull lines (TYPO-001),
 * underfull ones (TYPO-002), widows (TYPO-003), orphans (TYPO-004), runs
 * of hyphenated lines (TYPO-005) and footnotes that left their
 * reference's page (TYPO-006). */
#include "ts_impl.h"

#include <stdlib.h>
#include <string.h>

/* Spaces stretched beyond this many times their stretchability make a
 * line loose enough to report: more than total-fit's first pass accepts
 * (para.c's TOLERANCE_1), so only lines set by its emergency pass or by
 * first fit. TeX warns from badness 1000, about 2.15. */
#define UNDERFULL_RATIO 2.0f

/* Consecutive hyphenated lines that make a "ladder" worth reporting. */
#define HYPHEN_LADDER 3

pl_mark *pl_ts_mark_line(pl_ts *ts, pl_vlist *out)
{
    if (ts->nmarks == ts->capmarks) {
        size_t cap = ts->capmarks ? ts->capmarks * 2 : 256;
        pl_mark *m = realloc(ts->marks, cap * sizeof *m);
        if (m == NULL)
            return NULL;
        ts->marks = m;
        ts->capmarks = cap;
    }
    pl_op op;
    memset(&op, 0, sizeof op);
    op.kind = PL_OP_MARK;
    op.anchor = (int)ts->nmarks;
    if (pl_vlist_op(out, &op) != 0)
        return NULL;
    pl_mark *m = &ts->marks[ts->nmarks++];
    memset(m, 0, sizeof *m);
    m->page = -1;
    return m;
}

void pl_ts_note_source(pl_ts *ts, int note, int line, int col)
{
    if (note < 0)
        return;
    if ((size_t)note >= ts->cap_note_src) {
        size_t cap = ts->cap_note_src ? ts->cap_note_src : 64;
        while (cap <= (size_t)note)
            cap *= 2;
        int *l = realloc(ts->note_line, cap * sizeof *l);
        if (l == NULL)
            return; /* the report then gives no position: not worth failing */
        ts->note_line = l;
        int *c = realloc(ts->note_col, cap * sizeof *c);
        if (c == NULL)
            return;
        ts->note_col = c;
        memset(l + ts->cap_note_src, 0, (cap - ts->cap_note_src) * sizeof *l);
        memset(c + ts->cap_note_src, 0, (cap - ts->cap_note_src) * sizeof *c);
        ts->cap_note_src = cap;
    }
    ts->note_line[note] = line;
    ts->note_col[note] = col;
}

int pl_ts_note_event(pl_ts *ts, int note, size_t page, int placed)
{
    for (size_t i = 0; i < ts->nnote_events; i++)
        if (ts->note_events[i].note == note)
            return 0; /* reported where it first left its page */
    if (ts->nnote_events == ts->cap_note_events) {
        size_t cap = ts->cap_note_events ? ts->cap_note_events * 2 : 8;
        pl_note_event *e = realloc(ts->note_events, cap * sizeof *e);
        if (e == NULL)
            return -1;
        ts->note_events = e;
        ts->cap_note_events = cap;
    }
    ts->note_events[ts->nnote_events++] = (pl_note_event){note, page, placed};
    return 0;
}

static void position(pl_ts *ts, const pl_mark *m, int *line, int *col)
{
    *line = 0;
    *col = 0;
    if (m->src && ts->cfg.doc)
        pl_text_pos(ts->cfg.doc, m->src, m->src_off, line, col);
}

/* The first word of a line, cut at 30 bytes on a character boundary. */
static int quote_len(const pl_mark *m)
{
    int len = (int)(m->len < 30 ? m->len : 30);
    while (len > 0 && (size_t)len < m->len && ((unsigned char)m->text[len] & 0xC0) == 0x80)
        len--;
    return len;
}

static void warn(pl_ts *ts, const pl_mark *m, const char *id, const char *fmt, const char *what)
{
    int line, col;
    position(ts, m, &line, &col);
    int len = quote_len(m);
    pl_diags_add(ts->cfg.diags, ts->cfg.doc ? ts->cfg.doc->path : NULL, line, col,
                 PL_SEV_WARNING, id, NULL, fmt, what, m->page + 1, len, m->text,
                 (size_t)len < m->len ? "…" : "");
}

pl_status pl_ts_report_typography(pl_ts *ts, int full, pl_ts_report *r)
{
    memset(r, 0, sizeof *r);
    r->pages = ts->npages;
    for (size_t i = 0; i < ts->npages; i++) {
        const pl_page *p = &ts->pages[i];
        for (size_t k = 0; k < p->n; k++)
            if (p->ops[k].kind == PL_OP_MARK && p->ops[k].anchor >= 0 &&
                (size_t)p->ops[k].anchor < ts->nmarks && ts->marks[p->ops[k].anchor].page < 0)
                ts->marks[p->ops[k].anchor].page = (int)i;
    }
    pl_diags *d = ts->cfg.diags;
    size_t ladder = 0;
    const pl_mark *prev = NULL;
    for (size_t i = 0; i < ts->nmarks; i++) {
        const pl_mark *m = &ts->marks[i];
        if (m->page < 0)
            continue; /* set only to be measured */
        r->lines++;
        if (m->overfull) {
            r->overfull++;
            if (d) {
                int line, col;
                position(ts, m, &line, &col);
                int len = quote_len(m);
                pl_diags_add(d, ts->cfg.doc ? ts->cfg.doc->path : NULL, line, col,
                             PL_SEV_WARNING, "TYPO-001", NULL,
                             "la línea sobresale %.1f pt del margen en la página %d: «%.*s%s» no "
                             "se puede dividir",
                             m->excess, m->page + 1, len, m->text,
                             (size_t)len < m->len ? "…" : "");
            }
        }
        if (m->hyphenated) {
            r->hyphenated++;
            int same = prev && prev->para == m->para && prev->idx + 1 == m->idx && prev->hyphenated;
            ladder = same ? ladder + 1 : 1;
        } else {
            ladder = 0;
        }
        prev = m;
        if (!full || d == NULL)
            continue;
        if (m->ratio > UNDERFULL_RATIO) {
            r->underfull++;
            char what[64];
            snprintf(what, sizeof what, "%.0f %%", m->ratio * 100.0f);
            warn(ts, m, "TYPO-002",
                 "línea demasiado espaciada (los espacios se estiran al %s de lo previsto) en la "
                 "página %d: empieza con «%.*s%s»", what);
        }
        if (ladder == HYPHEN_LADDER) {
            r->hyphen_runs++;
            warn(ts, m, "TYPO-005",
                 "%s líneas seguidas terminan con guion de división, hasta la de la página %d "
                 "que empieza con «%.*s%s»", "tres");
        }
        if (m->nlines >= 2 && m->idx == 0 && i + 1 < ts->nmarks &&
            ts->marks[i + 1].para == m->para && ts->marks[i + 1].page > m->page) {
            r->orphans++;
            warn(ts, m, "TYPO-004",
                 "línea huérfana: la primera línea de un párrafo queda sola al pie de la %s %d "
                 "(«%.*s%s»)", "página");
        }
        if (m->nlines > 2 && m->idx == m->nlines - 1 && prev && i > 0 &&
            ts->marks[i - 1].para == m->para && ts->marks[i - 1].page >= 0 &&
            ts->marks[i - 1].page < m->page) {
            r->widows++;
            warn(ts, m, "TYPO-003",
                 "línea viuda: la última línea de un párrafo queda sola al principio de la %s %d "
                 "(«%.*s%s»)", "página");
        }
    }
    for (size_t i = 0; i < ts->nnote_events; i++) {
        const pl_note_event *e = &ts->note_events[i];
        r->notes_moved++;
        if (!full || d == NULL)
            continue;
        int line = 0, col = 0;
        if ((size_t)e->note < ts->cap_note_src) {
            line = ts->note_line[e->note];
            col = ts->note_col[e->note];
        }
        pl_diags_add(d, ts->cfg.doc ? ts->cfg.doc->path : NULL, line, col, PL_SEV_WARNING,
                     "TYPO-006",
                     NULL, e->placed ? "la nota al pie no cabe entera en la página %zu de su "
                                       "llamada: continúa en la página %zu"
                                     : "la nota al pie no cabe en la página %zu de su llamada: "
                                       "pasa a la página %zu",
                     e->page + 1, e->page + 2);
    }
    return d && d->oom ? PL_ENOMEM : PL_OK;
}
