/* rules: lenient parser of agreement numbers (see numero.h). Each field
 * is read with the mistakes authors make in mind — a letter O for a zero,
 * an en dash for a hyphen, a dropped separator, a one-digit field — so
 * that the error says exactly what to fix. */
#include "numero.h"

#include "es.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Longest piece of the input quoted in a message: enough to recognise it,
 * short enough to keep the diagnostic on one readable line. */
#define QUOTE_MAX 40

#define PREFIX_LEN (sizeof PL_NUMERO_PREFIX - 1)

static int fail(pl_numero_error *err, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(pl_numero_error *err, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->off = off;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Length of the UTF-8 character at s[i] (1 for a broken one). */
static size_t char_len(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return i + len <= n ? len : 1;
}

/* A dash that is not the hyphen-minus: ‐ ‑ ‒ – — ― − (U+2010..2015,
 * U+2212). Returns its length in bytes, or 0. */
static size_t other_dash(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 3 <= n && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95)
        return 3;
    if (i + 3 <= n && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
        return 3;
    return 0;
}

/* A run of digits, where a letter O (either case) counts as a mistyped
 * zero. Sets *len to its length and *o to the offset of its first letter
 * O (or (size_t)-1). */
static void digit_run(const char *s, size_t n, size_t i, size_t *len, size_t *o)
{
    size_t j = i;
    *o = (size_t)-1;
    while (j < n && (is_digit(s[j]) || s[j] == 'O' || s[j] == 'o')) {
        if (!is_digit(s[j]) && *o == (size_t)-1)
            *o = j;
        j++;
    }
    *len = j - i;
}

/* How much of s[0..len) to quote: at most QUOTE_MAX bytes, cut at a
 * character boundary. */
static int qlen(const char *s, size_t len)
{
    if (len <= QUOTE_MAX)
        return (int)len;
    size_t k = QUOTE_MAX;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return (int)k;
}

/* The common complaint about a field of two digits written with another
 * count: "el día de la fecha debe tener dos dígitos: «05», no «5»". */
static int fail_width(pl_numero_error *err, const char *s, size_t i, size_t len,
                      const char *what)
{
    if (len == 1)
        return fail(err, i, "%s debe tener dos dígitos: «0%c», no «%c»", what, s[i], s[i]);
    return fail(err, i, "%s debe tener dos dígitos, no «%.*s»", what, qlen(s + i, len), s + i);
}

static int run_value(const char *s, size_t i, size_t len)
{
    int v = 0;
    for (size_t k = 0; k < len && k < 6; k++)
        v = v * 10 + (s[i + k] - '0');
    return v;
}

/* Reports a letter O inside the field that starts at `from` (quoting from
 * `quote` so the type stays visible: «EXT0O»). */
static int fail_letter_o(pl_numero_error *err, const char *s, size_t quote,
                         size_t end, size_t o)
{
    return fail(err, o, "«%.*s» tiene una letra O en lugar de un cero",
                qlen(s + quote, end - quote), s + quote);
}

/* Expects the separator sep ('-' or '/') at s[*i], after the part named
 * `after` ("el número de sesión" …). On success moves past it. */
static int expect_sep(const char *s, size_t n, size_t *i, char sep,
                      const char *after, const char *missing, pl_numero_error *err)
{
    if (*i < n && s[*i] == sep) {
        (*i)++;
        return 0;
    }
    if (*i >= n)
        return fail(err, n, "falta %s al final", missing);
    size_t d = other_dash(s, n, *i);
    if (sep == '-' && d)
        return fail(err, *i, "el separador debe ser un guion (-), no «%.*s»", (int)d, s + *i);
    if (sep == '/' && (s[*i] == '-' || s[*i] == '.' || d))
        return fail(err, *i, "la fecha se escribe DD/MM/AAAA, con barras (/), no con «%.*s»",
                    (int)char_len(s, n, *i), s + *i);
    return fail(err, *i, "se esperaba «%c» después %s, no «%.*s»", sep, after,
                (int)char_len(s, n, *i), s + *i);
}

/* ---------------------------------------------------------------- */
/* Date DD/MM/AAAA                                                   */

static int parse_date(const char *s, size_t n, size_t *i, pl_numero *out,
                      pl_numero_error *err)
{
    size_t len, o, start = *i;
    out->date_off = start;

    /* day */
    digit_run(s, n, *i, &len, &o);
    if (o != (size_t)-1)
        return fail_letter_o(err, s, *i, *i + len, o);
    if (len == 0)
        return fail(err, *i, "falta la fecha de la sesión (DD/MM/AAAA)");
    if (len == 4 && *i + len < n && s[*i + len] == '/')
        return fail(err, *i + 2, "falta la barra (/) entre el día y el mes de la fecha");
    if (len != 2)
        return fail_width(err, s, *i, len, "el día de la fecha");
    out->day = run_value(s, *i, len);
    *i += len;
    if (expect_sep(s, n, i, '/', "del día", "el mes de la fecha", err) != 0)
        return -1;

    /* month */
    digit_run(s, n, *i, &len, &o);
    if (o != (size_t)-1)
        return fail_letter_o(err, s, *i, *i + len, o);
    if (len == 0)
        return fail(err, *i, "falta el mes de la fecha (DD/MM/AAAA)");
    if (len == 6)
        return fail(err, *i + 2, "falta la barra (/) entre el mes y el año de la fecha");
    if (len != 2)
        return fail_width(err, s, *i, len, "el mes de la fecha");
    out->month = run_value(s, *i, len);
    *i += len;
    if (expect_sep(s, n, i, '/', "del mes", "el año de la fecha", err) != 0)
        return -1;

    /* year */
    digit_run(s, n, *i, &len, &o);
    if (o != (size_t)-1 && o < *i + 4)
        return fail_letter_o(err, s, *i, *i + len, o);
    if (len == 0)
        return fail(err, *i, "falta el año de la fecha (DD/MM/AAAA)");
    if (len == 6 && o == (size_t)-1)
        return fail(err, *i + 4, "falta el guion entre la fecha y el consecutivo del acuerdo");
    if (len < 4 || (len > 4 && o == (size_t)-1))
        return fail(err, *i, "el año de la fecha debe tener cuatro dígitos, no «%.*s»",
                    qlen(s + *i, len), s + *i);
    out->year = run_value(s, *i, 4);
    *i += 4;

    if (!pl_date_valid(out->year, out->month, out->day)) {
        char why[96];
        pl_date_why_invalid(out->year, out->month, out->day, why, sizeof why);
        return fail(err, start, "la fecha %.*s no existe: %s",
                    (int)(*i - start), s + start, why);
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* The whole number                                                  */

static int parse_prefix(const char *s, size_t n, pl_numero_error *err)
{
    const char *p = PL_NUMERO_PREFIX;
    if (n >= PREFIX_LEN && memcmp(s, p, PREFIX_LEN) == 0)
        return 0;
    size_t k = 0;
    while (k < n && k < PREFIX_LEN && s[k] == p[k])
        k++;
    /* Same letters in another case? */
    size_t c = 0;
    while (c < n && c < PREFIX_LEN &&
           (s[c] == p[c] || (is_letter(s[c]) && (s[c] | 0x20) == (p[c] | 0x20))))
        c++;
    if (c == PREFIX_LEN)
        return fail(err, k, "el prefijo se escribe en mayúsculas: «%s»", p);
    /* What stands where the prefix should: up to the session type. */
    size_t end = n;
    for (size_t j = 0; j + 3 <= n; j++) {
        if ((s[j] == 'E' && s[j + 1] == 'X' && s[j + 2] == 'T') ||
            (s[j] == 'O' && s[j + 1] == 'R' && s[j + 2] == 'D')) {
            end = j;
            break;
        }
    }
    /* One character missing from the prefix ("CONAIP/SNT/ACUERDOEXT…")? */
    if (end + 1 == PREFIX_LEN && memcmp(s, p, k) == 0 &&
        memcmp(s + k, p + k + 1, PREFIX_LEN - k - 1) == 0)
        return fail(err, k, "falta «%c» en el prefijo «%s»", p[k], p);
    if (end == 0)
        return fail(err, 0, "falta el prefijo «%s»", p);
    return fail(err, k, "el número de acuerdo debe empezar con «%s», no con «%.*s»", p,
                qlen(s, end), s);
}

int pl_numero_parse(const char *s, size_t n, pl_numero *out, pl_numero_error *err)
{
    memset(out, 0, sizeof *out);
    err->off = 0;
    err->msg[0] = '\0';
    if (n == 0)
        return fail(err, 0, "el número de acuerdo está vacío");

    /* Spaces (also no-break ones) are never part of a number. */
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t' ||
            ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0))
            return fail(err, i, "el número de acuerdo no debe contener espacios");
    }

    if (parse_prefix(s, n, err) != 0)
        return -1;
    size_t i = PREFIX_LEN;

    /* Session type: EXT or ORD; letters O right after it are zeros. */
    size_t j = i;
    while (j < n && is_letter(s[j]))
        j++;
    size_t letters = j - i;
    if (letters == 0) {
        if (i == n)
            return fail(err, i, "falta el resto del número después de «%s»", PL_NUMERO_PREFIX);
        return fail(err, i, "falta el tipo de sesión (EXT u ORD) después de «%s»",
                    PL_NUMERO_PREFIX);
    }
    size_t type_len = 0;
    if (letters >= 3) {
        char up[4] = {(char)(s[i] & ~0x20), (char)(s[i + 1] & ~0x20), (char)(s[i + 2] & ~0x20), 0};
        if (strcmp(up, "EXT") == 0 || strcmp(up, "ORD") == 0) {
            size_t k = i + 3;
            while (k < j && (s[k] == 'O' || s[k] == 'o'))
                k++;
            if (k == j)
                type_len = 3;
        }
        if (type_len == 3 && memcmp(s + i, up, 3) != 0)
            return fail(err, i, "el tipo de sesión se escribe en mayúsculas: «%s», no «%.3s»",
                        up, s + i);
    }
    if (type_len == 0)
        return fail(err, i, "el tipo de sesión debe ser EXT u ORD, no «%.*s»",
                    qlen(s + i, letters), s + i);
    memcpy(out->type, s + i, 3);
    out->type_off = i;
    i += 3;

    /* The first run of digits: the session number (2017 form: followed by
     * a hyphen) or the day of the date (2016 form: followed by a slash). */
    size_t len, o;
    digit_run(s, n, i, &len, &o);
    if (o != (size_t)-1)
        return fail_letter_o(err, s, out->type_off, i + len, o);
    if (len == 0) {
        if (i == n)
            return fail(err, i, "falta el número de sesión después de «%s»", out->type);
        return fail(err, i, "falta el número de sesión después de «%s», antes de «%.*s»",
                    out->type, (int)char_len(s, n, i), s + i);
    }
    size_t after = i + len;
    if (after < n && s[after] == '/') {
        if (len == 4)
            return fail(err, i + 2, "falta el guion entre el número de sesión y la fecha: "
                        "«%s%.2s-%.2s/…»", out->type, s + i, s + i + 2);
        if (len != 2)
            return fail(err, i, "después de «%s» se esperaba «nn-DD/MM/AAAA», no «%.*s»",
                        out->type, qlen(s + i, len), s + i);
        /* 2016 form: the date follows the type directly. */
        if (parse_date(s, n, &i, out, err) != 0)
            return -1;
        if (out->year >= 2017)
            return fail(err, out->type_off + 3,
                        "falta el número de sesión: desde 2017 el número es "
                        "«%snn-DD/MM/AAAA-nn»", out->type);
    } else {
        out->session_off = i;
        if (len != 2)
            return fail_width(err, s, i, len, "el número de sesión");
        out->session = run_value(s, i, len);
        if (out->session == 0)
            return fail(err, i, "el número de sesión no puede ser 00");
        i = after;
        if (expect_sep(s, n, &i, '-', "del número de sesión",
                       "el guion y la fecha de la sesión", err) != 0)
            return -1;
        if (parse_date(s, n, &i, out, err) != 0)
            return -1;
    }

    /* -nn: the agreement within the session. */
    if (i >= n)
        return fail(err, n, "falta el consecutivo del acuerdo al final (p. ej. «-01»)");
    if (expect_sep(s, n, &i, '-', "de la fecha", "el consecutivo del acuerdo", err) != 0)
        return -1;
    digit_run(s, n, i, &len, &o);
    if (o != (size_t)-1)
        return fail_letter_o(err, s, i - 1, i + len, o);
    if (len == 0)
        return fail(err, i, "falta el consecutivo del acuerdo después del guion");
    if (len != 2)
        return fail_width(err, s, i, len, "el consecutivo del acuerdo");
    out->ordinal_off = i;
    out->ordinal = run_value(s, i, len);
    if (out->ordinal == 0)
        return fail(err, i, "el consecutivo del acuerdo no puede ser 00");
    i += len;
    if (i < n)
        return fail(err, i, "sobra «%.*s» al final del número de acuerdo",
                    qlen(s + i, n - i), s + i);
    return 0;
}
