/* rules: internal interface between the registry and the rule files. */
#ifndef PL_RULES_IMPL_H
#define PL_RULES_IMPL_H

#include "rules.h"

typedef struct pl_rule {
    pl_rule_info info;
    pl_kind kind; /* PL_KIND_UNKNOWN: every kind */
    /* Appends diagnostics for doc. Returns PL_OK or PL_ENOMEM. */
    pl_status (*check)(const pl_doc *doc, pl_diags *diags);
} pl_rule;

/* Domain rules, sorted by id. */
size_t pl_rules_domain_count(void);
const pl_rule *pl_rules_domain_get(size_t i);

#endif
