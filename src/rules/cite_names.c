/* rules: words of a text and names of instruments, for the citation
 * reader. Names are compared word by word after folding (case, accents),
 * with commas optional ("Transparencia, Acceso" = "Transparencia Acceso")
 * and immediately repeated words skipped, so that a stutter in the source
 * ("del Sistema Nacional del Sistema Nacional de Transparencia") does not
 * hide a name. */
#include "cite_names.h"

#include "es.h"

#include "../util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Longest repeated run of words treated as a stutter: "del Sistema
 * Nacional" is three; more would start to swallow real repetitions. */
#define STUTTER_MAX 4

/* Most typing errors accepted in a name that resembles a catalogue name:
 * beyond this it is another name, not a misspelling. */
#define TYPO_TOTAL_MAX 3
#define TYPO_WORD_MAX 2

/* Longest word compared by edit distance (the longest word of a law's
 * name, "Constitución", has 12 letters). */
#define EDIT_WORD_MAX 40

/* ---------------------------------------------------------------- */
/* Words                                                             */

static int is_letter_cp(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

static int is_upper_cp(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

static int push_tok(pl_cn_toks *t, pl_cn_tok tk)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        pl_cn_tok *v = realloc(t->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = tk;
    return 0;
}

static int same_run(const pl_cn_toks *t, size_t a, size_t b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const pl_cn_tok *x = &t->v[a + i], *y = &t->v[b + i];
        if (x->fold == NULL || y->fold == NULL || x->skip || y->skip)
            return 0;
        /* only words of letters: "10 10" is not a stutter */
        if (x->fold[0] >= '0' && x->fold[0] <= '9')
            return 0;
        if (strcmp(x->fold, y->fold) != 0)
            return 0;
    }
    return 1;
}

int pl_cn_tokenize(const char *s, size_t n, pl_cn_toks *t)
{
    memset(t, 0, sizeof *t);
    /* Folded words never take more room than the text, plus their NULs. */
    t->buf = malloc(2 * n + 1);
    if (t->buf == NULL)
        return -1;
    size_t bo = 0, i = 0;
    while (i < n) {
        size_t len;
        uint32_t cp = pl_utf8_decode(s + i, n - i, &len);
        if (cp == ' ') {
            i += len;
            continue;
        }
        pl_cn_tok tk;
        memset(&tk, 0, sizeof tk);
        tk.start = i;
        if (is_letter_cp(cp) || (cp >= '0' && cp <= '9')) {
            size_t j = i;
            int upper = 1, letters = 0;
            tk.cap = is_upper_cp(cp);
            while (j < n) {
                size_t l2;
                uint32_t c2 = pl_utf8_decode(s + j, n - j, &l2);
                if (!(is_letter_cp(c2) || (c2 >= '0' && c2 <= '9')))
                    break;
                if (is_letter_cp(c2)) {
                    letters++;
                    upper &= is_upper_cp(c2);
                }
                j += l2;
            }
            tk.end = j;
            tk.upper = letters > 0 && upper;
            size_t k = pl_es_fold(s + i, j - i, t->buf + bo);
            tk.fold = t->buf + bo;
            bo += k + 1;
            i = j;
        } else {
            tk.punct = cp;
            tk.end = i + len;
            i += len;
        }
        if (push_tok(t, tk) != 0)
            return -1;
        /* A stutter: the words just read repeat the ones before them. */
        size_t last = t->n - 1;
        for (size_t r = 1; r <= STUTTER_MAX && r * 2 <= t->n; r++) {
            size_t b = last + 1 - r, a = b - r;
            if (same_run(t, a, b, r)) {
                for (size_t q = b; q <= last; q++)
                    t->v[q].skip = 1;
                break;
            }
        }
    }
    return 0;
}

void pl_cn_toks_free(pl_cn_toks *t)
{
    free(t->v);
    free(t->buf);
    memset(t, 0, sizeof *t);
}

size_t pl_cn_tok_at(const pl_cn_toks *t, size_t off)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->v[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int pl_cn_is(const pl_cn_toks *t, size_t k, const char *const *words)
{
    if (k >= t->n || t->v[k].fold == NULL)
        return 0;
    for (; *words; words++)
        if (strcmp(t->v[k].fold, *words) == 0)
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- */
/* Names                                                             */

static int add_word(const char ***arr, size_t *n, size_t *cap, const char *w)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*arr)[i], w) == 0)
            return 0;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        const char **v = realloc(*arr, c * sizeof *v);
        if (v == NULL)
            return -1;
        *arr = v;
        *cap = c;
    }
    (*arr)[(*n)++] = w;
    return 0;
}

/* The folded words of text (punctuation left out), into the arena. */
static int name_words(pl_arena *arena, const char *text, size_t len, const char ***words, size_t *n)
{
    pl_cn_toks t;
    if (pl_cn_tokenize(text, len, &t) != 0) {
        pl_cn_toks_free(&t);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < t.n; i++)
        k += t.v[i].fold != NULL;
    *n = 0;
    *words = pl_arena_alloc(arena, (k ? k : 1) * sizeof **words);
    if (*words == NULL) {
        pl_cn_toks_free(&t);
        return -1;
    }
    for (size_t i = 0; i < t.n; i++) {
        if (t.v[i].fold == NULL)
            continue;
        const char *w = pl_arena_strdup(arena, t.v[i].fold);
        if (w == NULL) {
            pl_cn_toks_free(&t);
            return -1;
        }
        (*words)[(*n)++] = w;
    }
    pl_cn_toks_free(&t);
    return 0;
}

static pl_cn_name *add_name(pl_cn_names *names, pl_arena *arena, pl_cn_kind kind,
                            const pl_cat_instrumento *ins, const pl_cat_organismo *org,
                            const char *text, size_t len)
{
    if (names->n == names->cap) {
        size_t cap = names->cap ? names->cap * 2 : 64;
        pl_cn_name *v = realloc(names->v, cap * sizeof *v);
        if (v == NULL)
            return NULL;
        names->v = v;
        names->cap = cap;
    }
    pl_cn_name *nm = &names->v[names->n];
    memset(nm, 0, sizeof *nm);
    nm->kind = kind;
    nm->ins = ins;
    nm->org = org;
    nm->text = pl_arena_strndup(arena, text, len);
    if (nm->text == NULL || name_words(arena, text, len, &nm->words, &nm->nwords) != 0)
        return NULL;
    if (nm->nwords == 0)
        return nm; /* nothing to match: left out */
    names->n++;
    if (kind != PL_CN_DEFINED)
        for (size_t i = 0; i < nm->nwords; i++)
            if (add_word(&names->vocab, &names->nvocab, &names->capvocab, nm->words[i]) != 0)
                return NULL;
    if (kind == PL_CN_FULL &&
        add_word(&names->heads, &names->nheads, &names->capheads, nm->words[0]) != 0)
        return NULL;
    return nm;
}

int pl_cn_names_build(pl_cn_names *names, const pl_catalog *cat, pl_arena *arena)
{
    memset(names, 0, sizeof *names);
    if (cat == NULL)
        return 0;
    for (size_t i = 0; i < cat->ninstrumentos; i++) {
        const pl_cat_instrumento *ins = &cat->instrumentos[i];
        if (add_name(names, arena, PL_CN_FULL, ins, NULL, ins->nombre, strlen(ins->nombre)) == NULL)
            return -1;
        for (size_t k = 0; k < ins->nvariantes; k++)
            if (add_name(names, arena, PL_CN_FULL, ins, NULL, ins->variantes[k],
                         strlen(ins->variantes[k])) == NULL)
                return -1;
        for (size_t k = 0; k < ins->ncortos; k++)
            if (add_name(names, arena, PL_CN_SHORT, ins, NULL, ins->cortos[k],
                         strlen(ins->cortos[k])) == NULL)
                return -1;
        for (size_t k = 0; k < ins->nsiglas; k++) {
            pl_cn_name *nm = add_name(names, arena, PL_CN_SIGLAS, ins, NULL, ins->siglas[k],
                                      strlen(ins->siglas[k]));
            if (nm == NULL)
                return -1;
            nm->siglas = 1;
        }
    }
    for (size_t i = 0; i < cat->norganismos; i++) {
        const pl_cat_organismo *o = &cat->organismos[i];
        if (add_name(names, arena, PL_CN_BODY, NULL, o, o->nombre, strlen(o->nombre)) == NULL)
            return -1;
        for (size_t k = 0; k < o->nsiglas; k++) {
            pl_cn_name *nm =
                add_name(names, arena, PL_CN_BODY, NULL, o, o->siglas[k], strlen(o->siglas[k]));
            if (nm == NULL)
                return -1;
            nm->siglas = 1;
        }
    }
    /* Words that join names are not typos of anything. */
    static const char *const glue[] = {"de", "del", "la", "las",  "el",  "los", "y",
                                       "e",  "a",   "en", "para", "con", "por", NULL};
    for (const char *const *g = glue; *g; g++)
        if (add_word(&names->vocab, &names->nvocab, &names->capvocab, *g) != 0)
            return -1;
    return 0;
}

pl_cn_name *pl_cn_names_add_defined(pl_cn_names *names, pl_arena *arena, const char *text,
                                    size_t len, const pl_cat_instrumento *ins)
{
    pl_cn_name *nm = add_name(names, arena, PL_CN_DEFINED, ins, NULL, text, len);
    return nm && nm->nwords ? nm : NULL;
}

void pl_cn_names_free(pl_cn_names *names)
{
    free(names->v);
    free(names->vocab);
    free(names->heads);
    memset(names, 0, sizeof *names);
}

/* Next token from k that matching looks at: repeated words and commas
 * are skipped. */
static size_t next_tok(const pl_cn_toks *t, size_t k)
{
    while (k < t->n && (t->v[k].skip || t->v[k].punct == ','))
        k++;
    return k;
}

size_t pl_cn_match(const pl_cn_toks *t, size_t k, const pl_cn_name *name, size_t *end)
{
    size_t m = 0;
    *end = k;
    k = next_tok(t, k);
    for (; m < name->nwords; m++) {
        if (k >= t->n || t->v[k].fold == NULL)
            break;
        if (name->siglas) {
            /* siglas: exactly as written (LGTAIP, INAI), not a word of the
             * same letters */
            if (t->v[k].end - t->v[k].start != strlen(name->text) || !t->v[k].upper ||
                strcmp(t->v[k].fold, name->words[m]) != 0)
                break;
        } else if (strcmp(t->v[k].fold, name->words[m]) != 0) {
            break;
        }
        *end = k + 1;
        k = next_tok(t, k + 1);
    }
    return m;
}

int pl_cn_continues(const pl_cn_toks *t, size_t e)
{
    static const char *const joins[] = {"de", "del", "para", "en", "sobre", NULL};
    static const char *const articles[] = {"la", "las", "el", "los", NULL};
    size_t k = e;
    while (k < t->n && t->v[k].skip)
        k++;
    if (!pl_cn_is(t, k, joins))
        return 0;
    k++;
    if (pl_cn_is(t, k, articles))
        k++;
    return k < t->n && t->v[k].fold != NULL && t->v[k].cap;
}

int pl_cn_in_vocab(const pl_cn_names *names, const char *w)
{
    for (size_t i = 0; i < names->nvocab; i++)
        if (strcmp(names->vocab[i], w) == 0)
            return 1;
    return 0;
}

int pl_cn_is_head(const pl_cn_names *names, const char *w)
{
    for (size_t i = 0; i < names->nheads; i++)
        if (strcmp(names->heads[i], w) == 0)
            return 1;
    return 0;
}

/* Levenshtein distance of two short folded words, or limit + 1 when it
 * exceeds limit (or a word is too long to compare). */
static int edits(const char *a, const char *b, int limit)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > EDIT_WORD_MAX || m > EDIT_WORD_MAX)
        return limit + 1;
    if ((n > m ? n - m : m - n) > (size_t)limit)
        return limit + 1;
    int prev[EDIT_WORD_MAX + 1], cur[EDIT_WORD_MAX + 1];
    for (size_t j = 0; j <= m; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = (int)i;
        int best = cur[0];
        for (size_t j = 1; j <= m; j++) {
            int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < c)
                c = prev[j] + 1;
            if (cur[j - 1] + 1 < c)
                c = cur[j - 1] + 1;
            cur[j] = c;
            if (c < best)
                best = c;
        }
        if (best > limit)
            return limit + 1;
        memcpy(prev, cur, (m + 1) * sizeof *prev);
    }
    return prev[m];
}

const pl_cn_name *pl_cn_resembles(const pl_cn_names *names, const pl_cn_toks *t, size_t k,
                                  size_t *end)
{
    const pl_cn_name *best = NULL;
    int best_cost = TYPO_TOTAL_MAX + 1;
    for (size_t i = 0; i < names->n; i++) {
        const pl_cn_name *nm = &names->v[i];
        if (nm->kind != PL_CN_FULL && nm->kind != PL_CN_SHORT && nm->kind != PL_CN_SIGLAS)
            continue;
        size_t j = next_tok(t, k), w = 0, e = j;
        int cost = 0;
        for (; w < nm->nwords && cost <= TYPO_TOTAL_MAX; w++) {
            if (j >= t->n || t->v[j].fold == NULL)
                break;
            const char *x = t->v[j].fold;
            if (strcmp(x, nm->words[w]) != 0) {
                /* siglas: one letter off ("LGTAP"); words: a non-word near
                 * a word of the name */
                size_t lx = strlen(x);
                int limit = nm->kind == PL_CN_SIGLAS ? 1 : lx >= 6 ? TYPO_WORD_MAX : 1;
                if (pl_cn_in_vocab(names, x) || lx < (nm->kind == PL_CN_SIGLAS ? 4u : 3u))
                    break;
                if (nm->kind == PL_CN_SIGLAS && !t->v[j].upper)
                    break;
                int d = edits(x, nm->words[w], limit);
                if (d > limit)
                    break;
                cost += d;
            }
            e = j + 1;
            j = next_tok(t, j + 1);
        }
        if (w < nm->nwords || cost == 0 || cost > TYPO_TOTAL_MAX || pl_cn_continues(t, e))
            continue;
        if (cost < best_cost || (cost == best_cost && best && nm->nwords > best->nwords)) {
            best = nm;
            best_cost = cost;
            *end = e;
        }
    }
    return best;
}
