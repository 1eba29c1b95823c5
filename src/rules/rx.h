/* rules: PCRE2 patterns compiled once, lazily, and freed together.
 *
 * A pattern is a static pl_rx in the file that uses it; the first
 * pl_rx_search compiles it (PCRE2_UTF | PCRE2_UCP plus its own options)
 * and links it into a process-wide list that pl_rx_cleanup frees. Not
 * thread-safe: pleno runs one document per process or thread-free loop. */
#ifndef PL_RULES_RX_H
#define PL_RULES_RX_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include <stddef.h>

typedef struct pl_rx {
    const char *pattern;
    uint32_t options; /* added to PCRE2_UTF | PCRE2_UCP */
    pcre2_code *code; /* NULL until compiled */
    struct pl_rx *next; /* list of compiled patterns */
} pl_rx;

#define PL_RX(pattern, options) {(pattern), (options), NULL, NULL}

/* Most capture groups a pattern of rules/ may have (the match data of
 * pl_rx_match_data holds this many pairs). */
#define PL_RX_MAX_GROUPS 16

/* The compiled pattern, compiling it on first use. NULL when out of
 * memory or when the pattern does not compile (a bug: asserted). */
const pcre2_code *pl_rx_code(pl_rx *rx);

/* Match data big enough for every pattern of rules/; free with
 * pcre2_match_data_free. NULL when out of memory. */
pcre2_match_data *pl_rx_match_data(void);

/* Results of pl_rx_search besides 1 (a match) and 0 (none). */
#define PL_RX_ENOMEM (-1) /* out of memory: the caller returns PL_ENOMEM */
#define PL_RX_EFAIL (-2)  /* the subject cannot be searched (invalid UTF-8,
                             match limit): the caller skips it */

/* Searches subj[0..len) from byte start. Returns 1 with the offsets in md
 * (pcre2_get_ovector_pointer), 0 when there is no match, PL_RX_ENOMEM or
 * PL_RX_EFAIL. opts are pcre2_match options (PCRE2_ANCHORED …).
 * The UTF-8 of subj is checked only when start is 0: a later start must be
 * a character boundary of a subject already known to be valid (model text
 * always is: libxml2 rejects invalid UTF-8). */
int pl_rx_search(pl_rx *rx, const char *subj, size_t len, size_t start,
                 uint32_t opts, pcre2_match_data *md);

/* The next match of rx in subj[0..len) at or after *at: its bounds in
 * *ms, *me (and the groups in md); *at moves past it. Returns 1, 0 when
 * there is none (or the subject cannot be searched), or PL_RX_ENOMEM.
 * The usual loop:
 *     size_t at = 0, ms, me;
 *     while ((rc = pl_rx_next(&rx, s, n, &at, md, &ms, &me)) == 1) { … } */
int pl_rx_next(pl_rx *rx, const char *subj, size_t len, size_t *at, pcre2_match_data *md,
               size_t *ms, size_t *me);

/* Frees every compiled pattern; they compile again on next use. */
void pl_rx_cleanup(void);

#endif
