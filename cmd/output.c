/* cmd: diagnostics as text, JSON and SARIF 2.1.0. */
#include "output.h"

#include "../src/rules/rules.h"
#include "../src/util/buf.h"

static void put_json_string(FILE *f, const char *s)
{
    pl_buf b = PL_BUF_INIT;
    pl_buf_json_escape(&b, s ? s : "");
    fputc('"', f);
    fputs(b.data ? b.data : "", f);
    fputc('"', f);
    pl_buf_free(&b);
}

void out_text(FILE *f, const pl_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const pl_diag *g = &d->items[i];
        if (g->line > 0)
            fprintf(f, "%s:%d:%d: %s: %s", g->file, g->line, g->col > 0 ? g->col : 1,
                    pl_severity_name(g->sev), g->message);
        else
            fprintf(f, "%s: %s: %s", g->file, pl_severity_name(g->sev), g->message);
        if (g->rule && g->rule[0])
            fprintf(f, " [%s]", g->rule);
        fputc('\n', f);
    }
}

void out_json_items(FILE *f, const pl_diags *d, int *first)
{
    for (size_t i = 0; i < d->n; i++) {
        const pl_diag *g = &d->items[i];
        fputs(*first ? "  {" : ",\n  {", f);
        *first = 0;
        fputs("\"file\": ", f);
        put_json_string(f, g->file);
        fprintf(f, ", \"line\": %d, \"column\": %d, \"severity\": ", g->line, g->col);
        put_json_string(f, pl_severity_id(g->sev));
        fputs(", \"rule\": ", f);
        put_json_string(f, g->rule);
        fputs(", \"message\": ", f);
        put_json_string(f, g->message);
        fputs(", \"xpath\": ", f);
        if (g->xpath)
            put_json_string(f, g->xpath);
        else
            fputs("null", f);
        fputs("}", f);
    }
}

void out_json(FILE *f, const pl_diags *d)
{
    int first = 1;
    fputs(d->n ? "[\n" : "[", f);
    out_json_items(f, d, &first);
    fputs(d->n ? "\n]\n" : "]\n", f);
}

void out_sarif(FILE *f, const pl_diags *d)
{
    fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
          "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
          "    \"tool\": {\"driver\": {\"name\": \"pleno\", \"version\": \"" PL_VERSION "\",\n"
          "      \"informationUri\": \"https://snt.org.mx/\",\n      \"rules\": [",
          f);
    size_t nr = pl_rules_count();
    for (size_t i = 0; i < nr; i++) {
        const pl_rule_info *r = pl_rules_get(i);
        fputs(i ? ",\n        {\"id\": " : "\n        {\"id\": ", f);
        put_json_string(f, r->id);
        fputs(", \"shortDescription\": {\"text\": ", f);
        put_json_string(f, r->description);
        fputs("}, \"defaultConfiguration\": {\"level\": ", f);
        put_json_string(f, r->sev == PL_SEV_ERROR ? "error" : r->sev == PL_SEV_WARNING ? "warning" : "note");
        fputs("}}", f);
    }
    fputs("]}},\n    \"results\": [", f);
    for (size_t i = 0; i < d->n; i++) {
        const pl_diag *g = &d->items[i];
        fputs(i ? ",\n      {" : "\n      {", f);
        fputs("\"ruleId\": ", f);
        put_json_string(f, g->rule);
        fputs(", \"level\": ", f);
        put_json_string(f, g->sev == PL_SEV_ERROR ? "error" : g->sev == PL_SEV_WARNING ? "warning" : "note");
        fputs(", \"message\": {\"text\": ", f);
        put_json_string(f, g->message);
        fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", f);
        put_json_string(f, g->file);
        fputs("}", f);
        if (g->line > 0)
            fprintf(f, ", \"region\": {\"startLine\": %d, \"startColumn\": %d}", g->line,
                    g->col > 0 ? g->col : 1);
        fputs("}", f);
        if (g->xpath) {
            fputs(", \"logicalLocations\": [{\"fullyQualifiedName\": ", f);
            put_json_string(f, g->xpath);
            fputs(", \"kind\": \"element\"}]", f);
        }
        fputs("}]}", f);
    }
    fputs(d->n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", f);
}
