/* Growable byte buffer (malloc-owned; free with pl_buf_free).
 * The data is always NUL-terminated once anything has been appended. */
#ifndef PL_BUF_H
#define PL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct pl_buf {
    char *data;
    size_t len, cap;
} pl_buf;

#define PL_BUF_INIT {NULL, 0, 0}

/* Append n bytes / a C string / formatted text. Return 0, or -1 when out
 * of memory (the buffer is unchanged then). */
int pl_buf_append(pl_buf *b, const char *s, size_t n);
int pl_buf_puts(pl_buf *b, const char *s);
int pl_buf_putc(pl_buf *b, char c);
int pl_buf_printf(pl_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int pl_buf_vprintf(pl_buf *b, const char *fmt, va_list ap);

/* Appends s as the body of a JSON string (without quotes). */
int pl_buf_json_escape(pl_buf *b, const char *s);

/* Forgets the contents but keeps the memory. */
void pl_buf_clear(pl_buf *b);

/* Gives the data to the caller (who frees it) and resets the buffer.
 * Never NULL unless out of memory: an empty buffer yields "". */
char *pl_buf_detach(pl_buf *b);

void pl_buf_free(pl_buf *b);

#endif
