/* Unit tests of the helpers of the domain rules: Spanish ordinals, numbers
 * in words, months, the calendar and the agreement-number parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../src/rules/es.h"
#include "../../src/rules/numero.h"
#include "../../src/rules/rules.h"

/* ---------------------------------------------------------------- */
/* Ordinals                                                          */

static int ord(const char *s, int strict)
{
    return pl_es_ordinal_value(s, strlen(s), strict);
}

static void test_ordinal_names(void **state)
{
    (void)state;
    static const char *const want[] = {
        NULL, "PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO", "SEXTO",
        "SÉPTIMO", "OCTAVO", "NOVENO", "DÉCIMO", "DÉCIMO PRIMERO",
        "DÉCIMO SEGUNDO", "DÉCIMO TERCERO", "DÉCIMO CUARTO", "DÉCIMO QUINTO",
        "DÉCIMO SEXTO", "DÉCIMO SÉPTIMO", "DÉCIMO OCTAVO", "DÉCIMO NOVENO",
        "VIGÉSIMO", "VIGÉSIMO PRIMERO", "VIGÉSIMO SEGUNDO", "VIGÉSIMO TERCERO",
        "VIGÉSIMO CUARTO", "VIGÉSIMO QUINTO",
    };
    char buf[PL_ES_ORDINAL_SIZE];
    for (int n = 1; n <= 25; n++) {
        assert_int_equal(pl_es_ordinal_name(n, buf, sizeof buf), 0);
        assert_string_equal(buf, want[n]);
        assert_int_equal(ord(buf, 1), n);
    }
    assert_int_equal(pl_es_ordinal_name(30, buf, sizeof buf), 0);
    assert_string_equal(buf, "TRIGÉSIMO");
    assert_int_equal(pl_es_ordinal_name(57, buf, sizeof buf), 0);
    assert_string_equal(buf, "QUINCUAGÉSIMO SÉPTIMO");
    assert_int_equal(pl_es_ordinal_name(99, buf, sizeof buf), 0);
    assert_string_equal(buf, "NONAGÉSIMO NOVENO");
    assert_int_equal(pl_es_ordinal_name(PL_ES_UNICO, buf, sizeof buf), 0);
    assert_string_equal(buf, "ÚNICO");
    /* out of range, buffer too small */
    assert_int_equal(pl_es_ordinal_name(0, buf, sizeof buf), -1);
    assert_string_equal(buf, "");
    assert_int_equal(pl_es_ordinal_name(100, buf, sizeof buf), -1);
    assert_int_equal(pl_es_ordinal_name(21, buf, 4), -1);
    /* every name of 1..99 reads back */
    for (int n = 1; n <= PL_ES_ORDINAL_MAX; n++) {
        assert_int_equal(pl_es_ordinal_name(n, buf, sizeof buf), 0);
        assert_int_equal(ord(buf, 1), n);
        assert_int_equal(ord(buf, 0), n);
    }
}

static void test_ordinal_strict(void **state)
{
    (void)state;
    /* accepted spellings */
    assert_int_equal(ord("ÚNICO", 1), PL_ES_UNICO);
    assert_int_equal(ord("VIGESIMOPRIMERO", 1), 21);
    assert_int_equal(ord("DECIMOTERCERO", 1), 13);
    assert_int_equal(ord("VIGESIMOSÉPTIMO", 1), 27);
    assert_int_equal(ord("UNDÉCIMO", 1), 11);
    assert_int_equal(ord("DUODÉCIMO", 1), 12);
    assert_int_equal(ord("SÉTIMO", 1), 7);
    assert_int_equal(ord("DÉCIMO SÉTIMO", 1), 17);
    /* refused: case, missing accents, accent on the fused form, extras */
    assert_int_equal(ord("Primero", 1), 0);
    assert_int_equal(ord("primero", 1), 0);
    assert_int_equal(ord("SEPTIMO", 1), 0);
    assert_int_equal(ord("VIGESIMO PRIMERO", 1), 0);
    assert_int_equal(ord("VIGÉSIMOPRIMERO", 1), 0);
    assert_int_equal(ord("UNICO", 1), 0);
    assert_int_equal(ord("PRIMERO.", 1), 0);
    assert_int_equal(ord(" PRIMERO", 1), 0);
    assert_int_equal(ord("PRIMERA", 1), 0);
    assert_int_equal(ord("", 1), 0);
    assert_int_equal(ord("CENTÉSIMO", 1), 0);
}

static void test_ordinal_lenient(void **state)
{
    (void)state;
    assert_int_equal(ord("Segundo", 0), 2);
    assert_int_equal(ord("tercero", 0), 3);
    assert_int_equal(ord("SEPTIMO", 0), 7);
    assert_int_equal(ord("décimo primero", 0), 11);
    assert_int_equal(ord("Vigesimo-primero", 0), 21);
    assert_int_equal(ord("VIGÉSIMOPRIMERO", 0), 21);
    assert_int_equal(ord("único", 0), PL_ES_UNICO);
    assert_int_equal(ord("número", 0), 0);
    assert_int_equal(ord("de", 0), 0);
    assert_int_equal(ord("primera", 0), 0);
    assert_int_equal(ord("9", 0), 0);
    assert_int_equal(ord("", 0), 0);
}

/* ---------------------------------------------------------------- */
/* Numbers in words                                                  */

static long num(const char *s)
{
    return pl_es_number_value(s, strlen(s));
}

static void test_number_words(void **state)
{
    (void)state;
    assert_int_equal(num("uno"), 1);
    assert_int_equal(num("catorce"), 14);
    assert_int_equal(num("dieciséis"), 16);
    assert_int_equal(num("dieciseis"), 16);
    assert_int_equal(num("veintidós"), 22);
    assert_int_equal(num("treinta"), 30);
    assert_int_equal(num("treinta y uno"), 31);
    assert_int_equal(num("Treinta  Y  Uno"), 31);
    assert_int_equal(num("cien"), 100);
    assert_int_equal(num("ciento uno"), 101);
    assert_int_equal(num("quinientos"), 500);
    assert_int_equal(num("mil"), 1000);
    assert_int_equal(num("dos mil"), 2000);
    assert_int_equal(num("dos mil diecisiete"), 2017);
    assert_int_equal(num("dos mil dieciocho"), 2018);
    assert_int_equal(num("dos mil veinte"), 2020);
    assert_int_equal(num("dos mil veintiuno"), 2021);
    assert_int_equal(num("DOS MIL DIECISIETE"), 2017);
    assert_int_equal(num("mil novecientos noventa y nueve"), 1999);
    assert_int_equal(num("mil novecientos"), 1900);
    assert_int_equal(num("cien mil"), 100000);
    assert_int_equal(num("novecientos noventa y nueve mil novecientos noventa y nueve"), 999999);
    assert_int_equal(num("cero"), 0);
    /* ill-formed */
    assert_int_equal(num(""), -1);
    assert_int_equal(num("y"), -1);
    assert_int_equal(num("treinta y"), -1);
    assert_int_equal(num("treinta y doce"), -1);
    assert_int_equal(num("dos dos"), -1);
    assert_int_equal(num("cien dos"), -1);
    assert_int_equal(num("ciento"), -1);
    assert_int_equal(num("uno mil"), -1);
    assert_int_equal(num("mil mil"), -1);
    assert_int_equal(num("dos mil diecisiete y"), -1);
    assert_int_equal(num("presente"), -1);
    assert_int_equal(num("primero"), -1);
    assert_int_equal(num("2017"), -1);
}

/* ---------------------------------------------------------------- */
/* Months and calendar                                               */

static void test_months(void **state)
{
    (void)state;
    assert_int_equal(pl_es_month("enero", 5), 1);
    assert_int_equal(pl_es_month("Septiembre", 10), 9);
    assert_int_equal(pl_es_month("setiembre", 9), 9);
    assert_int_equal(pl_es_month("DICIEMBRE", 9), 12);
    assert_int_equal(pl_es_month("mes", 3), 0);
    assert_int_equal(pl_es_month("", 0), 0);
    assert_string_equal(pl_es_month_name(2), "febrero");
    assert_string_equal(pl_es_month_name(13), "");
}

static void test_calendar(void **state)
{
    (void)state;
    assert_true(pl_date_is_leap(2016));
    assert_false(pl_date_is_leap(2017));
    assert_true(pl_date_is_leap(2000));
    assert_false(pl_date_is_leap(1900));
    assert_int_equal(pl_date_days_in_month(2017, 2), 28);
    assert_int_equal(pl_date_days_in_month(2016, 2), 29);
    assert_int_equal(pl_date_days_in_month(2017, 9), 30);
    assert_int_equal(pl_date_days_in_month(2017, 13), 0);
    assert_true(pl_date_valid(2016, 2, 29));
    assert_false(pl_date_valid(2017, 2, 29));
    assert_false(pl_date_valid(2017, 2, 30));
    assert_false(pl_date_valid(2017, 9, 31));
    assert_true(pl_date_valid(2017, 10, 31));
    assert_false(pl_date_valid(2017, 0, 1));
    assert_false(pl_date_valid(2017, 1, 0));
    assert_false(pl_date_valid(0, 1, 1));

    char why[96];
    assert_string_equal(pl_date_why_invalid(2017, 2, 29, why, sizeof why), "2017 no es bisiesto");
    assert_string_equal(pl_date_why_invalid(2017, 2, 30, why, sizeof why),
                        "febrero de 2017 tiene 28 días");
    assert_string_equal(pl_date_why_invalid(2016, 2, 30, why, sizeof why),
                        "febrero de 2016 tiene 29 días");
    assert_string_equal(pl_date_why_invalid(2017, 9, 31, why, sizeof why),
                        "septiembre tiene 30 días");
    assert_string_equal(pl_date_why_invalid(2017, 13, 1, why, sizeof why), "no hay mes 13");
    assert_string_equal(pl_date_why_invalid(2017, 1, 0, why, sizeof why), "no hay día 0");
    assert_string_equal(pl_date_why_invalid(2017, 1, 31, why, sizeof why), "");
    /* unknown year: 29 de febrero may exist */
    assert_string_equal(pl_date_why_invalid(0, 2, 29, why, sizeof why), "");
    assert_string_equal(pl_date_why_invalid(0, 2, 30, why, sizeof why), "febrero tiene 29 días");
}

/* ---------------------------------------------------------------- */
/* Agreement numbers                                                 */

static int parse(const char *s, pl_numero *n, pl_numero_error *e)
{
    return pl_numero_parse(s, strlen(s), n, e);
}

static void test_numero_ok(void **state)
{
    (void)state;
    pl_numero n;
    pl_numero_error e;
    assert_int_equal(parse("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07", &n, &e), 0);
    assert_string_equal(n.type, "EXT");
    assert_int_equal(n.session, 4);
    assert_int_equal(n.day, 5);
    assert_int_equal(n.month, 10);
    assert_int_equal(n.year, 2017);
    assert_int_equal(n.ordinal, 7);
    assert_int_equal(n.type_off, 19);
    assert_int_equal(n.session_off, 22);
    assert_int_equal(n.date_off, 25);
    assert_int_equal(n.ordinal_off, 36);

    assert_int_equal(parse("CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02", &n, &e), 0);
    assert_string_equal(n.type, "ORD");
    assert_int_equal(n.session, 1);
    assert_int_equal(n.ordinal, 2);

    /* 2016: no session number */
    assert_int_equal(parse("CONAIP/SNT/ACUERDO/EXT13/04/2016-05", &n, &e), 0);
    assert_string_equal(n.type, "EXT");
    assert_int_equal(n.session, 0);
    assert_int_equal(n.day, 13);
    assert_int_equal(n.month, 4);
    assert_int_equal(n.year, 2016);
    assert_int_equal(n.ordinal, 5);
    assert_int_equal(n.date_off, 22);

    /* 29 de febrero de un año bisiesto */
    assert_int_equal(parse("CONAIP/SNT/ACUERDO/ORD01-29/02/2016-01", &n, &e), 0);
}

/* The error of s: its offset and message. */
static void expect_error(const char *s, size_t off, const char *msg)
{
    pl_numero n;
    pl_numero_error e;
    assert_int_equal(parse(s, &n, &e), -1);
    assert_string_equal(e.msg, msg);
    assert_int_equal(e.off, off);
}

static void test_numero_errors(void **state)
{
    (void)state;
    expect_error("", 0, "el número de acuerdo está vacío");
    expect_error("CONAIP/SNT/ACUERDO/EXT0405/10/2017-07", 24,
                 "falta el guion entre el número de sesión y la fecha: «EXT04-05/…»");
    expect_error("CONAIP/SNT/ACUERDO/04-05/10/2017-07", 19,
                 "falta el tipo de sesión (EXT u ORD) después de «CONAIP/SNT/ACUERDO/»");
    expect_error("CONAIP/SNT/ACUERDO/EXT0O-05/10/2017-07", 23,
                 "«EXT0O» tiene una letra O en lugar de un cero");
    expect_error("CONAIP/SNT/ACUERDO/EXTO4-05/10/2017-07", 22,
                 "«EXTO4» tiene una letra O en lugar de un cero");
    expect_error("CONAIP/SNT/ACUERDO/ORDO1-14/03/2018-02", 22,
                 "«ORDO1» tiene una letra O en lugar de un cero");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-O5/10/2017-07", 25,
                 "«O5» tiene una letra O en lugar de un cero");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2O17-07", 32,
                 "«2O17» tiene una letra O en lugar de un cero");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-0O", 37,
                 "«-0O» tiene una letra O en lugar de un cero");
    expect_error("CONAIP/SNT/ACUERDO/EXT04 -05/10/2017-07", 24,
                 "el número de acuerdo no debe contener espacios");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07\xC2\xA0", 38,
                 "el número de acuerdo no debe contener espacios");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-31/02/2017-07", 25,
                 "la fecha 31/02/2017 no existe: febrero de 2017 tiene 28 días");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-29/02/2017-07", 25,
                 "la fecha 29/02/2017 no existe: 2017 no es bisiesto");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-31/09/2017-07", 25,
                 "la fecha 31/09/2017 no existe: septiembre tiene 30 días");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/13/2017-07", 25,
                 "la fecha 05/13/2017 no existe: no hay mes 13");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-00/10/2017-07", 25,
                 "la fecha 00/10/2017 no existe: no hay día 0");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017", 35,
                 "falta el consecutivo del acuerdo al final (p. ej. «-01»)");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-", 36,
                 "falta el consecutivo del acuerdo después del guion");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/201707", 35,
                 "falta el guion entre la fecha y el consecutivo del acuerdo");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-7", 36,
                 "el consecutivo del acuerdo debe tener dos dígitos: «07», no «7»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-007", 36,
                 "el consecutivo del acuerdo debe tener dos dígitos, no «007»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-00", 36,
                 "el consecutivo del acuerdo no puede ser 00");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07.pdf", 38,
                 "sobra «.pdf» al final del número de acuerdo");
    expect_error("CONAIP/SNT/ACUERDOS/EXT04-05/10/2017-07", 18,
                 "el número de acuerdo debe empezar con «CONAIP/SNT/ACUERDO/», no con "
                 "«CONAIP/SNT/ACUERDOS/»");
    expect_error("CONAIP-SNT-ACUERDO-EXT04-05/10/2017-07", 6,
                 "el número de acuerdo debe empezar con «CONAIP/SNT/ACUERDO/», no con "
                 "«CONAIP-SNT-ACUERDO-»");
    expect_error("CONAIP/SNT/ACUERDOEXT04-05/10/2017-07", 18,
                 "falta «/» en el prefijo «CONAIP/SNT/ACUERDO/»");
    expect_error("CONAIP/SNTACUERDO/EXT04-05/10/2017-07", 10,
                 "falta «/» en el prefijo «CONAIP/SNT/ACUERDO/»");
    expect_error("EXT04-05/10/2017-07", 0, "falta el prefijo «CONAIP/SNT/ACUERDO/»");
    expect_error("Conaip/Snt/Acuerdo/EXT04-05/10/2017-07", 1,
                 "el prefijo se escribe en mayúsculas: «CONAIP/SNT/ACUERDO/»");
    expect_error("CONAIP/SNT/ACUERDO/", 19,
                 "falta el resto del número después de «CONAIP/SNT/ACUERDO/»");
    expect_error("CONAIP/SNT/ACUERDO/EXTRA04-05/10/2017-07", 19,
                 "el tipo de sesión debe ser EXT u ORD, no «EXTRA»");
    expect_error("CONAIP/SNT/ACUERDO/EX04-05/10/2017-07", 19,
                 "el tipo de sesión debe ser EXT u ORD, no «EX»");
    expect_error("CONAIP/SNT/ACUERDO/Ord04-05/10/2017-07", 19,
                 "el tipo de sesión se escribe en mayúsculas: «ORD», no «Ord»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04\xE2\x80\x93" "05/10/2017-07", 24,
                 "el separador debe ser un guion (-), no «\xE2\x80\x93»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/2017\xE2\x80\x94" "07", 35,
                 "el separador debe ser un guion (-), no «\xE2\x80\x94»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04_05/10/2017-07", 24,
                 "se esperaba «-» después del número de sesión, no «_»");
    expect_error("CONAIP/SNT/ACUERDO/EXT4-05/10/2017-07", 22,
                 "el número de sesión debe tener dos dígitos: «04», no «4»");
    expect_error("CONAIP/SNT/ACUERDO/EXT004-05/10/2017-07", 22,
                 "el número de sesión debe tener dos dígitos, no «004»");
    expect_error("CONAIP/SNT/ACUERDO/EXT00-05/10/2017-07", 22,
                 "el número de sesión no puede ser 00");
    expect_error("CONAIP/SNT/ACUERDO/EXT", 22, "falta el número de sesión después de «EXT»");
    expect_error("CONAIP/SNT/ACUERDO/EXT-05/10/2017-07", 22,
                 "falta el número de sesión después de «EXT», antes de «-»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05-10-2017-07", 27,
                 "la fecha se escribe DD/MM/AAAA, con barras (/), no con «-»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05.10.2017-07", 27,
                 "la fecha se escribe DD/MM/AAAA, con barras (/), no con «.»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-5/10/2017-07", 25,
                 "el día de la fecha debe tener dos dígitos: «05», no «5»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/1/2017-07", 28,
                 "el mes de la fecha debe tener dos dígitos: «01», no «1»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-0510/2017-07", 27,
                 "falta la barra (/) entre el día y el mes de la fecha");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/102017-07", 30,
                 "falta la barra (/) entre el mes y el año de la fecha");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10/17-07", 31,
                 "el año de la fecha debe tener cuatro dígitos, no «17»");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-05/10", 30, "falta el año de la fecha al final");
    expect_error("CONAIP/SNT/ACUERDO/EXT04-", 25,
                 "falta la fecha de la sesión (DD/MM/AAAA)");
    expect_error("CONAIP/SNT/ACUERDO/EXT05/10/2017-07", 22,
                 "falta el número de sesión: desde 2017 el número es «EXTnn-DD/MM/AAAA-nn»");
    expect_error("CONAIP/SNT/ACUERDO/EXT045/10/2017-07", 22,
                 "después de «EXT» se esperaba «nn-DD/MM/AAAA», no «045»");
}

/* ---------------------------------------------------------------- */
/* Registry                                                          */

static void test_registry(void **state)
{
    (void)state;
    static const char *const ids[] = {"DATE-001", "INF-001", "INF-002", "INF-003", "INF-004",
                                      "INF-005", "NUM-001", "NUM-002", "NUM-003", "ORD-001",
                                      "ORD-002", "SIG-001"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const pl_rule_info *r = pl_rules_find(ids[i]);
        assert_non_null(r);
        assert_int_equal(r->sev, PL_SEV_ERROR);
        assert_string_equal(r->stage, "reglas");
        size_t n = strlen(r->description);
        assert_true(n > 0 && r->description[n - 1] != '.');
    }
    /* sorted, no duplicates */
    for (size_t i = 1; i < pl_rules_count(); i++)
        assert_true(strcmp(pl_rules_get(i - 1)->id, pl_rules_get(i)->id) < 0);
    pl_rules_cleanup();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ordinal_names),
        cmocka_unit_test(test_ordinal_strict),
        cmocka_unit_test(test_ordinal_lenient),
        cmocka_unit_test(test_number_words),
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_numero_ok),
        cmocka_unit_test(test_numero_errors),
        cmocka_unit_test(test_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
