/* rules: finding and parsing legal citations (the first half of the
 * citation reader; cite.c resolves what this finds).
 *
 * A PCRE2 search finds the keywords that start a citation (artículo,
 * fracción, apartado, inciso, párrafo, transitorio); from each, a small
 * recursive-descent parser built on anchored PCRE2 patterns reads the
 * list of articles with their apartados, fracciones, incisos and
 * párrafos ("artículos 31 fracciones I, IX y XIV, y 35", "la fracción V
 * de su artículo 3", "Segundo y Tercero Transitorios"), and the connector
 * to the instrument ("de la", "del propio", "constitucional"). Malformed
 * numerals, article 0 and backward ranges are recorded as CIT-001. */
#include "cite_impl.h"

#include "check.h"
#include "es.h"

#include "../util/roman.h"
#include "../util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Short names for the reader's types in this file. */
typedef pl_cite_ctx ctx;
typedef pl_cite_group group;
typedef pl_cite_item item;
typedef pl_cite_mention mention;

/* ---------------------------------------------------------------- */
/* Patterns                                                          */

#define NB "(?![\\p{L}\\p{N}])" /* no letter or digit follows */

/* The keywords that start a citation. Groups: 1 artículo, 2 fracción
 * (and "Base", the fracciones of art. 41 of the Constitution), 3
 * apartado, 4 inciso, 5 párrafo, 6 transitorio. */
static pl_rx rx_kw = PL_RX("(?<![\\p{L}\\p{N}])(?:(art[íi]culos?|arts?\\.)|"
                           "(fracci[oó]n(?:es)?|fraccs?\\.|fracs?\\.|frs?\\.|bases?)|"
                           "(apartados?)|(incisos?)|(p[áa]rrafos?)|(transitori[oa]s?))" NB,
                           PCRE2_CASELESS);

static pl_rx rx_art_kw = PL_RX("(?:art[íi]culos?|arts?\\.)" NB, PCRE2_CASELESS);
static pl_rx rx_frac_kw =
    PL_RX("(?:fracci[oó]n(?:es)?|fraccs?\\.|fracs?\\.|frs?\\.|bases?)\\s*", PCRE2_CASELESS);
static pl_rx rx_trans_kw = PL_RX("\\s*transitori[oa]s?" NB, PCRE2_CASELESS);
static pl_rx rx_apartado = PL_RX("(?i:apartados?)\\s+([A-Z])" NB, 0);
static pl_rx rx_inciso_kw = PL_RX("incisos?\\s+", PCRE2_CASELESS);
static pl_rx rx_inciso = PL_RX("([a-zñ])\\)?" NB, 0);
static pl_rx rx_inciso_sep = PL_RX("\\s*(?:,\\s*(?:y\\s+)?|\\s(?:y|e)\\s+)", PCRE2_CASELESS);
static pl_rx rx_parrafo_kw = PL_RX("p[áa]rrafos?" NB, PCRE2_CASELESS);
static pl_rx rx_ultimo = PL_RX("(?:[úu]ltimo|primer)" NB, PCRE2_CASELESS);

/* A fracción: a Roman numeral in capitals, with a letter (XXIX-Ñ) or a
 * Bis. Malformed numerals are read too, so that CIT-001 can name them. */
static pl_rx rx_roman = PL_RX("([IVXLCDM]+)(?:-([A-Z]|Ñ))?(?:\\s+((?i:bis|ter)))?" NB, 0);

static pl_rx rx_bis = PL_RX("\\s*-?\\s*(bis|ter|qu[áa]ter|quinquies|sexies)" NB, PCRE2_CASELESS);

/* Between articles of a list: "31, 35", "31; 35", "31 y 35", ", y 35",
 * ", así como 66", "y el artículo 35". */
static pl_rx rx_art_sep =
    PL_RX("(?:\\s*[,;]\\s*(?:(?:y|e)\\s+)?(?:así\\s+como\\s+(?:(?:en\\s+)?(?:el|los)\\s+)?)?|"
          "\\s+(?:y|e)\\s+(?:(?:en\\s+)?(?:el|los)\\s+)?|"
          "\\s*,?\\s*así\\s+como\\s+(?:(?:en\\s+)?(?:el|los)\\s+)?)"
          "(?:(?:art[íi]culos?|arts?\\.)\\s*)?",
          PCRE2_CASELESS);
static pl_rx rx_art_range = PL_RX("\\s+(?:al?|hasta(?:\\s+el)?)\\s+", PCRE2_CASELESS);
static pl_rx rx_del = PL_RX("\\s*del\\s+(?=\\d)", PCRE2_CASELESS);
static pl_rx rx_frac_sep = PL_RX("(?:\\s*,\\s*(?:(?:y|e)\\s+)?|\\s+(?:y|e)\\s+)", PCRE2_CASELESS);
static pl_rx rx_frac_range = PL_RX("\\s+(?:a(?:l|\\s+la)?|hasta(?:\\s+la)?)\\s+", PCRE2_CASELESS);
static pl_rx rx_sub_sep = PL_RX("\\s*,?\\s*", 0);

/* To the instrument: "de la", "del", ", todos de la", "y demás relativos
 * de la". */
static pl_rx rx_ref = PL_RX(
    "\\s*,?\\s*(?:(?:todos|todas|ambos|ambas)\\s+|y\\s+dem[áa]s\\s+(?:relativos|aplicables)"
    "(?:\\s+y\\s+(?:relativos|aplicables))?\\s*,?\\s*)?(?:de\\s+la|del|de\\s+los|de\\s+las|de)"
    "\\s+",
    PCRE2_CASELESS);
/* Words between "de la" and the name. Groups: 1 anaphoric, 2 this
 * document, 3 abrogated, 4 neutral. */
static pl_rx rx_mod =
    PL_RX("(?:(su|sus|dich[oa]s?|citad[oa]s?|mencionad[oa]s?|referid[oa]s?|aludid[oa]s?|"
          "señalad[oa]s?)|(presente|est[ea]s?)|(abrogad[oa]s?|anterior|entonces|extint[oa]s?)|"
          "(propi[oa]s?|nuestr[oa]s?|vigente|actual|nueva|nuevo))\\s+",
          PCRE2_CASELESS);
/* Between the parts of "la fracción V del artículo 3": group 1 is "su" or
 * a demonstrative ("de su artículo 3"). */
static pl_rx rx_lead_conn = PL_RX("\\s*,?\\s*(?:de\\s+la|del|de\\s+los|de\\s+las|de)\\s+"
                                  "(?:(su|dicho|citado|mencionado|referido|aludido|señalado)\\s+)?",
                                  PCRE2_CASELESS);
static pl_rx rx_word = PL_RX("\\s+(\\p{L}+)" NB, 0);

/* After an instrument's name, the articles of the next one, without a
 * new "artículos": "… de la Constitución; 31, fracciones I y XII, y 35 de
 * la Ley General…; y 10 del Reglamento…". */
static pl_rx rx_cont = PL_RX(
    "(?:;\\s*(?:(?:y|e)\\s+)?|,\\s*(?:(?:y|e)\\s+|así\\s+como\\s+(?:(?:en\\s+)?(?:el|los)\\s+)?)|"
    "\\s(?:y|e)\\s+)(?=\\d)",
    PCRE2_CASELESS);

/* How far after the start of a name the articles of the next instrument
 * may come: the longest name of the catalogue has some 230 bytes. */
#define CONT_WINDOW 400

/* ---------------------------------------------------------------- */
/* Small helpers                                                     */

/* Anchored match of rx at i: 1 with *end set, 0 none. */
int pl_cite_at(ctx *c, pl_rx *rx, size_t i, size_t *end)
{
    int rc = pl_rx_search(rx, c->f->text, c->f->len, i, PCRE2_ANCHORED, c->md);
    if (rc == PL_RX_ENOMEM)
        c->oom = 1;
    if (rc != 1)
        return 0;
    *end = pcre2_get_ovector_pointer(c->md)[1];
    return 1;
}

/* Offsets of group g of the last match, or 0 when unset. */
int pl_cite_grp(ctx *c, int g, size_t *s, size_t *e)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    if ((int)pcre2_get_ovector_count(c->md) <= g || ov[2 * g] == PCRE2_UNSET)
        return 0;
    *s = ov[2 * g];
    *e = ov[2 * g + 1];
    return 1;
}

void *pl_cite_grow(void **arr, size_t *n, size_t *cap, size_t sz)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 4;
        void *v = realloc(*arr, c * sz);
        if (v == NULL)
            return NULL;
        *arr = v;
        *cap = c;
    }
    void *slot = (char *)*arr + (*n)++ * sz;
    memset(slot, 0, sz);
    return slot;
}

void pl_cite_note(ctx *c, const char *rule, size_t off, const char *fmt, ...)
{
    if (c->pass == 1 && strcmp(rule, "CIT-005") != 0)
        return; /* the second pass reports everything else */
    pl_cite_issue *is =
        pl_cite_grow((void **)&c->out->issues, &c->out->nissues, &c->out->capissues, sizeof *is);
    if (is == NULL) {
        c->oom = 1;
        return;
    }
    is->rule = rule;
    pl_cite_place(c, PL_PLACE_ISSUE, c->out->nissues - 1, off);
    pl_buf b = PL_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    int rc = pl_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    is->message = rc == 0 ? pl_arena_strdup(c->out->arena, b.data) : NULL;
    pl_buf_free(&b);
    if (is->message == NULL) {
        c->out->nissues--;
        c->oom = 1;
    }
}

void pl_cite_place(ctx *c, pl_cite_what what, size_t index, size_t off)
{
    pl_cite_pending *p = pl_cite_grow((void **)&c->pend, &c->npend, &c->cappend, sizeof *p);
    if (p == NULL) {
        c->oom = 1;
        return;
    }
    p->off = off;
    p->what = what;
    p->index = index;
}


/* Whether the word at s[i..e) can start an ordinal: pl_es_ordinal_value
 * tries every spelling of every ordinal, too slow to ask of every word
 * after a comma. */
static int ordinal_stem(const char *s, size_t i, size_t e)
{
    static const char *const stems[] = {
        "primer",    "segund",      "tercer",       "cuart",     "quint",       "sext",
        "septim",    "setim",       "octav",        "noven",     "decim",       "vigesim",
        "trigesim",  "cuadragesim", "quincuagesim", "sexagesim", "septuagesim", "octogesim",
        "nonagesim", "undecim",     "duodecim",     "unic",      NULL};
    char w[32];
    size_t n = e - i < 24 ? e - i : 24;
    pl_es_fold(s + i, n, w);
    for (const char *const *st = stems; *st; st++)
        if (strncmp(w, *st, strlen(*st)) == 0)
            return 1;
    return 0;
}

/* An ordinal of one or two words at i ("Segundo", "Décimo Sexto",
 * "vigesimoprimero", "Único"), any case. Returns its value and sets *end,
 * or 0. */
static int read_ordinal(const char *s, size_t n, size_t i, size_t *end)
{
    size_t w1 = pl_es_word_end(s, n, i);
    if (w1 == i || !ordinal_stem(s, i, w1))
        return 0;
    return pl_es_read_ordinal(s, n, i, end);
}

/* An ordinal of one or two words ending at end (before a space and the
 * keyword). Returns its value and sets *start, or 0. */
static int ordinal_before(const char *s, size_t end, size_t *start)
{
    size_t e = end;
    while (e > 0 && s[e - 1] == ' ')
        e--;
    if (e == end)
        return 0; /* not separated from the keyword */
    size_t w2 = e;
    while (w2 > 0 && s[w2 - 1] != ' ' && s[w2 - 1] != ',' && s[w2 - 1] != '(')
        w2--;
    if (w2 == e)
        return 0;
    size_t w1 = w2;
    while (w1 > 0 && s[w1 - 1] == ' ')
        w1--;
    size_t b = w1;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != ',' && s[b - 1] != '(')
        b--;
    int v;
    if (!ordinal_stem(s, b, w1 > b ? w1 : e) && !ordinal_stem(s, w2, e))
        return 0;
    if (b < w1 && (v = pl_es_ordinal_value(s + b, e - b, 0)) != 0) {
        *start = b;
        return v;
    }
    if ((v = pl_es_ordinal_value(s + w2, e - w2, 0)) != 0) {
        *start = w2;
        return v;
    }
    return 0;
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* ---------------------------------------------------------------- */
/* Parsing: numbers, fracciones, parts                               */

/* An article number at i: digits, an ordinal sign (6o., 6º, 6 º, 6°), a
 * Bis. Returns 1 and fills it, or 0. */
static int read_number(ctx *c, size_t i, int *value, int *bis, pl_cite_sign *sign, size_t *end)
{
    const char *s = c->f->text;
    size_t n = c->f->len, j = i;
    int v = 0;
    while (j < n && is_digit(s[j]) && j - i < 5)
        v = v * 10 + (s[j++] - '0');
    if (j == i || (j < n && is_digit(s[j])))
        return 0;
    /* not a date, a code or a decimal: 2017-2020, 05/10, 1.5 */
    if (j < n && (s[j] == '/' || ((s[j] == '-' || s[j] == '.') && j + 1 < n && is_digit(s[j + 1]))))
        return 0;
    *sign = PL_SIGN_NONE;
    size_t k = j, sp = j < n && s[j] == ' ' ? j + 1 : j;
    if (sp + 1 < n && (unsigned char)s[sp] == 0xC2 && (unsigned char)s[sp + 1] == 0xBA) {
        *sign = PL_SIGN_ORD;
        k = sp + 2;
    } else if (sp + 1 < n && (unsigned char)s[sp] == 0xC2 && (unsigned char)s[sp + 1] == 0xB0) {
        *sign = PL_SIGN_DEGREE;
        k = sp + 2;
    } else if (j < n && s[j] == 'o') {
        size_t len;
        if (!(j + 1 < n && pl_es_is_letter_at(s, n, j + 1, &len))) {
            *sign = PL_SIGN_O;
            k = j + 1;
        }
    }
    if (*sign != PL_SIGN_NONE && k < n && s[k] == '.')
        k++;
    if (*sign == PL_SIGN_NONE) {
        size_t len;
        if (j < n && pl_es_is_letter_at(s, n, j, &len))
            return 0; /* "31A", "2do" */
    }
    *bis = 0;
    size_t e;
    if (pl_cite_at(c, &rx_bis, k, &e)) {
        size_t bs = 0, be = 0;
        pl_cite_grp(c, 1, &bs, &be);
        static const char *const names[] = {"bis", "ter", "quater", "quinquies", "sexies"};
        char w[16];
        size_t fl = pl_es_fold(s + bs, be - bs < 12 ? be - bs : 12, w);
        for (int b = 0; b < 5; b++)
            if (strlen(names[b]) == fl && memcmp(w, names[b], fl) == 0)
                *bis = b + 2;
        k = e;
    }
    *value = v;
    *end = k;
    return 1;
}

/* A list of fracciones at i into it. Returns 1 when at least one numeral
 * (valid or not) was read. */
static int read_fracs(ctx *c, size_t i, item *it, size_t item_start, size_t *end)
{
    const char *s = c->f->text;
    size_t e, read = 0;
    for (;;) {
        if (!pl_cite_at(c, &rx_roman, i, &e))
            break;
        size_t ns = 0, ne = 0, ls = 0, le = 0, bs = 0, be = 0;
        pl_cite_grp(c, 1, &ns, &ne);
        int has_letter = pl_cite_grp(c, 2, &ls, &le), has_bis = pl_cite_grp(c, 3, &bs, &be);
        pl_cite_frac fr;
        memset(&fr, 0, sizeof fr);
        fr.f.num = pl_roman_value(s + ns, ne - ns);
        if (has_letter) {
            if (le - ls == 1)
                fr.f.letter = s[ls] <= 'N' ? s[ls] - 'A' + 1 : s[ls] - 'A' + 2;
            else
                fr.f.letter = 15; /* Ñ */
        }
        if (has_bis)
            fr.f.bis = (s[bs] == 'b' || s[bs] == 'B') ? 2 : 3;
        read++;
        i = e;
        if (fr.f.num == 0) {
            pl_cite_note(c, "CIT-001", item_start, "«%.*s» no es un número romano válido",
                         (int)(ne - ns), s + ns);
            it->bad = 1;
        }
        /* a range: "I a V" */
        size_t r;
        if (pl_cite_at(c, &rx_frac_range, i, &r) && pl_cite_at(c, &rx_roman, r, &e)) {
            size_t ts = 0, te = 0;
            pl_cite_grp(c, 1, &ts, &te);
            int to = pl_roman_value(s + ts, te - ts);
            if (to == 0) {
                pl_cite_note(c, "CIT-001", item_start, "«%.*s» no es un número romano válido",
                             (int)(te - ts), s + ts);
                it->bad = 1;
            } else if (fr.f.num && to < fr.f.num) {
                pl_cite_note(c, "CIT-001", item_start,
                             "el intervalo de fracciones «%.*s» va hacia atrás", (int)(e - ns),
                             s + ns);
                it->bad = 1;
            }
            fr.to = to;
            i = e;
        }
        if (fr.f.num)
            pl_cite_add_frac(c, it, &fr);
        /* another one: ", IX", " y XIV" */
        size_t sep;
        if (!pl_cite_at(c, &rx_frac_sep, i, &sep) || !pl_cite_at(c, &rx_roman, sep, &e))
            break;
        i = sep;
    }
    *end = i;
    return read > 0;
}

int pl_cite_add_frac(ctx *c, item *it, const pl_cite_frac *fr)
{
    if (it->nfracs >= PL_CITE_LIST_MAX)
        return 0;
    if (it->nfracs == it->capfracs) {
        /* the arena cannot grow a block: a new one, twice as big (the old
         * one is lost until the arena goes, at most as much again) */
        size_t cap = it->capfracs ? it->capfracs * 2 : 4;
        pl_cite_frac *v = pl_arena_alloc(c->out->arena, cap * sizeof *v);
        if (v == NULL) {
            c->oom = 1;
            return -1;
        }
        if (it->nfracs)
            memcpy(v, it->fracs, it->nfracs * sizeof *v);
        it->fracs = v;
        it->capfracs = cap;
    }
    it->fracs[it->nfracs++] = *fr;
    return 0;
}

/* Incisos at i ("a)", "a) y b)") into it. */
static int read_incisos(ctx *c, size_t i, item *it, size_t *end)
{
    const char *s = c->f->text;
    size_t e, k = strlen(it->incisos);
    int read = 0;
    while (pl_cite_at(c, &rx_inciso, i, &e)) {
        size_t ls = 0, le = 0;
        pl_cite_grp(c, 1, &ls, &le);
        if (k + (le - ls) + 3 < sizeof it->incisos) {
            if (k)
                it->incisos[k++] = ',', it->incisos[k++] = ' ';
            memcpy(it->incisos + k, s + ls, le - ls);
            k += le - ls;
            it->incisos[k] = '\0';
        }
        read = 1;
        i = e;
        size_t sep;
        if (!pl_cite_at(c, &rx_inciso_sep, i, &sep) || !pl_cite_at(c, &rx_inciso, sep, &e))
            break;
        i = sep;
    }
    *end = i;
    return read;
}

/* "párrafo segundo", "último párrafo", "segundo párrafo" at i. */
static int read_parrafo(ctx *c, size_t i, item *it, size_t *end)
{
    const char *s = c->f->text;
    size_t n = c->f->len, e, k;
    if (pl_cite_at(c, &rx_parrafo_kw, i, &e)) {
        k = e;
        while (k < n && s[k] == ' ')
            k++;
        int v = read_ordinal(s, n, k, &e);
        if (v && v != PL_ES_UNICO) {
            it->parrafo = v;
            *end = e;
            return 1;
        }
        if (pl_cite_at(c, &rx_ultimo, k, &e)) {
            it->parrafo = (s[k] == 'p' || s[k] == 'P') ? 1 : -1;
            *end = e;
            return 1;
        }
        return 0;
    }
    int v = 0;
    if (pl_cite_at(c, &rx_ultimo, i, &e))
        v = (s[i] == 'p' || s[i] == 'P') ? 1 : -1;
    else
        v = read_ordinal(s, n, i, &e);
    if (v == 0 || v == PL_ES_UNICO)
        return 0;
    k = e;
    while (k < n && s[k] == ' ')
        k++;
    if (k == e || !pl_cite_at(c, &rx_parrafo_kw, k, &e))
        return 0;
    it->parrafo = v;
    *end = e;
    return 1;
}

/* The parts after an article number: apartado, fracciones (with their
 * keyword, or bare right after the number: "26 I, IV"), incisos,
 * párrafo. Returns the end. */
static size_t read_parts(ctx *c, size_t i, item *it, int bare_ok)
{
    const char *s = c->f->text;
    for (int first = 1;; first = 0) {
        size_t j, e;
        pl_cite_at(c, &rx_sub_sep, i, &j);
        if (pl_cite_at(c, &rx_apartado, j, &e)) {
            size_t ls = 0, le = 0;
            pl_cite_grp(c, 1, &ls, &le);
            it->apartado = s[ls];
            i = e;
            continue;
        }
        if (pl_cite_at(c, &rx_frac_kw, j, &e) && read_fracs(c, e, it, it->start, &e)) {
            i = e;
            continue;
        }
        /* bare: one space after the number, then numerals ("26 I, IV") —
         * not a lone C, D, L or M, which no real list starts with */
        if (first && bare_ok && j == i + 1 && s[i] == ' ' && pl_cite_at(c, &rx_roman, j, &e)) {
            size_t ns = 0, ne = 0;
            pl_cite_grp(c, 1, &ns, &ne);
            if (!(ne - ns == 1 && strchr("CDLM", s[ns]) != NULL) &&
                read_fracs(c, j, it, it->start, &e)) {
                i = e;
                continue;
            }
        }
        if (pl_cite_at(c, &rx_inciso_kw, j, &e) && read_incisos(c, e, it, &e)) {
            i = e;
            continue;
        }
        if (read_parrafo(c, j, it, &e)) {
            i = e;
            continue;
        }
        return i;
    }
}

/* ---------------------------------------------------------------- */
/* Parsing: lists of articles, leads, transitorios                  */

static item *new_item(ctx *c, group *g, size_t start)
{
    if (g->n >= PL_CITE_LIST_MAX)
        return NULL;
    item *it = pl_cite_grow((void **)&g->items, &g->n, &g->cap, sizeof *it);
    if (it == NULL) {
        c->oom = 1;
        return NULL;
    }
    it->start = start;
    return it;
}

/* One article at i: a number (with its range and parts) or an ordinal in
 * words ("primero transitorio", "Segundo"). */
static int read_item(ctx *c, group *g, size_t i, size_t start, size_t *end)
{
    const char *s = c->f->text;
    size_t n = c->f->len, e;
    int v, bis;
    pl_cite_sign sign;
    if (read_number(c, i, &v, &bis, &sign, &e)) {
        item *it = new_item(c, g, start);
        if (it == NULL)
            return 0;
        it->article = v;
        it->bis = bis;
        it->sign = sign;
        if (v == 0) {
            pl_cite_note(c, "CIT-001", start,
                         "no hay artículo 0: los artículos se numeran desde el 1");
            it->bad = 1;
        }
        size_t r, e2;
        int to, bis2;
        pl_cite_sign sign2;
        if (pl_cite_at(c, &rx_art_range, e, &r) && read_number(c, r, &to, &bis2, &sign2, &e2)) {
            it->article_to = to;
            if (to < v && v > 0) {
                pl_cite_note(c, "CIT-001", start, "el intervalo de artículos «%.*s» va hacia atrás",
                             (int)(e2 - i), s + i);
                it->bad = 1;
            }
            e = e2;
        }
        size_t t;
        if (pl_cite_at(c, &rx_trans_kw, e, &t)) {
            it->transitorio = 1;
            e = t;
        }
        *end = read_parts(c, e, it, 1);
        return 1;
    }
    v = read_ordinal(s, n, i, &e);
    if (v == 0)
        return 0;
    item *it = new_item(c, g, start);
    if (it == NULL)
        return 0;
    it->article = v == PL_ES_UNICO ? 1 : v;
    it->ordinal = v == PL_ES_UNICO ? 2 : 1;
    size_t t;
    if (pl_cite_at(c, &rx_trans_kw, e, &t)) {
        /* "artículos Segundo y Tercero Transitorios": all of them */
        for (size_t k = 0; k < g->n; k++)
            g->items[k].transitorio = 1;
        e = t;
    }
    *end = read_parts(c, e, it, 0);
    return 1;
}

/* The list after "artículo(s)": items separated by commas, "y", ranges. */
static int read_list(ctx *c, group *g, size_t i, size_t first_start, size_t *end)
{
    size_t e, t;
    int all_trans = 0;
    if (pl_cite_at(c, &rx_trans_kw, i, &t)) { /* "artículos transitorios Primero y Segundo" */
        all_trans = 1;
        i = t;
    }
    if (pl_cite_at(c, &rx_del, i, &t)) /* "artículos del 31 al 47" */
        i = t;
    while (i < c->f->len && c->f->text[i] == ' ')
        i++;
    size_t start = first_start;
    for (;;) {
        if (!read_item(c, g, i, start, &e))
            break;
        i = e;
        size_t sep, e2;
        if (!pl_cite_at(c, &rx_art_sep, i, &sep))
            break;
        /* the separator counts only if an article follows */
        int v, bis;
        pl_cite_sign sign;
        size_t dummy;
        if (!read_number(c, sep, &v, &bis, &sign, &e2) &&
            read_ordinal(c->f->text, c->f->len, sep, &dummy) == 0)
            break;
        i = sep;
        start = sep;
    }
    if (g->n == 0)
        return 0;
    if (all_trans)
        for (size_t k = 0; k < g->n; k++)
            g->items[k].transitorio = 1;
    /* an ordinal in words is an article only as a transitorio or right
     * after "artículo" ("artículo Segundo del Decreto") */
    *end = i;
    return 1;
}

/* After the list: the instrument ("de la …", "constitucional"). */
static void read_ref(ctx *c, group *g, size_t i)
{
    const char *s = c->f->text;
    size_t e;
    g->end = i;
    if (c->cat != NULL && pl_cite_at(c, &rx_word, i, &e)) {
        size_t ws = 0, we = 0;
        pl_cite_grp(c, 1, &ws, &we);
        char w[64];
        if (we - ws < sizeof w) {
            size_t k = pl_es_fold(s + ws, we - ws, w);
            for (size_t a = 0; a < c->cat->ninstrumentos && !g->adj; a++) {
                const pl_cat_instrumento *ins = &c->cat->instrumentos[a];
                for (size_t j = 0; j < ins->nadjetivos; j++) {
                    char adj[64];
                    size_t al = strlen(ins->adjetivos[j]);
                    if (al >= sizeof adj)
                        continue;
                    al = pl_es_fold(ins->adjetivos[j], al, adj);
                    if ((k == al && memcmp(w, adj, al) == 0) ||
                        (k == al + 2 && memcmp(w, adj, al) == 0 && memcmp(w + al, "es", 2) == 0)) {
                        g->adj = ins;
                        g->adj_end = we;
                        g->end = we;
                    }
                }
            }
        }
        if (g->adj)
            return;
    }
    if (!pl_cite_at(c, &rx_ref, i, &e))
        return;
    for (int guard = 0; guard < 4; guard++) {
        size_t m;
        if (!pl_cite_at(c, &rx_mod, e, &m))
            break;
        size_t a = 0, b = 0;
        if (pl_cite_grp(c, 1, &a, &b))
            g->anaphoric = 1;
        else if (pl_cite_grp(c, 2, &a, &b))
            g->self = 1;
        else if (pl_cite_grp(c, 3, &a, &b))
            g->abrog = 1;
        e = m;
    }
    g->has_ref = 1;
    g->ref_off = e;
}

/* A citation starting with "artículo(s)" at kw (keyword end ke). */
static int parse_articles(ctx *c, group *g, size_t kw, size_t ke)
{
    size_t e;
    g->start = kw;
    if (!read_list(c, g, ke, kw, &e))
        return 0;
    read_ref(c, g, e);
    return 1;
}

/* A citation starting with a part: "la fracción V de su artículo 3",
 * "apartado A del artículo 6o.", "segundo párrafo del artículo 6". */
static int parse_lead(ctx *c, group *g, size_t start)
{
    size_t i = start, e;
    g->lead.start = start;
    for (int guard = 0; guard < 8; guard++) {
        size_t before = i;
        if (pl_cite_at(c, &rx_apartado, i, &e)) {
            size_t ls = 0, le = 0;
            pl_cite_grp(c, 1, &ls, &le);
            g->lead.apartado = c->f->text[ls];
            i = e;
        } else if (pl_cite_at(c, &rx_frac_kw, i, &e) && read_fracs(c, e, &g->lead, start, &e)) {
            i = e;
        } else if (pl_cite_at(c, &rx_inciso_kw, i, &e) && read_incisos(c, e, &g->lead, &e)) {
            i = e;
        } else if (read_parrafo(c, i, &g->lead, &e)) {
            i = e;
        }
        if (i == before)
            return 0;
        size_t k;
        if (!pl_cite_at(c, &rx_lead_conn, i, &k))
            return 0;
        size_t ss = 0, se = 0;
        int su = pl_cite_grp(c, 1, &ss, &se);
        if (pl_cite_at(c, &rx_art_kw, k, &e)) {
            g->has_lead = 1;
            g->start = start;
            g->su_articulo = su;
            while (e < c->f->len && c->f->text[e] == ' ')
                e++;
            if (!read_list(c, g, e, start, &e))
                return 0;
            read_ref(c, g, e);
            return 1;
        }
        i = k;
    }
    return 0;
}

/* "Segundo Transitorio", "Primero y Segundo Transitorios" (ordinals
 * before the keyword at kw) or "transitorio Tercero" (after ke). */
static int parse_transitorio(ctx *c, group *g, size_t kw, size_t ke)
{
    const char *s = c->f->text;
    size_t n = c->f->len, start, e;
    int vals[PL_CITE_LIST_MAX], nv = 0;
    size_t starts[PL_CITE_LIST_MAX];
    size_t end = kw;
    int v = ordinal_before(s, end, &start);
    while (v && nv < PL_CITE_LIST_MAX) {
        vals[nv] = v;
        starts[nv++] = start;
        /* ", " or " y " before it, and another ordinal */
        size_t p = start;
        while (p > 0 && s[p - 1] == ' ')
            p--;
        if (p >= 1 && s[p - 1] == ',')
            p--;
        else if (p >= 2 && (s[p - 1] == 'y' || s[p - 1] == 'e') && s[p - 2] == ' ')
            p -= 1;
        else
            break;
        if (p == start)
            break;
        v = ordinal_before(s, p, &start);
    }
    if (nv > 0) {
        g->start = starts[nv - 1];
        for (int k = nv - 1; k >= 0; k--) {
            item *it = new_item(c, g, starts[k]);
            if (it == NULL)
                return 0;
            it->article = vals[k] == PL_ES_UNICO ? 1 : vals[k];
            it->ordinal = vals[k] == PL_ES_UNICO ? 2 : 1;
            it->transitorio = 1;
        }
        e = read_parts(c, ke, &g->items[g->n - 1], 0);
        read_ref(c, g, e);
        return 1;
    }
    /* "transitorio Tercero" */
    size_t i = ke;
    while (i < n && s[i] == ' ')
        i++;
    if (i == ke)
        return 0;
    g->start = kw;
    size_t first = kw;
    for (;;) {
        v = read_ordinal(s, n, i, &e);
        if (v == 0)
            break;
        item *it = new_item(c, g, first);
        if (it == NULL)
            return 0;
        it->article = v == PL_ES_UNICO ? 1 : v;
        it->ordinal = v == PL_ES_UNICO ? 2 : 1;
        it->transitorio = 1;
        e = read_parts(c, e, it, 0);
        i = e;
        size_t sep, d;
        if (!pl_cite_at(c, &rx_art_sep, i, &sep) || read_ordinal(s, n, sep, &d) == 0)
            break;
        i = sep;
        first = sep;
    }
    if (g->n == 0)
        return 0;
    read_ref(c, g, i);
    return 1;
}

/* Finds and parses every citation of the current block into groups. */
/* Whether an uppercase letter (of Latin-1) starts s[i..]. */
static int capital_at(const char *s, size_t n, size_t i)
{
    unsigned char ch = i < n ? (unsigned char)s[i] : 0;
    if (ch >= 'A' && ch <= 'Z')
        return 1;
    return ch == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
           (unsigned char)s[i + 1] <= 0x9E;
}

/* The articles of another instrument right after the name that prev
 * cites, into next: a list that names its own instrument ("; 31 y 35 de
 * la Ley General"), before the sentence ends. */
static int continuation(ctx *c, const group *prev, group *next)
{
    const char *s = c->f->text;
    size_t n = c->f->len, limit = prev->ref_off + CONT_WINDOW;
    if (limit > n)
        limit = n;
    while (limit > prev->ref_off && limit < n && ((unsigned char)s[limit] & 0xC0) == 0x80)
        limit--; /* a subject cut inside a character is not UTF-8 */
    /* not past the next keyword: what follows it is another citation */
    int rc = pl_rx_search(&rx_kw, s, limit, prev->ref_off, 0, c->md);
    if (rc == PL_RX_ENOMEM)
        c->oom = 1;
    if (rc == 1)
        limit = pcre2_get_ovector_pointer(c->md)[0];
    rc = pl_rx_search(&rx_cont, s, limit, prev->ref_off, 0, c->md);
    if (rc == PL_RX_ENOMEM)
        c->oom = 1;
    if (rc != 1)
        return 0;
    size_t at = pcre2_get_ovector_pointer(c->md)[1];
    for (size_t p = prev->ref_off; p + 1 < at; p++)
        if (s[p] == '.' && s[p + 1] == ' ' && capital_at(s, n, p + 2))
            return 0; /* another sentence */
    size_t issues_before = c->out->nissues, pend_before = c->npend, e;
    memset(next, 0, sizeof *next);
    next->start = at;
    if (read_list(c, next, at, at, &e)) {
        read_ref(c, next, e);
        if (next->has_ref && (next->anaphoric || capital_at(s, n, next->ref_off)))
            return 1;
    }
    free(next->items);
    next->items = NULL;
    c->out->nissues = issues_before;
    c->npend = pend_before;
    return 0;
}

int pl_cite_find_groups(ctx *c, group **out, size_t *nout)
{
    size_t n = 0, cap = 0, from = 0;
    group *gs = NULL;
    const char *s = c->f->text;
    while (from < c->f->len && !c->oom) {
        int rc = pl_rx_search(&rx_kw, s, c->f->len, from, 0, c->md);
        if (rc == PL_RX_ENOMEM)
            c->oom = 1;
        if (rc != 1)
            break;
        size_t ms = pcre2_get_ovector_pointer(c->md)[0];
        size_t me = pcre2_get_ovector_pointer(c->md)[1];
        size_t a = 0, b = 0;
        int kind = 0;
        for (int k = 1; k <= 6 && !kind; k++)
            if (pl_cite_grp(c, k, &a, &b))
                kind = k;
        group g;
        memset(&g, 0, sizeof g);
        int ok = 0;
        /* what a failed attempt found is not a citation's problem */
        size_t issues_before = c->out->nissues, pend_before = c->npend;
        size_t ostart;
        if (kind == 1) {
            ok = parse_articles(c, &g, ms, me);
            /* "Articulo" without its accent (not the abbreviation) */
            if (ok && me - ms >= 8 && memchr(s + ms, '\xC3', me - ms) == NULL)
                g.kw_unaccented = ms + 1;
        } else if (kind == 6) {
            ok = parse_transitorio(c, &g, ms, me);
        } else if (kind == 5 && ordinal_before(s, ms, &ostart)) {
            ok = parse_lead(c, &g, ostart);
        } else if (kind >= 2 && kind <= 5) {
            ok = parse_lead(c, &g, ms);
        }
        /* a lead may start before an earlier, failed keyword; never
         * inside the previous citation */
        if (ok && n > 0 && g.start < gs[n - 1].end)
            ok = 0;
        if (!ok) {
            free(g.items);
            c->out->nissues = issues_before;
            c->npend = pend_before;
            from = me;
            continue;
        }
        group *slot = pl_cite_grow((void **)&gs, &n, &cap, sizeof *slot);
        if (slot == NULL) {
            free(g.items);
            c->oom = 1;
            break;
        }
        *slot = g;
        from = g.has_ref ? g.ref_off : g.end;
        if (from <= ms)
            from = me;
        /* the next instrument's articles, if the text goes on with them */
        while (gs[n - 1].has_ref && !c->oom) {
            group next;
            if (!continuation(c, &gs[n - 1], &next))
                break;
            slot = pl_cite_grow((void **)&gs, &n, &cap, sizeof *slot);
            if (slot == NULL) {
                free(next.items);
                c->oom = 1;
                break;
            }
            *slot = next;
            from = next.ref_off;
        }
    }
    *out = gs;
    *nout = n;
    return c->oom ? -1 : 0;
}
