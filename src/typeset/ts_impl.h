/* typeset: internals shared by the engine's files. */
#ifndef PL_TS_IMPL_H
#define PL_TS_IMPL_H

#include "typeset.h"

#include <hyphen.h>

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
};

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
