/* rules: the registry of every diagnostic id pleno can emit, and the
 * driver that runs the domain rules. */
#include "rules.h"
#include "check.h"
#include "rules_impl.h"

#include <string.h>

/* Sorted by id. */
static const pl_rule_info infos[] = {
    {"CAT-001", PL_SEV_ERROR, "el catálogo de leyes (catalogs/) no es válido", "catálogo"},
    {"FONT-001", PL_SEV_ERROR, "un carácter del texto no existe en la fuente del diseño", "composición"},
    {"IMG-001", PL_SEV_ERROR, "una imagen (figura o logotipo) no existe o no es PNG ni JPEG válido", "composición"},
    {"IO-001", PL_SEV_ERROR, "no se puede leer el archivo", "carga"},
    {"IO-002", PL_SEV_ERROR, "el archivo excede el tamaño máximo admitido", "carga"},
    {"IO-003", PL_SEV_ERROR, "memoria insuficiente", "carga"},
    {"IO-004", PL_SEV_ERROR, "faltan datos de pleno (esquema, fuente o diseño)", "carga"},
    {"IO-005", PL_SEV_ERROR, "no se pudo escribir el PDF", "composición"},
    {"KIND-001", PL_SEV_ERROR, "el elemento raíz no nombra un tipo de documento conocido", "carga"},
    {"LAYOUT-001", PL_SEV_ERROR, "el diseño de página (layouts/TIPO.xml o --layout) no es válido", "composición"},
    {"LAYOUT-002", PL_SEV_ERROR, "el diseño de página es para otro tipo de documento", "composición"},
    {"TYPO-001", PL_SEV_WARNING, "una línea sobresale del margen: un texto sin cortes posibles es más ancho que la columna", "composición"},
    {"TYPO-002", PL_SEV_WARNING, "una línea justificada queda demasiado espaciada (con --report)", "composición"},
    {"TYPO-003", PL_SEV_WARNING, "línea viuda: la última línea de un párrafo sola al principio de una página (con --report)", "composición"},
    {"TYPO-004", PL_SEV_WARNING, "línea huérfana: la primera línea de un párrafo sola al pie de una página (con --report)", "composición"},
    {"TYPO-005", PL_SEV_WARNING, "tres o más líneas seguidas terminan con guion de división (con --report)", "composición"},
    {"TYPO-006", PL_SEV_WARNING, "una nota al pie no cabe entera en la página de su llamada (con --report)", "composición"},
    {"XDOC-001", PL_SEV_ERROR, "revisados juntos: cada acuerdo es de una sesión cuya acta está entre los documentos (mismo tipo, número y fecha) y esa acta lo registra", "reglas"},
    {"XDOC-002", PL_SEV_ERROR, "revisados juntos: dos acuerdos no llevan el mismo número", "reglas"},
    {"XML-001", PL_SEV_ERROR, "el archivo no es XML bien formado o no es UTF-8", "carga"},
    {"XML-002", PL_SEV_ERROR, "el documento declara un DTD o entidades (no se admiten)", "carga"},
    {"XSD-001", PL_SEV_ERROR, "el documento no cumple el esquema de su tipo", "esquema"},
};

size_t pl_rules_count(void)
{
    return sizeof infos / sizeof infos[0] + pl_rules_domain_count();
}

const pl_rule_info *pl_rules_get(size_t i)
{
    /* Merge the two sorted lists by id. */
    size_t a = 0, b = 0, nb = pl_rules_domain_count();
    size_t na = sizeof infos / sizeof infos[0];
    for (;;) {
        const pl_rule_info *x = a < na ? &infos[a] : NULL;
        const pl_rule_info *y = b < nb ? &pl_rules_domain_get(b)->info : NULL;
        if (x == NULL && y == NULL)
            return NULL;
        const pl_rule_info *pick;
        if (y == NULL || (x != NULL && strcmp(x->id, y->id) < 0)) {
            pick = x;
            a++;
        } else {
            pick = y;
            b++;
        }
        if (i-- == 0)
            return pick;
    }
}

const pl_rule_info *pl_rules_find(const char *id)
{
    for (size_t i = 0; i < pl_rules_count(); i++) {
        const pl_rule_info *r = pl_rules_get(i);
        if (strcmp(r->id, id) == 0)
            return r;
    }
    return NULL;
}

pl_status pl_rules_run(const pl_doc *doc, pl_diags *diags)
{
    for (size_t i = 0; i < pl_rules_domain_count(); i++) {
        const pl_rule *r = pl_rules_domain_get(i);
        if (r->kind != PL_KIND_UNKNOWN && r->kind != doc->kind)
            continue;
        pl_status st = r->check(doc, diags);
        if (st != PL_OK) {
            pl_cit_forget();
            return st;
        }
    }
    pl_cit_forget();
    return diags->oom ? PL_ENOMEM : PL_OK;
}
