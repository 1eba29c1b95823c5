/* rules: the table of domain rules, sorted by id, and the cleanup of
 * what they keep between documents (compiled patterns). */
#include "check.h"
#include "rx.h"

static const pl_rule domain_rules[] = {
    {{"ACTA-001", PL_SEV_ERROR,
      "el quórum que declara el acta es el de su asistencia: más de la mitad de los "
      "integrantes presentes o representados", "reglas"}, PL_KIND_ACTA, pl_check_acta_001},
    {{"ACTA-002", PL_SEV_ERROR,
      "las votaciones cuadran con la asistencia: unanimidad sin votos en contra ni "
      "abstenciones, mayoría con más a favor, no más votos que presentes", "reglas"},
     PL_KIND_ACTA, pl_check_acta_002},
    {{"ACTA-003", PL_SEV_ERROR,
      "los puntos del orden del día se numeran 1, 2, 3… sin saltos ni repeticiones",
      "reglas"}, PL_KIND_ACTA, pl_check_acta_003},
    {{"ACTA-004", PL_SEV_ERROR,
      "cada punto del orden del día se desarrolla, en orden, o consta como diferido",
      "reglas"}, PL_KIND_ACTA, pl_check_acta_004},
    {{"ACTA-005", PL_SEV_ERROR, "la sesión se instala antes de clausurarse", "reglas"},
     PL_KIND_ACTA, pl_check_acta_005},
    {{"ACTA-006", PL_SEV_ERROR,
      "un número de acuerdo del Consejo Nacional coincide con el tipo, número y fecha de la "
      "sesión del acta", "reglas"}, PL_KIND_ACTA, pl_check_acta_006},
    {{"ACTA-007", PL_SEV_ERROR, "dos acuerdos del acta no llevan el mismo número", "reglas"},
     PL_KIND_ACTA, pl_check_acta_007},
    {{"ACTA-008", PL_SEV_ERROR,
      "quien interviene como integrante consta presente en ese punto; desde-punto y "
      "representante cuadran con la asistencia", "reglas"}, PL_KIND_ACTA, pl_check_acta_008},
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
    {{"INF-001", PL_SEV_ERROR,
      "el periodo del informe empieza antes de terminar y el informe no es anterior a su inicio",
      "reglas"}, PL_KIND_INFORME, pl_check_inf_001},
    {{"INF-002", PL_SEV_ERROR,
      "las sesiones y reuniones caen dentro del periodo del informe y su fecha escrita es su "
      "@fecha", "reglas"}, PL_KIND_INFORME, pl_check_inf_002},
    {{"INF-003", PL_SEV_ERROR,
      "las sesiones de cada tipo y las filas de una tabla de reuniones van en orden de fecha",
      "reglas"}, PL_KIND_INFORME, pl_check_inf_003},
    {{"INF-004", PL_SEV_ERROR,
      "las sesiones de cada tipo se numeran 1, 2, 3… en cada año, y el ordinal (PRIMERA, "
      "SEGUNDA…) y el tipo de su título son los suyos", "reglas"}, PL_KIND_INFORME,
     pl_check_inf_004},
    {{"INF-005", PL_SEV_ERROR,
      "los totales declarados suman sus datos (serie, reuniones) y cada cifra escribe su @valor",
      "reglas"}, PL_KIND_INFORME, pl_check_inf_005},
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
    {{"REF-001", PL_SEV_ERROR,
      "un enlace interno (href=\"#id\") lleva a una sección del documento con ese id",
      "reglas"}, PL_KIND_UNKNOWN, pl_check_ref_001},
    {{"SEG-001", PL_SEV_ERROR,
      "los id anidan: cada línea de acción bajo su objetivo (A.1.1 en A.1) y cada producto "
      "bajo una línea declarada (A.1.1.2 bajo A.1.1)", "reglas"}, PL_KIND_SEGUIMIENTO,
     pl_check_seg_001},
    {{"SEG-002", PL_SEV_ERROR,
      "la numeración de objetivos, líneas de acción y productos empieza en 1 y no tiene huecos",
      "reglas"}, PL_KIND_SEGUIMIENTO, pl_check_seg_002},
    {{"SEG-003", PL_SEV_ERROR,
      "lo que una fila nombra o repite de la anterior (idem) existe y coincide con su id",
      "reglas"}, PL_KIND_SEGUIMIENTO, pl_check_seg_003},
    {{"SEG-004", PL_SEV_ERROR,
      "el avance es un porcentaje o el estado pendiente (no ambos ni ninguno); nada queda "
      "pendiente al 100 %", "reglas"}, PL_KIND_SEGUIMIENTO, pl_check_seg_004},
    {{"SEG-005", PL_SEV_ERROR,
      "la fecha de corte no es posterior a la sesión en que se presenta ni a la del documento",
      "reglas"}, PL_KIND_SEGUIMIENTO, pl_check_seg_005},
    {{"SEG-006", PL_SEV_ERROR,
      "el porcentaje de avance que dice el texto es el del atributo avance", "reglas"},
     PL_KIND_SEGUIMIENTO, pl_check_seg_006},
    {{"SEG-007", PL_SEV_ERROR,
      "lo que es dato no se escribe como texto: comillas de ídem, «[PENDIENTE]», el id al "
      "principio de un texto", "reglas"}, PL_KIND_SEGUIMIENTO, pl_check_seg_007},
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
