/* cmd: formatting diagnostics for the terminal and for machines. */
#ifndef PL_CMD_OUTPUT_H
#define PL_CMD_OUTPUT_H

#include <stdio.h>

#include "../src/rules/cite.h"
#include "../src/util/diag.h"

typedef enum { FMT_TEXT, FMT_JSON, FMT_SARIF } out_format;

/* text: one line per diagnostic, "file:line:col: error: mensaje [ID]". */
void out_text(FILE *f, const pl_diags *d);
/* json: an array of objects (file, line, column, severity, rule, message,
 * xpath). */
void out_json(FILE *f, const pl_diags *d);
/* The objects of out_json without the brackets, for an array built by
 * parts: *first says whether none was printed yet (for the commas). */
void out_json_items(FILE *f, const pl_diags *d, int *first);
/* SARIF 2.1.0 with every rule's metadata. */
void out_sarif(FILE *f, const pl_diags *d);

/* pleno cites: the citations of one document (path as given), as an
 * aligned table (text) or as objects of a JSON array (json; first says
 * whether one was printed before, for the commas). */
void out_cites_text(FILE *f, const char *path, const pl_cites *cs, int header);
void out_cites_json(FILE *f, const char *path, const pl_cites *cs, int *first);

#endif
