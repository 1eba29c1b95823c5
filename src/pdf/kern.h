/* pdf/kern: kerning from the fonts' own data, read by HarfBuzz.
 *
 * The Noto TTFs keep their kerning in GPOS (they have no legacy 'kern'
 * table); libharu applies none and drops GPOS from the embedded subset.
 * This module shapes strings with the 'kern' feature only and reports, for
 * each character, how far kerning moves it from where libharu's advance
 * widths alone would put it. Every substitution (ligatures, contextual
 * alternates, composition) is off, so each character keeps the font's own
 * glyph for it: libharu draws by code point, and text extraction relies
 * on one glyph per character. A string that shaping would not map one
 * glyph per character gets no kerning at all, so measuring and drawing
 * still agree.
 *
 * Units are 1/1000 em, the unit of libharu's widths. Results depend only
 * on the font and the string (never on call order or the cache), so PDFs
 * stay byte-identical. No libharu here. */
#ifndef PL_KERN_H
#define PL_KERN_H

#include <stddef.h>

#include "../util/status.h"

typedef struct pl_kern pl_kern;

/* Where a kerned string is cut for drawing: the bytes from off up to the
 * next piece's off are drawn together, moved by shift (1/1000 em) from
 * their unkerned position. */
typedef struct pl_kern_piece {
    size_t off;
    int shift;
} pl_kern_piece;

/* Opens the n font files in paths (face i is paths[i]). Returns PL_OK,
 * PL_EDATA (a file is not a font HarfBuzz can read; *bad is its index) or
 * PL_ENOMEM. *out is set only on PL_OK; free it with pl_kern_free. */
pl_status pl_kern_new(const char *const *paths, int n, pl_kern **out, int *bad);
void pl_kern_free(pl_kern *k); /* accepts NULL */

/* Sum of the kerning adjustments of the n bytes of UTF-8 at s in face f:
 * the kerned width is the unkerned one plus this. Cached per string. */
int pl_kern_total(pl_kern *k, int f, const char *s, size_t n);

/* The pieces s is drawn in (at least one when n > 0; the first starts at
 * offset 0; the last runs to the end of s). Trailing spaces, which have
 * no ink, are not kerned: they go with the last piece. The array belongs
 * to k and is valid until the next call. Returns the count, or 0 when out
 * of memory (n > 0). */
size_t pl_kern_pieces(pl_kern *k, int f, const char *s, size_t n, const pl_kern_piece **out);

/* 1 when an allocation failed since k was made: a measurement may have
 * been made without kerning, so the layout cannot be trusted. */
int pl_kern_failed(const pl_kern *k);

#endif
