/* Diagnostics: problems in the user's document (file, line, column,
 * severity, rule id, Spanish message, XPath). Stages append to a sink and
 * go on, so one run reports everything. The library never prints them;
 * cmd/ formats them as text, JSON or SARIF.
 *
 * Ownership: the sink owns copies of every string added; pl_diags_free
 * releases them. */
#ifndef PL_DIAG_H
#define PL_DIAG_H

#include <stdarg.h>
#include <stddef.h>

typedef enum pl_severity {
    PL_SEV_NOTE = 0,
    PL_SEV_WARNING = 1,
    PL_SEV_ERROR = 2
} pl_severity;

typedef struct pl_diag {
    char *file;    /* path as given by the user */
    int line, col; /* 1-based; 0 when unknown */
    pl_severity sev;
    char *rule;    /* e.g. "NUM-001" */
    char *message; /* Spanish, no trailing period, no rule id */
    char *xpath;   /* e.g. "/acuerdo/puntos/punto[2]/p[1]", or NULL */
} pl_diag;

typedef struct pl_diags {
    pl_diag *items;
    size_t n, cap;
    int oom; /* set when an add failed for lack of memory */
} pl_diags;

#define PL_DIAGS_INIT {NULL, 0, 0, 0}

/* Appends a diagnostic; the message is printf-formatted. Strings are
 * copied. On allocation failure the diagnostic is dropped and d->oom set. */
void pl_diags_add(pl_diags *d, const char *file, int line, int col,
                  pl_severity sev, const char *rule, const char *xpath,
                  const char *fmt, ...) __attribute__((format(printf, 8, 9)));
void pl_diags_vadd(pl_diags *d, const char *file, int line, int col,
                   pl_severity sev, const char *rule, const char *xpath,
                   const char *fmt, va_list ap);

/* Number of diagnostics of exactly this severity. */
size_t pl_diags_count(const pl_diags *d, pl_severity sev);

/* Stable sort by file, line, column (the order a reader expects). */
void pl_diags_sort(pl_diags *d);

/* Moves every diagnostic of src to the end of dst; src is left empty. */
void pl_diags_move(pl_diags *dst, pl_diags *src);

/* Spanish word for a severity: "error", "aviso", "nota". */
const char *pl_severity_name(pl_severity sev);
/* English-free id for machine formats: "error", "warning", "note". */
const char *pl_severity_id(pl_severity sev);

void pl_diags_free(pl_diags *d);

#endif
