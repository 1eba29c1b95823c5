/* Reading a whole file with a size bound. */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

pl_status pl_read_file(const char *path, size_t max, pl_buf *out, int *err, int *opening)
{
    *err = 0;
    *opening = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        *err = errno;
        *opening = 1;
        return PL_EIO;
    }
    char chunk[65536];
    size_t n;
    pl_status st = PL_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (out->len + n > max) {
            st = PL_ELIMIT;
            break;
        }
        if (pl_buf_append(out, chunk, n) != 0) {
            st = PL_ENOMEM;
            break;
        }
    }
    if (st == PL_OK && ferror(f)) {
        *err = errno;
        st = PL_EIO;
    }
    if (f != stdin)
        fclose(f);
    return st;
}
