/* typeset: internals shared by the engine's files. */
#ifndef PL_TS_IMPL_H
#define PL_TS_IMPL_H

#include "typeset.h"

#include <hyphen.h>

/* A line of text, for the typographic report. */
typedef struct pl_mark {
    const pl_node *src; /* text run of the line's first character, or NULL */
    size_t src_off;     /* its byte offset in src->text */
    const char *text;   /* the line's first word (for messages) */
    size_t len;
    unsigned para;      /* paragraph serial */
    int idx, nlines;    /* line index in its paragraph, and their number */
    int hyphenated, overfull;
    float excess;       /* overfull: points past the margin */
    float ratio;        /* justified: how far spaces stretch (1: their limit) */
    int page;           /* 0-based; -1 until found on a page (never, when
                           the line was set only to be measured) */
} pl_mark;

typedef struct pl_note_event {
    int note;
    size_t page;
    int placed;
} pl_note_event;

struct pl_ts {
    pl_ts_config cfg;
    pl_arena *arena;
    HyphenDict *hyph;
    /* glyph coverage cache: 2 bits per BMP code point per face
     * (0 unknown, 1 present, 2 missing) */
    unsigned char *glyphs[PL_FONT_COUNT];
    pl_vlist *notes;
    size_t nnotes, capnotes;
    pl_anchor *anchors;
    size_t nanchors, capanchors;
    pl_page *pages;
    size_t npages, cappages;
    pl_table_frag **frags; /* header fragments to free */
    size_t nfrags, capfrags;
    /* typographic report: one mark per line of text set, with the line's
     * facts; PL_OP_MARK ops tell on which page it landed */
    pl_mark *marks;
    size_t nmarks, capmarks;
    unsigned paras; /* paragraphs set so far (mark.para) */
    int *note_line, *note_col; /* where each footnote was written */
    size_t cap_note_src;
    pl_note_event *note_events; /* footnotes continued or moved */
    size_t nnote_events, cap_note_events;
};

/* Records a line (after its box was appended to out, with a PL_OP_MARK
 * op): returns the mark or NULL when out of memory. */
pl_mark *pl_ts_mark_line(pl_ts *ts, pl_vlist *out);

/* Records that footnote note did not fit on page (0-based): moved whole
 * (placed == 0) or continued (placed == 1). 0 or -1. */
int pl_ts_note_event(pl_ts *ts, int note, size_t page, int placed);

/* 1 when cp is missing from face f and this is the first time asked
 * (so each missing character is reported once per face). */
int pl_ts_glyph_missing_once(pl_ts *ts, pl_font f, uint32_t cp);

static inline double wid_str(pl_ts *ts, const pl_run *r, const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return ts->cfg.metrics.width(ts->cfg.metrics.ctx, r->font, s, n, r->size);
}

#endif
