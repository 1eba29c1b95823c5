/* rules: lazily compiled PCRE2 patterns and their cleanup. */
#include "rx.h"

#include <assert.h>

static pl_rx *compiled; /* every pattern compiled so far */

const pcre2_code *pl_rx_code(pl_rx *rx)
{
    if (rx->code != NULL)
        return rx->code;
    int err;
    PCRE2_SIZE erroff;
    rx->code = pcre2_compile((PCRE2_SPTR)rx->pattern, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP | rx->options, &err,
                             &erroff, NULL);
    /* A pattern that does not compile is a bug in pleno, not in the
     * document; out of memory is the only other cause. */
    assert(rx->code != NULL || err == PCRE2_ERROR_HEAPLIMIT ||
           err == PCRE2_ERROR_NOMEMORY);
    if (rx->code == NULL)
        return NULL;
    rx->next = compiled;
    compiled = rx;
    return rx->code;
}

pcre2_match_data *pl_rx_match_data(void)
{
    return pcre2_match_data_create(PL_RX_MAX_GROUPS + 1, NULL);
}

int pl_rx_search(pl_rx *rx, const char *subj, size_t len, size_t start,
                 uint32_t opts, pcre2_match_data *md)
{
    const pcre2_code *code = pl_rx_code(rx);
    if (code == NULL)
        return PL_RX_ENOMEM;
    if (start > len)
        return PL_RX_EFAIL;
    /* The first search over a subject checks its UTF-8; later ones start
     * at the end of an earlier match, so they need not check again (the
     * check would make a scan quadratic in the length of a paragraph). */
    if (start > 0)
        opts |= PCRE2_NO_UTF_CHECK;
    int rc = pcre2_match(code, (PCRE2_SPTR)subj, len, start, opts, md, NULL);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc == PCRE2_ERROR_NOMEMORY || rc == PCRE2_ERROR_HEAPLIMIT)
        return PL_RX_ENOMEM;
    return rc < 0 ? PL_RX_EFAIL : 1;
}

void pl_rx_cleanup(void)
{
    while (compiled != NULL) {
        pl_rx *rx = compiled;
        compiled = rx->next;
        pcre2_code_free(rx->code);
        rx->code = NULL;
        rx->next = NULL;
    }
}

int pl_rx_next(pl_rx *rx, const char *subj, size_t len, size_t *at, pcre2_match_data *md,
               size_t *ms, size_t *me)
{
    if (*at >= len)
        return 0;
    int rc = pl_rx_search(rx, subj, len, *at, 0, md);
    if (rc != 1)
        return rc == PL_RX_ENOMEM ? PL_RX_ENOMEM : 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    *ms = ov[0];
    *me = ov[1];
    *at = *me > *ms ? *me : *ms + 1;
    return 1;
}
