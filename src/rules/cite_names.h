/* rules: internal interface of the citation reader (cite.c) to the names
 * of instruments (cite_names.c): the words of a text block, the names of
 * the catalogue as words, matching one against the other, and the
 * resemblance test behind CIT-002's "¿quiso decir …?". */
#ifndef PL_RULES_CITE_NAMES_H
#define PL_RULES_CITE_NAMES_H

#include "cite.h"

#include <stdint.h>

/* ---------------------------------------------------------------- */
/* Words                                                             */

/* A token of a text block: a word (letters and digits) or one
 * punctuation character. */
typedef struct pl_cn_tok {
    size_t start, end; /* bytes of the block's flat text */
    const char *fold;  /* the word folded (lower case, no accents); NULL for
                          punctuation */
    uint32_t punct;    /* the punctuation character, or 0 */
    int cap;           /* the word starts with a capital */
    int upper;         /* every letter of the word is a capital */
    int skip;          /* it repeats the words right before it ("del Sistema
                          Nacional del Sistema Nacional"): matching skips it */
} pl_cn_tok;

typedef struct pl_cn_toks {
    pl_cn_tok *v;
    size_t n, cap;
    char *buf; /* the folded words */
} pl_cn_toks;

/* Splits s[0..n) into tokens and marks repeated words (stutters).
 * Returns 0, or -1 when out of memory; free with pl_cn_toks_free. */
int pl_cn_tokenize(const char *s, size_t n, pl_cn_toks *t);
void pl_cn_toks_free(pl_cn_toks *t);

/* Index of the first token starting at or after byte off (t->n if none). */
size_t pl_cn_tok_at(const pl_cn_toks *t, size_t off);

/* Whether word token k is one of the words (folded) in the NULL-ended
 * list. */
int pl_cn_is(const pl_cn_toks *t, size_t k, const char *const *words);

/* ---------------------------------------------------------------- */
/* Names                                                             */

typedef enum pl_cn_kind {
    PL_CN_FULL,    /* official name or variant */
    PL_CN_SHORT,   /* a catalogue short name */
    PL_CN_SIGLAS,  /* matched case-sensitively */
    PL_CN_DEFINED, /* a short name the document defines */
    PL_CN_BODY     /* a body's name or siglas */
} pl_cn_kind;

typedef struct pl_cn_name {
    pl_cn_kind kind;
    const pl_cat_instrumento *ins;
    const pl_cat_organismo *org;
    const char *text;   /* as written in the catalogue or the document */
    const char **words; /* folded, punctuation left out */
    size_t nwords;
    int siglas; /* matched only as written, in capitals (LGTAIP, INAI) */
} pl_cn_name;

typedef struct pl_cn_names {
    pl_cn_name *v;
    size_t n, cap;
    const char **vocab; /* every folded word of the catalogue's names */
    size_t nvocab, capvocab;
    const char **heads; /* first words of the full names: "ley", "reglamento" … */
    size_t nheads, capheads;
} pl_cn_names;

/* Builds the names of cat (NULL: none) into names; strings go to arena.
 * Returns 0 or -1 (out of memory). */
int pl_cn_names_build(pl_cn_names *names, const pl_catalog *cat, pl_arena *arena);

/* Adds a name the document defines. Returns the new name or NULL. */
pl_cn_name *pl_cn_names_add_defined(pl_cn_names *names, pl_arena *arena, const char *text,
                                    size_t len, const pl_cat_instrumento *ins);

void pl_cn_names_free(pl_cn_names *names);

/* How many words of name match the tokens from k on (commas and
 * repeated words skipped); *end gets the token after the last one
 * matched. */
size_t pl_cn_match(const pl_cn_toks *t, size_t k, const pl_cn_name *name, size_t *end);

/* Whether the words from token e on continue a longer name: "de",
 * "del", "para" or "en" (with an article) followed by a capitalized word,
 * as in "Ley General | de Archivos". */
int pl_cn_continues(const pl_cn_toks *t, size_t e);

/* Whether word w (folded) occurs in some name of the catalogue. */
int pl_cn_in_vocab(const pl_cn_names *names, const char *w);

/* Whether w (folded) is the first word of a full name ("ley"). */
int pl_cn_is_head(const pl_cn_names *names, const char *w);

/* The best resemblance of the words from token k to a full or short name
 * of the catalogue that is not an exact match: same number of words, the
 * words that differ are not words of the catalogue (typos produce
 * non-words) and differ by at most two edits each, three in all.
 * Returns the name, with its end token in *end, or NULL. */
const pl_cn_name *pl_cn_resembles(const pl_cn_names *names, const pl_cn_toks *t, size_t k,
                                  size_t *end);

#endif
