/* rules: helpers shared by the domain rule files — reporting with exact
 * positions, the walk over text blocks, acuerdo metadata. */
#include "check.h"
#include "es.h"

#include "../util/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pl_severity severity_of(const char *rule)
{
    const pl_rule_info *info = pl_rules_find(rule);
    return info ? info->sev : PL_SEV_ERROR;
}

/* Most diagnostics one rule reports in one document. Placing each one
 * costs a pass over the source (pl_text_pos counts lines from the top), so
 * a pathological input with errors everywhere would take quadratic time;
 * and past a few hundred of one kind a reader learns nothing new. */
#define RULE_DIAGS_MAX 200

/* How many diagnostics of rule end the sink (a rule's diagnostics are
 * appended together: the rules run one after another). */
static size_t trailing_count(const pl_diags *diags, const char *rule)
{
    size_t k = 0;
    while (k < diags->n && strcmp(diags->items[diags->n - 1 - k].rule, rule) == 0)
        k++;
    return k;
}

static void vreport(pl_diags *diags, const pl_doc *doc, const char *rule, int line,
                    int col, const pl_node *at, const char *fmt, va_list ap)
{
    size_t done = trailing_count(diags, rule);
    if (done > RULE_DIAGS_MAX)
        return; /* the note below is already there */
    if (done == RULE_DIAGS_MAX) {
        pl_diags_add(diags, doc->path, line, col, PL_SEV_NOTE, rule, NULL,
                     "hay más de %d diagnósticos de esta regla en el documento; "
                     "se omiten los demás", RULE_DIAGS_MAX);
        return;
    }
    pl_buf xp = PL_BUF_INIT;
    const char *xpath = NULL;
    if (at != NULL) {
        if (pl_node_xpath(at, &xp) == 0)
            xpath = xp.data;
        else
            diags->oom = 1;
    }
    pl_diags_vadd(diags, doc->path, line, col, severity_of(rule), rule, xpath, fmt, ap);
    pl_buf_free(&xp);
}

void pl_report_node(pl_diags *diags, const pl_doc *doc, const char *rule,
                    const pl_node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(diags, doc, rule, n->line, n->col, n, fmt, ap);
    va_end(ap);
}

/* pl_text_pos stops on the first white-space character of a collapsed run
 * when the character asked for follows it (model.c, see the report): the
 * position is then that of the line break or indentation before it. Moves
 * line:col past such white space to the character itself. */
static void skip_collapsed_space(const pl_doc *doc, int *line, int *col)
{
    const char *s = doc->source;
    size_t n = doc->source_len, pos = 0;
    for (int l = 1; l < *line && pos < n; pos++)
        if (s[pos] == '\n')
            l++;
    for (int c = 1; c < *col && pos < n; c++) {
        pos++;
        while (pos < n && ((unsigned char)s[pos] & 0xC0) == 0x80)
            pos++;
    }
    while (pos < n && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) {
        if (s[pos] == '\n') {
            (*line)++;
            *col = 1;
        } else if (s[pos] != '\r') {
            (*col)++;
        }
        pos++;
    }
}

void pl_rules_flat_position(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                            size_t off, int *line, int *col, const pl_node **at)
{
    const pl_node *t = NULL;
    *line = *col = 0;
    pl_flat_pos(doc, f, off, line, col, &t);
    *at = t && t->parent ? t->parent : block;
    if (*line == 0) { /* no text: the block's start tag */
        *line = block->line;
        *col = block->col;
    } else if (off < f->len && f->text[off] != ' ') {
        skip_collapsed_space(doc, line, col);
    }
}

void pl_rules_locator_init(pl_rules_locator *l, const pl_doc *doc, const pl_node *block,
                           const pl_flat *f)
{
    memset(l, 0, sizeof *l);
    l->doc = doc;
    l->block = block;
    l->f = f;
    l->pos = SIZE_MAX;
}

static int is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Line and column of raw position pos, going on from the last answer when
 * pos is not before it. */
static void locator_line_col(pl_rules_locator *l, size_t pos)
{
    const pl_doc *doc = l->doc;
    if (l->pos != SIZE_MAX && pos >= l->pos) {
        int newline = 0;
        for (size_t k = l->pos; k < pos; k++)
            if (doc->source[k] == '\n') {
                l->line++;
                l->line_start = k + 1;
                newline = 1;
            }
        l->col = newline ? (int)pl_utf8_count(doc->source + l->line_start, pos - l->line_start) + 1
                         : l->col + (int)pl_utf8_count(doc->source + l->pos, pos - l->pos);
        l->pos = pos;
        return;
    }
    /* the first answer, or one going back: as pl_text_pos does */
    size_t lo = 0, hi = doc->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    l->line = (int)lo + 1;
    l->line_start = doc->nlines ? doc->line_starts[lo] : 0;
    l->col = (int)pl_utf8_count(doc->source + l->line_start, pos - l->line_start) + 1;
    l->pos = pos;
}

void pl_rules_locate(pl_rules_locator *l, size_t off, int *line, int *col, const pl_node **at)
{
    const pl_flat *f = l->f;
    if (off < l->last_off || l->t == NULL) {
        l->span = 0;
        l->t = NULL;
        l->pos = SIZE_MAX;
    }
    l->last_off = off;
    /* the span holding off (as pl_flat_pos) */
    const pl_flat_span *best = NULL;
    size_t k = l->span;
    for (size_t i = k; i < f->nspans; i++) {
        const pl_flat_span *sp = &f->spans[i];
        if (sp->text == NULL)
            continue;
        if (sp->flat_off > off)
            break;
        best = sp;
        k = i;
    }
    if (best == NULL) { /* no text: the block's start tag */
        *line = l->block->line;
        *col = l->block->col;
        *at = l->block;
        return;
    }
    /* replay the run (as pl_text_pos), going on from the last call */
    const pl_node *t = best->text;
    if (t != l->t || k != l->span) {
        l->t = t;
        l->span = k;
        l->i = l->produced = 0;
        l->prev_space = 0;
    }
    size_t into = off - best->flat_off;
    if (into > best->len)
        into = best->len;
    size_t target = best->node_off + into;
    const char *raw = l->doc->source + t->src_off;
    size_t n = t->src_len;
    while (l->i < n && l->produced < target) {
        unsigned char c = (unsigned char)raw[l->i];
        if (is_blank((char)c)) {
            if (!l->prev_space)
                l->produced++;
            l->prev_space = 1;
            l->i++;
            continue;
        }
        l->prev_space = 0;
        if (c == '&' && !t->cdata) {
            const char *semi = memchr(raw + l->i, ';', n - l->i);
            size_t outlen = 1;
            if (semi && raw[l->i + 1] == '#') {
                long cp = raw[l->i + 2] == 'x' ? strtol(raw + l->i + 3, NULL, 16)
                                               : strtol(raw + l->i + 2, NULL, 10);
                char tmp[4];
                outlen = (cp > 0 && cp <= 0x10FFFF) ? pl_utf8_encode((uint32_t)cp, tmp) : 1;
            }
            l->produced += outlen;
            l->i = semi ? (size_t)(semi - raw) + 1 : l->i + 1;
            continue;
        }
        l->produced++;
        l->i++;
    }
    size_t ri = l->i;
    if (l->prev_space)
        while (ri < n && is_blank(raw[ri]))
            ri++;
    size_t pos = t->src_off + ri;
    /* as skip_collapsed_space: to the character itself */
    if (off < f->len && f->text[off] != ' ')
        while (pos < l->doc->source_len && is_blank(l->doc->source[pos]))
            pos++;
    locator_line_col(l, pos);
    *line = l->line;
    *col = l->col;
    *at = t->parent ? t->parent : l->block;
}

void pl_report_at(pl_diags *diags, const pl_doc *doc, const char *rule, int line, int col,
                  const pl_node *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(diags, doc, rule, line, col, at, fmt, ap);
    va_end(ap);
}

void pl_report_flat(pl_diags *diags, const pl_doc *doc, const char *rule,
                    const pl_node *block, const pl_flat *f, size_t off,
                    const char *fmt, ...)
{
    if (trailing_count(diags, rule) > RULE_DIAGS_MAX)
        return; /* capped: do not pay for the position */
    int line, col;
    const pl_node *at;
    pl_rules_flat_position(doc, block, f, off, &line, &col, &at);
    va_list ap;
    va_start(ap, fmt);
    vreport(diags, doc, rule, line, col, at, fmt, ap);
    va_end(ap);
}

pl_status pl_rules_each_text(const pl_doc *doc, int skip_annexes, pl_text_fn fn, void *ctx)
{
    if (doc->root == NULL)
        return PL_OK;
    pl_iter it;
    pl_iter_init(&it, doc->root);
    while (pl_iter_next(&it) != PL_ITER_DONE) {
        if (it.ev != PL_ITER_ENTER)
            continue;
        const pl_node *n = it.cur;
        if (n->type == PL_N_METADATA || (skip_annexes && n->type == PL_N_ANNEX)) {
            pl_iter_skip_children(&it);
            continue;
        }
        if (!pl_node_is_textblock(n))
            continue;
        /* Children stay in the walk: a nested block (p in an elemento, a
         * nota in a p) is not in this block's flat text and gets its own
         * call. */
        pl_flat f;
        if (pl_flat_build(n, 0, &f) != 0) {
            pl_flat_free(&f);
            return PL_ENOMEM;
        }
        pl_status st = f.len > 0 ? fn(doc, n, &f, ctx) : PL_OK;
        pl_flat_free(&f);
        if (st != PL_OK)
            return st;
    }
    return PL_OK;
}

int pl_rules_inside(const pl_node *t, const pl_node *block, pl_node_type type)
{
    for (const pl_node *p = t ? t->parent : NULL; p != NULL && p != block; p = p->parent)
        if (p->type == type)
            return 1;
    return 0;
}

void pl_rules_acuerdo_meta(const pl_doc *doc, pl_acuerdo_meta *m)
{
    memset(m, 0, sizeof *m);
    if (doc->root == NULL)
        return;
    m->metadatos = pl_node_child(doc->root, PL_N_METADATA);
    if (m->metadatos == NULL)
        return;
    m->organo = pl_node_child(m->metadatos, PL_N_BODY_ORGAN);
    m->sesion = pl_node_child(m->metadatos, PL_N_SESSION);
    m->numero = pl_node_child(m->metadatos, PL_N_NUMBER);
    m->fecha = pl_node_child(m->metadatos, PL_N_DATE);
}

int pl_rules_parse_iso_date(const char *s, int *y, int *m, int *d)
{
    static const char shape[] = "dddd-dd-dd";
    if (s == NULL || strlen(s) != sizeof shape - 1)
        return -1;
    for (size_t i = 0; i < sizeof shape - 1; i++) {
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
            return -1;
    }
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return 0;
}

int pl_rules_doc_year(const pl_doc *doc)
{
    pl_acuerdo_meta m;
    pl_rules_acuerdo_meta(doc, &m);
    int y, mo, d;
    if (m.fecha != NULL) {
        pl_flat f;
        int ok = pl_flat_build(m.fecha, 0, &f) == 0 &&
                 pl_rules_parse_iso_date(f.text, &y, &mo, &d) == 0;
        pl_flat_free(&f);
        if (ok)
            return y;
    }
    if (m.sesion != NULL &&
        pl_rules_parse_iso_date(pl_node_attr(m.sesion, "fecha"), &y, &mo, &d) == 0)
        return y;
    return 0;
}

int pl_rules_doc_date(const pl_doc *doc)
{
    pl_acuerdo_meta m;
    pl_rules_acuerdo_meta(doc, &m);
    int y = 0, mo = 0, d = 0, ok = 0;
    if (m.fecha != NULL) {
        pl_flat f;
        ok = pl_flat_build(m.fecha, 0, &f) == 0 &&
             pl_rules_parse_iso_date(f.text, &y, &mo, &d) == 0;
        pl_flat_free(&f);
    }
    if (!ok && m.sesion != NULL)
        ok = pl_rules_parse_iso_date(pl_node_attr(m.sesion, "fecha"), &y, &mo, &d) == 0;
    if (!ok || !pl_date_valid(y, mo, d))
        return 0;
    return y * 10000 + mo * 100 + d;
}

int pl_rules_quote_len(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return (int)len;
    size_t k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return (int)k;
}
