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

/* For the other readers of pleno's own XML data (catalog/): parses
 * data[0..len) with the same hardened options as a document (no network,
 * no DTD, no entities, libxml2's depth and size limits) and gives the
 * libxml2 tree in *out, to be freed with xmlFreeDoc. Problems in the file
 * are diagnostics of rule (e.g. "CAT-001") with line and column.
 * Returns PL_OK, PL_EDOC (diagnostics added, *out NULL), PL_ELIMIT or
 * PL_ENOMEM. */
struct _xmlDoc;
pl_status pl_load_parse_xml(const char *path, const char *data, size_t len, const char *rule,
                            pl_diags *diags, struct _xmlDoc **out);

/* Byte offsets of the '<' of every start tag of src, a file libxml2 has
 * accepted, in document order: the n-th element of its tree starts at
 * (*tags)[n] (libxml2 gives elements a line but no column). *tags is
 * malloc'ed; free it. Returns 0, or -1 when out of memory. */
int pl_load_start_tags(const char *src, size_t len, size_t **tags, size_t *n);

/* Releases libxml2's global state and cached schemas (at exit). */
void pl_load_cleanup(void);

#endif
