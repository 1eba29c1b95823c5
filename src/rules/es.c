/* rules: Spanish ordinals, cardinals in words, month names, and the
 * Gregorian calendar. Small static tables: the language does not change. */
#include "es.h"

#include "../util/utf8.h"

#include <stdio.h>
#include <string.h>

/* Longest word run folded for comparison; longer input is not one of our
 * words (the longest, "QUINCUAGESIMOSEPTIMO", has 20 letters; a year in
 * words such as "mil novecientos noventa y nueve" about 32). */
#define FOLD_MAX 96

/* Most words in a cardinal: "mil novecientos noventa y nueve mil …" —
 * nothing real goes past a dozen. */
#define NUMBER_WORDS_MAX 16

/* ---------------------------------------------------------------- */
/* Folding: lower case, accents off                                  */

/* Folds s[0..n) into out: ASCII letters to lower case, Spanish accented
 * vowels (and ü, ñ) to their plain lower-case letter; other characters
 * are copied. With drop_sep, spaces and hyphens are left out. Returns the
 * length, or -1 when out is too small. */
static int fold(const char *s, size_t n, int drop_sep, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = pl_utf8_decode(s + i, n - i, &len);
        char c = 0;
        if (cp < 0x80)
            c = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else if (cp == 0xE1 || cp == 0xC1 || cp == 0xE0 || cp == 0xC0)
            c = 'a';
        else if (cp == 0xE9 || cp == 0xC9 || cp == 0xE8 || cp == 0xC8)
            c = 'e';
        else if (cp == 0xED || cp == 0xCD || cp == 0xEC || cp == 0xCC)
            c = 'i';
        else if (cp == 0xF3 || cp == 0xD3 || cp == 0xF2 || cp == 0xD2)
            c = 'o';
        else if (cp == 0xFA || cp == 0xDA || cp == 0xFC || cp == 0xDC ||
                 cp == 0xF9 || cp == 0xD9)
            c = 'u';
        else if (cp == 0xF1 || cp == 0xD1)
            c = 'n';
        if (c != 0) {
            if (!(drop_sep && (c == ' ' || c == '-'))) {
                if (o + 1 >= size)
                    return -1;
                out[o++] = c;
            }
        } else {
            if (o + len >= size)
                return -1;
            memcpy(out + o, s + i, len);
            o += len;
        }
        i += len;
    }
    out[o] = '\0';
    return (int)o;
}

size_t pl_es_fold(const char *s, size_t n, char *out)
{
    /* fold() needs room for a NUL past the result, which n + 1 gives. */
    int k = fold(s, n, 0, out, n + 1);
    if (k < 0) { /* cannot happen: folding never lengthens */
        out[0] = '\0';
        return 0;
    }
    return (size_t)k;
}

/* ---------------------------------------------------------------- */
/* Ordinals                                                          */

static const char *const units_ord[10] = {
    NULL, "PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO",
    "SEXTO", "SÉPTIMO", "OCTAVO", "NOVENO",
};

static const char *const tens_ord[10] = {
    NULL, "DÉCIMO", "VIGÉSIMO", "TRIGÉSIMO", "CUADRAGÉSIMO",
    "QUINCUAGÉSIMO", "SEXAGÉSIMO", "SEPTUAGÉSIMO", "OCTOGÉSIMO", "NONAGÉSIMO",
};

/* The first part of the one-word forms loses its accent (RAE):
 * DECIMOTERCERO, VIGESIMOPRIMERO. */
static const char *const tens_fused[10] = {
    NULL, "DECIMO", "VIGESIMO", "TRIGESIMO", "CUADRAGESIMO",
    "QUINCUAGESIMO", "SEXAGESIMO", "SEPTUAGESIMO", "OCTOGESIMO", "NONAGESIMO",
};

/* Every accepted spelling of n, one at a time: variant 0 is the usual
 * form. Returns 0 when there are no more variants. */
static int ordinal_variant(int n, int variant, char *out, size_t size)
{
    if (n == PL_ES_UNICO)
        return variant == 0 ? snprintf(out, size, "ÚNICO") > 0 : 0;
    if (n < 1 || n > PL_ES_ORDINAL_MAX)
        return 0;
    int t = n / 10, u = n % 10;
    /* Variants of the units part: SÉPTIMO and SÉTIMO. */
    const char *units[2] = {u ? units_ord[u] : NULL, u == 7 ? "SÉTIMO" : NULL};
    int nu = u == 7 ? 2 : 1;
    if (t == 0)
        return variant < nu ? snprintf(out, size, "%s", units[variant]) > 0 : 0;
    if (u == 0)
        return variant == 0 ? snprintf(out, size, "%s", tens_ord[t]) > 0 : 0;
    /* two words, then one word, then UNDÉCIMO / DUODÉCIMO */
    if (variant < nu)
        return snprintf(out, size, "%s %s", tens_ord[t], units[variant]) > 0;
    variant -= nu;
    if (variant < nu)
        return snprintf(out, size, "%s%s", tens_fused[t], units[variant]) > 0;
    variant -= nu;
    if (variant == 0 && n == 11)
        return snprintf(out, size, "UNDÉCIMO") > 0;
    if (variant == 0 && n == 12)
        return snprintf(out, size, "DUODÉCIMO") > 0;
    return 0;
}

int pl_es_ordinal_name(int n, char *out, size_t size)
{
    if (size == 0)
        return -1;
    out[0] = '\0';
    if ((n < 1 || n > PL_ES_ORDINAL_MAX) && n != PL_ES_UNICO)
        return -1;
    char tmp[PL_ES_ORDINAL_SIZE];
    if (!ordinal_variant(n, 0, tmp, sizeof tmp) || strlen(tmp) >= size)
        return -1;
    memcpy(out, tmp, strlen(tmp) + 1);
    return 0;
}

int pl_es_ordinal_value(const char *s, size_t n, int strict)
{
    char want[FOLD_MAX];
    if (!strict && fold(s, n, 1, want, sizeof want) <= 0)
        return 0;
    if (strict && n >= PL_ES_ORDINAL_SIZE)
        return 0;
    for (int k = 1; k <= PL_ES_ORDINAL_MAX + 1; k++) {
        int v = k <= PL_ES_ORDINAL_MAX ? k : PL_ES_UNICO;
        char form[PL_ES_ORDINAL_SIZE], folded[FOLD_MAX];
        for (int var = 0; ordinal_variant(v, var, form, sizeof form); var++) {
            if (strict) {
                if (strlen(form) == n && memcmp(form, s, n) == 0)
                    return v;
            } else {
                if (fold(form, strlen(form), 1, folded, sizeof folded) > 0 &&
                    strcmp(folded, want) == 0)
                    return v;
            }
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* Cardinals in words                                                */

typedef struct word_value {
    const char *word; /* folded: lower case, no accents */
    int value;
} word_value;

/* 1..29: one word each. */
static const word_value small_words[] = {
    {"uno", 1}, {"un", 1}, {"una", 1}, {"dos", 2}, {"tres", 3},
    {"cuatro", 4}, {"cinco", 5}, {"seis", 6}, {"siete", 7}, {"ocho", 8},
    {"nueve", 9}, {"diez", 10}, {"once", 11}, {"doce", 12}, {"trece", 13},
    {"catorce", 14}, {"quince", 15}, {"dieciseis", 16}, {"diecisiete", 17},
    {"dieciocho", 18}, {"diecinueve", 19}, {"veinte", 20},
    {"veintiuno", 21}, {"veintiun", 21}, {"veintiuna", 21},
    {"veintidos", 22}, {"veintitres", 23}, {"veinticuatro", 24},
    {"veinticinco", 25}, {"veintiseis", 26}, {"veintisiete", 27},
    {"veintiocho", 28}, {"veintinueve", 29},
};

/* 30..90: followed optionally by "y" and a unit. */
static const word_value tens_words[] = {
    {"treinta", 30}, {"cuarenta", 40}, {"cincuenta", 50}, {"sesenta", 60},
    {"setenta", 70}, {"ochenta", 80}, {"noventa", 90},
};

static const word_value hundreds_words[] = {
    {"cien", 100}, {"ciento", 100},
    {"doscientos", 200}, {"doscientas", 200},
    {"trescientos", 300}, {"trescientas", 300},
    {"cuatrocientos", 400}, {"cuatrocientas", 400},
    {"quinientos", 500}, {"quinientas", 500},
    {"seiscientos", 600}, {"seiscientas", 600},
    {"setecientos", 700}, {"setecientas", 700},
    {"ochocientos", 800}, {"ochocientas", 800},
    {"novecientos", 900}, {"novecientas", 900},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int lookup(const word_value *t, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].word, w) == 0)
            return t[i].value;
    return 0;
}

static int is_below100_start(const char *w)
{
    return lookup(small_words, COUNT(small_words), w) ||
           lookup(tens_words, COUNT(tens_words), w);
}

/* One group 1..999 from words[*i]. Returns its value, 0 when no word of a
 * group is there, -1 when the words are ill-formed. */
static long parse_group(char *const *w, size_t nw, size_t *i)
{
    long v = 0;
    int h;
    if (*i < nw && (h = lookup(hundreds_words, COUNT(hundreds_words), w[*i])) != 0) {
        int is_cien = strcmp(w[*i], "cien") == 0;
        int is_ciento = strcmp(w[*i], "ciento") == 0;
        (*i)++;
        v = h;
        int more = *i < nw && is_below100_start(w[*i]);
        if (is_cien && more)
            return -1; /* "cien dos": ciento dos */
        if (is_ciento && !more)
            return -1; /* "ciento" alone: cien */
        if (!more)
            return v;
    }
    if (*i >= nw)
        return v;
    int s = lookup(small_words, COUNT(small_words), w[*i]);
    if (s) {
        (*i)++;
        return v + s;
    }
    int t = lookup(tens_words, COUNT(tens_words), w[*i]);
    if (t) {
        (*i)++;
        v += t;
        if (*i < nw && strcmp(w[*i], "y") == 0) {
            (*i)++;
            int u = *i < nw ? lookup(small_words, COUNT(small_words), w[*i]) : 0;
            if (u < 1 || u > 9)
                return -1; /* "treinta y", "treinta y doce" */
            (*i)++;
            v += u;
        }
        return v;
    }
    return v;
}

long pl_es_number_value(const char *s, size_t n)
{
    char buf[FOLD_MAX];
    if (fold(s, n, 0, buf, sizeof buf) < 0)
        return -1;
    char *w[NUMBER_WORDS_MAX];
    size_t nw = 0;
    for (char *p = buf; *p;) {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        if (nw == NUMBER_WORDS_MAX)
            return -1;
        w[nw++] = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = '\0';
    }
    if (nw == 0)
        return -1;
    if (nw == 1 && strcmp(w[0], "cero") == 0)
        return 0;
    size_t i = 0;
    long total;
    long g = parse_group(w, nw, &i);
    if (g < 0)
        return -1;
    if (i < nw && strcmp(w[i], "mil") == 0) {
        /* "mil", "dos mil", "un mil"; not "uno mil" */
        if (i > 0 && strcmp(w[i - 1], "uno") == 0)
            return -1;
        i++;
        total = (g == 0 ? 1 : g) * 1000;
        long g2 = parse_group(w, nw, &i);
        if (g2 < 0)
            return -1;
        total += g2;
    } else {
        if (g == 0)
            return -1;
        total = g;
    }
    return i == nw ? total : -1;
}

/* ---------------------------------------------------------------- */
/* Months                                                            */

static const char *const months[13] = {
    "", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "octubre", "noviembre", "diciembre",
};

int pl_es_month(const char *s, size_t n)
{
    char buf[16];
    if (fold(s, n, 0, buf, sizeof buf) <= 0)
        return 0;
    for (int m = 1; m <= 12; m++)
        if (strcmp(buf, months[m]) == 0)
            return m;
    if (strcmp(buf, "setiembre") == 0)
        return 9;
    return 0;
}

const char *pl_es_month_name(int m)
{
    return m >= 1 && m <= 12 ? months[m] : "";
}

/* ---------------------------------------------------------------- */
/* Calendar                                                          */

int pl_date_is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int pl_date_days_in_month(int year, int month)
{
    static const int days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && pl_date_is_leap(year))
        return 29;
    return days[month];
}

int pl_date_valid(int year, int month, int day)
{
    return year >= 1 && year <= 9999 && day >= 1 &&
           day <= pl_date_days_in_month(year, month);
}

char *pl_date_why_invalid(int year, int month, int day, char *out, size_t size)
{
    if (size == 0)
        return out;
    out[0] = '\0';
    if (month < 1 || month > 12) {
        snprintf(out, size, "no hay mes %d", month);
        return out;
    }
    if (day < 1) {
        snprintf(out, size, "no hay día %d", day);
        return out;
    }
    /* An unknown year counts as leap: 29 de febrero may be right. */
    int dim = year > 0 ? pl_date_days_in_month(year, month)
                       : pl_date_days_in_month(2000, month);
    if (day <= dim)
        return out;
    if (month == 2 && day == 29)
        snprintf(out, size, "%d no es bisiesto", year);
    else if (month == 2 && year > 0)
        snprintf(out, size, "febrero de %d tiene %d días", year, dim);
    else
        snprintf(out, size, "%s tiene %d días", months[month], dim);
    return out;
}

int pl_es_is_letter_at(const char *s, size_t n, size_t i, size_t *len)
{
    uint32_t cp = pl_utf8_decode(s + i, n - i, len);
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

size_t pl_es_word_end(const char *s, size_t n, size_t i)
{
    size_t len;
    while (i < n && pl_es_is_letter_at(s, n, i, &len))
        i += len;
    return i;
}

int pl_es_read_ordinal(const char *s, size_t n, size_t i, size_t *end)
{
    size_t w1 = pl_es_word_end(s, n, i);
    if (w1 == i)
        return 0;
    size_t j = w1;
    while (j < n && s[j] == ' ')
        j++;
    size_t w2 = j > w1 ? pl_es_word_end(s, n, j) : j;
    if (w2 > j) {
        int v = pl_es_ordinal_value(s + i, w2 - i, 0);
        if (v) {
            *end = w2;
            return v;
        }
    }
    int v = pl_es_ordinal_value(s + i, w1 - i, 0);
    if (v)
        *end = w1;
    return v;
}
