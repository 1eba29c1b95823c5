/* rules: the table of domain rules, sorted by id, and the cleanup of
 * what they keep between documents (compiled patterns). */
#include "check.h"
#include "rx.h"

static const pl_rule domain_rules[] = {
    {{"DATE-001", PL_SEV_ERROR, "las fechas de los metadatos y del texto existen en el calendario",
      "reglas"}, PL_KIND_ACUERDO, pl_check_date_001},
    {{"NUM-001", PL_SEV_ERROR, "el número de acuerdo está bien formado", "reglas"},
     PL_KIND_ACUERDO, pl_check_num_001},
    {{"NUM-002", PL_SEV_ERROR, "el número de acuerdo coincide con el tipo, número y fecha de la sesión",
      "reglas"}, PL_KIND_ACUERDO, pl_check_num_002},
    {{"NUM-003", PL_SEV_ERROR, "el texto menciona el número de este acuerdo sin variantes",
      "reglas"}, PL_KIND_ACUERDO, pl_check_num_003},
    {{"ORD-001", PL_SEV_ERROR,
      "los ordinales de los puntos siguen PRIMERO, SEGUNDO… y los puntos citados existen",
      "reglas"}, PL_KIND_ACUERDO, pl_check_ord_001},
    {{"ORD-002", PL_SEV_ERROR, "los considerandos numerados siguen 1, 2, 3… sin saltos ni repeticiones",
      "reglas"}, PL_KIND_ACUERDO, pl_check_ord_002},
    {{"SIG-001", PL_SEV_ERROR,
      "firman el Presidente y el Secretario Ejecutivo del Consejo Nacional, con nombre",
      "reglas"}, PL_KIND_ACUERDO, pl_check_sig_001},
};

size_t pl_rules_domain_count(void)
{
    return sizeof domain_rules / sizeof domain_rules[0];
}

const pl_rule *pl_rules_domain_get(size_t i)
{
    return i < pl_rules_domain_count() ? &domain_rules[i] : NULL;
}

void pl_rules_cleanup(void)
{
    pl_rx_cleanup();
}
