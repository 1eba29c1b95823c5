/* rules: parser of the agreement numbers of the Consejo Nacional del SNT.
 *
 * Two real forms:
 *   from 2017  CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07
 *              prefix, session type (EXT or ORD), two-digit session number,
 *              hyphen, session date DD/MM/AAAA, hyphen, two-digit
 *              consecutive number of the agreement within the session;
 *   2016       CONAIP/SNT/ACUERDO/EXT13/04/2016-05
 *              the same without session number and its hyphen.
 *
 * The parser is lenient in what it reads so that it can say precisely what
 * is wrong (a missing hyphen, a letter O for a zero, an impossible date …).
 * No allocation. */
#ifndef PL_RULES_NUMERO_H
#define PL_RULES_NUMERO_H

#include <stddef.h>

#define PL_NUMERO_PREFIX "CONAIP/SNT/ACUERDO/"

/* Room for a Spanish error description (quotes are cut to fit). */
#define PL_NUMERO_MSG_SIZE 256

typedef struct pl_numero {
    char type[4];           /* "EXT" or "ORD" */
    int session;            /* 1..99; 0 in the 2016 form (none written) */
    int day, month, year;   /* session date */
    int ordinal;            /* the agreement within the session, 1..99 */
    /* Byte offsets of each part in the parsed string, for diagnostics. */
    size_t type_off, session_off, date_off, ordinal_off;
} pl_numero;

typedef struct pl_numero_error {
    size_t off; /* byte offset of the offending text (may be the length,
                   when something is missing at the end) */
    char msg[PL_NUMERO_MSG_SIZE]; /* Spanish, no trailing period */
} pl_numero_error;

/* Parses s[0..n) (already trimmed). Returns 0 and fills *out, or -1 and
 * fills *err with the first problem found. */
int pl_numero_parse(const char *s, size_t n, pl_numero *out, pl_numero_error *err);

#endif
