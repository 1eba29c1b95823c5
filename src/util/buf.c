/* Growable byte buffer. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(pl_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2)
            return -1;
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (d == NULL)
        return -1;
    b->data = d;
    b->cap = cap;
    return 0;
}

int pl_buf_append(pl_buf *b, const char *s, size_t n)
{
    if (grow(b, n) != 0)
        return -1;
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int pl_buf_puts(pl_buf *b, const char *s)
{
    return pl_buf_append(b, s, strlen(s));
}

int pl_buf_putc(pl_buf *b, char c)
{
    return pl_buf_append(b, &c, 1);
}

int pl_buf_vprintf(pl_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || grow(b, (size_t)n) != 0)
        return -1;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int pl_buf_printf(pl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = pl_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return r;
}

int pl_buf_json_escape(pl_buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int r;
        switch (*p) {
        case '"': r = pl_buf_puts(b, "\\\""); break;
        case '\\': r = pl_buf_puts(b, "\\\\"); break;
        case '\n': r = pl_buf_puts(b, "\\n"); break;
        case '\r': r = pl_buf_puts(b, "\\r"); break;
        case '\t': r = pl_buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                r = pl_buf_printf(b, "\\u%04x", *p);
            else
                r = pl_buf_putc(b, (char)*p);
        }
        if (r != 0)
            return -1;
    }
    return 0;
}

void pl_buf_clear(pl_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *pl_buf_detach(pl_buf *b)
{
    char *d = b->data;
    if (d == NULL)
        d = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void pl_buf_free(pl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
