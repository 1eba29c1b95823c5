/* rules: the quorum of an acta de sesión, as ACTA-001 checks it and as the
 * page layout prints it: every integrante of the roll call counts, and
 * those presente or representado at the roll call are present (one who
 * joins later does not count). There is quorum with more than half.
 *
 * No allocation; nothing to free. */
#ifndef PL_RULES_ACTA_H
#define PL_RULES_ACTA_H

#include "../model/model.h"

#include <stddef.h>

typedef struct pl_acta_quorum {
    size_t members, present, needed;
    int has; /* present >= needed, and there are members */
} pl_acta_quorum;

/* The quorum of the roll call asis (an acta's asistencia; NULL: none). */
pl_acta_quorum pl_acta_quorum_of(const pl_node *asis);

#endif
