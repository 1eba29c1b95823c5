/* load: reads an XML file with libxml2, hardened (no network, no DTD, no
 * external or custom entities, bounded size and depth), recognises the
 * document kind from the root element's namespace, validates it against
 * the kind's XSD (schema/) and builds the model (model/). The xmlDoc is
 * freed before returning: nothing downstream sees libxml2.
 *
 * Every problem in the file (not well-formed, DTD, wrong kind, schema
 * violation) is a diagnostic with line and column. */
#ifndef PL_LOAD_H
#define PL_LOAD_H

#include "../model/model.h"
#include "../util/diag.h"
#include "../util/status.h"

/* Inputs larger than this are refused (PL_ELIMIT): a document of several
 * hundred pages is a few megabytes; this bounds memory and time. */
#define PL_MAX_INPUT_BYTES (64u * 1024u * 1024u)


/* Loads path ("-" is standard input). datadir holds schemas/.
 *
 * Returns PL_OK with *out set to a valid document (free with pl_doc_free);
 * PL_EDOC when the file has errors (diagnostics added, *out NULL);
 * PL_EIO / PL_ELIMIT / PL_ENOMEM / PL_EDATA on operational failure (a
 * diagnostic describing it is added too, *out NULL). */
pl_status pl_load_file(const char *path, const char *datadir,
                       pl_diags *diags, pl_doc **out);

/* Same, from memory; path is used in diagnostics only. */
pl_status pl_load_memory(const char *path, const char *data, size_t len,
                         const char *datadir, pl_diags *diags, pl_doc **out);

/* Releases libxml2's global state and cached schemas (at exit). */
void pl_load_cleanup(void);

#endif
