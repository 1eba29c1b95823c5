/* rules: checks across documents. When several documents are checked
 * together (`pleno check CARPETA`), agreements get their numbers from
 * their sessions:
 *
 *   XDOC-001  an acuerdo of a body whose actas are among the documents
 *             belongs to a session that has an acta there, with the same
 *             type, number and date; when that acta numbers its
 *             agreements, it lists this one;
 *   XDOC-002  no two acuerdos carry the same number.
 *
 * What the checks need of each document is copied when it is added, so
 * documents can be freed one by one; the checks run once at the end.
 * Ownership: pl_xdoc_new's result is freed with pl_xdoc_free. */
#ifndef PL_RULES_XDOC_H
#define PL_RULES_XDOC_H

#include "../model/model.h"
#include "../util/diag.h"
#include "../util/status.h"

typedef struct pl_xdoc pl_xdoc;

pl_xdoc *pl_xdoc_new(void); /* NULL when out of memory */
void pl_xdoc_free(pl_xdoc *x); /* accepts NULL */

/* Records doc (an acuerdo or an acta; other kinds are ignored). Returns
 * PL_OK or PL_ENOMEM. */
pl_status pl_xdoc_add(pl_xdoc *x, const pl_doc *doc);

/* Appends XDOC-001 and XDOC-002 diagnostics. Returns PL_OK or PL_ENOMEM. */
pl_status pl_xdoc_check(const pl_xdoc *x, pl_diags *diags);

#endif
