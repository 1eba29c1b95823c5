/* layouts: mapping a document model to the typesetting engine's boxes.
 * blocks.c handles the common vocabulary (paragraphs, lists, tables,
 * quotations, figures, sections, footnotes, the index); each kind's file
 * (acuerdo.c) lays out its own structure with them and says what the
 * running header and footer carry. */
#ifndef PL_LAYOUT_H
#define PL_LAYOUT_H

#include "../src/model/model.h"
#include "../src/typeset/typeset.h"

/* Page geometry and type scale of a layout. */
typedef struct pl_style {
    float page_w, page_h;
    float margin_l, margin_r, margin_t, margin_b;
    float body_size, body_leading;
    float par_space;        /* between paragraphs */
    float note_size, note_leading;
    float table_size[3];    /* normal, pequeno, diminuto */
    float list_indent;
    pl_font body_font, head_font, head_bold;
} pl_style;

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

/* What the renderer needs of each kind's layout (render.c lists them). */
typedef struct pl_kind_layout {
    pl_kind kind;
    const pl_style *style;
    /* Fills body with the whole document. */
    void (*layout)(pl_lay *L, pl_vlist *body);
    /* Running header and footer of page i of n. */
    void (*decorate)(pl_lay *L, pl_page *p, size_t i, size_t n);
    /* Document information: the title's and subject's elements (paths of
     * element names from the root, e.g. "metadatos/numero"; NULL: none),
     * the author's, and the PDF keywords. */
    const char *title_path, *subject_path, *author_path, *date_path;
    const char *keywords;
} pl_kind_layout;

/* The acuerdo layout. */
extern const pl_kind_layout pl_acuerdo_kind;

#endif
