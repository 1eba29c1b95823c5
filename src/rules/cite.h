/* rules: the legal citations of a document, found in its text with PCRE2,
 * parsed into a structure and resolved against the catalogue of laws.
 *
 *   "artículos 31 fracciones I, IX y XIV, y 35 de la Ley General de
 *    Transparencia y Acceso a la Información Pública"
 *
 * gives two citations: LGTAIP (version 2015 for a document of 2017)
 * article 31, fracciones I, IX and XIV; and article 35. One pl_cite per
 * article (or range of articles, or transitorio) cited; the citations that
 * share one instrument reference form a group.
 *
 * The instrument is resolved in document order: full names and variants,
 * short names of the catalogue ("Ley General"), siglas, short names the
 * document defines in parentheses after a full name ("… Pública (Ley
 * General)"), anaphora ("dicha Ley", "su Reglamento", "su artículo 3": the
 * last instrument of that kind named before), the adjective
 * ("constitucional"), and, when a citation names none, the instrument
 * named earlier in the same sentence. The version is the one a date
 * written after the name points at ("publicada en el DOF el …"), else the
 * one in force on the document's date.
 *
 * Problems found on the way (a malformed citation, a name not in the
 * catalogue, a short name used before it is defined…) are kept as issues,
 * each with its rule id; the CIT rules report them and check the rest
 * (articles, fracciones, dates in force) against the catalogue.
 *
 * Ownership: a pl_cites owns everything it points to except the catalogue
 * entries and the document's nodes; free it with pl_cites_free. */
#ifndef PL_RULES_CITE_H
#define PL_RULES_CITE_H

#include "../catalog/catalog.h"
#include "../model/model.h"
#include "../util/status.h"

typedef enum pl_cite_via {
    PL_VIA_NONE = 0,  /* no instrument named */
    PL_VIA_NAME,      /* its full name, or a variant of it */
    PL_VIA_SHORT,     /* a short name of the catalogue ("Ley General") */
    PL_VIA_SIGLAS,    /* LGTAIP */
    PL_VIA_DEFINED,   /* a short name the document defines */
    PL_VIA_ANAPHORA,  /* "dicha Ley", "su Reglamento", "su artículo 3" */
    PL_VIA_ADJECTIVE, /* "artículo 6o. constitucional" */
    PL_VIA_CONTEXT,   /* none named: the one named earlier in the sentence */
    PL_VIA_UNKNOWN,   /* a name the catalogue does not have */
    PL_VIA_SELF       /* "del presente Acuerdo": the document itself */
} pl_cite_via;

/* How an article number is followed by an ordinal sign. */
typedef enum pl_cite_sign {
    PL_SIGN_NONE = 0,
    PL_SIGN_O,     /* 6o. */
    PL_SIGN_ORD,   /* 6º (U+00BA, masculine ordinal indicator) */
    PL_SIGN_DEGREE /* 6° (U+00B0, degree sign) */
} pl_cite_sign;

/* A fracción cited, or a range of them ("fracciones I a V"). */
typedef struct pl_cite_frac {
    pl_frac f;
    int to; /* last numeral of a range, or 0 */
} pl_cite_frac;

typedef struct pl_cite {
    /* Where: the first character of the citation (of its keyword for the
     * first article of a list, of its number for the others). */
    int line, col;
    const pl_node *at; /* the element holding it (its XPath) */
    const char *text;  /* the whole citation as written, from its first
                          article to the end of the instrument's name and
                          of the date after it (cut at PL_CITE_TEXT_MAX) */
    int group;         /* citations sharing one instrument reference */
    /* What. */
    int article;     /* >= 0 (0 is malformed); the ordinal of a transitorio */
    int article_to;  /* last article of a range "31 al 47", else 0 */
    int bis;         /* 0, 2 Bis, 3 Ter … */
    int transitorio; /* 1: a transitorio ("Segundo Transitorio") */
    int malformed;   /* a CIT-001 was found in it: not checked further */
    int unico;       /* "artículo Único (transitorio)" */
    pl_cite_sign sign;
    char apartado; /* 'A'.., or 0 */
    pl_cite_frac *fracs;
    size_t nfracs;
    const char *incisos; /* "a, b", or NULL */
    int parrafo;         /* 0 none, n-th, -1 último */
    /* The instrument. */
    pl_cite_via via;
    const pl_cat_instrumento *ins; /* NULL: none or not in the catalogue */
    const pl_cat_version *ver;     /* NULL: unknown */
    int ver_explicit;              /* chosen by a date written after the name */
    int abrogada;                  /* the text says it is abrogated ("la abrogada Ley …") */
    const char *name;              /* the reference as written, or NULL */
} pl_cite;

/* A problem found while reading the citations. */
typedef struct pl_cite_issue {
    const char *rule; /* "CIT-001" … */
    int line, col;
    const pl_node *at;
    const char *message; /* Spanish, complete */
} pl_cite_issue;

/* Where the name of a body with an extinction date is used (INAI). */
typedef struct pl_cite_body {
    const pl_cat_organismo *org;
    int line, col;
    const pl_node *at;
    const char *text; /* as written */
    int exempt;       /* "el extinto INAI", "el entonces INAI" */
} pl_cite_body;

/* Longest citation text kept: a fundamento of several laws runs to a few
 * hundred bytes; the rest adds nothing to a table. */
#define PL_CITE_TEXT_MAX 400

typedef struct pl_cites {
    pl_arena *arena;
    int date; /* the document's date, AAAAMMDD, or 0 */
    pl_cite *v;
    size_t n, cap;
    pl_cite_issue *issues;
    size_t nissues, capissues;
    pl_cite_body *bodies;
    size_t nbodies, capbodies;
} pl_cites;

/* Finds, parses and resolves every citation of doc (annexes included; the
 * metadatos are not text). cat may be NULL: instruments then stay
 * unresolved (PL_VIA_UNKNOWN) and only the syntax is checked.
 * Returns PL_OK with *out set, or PL_ENOMEM (*out NULL). */
pl_status pl_cites_extract(const pl_doc *doc, const struct pl_catalog *cat, pl_cites **out);

void pl_cites_free(pl_cites *c); /* accepts NULL */

/* Spanish word for how the instrument was found ("nombre", "siglas",
 * "anáfora" …). */
const char *pl_cite_via_name(pl_cite_via via);

/* The label of an article ("31", "31 Bis", "Segundo Transitorio") into
 * out (64 bytes are enough); returns out. */
char *pl_cite_article_label(const pl_cite *c, int which_end, char *out, size_t size);

#endif
