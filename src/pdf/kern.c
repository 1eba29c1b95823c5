/* pdf/kern: kerning from the fonts' GPOS through HarfBuzz. See kern.h.
 *
 * One HarfBuzz font per face, scaled to 1000 units per em so that its
 * numbers are in libharu's unit. A string is shaped with every
 * substitution feature off; the result is accepted only when it is one
 * glyph per character, in order, each the font's nominal glyph for its
 * character, with no vertical movement, and when the string has no
 * combining mark (kerning the base before a mark would move the mark away
 * from it, since mark positioning is off). Kerning is then the difference
 * between the shaped and the nominal advances. Totals (what measuring
 * asks for, many times per word) and pieces (what drawing asks for, once
 * per word set) are cached per (face, string): shaping is the costly part
 * and documents repeat their words. */
#include "kern.h"

#include "../util/utf8.h"

#include <hb.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Strings longer than this (bytes) are shaped on every call instead of
 * cached: words and hyphenation fragments are shorter, and long strings
 * (titles, unbreakable runs) are measured a few times only. */
#define CACHE_MAX_KEY 64
/* At most this many cached strings (about 6 MB of keys at worst), and
 * this many cached pieces of kerned strings (4 MB): a bound on memory for
 * huge documents; past it, strings are shaped every time. */
#define CACHE_MAX_ENTRIES (1u << 16)
#define CACHE_MAX_PIECES (1u << 18)
#define CACHE_MIN_SLOTS 1024u
/* entry.pieces for a string without kerning: one piece, not stored */
#define UNKERNED SIZE_MAX

/* Features that substitute glyphs or position marks: off, so that shaping
 * only kerns (see kern.h). */
static const char *const off_features[] = {
    "ccmp", "locl", "rlig", "rvrn", "liga", "clig", "calt", "dlig", "rclt",
    "frac", "numr", "dnom", "mark", "mkmk", "curs", "dist", "abvm", "blwm",
};
#define NOFF (sizeof off_features / sizeof off_features[0])

typedef struct entry {
    uint32_t hash, len; /* len 0: free slot (cached strings have 2+ bytes) */
    size_t key;         /* offset of the string in keys */
    int face, total;
    size_t pieces, npieces; /* in pool, or UNKERNED */
} entry;

struct pl_kern {
    hb_blob_t **blob;
    hb_face_t **face;
    hb_font_t **font;
    hb_shape_plan_t **plan; /* per face: the features below, Latin, LTR, es */
    int nfaces;
    hb_buffer_t *buf;
    hb_unicode_funcs_t *ufuncs;
    hb_language_t lang;
    hb_feature_t feat[NOFF + 1];
    /* the last shaping: per character, byte offset and shift */
    size_t *choff;
    int *shift;
    size_t cap;
    int total;
    pl_kern_piece *pieces; /* of the last shaping */
    size_t npieces, cappieces;
    /* the cache */
    entry *slots;
    size_t nslots, nentries;
    char *keys;
    size_t nkeys, capkeys;
    pl_kern_piece *pool;
    size_t npool, cappool;
    int failed;
};

pl_status pl_kern_new(const char *const *paths, int n, pl_kern **out, int *bad)
{
    *out = NULL;
    *bad = -1;
    pl_kern *k = calloc(1, sizeof *k);
    if (k == NULL)
        return PL_ENOMEM;
    k->blob = calloc((size_t)n, sizeof *k->blob);
    k->face = calloc((size_t)n, sizeof *k->face);
    k->font = calloc((size_t)n, sizeof *k->font);
    k->plan = calloc((size_t)n, sizeof *k->plan);
    k->buf = hb_buffer_create();
    if (!k->blob || !k->face || !k->font || !k->plan || !hb_buffer_allocation_successful(k->buf)) {
        pl_kern_free(k);
        return PL_ENOMEM;
    }
    k->ufuncs = hb_unicode_funcs_get_default();
    k->lang = hb_language_from_string("es", -1);
    for (size_t i = 0; i < NOFF; i++) {
        const char *t = off_features[i];
        k->feat[i] = (hb_feature_t){HB_TAG(t[0], t[1], t[2], t[3]), 0, HB_FEATURE_GLOBAL_START,
                                    HB_FEATURE_GLOBAL_END};
    }
    k->feat[NOFF] = (hb_feature_t){HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START,
                                   HB_FEATURE_GLOBAL_END};
    hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
    props.direction = HB_DIRECTION_LTR;
    props.script = HB_SCRIPT_LATIN;
    props.language = k->lang;
    k->nfaces = n;
    for (int i = 0; i < n; i++) {
        k->blob[i] = hb_blob_create_from_file(paths[i]);
        k->face[i] = hb_face_create(k->blob[i], 0);
        k->font[i] = hb_font_create(k->face[i]);
        if (hb_face_get_glyph_count(k->face[i]) == 0) { /* empty blob: unreadable */
            *bad = i;
            pl_kern_free(k);
            return PL_EDATA;
        }
        hb_font_set_scale(k->font[i], 1000, 1000);
        k->plan[i] = hb_shape_plan_create(k->face[i], &props, k->feat, NOFF + 1, NULL);
    }
    *out = k;
    return PL_OK;
}

void pl_kern_free(pl_kern *k)
{
    if (k == NULL)
        return;
    for (int i = 0; i < k->nfaces; i++) {
        hb_shape_plan_destroy(k->plan[i]);
        hb_font_destroy(k->font[i]);
        hb_face_destroy(k->face[i]);
        hb_blob_destroy(k->blob[i]);
    }
    free(k->blob);
    free(k->face);
    free(k->font);
    free(k->plan);
    hb_buffer_destroy(k->buf);
    free(k->choff);
    free(k->shift);
    free(k->pieces);
    free(k->slots);
    free(k->keys);
    free(k->pool);
    free(k);
}

int pl_kern_failed(const pl_kern *k)
{
    return k->failed;
}

/* ------------------------------------------------------------------ */
/* Shaping                                                             */

static int reserve(pl_kern *k, size_t n)
{
    if (n <= k->cap)
        return 0;
    size_t cap = k->cap ? k->cap : 64;
    while (cap < n)
        cap *= 2;
    size_t *o = realloc(k->choff, cap * sizeof *o);
    if (o == NULL)
        return -1;
    k->choff = o;
    int *s = realloc(k->shift, cap * sizeof *s);
    if (s == NULL)
        return -1;
    k->shift = s;
    k->cap = cap;
    return 0;
}

/* Shapes s into k->choff, k->shift, k->total; returns the number of
 * characters, or -1 when out of memory. Without a one-to-one result every
 * shift is 0. */
static long shape_chars(pl_kern *k, int f, const char *s, size_t n)
{
    if (reserve(k, n) != 0) {
        k->failed = 1;
        return -1;
    }
    size_t nch = 0;
    int marks = 0;
    for (size_t i = 0; i < n;) {
        size_t l;
        uint32_t cp = pl_utf8_decode(s + i, n - i, &l);
        hb_unicode_general_category_t gc = hb_unicode_general_category(k->ufuncs, cp);
        if (gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
            gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
            gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK)
            marks = 1;
        k->choff[nch] = i;
        k->shift[nch] = 0;
        nch++;
        i += l;
    }
    k->total = 0;
    if (nch < 2 || marks)
        return (long)nch;

    hb_font_t *font = k->font[f];
    hb_buffer_t *b = k->buf;
    hb_buffer_clear_contents(b);
    hb_buffer_set_direction(b, HB_DIRECTION_LTR);
    hb_buffer_set_script(b, HB_SCRIPT_LATIN);
    hb_buffer_set_language(b, k->lang);
    hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_buffer_add_utf8(b, s, (int)n, 0, (int)n);
    if (!hb_shape_plan_execute(k->plan[f], font, b, k->feat, NOFF + 1) ||
        !hb_buffer_allocation_successful(b)) {
        k->failed = 1;
        return -1;
    }
    unsigned ng;
    const hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(b, &ng);
    const hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(b, &ng);
    if (ng != nch)
        return (long)nch;
    for (size_t i = 0; i < nch; i++) {
        size_t l;
        uint32_t cp = pl_utf8_decode(s + k->choff[i], n - k->choff[i], &l);
        hb_codepoint_t g = 0;
        if (!hb_font_get_nominal_glyph(font, cp, &g))
            g = 0;
        if (gi[i].cluster != k->choff[i] || gi[i].codepoint != g || gp[i].y_offset != 0 ||
            gp[i].y_advance != 0)
            return (long)nch;
    }
    /* shift of a character: kerning accumulated before it, plus its own
     * placement */
    int acc = 0;
    for (size_t i = 0; i < nch; i++) {
        k->shift[i] = acc + gp[i].x_offset;
        acc += gp[i].x_advance - hb_font_get_glyph_h_advance(font, gi[i].codepoint);
    }
    k->total = acc;
    return (long)nch;
}

/* Shapes s into k->total and k->pieces (k->npieces of them, at least one
 * when n > 0). Returns 0, or -1 when out of memory. */
static int shape(pl_kern *k, int f, const char *s, size_t n)
{
    long nch = shape_chars(k, f, s, n);
    if (nch < 0)
        return -1;
    if ((size_t)nch > k->cappieces) {
        pl_kern_piece *p = realloc(k->pieces, (size_t)nch * sizeof *p);
        if (p == NULL) {
            k->failed = 1;
            return -1;
        }
        k->pieces = p;
        k->cappieces = (size_t)nch;
    }
    size_t np = 0;
    for (long i = 0; i < nch; i++)
        if (i == 0 || k->shift[i] != k->shift[i - 1])
            k->pieces[np++] = (pl_kern_piece){k->choff[i], k->shift[i]};
    k->npieces = np;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Cache                                                               */

static const pl_kern_piece unkerned_piece = {0, 0};

static uint32_t hash_of(int f, const char *s, size_t n)
{
    uint32_t h = 2166136261u ^ (uint32_t)f; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static entry *find(pl_kern *k, uint32_t h, int f, const char *s, size_t n)
{
    size_t mask = k->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        entry *e = &k->slots[i];
        if (e->len == 0)
            return e;
        if (e->hash == h && e->face == f && e->len == n && memcmp(k->keys + e->key, s, n) == 0)
            return e;
    }
}

static int grow(pl_kern *k)
{
    size_t nslots = k->nslots ? k->nslots * 2 : CACHE_MIN_SLOTS;
    entry *old = k->slots;
    size_t nold = k->nslots;
    k->slots = calloc(nslots, sizeof *k->slots);
    if (k->slots == NULL) {
        k->slots = old;
        return -1;
    }
    k->nslots = nslots;
    for (size_t i = 0; i < nold; i++) {
        if (old[i].len == 0)
            continue;
        size_t mask = nslots - 1, j = old[i].hash & mask;
        while (k->slots[j].len != 0)
            j = (j + 1) & mask;
        k->slots[j] = old[i];
    }
    free(old);
    return 0;
}

/* Remembers the last shaping (k->total, k->pieces) as that of (f, s); a
 * failure only means it is not cached. */
static void remember(pl_kern *k, uint32_t h, int f, const char *s, size_t n)
{
    int kerned = k->npieces > 1 || k->pieces[0].shift != 0;
    if (k->nentries >= CACHE_MAX_ENTRIES || (kerned && k->npool + k->npieces > CACHE_MAX_PIECES))
        return;
    if ((k->nentries + 1) * 2 > k->nslots && grow(k) != 0)
        return;
    if (k->nkeys + n > k->capkeys) {
        size_t cap = k->capkeys ? k->capkeys * 2 : 16384;
        while (cap < k->nkeys + n)
            cap *= 2;
        char *keys = realloc(k->keys, cap);
        if (keys == NULL)
            return;
        k->keys = keys;
        k->capkeys = cap;
    }
    size_t at = UNKERNED;
    if (kerned) {
        if (k->npool + k->npieces > k->cappool) {
            size_t cap = k->cappool ? k->cappool * 2 : 4096;
            while (cap < k->npool + k->npieces)
                cap *= 2;
            pl_kern_piece *pool = realloc(k->pool, cap * sizeof *pool);
            if (pool == NULL)
                return;
            k->pool = pool;
            k->cappool = cap;
        }
        at = k->npool;
        memcpy(k->pool + at, k->pieces, k->npieces * sizeof *k->pool);
        k->npool += k->npieces;
    }
    entry *e = find(k, h, f, s, n);
    memcpy(k->keys + k->nkeys, s, n);
    *e = (entry){h, (uint32_t)n, k->nkeys, f, k->total, at, k->npieces};
    k->nkeys += n;
    k->nentries++;
}

/* The cached entry of (f, s), or NULL; *h is set to s's hash when s can
 * be cached. */
static const entry *lookup(pl_kern *k, int f, const char *s, size_t n, uint32_t *h)
{
    if (n > CACHE_MAX_KEY)
        return NULL;
    *h = hash_of(f, s, n);
    if (k->nslots == 0)
        return NULL;
    const entry *e = find(k, *h, f, s, n);
    return e->len != 0 ? e : NULL;
}

int pl_kern_total(pl_kern *k, int f, const char *s, size_t n)
{
    if (n < 2 || f < 0 || f >= k->nfaces)
        return 0;
    uint32_t h = 0;
    const entry *e = lookup(k, f, s, n, &h);
    if (e)
        return e->total;
    if (shape(k, f, s, n) != 0)
        return 0;
    if (n <= CACHE_MAX_KEY)
        remember(k, h, f, s, n);
    return k->total;
}

size_t pl_kern_pieces(pl_kern *k, int f, const char *s, size_t n, const pl_kern_piece **out)
{
    *out = NULL;
    if (n == 0 || f < 0 || f >= k->nfaces)
        return 0;
    /* trailing spaces have no ink: they go with the last piece, and the
     * word they follow is found in the cache as it was measured */
    while (n > 1 && s[n - 1] == ' ')
        n--;
    uint32_t h = 0;
    const entry *e = n >= 2 ? lookup(k, f, s, n, &h) : NULL;
    if (e) {
        *out = e->pieces == UNKERNED ? &unkerned_piece : k->pool + e->pieces;
        return e->npieces;
    }
    if (shape(k, f, s, n) != 0)
        return 0;
    if (n >= 2 && n <= CACHE_MAX_KEY)
        remember(k, h, f, s, n);
    *out = k->pieces;
    return k->npieces;
}
