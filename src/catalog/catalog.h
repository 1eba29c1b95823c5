/* catalog: the catalogue of laws the citation rules check against, read
 * at run time from DATADIR/catalogs/ (every .xml file) (format: schemas/leyes.xsd), so
 * that a user adds a law by editing XML, without recompiling.
 *
 * For each instrument (a law, a reglamento, lineamientos…): its names (the
 * official one, variants, accepted short names, siglas, the adjective of
 * "artículo 6o. constitucional") and its versions (one per text issued:
 * the LGTAIP of 2015 and that of 2025), each with its dates and, where
 * known, its number of articles and transitorios and the fracciones of
 * its articles. What is not known is recorded as unknown (-1 or 0 below,
 * as each field says), never guessed: the rules say that an article or a
 * fracción does not exist only when the catalogue knows.
 *
 * Also bodies whose name expires (the INAI, extinct on 21-03-2025).
 *
 * Ownership: a pl_catalog owns everything reachable from it (one arena);
 * pl_catalog_free releases it. The catalogue is read-only after loading.
 * This module and load/ are the only ones that see libxml2. */
#ifndef PL_CATALOG_H
#define PL_CATALOG_H

#include <stddef.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/status.h"

/* Dates are integers AAAAMMDD (20250321), which compare as dates. */
#define PL_DATE(y, m, d) ((y)*10000 + (m)*100 + (d))

/* A catalogue file larger than this is refused: the whole Constitution
 * with every fracción is some 30 KB; this leaves room for hundreds of
 * laws and bounds what a broken file can cost. */
#define PL_CATALOG_MAX_BYTES (8u * 1024u * 1024u)

/* ------------------------------------------------------------------ */
/* Fracciones                                                          */

/* Letters after a fracción's numeral ("XXIX-Ñ") follow the Spanish
 * alphabet: A=1 … N=14, Ñ=15, O=16 … Z=27. */
#define PL_FRAC_LETTERS 27

/* A fracción: XIV, XXIX-Ñ, XXIII Bis. */
typedef struct pl_frac {
    int num;    /* 1..PL_ROMAN_MAX */
    int letter; /* 0, or 1..PL_FRAC_LETTERS */
    int bis;    /* 0, 2 (Bis) or 3 (Ter) */
} pl_frac;

/* An item of a list of fracciones: one fracción, or the range
 * first.num..last of fracciones without letter nor Bis ("I a XXXII"). */
typedef struct pl_frac_item {
    pl_frac first;
    int last; /* 0 for a single fracción */
} pl_frac_item;

typedef struct pl_frac_set {
    int known; /* 0: the attribute is absent (nothing known) */
    pl_frac_item *items;
    size_t n;
} pl_frac_set;

/* Parses a fracción label ("XIV", "XXIX-Ñ", "XXIII Bis", "xiii bis" is
 * not one: numerals are capitals; Bis/Ter in any case). Returns 0, or -1
 * when s[0..n) is not one. */
int pl_frac_parse(const char *s, size_t n, pl_frac *out);

/* Writes the label of f ("XXIX-Ñ", "XXIII Bis") into out; returns out.
 * 32 bytes are enough. */
char *pl_frac_label(const pl_frac *f, char *out, size_t size);

/* 1 when set contains f (only meaningful when set->known). */
int pl_frac_set_has(const pl_frac_set *set, const pl_frac *f);

/* The highest plain numeral of the set (XIV of "I a XIV"), 0 when empty. */
int pl_frac_set_max(const pl_frac_set *set);

/* Appends set as a Spanish list ("I a VI", "I a XXXII, XXIII Bis,
 * XXIX-A…") to out, naming at most max_items items (then "…").
 * Returns 0 or -1 when out of memory. */
int pl_frac_set_format(const pl_frac_set *set, size_t max_items, pl_buf *out);

/* ------------------------------------------------------------------ */
/* Instruments                                                         */

typedef struct pl_cat_apartado {
    char letter; /* 'A'..'Z' */
    pl_frac_set fracciones, minimas, derogadas;
} pl_cat_apartado;

/* What is known of an article during [desde, hasta] (0: the version's
 * bounds). With apartados the list of apartados is complete. */
typedef struct pl_cat_articulo {
    int num; /* 1.. */
    int bis; /* 0, 2 Bis, 3 Ter, 4 Quáter, 5 Quinquies, 6 Sexies */
    int desde, hasta;
    pl_frac_set fracciones, minimas, derogadas;
    pl_cat_apartado *apartados;
    size_t napartados;
    int line; /* in its catalogue file, for messages about the catalogue */
} pl_cat_articulo;

#define PL_CAT_UNKNOWN (-1)

typedef struct pl_cat_version {
    const char *id;         /* "2015" */
    int publicacion;        /* AAAAMMDD */
    int vigor_desde;        /* AAAAMMDD, or 0: unknown (not before publicacion) */
    int vigor_hasta;        /* AAAAMMDD; 0: still in force; PL_CAT_UNKNOWN */
    long articulos;         /* or PL_CAT_UNKNOWN */
    long articulos_minimos; /* 0 when nothing is proven */
    long transitorios;      /* or PL_CAT_UNKNOWN */
    int completas_desde;    /* AAAAMMDD or 0: from then on an article with no
                               record has no fracciones */
    pl_cat_articulo *articulos_v;
    size_t narticulos;
} pl_cat_version;

typedef struct pl_cat_instrumento {
    const char *clave;      /* "LGTAIP" */
    const char *nombre;     /* official name */
    const char *referencia; /* how messages name it, with its article */
    const char **variantes, **cortos, **siglas, **adjetivos;
    size_t nvariantes, ncortos, nsiglas, nadjetivos;
    pl_cat_version *versiones; /* by publication date */
    size_t nversiones;
    const char *file; /* the catalogue file it comes from */
    int line;
} pl_cat_instrumento;

typedef struct pl_cat_organismo {
    const char *clave, *nombre;
    const char **siglas;
    size_t nsiglas;
    int extincion;          /* AAAAMMDD: first day it no longer exists */
    const char *fundamento; /* why, for the message */
} pl_cat_organismo;

typedef struct pl_catalog {
    pl_arena *arena;
    pl_cat_instrumento *instrumentos;
    size_t ninstrumentos;
    pl_cat_organismo *organismos;
    size_t norganismos;
} pl_catalog;

/* Reads every DATADIR/catalogs/ (every .xml file) (in name order), validates each
 * against DATADIR/schemas/leyes.xsd and checks what a schema cannot say
 * (Roman numerals, dates in order, unique claves, articles within the
 * count, records that do not overlap). Every problem is a diagnostic of
 * rule CAT-001 at the file, line and column of the element at fault.
 *
 * Returns PL_OK with *out set (free with pl_catalog_free); PL_EDATA when a
 * catalogue is broken or the folder or schema is missing (diagnostics
 * added, *out NULL); PL_ENOMEM. */
pl_status pl_catalog_load(const char *datadir, pl_diags *diags, pl_catalog **out);

void pl_catalog_free(pl_catalog *cat); /* accepts NULL */

/* The instrument of a clave, or NULL. */
const pl_cat_instrumento *pl_catalog_find(const pl_catalog *cat, const char *clave);

/* The version of ins in force on date (AAAAMMDD): from its entry into
 * force (or, when unknown, its publication) to its last day. With several,
 * the latest published. NULL when none was. */
const pl_cat_version *pl_cat_version_at(const pl_cat_instrumento *ins, int date);

/* The version of ins that had been published by date and was the latest
 * then (a document's view of "the law"), or NULL when none had. */
const pl_cat_version *pl_cat_version_published(const pl_cat_instrumento *ins, int date);

/* Whether v was in force on date: 1 yes, 0 no, -1 unknown (published but
 * entry into force unknown, or end unknown). */
int pl_cat_version_in_force(const pl_cat_version *v, int date);

/* The record of article num/bis that applies on date (0: any date), or
 * NULL when there is none. */
const pl_cat_articulo *pl_cat_article(const pl_cat_version *v, int num, int bis, int date);

/* Whether article num/bis exists in v: 1 yes, 0 no, -1 unknown. */
int pl_cat_article_exists(const pl_cat_version *v, int num, int bis);

/* Name of a Bis level ("Bis", "Ter" …; "" for 0). */
const char *pl_cat_bis_name(int bis);

#endif
