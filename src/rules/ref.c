/* rule REF-001: an internal link (enlace href="#id") names an element of
 * the document that has that id (a seccion/@id), so the link in the PDF
 * goes somewhere. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

pl_status pl_check_ref_001(const pl_doc *doc, pl_diags *diags)
{
    /* the ids first (a few: sections), then every link against them */
    const char **ids = NULL;
    size_t nids = 0, cap = 0;
    pl_iter it;
    pl_iter_init(&it, doc->root);
    pl_iter_event ev;
    while ((ev = pl_iter_next(&it)) != PL_ITER_DONE) {
        if (ev != PL_ITER_ENTER || it.cur->type == PL_N_TEXT)
            continue;
        const char *v = pl_node_attr(it.cur, "id");
        if (v == NULL)
            continue;
        if (nids == cap) {
            cap = cap ? cap * 2 : 16;
            const char **n = realloc(ids, cap * sizeof *n);
            if (n == NULL) {
                free(ids);
                return PL_ENOMEM;
            }
            ids = n;
        }
        ids[nids++] = v;
    }
    pl_iter_init(&it, doc->root);
    while ((ev = pl_iter_next(&it)) != PL_ITER_DONE) {
        if (ev != PL_ITER_ENTER || it.cur->type != PL_N_LINK)
            continue;
        const char *href = pl_node_attr(it.cur, "href");
        if (href == NULL || href[0] != '#')
            continue;
        size_t k = 0;
        while (k < nids && strcmp(ids[k], href + 1) != 0)
            k++;
        if (k == nids)
            pl_report_node(diags, doc, "REF-001", it.cur,
                           "el enlace interno «%s» no lleva a ninguna parte: ninguna sección "
                           "tiene id=\"%s\"", href, href + 1);
    }
    free(ids);
    return diags->oom ? PL_ENOMEM : PL_OK;
}
