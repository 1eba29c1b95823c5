/* Diagnostics sink. */
#include "diag.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void pl_diags_vadd(pl_diags *d, const char *file, int line, int col,
                   pl_severity sev, const char *rule, const char *xpath,
                   const char *fmt, va_list ap)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        pl_diag *items = realloc(d->items, cap * sizeof *items);
        if (items == NULL) {
            d->oom = 1;
            return;
        }
        d->items = items;
        d->cap = cap;
    }
    pl_buf msg = PL_BUF_INIT;
    if (pl_buf_vprintf(&msg, fmt, ap) != 0) {
        pl_buf_free(&msg);
        d->oom = 1;
        return;
    }
    pl_diag *g = &d->items[d->n];
    g->file = dup_or_null(file ? file : "-");
    g->line = line;
    g->col = col;
    g->sev = sev;
    g->rule = dup_or_null(rule ? rule : "");
    g->message = pl_buf_detach(&msg);
    g->xpath = dup_or_null(xpath);
    if (g->file == NULL || g->rule == NULL || g->message == NULL ||
        (xpath != NULL && g->xpath == NULL)) {
        free(g->file);
        free(g->rule);
        free(g->message);
        free(g->xpath);
        d->oom = 1;
        return;
    }
    d->n++;
}

void pl_diags_add(pl_diags *d, const char *file, int line, int col,
                  pl_severity sev, const char *rule, const char *xpath,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pl_diags_vadd(d, file, line, col, sev, rule, xpath, fmt, ap);
    va_end(ap);
}

size_t pl_diags_count(const pl_diags *d, pl_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].sev == sev)
            n++;
    return n;
}

static int before(const pl_diag *a, const pl_diag *b)
{
    int c = strcmp(a->file, b->file);
    if (c != 0)
        return c < 0;
    if (a->line != b->line)
        return a->line < b->line;
    return a->col < b->col;
}

void pl_diags_sort(pl_diags *d)
{
    /* Insertion sort: stable, and diagnostics come nearly sorted. */
    for (size_t i = 1; i < d->n; i++) {
        pl_diag x = d->items[i];
        size_t j = i;
        while (j > 0 && before(&x, &d->items[j - 1])) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = x;
    }
}

void pl_diags_move(pl_diags *dst, pl_diags *src)
{
    for (size_t i = 0; i < src->n; i++) {
        if (dst->n == dst->cap) {
            size_t cap = dst->cap ? dst->cap * 2 : 16;
            pl_diag *items = realloc(dst->items, cap * sizeof *items);
            if (items == NULL) {
                dst->oom = 1;
                break;
            }
            dst->items = items;
            dst->cap = cap;
        }
        dst->items[dst->n++] = src->items[i];
        src->items[i].file = src->items[i].rule = NULL;
        src->items[i].message = src->items[i].xpath = NULL;
    }
    pl_diags_free(src);
}

const char *pl_severity_name(pl_severity sev)
{
    switch (sev) {
    case PL_SEV_ERROR: return "error";
    case PL_SEV_WARNING: return "aviso";
    default: return "nota";
    }
}

const char *pl_severity_id(pl_severity sev)
{
    switch (sev) {
    case PL_SEV_ERROR: return "error";
    case PL_SEV_WARNING: return "warning";
    default: return "note";
    }
}

void pl_diags_free(pl_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].rule);
        free(d->items[i].message);
        free(d->items[i].xpath);
    }
    free(d->items);
    d->items = NULL;
    d->n = d->cap = 0;
}
