/* rules: domain checks over the model. Each rule has a stable id
 * ("NUM-001"), a severity, a one-line Spanish description and a function
 * that appends diagnostics. Patterns are PCRE2, compiled once per process
 * (pl_rules_cleanup frees them). Domain data lives in catalogs/, not here.
 *
 * The registry also lists the ids used by other stages (XML-001, XSD-001,
 * KIND-001, IO-…, FONT-…) so `pleno rules` documents every id a user can
 * see. Ids never change meaning; a retired id stays reserved. */
#ifndef PL_RULES_H
#define PL_RULES_H

#include "../model/model.h"
#include "../util/diag.h"
#include "../util/status.h"

typedef struct pl_rule_info {
    const char *id;
    pl_severity sev;
    const char *description; /* Spanish, one line */
    const char *stage;       /* "carga", "esquema", "reglas", "composición" */
} pl_rule_info;

/* Number of registered ids and the i-th (0-based, sorted by id). */
size_t pl_rules_count(void);
const pl_rule_info *pl_rules_get(size_t i);
/* Info of an id, or NULL. */
const pl_rule_info *pl_rules_find(const char *id);

/* Runs every rule that applies to doc's kind. Returns PL_OK, or PL_ENOMEM
 * (the diagnostics added so far are kept). Never crashes on a document
 * that passed its schema; a rule that cannot find what it checks stays
 * silent (the schema already reported missing structure). */
pl_status pl_rules_run(const pl_doc *doc, pl_diags *diags);

struct pl_catalog;

/* The catalogue of laws the citation rules (CIT-…) check against; pleno
 * loads it once per process (catalog/) and sets it here before running
 * the rules. It must outlive every pl_rules_run. NULL, the default: the
 * rules that need it say nothing. */
void pl_rules_set_catalog(const struct pl_catalog *cat);
const struct pl_catalog *pl_rules_catalog(void);

/* Frees compiled patterns. */
void pl_rules_cleanup(void);

#endif
