#include "render.h"
pl_status pl_render_file(const pl_doc *doc, const pl_render_opts *opts,
                         const char *out_path, pl_diags *diags,
                         pl_render_stats *stats)
{
    (void)doc; (void)opts; (void)out_path; (void)diags; (void)stats;
    return PL_EINTERNAL;
}
