/* Reading a whole file with a size bound. */
#ifndef PL_FILE_H
#define PL_FILE_H

#include <stddef.h>

#include "buf.h"
#include "status.h"

/* Appends the contents of path ("-" is standard input) to out, refusing
 * files larger than max bytes. Returns PL_OK; PL_EIO with *err set to
 * errno and *opening telling whether the open failed (rather than a
 * read); PL_ELIMIT; or PL_ENOMEM. On failure out may hold part of the file
 * (the caller frees it). */
pl_status pl_read_file(const char *path, size_t max, pl_buf *out, int *err, int *opening);

#endif
