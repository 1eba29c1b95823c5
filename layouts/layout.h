/* layouts: mapping a document model to the typesetting engine's boxes.
 * blocks.c handles the common vocabulary (paragraphs, lists, tables,
 * quotations, figures, sections, footnotes, the index); each kind's file
 * (acuerdo.c) lays out its own structure with them and says what the
 * running header and footer carry. */
#ifndef PL_LAYOUT_H
#define PL_LAYOUT_H

#include "../src/model/model.h"
#include "../src/typeset/typeset.h"

/* A piece of the running header or footer (layouts/KIND.xml). */
typedef enum pl_deco_kind { PL_DECO_TEXT, PL_DECO_RULE, PL_DECO_IMAGE } pl_deco_kind;

typedef struct pl_deco {
    pl_deco_kind kind;
    int align;  /* 0 left, 1 centre, 2 right (of x, or of the margins) */
    int pages;  /* 0 every page, 1 the first, 2 all but the first */
    int has_x;
    float x, y; /* y from the top of the page */
    float w;    /* rule: length (0: margin to margin) */
    float h;    /* image: height */
    float lw;   /* rule: thickness */
    float size; /* text */
    pl_font font;
    uint32_t rgb;     /* PL_RGB, or 0: black */
    const char *text; /* text: template ("{metadatos/numero}", "{pagina}") */
    const char *src;  /* image: path */
    int line, col;    /* in the layout file, for diagnostics */
} pl_deco;

/* Page geometry, type scale, colours and running header and footer of a
 * layout: read from layouts/KIND.xml (style.c). */
typedef struct pl_style {
    float page_w, page_h;
    float margin_l, margin_r, margin_t, margin_b;
    float body_size, body_leading;
    float par_space;        /* between paragraphs */
    float note_size, note_leading;
    float table_size[3];    /* normal, pequeno, diminuto */
    float list_indent;
    pl_font body_font, head_font, head_bold;
    uint32_t head_rgb;   /* section headings (PL_RGB, or 0: black) */
    uint32_t rule_rgb;   /* rules drawn by the layout */
    uint32_t thead_rgb;  /* table header rows' fill */
    uint32_t group_rgb;  /* table group rows' fill */
    uint32_t accent_rgb; /* bars, charts */
    const pl_deco *decos; /* header and footer pieces */
    size_t ndecos;
    int label_style;          /* page labels: 0 arabic, 1 Roman, 2 roman */
    const char *label_prefix; /* or NULL */
    int label_start;
    const char *path;   /* the layout file */
} pl_style;

/* Reads the layout file path (schemas/diseno.xsd) for documents of kind;
 * strings live in arena. Problems are diagnostics at their line and
 * column in the layout file. Returns PL_OK, PL_EDATA (the layout is
 * wrong, or is for another kind), PL_EIO or PL_ENOMEM. */
pl_status pl_style_load(const char *path, const char *datadir, pl_kind kind, pl_arena *arena,
                        pl_style *out, pl_diags *diags);

typedef struct pl_lay {
    pl_ts *ts;
    const pl_doc *doc;
    const pl_style *st;
    pl_arena *arena; /* render arena (the engine's) */
    int note_no;     /* last footnote number used */
    pl_status status;     /* first failure */
    /* current text style, saved and restored around nested blocks */
    float size;
    pl_align align;
    int bold, italic;
    int no_hyphen; /* titles and headings are not hyphenated */
    const char **deco_text; /* the header and footer templates, expanded */
    pl_diags *diags;        /* where the layout reports (images) */
} pl_lay;

/* Inline content of node (children that are inline) as runs in base font
 * and size. Block children are skipped. The run array is arena-allocated;
 * *n is its length. Footnotes get numbers and their content is laid out. */
pl_run *pl_lay_runs(pl_lay *L, const pl_node *node, pl_font font, float size,
                    size_t *n);

/* A run of literal text (arena copy). */
pl_run pl_lay_text(pl_lay *L, const char *text, pl_font font, float size);

/* Paragraph of runs with the given alignment, appended to out. */
void pl_lay_para(pl_lay *L, const pl_run *runs, size_t n, float x, float width,
                 pl_align align, float size, float leading, float indent,
                 pl_vlist *out);

/* Any block element (p, rotulo, lista, tabla, cita, figura, salto-pagina,
 * seccion) at column (x, width). level: section depth for headings. */
void pl_lay_block(pl_lay *L, const pl_node *n, float x, float width, int level,
                  pl_vlist *out);

/* The children of node that are blocks; inline children in between are
 * gathered into implicit paragraphs (list items, cells). */
void pl_lay_blocks(pl_lay *L, const pl_node *node, float x, float width, int level,
                   float size, pl_vlist *out);

/* Section heading text, for anchors (arena). */
const char *pl_lay_plain(pl_lay *L, const pl_node *n);

/* Index (table of contents) of anchors [a0, a1) at the column. */
void pl_lay_toc(pl_lay *L, int a0, int a1, float x, float width, pl_vlist *out);

/* Records the first failure. */
void pl_lay_fail(pl_lay *L, pl_status st);

/* The signatures (firmas) two by two across the column (x, width), the
 * last one centred when alone: a line to sign above each name (bold) and
 * cargo. The preceding lines stay with the first row, lead points above
 * it; with keep_rows, every row stays on the page of the first (an
 * acuerdo's certification and its signatures). */
void pl_lay_signatures(pl_lay *L, const pl_node *firmas, float x, float width, float lead,
                       int keep_rows, pl_vlist *out);

/* Adds to the last box of out a filled rectangle (top-left x, y, size
 * w × h) or a rule from (x, y) to (x + w, y + h) of thickness lw, in
 * colour rgb (PL_RGB) or, when the layout gives none (0), in gray. */
void pl_lay_rect(pl_lay *L, pl_vlist *out, float x, float y, float w, float h, uint32_t rgb,
                 float gray);
void pl_lay_line(pl_lay *L, pl_vlist *out, float x, float y, float w, float h, float lw,
                 uint32_t rgb, float gray);

/* Draws the layout's running header and footer on page i of n. */
void pl_lay_decorate(pl_lay *L, pl_page *p, size_t i, size_t n);

/* Reports the header's and footer's images that cannot be used (IMG-001):
 * -1 when one cannot, else 0. */
int pl_lay_check_images(pl_lay *L);

/* How pl_lay_date writes a date. */
typedef enum pl_date_form {
    PL_DATE_DAY,   /* "9 de enero de 2020" */
    PL_DATE_MONTH, /* "enero de 2020" */
    PL_DATE_YEAR   /* "2020" */
} pl_date_form;

/* A date written AAAA-MM-DD, in Spanish words (arena). Anything that is
 * not a real date is returned as it is. */
const char *pl_lay_date(pl_lay *L, const char *iso, pl_date_form form);

/* Gives runs r[0..n) colour rgb (PL_RGB, or 0 for black). */
void pl_lay_tint(pl_run *r, size_t n, uint32_t rgb);

/* What the renderer needs of each kind's layout (render.c lists them). */
typedef struct pl_kind_layout {
    pl_kind kind;
    /* Fills body with the whole document. */
    void (*layout)(pl_lay *L, pl_vlist *body);
    /* Document information: the title's and subject's elements (paths of
     * element names from the root, e.g. "metadatos/numero"; NULL: none),
     * the author's, and the PDF keywords. */
    const char *title_path, *subject_path, *author_path, *date_path;
    const char *keywords;
} pl_kind_layout;

/* The acuerdo layout. */
extern const pl_kind_layout pl_acuerdo_kind;
/* The seguimiento layout (follow-up of a work programme). */
extern const pl_kind_layout pl_seguimiento_kind;

/* The programa anual de trabajo layout. */
extern const pl_kind_layout pl_programa_kind;
/* The acta layout. */
extern const pl_kind_layout pl_acta_kind;
/* The informe de actividades layout. */
extern const pl_kind_layout pl_informe_kind;

#endif
