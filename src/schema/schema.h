/* schema: XSD validation of a parsed document against its kind's schema
 * (schemas/KIND.xsd, sharing schemas/common.xsd). Compiled schemas are
 * cached per kind for the life of the process.
 *
 * Only load/ calls this: it is the other module that sees libxml2. */
#ifndef PL_SCHEMA_H
#define PL_SCHEMA_H

#include "../model/model.h"
#include "../util/diag.h"
#include "../util/status.h"

struct _xmlDoc;

/* File name of a kind's schema inside datadir/schemas ("acuerdo.xsd"). */
const char *pl_schema_file(pl_kind kind);

/* Namespace that names a kind ("urn:pleno:snt:acuerdo:1"), and the kind of
 * a root element (local name + namespace); PL_KIND_UNKNOWN if none. */
const char *pl_schema_namespace(pl_kind kind);
const char *pl_kind_name(pl_kind kind);
pl_kind pl_schema_kind_of(const char *local_name, const char *ns);
/* The kind whose root element has this local name, in any namespace. */
pl_kind pl_schema_kind_of_root(const char *local_name);
/* The kinds' root names, for messages ("acuerdo, programa, …"). */
const char *pl_schema_kind_list(void);

/* Validates xdoc. Errors become diagnostics (rule XSD-001) positioned
 * through each xmlNode's _private pointer, which load/ sets to its
 * pl_node. Returns PL_OK when valid, PL_EDOC when not, PL_EDATA when the
 * schema itself cannot be loaded. */
pl_status pl_schema_validate(struct _xmlDoc *xdoc, pl_kind kind,
                             const char *datadir, const char *path,
                             pl_diags *diags);

void pl_schema_cleanup(void);

/* Turns a libxml2 message into Spanish (well-formedness and schema). The
 * result is malloc'ed. */
char *pl_schema_translate(const char *msg);

#endif
