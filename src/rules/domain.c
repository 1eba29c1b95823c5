/* rules: the table of domain rules, sorted by id, and the cleanup of
 * what they keep between documents (compiled patterns). */
#include "check.h"
#include "rx.h"

static const pl_rule domain_rules[] = {
    {{"CIT-001", PL_SEV_ERROR,
      "las citas legales están bien formadas: números romanos, artículo 0, intervalos",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_cit_001},
    {{"CIT-002", PL_SEV_ERROR,
      "el instrumento citado está en el catálogo de leyes (sugiere el nombre más parecido)",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_cit_002},
    {{"CIT-003", PL_SEV_ERROR,
      "el artículo citado existe en la versión vigente en la fecha del documento",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_cit_003},
    {{"CIT-004", PL_SEV_ERROR,
      "la fracción o el apartado citados existen en el artículo, donde el catálogo lo sabe",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_cit_004},
    {{"CIT-005", PL_SEV_ERROR,
      "los nombres cortos se definen antes de usarse y designan un solo instrumento; "
      "«dicha Ley» tiene a qué referirse", "reglas"}, PL_KIND_UNKNOWN, pl_check_cit_005},
    {{"CIT-006", PL_SEV_ERROR,
      "el instrumento citado, o el organismo nombrado, existía en la fecha del documento",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_cit_006},
    {{"CIT-007", PL_SEV_WARNING,
      "el documento escribe los ordinales de los artículos con un solo signo (6o., 6º o 6°)",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_cit_007},
    {{"CIT-008", PL_SEV_WARNING, "«Artículo» lleva tilde", "reglas"}, PL_KIND_UNKNOWN,
     pl_check_cit_008},
    {{"DATE-001", PL_SEV_ERROR, "las fechas de los metadatos y del texto existen en el calendario",
      "reglas"}, PL_KIND_ACUERDO, pl_check_date_001},
    {{"ID-001", PL_SEV_ERROR,
      "los acuerdos del Pleno del INAI (ACT-PUB/DD/MM/AAAA.NN) están bien formados, con "
      "fecha real", "reglas"}, PL_KIND_UNKNOWN, pl_check_id_001},
    {{"ID-002", PL_SEV_ERROR,
      "las referencias al DOF (DOF 04/05/2016, DOF 20-03-2025) tienen un solo separador, año "
      "de cuatro cifras y fecha real", "reglas"}, PL_KIND_UNKNOWN, pl_check_id_002},
    {{"ID-003", PL_SEV_ERROR,
      "los oficios (CGAyTP/0032/2017) tienen número y un año no posterior al documento",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_id_003},
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
    {{"PROG-001", PL_SEV_ERROR,
      "las siglas que usa el texto del programa están declaradas en siglas, una sola vez",
      "reglas"}, PL_KIND_PROGRAMA, pl_check_prog_001},
    {{"PROG-002", PL_SEV_WARNING, "las siglas declaradas en el programa se usan en el texto",
      "reglas"}, PL_KIND_PROGRAMA, pl_check_prog_002},
    {{"PROG-003", PL_SEV_ERROR,
      "objetivos, estrategias, líneas de acción y sesiones se numeran en jerarquía "
      "(2.1.3 en 2.1 en 2), sin saltos ni repeticiones", "reglas"}, PL_KIND_PROGRAMA,
     pl_check_prog_003},
    {{"PROG-004", PL_SEV_ERROR,
      "las unidades responsables y de seguimiento de las líneas de acción son siglas declaradas",
      "reglas"}, PL_KIND_PROGRAMA, pl_check_prog_004},
    {{"PROG-005", PL_SEV_ERROR, "la tabla de alineación se refiere sólo a objetivos que existen",
      "reglas"}, PL_KIND_PROGRAMA, pl_check_prog_005},
    {{"PROG-006", PL_SEV_ERROR,
      "las fechas del programa y de sus sesiones existen; las sesiones van en orden, dentro del "
      "ejercicio", "reglas"}, PL_KIND_PROGRAMA, pl_check_prog_006},
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
