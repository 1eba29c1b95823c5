/* cmd: the citations of a document for `pleno cites`, as an aligned
 * table or as JSON. */
#include "output.h"

#include "../src/util/buf.h"
#include "../src/util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Widest instrument name shown in the table (names the catalogue lacks
 * are shown as written, and can be long). */
#define NAME_CELL_MAX 40

enum { COL_WHERE, COL_INS, COL_VER, COL_ART, COL_AP, COL_FRAC, COL_OTHER, COL_VIA, NCOLS };

static const char *const headers[NCOLS] = {"UBICACIÓN", "INSTRUMENTO", "VERSIÓN", "ARTÍCULO",
                                           "APARTADO",  "FRACCIONES",  "OTROS",   "SE NOMBRA"};

/* Bytes of s[0..len) to show: at most max, cut at a character boundary. */
static int quote_len(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return (int)len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return (int)max;
}

static void fracs_of(const pl_cite *c, pl_buf *b, const char *sep)
{
    for (size_t k = 0; k < c->nfracs; k++) {
        char label[32];
        pl_frac_label(&c->fracs[k].f, label, sizeof label);
        pl_buf_printf(b, "%s%s", k ? sep : "", label);
        if (c->fracs[k].to) {
            pl_frac to = {c->fracs[k].to, 0, 0};
            pl_frac_label(&to, label, sizeof label);
            pl_buf_printf(b, " a %s", label);
        }
    }
}

static void article_of(const pl_cite *c, pl_buf *b)
{
    char a[96], z[96];
    pl_cite_article_label(c, 0, a, sizeof a);
    pl_buf_puts(b, a);
    if (c->article_to) {
        pl_cite_article_label(c, 1, z, sizeof z);
        pl_buf_printf(b, " a %s", z);
    }
}

static void parrafo_of(const pl_cite *c, pl_buf *b)
{
    if (c->parrafo == -1)
        pl_buf_puts(b, "último");
    else if (c->parrafo > 0)
        pl_buf_printf(b, "%d", c->parrafo);
}

static void cell(pl_buf *cells, const pl_cite *c, int col, const char *path)
{
    pl_buf *b = &cells[col];
    switch (col) {
    case COL_WHERE:
        pl_buf_printf(b, "%s:%d:%d", path, c->line, c->col);
        break;
    case COL_INS:
        if (c->ins)
            pl_buf_puts(b, c->ins->clave);
        else if (c->via == PL_VIA_SELF)
            pl_buf_puts(b, "(este documento)");
        else if (c->name)
            pl_buf_printf(b, "«%.*s%s»", quote_len(c->name, strlen(c->name), NAME_CELL_MAX),
                          c->name, strlen(c->name) > NAME_CELL_MAX ? "…" : "");
        else
            pl_buf_puts(b, "?");
        break;
    case COL_VER:
        if (c->ver)
            pl_buf_puts(b, c->ver->id);
        break;
    case COL_ART:
        article_of(c, b);
        break;
    case COL_AP:
        if (c->apartado)
            pl_buf_putc(b, c->apartado);
        break;
    case COL_FRAC:
        fracs_of(c, b, ", ");
        break;
    case COL_OTHER:
        if (c->incisos)
            pl_buf_printf(b, "inciso%s %s", strchr(c->incisos, ',') ? "s" : "", c->incisos);
        if (c->parrafo) {
            pl_buf_puts(b, b->len ? "; párrafo " : "párrafo ");
            parrafo_of(c, b);
        }
        break;
    case COL_VIA:
        pl_buf_puts(b, pl_cite_via_name(c->via));
        break;
    }
}

void out_cites_text(FILE *f, const char *path, const pl_cites *cs, int header)
{
    size_t width[NCOLS];
    pl_buf *rows = calloc(cs->n * NCOLS + NCOLS, sizeof *rows);
    if (rows == NULL)
        return;
    for (int k = 0; k < NCOLS; k++) {
        pl_buf_puts(&rows[k], headers[k]);
        width[k] = pl_utf8_count(rows[k].data, rows[k].len);
    }
    for (size_t i = 0; i < cs->n; i++)
        for (int k = 0; k < NCOLS; k++) {
            pl_buf *b = &rows[(i + 1) * NCOLS + k];
            cell(&rows[(i + 1) * NCOLS], &cs->v[i], k, path);
            size_t w = b->data ? pl_utf8_count(b->data, b->len) : 0;
            if (w > width[k])
                width[k] = w;
        }
    for (size_t i = header ? 0 : 1; i <= cs->n; i++) {
        pl_buf line = PL_BUF_INIT;
        for (int k = 0; k < NCOLS; k++) {
            pl_buf *b = &rows[i * NCOLS + k];
            const char *t = b->data ? b->data : "";
            pl_buf_puts(&line, t);
            if (k + 1 < NCOLS)
                for (size_t w = pl_utf8_count(t, strlen(t)); w < width[k] + 2; w++)
                    pl_buf_putc(&line, ' ');
        }
        while (line.len > 0 && line.data[line.len - 1] == ' ')
            line.data[--line.len] = '\0';
        fprintf(f, "%s\n", line.data ? line.data : "");
        pl_buf_free(&line);
    }
    for (size_t i = 0; i < cs->n * NCOLS + NCOLS; i++)
        pl_buf_free(&rows[i]);
    free(rows);
}

static void json_str(pl_buf *b, const char *s)
{
    if (s == NULL) {
        pl_buf_puts(b, "null");
        return;
    }
    pl_buf_putc(b, '"');
    pl_buf_json_escape(b, s);
    pl_buf_putc(b, '"');
}

void out_cites_json(FILE *f, const char *path, const pl_cites *cs, int *first)
{
    for (size_t i = 0; i < cs->n; i++) {
        const pl_cite *c = &cs->v[i];
        pl_buf b = PL_BUF_INIT, t = PL_BUF_INIT, xp = PL_BUF_INIT;
        pl_buf_puts(&b, *first ? "\n  {" : ",\n  {");
        *first = 0;
        pl_buf_puts(&b, "\"archivo\": ");
        json_str(&b, path);
        pl_buf_printf(&b, ", \"linea\": %d, \"columna\": %d, \"xpath\": ", c->line, c->col);
        json_str(&b, c->at && pl_node_xpath(c->at, &xp) == 0 ? xp.data : NULL);
        pl_buf_puts(&b, ", \"texto\": ");
        json_str(&b, c->text);
        pl_buf_puts(&b, ", \"instrumento\": ");
        json_str(&b, c->ins ? c->ins->clave : NULL);
        pl_buf_puts(&b, ", \"nombre\": ");
        json_str(&b, c->ins ? c->ins->nombre : c->name);
        pl_buf_puts(&b, ", \"version\": ");
        json_str(&b, c->ver ? c->ver->id : NULL);
        pl_buf_puts(&b, ", \"se_nombra\": ");
        json_str(&b, pl_cite_via_name(c->via));
        pl_buf_puts(&b, ", \"articulo\": ");
        char a[96];
        json_str(&b, pl_cite_article_label(c, 0, a, sizeof a));
        pl_buf_puts(&b, ", \"hasta\": ");
        json_str(&b, c->article_to ? pl_cite_article_label(c, 1, a, sizeof a) : NULL);
        pl_buf_printf(&b,
                      ", \"transitorio\": %s, \"apartado\": ", c->transitorio ? "true" : "false");
        char ap[2] = {c->apartado, '\0'};
        json_str(&b, c->apartado ? ap : NULL);
        pl_buf_puts(&b, ", \"fracciones\": [");
        for (size_t k = 0; k < c->nfracs; k++) {
            char label[32];
            pl_buf_clear(&t);
            pl_frac_label(&c->fracs[k].f, label, sizeof label);
            pl_buf_puts(&t, label);
            if (c->fracs[k].to) {
                pl_frac to = {c->fracs[k].to, 0, 0};
                pl_buf_printf(&t, " a %s", pl_frac_label(&to, label, sizeof label));
            }
            if (k)
                pl_buf_puts(&b, ", ");
            json_str(&b, t.data);
        }
        pl_buf_puts(&b, "], \"incisos\": ");
        json_str(&b, c->incisos);
        pl_buf_puts(&b, ", \"parrafo\": ");
        pl_buf_clear(&t);
        parrafo_of(c, &t);
        json_str(&b, c->parrafo ? t.data : NULL);
        pl_buf_puts(&b, "}");
        fputs(b.data ? b.data : "", f);
        pl_buf_free(&b);
        pl_buf_free(&t);
        pl_buf_free(&xp);
    }
}
