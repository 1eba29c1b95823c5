/* pdf: the only module that calls libharu. Loads the layout's fonts
 * (embedded, in a fixed order), measures text for typeset/ through
 * pl_metrics, draws the pages' display lists, the outline, links and the
 * draft watermark, and saves atomically (temporary file, then rename).
 * Widths and drawing are kerned with the fonts' own kerning (kern.h).
 *
 * libharu's errors are sticky: the first one is recorded and every later
 * call refused; we stop at the first and report it. */
#ifndef PL_PDF_H
#define PL_PDF_H

#include "../typeset/typeset.h"
#include "../util/status.h"

typedef struct pl_pdf pl_pdf;

/* Loads the six faces of pl_font from fontdir, for libharu and for
 * kerning. Returns PL_OK, PL_EDATA
 * (a font is missing or unreadable: the message names it in *why, a
 * static or malloc'ed string freed with pl_pdf_free), or PL_ENOMEM. */
pl_status pl_pdf_new(const char *fontdir, pl_pdf **out);
void pl_pdf_free(pl_pdf *p); /* accepts NULL */

/* Name of the font file that failed to load, or NULL. */
const char *pl_pdf_error_detail(const pl_pdf *p);

/* Metrics callbacks bound to p (valid while p lives). Widths include the
 * kerning between the characters of the string measured, exactly as
 * pl_pdf_draw sets a text op of that string. */
pl_metrics pl_pdf_metrics(pl_pdf *p);

typedef struct pl_pdf_info {
    const char *title, *subject, *author, *keywords;
    long long epoch; /* creation and modification date; < 0 for none */
    /* Page labels (what a viewer shows as the page number): 0 arabic,
     * 1 upper-case Roman, 2 lower-case Roman; prefix or NULL; first
     * number (0 means 1). */
    int label_style;
    const char *label_prefix;
    int label_start;
} pl_pdf_info;

/* Draws every page of ts (size w × h points), the outline from ts's
 * anchors, and, when watermark is not NULL, that text diagonally across
 * every page. Returns PL_OK, PL_EPDF or PL_ENOMEM. */
pl_status pl_pdf_draw(pl_pdf *p, pl_ts *ts, float w, float h, const pl_pdf_info *info,
                      const char *watermark);

/* Writes the document to path through a temporary file in the same
 * directory, renamed into place; on failure nothing is left. */
pl_status pl_pdf_save(pl_pdf *p, const char *path);

/* Path of the temporary file being written, or NULL: for a signal handler
 * that must remove it. */
const char *pl_pdf_pending_tmp(void);

#endif
