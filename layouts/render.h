/* render: the whole back half of the pipeline for one document: the
 * per-kind layout maps the model to boxes, typeset/ breaks lines and pages,
 * pdf/ writes the file (to a temporary beside the target, renamed into
 * place: a failed run leaves nothing). */
#ifndef PL_RENDER_H
#define PL_RENDER_H

#include "../src/model/model.h"
#include "../src/typeset/typeset.h"
#include "../src/util/diag.h"
#include "../src/util/status.h"

typedef struct pl_render_opts {
    const char *datadir; /* fonts/, layouts/ */
    const char *layout;  /* a layout file instead of datadir/layouts/KIND.xml,
                            or NULL */
    int draft;           /* watermark "BORRADOR — SIN VALIDEZ" on every page */
    long long source_date_epoch; /* document dates when the document has
                                    none; -1 to use the document's own date */
    int report;          /* every typographic warning (TYPO-002…006), not
                            only overfull lines (TYPO-001) */
    pl_ts_report *stats; /* filled with the typographic counts, or NULL */
} pl_render_opts;

/* Renders doc to out_path. Problems the reader would see (a glyph missing
 * from the font) are diagnostics, and make the render fail (PL_EDOC) unless
 * opts->draft. Operational failures return their status; no file is left
 * behind in either case. */
pl_status pl_render_file(const pl_doc *doc, const pl_render_opts *opts,
                         const char *out_path, pl_diags *diags);

#endif
