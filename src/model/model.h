/* The document model: a small typed tree built from the XML by load/,
 * carrying the source line and column of every element and text run.
 * Later stages (rules, layout) read only this; nothing downstream touches
 * libxml2.
 *
 * Ownership: a pl_doc owns its arena; every node, string and attribute
 * lives in it and is freed by pl_doc_free(). */
#ifndef PL_MODEL_H
#define PL_MODEL_H

#include <stddef.h>

#include "../util/arena.h"
#include "../util/buf.h"

typedef enum pl_kind {
    PL_KIND_UNKNOWN = 0,
    PL_KIND_ACUERDO,     /* acuerdo del Consejo Nacional */
    PL_KIND_PROGRAMA,    /* programa anual de trabajo */
    PL_KIND_INFORME,     /* informe de actividades */
    PL_KIND_SEGUIMIENTO, /* seguimiento de un programa de trabajo */
    PL_KIND_ACTA,        /* acta de sesión */
    PL_KIND_DISENO       /* a page layout (layouts/KIND.xml), not a document */
} pl_kind;

/* Element types. The XML name of each is in pl_node.name; PL_N_OTHER is any
 * element this build does not know (the schema rejects those first). */
typedef enum pl_node_type {
    PL_N_OTHER = 0,
    PL_N_TEXT, /* a text run: pl_node.text */
    /* inline */
    PL_N_BOLD,      /* negrita */
    PL_N_ITALIC,    /* cursiva */
    PL_N_LINK,      /* enlace @href */
    PL_N_NOTE,      /* nota (footnote) */
    PL_N_LINEBREAK, /* salto-linea */
    /* blocks */
    PL_N_PARA,      /* p @alineacion @sangria */
    PL_N_LABEL,     /* rotulo */
    PL_N_LIST,      /* lista @tipo @estilo @inicio */
    PL_N_ITEM,      /* elemento */
    PL_N_TABLE,     /* tabla @ancho @tamano */
    PL_N_COLUMNS,   /* columnas */
    PL_N_COLUMN,    /* columna @ancho @alineacion */
    PL_N_THEAD,     /* encabezado */
    PL_N_TBODY,     /* cuerpo */
    PL_N_ROW,       /* fila @tipo */
    PL_N_CELL,      /* celda @columnas @filas @alineacion */
    PL_N_SOURCE,    /* fuente (of a table) */
    PL_N_QUOTE,     /* cita */
    PL_N_FIGURE,    /* figura @src @ancho */
    PL_N_FIGDESC,   /* descripcion */
    PL_N_CAPTION,   /* leyenda */
    PL_N_PAGEBREAK, /* salto-pagina */
    PL_N_SECTION,   /* seccion @portadilla @nueva-pagina @indice */
    PL_N_TITLE,     /* titulo */
    PL_N_SUBTITLE,  /* subtitulo */
    PL_N_SIGNATURES, /* firmas */
    PL_N_SIGNATURE,  /* firma */
    PL_N_NAME,       /* nombre */
    PL_N_ROLE,       /* cargo */
    /* acuerdo */
    PL_N_ACUERDO,
    PL_N_METADATA,      /* metadatos */
    PL_N_BODY_ORGAN,    /* organo @corto @siglas */
    PL_N_SESSION,       /* sesion @tipo @numero @fecha @lugar */
    PL_N_NUMBER,        /* numero */
    PL_N_DATE,          /* fecha */
    PL_N_PREAMBLE,      /* preambulo */
    PL_N_CONSIDERANDOS, /* considerandos */
    PL_N_CONSIDERANDO,  /* considerando @numero */
    PL_N_FUNDAMENTO,    /* fundamento */
    PL_N_PUNTOS,        /* puntos */
    PL_N_PUNTO,         /* punto @ordinal */
    PL_N_CERTIFICATION, /* certificacion */
    PL_N_ANNEX,         /* anexo @numero */
    PL_N_COVER,         /* portada */
    PL_N_COVERLINE,     /* linea @estilo */
    PL_N_TOC,           /* indice @titulo */
    PL_N__COUNT
} pl_node_type;

typedef struct pl_attr {
    const char *name, *value;
} pl_attr;

typedef struct pl_node pl_node;
struct pl_node {
    pl_node_type type;
    const char *name; /* element local name; "#text" for text runs */
    /* PL_N_TEXT: the text with every run of XML white space collapsed to
     * one space (not trimmed: neighbouring inline runs decide that). */
    const char *text;
    size_t text_len;
    /* PL_N_TEXT: where the raw text sits in pl_doc.source. */
    size_t src_off, src_len;
    int cdata; /* PL_N_TEXT from a CDATA section (no references inside) */
    pl_attr *attrs;
    size_t nattrs;
    pl_node *parent, *first, *last, *next, *prev;
    int line, col; /* of the start tag's '<', or of the text's first char */
    int index;     /* 1-based position among same-name element siblings */
};

typedef struct pl_doc {
    pl_arena *arena;
    const char *path;   /* as given by the user */
    const char *source; /* the whole file, NUL-terminated (arena) */
    size_t source_len;
    size_t *line_starts; /* byte offset of each line's start (arena) */
    size_t nlines;
    pl_kind kind;
    const char *ns; /* namespace of the root element, or NULL */
    pl_node *root;
} pl_doc;

/* Indexes the lines of doc->source (so positions cost O(log n)).
 * Returns 0, or -1 when out of memory. */
int pl_doc_index_lines(pl_doc *doc);

/* An empty document owning a new arena; NULL when out of memory. */
pl_doc *pl_doc_new(const char *path);
void pl_doc_free(pl_doc *doc); /* accepts NULL */

/* Element type for an XML local name (PL_N_OTHER when unknown). */
pl_node_type pl_node_type_from_name(const char *name);

/* Value of attribute name, or NULL when absent. */
const char *pl_node_attr(const pl_node *n, const char *name);

/* First child / next sibling of the given type, or NULL. */
pl_node *pl_node_child(const pl_node *n, pl_node_type type);
pl_node *pl_node_next_of(const pl_node *n, pl_node_type type);

/* Elements this build has no type for (PL_N_OTHER: the kind-specific
 * vocabulary of programa, informe, seguimiento, acta) are found by their
 * local name: n's first child element named name, the next sibling of n
 * with that name, whether n has that name. NULL / 0 when none. */
pl_node *pl_node_named(const pl_node *n, const char *name);
pl_node *pl_node_next_named(const pl_node *n, const char *name);
int pl_node_is(const pl_node *n, const char *name);
/* Number of children named name. */
size_t pl_node_count_named(const pl_node *n, const char *name);
/* The element reached from n by a path of child names separated by '/'
 * ("metadatos/numero": the first of each), or NULL. An empty path is n. */
pl_node *pl_node_at(const pl_node *n, const char *path);

/* First descendant (pre-order, n excluded) of the given type, or NULL. */
pl_node *pl_node_find(const pl_node *n, pl_node_type type);

/* Number of children of the given type. */
size_t pl_node_count(const pl_node *n, pl_node_type type);

/* Text content of n (all descendant text runs, footnotes included),
 * collapsed and trimmed. Arena-allocated in doc; NULL when out of memory. */
char *pl_node_text(pl_doc *doc, const pl_node *n);

/* XPath of n with local names and 1-based positions, e.g.
 * "/acuerdo/puntos/punto[2]/p[1]". Appended to out. Returns 0 or -1. */
int pl_node_xpath(const pl_node *n, pl_buf *out);

/* Inline elements, and the elements whose children are inline content
 * ("text blocks": p, rotulo, titulo, celda, elemento, nota …). An element
 * of a kind's own vocabulary (PL_N_OTHER) is a text block when it holds
 * text or inline elements directly. */
int pl_node_is_inline(const pl_node *n);
int pl_node_is_textblock(const pl_node *n);

/* ------------------------------------------------------------------ */
/* Iterator: pre-order walk with ENTER/EXIT events, no recursion, so   */
/* arbitrarily deep trees cannot exhaust the stack.                    */

typedef enum pl_iter_event { PL_ITER_DONE = 0, PL_ITER_ENTER, PL_ITER_EXIT } pl_iter_event;

typedef struct pl_iter {
    const pl_node *root, *cur;
    pl_iter_event ev;
    int started, skip;
} pl_iter;

void pl_iter_init(pl_iter *it, const pl_node *root);
/* Next event; the node is in it->cur. Text nodes get ENTER and EXIT too.
 * After PL_ITER_DONE every call returns PL_ITER_DONE. */
pl_iter_event pl_iter_next(pl_iter *it);
/* After an ENTER, skip the node's children (the next event is its EXIT). */
void pl_iter_skip_children(pl_iter *it);

/* ------------------------------------------------------------------ */
/* Flattened text of a text block, with positions.                     */
/*                                                                     */
/* The inline content of a block (text, negrita, cursiva, enlace,      */
/* salto-linea as a space) as one UTF-8 string, white space collapsed  */
/* and trimmed. Footnotes are left out (a marker is not text) unless   */
/* with_notes; nested blocks (p, lista inside an elemento) are left    */
/* out: they are text blocks of their own.                              */

typedef struct pl_flat_span {
    const pl_node *text; /* the PL_N_TEXT run */
    size_t flat_off;     /* where its first byte landed in flat text */
    size_t node_off;     /* offset into text->text of that byte */
    size_t len;          /* bytes copied */
} pl_flat_span;

typedef struct pl_flat {
    char *text; /* malloc'ed */
    size_t len;
    pl_flat_span *spans; /* malloc'ed */
    size_t nspans, cap;
} pl_flat;

/* Builds the flat text of block. Returns 0, or -1 when out of memory.
 * Free with pl_flat_free (also after a failure). */
int pl_flat_build(const pl_node *block, int with_notes, pl_flat *out);
void pl_flat_free(pl_flat *f);

/* Source position of byte off of the flat text: line and column (columns
 * count characters, 1-based), and the text run it falls in. */
void pl_flat_pos(const pl_doc *doc, const pl_flat *f, size_t off,
                 int *line, int *col, const pl_node **node);

/* Source position of byte off of a text run's collapsed text. */
void pl_text_pos(const pl_doc *doc, const pl_node *text, size_t off,
                 int *line, int *col);

#endif
