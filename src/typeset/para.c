/* typeset: paragraphs. Runs become items (boxes, glue, penalties), with
 * hyphenation points from libhyphen and break points inside long URLs;
 * lines are chosen by total fit (Knuth–Plass) for justified text and by
 * first fit for ragged text. When no set of breaks fits within tolerance,
 * first fit is used: it never loses text (an unbreakable piece wider than
 * the line is set overfull). */
#include "ts_impl.h"

#include "../util/utf8.h"

#include <hyphen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kerning: widths come from the metrics callbacks, kerned within the
 * string measured. A word split into boxes at hyphenation or URL break
 * points loses the kerning across each split, so the box before a split
 * carries it (cross) and the penalty at the split takes it back when the
 * line breaks there, and adds the kerning of the hyphen it sets (hx).
 * Unbroken fragments of a word are drawn as one text, whose kerned width
 * is then the sum of their boxes (kerning is between adjacent pairs). */

/* Knuth–Plass parameters (TeX's defaults, in TeX's units). */
#define LINE_PENALTY 10
#define HYPHEN_PENALTY 50
#define URL_PENALTY_SLASH 50 /* breaking a URL after '/' reads best */
#define URL_PENALTY 150       /* after '.', '-', '?', '&', '=' */
#define FLAGGED_DEMERITS 3000
#define FITNESS_DEMERITS 100
#define TOLERANCE_1 2.0
/* Penalty of hyphenating a paragraph's last word: squared in the
 * demerits, it outweighs any line within tolerance. */
#define FINAL_HYPHEN_PENALTY 5000
/* Hyphenated lines allowed in a row (the third is never chosen). */
#define MAX_HYPHEN_RUN 2
#define TOLERANCE_2 6.0

/* Words shorter than this (in characters) are never hyphenated. */
#define MIN_HYPHEN_WORD 5
/* Pieces shorter than this (characters) are not left on either side. */
#define MIN_HYPHEN_LEFT 2
#define MIN_HYPHEN_RIGHT 3
/* Only tokens at least this long get break points after '/' and '.'. */
#define MIN_URL_BREAK 24
/* Longest word handed to libhyphen (bytes); longer ones are not split. */
#define MAX_HYPHEN_WORD 200

typedef enum { I_BOX, I_GLUE, I_PEN } ikind;

typedef struct item {
    ikind k;
    double w, y, z; /* width, stretch, shrink */
    int penalty, flagged;
    int run;        /* BOX, PEN (hyphen font): index into runs */
    size_t off, len; /* BOX: text slice of the run */
    int trailing_space; /* BOX followed by a space in the source */
    int repeat;  /* PEN at a compound's hyphen: the next line repeats it (RAE) */
    double post; /* PEN with repeat: width added to the start of the next line */
    double cross; /* PEN inside a word: kerning across it, in the box before */
    double hx;    /* PEN that adds a hyphen: kerning between the word and it */
    int keep;    /* GLUE that must not break (artículo 31, 5 de octubre) */
} item;

typedef struct items {
    item *v;
    size_t n, cap;
} items;

static int push(items *it, item x)
{
    if (it->n == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 64;
        item *v = realloc(it->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        it->v = v;
        it->cap = cap;
    }
    it->v[it->n++] = x;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Glyph coverage                                                      */

static void check_glyphs(pl_ts *ts, const pl_run *r)
{
    size_t i = 0;
    while (i < r->len) {
        size_t l;
        uint32_t cp = pl_utf8_decode(r->text + i, r->len - i, &l);
        if (cp >= 0x20 && cp != 0xA0 && cp != 0x200B &&
            pl_ts_glyph_missing_once(ts, r->font, cp)) {
            int line = 0, col = 0;
            if (r->src && ts->cfg.doc)
                pl_text_pos(ts->cfg.doc, r->src, r->src_off + i, &line, &col);
            char ch[5] = {0};
            pl_utf8_encode(cp, ch);
            if (ts->cfg.diags)
                pl_diags_add(ts->cfg.diags, ts->cfg.doc ? ts->cfg.doc->path : NULL,
                             line, col, PL_SEV_ERROR, "FONT-001", NULL,
                             "el carácter «%s» (U+%04X) no existe en la fuente del "
                             "diseño; use otro carácter o cambie la fuente",
                             ch, (unsigned)cp);
        }
        i += l;
    }
}

/* ------------------------------------------------------------------ */
/* Tokenising                                                          */

static double wid(pl_ts *ts, const pl_run *r, size_t off, size_t len)
{
    return ts->cfg.metrics.width(ts->cfg.metrics.ctx, r->font, r->text + off, len, r->size);
}

static int is_letter_byte_start(const char *s, size_t n, size_t i, uint32_t *cp, size_t *l)
{
    *cp = pl_utf8_decode(s + i, n - i, l);
    uint32_t c = *cp;
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* Tokens with digits, slashes or @ are identifiers (agreement numbers,
 * dates, ordinals like 6º, addresses): never hyphenated. */
static int is_identifier(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= '0' && s[i] <= '9') || s[i] == '/' || s[i] == '@' || s[i] == '_')
            return 1;
    return 0;
}

/* Kerning between the last character of a (alen bytes) and the first
 * of b (blen bytes), both in run r's face. */
static double pair_kern(pl_ts *ts, const pl_run *r, const char *a, size_t alen, const char *b,
                        size_t blen)
{
    if (alen == 0 || blen == 0)
        return 0;
    size_t last = alen - 1;
    while (last > 0 && ((unsigned char)a[last] & 0xC0) == 0x80)
        last--;
    size_t la = alen - last, lb;
    pl_utf8_decode(b, blen, &lb);
    char pair[8];
    memcpy(pair, a + last, la);
    memcpy(pair + la, b, lb);
    const pl_metrics *m = &ts->cfg.metrics;
    return m->width(m->ctx, r->font, pair, la + lb, r->size) -
           m->width(m->ctx, r->font, a + last, la, r->size) -
           m->width(m->ctx, r->font, b, lb, r->size);
}

/* Adds box(es) for run r's text [off, off+len): splits at hyphenation
 * points and URL break points. */
static int add_word(pl_ts *ts, const pl_run *runs, int ri, size_t off, size_t len,
                    int hyphenate, items *it)
{
    const pl_run *r = &runs[ri];
    const char *s = r->text + off;
    /* candidate breaks: positions (byte offsets in s) with a penalty */
    size_t cuts[64];
    int flags[64], pens[64];
    size_t ncut = 0;
    int is_url = r->uri != NULL || (len >= 4 && (memcmp(s, "http", 4) == 0 || memcmp(s, "www.", 4) == 0));

    if (is_url && len >= MIN_URL_BREAK) {
        for (size_t i = 1; i + 1 < len && ncut < 64; i++) {
            if ((s[i] == '/' || s[i] == '.' || s[i] == '-' || s[i] == '_' || s[i] == '?' ||
                 s[i] == '&' || s[i] == '=') &&
                s[i + 1] != '/' && i >= 8) {
                cuts[ncut] = i + 1;
                flags[ncut] = 0;
                pens[ncut] = s[i] == '/' ? URL_PENALTY_SLASH : URL_PENALTY;
                ncut++;
            }
        }
    } else if (len <= MAX_HYPHEN_WORD && !r->nobreak && !is_identifier(s, len)) {
        /* hyphenate each maximal letter sequence; a compound may also
         * break at its own hyphen */
        size_t i = 0;
        while (i < len) {
            uint32_t cp;
            size_t l;
            if (!is_letter_byte_start(s, len, i, &cp, &l)) {
                if (s[i] == '-' && i > 0 && i + 1 < len && ncut < 64) {
                    uint32_t c2;
                    size_t l2, l3;
                    size_t pv = i - 1;
                    while (pv > 0 && ((unsigned char)s[pv] & 0xC0) == 0x80)
                        pv--;
                    if (is_letter_byte_start(s, len, pv, &c2, &l2) &&
                        is_letter_byte_start(s, len, i + 1, &c2, &l3)) {
                        cuts[ncut] = i + 1;
                        flags[ncut] = 2; /* compound: hyphen kept, repeated */
                        pens[ncut] = HYPHEN_PENALTY;
                        ncut++;
                    }
                }
                i += l;
                continue;
            }
            size_t start = i;
            while (i < len && is_letter_byte_start(s, len, i, &cp, &l))
                i += l;
            size_t wl = i - start;
            if (!hyphenate || !ts->hyph || pl_utf8_count(s + start, wl) < MIN_HYPHEN_WORD)
                continue;
            /* The letters must reach the end of the word or be followed by
             * punctuation only: never hyphenate "6º" or inside numbers. */
            char low[MAX_HYPHEN_WORD + 1];
            pl_utf8_lower_latin(s + start, wl, low);
            char hy[MAX_HYPHEN_WORD + 5];
            char **rep = NULL;
            int *pos = NULL, *cut = NULL;
            if (hnj_hyphen_hyphenate2(ts->hyph, low, (int)wl, hy, NULL, &rep, &pos, &cut) == 0) {
                /* with a UTF-8 dictionary libhyphen indexes hy[] by
                 * character: hy[c] odd means a break after character c */
                size_t nch = pl_utf8_count(low, wl), byte = 0;
                for (size_t c = 0; c + 1 < nch; c++) {
                    size_t l2;
                    pl_utf8_decode(low + byte, wl - byte, &l2);
                    byte += l2;
                    if (!(hy[c] & 1))
                        continue;
                    if (c + 1 < MIN_HYPHEN_LEFT || nch - (c + 1) < MIN_HYPHEN_RIGHT)
                        continue;
                    if (ncut < 64) {
                        cuts[ncut] = start + byte;
                        flags[ncut] = 1;
                        pens[ncut] = HYPHEN_PENALTY;
                        ncut++;
                    }
                }
            }
            if (rep) {
                for (size_t k = 0; k < wl; k++)
                    free(rep[k]);
                free(rep);
            }
            free(pos);
            free(cut);
        }
    }
    size_t prev = 0;
    for (size_t c = 0; c <= ncut; c++) {
        size_t end = c < ncut ? cuts[c] : len;
        /* kerning across the split with the rest of the word */
        double cross = c < ncut ? pair_kern(ts, r, s + prev, end - prev, s + end, len - end) : 0;
        if (end > prev) {
            item b = {.k = I_BOX, .w = wid(ts, r, off + prev, end - prev) + cross, .run = ri,
                      .off = off + prev, .len = end - prev};
            if (push(it, b) != 0)
                return -1;
        }
        if (c < ncut) {
            double hw = wid_str(ts, r, "-");
            item p = {.k = I_PEN, .w = -cross, .penalty = pens[c], .flagged = flags[c] != 0,
                      .run = ri, .cross = cross};
            if (flags[c] == 1) { /* a hyphen is added at the break */
                p.hx = pair_kern(ts, r, s + prev, end - prev, "-", 1);
                p.w += p.hx + hw;
            } else if (flags[c] == 2) { /* the next line repeats the hyphen */
                p.repeat = 1;
                p.post = hw + pair_kern(ts, r, "-", 1, s + end, len - end);
            }
            if (push(it, p) != 0)
                return -1;
        }
        prev = end;
    }
    return 0;
}

/* Ends a line for good (a forced break or the paragraph's end): drops a
 * trailing glue, then a fill glue and a forced break. */
static int end_line(items *it)
{
    while (it->n > 0 && it->v[it->n - 1].k == I_GLUE)
        it->n--;
    item fill = {.k = I_GLUE, .y = 1e6, .run = -1};
    item brk = {.k = I_PEN, .penalty = -PL_INF, .run = -1};
    return push(it, fill) != 0 || push(it, brk) != 0 ? -1 : 0;
}

/* The text of the word whose items end just before item `end` (walking
 * back to the previous glue), or begin at `start` (walking forward), into
 * buf (lower-cased, at most n - 1 bytes). */
static void word_text(const items *it, const pl_run *runs, size_t from, int forward, char *buf,
                      size_t n)
{
    size_t a = from, b = from;
    if (forward) {
        while (b < it->n && it->v[b].k != I_GLUE)
            b++;
    } else {
        while (a > 0 && it->v[a - 1].k != I_GLUE)
            a--;
    }
    size_t o = 0;
    for (size_t i = a; i < b; i++) {
        const item *x = &it->v[i];
        if (x->k != I_BOX || x->run < 0)
            continue;
        const char *t = runs[x->run].text + x->off;
        for (size_t k = 0; k < x->len && o + 1 < n; k++)
            buf[o++] = t[k];
    }
    buf[o] = '\0';
    char low[256];
    pl_utf8_lower_latin(buf, o, low);
    memcpy(buf, low, o + 1);
}

static int is_roman(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!strchr("ivxlcdm", *s) && !strchr(",.;:)", *s))
            return 0;
    return 1;
}

/* Marks the glues that must not break: between "artículo", "fracción" …
 * and their number, and between a number and "de" (5 de octubre). */
static void keep_together(items *it, const pl_run *runs)
{
    static const char *const heads[] = {"artículo", "artículos", "fracción", "fracciones",
                                        "apartado", "inciso", "párrafo", "numeral", "capítulo",
                                        "título", "art.", "arts.", "fr.", "frs."};
    char prev[256], next[256];
    for (size_t g = 1; g + 1 < it->n; g++) {
        if (it->v[g].k != I_GLUE || it->v[g - 1].k != I_BOX || it->v[g + 1].k != I_BOX)
            continue;
        word_text(it, runs, g, 0, prev, sizeof prev);
        word_text(it, runs, g + 1, 1, next, sizeof next);
        int head = 0;
        for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
            if (strcmp(prev, heads[k]) == 0)
                head = 1;
        int next_num = (next[0] >= '0' && next[0] <= '9') || is_roman(next);
        int prev_num = prev[0] >= '0' && prev[0] <= '9';
        if ((head && next_num) || (prev_num && strcmp(next, "de") == 0))
            it->v[g].keep = 1;
    }
}

static int tokenize(pl_ts *ts, const pl_run *runs, size_t n, const pl_para_style *st,
                    items *it)
{
    if (st->indent > 0) {
        item b = {.k = I_BOX, .w = st->indent, .run = -1};
        if (push(it, b) != 0)
            return -1;
    }
    for (size_t ri = 0; ri < n; ri++) {
        const pl_run *r = &runs[ri];
        if (r->hard_break) {
            if (end_line(it) != 0)
                return -1;
            continue;
        }
        check_glyphs(ts, r);
        if (r->nobreak || r->note >= 0) {
            item b = {.k = I_BOX, .w = wid(ts, r, 0, r->len), .run = (int)ri, .len = r->len};
            if (r->len && push(it, b) != 0)
                return -1;
            continue;
        }
        size_t i = 0;
        while (i < r->len) {
            if (r->text[i] == ' ') {
                /* collapse with a glue just added */
                if (it->n > 0 && it->v[it->n - 1].k == I_BOX)
                    it->v[it->n - 1].trailing_space = 1;
                double sw = wid_str(ts, r, " ");
                if (it->n > 0 && it->v[it->n - 1].k != I_GLUE) {
                    item g = {.k = I_GLUE, .w = sw, .y = sw / 2, .z = sw / 3, .run = (int)ri};
                    if (push(it, g) != 0)
                        return -1;
                }
                i++;
                continue;
            }
            size_t j = i;
            while (j < r->len && r->text[j] != ' ')
                j++;
            if (add_word(ts, runs, (int)ri, i, j - i, st->hyphenate, it) != 0)
                return -1;
            i = j;
        }
    }
    if (end_line(it) != 0)
        return -1;
    /* no hyphenation in the last word of a paragraph, back to its last
     * space (the final fill glue stretches without limit; it is not one):
     * total-fit takes any feasible setting before this one; first fit
     * (ragged text) does not look at penalties below PL_INF, and a cell
     * of one long word must still break somewhere */
    for (size_t k = it->n; k-- > 0;) {
        item *x = &it->v[k];
        if (x->k == I_GLUE && x->y < 1e5)
            break;
        if (x->k == I_PEN && x->flagged && !x->repeat && x->penalty < FINAL_HYPHEN_PENALTY)
            x->penalty = FINAL_HYPHEN_PENALTY;
    }
    keep_together(it, runs);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Line breaking                                                       */

typedef struct brk {
    size_t pos;   /* item index of the break */
    int line, fitness;
    double w, y, z; /* totals after the break */
    double demerits;
    int prev;     /* index in the node pool */
    int active;
    int hyph;     /* hyphenated lines in a row ending here (MAX_HYPHEN_RUN at most) */
} brk;

/* Prefix sums of widths, stretch and shrink. */
typedef struct sums {
    double *w, *y, *z;
} sums;

static int legal(const items *it, size_t i)
{
    const item *x = &it->v[i];
    if (x->k == I_PEN)
        return x->penalty < PL_INF;
    if (x->k == I_GLUE)
        return !x->keep && i > 0 && it->v[i - 1].k == I_BOX;
    return 0;
}

/* Totals at the start of a line that follows a break at b: skip glue and
 * non-forced penalties up to the next box. */
static void after_break(const items *it, const sums *s, size_t b, double *w, double *y, double *z)
{
    size_t i = b;
    double W = s->w[b], Y = s->y[b], Z = s->z[b];
    for (; i < it->n; i++) {
        const item *x = &it->v[i];
        if (x->k == I_BOX)
            break;
        if (x->k == I_PEN && x->penalty <= -PL_INF && i > b)
            break;
        if (x->k == I_GLUE) {
            W += x->w;
            Y += x->y;
            Z += x->z;
        }
    }
    *w = W;
    *y = Y;
    *z = Z;
}

static int fitness_of(double r)
{
    if (r < -0.5)
        return 0;
    if (r <= 0.5)
        return 1;
    if (r <= 1)
        return 2;
    return 3;
}

/* Total-fit breaking. Fills breaks[] (item indices, last = end) and
 * returns the count, 0 when no feasible solution, -1 when out of memory. */
static long knuth_plass(const items *it, double lw, double tol, size_t **out)
{
    sums s;
    size_t n = it->n;
    s.w = calloc(n + 1, sizeof(double));
    s.y = calloc(n + 1, sizeof(double));
    s.z = calloc(n + 1, sizeof(double));
    brk *pool = NULL;
    size_t np = 0, cap = 0;
    long result = -1;
    if (!s.w || !s.y || !s.z)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const item *x = &it->v[i];
        s.w[i + 1] = s.w[i] + (x->k == I_PEN ? 0 : x->w);
        s.y[i + 1] = s.y[i] + (x->k == I_GLUE ? x->y : 0);
        s.z[i + 1] = s.z[i] + (x->k == I_GLUE ? x->z : 0);
    }
    cap = 64;
    pool = malloc(cap * sizeof *pool);
    if (!pool)
        goto done;
    pool[np++] = (brk){0, 0, 1, 0, 0, 0, 0, -1, 1, 0};
    size_t nactive = 1;

    for (size_t b = 0; b < n && nactive > 0; b++) {
        if (!legal(it, b))
            continue;
        const item *x = &it->v[b];
        double pw = x->k == I_PEN ? x->w : 0;
        int pen = x->k == I_PEN ? x->penalty : 0;
        int flagged = x->k == I_PEN && x->flagged;
        /* best candidate per fitness class and length of the run of
         * hyphenated lines it ends (a node with a longer run is not
         * interchangeable with one with a shorter) */
        double bestd[4][MAX_HYPHEN_RUN + 1];
        int bestp[4][MAX_HYPHEN_RUN + 1];
        for (int f = 0; f < 4; f++)
            for (int h = 0; h <= MAX_HYPHEN_RUN; h++) {
                bestd[f][h] = INFINITY;
                bestp[f][h] = -1;
            }
        for (size_t a = 0; a < np; a++) {
            brk *A = &pool[a];
            if (!A->active)
                continue;
            /* width of line from A to b (glue at b not included) */
            double L = s.w[b] - A->w + pw;
            double r;
            if (L < lw) {
                double Y = s.y[b] - A->y;
                r = Y > 0 ? (lw - L) / Y : INFINITY;
            } else if (L > lw) {
                double Z = s.z[b] - A->z;
                r = Z > 0 ? (lw - L) / Z : -INFINITY;
            } else {
                r = 0;
            }
            if (r < -1 || pen <= -PL_INF) {
                A->active = 0;
                nactive--;
            }
            if (flagged && A->hyph >= MAX_HYPHEN_RUN)
                continue; /* a third hyphenated line in a row: never */
            if (r >= -1 && r <= tol) {
                double bad = 100 * fabs(r) * fabs(r) * fabs(r);
                double d;
                if (pen >= 0)
                    d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad) + (double)pen * pen;
                else if (pen > -PL_INF)
                    d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad) - (double)pen * pen;
                else
                    d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad);
                const item *ax = A->pos > 0 ? &it->v[A->pos] : NULL;
                if (flagged && ax && ax->k == I_PEN && ax->flagged)
                    d += FLAGGED_DEMERITS;
                int fc = fitness_of(r);
                if (abs(fc - A->fitness) > 1)
                    d += FITNESS_DEMERITS;
                d += A->demerits;
                int hc = flagged ? A->hyph + 1 : 0;
                if (d < bestd[fc][hc]) {
                    bestd[fc][hc] = d;
                    bestp[fc][hc] = (int)a;
                }
            }
        }
        for (int fc = 0; fc < 4; fc++)
            for (int hc = 0; hc <= MAX_HYPHEN_RUN; hc++) {
                if (bestp[fc][hc] < 0)
                    continue;
                if (np == cap) {
                    cap *= 2;
                    brk *np2 = realloc(pool, cap * sizeof *pool);
                    if (!np2)
                        goto done;
                    pool = np2;
                }
                brk B = {b, pool[bestp[fc][hc]].line + 1, fc, 0, 0, 0, bestd[fc][hc],
                         bestp[fc][hc], 1, hc};
                after_break(it, &s, b, &B.w, &B.y, &B.z);
                if (it->v[b].k == I_PEN && it->v[b].repeat)
                    B.w -= it->v[b].post; /* the next line starts with the repeated hyphen */
                pool[np++] = B;
                nactive++;
            }
    }
    /* best node at the final forced break */
    int best = -1;
    double bd = INFINITY;
    for (size_t a = 0; a < np; a++)
        if (pool[a].pos == n - 1 && pool[a].demerits < bd) {
            bd = pool[a].demerits;
            best = (int)a;
        }
    if (best < 0) {
        result = 0;
        goto done;
    }
    int lines = pool[best].line;
    size_t *br = malloc((size_t)lines * sizeof *br);
    if (!br)
        goto done;
    for (int k = lines - 1, p = best; k >= 0; k--, p = pool[p].prev)
        br[k] = pool[p].pos;
    *out = br;
    result = lines;
done:
    free(s.w);
    free(s.y);
    free(s.z);
    free(pool);
    return result;
}

/* First fit: the last legal break that fits, else the first after an
 * overfull piece. Always succeeds. For ragged text a hyphen is used only
 * when the line would otherwise be less than two-thirds full. */
static long first_fit(const items *it, double lw, int ragged, size_t **out)
{
    size_t n = it->n, cap = 16, nb = 0;
    int hyph_run = 0; /* hyphenated lines in a row so far */
    size_t *br = malloc(cap * sizeof *br);
    if (!br)
        return -1;
    size_t i = 0;
    while (i < n) {
        /* skip discardables at line start */
        while (i < n && it->v[i].k != I_BOX && !(it->v[i].k == I_PEN && it->v[i].penalty <= -PL_INF))
            i++;
        double w = (nb > 0 && it->v[br[nb - 1]].k == I_PEN && it->v[br[nb - 1]].repeat)
                       ? it->v[br[nb - 1]].post
                       : 0;
        long last = -1, last_glue = -1;
        double w_at_glue = 0;
        size_t j = i;
        for (; j < n; j++) {
            const item *x = &it->v[j];
            if (x->k == I_PEN && x->penalty <= -PL_INF) {
                last = (long)j;
                break;
            }
            if (legal(it, j)) {
                double extra = x->k == I_PEN ? x->w : 0;
                if (w + extra <= lw + 0.01) {
                    last = (long)j;
                    if (x->k == I_GLUE) {
                        last_glue = (long)j;
                        w_at_glue = w;
                    }
                } else {
                    break;
                }
            }
            if (x->k != I_PEN)
                w += x->w;
            if (w > lw + 0.01 && last >= 0)
                break;
        }
        if (last < 0) { /* nothing fits: overfull up to the next legal break */
            for (j = i; j < n && !legal(it, j); j++)
                ;
            last = (long)(j < n ? j : n - 1);
        } else if (last_glue >= 0 && last != last_glue && it->v[last].k == I_PEN &&
                   it->v[last].flagged &&
                   (hyph_run >= MAX_HYPHEN_RUN || (ragged && w_at_glue >= lw * 2 / 3))) {
            /* prefer a whole word when the line is full enough, and
             * always after two hyphenated lines */
            last = last_glue;
        }
        hyph_run = it->v[last].k == I_PEN && it->v[last].flagged ? hyph_run + 1 : 0;
        if (nb == cap) {
            cap *= 2;
            size_t *b2 = realloc(br, cap * sizeof *br);
            if (!b2) {
                free(br);
                return -1;
            }
            br = b2;
        }
        /* a break at the paragraph's fill glue would leave an empty last
         * line: break at the final penalty instead */
        if (it->v[last].k == I_GLUE && (size_t)last + 1 < n && it->v[last + 1].k == I_PEN &&
            it->v[last + 1].penalty <= -PL_INF)
            last++;
        br[nb++] = (size_t)last;
        i = (size_t)last + 1;
    }
    *out = br;
    return (long)nb;
}

/* ------------------------------------------------------------------ */
/* Setting lines                                                       */

static int emit_text(pl_vlist *out, const pl_run *r, size_t off, size_t len, double x,
                     double base, int with_space)
{
    pl_op op = {0};
    op.kind = PL_OP_TEXT;
    op.font = r->font;
    op.size = r->size;
    op.x = (float)x;
    op.y = (float)(base - r->rise);
    op.rgb = r->rgb;
    op.text = r->text + off;
    op.len = len + (with_space && off + len < r->len && r->text[off + len] == ' ' ? 1 : 0);
    return pl_vlist_op(out, &op);
}

/* The mark of a line for the typographic report (report.c): where its
 * first character comes from, and its first word. */
static void mark_source(pl_mark *m, const pl_run *runs, const items *it, size_t start,
                        size_t end)
{
    for (size_t k = start; k < end; k++)
        if (it->v[k].k == I_BOX && it->v[k].run >= 0) {
            const pl_run *r = &runs[it->v[k].run];
            m->src = r->src;
            m->src_off = r->src_off + it->v[k].off;
            m->text = r->text + it->v[k].off;
            m->len = it->v[k].len;
            return;
        }
    m->text = "";
}

/* A literal ("-" for hyphens, " " for a space kept in the text) in run
 * r's face at x. */
static int emit_literal(pl_vlist *out, const pl_run *r, const char *lit, double x, double base)
{
    pl_op op = {0};
    op.kind = PL_OP_TEXT;
    op.font = r->font;
    op.size = r->size;
    op.x = (float)x;
    op.y = (float)(base - r->rise);
    op.rgb = r->rgb;
    op.text = lit;
    op.len = strlen(lit);
    return pl_vlist_op(out, &op);
}

pl_status pl_ts_paragraph(pl_ts *ts, const pl_run *runs, size_t n, const pl_para_style *st,
                          pl_vlist *out)
{
    items it = {0};
    size_t *br = NULL;
    pl_status status = PL_ENOMEM;
    if (tokenize(ts, runs, n, st, &it) != 0)
        goto done;
    double lw = st->width;
    long nl = 0;
    if (st->align == PL_ALIGN_JUSTIFY) {
        nl = knuth_plass(&it, lw, TOLERANCE_1, &br);
        if (nl == 0)
            nl = knuth_plass(&it, lw, TOLERANCE_2, &br);
    }
    if (nl == 0)
        nl = first_fit(&it, lw, st->align != PL_ALIGN_JUSTIFY, &br);
    if (nl < 0)
        goto done;

    double base = st->leading * 0.76;
    size_t start = 0;
    unsigned para = ts->paras++;
    for (long l = 0; l < nl; l++) {
        size_t b = br[l];
        /* skip discardables after the previous break */
        while (start < b && it.v[start].k != I_BOX)
            start++;
        const item *bx = &it.v[b];
        int last_line = bx->k == I_PEN && bx->penalty <= -PL_INF;
        /* natural width and glue totals */
        double W = 0, Y = 0, Z = 0;
        size_t end = b; /* items [start, end) are on the line */
        for (size_t k = start; k < end; k++) {
            const item *x = &it.v[k];
            if (x->k == I_BOX || x->k == I_GLUE) {
                W += x->w;
                if (x->k == I_GLUE && x->y < 1e5) {
                    Y += x->y;
                    Z += x->z;
                }
            }
        }
        /* a trailing glue before the break does not count */
        size_t e2 = end;
        while (e2 > start && it.v[e2 - 1].k == I_GLUE) {
            W -= it.v[e2 - 1].w;
            if (it.v[e2 - 1].y < 1e5) {
                Y -= it.v[e2 - 1].y;
                Z -= it.v[e2 - 1].z;
            }
            e2--;
        }
        /* a break inside a word: the hyphen it adds, less the kerning
         * across it */
        double hyph = bx->k == I_PEN ? bx->w : 0;
        const item *pb = l > 0 ? &it.v[br[l - 1]] : NULL;
        double pre = (pb && pb->k == I_PEN && pb->repeat) ? pb->post : 0;
        double total = W + hyph + pre;
        double ratio = 0, x0 = st->x;
        if (st->align == PL_ALIGN_JUSTIFY && (!last_line || total > lw)) {
            if (total < lw && Y > 0)
                ratio = (lw - total) / Y;
            else if (total > lw && Z > 0)
                ratio = (lw - total) / Z;
            if (ratio < -1)
                ratio = -1;
        } else if (st->align == PL_ALIGN_CENTER) {
            x0 += (lw - total) / 2;
        } else if (st->align == PL_ALIGN_RIGHT) {
            x0 += lw - total;
        }
        if (pl_vlist_box(out, st->leading) < 0)
            goto done;
        pl_mark *mk = pl_ts_mark_line(ts, out);
        if (mk == NULL)
            goto done;
        mk->para = para;
        mk->idx = (int)l;
        mk->nlines = (int)nl;
        mk->hyphenated = bx->k == I_PEN && bx->flagged && !last_line;
        if (st->align == PL_ALIGN_JUSTIFY && !last_line && ratio > 0 && Y > 0) {
            /* how far the spaces stretch, against their stretchability */
            mk->ratio = (float)ratio;
        }
        mark_source(mk, runs, &it, start, e2);
        if (l == 0 && st->label && st->nlabel) {
            float lwid = pl_ts_runs_width(ts, st->label, st->nlabel);
            double lx = st->label_left ? st->label_x : st->label_x - lwid;
            for (size_t k = 0; k < st->nlabel; k++) {
                const pl_run *r = &st->label[k];
                if (emit_text(out, r, 0, r->len, lx, base, 0) != 0)
                    goto done;
                lx += wid(ts, r, 0, r->len);
            }
        }
        double x = x0;
        if (pre > 0) { /* RAE: a compound broken at its hyphen repeats it */
            if (emit_literal(out, &runs[pb->run], "-", x, base) != 0)
                goto done;
            x += pre;
        }
        const char *link = NULL;
        double link_x0 = 0;
        for (size_t k = start; k < e2; k++) {
            const item *xi = &it.v[k];
            if (xi->k == I_GLUE) {
                double g = xi->w + (ratio >= 0 ? ratio * xi->y : ratio * xi->z);
                if (xi->y >= 1e5)
                    g = 0;
                x += g;
                continue;
            }
            if (xi->k != I_BOX)
                continue;
            if (xi->run >= 0) {
                const pl_run *r = &runs[xi->run];
                /* merge with following boxes of the same run split only by
                 * unused hyphen/URL penalties */
                size_t len = xi->len;
                double w = xi->w;
                size_t k2 = k;
                while (k2 + 2 < e2 && it.v[k2 + 1].k == I_PEN && it.v[k2 + 2].k == I_BOX &&
                       it.v[k2 + 2].run == xi->run && it.v[k2 + 2].off == xi->off + len) {
                    len += it.v[k2 + 2].len;
                    w += it.v[k2 + 2].w;
                    k2 += 2;
                }
                int space = it.v[k2].trailing_space && k2 + 1 < e2;
                if (emit_text(out, r, xi->off, len, x, base, space) != 0)
                    goto done;
                if (space && !(xi->off + len < r->len && r->text[xi->off + len] == ' ')) {
                    /* the space is in the next run: keep it in the text */
                    if (emit_literal(out, r, " ", x + w, base) != 0)
                        goto done;
                }
                if (r->note >= 0 && pl_vlist_note(out, r->note) != 0)
                    goto done;
                /* link rectangles: one per line per link */
                if (r->uri != link) {
                    if (link) {
                        pl_op op = {0};
                        op.kind = PL_OP_URI;
                        op.x = (float)link_x0;
                        op.y = 0;
                        op.w = (float)(x - link_x0);
                        op.h = (float)st->leading;
                        op.uri = link;
                        if (pl_vlist_op(out, &op) != 0)
                            goto done;
                    }
                    link = r->uri;
                    link_x0 = x;
                }
                x += w;
                k = k2;
            } else {
                x += xi->w;
            }
        }
        if (bx->k == I_PEN && bx->flagged && !bx->repeat) {
            if (emit_literal(out, &runs[bx->run], "-", x - bx->cross + bx->hx, base) != 0)
                goto done;
        }
        x += hyph;
        if (link) {
            pl_op op = {0};
            op.kind = PL_OP_URI;
            op.x = (float)link_x0;
            op.w = (float)(x - link_x0);
            op.h = (float)st->leading;
            op.uri = link;
            if (pl_vlist_op(out, &op) != 0)
                goto done;
        }
        /* the width as set, after stretching or shrinking the glue */
        double set = total + (ratio >= 0 ? ratio * Y : ratio * Z);
        if (set > lw + 0.5) {
            /* TYPO-001, reported with its page after pagination */
            pl_mark *m = &ts->marks[ts->nmarks - 1];
            m->overfull = 1;
            m->excess = (float)(total - lw);
        }
        /* widow/orphan penalty after this line */
        if (l + 1 < nl) {
            int pen = 0;
            if (l + 1 < st->orphans || nl - (l + 1) < st->widows)
                pen = PL_INF;
            if (pl_vlist_penalty(out, pen) != 0)
                goto done;
        }
        start = b + 1;
    }
    status = PL_OK;
done:
    free(it.v);
    free(br);
    return status;
}

float pl_ts_runs_width(pl_ts *ts, const pl_run *runs, size_t n)
{
    double w = 0;
    for (size_t i = 0; i < n; i++)
        w += wid(ts, &runs[i], 0, runs[i].len);
    return (float)w;
}

float pl_ts_runs_minwidth(pl_ts *ts, const pl_run *runs, size_t n, int hyphenate)
{
    items it = {0};
    pl_para_style st = {0};
    st.hyphenate = hyphenate;
    double best = 0, cur = 0;
    if (tokenize(ts, runs, n, &st, &it) == 0) {
        for (size_t i = 0; i < it.n; i++) {
            const item *x = &it.v[i];
            if (x->k == I_BOX) {
                cur += x->w;
            } else {
                double extra = x->k == I_PEN ? x->w : 0;
                if (cur + extra > best)
                    best = cur + extra;
                cur = 0;
            }
        }
        if (cur > best)
            best = cur;
    }
    free(it.v);
    return (float)best;
}
