/* pdf: libharu wrapper. See pdf.h. Uses libharu 2.3.0's exported internals
 * (hpdf_doc.h, hpdf_font.h) for two things the public API lacks: a correct
 * ToUnicode CMap (libharu writes a malformed one) and glyph coverage
 * (libharu silently draws .notdef boxes). Safe because we pin 2.3.0.
 *
 * Kerning (kern.h) enters in two places that must agree: m_width adds the
 * kerning of a string to libharu's advance widths, and show() draws the
 * string in pieces, each placed where the kerning puts it (libharu has no
 * TJ operator). Every text the engine measured is drawn by show(). */
#include "pdf.h"

#include "kern.h"

#include "../util/buf.h"
#include "../util/utf8.h"

#include <hpdf.h>
#include <png.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const font_files[PL_FONT_COUNT] = {
    "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
    "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
};

/* Distinct images per document (figures and logos): a bound on memory,
 * far above what an official document holds. */
#define PL_PDF_MAX_IMAGES 256

struct pl_pdf {
    HPDF_Doc doc;
    HPDF_Font font[PL_FONT_COUNT];
    HPDF_FontDef def[PL_FONT_COUNT];
    pl_kern *kern;
    HPDF_STATUS error, detail;
    char *error_detail;
    char text[4096]; /* NUL-terminated copy of a text op */
    struct {
        char *path;
        HPDF_Image img;
    } images[PL_PDF_MAX_IMAGES];
    int nimages;
};

static char pending_tmp[4096];

const char *pl_pdf_pending_tmp(void)
{
    return pending_tmp[0] ? pending_tmp : NULL;
}

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    pl_pdf *p = user;
    if (p->error == 0) {
        p->error = error_no;
        p->detail = detail_no;
    }
}

/* Replaces libharu's ToUnicode (an encoding CMap with cidrange) by a real
 * one: with UTF-8 encoding the CID is the code point, so every BMP code
 * maps to itself. */
static HPDF_STATUS fix_tounicode(HPDF_Doc pdf, HPDF_Font font)
{
    HPDF_Dict cm = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (cm == NULL)
        return HPDF_Error_GetCode(&pdf->error);
    cm->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream s = cm->stream;
    HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
                            "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                            "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
                            "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
                            "endcodespacerange\n");
    int hi[256], n = 0;
    for (int h = 0; h < 256; h++)
        if (h < 0xD8 || h > 0xDF)
            hi[n++] = h;
    for (int i = 0; i < n; i += 100) {
        int cnt = n - i < 100 ? n - i : 100;
        char line[64];
        snprintf(line, sizeof line, "%d beginbfrange\n", cnt);
        HPDF_Stream_WriteStr(s, line);
        for (int k = 0; k < cnt; k++) {
            snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi[i + k], hi[i + k],
                     hi[i + k]);
            HPDF_Stream_WriteStr(s, line);
        }
        HPDF_Stream_WriteStr(s, "endbfrange\n");
    }
    HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return HPDF_Dict_Add(font, "ToUnicode", cm);
}

/* Opens the same font files for kerning (kern.h). */
static pl_status load_kerning(pl_pdf *p, const char *fontdir)
{
    pl_buf paths[PL_FONT_COUNT];
    const char *names[PL_FONT_COUNT];
    pl_status st = PL_ENOMEM;
    int f = 0, bad = -1;
    for (; f < PL_FONT_COUNT; f++) {
        paths[f] = (pl_buf)PL_BUF_INIT;
        if (pl_buf_printf(&paths[f], "%s/%s", fontdir, font_files[f]) != 0) {
            pl_buf_free(&paths[f]);
            goto done;
        }
        names[f] = paths[f].data;
    }
    st = pl_kern_new(names, PL_FONT_COUNT, &p->kern, &bad);
    if (st == PL_EDATA && bad >= 0)
        p->error_detail = pl_buf_detach(&paths[bad]);
done:
    while (f-- > 0)
        pl_buf_free(&paths[f]);
    return st;
}

pl_status pl_pdf_new(const char *fontdir, pl_pdf **out)
{
    *out = NULL;
    pl_pdf *p = calloc(1, sizeof *p);
    if (p == NULL)
        return PL_ENOMEM;
    p->doc = HPDF_New(on_error, p);
    if (p->doc == NULL) {
        free(p);
        return PL_ENOMEM;
    }
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(p->doc);
    HPDF_SetCurrentEncoder(p->doc, "UTF-8");
    for (int f = 0; f < PL_FONT_COUNT; f++) {
        pl_buf path = PL_BUF_INIT;
        pl_buf_printf(&path, "%s/%s", fontdir, font_files[f]);
        if (access(path.data, R_OK) != 0) {
            p->error_detail = pl_buf_detach(&path);
            *out = p;
            return PL_EDATA;
        }
        const char *name = HPDF_LoadTTFontFromFile(p->doc, path.data, HPDF_TRUE);
        if (name)
            p->font[f] = HPDF_GetFont(p->doc, name, "UTF-8");
        if (p->font[f] == NULL || p->error) {
            p->error_detail = pl_buf_detach(&path);
            *out = p;
            return PL_EDATA;
        }
        pl_buf_free(&path);
        p->def[f] = ((HPDF_FontAttr)p->font[f]->attr)->fontdef;
        if (fix_tounicode(p->doc, p->font[f]) != HPDF_OK || p->error) {
            *out = p;
            return PL_EPDF;
        }
    }
    *out = p;
    return load_kerning(p, fontdir);
}

void pl_pdf_free(pl_pdf *p)
{
    if (p == NULL)
        return;
    if (p->doc)
        HPDF_Free(p->doc);
    for (int i = 0; i < p->nimages; i++)
        free(p->images[i].path);
    pl_kern_free(p->kern);
    free(p->error_detail);
    free(p);
}

const char *pl_pdf_error_detail(const pl_pdf *p)
{
    return p ? p->error_detail : NULL;
}

/* ------------------------------------------------------------------ */
/* Metrics                                                             */

/* Kerned width: libharu's advances (the /W widths viewers use) plus the
 * kerning between the string's characters. */
static double m_width(void *ctx, pl_font f, const char *s, size_t n, double size)
{
    pl_pdf *p = ctx;
    if (n == 0)
        return 0;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(p->font[f], (const HPDF_BYTE *)s, (HPDF_UINT)n);
    return ((double)tw.width + pl_kern_total(p->kern, f, s, n)) * size / 1000.0;
}

static int m_has_glyph(void *ctx, pl_font f, uint32_t cp)
{
    pl_pdf *p = ctx;
    if (cp > 0xFFFF)
        return 0;
    if (cp == ' ' || cp == 0xA0)
        return 1;
    return HPDF_TTFontDef_GetGlyphid(p->def[f], (HPDF_UINT16)cp) != 0;
}

/* The image kinds libharu reads, by their first bytes: 1 PNG, 2 JPEG. */
static int image_kind(const char *path)
{
    unsigned char b[8] = {0};
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    size_t n = fread(b, 1, sizeof b, f);
    fclose(f);
    if (n == 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
        return 1;
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return 2;
    return 0;
}

/* Largest image accepted, in pixels: decoding it to check it costs 4
 * bytes a pixel, and no printed figure needs more. */
#define PL_PDF_MAX_PIXELS (40u * 1000u * 1000u)

/* libharu hands PNGs to libpng with an error handler that returns, which
 * libpng answers with abort(): a damaged PNG would kill the process. So
 * every PNG is decoded once here first, through libpng's own simplified
 * API (which reports errors instead), and only a sound one reaches
 * libharu. NULL when sound, else why not. */
static const char *png_unsound(const char *path)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&im, path))
        return "la imagen PNG está dañada o usa una variante que no se admite";
    if ((size_t)im.width * im.height > PL_PDF_MAX_PIXELS) {
        png_image_free(&im);
        return "la imagen PNG tiene más de 40 millones de píxeles";
    }
    im.format = PNG_FORMAT_RGBA;
    void *buf = malloc(PNG_IMAGE_SIZE(im));
    if (buf == NULL) {
        png_image_free(&im);
        return "memoria insuficiente para leer la imagen";
    }
    int ok = png_image_finish_read(&im, NULL, buf, 0, NULL);
    free(buf);
    png_image_free(&im);
    return ok ? NULL : "la imagen PNG está dañada o usa una variante que no se admite";
}

static int m_image(void *ctx, const char *path, float *w, float *h, const char **why)
{
    pl_pdf *p = ctx;
    for (int i = 0; i < p->nimages; i++)
        if (strcmp(p->images[i].path, path) == 0) {
            *w = (float)HPDF_Image_GetWidth(p->images[i].img);
            *h = (float)HPDF_Image_GetHeight(p->images[i].img);
            return i;
        }
    if (p->nimages == PL_PDF_MAX_IMAGES) {
        *why = "el documento tiene demasiadas imágenes distintas";
        return -1;
    }
    int kind = image_kind(path);
    if (kind < 0) {
        *why = "no se puede leer el archivo";
        return -1;
    }
    if (kind == 0) {
        *why = "no es una imagen PNG ni JPEG";
        return -1;
    }
    if (kind == 1 && (*why = png_unsound(path)) != NULL)
        return -1;
    char *copy = strdup(path);
    if (copy == NULL) {
        *why = "memoria insuficiente";
        return -1;
    }
    HPDF_Image img = kind == 1 ? HPDF_LoadPngImageFromFile(p->doc, path)
                               : HPDF_LoadJpegImageFromFile(p->doc, path);
    if (img == NULL || p->error) {
        /* a damaged image must not poison the whole document: libharu's
         * error is sticky until reset */
        HPDF_ResetError(p->doc);
        p->error = 0;
        p->detail = 0;
        free(copy);
        *why = kind == 1 ? "la imagen PNG está dañada o usa una variante que no se admite"
                         : "la imagen JPEG está dañada o usa una variante que no se admite";
        return -1;
    }
    p->images[p->nimages].path = copy;
    p->images[p->nimages].img = img;
    *w = (float)HPDF_Image_GetWidth(img);
    *h = (float)HPDF_Image_GetHeight(img);
    return p->nimages++;
}

pl_metrics pl_pdf_metrics(pl_pdf *p)
{
    pl_metrics m;
    memset(&m, 0, sizeof m);
    m.ctx = p;
    m.width = m_width;
    m.has_glyph = m_has_glyph;
    m.image = m_image;
    for (int f = 0; f < PL_FONT_COUNT; f++) {
        m.ascent[f] = HPDF_Font_GetAscent(p->font[f]) / 1000.0;
        m.descent[f] = -HPDF_Font_GetDescent(p->font[f]) / 1000.0;
    }
    return m;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void fill_color(HPDF_Page page, const pl_op *op)
{
    if (op->rgb & PL_RGB_SET)
        HPDF_Page_SetRGBFill(page, (float)((op->rgb >> 16) & 0xFF) / 255.0f,
                             (float)((op->rgb >> 8) & 0xFF) / 255.0f,
                             (float)(op->rgb & 0xFF) / 255.0f);
    else
        HPDF_Page_SetGrayFill(page, op->gray);
}

static void stroke_color(HPDF_Page page, const pl_op *op)
{
    if (op->rgb & PL_RGB_SET)
        HPDF_Page_SetRGBStroke(page, (float)((op->rgb >> 16) & 0xFF) / 255.0f,
                               (float)((op->rgb >> 8) & 0xFF) / 255.0f,
                               (float)(op->rgb & 0xFF) / 255.0f);
    else
        HPDF_Page_SetGrayStroke(page, op->gray);
}

static const char *cstr(pl_pdf *p, const char *s, size_t n)
{
    if (n >= sizeof p->text)
        n = sizeof p->text - 1;
    memcpy(p->text, s, n);
    p->text[n] = '\0';
    return p->text;
}

/* Draws n bytes of s in face f at size (already the current font) with
 * the baseline starting at (x, y), kerned: each piece of kern.h at its
 * unkerned position (libharu's advances of what precedes it) plus its
 * shift. Ends where m_width says. Out of memory draws nothing and is
 * reported by pl_kern_failed. */
static void show(pl_pdf *p, HPDF_Page page, pl_font f, float size, float x, float y,
                 const char *s, size_t n)
{
    const pl_kern_piece *pc;
    size_t np = pl_kern_pieces(p->kern, f, s, n, &pc);
    HPDF_UINT adv = 0; /* libharu's advance of the pieces drawn, 1/1000 em */
    for (size_t i = 0; i < np; i++) {
        size_t end = i + 1 < np ? pc[i + 1].off : n;
        const char *t = s + pc[i].off;
        size_t len = end - pc[i].off;
        double px = x + ((double)adv + pc[i].shift) * size / 1000.0;
        HPDF_Page_TextOut(page, (HPDF_REAL)px, y, cstr(p, t, len));
        if (i + 1 < np)
            adv += HPDF_Font_TextWidth(p->font[f], (const HPDF_BYTE *)t, (HPDF_UINT)len).width;
    }
}

static void text_at(pl_pdf *p, HPDF_Page page, pl_font f, float size, float x, float y,
                    const char *s, size_t n, const pl_op *color)
{
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, p->font[f], size);
    if (color)
        fill_color(page, color);
    else
        HPDF_Page_SetGrayFill(page, 0);
    show(p, page, f, size, x, y, s, n);
    HPDF_Page_EndText(page);
}

static float text_width(pl_pdf *p, pl_font f, float size, const char *s, size_t n)
{
    return (float)m_width(p, f, s, n, size);
}

/* Expands "{n}" and "{N}" in fmt. */
static void expand(char *out, size_t cap, const char *fmt, size_t len, int n, int total)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 12 < cap; i++) {
        if (fmt[i] == '{' && i + 2 < len && fmt[i + 2] == '}' &&
            (fmt[i + 1] == 'n' || fmt[i + 1] == 'N')) {
            o += (size_t)snprintf(out + o, cap - o, "%d", fmt[i + 1] == 'n' ? n : total);
            i += 2;
        } else {
            out[o++] = fmt[i];
        }
    }
    out[o] = '\0';
}

static HPDF_Destination dest_for(HPDF_Page *pages, size_t npages, const pl_anchor *a, float h)
{
    if (a == NULL || a->page < 0 || (size_t)a->page >= npages)
        return NULL;
    HPDF_Destination d = HPDF_Page_CreateDestination(pages[a->page]);
    if (d)
        HPDF_Destination_SetXYZ(d, 0, h - a->y + 12, 1);
    return d;
}

static void draw_watermark(pl_pdf *p, HPDF_Page page, float w, float h, const char *text)
{
    float size = 44;
    float tw = text_width(p, PL_F_SANS_BOLD, size, text, strlen(text));
    double ang = atan2(h, w);
    float c = (float)cos(ang), s = (float)sin(ang);
    HPDF_ExtGState gs = HPDF_CreateExtGState(p->doc);
    HPDF_ExtGState_SetAlphaFill(gs, 0.35f);
    HPDF_Page_GSave(page);
    HPDF_Page_SetExtGState(page, gs);
    /* rotate about the page centre, then centre the text on the origin */
    HPDF_Page_Concat(page, c, s, -s, c, w / 2, h / 2);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, p->font[PL_F_SANS_BOLD], size);
    HPDF_Page_SetRGBFill(page, 0.80f, 0.10f, 0.10f);
    show(p, page, PL_F_SANS_BOLD, size, -tw / 2, -size * 0.35f, text, strlen(text));
    HPDF_Page_EndText(page);
    HPDF_Page_GRestore(page);
}

pl_status pl_pdf_draw(pl_pdf *p, pl_ts *ts, float w, float h, const pl_pdf_info *info,
                      const char *watermark)
{
    if (info) {
        if (info->title)
            HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, info->title);
        if (info->subject)
            HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, info->subject);
        if (info->author)
            HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, info->author);
        if (info->keywords)
            HPDF_SetInfoAttr(p->doc, HPDF_INFO_KEYWORDS, info->keywords);
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "pleno " PL_VERSION);
        if (info->epoch >= 0) {
            time_t t = (time_t)info->epoch;
            struct tm tm;
            gmtime_r(&t, &tm);
            HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                           tm.tm_min, tm.tm_sec, '+', 0, 0};
            HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
            HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
        }
    }
    size_t np = pl_ts_page_count(ts);
    HPDF_Page *pages = calloc(np ? np : 1, sizeof *pages);
    if (pages == NULL)
        return PL_ENOMEM;
    for (size_t i = 0; i < np; i++) {
        pages[i] = HPDF_AddPage(p->doc);
        if (pages[i] == NULL)
            goto fail;
        HPDF_Page_SetWidth(pages[i], w);
        HPDF_Page_SetHeight(pages[i], h);
    }
    if (np > 0 && info) {
        HPDF_PageNumStyle ls = info->label_style == 1   ? HPDF_PAGE_NUM_STYLE_UPPER_ROMAN
                               : info->label_style == 2 ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
                                                        : HPDF_PAGE_NUM_STYLE_DECIMAL;
        HPDF_AddPageLabel(p->doc, 0, ls, info->label_start > 0 ? (HPDF_UINT)info->label_start : 1,
                          info->label_prefix);
    }
    char buf[512];
    for (size_t i = 0; i < np && !p->error; i++) {
        HPDF_Page page = pages[i];
        const pl_page *pg = pl_ts_page(ts, i);
        /* backgrounds, then rules, then text and links */
        for (size_t k = 0; k < pg->n; k++) {
            const pl_op *op = &pg->ops[k];
            if (op->kind == PL_OP_IMAGE && op->anchor >= 0 && op->anchor < p->nimages)
                HPDF_Page_DrawImage(page, p->images[op->anchor].img, op->x, h - op->y - op->h,
                                    op->w, op->h);
            if (op->kind != PL_OP_RECT)
                continue;
            fill_color(page, op);
            HPDF_Page_Rectangle(page, op->x, h - op->y - op->h, op->w, op->h);
            HPDF_Page_Fill(page);
        }
        for (size_t k = 0; k < pg->n; k++) {
            const pl_op *op = &pg->ops[k];
            if (op->kind != PL_OP_LINE)
                continue;
            HPDF_Page_SetLineWidth(page, op->lw > 0 ? op->lw : 0.5f);
            stroke_color(page, op);
            HPDF_Page_MoveTo(page, op->x, h - op->y);
            HPDF_Page_LineTo(page, op->x + op->w, h - op->y - op->h);
            HPDF_Page_Stroke(page);
        }
        int in_text = 0;
        pl_font cur_f = PL_FONT_COUNT;
        float cur_s = 0, cur_g = -1;
        uint32_t cur_rgb = 0;
        for (size_t k = 0; k < pg->n; k++) {
            const pl_op *op = &pg->ops[k];
            if (op->kind == PL_OP_TEXT) {
                if (!in_text) {
                    HPDF_Page_BeginText(page);
                    in_text = 1;
                    cur_f = PL_FONT_COUNT;
                    cur_g = -1;
                }
                if (op->font != cur_f || op->size != cur_s) {
                    HPDF_Page_SetFontAndSize(page, p->font[op->font], op->size);
                    cur_f = op->font;
                    cur_s = op->size;
                }
                if (op->gray != cur_g || op->rgb != cur_rgb) {
                    fill_color(page, op);
                    cur_g = op->gray;
                    cur_rgb = op->rgb;
                }
                show(p, page, op->font, op->size, op->x, h - op->y, op->text, op->len);
            }
        }
        if (in_text)
            HPDF_Page_EndText(page);
        for (size_t k = 0; k < pg->n; k++) {
            const pl_op *op = &pg->ops[k];
            if (op->kind == PL_OP_FIELD) {
                expand(buf, sizeof buf, op->text, op->len, (int)i + 1, (int)np);
                float tw = text_width(p, op->font, op->size, buf, strlen(buf));
                float x = op->w == 1 ? op->x - tw / 2 : op->w == 2 ? op->x - tw : op->x;
                text_at(p, page, op->font, op->size, x, h - op->y, buf, strlen(buf), op);
            } else if (op->kind == PL_OP_PAGEREF) {
                const pl_anchor *a = pl_ts_anchor(ts, op->anchor);
                snprintf(buf, sizeof buf, "%d", a && a->page >= 0 ? a->page + 1 : 0);
                float tw = text_width(p, op->font, op->size, buf, strlen(buf));
                text_at(p, page, op->font, op->size, op->x - tw, h - op->y, buf, strlen(buf), NULL);
                /* dot leaders on a fixed grid, so columns of dots align */
                float dot = text_width(p, op->font, op->size, ".", 1);
                float step = op->size * 0.45f;
                float from = op->x - op->w, to = op->x - tw - step;
                float start = ceilf(from / step) * step;
                pl_buf dots = PL_BUF_INIT;
                for (float x = start; x + dot <= to; x += step) {
                    (void)x;
                    pl_buf_putc(&dots, '.');
                }
                if (dots.len) {
                    HPDF_Page_BeginText(page);
                    HPDF_Page_SetFontAndSize(page, p->font[op->font], op->size);
                    HPDF_Page_SetGrayFill(page, 0);
                    HPDF_Page_SetCharSpace(page, step - dot);
                    HPDF_Page_TextOut(page, start, h - op->y, dots.data);
                    HPDF_Page_SetCharSpace(page, 0);
                    HPDF_Page_EndText(page);
                }
                pl_buf_free(&dots);
            } else if (op->kind == PL_OP_URI && op->uri[0] == '#') {
                /* an internal cross-reference: to the section of that id */
                HPDF_Destination d =
                    dest_for(pages, np, pl_ts_anchor(ts, pl_ts_anchor_by_id(ts, op->uri + 1)), h);
                if (d) {
                    HPDF_Rect r = {op->x, h - op->y - op->h, op->x + op->w, h - op->y};
                    HPDF_Annotation an = HPDF_Page_CreateLinkAnnot(page, r, d);
                    if (an)
                        HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
                }
            } else if (op->kind == PL_OP_URI) {
                HPDF_Rect r = {op->x, h - op->y - op->h, op->x + op->w, h - op->y};
                HPDF_Annotation an = HPDF_Page_CreateURILinkAnnot(page, r, op->uri);
                if (an)
                    HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
            } else if (op->kind == PL_OP_GOTO) {
                HPDF_Destination d = dest_for(pages, np, pl_ts_anchor(ts, op->anchor), h);
                if (d) {
                    HPDF_Rect r = {op->x, h - op->y - op->h, op->x + op->w, h - op->y};
                    HPDF_Annotation an = HPDF_Page_CreateLinkAnnot(page, r, d);
                    if (an)
                        HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
                }
            }
        }
        if (watermark)
            draw_watermark(p, page, w, h, watermark);
    }
    /* outline */
    HPDF_Outline stack[8] = {0};
    HPDF_Encoder enc = HPDF_GetEncoder(p->doc, "UTF-8");
    for (size_t i = 0; i < pl_ts_anchor_count(ts) && !p->error; i++) {
        const pl_anchor *a = pl_ts_anchor(ts, (int)i);
        if (a->title == NULL || a->page < 0)
            continue;
        int lvl = a->level < 0 ? 0 : a->level > 7 ? 7 : a->level;
        HPDF_Outline parent = NULL;
        for (int l = lvl - 1; l >= 0 && !parent; l--)
            parent = stack[l];
        HPDF_Outline o = HPDF_CreateOutline(p->doc, parent, a->title, enc);
        if (o == NULL)
            break;
        HPDF_Outline_SetOpened(o, lvl == 0 ? HPDF_TRUE : HPDF_FALSE);
        HPDF_Destination d = dest_for(pages, np, a, h);
        if (d)
            HPDF_Outline_SetDestination(o, d);
        stack[lvl] = o;
        for (int l = lvl + 1; l < 8; l++)
            stack[l] = NULL;
    }
    if (np > 0)
        HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
    free(pages);
    if (pl_kern_failed(p->kern))
        return PL_ENOMEM; /* a width or a piece came out unkerned */
    return p->error ? PL_EPDF : PL_OK;
fail:
    free(pages);
    return p->error == HPDF_FAILD_TO_ALLOC_MEM ? PL_ENOMEM : PL_EPDF;
}

pl_status pl_pdf_save(pl_pdf *p, const char *path)
{
    if (p->error)
        return PL_EPDF;
    snprintf(pending_tmp, sizeof pending_tmp, "%s.tmp-%ld", path, (long)getpid());
    HPDF_STATUS s = HPDF_SaveToFile(p->doc, pending_tmp);
    if (s != HPDF_OK || p->error) {
        unlink(pending_tmp);
        pending_tmp[0] = '\0';
        return p->detail == 0 && p->error == HPDF_FILE_IO_ERROR ? PL_EIO : PL_EIO;
    }
    if (rename(pending_tmp, path) != 0) {
        unlink(pending_tmp);
        pending_tmp[0] = '\0';
        return PL_EIO;
    }
    pending_tmp[0] = '\0';
    return PL_OK;
}
