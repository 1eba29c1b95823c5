/* typeset: a small typesetting engine. Inline runs become boxes, glue and
 * penalties; paragraphs are broken into lines (total-fit, Knuth–Plass, for
 * justified text; first-fit for ragged text), with Spanish hyphenation from
 * libhyphen; lines, table rows and other boxes go on a vertical list that
 * the page builder cuts into pages, honouring widow/orphan penalties,
 * keep-with-next, footnotes (always on the page of their reference) and
 * repeated table headers.
 *
 * The engine never calls the PDF library: fonts are measured through the
 * pl_metrics callbacks, and the result is a display list of positioned
 * operations per page (pl_page) that pdf/ draws.
 *
 * Coordinates are in PostScript points. Inside a box, x is absolute on the
 * page and y grows downward from the box's top. */
#ifndef PL_TYPESET_H
#define PL_TYPESET_H

#include <stddef.h>
#include <stdint.h>

#include "../model/model.h"
#include "../util/arena.h"
#include "../util/diag.h"
#include "../util/status.h"

/* Font faces, loaded in this order (fixed order keeps PDFs byte-identical). */
typedef enum pl_font {
    PL_F_SERIF = 0,
    PL_F_SERIF_BOLD,
    PL_F_SERIF_ITALIC,
    PL_F_SERIF_BOLDITALIC,
    PL_F_SANS,
    PL_F_SANS_BOLD,
    PL_FONT_COUNT
} pl_font;

/* Bold/italic variant of a face. */
pl_font pl_font_style(pl_font base, int bold, int italic);

typedef struct pl_metrics {
    void *ctx;
    /* Advance width, in points, of n bytes of UTF-8 at size. */
    double (*width)(void *ctx, pl_font f, const char *s, size_t n, double size);
    /* Whether the face has a glyph for code point cp. */
    int (*has_glyph)(void *ctx, pl_font f, uint32_t cp);
    /* Loads a PNG or JPEG image once: its number (>= 0) and its size in
     * pixels, or -1 with *why set to a Spanish reason (static). May be
     * NULL: no images. */
    int (*image)(void *ctx, const char *path, float *w, float *h, const char **why);
    double ascent[PL_FONT_COUNT];  /* per 1 pt of size */
    double descent[PL_FONT_COUNT]; /* positive, per 1 pt of size */
} pl_metrics;

/* ------------------------------------------------------------------ */
/* Display list                                                        */

typedef enum pl_op_kind {
    PL_OP_TEXT,     /* text at (x, y = baseline) */
    PL_OP_LINE,     /* stroke from (x, y) to (x + w, y + h) */
    PL_OP_RECT,     /* filled rectangle, top-left (x, y), size w × h */
    PL_OP_URI,      /* link annotation to uri over the rectangle */
    PL_OP_GOTO,     /* internal link to anchor over the rectangle */
    PL_OP_PAGEREF,  /* page number of anchor, right-aligned at x, with dot
                       leaders back to x - w */
    PL_OP_FIELD,    /* a running-text template ("Página {n} de {N}") at x, y;
                       w: 0 left, 1 centred at x, 2 right-aligned at x */
    PL_OP_IMAGE,    /* image number anchor (pl_metrics.image) in the
                       rectangle, top-left (x, y), size w × h */
    PL_OP_MARK      /* not drawn: line anchor of the typographic report
                       sits here (so the report learns its page) */
} pl_op_kind;

/* A colour of the display list: 0xRRGGBB with PL_RGB_SET, or 0 (none). */
#define PL_RGB_SET 0x1000000u
#define PL_RGB(hex) ((uint32_t)(hex) | PL_RGB_SET)

typedef struct pl_op {
    pl_op_kind kind;
    pl_font font;
    float size;
    float x, y, w, h;
    float gray; /* fill gray for RECT and TEXT (0 black); stroke for LINE */
    uint32_t rgb; /* when it has PL_RGB_SET: this colour instead of gray */
    float lw;   /* line width */
    const char *text; /* UTF-8, not NUL-terminated: len bytes */
    size_t len;
    const char *uri;
    int anchor;
} pl_op;

/* ------------------------------------------------------------------ */
/* Inline content                                                      */

typedef struct pl_run {
    const char *text; /* UTF-8, white space already collapsed */
    size_t len;
    pl_font font;
    float size;
    float rise;        /* baseline shift up (superscripts) */
    const char *uri;   /* link target, or NULL */
    int note;          /* footnote id for a marker run, else -1 */
    int nobreak;       /* 1: no line break inside (spaces become fixed) */
    int hard_break;    /* 1: a forced line break here (text ignored) */
    uint32_t rgb;      /* colour (PL_RGB), or 0 for black */
    const pl_node *src; /* text run it came from (positions), or NULL */
    size_t src_off;     /* byte offset of text in src->text */
} pl_run;

typedef enum pl_align {
    PL_ALIGN_JUSTIFY = 0,
    PL_ALIGN_LEFT,
    PL_ALIGN_CENTER,
    PL_ALIGN_RIGHT
} pl_align;

typedef struct pl_para_style {
    float x;           /* left edge of the text column */
    float width;       /* width of the text column */
    float indent;      /* first-line indent (may be negative: hanging) */
    float leading;     /* baseline-to-baseline distance */
    pl_align align;
    int hyphenate;
    /* widow/orphan control: minimum lines kept together at the start and
     * end of the paragraph across a page break (0 or 1: none) */
    int orphans, widows;
    /* A label drawn in the margin of the first line (list numbers):
     * right edge at label_x. NULL for none. */
    const pl_run *label;
    size_t nlabel;
    float label_x;
    int label_left; /* 1: label starts at label_x instead of ending there */
} pl_para_style;

/* ------------------------------------------------------------------ */
/* Vertical list                                                       */

/* Penalties at or above this never break; at or below -PL_INF always do. */
#define PL_INF 10000

typedef enum pl_vkind {
    PL_V_BOX,     /* a line, a table row, a signature block … */
    PL_V_GLUE,    /* vertical space (discarded at the top of a page) */
    PL_V_PENALTY, /* a break point with a cost */
    PL_V_ANCHOR,  /* marks a position (heading) for outline, index, links */
    PL_V_NEWPAGE  /* forced page break (skipped at the top of a page) */
} pl_vkind;

struct pl_table_frag;

typedef struct pl_vitem {
    pl_vkind kind;
    float height;      /* BOX: height; GLUE: size */
    int penalty;       /* PENALTY */
    size_t op0, nops;  /* BOX: ops in the owning vlist's pool */
    size_t note0, nnotes; /* BOX: footnote ids in the vlist's note pool */
    int anchor;        /* ANCHOR */
    /* BOX that is a table row: its table, for header repetition and the
     * closing rule at a page break. */
    struct pl_table_frag *table;
    int is_header;     /* a table header row (repeated, not split from next) */
} pl_vitem;

typedef struct pl_vlist {
    pl_vitem *items;
    size_t n, cap;
    pl_op *ops;
    size_t nops, capops;
    int *notes;
    size_t nnotes, capnotes;
} pl_vlist;

typedef struct pl_table_frag {
    pl_vlist head;   /* the header rows, repeated after a page break */
    float x, width;  /* horizontal extent (for the closing rule) */
    const char *continued; /* caption on continuation pages, or NULL */
    float caption_size;
} pl_table_frag;

void pl_vlist_free(pl_vlist *v);
/* Appends; return 0 or -1 when out of memory. */
int pl_vlist_glue(pl_vlist *v, float h);
int pl_vlist_penalty(pl_vlist *v, int penalty);
int pl_vlist_anchor(pl_vlist *v, int anchor);
int pl_vlist_newpage(pl_vlist *v);
/* Appends an empty box of height h and returns its index (ops are added
 * with pl_vlist_op, which attach to the last box). -1 when out of memory. */
long pl_vlist_box(pl_vlist *v, float h);
int pl_vlist_op(pl_vlist *v, const pl_op *op);
/* Adds an op to box `box` (an index into v->items), wherever it is in the
 * list; its ops move to the end of the pool when needed. 0 or -1. */
int pl_vlist_box_op(pl_vlist *v, size_t box, const pl_op *op);
int pl_vlist_note(pl_vlist *v, int note);
/* Appends all items of src, moving their ops by (dx, dy) within boxes. */
int pl_vlist_append(pl_vlist *v, const pl_vlist *src);
/* Copies src's items into one box (a cell, a signature column): the ops
 * are offset by (dx, dy); notes are collected. Returns the total height of
 * src. */
float pl_vlist_height(const pl_vlist *v);
int pl_vlist_flatten_into(pl_vlist *dst, const pl_vlist *src, float dx, float dy);

/* ------------------------------------------------------------------ */
/* The engine context                                                  */

typedef struct pl_ts pl_ts;

typedef struct pl_ts_config {
    pl_metrics metrics;
    const char *hyphen_dict; /* path, or NULL for no hyphenation */
    const pl_doc *doc;       /* for diagnostic positions (may be NULL) */
    pl_diags *diags;         /* FONT-001 and typographic reports */
} pl_ts_config;

/* New context; the engine's memory lives in its arena. NULL when out of
 * memory. A missing hyphenation dictionary disables hyphenation. */
pl_ts *pl_ts_new(const pl_ts_config *cfg);
void pl_ts_free(pl_ts *ts);
pl_arena *pl_ts_arena(pl_ts *ts);
const pl_metrics *pl_ts_metrics(pl_ts *ts);

/* Breaks the runs into lines and appends them to out as boxes, with
 * penalties between lines for widow/orphan control. Every character is
 * checked against its font (FONT-001 once per character and face).
 * Returns PL_OK or PL_ENOMEM. */
pl_status pl_ts_paragraph(pl_ts *ts, const pl_run *runs, size_t n,
                          const pl_para_style *st, pl_vlist *out);

/* Natural width of runs on one line (no breaking). */
float pl_ts_runs_width(pl_ts *ts, const pl_run *runs, size_t n);
/* Width of the widest unbreakable piece (a word) in runs: the least width
 * a column can have without overflowing. */
float pl_ts_runs_minwidth(pl_ts *ts, const pl_run *runs, size_t n, int hyphenate);

/* Footnotes: a new note id, and its content (lines). The vlist is owned by
 * the engine. */
int pl_ts_note_new(pl_ts *ts);
pl_vlist *pl_ts_note_content(pl_ts *ts, int note);
size_t pl_ts_note_count(pl_ts *ts);

/* Anchors: a new id with a title (for outline and index) and level. */
int pl_ts_anchor_new(pl_ts *ts, const char *title, int level, int in_toc);
/* Names anchor a with the source's id (links to "#id" go there). */
void pl_ts_anchor_set_id(pl_ts *ts, int a, const char *id);
/* The anchor named id, or -1. */
int pl_ts_anchor_by_id(pl_ts *ts, const char *id);

/* ------------------------------------------------------------------ */
/* Pages                                                               */

typedef struct pl_page {
    pl_op *ops;
    size_t n, cap;
} pl_page;

typedef struct pl_anchor {
    const char *title;
    const char *id;   /* the source's id (seccion/@id), for "#id" links, or NULL */
    int level, in_toc;
    int page; /* 0-based; -1 until placed */
    float y;  /* from the top of the page */
} pl_anchor;

typedef struct pl_page_geom {
    float width, height;
    float top, bottom;   /* body area: from y = top down to y = height - bottom */
    float note_sep;      /* space above the footnote separator */
    float note_gap;      /* between footnotes */
    float rule_x, rule_w; /* footnote separator */
} pl_page_geom;

/* Cuts body into pages. Footnotes referenced by a box go on the box's
 * page; a box that does not fit with its notes moves on. Table header
 * rows repeat after a break inside a table. Results are appended to
 * ts's page list. */
pl_status pl_ts_paginate(pl_ts *ts, const pl_vlist *body, const pl_page_geom *g);

size_t pl_ts_page_count(pl_ts *ts);
pl_page *pl_ts_page(pl_ts *ts, size_t i);
/* Appends an op to page i (running headers, watermark …). */
int pl_page_op(pl_page *p, const pl_op *op);

size_t pl_ts_anchor_count(pl_ts *ts);
const pl_anchor *pl_ts_anchor(pl_ts *ts, int id);

/* ------------------------------------------------------------------ */
/* Typographic report                                                  */

/* Where footnote `note` was written (for reports about it). */
void pl_ts_note_source(pl_ts *ts, int note, int line, int col);

typedef struct pl_ts_report {
    size_t pages, lines;    /* lines of text placed on pages */
    size_t hyphenated;      /* lines ending in a hyphenation */
    size_t overfull;        /* TYPO-001 */
    size_t underfull;       /* TYPO-002 */
    size_t widows, orphans; /* TYPO-003, TYPO-004 */
    size_t hyphen_runs;     /* TYPO-005: three or more hyphenated lines in a row */
    size_t notes_moved;     /* TYPO-006: footnotes not wholly on their reference's page */
} pl_ts_report;

/* After pl_ts_paginate: reports, with source position and page, every
 * overfull line (TYPO-001) and, when full, the other typographic
 * warnings (TYPO-002 to TYPO-006) to cfg.diags, and fills *r. Returns
 * PL_OK or PL_ENOMEM. */
pl_status pl_ts_report_typography(pl_ts *ts, int full, pl_ts_report *r);

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef struct pl_cell {
    int row, col, rowspan, colspan;
    pl_vlist content;  /* laid out at the column width by the caller */
    float shade;       /* fill gray, or 1 for none */
    uint32_t fill;     /* fill colour (PL_RGB) instead of shade, or 0 */
    int valign_center;
} pl_cell;

typedef struct pl_table {
    int nrows, ncols, nhead;
    float x, width;
    float *colw;       /* ncols widths (sum = width) */
    pl_cell *cells;
    size_t ncells;
    float pad;         /* cell padding */
    float rule;        /* border line width */
    const char *continued;
    float caption_size;
} pl_table;

/* Lays out table t (cells already filled with content laid out at their
 * widths minus padding) as row boxes on out. Spanning cells flow across
 * their rows (and pages). Returns PL_OK or PL_ENOMEM. */
pl_status pl_ts_table(pl_ts *ts, const pl_table *t, pl_vlist *out);

#endif
