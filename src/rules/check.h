/* rules: what the domain rule files share — their entry points (listed in
 * domain.c), reporting helpers that put the exact source position and an
 * XPath on every diagnostic, and a walk over the text blocks of a
 * document. */
#ifndef PL_RULES_CHECK_H
#define PL_RULES_CHECK_H

#include "rules_impl.h"

/* ---------------------------------------------------------------- */
/* Rules (each appends diagnostics; returns PL_OK or PL_ENOMEM)       */

pl_status pl_check_date_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_num_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_num_002(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_num_003(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_ord_001(const pl_doc *doc, pl_diags *diags);
pl_status pl_check_ord_002(const pl_doc *doc, pl_diags *diags);
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

#endif
