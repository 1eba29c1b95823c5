/* rules: Spanish words the rules read — ordinals (PRIMERO … NONAGÉSIMO
 * NOVENO, ÚNICO), cardinals in words ("dos mil diecisiete"), month names —
 * and the Gregorian calendar.
 *
 * No allocation; nothing to free. Inputs are UTF-8 byte ranges (not
 * necessarily NUL-terminated). */
#ifndef PL_RULES_ES_H
#define PL_RULES_ES_H

#include <stddef.h>

/* Highest ordinal understood: acuerdos have a handful of puntos, the
 * longest known a few dozen; past 99 the words change shape (CENTÉSIMO). */
#define PL_ES_ORDINAL_MAX 99

/* Value returned for "ÚNICO" (the only punto of an acuerdo). */
#define PL_ES_UNICO 1000

/* Longest ordinal written by pl_es_ordinal_name, NUL included
 * ("QUINCUAGÉSIMO SÉPTIMO" is 23 bytes). */
#define PL_ES_ORDINAL_SIZE 32

/* Writes the usual form of ordinal n (1..PL_ES_ORDINAL_MAX, or PL_ES_UNICO)
 * in capitals with accents, e.g. "VIGÉSIMO PRIMERO", into out (size bytes,
 * PL_ES_ORDINAL_SIZE is enough). Returns 0, or -1 when n is out of range or
 * out is too small (out is then ""). */
int pl_es_ordinal_name(int n, char *out, size_t size);

/* Value of an ordinal as an author writes it in punto/@ordinal.
 * Strict: capitals and the accents of the norm; accepted forms are the
 * usual two-word one ("DÉCIMO PRIMERO"), the one-word one of the RAE
 * ("DECIMOPRIMERO", "VIGESIMOSÉPTIMO"), UNDÉCIMO, DUODÉCIMO, SÉTIMO and
 * ÚNICO. Lenient (strict == 0): any case, accents optional, spaces or
 * hyphens between the parts optional ("Vigesimo-primero").
 * Returns 1..PL_ES_ORDINAL_MAX, PL_ES_UNICO, or 0 when s is not one. */
int pl_es_ordinal_value(const char *s, size_t n, int strict);

/* Whether the character at s[i] is a letter (ASCII or Latin, accented
 * included); its byte length goes to *len. */
int pl_es_is_letter_at(const char *s, size_t n, size_t i, size_t *len);

/* End of the run of letters that starts at s[i] (i itself when none). */
size_t pl_es_word_end(const char *s, size_t n, size_t i);

/* An ordinal of one or two words at s[i] ("TERCERO", "Décimo Sexto",
 * "vigesimoprimero", "Único"), any case. Returns its value and sets *end,
 * or returns 0. */
int pl_es_read_ordinal(const char *s, size_t n, size_t i, size_t *end);

/* Value of a cardinal written in words, any case, accents optional:
 * "catorce", "treinta y uno", "dos mil diecisiete", "mil novecientos
 * noventa y nueve", "cien mil". Words are separated by single or multiple
 * spaces. Only well-formed numbers are accepted ("treinta y" or "dos
 * dos" are not). Returns 0..999999, or -1 when s is not a number. */
long pl_es_number_value(const char *s, size_t n);

/* Folds s[0..n) for comparing names: letters to lower case, the Spanish
 * accented vowels, ü and ñ to their plain letter; every other byte is
 * copied. out needs n + 1 bytes (folding never lengthens); it is
 * NUL-terminated. Returns the folded length. */
size_t pl_es_fold(const char *s, size_t n, char *out);

/* Month number (1..12) of a Spanish month name, any case ("Septiembre",
 * "setiembre"); 0 when s is not a month name. */
int pl_es_month(const char *s, size_t n);

/* Lower-case name of month m (1..12), or "" when out of range. */
const char *pl_es_month_name(int m);

/* Gregorian calendar. */
int pl_date_is_leap(int year);
/* Days in month m of year; 0 when m is not 1..12. */
int pl_date_days_in_month(int year, int month);
/* 1 when day/month/year is a real date (year 1..9999). */
int pl_date_valid(int year, int month, int day);

/* Why a date is not real, in Spanish, for a diagnostic: "no hay mes 13",
 * "no hay día 0", "septiembre tiene 30 días", "2017 no es bisiesto",
 * "febrero de 2016 tiene 29 días". year may be 0 when unknown (then
 * February has 29 days). Writes "" when the date is real. Returns out. */
char *pl_date_why_invalid(int year, int month, int day, char *out, size_t size);

#endif
