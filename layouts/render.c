/* render: load fonts, lay out, paginate, decorate, draw, save. See
 * render.h. */
#include "render.h"

#include "../src/pdf/pdf.h"
#include "../src/schema/schema.h"
#include "../src/util/buf.h"
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Spanish hyphenation patterns: our copy first, then Debian's hyphen-es. */
static const char *hyphen_dict(const char *datadir, char *buf, size_t n)
{
    snprintf(buf, n, "%s/hyphen/hyph_es.dic", datadir);
    if (access(buf, R_OK) == 0)
        return buf;
    static const char *sys[] = {"/usr/share/hyphen/hyph_es_MX.dic",
                                "/usr/share/hyphen/hyph_es_ES.dic",
                                "/usr/share/hyphen/hyph_es.dic"};
    for (size_t i = 0; i < sizeof sys / sizeof sys[0]; i++)
        if (access(sys[i], R_OK) == 0)
            return sys[i];
    return NULL;
}

/* Midnight UTC of an AAAA-MM-DD date, or -1. */
static long long date_epoch(const char *s)
{
    int y, m, d;
    if (s == NULL || sscanf(s, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    /* days from civil (Howard Hinnant's algorithm) */
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + (long long)doe - 719468;
    return days * 86400;
}

static const pl_kind_layout *const kind_layouts[] = {
    &pl_acuerdo_kind,
    &pl_programa_kind,
    &pl_seguimiento_kind,
    &pl_acta_kind,
    &pl_informe_kind,
};

static const pl_kind_layout *layout_of(pl_kind kind)
{
    for (size_t i = 0; i < sizeof kind_layouts / sizeof kind_layouts[0]; i++)
        if (kind_layouts[i]->kind == kind)
            return kind_layouts[i];
    return NULL;
}

/* Plain text of the element at path from the root, or NULL. */
static const char *text_at(pl_lay *L, const char *path)
{
    const pl_node *n = path ? pl_node_at(L->doc->root, path) : NULL;
    return n ? pl_lay_plain(L, n) : NULL;
}

pl_status pl_render_file(const pl_doc *doc, const pl_render_opts *opts, const char *out_path,
                         pl_diags *diags)
{
    pl_status st = PL_OK;
    pl_pdf *pdf = NULL;
    pl_ts *ts = NULL;
    pl_vlist body = {0};
    pl_buf fontdir = PL_BUF_INIT;
    size_t errors_before = pl_diags_count(diags, PL_SEV_ERROR);

    const pl_kind_layout *K = layout_of(doc->kind);
    if (doc->kind == PL_KIND_DISENO) {
        pl_diags_add(diags, doc->path, doc->root->line, doc->root->col, PL_SEV_ERROR,
                     "LAYOUT-001", "/", "es un diseño de página, no un documento: se usa con "
                     "pleno render --layout %s DOCUMENTO.xml", doc->path);
        return PL_EDATA;
    }
    if (K == NULL) {
        pl_diags_add(diags, doc->path, 0, 0, PL_SEV_ERROR, "IO-004", NULL,
                     "no hay diseño de página para documentos de tipo %s",
                     pl_kind_name(doc->kind));
        return PL_EDATA;
    }
    pl_style style;
    const pl_style *S = &style;
    pl_buf layout_path = PL_BUF_INIT;

    if (pl_buf_printf(&fontdir, "%s/fonts", opts->datadir) != 0) {
        st = PL_ENOMEM;
        goto done;
    }
    st = pl_pdf_new(fontdir.data, &pdf);
    if (st != PL_OK) {
        pl_diags_add(diags, doc->path, 0, 0, PL_SEV_ERROR, "IO-004", NULL,
                     "no se pudo cargar la fuente %s",
                     pl_pdf_error_detail(pdf) ? pl_pdf_error_detail(pdf) : fontdir.data);
        goto done;
    }
    char hy[4096];
    pl_ts_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.metrics = pl_pdf_metrics(pdf);
    cfg.hyphen_dict = hyphen_dict(opts->datadir, hy, sizeof hy);
    cfg.doc = doc;
    cfg.diags = diags;
    ts = pl_ts_new(&cfg);
    if (ts == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    if (opts->layout)
        pl_buf_puts(&layout_path, opts->layout);
    else
        pl_buf_printf(&layout_path, "%s/layouts/%s.xml", opts->datadir, pl_kind_name(doc->kind));
    if (layout_path.data == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    st = pl_style_load(layout_path.data, opts->datadir, doc->kind, pl_ts_arena(ts), &style, diags);
    if (st != PL_OK)
        goto done;
    pl_lay L;
    memset(&L, 0, sizeof L);
    L.ts = ts;
    L.doc = doc;
    L.st = S;
    L.arena = pl_ts_arena(ts);
    L.diags = diags;
    if (pl_lay_check_images(&L) != 0) {
        st = PL_EDATA; /* the layout's fault, not the document's */
        goto done;
    }
    K->layout(&L, &body);
    PL_CHECK(L.status);
    if (pl_diags_count(diags, PL_SEV_ERROR) > errors_before && !opts->draft) {
        st = PL_EDOC; /* e.g. a character the font lacks: no file */
        goto done;
    }
    pl_page_geom g;
    memset(&g, 0, sizeof g);
    g.width = S->page_w;
    g.height = S->page_h;
    g.top = S->margin_t;
    g.bottom = S->margin_b;
    g.note_sep = 10;
    g.note_gap = 2;
    g.rule_x = S->margin_l;
    g.rule_w = 150;
    PL_CHECK(pl_ts_paginate(ts, &body, &g));
    pl_ts_report rep;
    PL_CHECK(pl_ts_report_typography(ts, opts->report, &rep));
    if (opts->stats)
        *opts->stats = rep;
    size_t np = pl_ts_page_count(ts);
    for (size_t i = 0; i < np; i++)
        pl_lay_decorate(&L, pl_ts_page(ts, i), i, np);
    PL_CHECK(L.status);

    pl_pdf_info info;
    memset(&info, 0, sizeof info);
    info.title = text_at(&L, K->title_path);
    info.subject = text_at(&L, K->subject_path);
    info.author = text_at(&L, K->author_path);
    info.keywords = K->keywords;
    info.label_style = S->label_style;
    info.label_prefix = S->label_prefix;
    info.label_start = S->label_start;
    info.epoch = opts->source_date_epoch >= 0 ? opts->source_date_epoch
                                              : date_epoch(text_at(&L, K->date_path));
    PL_CHECK(pl_pdf_draw(pdf, ts, S->page_w, S->page_h, &info,
                         opts->draft ? "BORRADOR — SIN VALIDEZ" : NULL));
    PL_CHECK(pl_pdf_save(pdf, out_path));
done:
    pl_vlist_free(&body);
    pl_ts_free(ts);
    pl_pdf_free(pdf);
    pl_buf_free(&fontdir);
    pl_buf_free(&layout_path);
    return st;
}
