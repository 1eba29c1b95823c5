/* rules: what the domain rule files share — their entry points (listed in
 * domain.c), reporting helpers that put the exact source position and an
 * XPath on every diagnostic, and a walk over the text blocks of a
 * document. */
#ifndef PL_RULES_CHECK_H
#define PL_RULES_CHECK_H

#include "rules_impl.h"

/* ---------------------------------------------------------------- */
/* Rules (each appends diagnostics; returns PL_OK or PL_ENOMEM)       */

pl_status pl_check_acta_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_acta_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_acta_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_acta_004(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_acta_005(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_acta_006(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_acta_007(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_acta_008(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_004(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_005(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_006(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_007(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_cit_008(const pl_doc *doc, pl_diags *diags);
/* Forgets the citations the CIT rules share for the current document
 * (called at the end of every rules run). */
void pl_cit_forget(void);

pl_status pl_check_date_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_id_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_id_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_id_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_inf_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_inf_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_inf_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_inf_004(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_inf_005(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_num_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_num_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_num_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_ord_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_ord_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_prog_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_prog_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_prog_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_prog_004(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_prog_005(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_prog_006(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_ref_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_seg_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_seg_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_seg_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_seg_004(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_seg_005(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_seg_006(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_seg_007(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_sig_001(const pl_doc *doc, pl_diags *diags);

/* ---------------------------------------------------------------- */
/* Reporting                                                         */

/* Adds a diagnostic of rule (its severity comes from the registry) at
 * element n: its start tag (for problems in attributes), with its XPath.
 * Failures to allocate set diags->oom. At most a few hundred diagnostics
 * of one rule are kept per document; a note says when more were left
 * out. */
void pl_report_node(pl_diags *diags, const pl_doc *doc, const char *rule,
                    const pl_node *n, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Same, at byte off of the flat text f of block: the source position of
 * that character (of the block's start tag when f is empty) and the XPath
 * of the element holding it. */
void pl_report_flat(pl_diags *diags, const pl_doc *doc, const char *rule,
                    const pl_node *block, const pl_flat *f, size_t off,
                    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* The source position pl_report_flat would give byte off of f: line,
 * column and the element holding it. */
void pl_rules_flat_position(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                            size_t off, int *line, int *col, const pl_node **at);

/* The same positions for many offsets of one flat text in one pass:
 * pl_rules_flat_position replays the text run from its start and counts
 * the column from the start of the line on every call, which is quadratic
 * for many positions in one long paragraph. Ask for offsets in increasing
 * order; a smaller one starts the pass over. */
typedef struct pl_rules_locator {
    const pl_doc *doc;
    const pl_node *block;
    const pl_flat *f;
    size_t span;           /* span of the replay state */
    const pl_node *t;      /* its text run; NULL before the first call */
    size_t i, produced;    /* replay state: raw bytes read, text produced */
    int prev_space;
    size_t last_off;       /* last offset asked */
    size_t pos;            /* raw position of the last answer (SIZE_MAX: none) */
    int line, col;         /* and its line and column */
    size_t line_start;
} pl_rules_locator;

void pl_rules_locator_init(pl_rules_locator *l, const pl_doc *doc, const pl_node *block,
                           const pl_flat *f);
void pl_rules_locate(pl_rules_locator *l, size_t off, int *line, int *col, const pl_node **at);

/* Same as pl_report_node, at a position computed earlier (by
 * pl_rules_flat_position); at gives the XPath. */
void pl_report_at(pl_diags *diags, const pl_doc *doc, const char *rule, int line, int col,
                  const pl_node *at, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* ---------------------------------------------------------------- */
/* Walking                                                           */

/* Called with a text block and its flat text (footnotes are blocks of
 * their own). Returns PL_OK to go on, anything else to stop. */
typedef pl_status (*pl_text_fn)(const pl_doc *doc, const pl_node *block,
                                const pl_flat *flat, void *ctx);

/* Calls fn for every text block of doc, in document order, except those in
 * metadatos (their values have rules of their own) and, with
 * skip_annexes, those in an anexo (a document of its own, with its own
 * puntos and numbering). Returns PL_OK, PL_ENOMEM, or what fn returned. */
pl_status pl_rules_each_text(const pl_doc *doc, int skip_annexes, pl_text_fn fn, void *ctx);

/* 1 when an element of type lies between text run t and block (both
 * excluded); e.g. whether a character of a paragraph is inside an
 * enlace. */
int pl_rules_inside(const pl_node *t, const pl_node *block, pl_node_type type);

/* How many bytes of s[0..len) to quote in a message: at most max, cut at
 * a UTF-8 character boundary. */
int pl_rules_quote_len(const char *s, size_t len, size_t max);

/* The parts of an acuerdo's metadatos (NULL when absent). */
typedef struct pl_acuerdo_meta {
    const pl_node *metadatos, *organo, *sesion, *numero, *fecha;
} pl_acuerdo_meta;

void pl_rules_acuerdo_meta(const pl_doc *doc, pl_acuerdo_meta *m);

/* Parses "AAAA-MM-DD" (exactly). Returns 0, or -1 when s has another
 * shape (the calendar is not checked). */
int pl_rules_parse_iso_date(const char *s, int *y, int *m, int *d);

/* The year of the document (metadatos/fecha, else sesion/@fecha), or 0
 * when neither gives one. */
int pl_rules_doc_year(const pl_doc *doc);

/* The date of the document as AAAAMMDD (metadatos/fecha, else
 * sesion/@fecha), or 0 when neither gives a real date. */
int pl_rules_doc_date(const pl_doc *doc);

#endif
