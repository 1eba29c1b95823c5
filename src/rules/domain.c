/* rules: the table of domain rules (placeholder until the rules land). */
#include "rules_impl.h"

size_t pl_rules_domain_count(void)
{
    return 0;
}

const pl_rule *pl_rules_domain_get(size_t i)
{
    (void)i;
    return NULL;
}

void pl_rules_cleanup(void)
{
}
