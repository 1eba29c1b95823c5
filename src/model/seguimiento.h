/* The seguimiento vocabulary: what each row of a follow-up table refers
 * to, resolved once for the rules and the layout.
 *
 * A seguimiento declares its objectives (objetivos/objetivo@id, "A.1"),
 * their lines of action (objetivo/linea-accion@id, "A.1.1") and its
 * working groups (grupos/grupo@clave) once; each row
 * (productos/producto@id, "A.1.1.2") then gets its objective, line, group
 * and base document in one of three ways:
 *
 *   written   the row names it: objetivo="A.1" linea="A.1.1" grupo="GdT1",
 *             or its own <documento-base>;
 *   idem      idem="objetivo grupo documento-base": the row above's (the
 *             ditto mark of the printed table), followed up the rows;
 *   implied   nothing written: the line is the product id without its
 *             last component (A.1.1.2 → A.1.1), the objective is the one
 *             that declares that line (else the line id without its last
 *             component); a group or base document is then absent.
 *
 * What is written wins over idem when a row says both (rule SEG-003 calls
 * that a contradiction). Nothing here reports: a reference that leads
 * nowhere resolves to NULL, and the rules say why.
 *
 * Ownership: a pl_seg is built from a pl_doc and points into it (nodes,
 * attribute values); it owns the copies it makes (implied ids) and is freed
 * with pl_seg_free, before the document. */
#ifndef PL_MODEL_SEGUIMIENTO_H
#define PL_MODEL_SEGUIMIENTO_H

#include "model.h"

/* How a row got one of its references. */
typedef enum pl_seg_how {
    PL_SEG_ABSENT = 0, /* the row says nothing and nothing implies it */
    PL_SEG_WRITTEN,    /* the row names it (attribute, own element) */
    PL_SEG_IDEM,       /* idem: the row above's */
    PL_SEG_IMPLIED     /* from the product id, or from the line */
} pl_seg_how;

typedef struct pl_seg_ref {
    /* The objetivo, linea-accion or grupo element, or the documento-base
     * element (the row's own or the one repeated); NULL when the
     * reference leads nowhere. */
    const pl_node *node;
    pl_seg_how how;
    /* The id or clave looked up: the attribute's value, or the implied id;
     * for idem, the row above's key. NULL when there is none (an id with
     * no component to drop, a base document). */
    const char *key;
    /* PL_SEG_IDEM: the producto right above (NULL on the first row). */
    const pl_node *above;
} pl_seg_ref;

typedef struct pl_seg_row {
    const pl_node *producto;
    const char *id; /* producto/@id, or NULL */
    pl_seg_ref objetivo, linea, grupo, base;
} pl_seg_row;

typedef struct pl_seg pl_seg;

/* Resolves every row of doc. A document of another kind, or without the
 * seguimiento elements, gives an empty index. NULL when out of memory.
 * Costs O(n log n) in the number of declarations and rows. */
pl_seg *pl_seg_new(const pl_doc *doc);

/* Frees s. Accepts NULL. */
void pl_seg_free(pl_seg *s);

/* The rows (productos/producto), in document order. */
size_t pl_seg_count(const pl_seg *s);
const pl_seg_row *pl_seg_row_at(const pl_seg *s, size_t i);

/* The row of a producto element, or NULL when it is not one of s. */
const pl_seg_row *pl_seg_row_of(const pl_seg *s, const pl_node *producto);

/* The declared objetivo, linea-accion or grupo with that id or clave
 * (the first one when the schema's uniqueness was broken), or NULL. */
const pl_node *pl_seg_find_objetivo(const pl_seg *s, const char *id);
const pl_node *pl_seg_find_linea(const pl_seg *s, const char *id);
const pl_node *pl_seg_find_grupo(const pl_seg *s, const char *clave);

/* The objective, line of action and working group of a producto,
 * whatever the row wrote (each out-pointer may be NULL; each gets NULL
 * when the reference leads nowhere). Returns 0, or -1 when producto is
 * not a row of s (the out-pointers are then set to NULL). */
int pl_seg_resolve(const pl_seg *s, const pl_node *producto, const pl_node **objetivo,
                   const pl_node **linea, const pl_node **grupo);

/* The value of an avance attribute: 0 to 100 when it is an xs:integer in
 * that range (white space around it, a "+" and leading zeros allowed, as
 * the schema allows them), else -1 (also for NULL). */
int pl_seg_parse_avance(const char *v);

/* Progress of a producto or a parte, from its attributes. */
#define PL_SEG_PENDIENTE (-1)  /* estado="pendiente" and no avance */
#define PL_SEG_SIN_AVANCE (-2) /* neither, or both (a contradiction) */

/* 0 to 100, PL_SEG_PENDIENTE or PL_SEG_SIN_AVANCE. A producto divided
 * into partes has the mean of its partes that have a percentage (rounded
 * to the nearest unit, halves up); when none has one, PL_SEG_PENDIENTE if
 * some part is pending, else PL_SEG_SIN_AVANCE. An avance that is not an
 * integer from 0 to 100 (the schema rejects it) counts as absent. */
int pl_seg_avance(const pl_node *n);

#endif
