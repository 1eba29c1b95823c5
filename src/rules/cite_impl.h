/* rules: internal interface between the two halves of the citation
 * reader: cite_parse.c finds the citations of a text block and parses
 * them into groups (the articles that share one reference to an
 * instrument); cite.c resolves each group's instrument and version and
 * emits the pl_cite records. */
#ifndef PL_RULES_CITE_IMPL_H
#define PL_RULES_CITE_IMPL_H

#include "check.h"
#include "cite.h"
#include "cite_names.h"
#include "rx.h"

#include <stdint.h>

/* Most articles in one citation, and fracciones or incisos of one article:
 * real lists have a dozen; this keeps a pathological one linear. */
#define PL_CITE_LIST_MAX 64

/* ---------------------------------------------------------------- */
/* State                                                             */

/* An instrument named in the text, in document order. */
typedef struct pl_cite_mention {
    const pl_cat_instrumento *ins; /* NULL: a name the catalogue lacks */
    const char *head;              /* its first word, folded: "ley" */
    size_t block;                  /* block sequence number */
    size_t start, end;             /* in that block's flat text */
    int cited;                     /* the instrument of a citation */
} pl_cite_mention;

/* A parsed article reference. */
typedef struct pl_cite_item {
    size_t start; /* first character of this article's citation */
    int article, article_to, bis, transitorio;
    int ordinal; /* written in words: 1, or 2 for "Único" */
    int bad;     /* a CIT-001 was found in it */
    pl_cite_sign sign;
    char apartado;
    pl_cite_frac *fracs; /* in the result's arena (a block's items are all
                            alive at once: they stay small) */
    size_t nfracs, capfracs;
    char incisos[48]; /* "a, b, c": longer lists are cut */
    int parrafo;
} pl_cite_item;

typedef struct pl_cite_group {
    size_t start, end; /* end: after the list (the name is added later) */
    pl_cite_item *items;
    size_t n, cap;
    pl_cite_item lead; /* "la fracción V de": applies to every article */
    int has_lead;
    int su_articulo; /* "de su artículo 3" */
    int has_ref;     /* "de la …" follows */
    size_t ref_off;  /* where the name starts */
    int anaphoric, self, abrog;
    const pl_cat_instrumento *adj; /* "constitucional" */
    size_t adj_end;
    size_t kw_unaccented; /* offset + 1 of "Articulo", or 0 */
} pl_cite_group;

/* A short name defined by the document, where it is defined. The names
 * table has one entry per distinct short name; this one per definition. */
typedef struct pl_cite_def {
    size_t name; /* index in the names table */
    const pl_cat_instrumento *ins;
    uint64_t order; /* document order (block << 32 | offset) */
    int line, col;
} pl_cite_def;

/* A position to compute when the block is done (see pl_cite_place). */
typedef enum pl_cite_what { PL_PLACE_CITE, PL_PLACE_ISSUE, PL_PLACE_BODY } pl_cite_what;

typedef struct pl_cite_pending {
    size_t off; /* in the block's flat text */
    pl_cite_what what;
    size_t index; /* in out->v, out->issues or out->bodies */
} pl_cite_pending;

typedef struct pl_cite_ctx {
    const pl_doc *doc;
    const pl_catalog *cat;
    pl_cites *out;
    pl_cn_names names;
    pcre2_match_data *md;
    int pass;
    size_t block_seq;
    pl_cite_mention *m;
    size_t nm, capm, block_first;
    /* the last mention (index + 1) of each instrument of the catalogue,
     * and of each kind of instrument ("ley", "reglamento" …): anaphora
     * and shared short names look there, not through every mention */
    size_t *last_ins;
    const char **heads;
    size_t *last_head;
    size_t nheads, capheads;
    /* per entry of names.heads: a name of that kind the catalogue lacks
     * ("los Lineamientos para determinar …") was met in running text, so
     * "dichos Lineamientos" has something to refer to */
    unsigned char *head_named;
    pl_cite_def *defs; /* in document order */
    size_t ndefs, capdefs;
    int next_group;
    int oom;
    /* the positions the current block still owes */
    pl_cite_pending *pend;
    size_t npend, cappend;
    pl_rules_locator loc; /* for the definitions, which come in order */
    /* the current block */
    const pl_node *block;
    const pl_flat *f;
    pl_cn_toks toks;
} pl_cite_ctx;

/* ---------------------------------------------------------------- */
/* Helpers (cite_parse.c)                                            */

/* Anchored match of rx at byte i of the current block: 1 with *end set, 0
 * none (out of memory sets c->oom). */
int pl_cite_at(pl_cite_ctx *c, pl_rx *rx, size_t i, size_t *end);

/* Offsets of group g of the last match: 1, or 0 when it is unset. */
int pl_cite_grp(pl_cite_ctx *c, int g, size_t *s, size_t *e);

/* Appends a zeroed element of size sz to the malloc'ed array *arr of *n
 * elements (capacity *cap). Returns it, or NULL when out of memory. */
void *pl_cite_grow(void **arr, size_t *n, size_t *cap, size_t sz);

/* Records a problem of rule at byte off of the current block. */
void pl_cite_note(pl_cite_ctx *c, const char *rule, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Asks for the line and column of byte off of the current block for
 * record index of kind what; they are filled in when the block is done
 * (pl_cite_place_all), in one pass over the block for all of them. */
void pl_cite_place(pl_cite_ctx *c, pl_cite_what what, size_t index, size_t off);


/* Appends fracción fr to it (at most PL_CITE_LIST_MAX). Returns 0, or -1
 * when out of memory (c->oom set). */
int pl_cite_add_frac(pl_cite_ctx *c, pl_cite_item *it, const pl_cite_frac *fr);

/* Finds and parses every citation of the current block into groups, in
 * order (*out malloc'ed, each group's items too). Returns 0, or -1 when
 * out of memory. */
int pl_cite_find_groups(pl_cite_ctx *c, pl_cite_group **out, size_t *nout);

#endif
