/* rules: the numbering of a programa anual de trabajo, as PROG-003 checks
 * it and as the page layout prints it. Objetivos are numbered 1, 2, …;
 * estrategias objetivo.estrategia (2.1); líneas de acción
 * objetivo.estrategia.línea (2.1.3); sesiones of the calendar 1, 2, ….
 * A number the author writes is kept (PROG-003 says when it is wrong); an
 * element without one gets the next of its series, so the numbers printed
 * for the elements the author left unnumbered are the ones the rule
 * expects.
 *
 * No allocation; nothing to free. */
#ifndef PL_RULES_PROGRAMA_H
#define PL_RULES_PROGRAMA_H

#include "../model/model.h"

/* Called for every objetivo (depth 1), estrategia (2) and linea (3), in
 * document order, with its number in num[0..depth). */
typedef void (*pl_programa_number_fn)(void *ctx, const pl_node *n, int depth, const long *num);

/* Numbers the objetivos, estrategias and líneas de acción of doc (a
 * programa) and calls fn for each. */
void pl_programa_number(const pl_doc *doc, pl_programa_number_fn fn, void *ctx);

/* Numbers the sesiones of the calendar and calls fn for each with depth
 * 1 and its number in num[0]. */
void pl_programa_number_sessions(const pl_doc *doc, pl_programa_number_fn fn, void *ctx);

#endif
