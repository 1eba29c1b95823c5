/* Status codes of operational failures (I/O, limits, libraries). Problems
 * in the user's document are diagnostics, not statuses. Codes never change
 * meaning. */
#ifndef PL_STATUS_H
#define PL_STATUS_H

typedef enum pl_status {
    PL_OK = 0,
    PL_EDOC = 1,      /* the document has errors (see the diagnostics) */
    PL_EIO = 2,       /* a file could not be read or written */
    PL_ENOMEM = 3,    /* out of memory */
    PL_ELIMIT = 4,    /* an input exceeds a documented limit */
    PL_EPDF = 5,      /* the PDF library failed */
    PL_EDATA = 6,     /* pleno's own data (schemas, fonts, layouts) is missing or broken */
    PL_EINTERNAL = 7  /* a bug */
} pl_status;

/* One cleanup label per function: PL_CHECK(call) jumps to `done` with
 * `st` set when call fails. */
#define PL_CHECK(call)                                                       \
    do {                                                                     \
        st = (call);                                                         \
        if (st != PL_OK)                                                     \
            goto done;                                                       \
    } while (0)

/* Short Spanish description of a status. */
const char *pl_status_str(pl_status st);

/* Spanish description of an errno value. */
const char *pl_strerror(int errnum);

#endif
