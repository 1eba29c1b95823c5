/* rule DATE-001: every date is a real calendar date — the metadata
 * (sesion/@fecha, fecha) and the dates of the text: "5 de octubre de
 * 2017", "05 de octubre de dos mil diecisiete", "1º de enero de 2018",
 * "catorce de marzo de dos mil dieciocho", "10 de agosto del presente año"
 * (the day is checked against the month, in the document's year), and the
 * numeric forms 05/10/2017 and 2017-10-05. Dates inside agreement numbers
 * are NUM-001's. */
#include "check.h"
#include "es.h"
#include "rx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest date quoted in a message ("veintinueve de septiembre de mil
 * novecientos noventa y nueve" is 58 bytes). */
#define DATE_QUOTE_MAX 80

#define MONTHS "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|" \
               "setiembre|octubre|noviembre|diciembre"

/* A day written in words. Anything the alternation lets through that is
 * not a number ("veintitantos") is dropped after parsing. */
#define DAY_WORDS "treinta\\s+y\\s+uno|treinta|veinti\\p{L}+|veinte|diez|once|doce|" \
                  "trece|catorce|quince|dieci\\p{L}+|primero|uno|dos|tres|cuatro|" \
                  "cinco|seis|siete|ocho|nueve"

/* A word of a year written in words ("dos mil diecisiete"). */
#define YEAR_WORD "(?:mil|un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|" \
                  "diez|once|doce|trece|catorce|quince|dieci\\p{L}+|veinte|" \
                  "veinti\\p{L}+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|" \
                  "noventa|cien|ciento|\\p{L}+cient[oa]s|quinient[oa]s|y)\\b"

/* Groups: 1 day in digits, 2 day in words, 3 month, 4 year in digits,
 * 5 year in words. */
static pl_rx rx_text_date = PL_RX(
    "(?:(?<![\\p{L}\\p{N}.,/\\-])(\\d{1,2})(?:\\.?\\s?[º°])?|\\b(" DAY_WORDS "))"
    "\\s+de\\s+(" MONTHS ")\\b"
    "(?:\\s+del?\\s+(?:año\\s+)?(?:(\\d{4})(?!\\d)|(" YEAR_WORD "(?:\\s+" YEAR_WORD ")*)))?",
    PCRE2_CASELESS);

/* 05/10/2017 — not inside a longer token (an agreement number, a path). */
static pl_rx rx_slash_date = PL_RX(
    "(?<![\\p{L}\\p{N}/.\\-])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\p{L}\\p{N}/\\-])", 0);

/* 2017-10-05 */
static pl_rx rx_iso_date = PL_RX(
    "(?<![\\p{L}\\p{N}/.\\-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{L}\\p{N}/\\-])", 0);

typedef struct date_ctx {
    int doc_year; /* 0 when unknown */
    pl_diags *diags;
    pcre2_match_data *md;
} date_ctx;

static int group(pcre2_match_data *md, int g, size_t *start, size_t *len)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if ((int)pcre2_get_ovector_count(md) <= g || ov[2 * g] == PCRE2_UNSET)
        return 0;
    *start = ov[2 * g];
    *len = ov[2 * g + 1] - ov[2 * g];
    return 1;
}

static int digits_value(const char *s, size_t len)
{
    int v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* The value of a year in words, dropping words from the end until what is
 * left is a number ("dos mil diecisiete y" → 2017). Sets *len to the
 * words used. -1 when no prefix is a number. */
static long year_words(const char *s, size_t *len)
{
    size_t n = *len;
    while (n > 0) {
        long v = pl_es_number_value(s, n);
        if (v >= 0) {
            *len = n;
            return v;
        }
        while (n > 0 && s[n - 1] != ' ')
            n--;
        while (n > 0 && s[n - 1] == ' ')
            n--;
    }
    return -1;
}

static void check_text_date(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                            date_ctx *c, size_t ms)
{
    const char *s = f->text;
    size_t st, len, end;
    int day, month, year = 0;
    if (group(c->md, 1, &st, &len)) {
        day = digits_value(s + st, len);
    } else if (group(c->md, 2, &st, &len)) {
        long v = pl_es_number_value(s + st, len);
        if (len == 7 && pl_es_ordinal_value(s + st, len, 0) == 1)
            v = 1; /* primero */
        if (v < 1 || v > 31)
            return; /* not a day in words after all */
        day = (int)v;
    } else {
        return;
    }
    if (!group(c->md, 3, &st, &len))
        return;
    month = pl_es_month(s + st, len);
    end = st + len;
    if (group(c->md, 4, &st, &len)) {
        year = digits_value(s + st, len);
        end = st + len;
    } else if (group(c->md, 5, &st, &len)) {
        long v = year_words(s + st, &len);
        if (v >= 1000 && v <= 2999) {
            year = (int)v;
            end = st + len;
        }
    }
    if (month == 0)
        return;
    int q = pl_rules_quote_len(s + ms, end - ms, DATE_QUOTE_MAX);
    char why[96];
    if (year > 0) {
        if (!pl_date_valid(year, month, day))
            pl_report_flat(c->diags, doc, "DATE-001", block, f, ms,
                           "la fecha «%.*s» no existe: %s", q, s + ms,
                           pl_date_why_invalid(year, month, day, why, sizeof why));
        return;
    }
    /* No year: the day must fit the month, in the document's year. */
    if (month == 2 && day == 29 && c->doc_year > 0 && !pl_date_is_leap(c->doc_year)) {
        pl_report_flat(c->diags, doc, "DATE-001", block, f, ms,
                       "la fecha «%.*s» no existe: %d, el año del documento, no es bisiesto",
                       q, s + ms, c->doc_year);
        return;
    }
    pl_date_why_invalid(c->doc_year, month, day, why, sizeof why);
    if (why[0] != '\0')
        pl_report_flat(c->diags, doc, "DATE-001", block, f, ms, "la fecha «%.*s» no existe: %s",
                       q, s + ms, why);
}

/* Whether byte at of s lies in a token (no space) that starts with an
 * agreement number: its date is NUM-001's. */
static int in_agreement_number(const char *s, size_t at)
{
    static const char prefix[] = "CONAIP/SNT/ACUERDO/";
    size_t k = sizeof prefix - 1, i = at;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    for (; i + k <= at; i++)
        if (strncasecmp(s + i, prefix, k) == 0)
            return 1;
    return 0;
}

/* Whether the date at byte at of s belongs to an identifier whose rule
 * checks it: an INAI plenary agreement (ACT-PUB/…, ID-001) or a DOF
 * reference ("DOF 04/05/2016", ID-002). */
static int in_identifier(const char *s, size_t at)
{
    size_t i = at;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    if (strncmp(s + i, "ACT-", 4) == 0)
        return 1;
    return i >= 4 && strncmp(s + i - 4, "DOF ", 4) == 0;
}

/* 05/10/2017 (day first) and 2017-10-05. */
static pl_status scan_numeric(const pl_doc *doc, const pl_node *block, const pl_flat *f,
                              date_ctx *c, pl_rx *rx, int day_first)
{
    size_t at = 0, ms, me;
    int rc;
    while ((rc = pl_rx_next(rx, f->text, f->len, &at, c->md, &ms, &me)) == 1) {
        size_t s1, l1, s2, l2, s3, l3;
        if (!group(c->md, 1, &s1, &l1) || !group(c->md, 2, &s2, &l2) ||
            !group(c->md, 3, &s3, &l3) || in_agreement_number(f->text, ms) ||
            in_identifier(f->text, ms))
            continue;
        int a = digits_value(f->text + s1, l1), m = digits_value(f->text + s2, l2),
            z = digits_value(f->text + s3, l3);
        int d = day_first ? a : z, y = day_first ? z : a;
        if (!pl_date_valid(y, m, d)) {
            char why[96];
            pl_report_flat(c->diags, doc, "DATE-001", block, f, ms,
                           "la fecha «%.*s» no existe: %s", (int)(me - ms), f->text + ms,
                           pl_date_why_invalid(y, m, d, why, sizeof why));
        }
    }
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

static pl_status scan_text(const pl_doc *doc, const pl_node *block, const pl_flat *f, void *vctx)
{
    date_ctx *c = vctx;
    size_t at = 0, ms, me;
    int rc;
    while ((rc = pl_rx_next(&rx_text_date, f->text, f->len, &at, c->md, &ms, &me)) == 1)
        check_text_date(doc, block, f, c, ms);
    if (rc == PL_RX_ENOMEM)
        return PL_ENOMEM;
    pl_status st = scan_numeric(doc, block, f, c, &rx_slash_date, 1);
    if (st == PL_OK)
        st = scan_numeric(doc, block, f, c, &rx_iso_date, 0);
    return st;
}

pl_status pl_check_date_001(const pl_doc *doc, pl_diags *diags)
{
    pl_acuerdo_meta m;
    pl_rules_acuerdo_meta(doc, &m);
    char why[96];
    int y, mo, d;
    const char *sf = m.sesion ? pl_node_attr(m.sesion, "fecha") : NULL;
    if (sf != NULL && pl_rules_parse_iso_date(sf, &y, &mo, &d) == 0 && !pl_date_valid(y, mo, d))
        pl_report_node(diags, doc, "DATE-001", m.sesion,
                       "la fecha de la sesión, %s, no existe: %s", sf,
                       pl_date_why_invalid(y, mo, d, why, sizeof why));
    if (m.fecha != NULL) {
        pl_flat f;
        if (pl_flat_build(m.fecha, 0, &f) != 0) {
            pl_flat_free(&f);
            return PL_ENOMEM;
        }
        if (pl_rules_parse_iso_date(f.text, &y, &mo, &d) == 0 && !pl_date_valid(y, mo, d))
            pl_report_flat(diags, doc, "DATE-001", m.fecha, &f, 0,
                           "la fecha del acuerdo, %s, no existe: %s", f.text,
                           pl_date_why_invalid(y, mo, d, why, sizeof why));
        pl_flat_free(&f);
    }

    date_ctx c = {pl_rules_doc_year(doc), diags, pl_rx_match_data()};
    if (c.md == NULL)
        return PL_ENOMEM;
    pl_status st = pl_rules_each_text(doc, 0, scan_text, &c);
    pcre2_match_data_free(c.md);
    return st;
}
