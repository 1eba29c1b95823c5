/* rules INF-001 … INF-005: the informe de actividades.
 *   INF-001  the period reported (metadatos/periodo) starts before it ends,
 *            and the informe is not dated before it starts.
 *   INF-002  every session and meeting falls inside the period, and the
 *            date written in its heading or row is its @fecha.
 *   INF-003  sessions of each type, and the rows of a meetings table, are
 *            listed in order of date.
 *   INF-004  sessions of each type are numbered 1, 2, 3 … within each year
 *            (SNT bodies start again every year), and the ordinal and type
 *            their title states («PRIMERA SESIÓN ORDINARIA») are @numero
 *            and @tipo.
 *   INF-005  stated totals agree with their data: serie/@total is the sum
 *            of its valor/@cantidad, reuniones/@total the number of
 *            reunion, and a cifra that writes a number writes its @valor.
 * The informe's elements have no type of their own in the model: they are
 * found by name (sesiones/sesion, reuniones/reunion, datos/serie/valor,
 * cifras/cifra). Every date they carry is a real AAAA-MM-DD (the schema's
 * xs:date), so a date that does not parse here means a document that
 * failed its schema: the rules say nothing about it. */
#include "check.h"
#include "es.h"
#include "rx.h"

#include <stdio.h>
#include <string.h>

/* Longest piece of the text quoted in a message. */
#define QUOTE_MAX 60

/* Largest number read from an attribute or the text; past it the value
 * is not believed (and sums of many cannot overflow 64 bits). The schema
 * caps cantidad and valor at twelve digits. */
#define COUNT_MAX 999999999999999ULL

/* ---------------------------------------------------------------- */
/* Shared                                                            */

static const char *const session_types[] = {"ordinaria", "extraordinaria"};

/* A date as AAAAMMDD, or 0 when s is not a real AAAA-MM-DD. */
static int iso_date(const char *s)
{
    int y, m, d;
    if (s == NULL || pl_rules_parse_iso_date(s, &y, &m, &d) != 0 || !pl_date_valid(y, m, d))
        return 0;
    return y * 10000 + m * 100 + d;
}

/* The period of the informe: AAAAMMDD of its first and last day (0 when
 * absent or not a date) and its element. */
typedef struct period {
    const pl_node *node;
    const char *inicio, *fin;
    int start, end;
} period;

static void period_load(const pl_doc *doc, period *p)
{
    memset(p, 0, sizeof *p);
    p->node = doc->root ? pl_node_at(doc->root, "metadatos/periodo") : NULL;
    if (p->node == NULL)
        return;
    p->inicio = pl_node_attr(p->node, "inicio");
    p->fin = pl_node_attr(p->node, "fin");
    p->start = iso_date(p->inicio);
    p->end = iso_date(p->fin);
}

/* Value of a string of decimal digits (the schema's integers), capped at
 * COUNT_MAX + 1; -1 when it is not one. */
static long long count_value(const char *s)
{
    if (s == NULL || *s == '\0')
        return -1;
    unsigned long long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        if (v <= COUNT_MAX)
            v = v * 10 + (unsigned long long)(*s - '0');
    }
    return v > COUNT_MAX ? (long long)COUNT_MAX + 1 : (long long)v;
}

static int is_session(const pl_node *n)
{
    return pl_node_is(n, "sesion") && pl_node_is(n->parent, "sesiones");
}

static int is_meeting(const pl_node *n)
{
    return pl_node_is(n, "reunion") && pl_node_is(n->parent, "reuniones");
}

/* The next element after n in document order (pre-order) for which pred
 * holds, or NULL; from the root when n is NULL. Sessions and meetings
 * hold no sessions or meetings, so their children are not searched. */
static const pl_node *next_match(const pl_doc *doc, const pl_node *n, int (*pred)(const pl_node *))
{
    const pl_node *cur;
    if (n == NULL) {
        cur = doc->root;
    } else {
        cur = n;
        while (cur && cur->next == NULL && cur != doc->root)
            cur = cur->parent;
        cur = cur && cur != doc->root ? cur->next : NULL;
    }
    while (cur != NULL) {
        if (cur->type != PL_N_TEXT && pred(cur))
            return cur;
        if (cur->first != NULL && cur->type != PL_N_TEXT) {
            cur = cur->first;
            continue;
        }
        while (cur && cur->next == NULL && cur != doc->root)
            cur = cur->parent;
        cur = cur && cur != doc->root ? cur->next : NULL;
    }
    return NULL;
}

/* ---------------------------------------------------------------- */
/* INF-001: the period                                               */

pl_status pl_check_inf_001(const pl_doc *doc, pl_diags *diags)
{
    period p;
    period_load(doc, &p);
    if (p.start == 0 || p.end == 0)
        return PL_OK;
    if (p.start > p.end)
        pl_report_node(diags, doc, "INF-001", p.node,
                       "el periodo termina (%s) antes de empezar (%s)", p.fin, p.inicio);
    else if (p.start == p.end)
        pl_report_node(diags, doc, "INF-001", p.node,
                       "el periodo empieza y termina el mismo día (%s)", p.inicio);

    /* A period that ends before it starts has no start to compare with. */
    const pl_node *fecha = pl_node_at(doc->root, "metadatos/fecha");
    if (fecha == NULL || p.start > p.end)
        return diags->oom ? PL_ENOMEM : PL_OK;
    pl_flat f;
    if (pl_flat_build(fecha, 0, &f) != 0) {
        pl_flat_free(&f);
        return PL_ENOMEM;
    }
    int date = iso_date(f.text);
    if (date != 0 && date < p.start)
        pl_report_flat(diags, doc, "INF-001", fecha, &f, 0,
                       "el informe tiene fecha %s, anterior al inicio del periodo que informa (%s)",
                       f.text, p.inicio);
    pl_flat_free(&f);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* INF-002: dates inside the period, written dates agree             */

#define MONTHS                                                                                     \
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"                                \
    "setiembre|octubre|noviembre|diciembre"

/* A date as headings and tables write it: "9 DE ENERO DE 2020", "1 julio
 * de 2020", "1º de mayo", "diez de noviembre del 2020". Groups: 1 day in
 * digits, 2 day in words, 3 month, 4 year. */
static pl_rx rx_written_date =
    PL_RX("(?:(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\.?\\s?[º°])?|\\b(\\p{L}+(?:\\s+y\\s+\\p{L}+)?))"
          "\\s+(?:de\\s+)?(" MONTHS ")\\b"
          "(?:\\s*,?\\s+(?:de|del)\\s+(?:año\\s+)?(\\d{4})(?!\\d))?",
          PCRE2_CASELESS);

static int group(pcre2_match_data *md, int g, size_t *start, size_t *len)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if ((int)pcre2_get_ovector_count(md) <= g || ov[2 * g] == PCRE2_UNSET)
        return 0;
    *start = ov[2 * g];
    *len = ov[2 * g + 1] - ov[2 * g];
    return 1;
}

/* The first date written in the text of n (a sesion/fecha or
 * reunion/fecha), compared with want (AAAAMMDD). */
static pl_status check_written_date(const pl_doc *doc, pl_diags *diags, const pl_node *n,
                                    const char *attr, int want, pcre2_match_data *md)
{
    pl_flat f;
    if (pl_flat_build(n, 0, &f) != 0) {
        pl_flat_free(&f);
        return PL_ENOMEM;
    }
    size_t at = 0, ms, me, st, len;
    int rc;
    while ((rc = pl_rx_next(&rx_written_date, f.text, f.len, &at, md, &ms, &me)) == 1) {
        long day = -1;
        if (group(md, 1, &st, &len)) {
            day = 0;
            for (size_t i = 0; i < len; i++)
                day = day * 10 + (f.text[st + i] - '0');
        } else if (group(md, 2, &st, &len)) {
            day = pl_es_number_value(f.text + st, len);
            if (pl_es_ordinal_value(f.text + st, len, 0) == 1)
                day = 1; /* primero */
            if (day < 1 || day > 31) {
                /* "mayo" in "25 DE MAYO" may have been read as a word
                 * before a month: look again from the next word */
                at = st + (len > 0 ? len : 1);
                continue;
            }
        }
        if (!group(md, 3, &st, &len))
            continue;
        int month = pl_es_month(f.text + st, len);
        int year = 0;
        if (group(md, 4, &st, &len))
            for (size_t i = 0; i < len; i++)
                year = year * 10 + (f.text[st + i] - '0');
        int wy = want / 10000, wm = want / 100 % 100, wd = want % 100;
        if (day != wd || month != wm || (year != 0 && year != wy))
            pl_report_flat(diags, doc, "INF-002", n, &f, ms,
                           "la fecha escrita, «%.*s», no es la de @fecha (%s)",
                           pl_rules_quote_len(f.text + ms, me - ms, QUOTE_MAX), f.text + ms, attr);
        break; /* only the first date of the text is the date */
    }
    pl_flat_free(&f);
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

pl_status pl_check_inf_002(const pl_doc *doc, pl_diags *diags)
{
    period p;
    period_load(doc, &p);
    /* A period that ends before it starts, or on the day it starts, is
     * INF-001's: "inside" means nothing then. */
    int have_period = p.start != 0 && p.end != 0 && p.start < p.end;
    pcre2_match_data *md = pl_rx_match_data();
    if (md == NULL)
        return PL_ENOMEM;
    pl_status st = PL_OK;

    for (const pl_node *s = next_match(doc, NULL, is_session); s;
         s = next_match(doc, s, is_session)) {
        const char *attr = pl_node_attr(s, "fecha"), *tipo = pl_node_attr(s, "tipo"),
                   *num = pl_node_attr(s, "numero");
        int date = iso_date(attr);
        if (date == 0)
            continue;
        if (have_period && (date < p.start || date > p.end))
            pl_report_node(diags, doc, "INF-002", s,
                           "la sesión %s %s es del %s, fuera del periodo del informe "
                           "(del %s al %s)",
                           tipo ? tipo : "", num ? num : "", attr, p.inicio, p.fin);
        const pl_node *written = pl_node_named(s, "fecha");
        if (written != NULL)
            PL_CHECK(check_written_date(doc, diags, written, attr, date, md));
    }
    for (const pl_node *r = next_match(doc, NULL, is_meeting); r;
         r = next_match(doc, r, is_meeting)) {
        const char *attr = pl_node_attr(r, "fecha");
        int date = iso_date(attr);
        if (date == 0)
            continue;
        if (have_period && (date < p.start || date > p.end))
            pl_report_node(diags, doc, "INF-002", r,
                           "la reunión del %s está fuera del periodo del informe (del %s al %s)",
                           attr, p.inicio, p.fin);
        const pl_node *written = pl_node_named(r, "fecha");
        if (written != NULL)
            PL_CHECK(check_written_date(doc, diags, written, attr, date, md));
    }
done:
    pcre2_match_data_free(md);
    if (st == PL_OK && diags->oom)
        st = PL_ENOMEM;
    return st;
}

/* ---------------------------------------------------------------- */
/* INF-003: in order of date                                         */

pl_status pl_check_inf_003(const pl_doc *doc, pl_diags *diags)
{
    for (size_t t = 0; t < sizeof session_types / sizeof session_types[0]; t++) {
        const char *type = session_types[t];
        const pl_node *prev = NULL;
        int prev_date = 0;
        for (const pl_node *s = next_match(doc, NULL, is_session); s;
             s = next_match(doc, s, is_session)) {
            const char *tipo = pl_node_attr(s, "tipo");
            int date = iso_date(pl_node_attr(s, "fecha"));
            if (tipo == NULL || strcmp(tipo, type) != 0 || date == 0)
                continue;
            if (prev != NULL && date < prev_date) {
                const char *num = pl_node_attr(s, "numero"), *pnum = pl_node_attr(prev, "numero");
                pl_report_node(diags, doc, "INF-003", s,
                               "la sesión %s %s, del %s, está después de la %s, del %s: las "
                               "sesiones %ss van en orden de fecha",
                               type, num ? num : "", pl_node_attr(s, "fecha"), pnum ? pnum : "",
                               pl_node_attr(prev, "fecha"), type);
            }
            /* Compare the next one with this one: one report per seam. */
            prev = s;
            prev_date = date;
        }
    }
    /* Each meetings table on its own. */
    for (const pl_node *r = next_match(doc, NULL, is_meeting); r;
         r = next_match(doc, r, is_meeting)) {
        const pl_node *prev = r->prev;
        while (prev != NULL && !pl_node_is(prev, "reunion"))
            prev = prev->prev;
        int date = iso_date(pl_node_attr(r, "fecha"));
        int prev_date = prev ? iso_date(pl_node_attr(prev, "fecha")) : 0;
        if (date != 0 && prev_date != 0 && date < prev_date)
            pl_report_node(diags, doc, "INF-003", r,
                           "la reunión del %s está después de una del %s: las reuniones van "
                           "en orden de fecha",
                           pl_node_attr(r, "fecha"), pl_node_attr(prev, "fecha"));
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* INF-004: numbers, ordinals and types of the sessions              */

/* Longest word of an ordinal read ("QUINCUAGÉSIMO" is 14 bytes). */
#define ORDINAL_WORD_MAX 40

/* Value of one or two words of s (at most ORDINAL_WORD_MAX bytes each)
 * as a Spanish ordinal of either gender, apocopated or not: "PRIMERA",
 * "PRIMER", "Tercer", "DÉCIMA PRIMERA", "vigesimoséptima". pl_es reads
 * the masculine; each feminine or shortened word is turned into it first.
 * 0 when the words are not an ordinal; PL_ES_UNICO for "ÚNICA". */
static int ordinal_any_gender(const char *s, size_t n)
{
    char out[2 * (ORDINAL_WORD_MAX + 2)], word[ORDINAL_WORD_MAX + 1];
    size_t o = 0, i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t end = pl_es_word_end(s, n, i);
        if (end == i) {
            if (i < n)
                return 0; /* not a letter */
            break;
        }
        if (end - i > ORDINAL_WORD_MAX)
            return 0;
        size_t len = pl_es_fold(s + i, end - i, word);
        if (strcmp(word, "primer") == 0 || strcmp(word, "tercer") == 0)
            word[len++] = 'o';
        else if (len > 0 && word[len - 1] == 'a')
            word[len - 1] = 'o';
        if (o + len + 2 > sizeof out)
            return 0;
        if (o > 0)
            out[o++] = ' ';
        memcpy(out + o, word, len);
        o += len;
        i = end;
    }
    return o > 0 ? pl_es_ordinal_value(out, o, 0) : 0;
}

/* The feminine of ordinal v in capitals ("TERCERA", "DÉCIMA PRIMERA"). */
static void feminine_name(int v, char *out, size_t size)
{
    if (pl_es_ordinal_name(v, out, size) != 0) {
        snprintf(out, size, "%d.ª", v);
        return;
    }
    for (size_t i = 0; out[i]; i++)
        if (out[i] == 'O' && (out[i + 1] == ' ' || out[i + 1] == '\0'))
            out[i] = 'A';
}

/* "sesión" in a title, and the session type a title names. */
static pl_rx rx_sesion_word = PL_RX("\\bsesi[oó]n\\b", PCRE2_CASELESS);
static pl_rx rx_type_word = PL_RX("\\b(extraordinari[ao]s?|ordinari[ao]s?)\\b", PCRE2_CASELESS);
/* An ordinal in figures before "sesión": "1a.", "1ª", "1er.", "2da", "3.º". */
static pl_rx rx_ordinal_digits = PL_RX(
    "(?<!\\p{N})(\\d{1,3})\\s*\\.?\\s*(?:ª|º|°|era|er|ra|da|do|ta|to|va|vo|na|no|a|o)?\\.?\\s*$",
    PCRE2_CASELESS);

/* Start of the word that ends at byte end of s (after skipping spaces
 * back from end). */
static size_t word_start_before(const char *s, size_t end)
{
    while (end > 0 && s[end - 1] == ' ')
        end--;
    size_t i = end;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    return i;
}

/* The ordinal a session's title states before "sesión": its value (0 when
 * none) and where it is written in f. */
static int title_ordinal(const pl_flat *f, pcre2_match_data *md, size_t *off, size_t *len, int *err)
{
    *err = 0;
    int rc = pl_rx_search(&rx_sesion_word, f->text, f->len, 0, 0, md);
    if (rc != 1) {
        *err = rc == PL_RX_ENOMEM;
        return 0;
    }
    size_t s0 = pcre2_get_ovector_pointer(md)[0];
    size_t w2 = word_start_before(f->text, s0), e2 = s0;
    while (e2 > w2 && f->text[e2 - 1] == ' ')
        e2--;
    if (w2 == e2)
        return 0;
    /* two words ("DÉCIMA PRIMERA"), then one */
    size_t w1 = word_start_before(f->text, w2);
    int v = w1 < w2 ? ordinal_any_gender(f->text + w1, e2 - w1) : 0;
    if (v != 0) {
        *off = w1;
        *len = e2 - w1;
        return v;
    }
    v = ordinal_any_gender(f->text + w2, e2 - w2);
    if (v == 0) {
        /* in figures, up to the word "sesión" */
        rc = pl_rx_search(&rx_ordinal_digits, f->text, s0, w1 < w2 ? w1 : w2, 0, md);
        if (rc == PL_RX_ENOMEM)
            *err = 1;
        if (rc != 1)
            return 0;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        v = 0;
        for (size_t i = ov[2]; i < ov[3]; i++)
            v = v * 10 + (f->text[i] - '0');
        *off = ov[0];
        *len = e2 - ov[0];
        return v;
    }
    *off = w2;
    *len = e2 - w2;
    return v;
}

/* Title of session s: its ordinal is @numero, its type @tipo. */
static pl_status check_title(const pl_doc *doc, pl_diags *diags, const pl_node *s, long long numero,
                             const char *tipo, pcre2_match_data *md)
{
    const pl_node *title = pl_node_named(s, "titulo");
    if (title == NULL)
        return PL_OK;
    pl_flat f;
    if (pl_flat_build(title, 0, &f) != 0) {
        pl_flat_free(&f);
        return PL_ENOMEM;
    }
    pl_status st = PL_OK;
    size_t off = 0, len = 0;
    int err, v = title_ordinal(&f, md, &off, &len, &err);
    if (err) {
        st = PL_ENOMEM;
        goto done;
    }
    if (v != 0 && v != PL_ES_UNICO && v != numero) {
        char want[PL_ES_ORDINAL_SIZE + 8];
        feminine_name(numero <= PL_ES_ORDINAL_MAX ? (int)numero : 0, want, sizeof want);
        if (numero <= PL_ES_ORDINAL_MAX)
            pl_report_flat(diags, doc, "INF-004", title, &f, off,
                           "el título dice «%.*s», pero @numero es %lld: se esperaba «%s»",
                           pl_rules_quote_len(f.text + off, len, QUOTE_MAX), f.text + off, numero,
                           want);
        else
            pl_report_flat(diags, doc, "INF-004", title, &f, off,
                           "el título dice «%.*s», pero @numero es %lld",
                           pl_rules_quote_len(f.text + off, len, QUOTE_MAX), f.text + off, numero);
    }
    int rc = pl_rx_search(&rx_type_word, f.text, f.len, 0, 0, md);
    if (rc == PL_RX_ENOMEM) {
        st = PL_ENOMEM;
        goto done;
    }
    if (rc == 1) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        char folded[8];
        pl_es_fold(f.text + ov[2], 3, folded); /* "ext" or "ord" */
        const char *named = strncmp(folded, "ext", 3) == 0 ? "extraordinaria" : "ordinaria";
        if (strcmp(named, tipo) != 0)
            pl_report_flat(diags, doc, "INF-004", title, &f, ov[2],
                           "el título dice «%.*s», pero @tipo es %s", (int)(ov[3] - ov[2]),
                           f.text + ov[2], tipo);
    }
done:
    pl_flat_free(&f);
    return st;
}

/* The type a group of sessions names in its title ("Sesiones
 * Extraordinarias de …"), or NULL when it names none or both. */
static pl_status group_type(const pl_node *sesiones, pcre2_match_data *md, const char **type)
{
    *type = NULL;
    const pl_node *title = pl_node_named(sesiones, "titulo");
    if (title == NULL)
        return PL_OK;
    pl_flat f;
    if (pl_flat_build(title, 0, &f) != 0) {
        pl_flat_free(&f);
        return PL_ENOMEM;
    }
    size_t at = 0, ms, me;
    int rc, ord = 0, ext = 0;
    while ((rc = pl_rx_next(&rx_type_word, f.text, f.len, &at, md, &ms, &me)) == 1) {
        char folded[8];
        pl_es_fold(f.text + ms, 3, folded);
        if (strncmp(folded, "ext", 3) == 0)
            ext = 1;
        else
            ord = 1;
    }
    pl_flat_free(&f);
    if (rc == PL_RX_ENOMEM)
        return PL_ENOMEM;
    if (ord != ext)
        *type = ext ? "extraordinaria" : "ordinaria";
    return PL_OK;
}

/* The sessions of one type, in document order: numbered from 1 within
 * each year. The first year of the informe may start with any number when
 * the period starts after its 1 January (its first sessions belong to the
 * previous informe); any later year, or one the period covers from its
 * start, starts with 1. */
static void check_numbers(const pl_doc *doc, pl_diags *diags, const char *type, const period *p)
{
    int year = 0;
    long long expected = 0; /* 0: any */
    for (const pl_node *s = next_match(doc, NULL, is_session); s;
         s = next_match(doc, s, is_session)) {
        const char *tipo = pl_node_attr(s, "tipo");
        int date = iso_date(pl_node_attr(s, "fecha"));
        long long v = count_value(pl_node_attr(s, "numero"));
        if (tipo == NULL || strcmp(tipo, type) != 0 || date == 0 || v < 1)
            continue;
        int y = date / 10000;
        /* A session outside the period has a wrong date (INF-002): its
         * year says nothing about the numbering. */
        if (year != 0 && p->start != 0 && p->end != 0 && (date < p->start || date > p->end))
            y = year;
        if (y != year) {
            int covered = year != 0 || (p->start != 0 && p->start <= y * 10000 + 101);
            year = y;
            if (!covered) {
                expected = v + 1;
                continue;
            }
            if (v == 1) {
                expected = 2;
            } else if (v == 2) {
                pl_report_node(diags, doc, "INF-004", s,
                               "falta la sesión %s 1 de %d: el informe abarca ese año desde su "
                               "inicio y la primera que lista es la 2",
                               type, y);
            } else {
                pl_report_node(diags, doc, "INF-004", s,
                               "faltan las sesiones %ss 1 a %lld de %d: el informe abarca ese año "
                               "desde su inicio y la primera que lista es la %lld",
                               type, v - 1, y, v);
            }
            expected = v + 1;
            continue;
        }
        if (v == expected) {
            expected++;
            continue;
        }
        if (v == expected - 1)
            pl_report_node(diags, doc, "INF-004", s,
                           "la sesión %s %lld de %d se repite: se esperaba la %lld", type, v, y,
                           expected);
        else if (v < expected)
            pl_report_node(diags, doc, "INF-004", s,
                           "la sesión %s %lld de %d está fuera de orden: se esperaba la %lld", type,
                           v, y, expected);
        else if (v == expected + 1)
            pl_report_node(diags, doc, "INF-004", s,
                           "falta la sesión %s %lld de %d: tras la %lld viene la %lld", type,
                           expected, y, expected - 1, v);
        else
            pl_report_node(diags, doc, "INF-004", s,
                           "faltan las sesiones %ss %lld a %lld de %d: tras la %lld viene la %lld",
                           type, expected, v - 1, y, expected - 1, v);
        /* Follow the author's numbering: one report per seam. */
        expected = v + 1;
    }
}

pl_status pl_check_inf_004(const pl_doc *doc, pl_diags *diags)
{
    period p;
    period_load(doc, &p);
    for (size_t t = 0; t < sizeof session_types / sizeof session_types[0]; t++)
        check_numbers(doc, diags, session_types[t], &p);

    pcre2_match_data *md = pl_rx_match_data();
    if (md == NULL)
        return PL_ENOMEM;
    pl_status st = PL_OK;
    const pl_node *group = NULL;
    const char *gtype = NULL;
    for (const pl_node *s = next_match(doc, NULL, is_session); s;
         s = next_match(doc, s, is_session)) {
        const char *tipo = pl_node_attr(s, "tipo");
        long long v = count_value(pl_node_attr(s, "numero"));
        if (tipo == NULL || v < 1)
            continue;
        if (s->parent != group) {
            group = s->parent;
            PL_CHECK(group_type(group, md, &gtype));
        }
        if (gtype != NULL && strcmp(gtype, tipo) != 0)
            pl_report_node(diags, doc, "INF-004", s,
                           "la sesión %s %lld está en un grupo de sesiones %ss (según su "
                           "título)",
                           tipo, v, gtype);
        PL_CHECK(check_title(doc, diags, s, v, tipo, md));
    }
done:
    pcre2_match_data_free(md);
    if (st == PL_OK && diags->oom)
        st = PL_ENOMEM;
    return st;
}

/* ---------------------------------------------------------------- */
/* INF-005: stated totals                                            */

static int is_serie(const pl_node *n)
{
    return pl_node_is(n, "serie") && pl_node_is(n->parent, "datos");
}

static int is_meetings(const pl_node *n)
{
    return pl_node_is(n, "reuniones");
}

static int is_figure(const pl_node *n)
{
    return pl_node_is(n, "cifra") && pl_node_is(n->parent, "cifras");
}

/* A number written with digits, with or without thousands separators:
 * "700", "9,200", "1'000,000", "102 000". */
static pl_rx rx_number =
    PL_RX("(?<![\\p{N}.,'’])\\d{1,3}(?:(?:[,.'’]|\\s(?=\\d{3}\\b))\\d{3})+(?![\\p{N}]|[.,]\\d)"
          "|(?<![\\p{N}.,'’])\\d+(?![\\p{N}]|[.,'’]\\d)",
          0);

/* Value of the digits of s[0..n), separators skipped, capped. */
static long long digits_value(const char *s, size_t n)
{
    unsigned long long v = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9' && v <= COUNT_MAX)
            v = v * 10 + (unsigned long long)(s[i] - '0');
    return v > COUNT_MAX ? (long long)COUNT_MAX + 1 : (long long)v;
}

/* A cifra that writes numbers writes its @valor among them. */
static pl_status check_figure(const pl_doc *doc, pl_diags *diags, const pl_node *c,
                              pcre2_match_data *md)
{
    const char *valor = pl_node_attr(c, "valor");
    long long want = count_value(valor);
    if (want < 0)
        return PL_OK;
    pl_flat f;
    if (pl_flat_build(c, 0, &f) != 0) {
        pl_flat_free(&f);
        return PL_ENOMEM;
    }
    size_t at = 0, ms, me, first = 0, first_end = 0;
    int rc, seen = 0, found = 0;
    while ((rc = pl_rx_next(&rx_number, f.text, f.len, &at, md, &ms, &me)) == 1) {
        if (!seen) {
            first = ms;
            first_end = me;
        }
        seen = 1;
        if (digits_value(f.text + ms, me - ms) == want) {
            found = 1;
            break;
        }
    }
    if (rc != PL_RX_ENOMEM && seen && !found)
        pl_report_flat(diags, doc, "INF-005", c, &f, first,
                       "la cifra dice «%.*s», pero su @valor es %s",
                       pl_rules_quote_len(f.text + first, first_end - first, QUOTE_MAX),
                       f.text + first, valor);
    pl_flat_free(&f);
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

pl_status pl_check_inf_005(const pl_doc *doc, pl_diags *diags)
{
    for (const pl_node *s = next_match(doc, NULL, is_serie); s; s = next_match(doc, s, is_serie)) {
        const char *total = pl_node_attr(s, "total");
        long long want = count_value(total);
        if (want < 0)
            continue;
        long long sum = 0;
        size_t n = 0;
        int valid = 1;
        for (const pl_node *v = pl_node_named(s, "valor"); v; v = pl_node_next_named(v, "valor")) {
            long long c = count_value(pl_node_attr(v, "cantidad"));
            valid &= c >= 0; /* not valid against the schema: say nothing */
            sum += c;
            n++;
        }
        if (valid && sum != want) {
            const char *name = pl_node_attr(s, "nombre");
            if (name != NULL)
                pl_report_node(diags, doc, "INF-005", s,
                               "los %zu valores de la serie «%.*s» suman %lld, pero su total "
                               "declarado es %s",
                               n, pl_rules_quote_len(name, strlen(name), QUOTE_MAX), name, sum,
                               total);
            else
                pl_report_node(diags, doc, "INF-005", s,
                               "los %zu valores de la serie suman %lld, pero su total declarado "
                               "es %s",
                               n, sum, total);
        }
    }

    for (const pl_node *r = next_match(doc, NULL, is_meetings); r;
         r = next_match(doc, r, is_meetings)) {
        const char *total = pl_node_attr(r, "total");
        long long want = count_value(total);
        size_t n = pl_node_count_named(r, "reunion");
        if (want >= 0 && (long long)n != want)
            pl_report_node(diags, doc, "INF-005", r,
                           "la tabla tiene %zu %s, pero su total declarado es %s", n,
                           n == 1 ? "reunión" : "reuniones", total);
    }

    pcre2_match_data *md = pl_rx_match_data();
    if (md == NULL)
        return PL_ENOMEM;
    pl_status st = PL_OK;
    for (const pl_node *c = next_match(doc, NULL, is_figure); c; c = next_match(doc, c, is_figure))
        PL_CHECK(check_figure(doc, diags, c, md));
done:
    pcre2_match_data_free(md);
    if (st == PL_OK && diags->oom)
        st = PL_ENOMEM;
    return st;
}
