/* rules ACTA-001 … ACTA-008: an acta agrees with itself. The quorum it
 * declares is the one its roll call gives; votes fit the members present
 * at that point; the agenda runs 1, 2, 3…; every agenda point is dealt
 * with or deferred, in order; the session opens before it closes; the
 * agreements adopted carry this session's number, no two the same; who
 * speaks as a member is present.
 *
 * The schema (acta.xsd) has already checked every reference: a speaker,
 * a voter or a treated point that does not exist never gets here. */
#include "acta.h"
#include "check.h"
#include "numero.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest count or point number believed. XSD lets an xs:positiveInteger
 * be any length; past this a value is "too large" (and cannot overflow). */
#define COUNT_MAX 1000000L

/* Longest agreement number quoted in a message: a real one is about 40
 * bytes; a longer run is a mistake worth seeing, but not in full. */
#define NUMBER_QUOTE_MAX 60

/* ---------------------------------------------------------------- */
/* Reading values                                                    */

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The value of an xs:positiveInteger or xs:nonNegativeInteger as XSD reads
 * it (white space around, an optional '+', leading zeros): 0..COUNT_MAX;
 * -1 when s is NULL or not such a number; -2 when larger than COUNT_MAX. */
static long count_value(const char *s)
{
    if (s == NULL)
        return -1;
    while (is_xml_space(*s))
        s++;
    if (*s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return -1;
    long v = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        if (v <= COUNT_MAX)
            v = v * 10 + (*s - '0');
    while (is_xml_space(*s))
        s++;
    if (*s != '\0')
        return -1;
    return v > COUNT_MAX ? -2 : v;
}

static long count_attr(const pl_node *n, const char *name)
{
    return count_value(pl_node_attr(n, name));
}

static int attr_is(const pl_node *n, const char *name, const char *value)
{
    const char *v = pl_node_attr(n, name);
    return v != NULL && strcmp(v, value) == 0;
}

/* s without the XML white space around it: *len bytes from the result. */
static const char *trim(const char *s, size_t *len)
{
    while (is_xml_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_xml_space(s[n - 1]))
        n--;
    *len = n;
    return s;
}

/* ---------------------------------------------------------------- */
/* The roll call                                                     */

typedef struct member {
    const char *clave;
    const pl_node *node;
    int present;  /* presente or representado at the roll call */
    long from;    /* desde-punto (a point number), 0 when none */
    size_t voted; /* serial of the last votacion this member voted in */
} member;

typedef struct roll {
    member *m; /* sorted by clave */
    size_t n;
    size_t present; /* at the roll call */
    long *joins;    /* desde-punto of the members absent at the roll call, sorted */
    size_t njoins;
} roll;

static int by_clave(const void *a, const void *b)
{
    return strcmp(((const member *)a)->clave, ((const member *)b)->clave);
}

static int by_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static void roll_free(roll *r)
{
    free(r->m);
    free(r->joins);
    memset(r, 0, sizeof *r);
}

/* The integrantes of asistencia. An acta without asistencia gives an
 * empty roll (r->n == 0). */
static pl_status roll_load(const pl_doc *doc, roll *r)
{
    memset(r, 0, sizeof *r);
    const pl_node *asis = pl_node_named(doc->root, "asistencia");
    size_t cap = asis ? pl_node_count_named(asis, "integrante") : 0;
    if (cap == 0)
        return PL_OK;
    r->m = calloc(cap, sizeof *r->m);
    r->joins = calloc(cap, sizeof *r->joins);
    if (r->m == NULL || r->joins == NULL) {
        roll_free(r);
        return PL_ENOMEM;
    }
    for (const pl_node *i = pl_node_named(asis, "integrante"); i;
         i = pl_node_next_named(i, "integrante")) {
        const char *clave = pl_node_attr(i, "clave");
        if (clave == NULL)
            continue;
        member *m = &r->m[r->n++];
        m->clave = clave;
        m->node = i;
        m->present = attr_is(i, "asistencia", "presente") ||
                     attr_is(i, "asistencia", "representado");
        long from = count_attr(i, "desde-punto");
        m->from = from > 0 ? from : 0;
        r->present += m->present;
        if (!m->present && m->from > 0)
            r->joins[r->njoins++] = m->from;
    }
    qsort(r->m, r->n, sizeof *r->m, by_clave);
    qsort(r->joins, r->njoins, sizeof *r->joins, by_long);
    return PL_OK;
}

static member *roll_find(const roll *r, const char *clave)
{
    if (r->n == 0 || clave == NULL)
        return NULL;
    member key = {clave, NULL, 0, 0, 0};
    return bsearch(&key, r->m, r->n, sizeof *r->m, by_clave);
}

/* Whether m is there during agenda point `point` (< 1: unknown point,
 * counted as after every join). */
static int present_at(const member *m, long point)
{
    return m->present || (m->from > 0 && (point < 1 || point >= m->from));
}

/* How many members are there during agenda point `point`. */
static size_t roll_present_at(const roll *r, long point)
{
    if (point < 1)
        return r->present + r->njoins;
    size_t lo = 0, hi = r->njoins; /* joins[0..lo) <= point */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->joins[mid] <= point)
            lo = mid + 1;
        else
            hi = mid;
    }
    return r->present + lo;
}

/* ---------------------------------------------------------------- */
/* ACTA-001: the declared quorum is the roll call's                  */

pl_acta_quorum pl_acta_quorum_of(const pl_node *asis)
{
    pl_acta_quorum q = {0, 0, 0, 0};
    for (const pl_node *i = pl_node_named(asis, "integrante"); i;
         i = pl_node_next_named(i, "integrante")) {
        q.members++;
        q.present += attr_is(i, "asistencia", "presente") ||
                     attr_is(i, "asistencia", "representado");
    }
    q.needed = q.members / 2 + 1; /* more than half */
    q.has = q.members > 0 && q.present >= q.needed;
    return q;
}

pl_status pl_check_acta_001(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *quorum = doc->root ? pl_node_named(doc->root, "quorum") : NULL;
    const pl_node *asis = doc->root ? pl_node_named(doc->root, "asistencia") : NULL;
    const char *declared = quorum ? pl_node_attr(quorum, "declarado") : NULL;
    if (declared == NULL || asis == NULL)
        return PL_OK;
    pl_acta_quorum q = pl_acta_quorum_of(asis);
    if (q.members == 0)
        return PL_OK;
    size_t n = q.members, present = q.present, need = q.needed;
    int has = q.has;
    if (strcmp(declared, "si") == 0 && !has)
        pl_report_node(diags, doc, "ACTA-001", quorum,
                       "el acta declara quórum, pero la asistencia registra %zu de %zu "
                       "integrantes presentes o representados: hacen falta %zu, más de la "
                       "mitad", present, n, need);
    else if (strcmp(declared, "no") == 0 && has)
        pl_report_node(diags, doc, "ACTA-001", quorum,
                       "el acta declara que no hay quórum, pero la asistencia registra %zu de "
                       "%zu integrantes presentes o representados, más de la mitad",
                       present, n);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* ACTA-002: votes fit the attendance                                */

/* One count of a votacion: the attribute if written, else the tally of
 * the nominal votes if there are any, else unknown (-1). */
static long count_of(long attr, size_t tally, int nominal)
{
    if (attr >= 0)
        return attr;
    return nominal ? (long)tally : -1;
}

static void check_votacion(const pl_doc *doc, pl_diags *diags, roll *r, const pl_node *v,
                           long point, size_t serial)
{
    const char *R = "ACTA-002";
    long fav = count_attr(v, "a-favor"), con = count_attr(v, "en-contra"),
         abs = count_attr(v, "abstenciones");
    size_t nfav = 0, ncon = 0, nabs = 0;
    int nominal = 0;

    for (const pl_node *x = pl_node_named(v, "voto"); x; x = pl_node_next_named(x, "voto")) {
        const char *who = pl_node_attr(x, "integrante");
        const char *way = pl_node_attr(x, "sentido");
        if (who == NULL || way == NULL)
            continue;
        nominal = 1;
        nfav += strcmp(way, "a-favor") == 0;
        ncon += strcmp(way, "en-contra") == 0;
        nabs += strcmp(way, "abstencion") == 0;
        member *m = roll_find(r, who);
        if (m == NULL) {
            pl_report_node(diags, doc, R, x,
                           "vota «%s», que no es integrante: sólo votan los integrantes de "
                           "la asistencia", who);
            continue;
        }
        if (m->voted == serial)
            pl_report_node(diags, doc, R, x, "«%s» vota dos veces en la misma votación", who);
        m->voted = serial;
        if (!present_at(m, point))
            pl_report_node(diags, doc, R, x,
                           "vota «%s», que no consta presente en el punto %ld", who, point);
    }

    /* Written counts against the nominal votes. */
    if (nominal) {
        if (fav >= 0 && (size_t)fav != nfav)
            pl_report_node(diags, doc, R, v,
                           "a-favor dice %ld, pero hay %zu votos nominales a favor", fav, nfav);
        if (con >= 0 && (size_t)con != ncon)
            pl_report_node(diags, doc, R, v,
                           "en-contra dice %ld, pero hay %zu votos nominales en contra", con,
                           ncon);
        if (abs >= 0 && (size_t)abs != nabs)
            pl_report_node(diags, doc, R, v,
                           "abstenciones dice %ld, pero hay %zu abstenciones nominales", abs,
                           nabs);
    }
    long f = count_of(fav, nfav, nominal), c = count_of(con, ncon, nominal),
         a = count_of(abs, nabs, nominal);

    if (attr_is(v, "tipo", "unanimidad")) {
        if (c > 0)
            pl_report_node(diags, doc, R, v,
                           "una votación por unanimidad no tiene votos en contra, y ésta "
                           "tiene %ld", c);
        if (a > 0)
            pl_report_node(diags, doc, R, v,
                           "una votación por unanimidad no tiene abstenciones, y ésta tiene "
                           "%ld", a);
    } else if (attr_is(v, "tipo", "mayoria")) {
        if (f >= 0 && c >= 0 && f <= c)
            pl_report_node(diags, doc, R, v,
                           "una votación por mayoría tiene más votos a favor que en contra, "
                           "y ésta tiene %ld a favor y %ld en contra", f, c);
        else if (c == 0 && a == 0)
            pl_report_node(diags, doc, R, v,
                           "una votación sin votos en contra ni abstenciones es por "
                           "unanimidad, no por mayoría");
    }

    /* Nobody votes who is not there. */
    if (r->n > 0) {
        long total = (f > 0 ? f : 0) + (c > 0 ? c : 0) + (a > 0 ? a : 0);
        size_t there = roll_present_at(r, point);
        if (total > 0 && (size_t)total > there)
            pl_report_node(diags, doc, R, v,
                           "la votación suma %ld votos, pero en el punto %ld constan %zu "
                           "integrantes presentes", total, point, there);
    }
}

pl_status pl_check_acta_002(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *des = doc->root ? pl_node_named(doc->root, "desarrollo") : NULL;
    if (des == NULL)
        return PL_OK;
    roll r;
    pl_status st = roll_load(doc, &r);
    if (st != PL_OK)
        return st;
    size_t serial = 0;
    for (const pl_node *p = pl_node_named(des, "punto"); p; p = pl_node_next_named(p, "punto")) {
        long point = count_attr(p, "ref");
        for (const pl_node *v = pl_node_named(p, "votacion"); v;
             v = pl_node_next_named(v, "votacion"))
            check_votacion(doc, diags, &r, v, point, ++serial);
    }
    roll_free(&r);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* ACTA-003: the agenda runs 1, 2, 3…                                */

pl_status pl_check_acta_003(const pl_doc *doc, pl_diags *diags)
{
    const char *R = "ACTA-003";
    const pl_node *od = doc->root ? pl_node_named(doc->root, "orden-del-dia") : NULL;
    if (od == NULL)
        return PL_OK;
    long expected = 1;
    for (const pl_node *p = pl_node_named(od, "punto"); p; p = pl_node_next_named(p, "punto")) {
        const char *a = pl_node_attr(p, "numero");
        long v = count_value(a);
        if (v == -1)
            continue; /* absent or not a number: the schema says so */
        if (v == -2) {
            pl_report_node(diags, doc, R, p,
                           "el número de punto «%.*s» es demasiado grande: se esperaba el %ld",
                           pl_rules_quote_len(a, strlen(a), 20), a, expected);
            expected++;
            continue;
        }
        if (v == expected) {
            /* "03", "+3", " 3 ": the same number to XSD, not to a reader */
            char canon[24];
            snprintf(canon, sizeof canon, "%ld", v);
            if (strcmp(a, canon) != 0)
                pl_report_node(diags, doc, R, p, "el número de punto se escribe «%s», no «%s»",
                               canon, a);
            expected++;
            continue;
        }
        if (v < expected) {
            /* A step back: the series goes on where it was ("2, 1, 3" is
             * one misplaced point, not three). */
            if (v == expected - 1)
                pl_report_node(diags, doc, R, p, "el punto %ld se repite: se esperaba el %ld", v,
                               expected);
            else
                pl_report_node(diags, doc, R, p,
                               "el punto %ld está fuera de orden: se esperaba el %ld", v,
                               expected);
            continue;
        }
        if (expected == 1)
            pl_report_node(diags, doc, R, p,
                           "el orden del día empieza en el punto %ld: debe empezar en el 1", v);
        else if (v == expected + 1)
            pl_report_node(diags, doc, R, p,
                           "falta el punto %ld del orden del día: tras el %ld viene el %ld",
                           expected, expected - 1, v);
        else
            pl_report_node(diags, doc, R, p,
                           "faltan los puntos %ld %s %ld del orden del día: tras el %ld viene "
                           "el %ld", expected, v - 1 == expected + 1 ? "y" : "a", v - 1,
                           expected - 1, v);
        /* Follow the author's numbering: one report per seam. */
        expected = v + 1;
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* ACTA-004: every agenda point dealt with or deferred, in order    */

typedef struct agenda_point {
    long number;
    const pl_node *node;
    int treated, deferred;
} agenda_point;

static int by_number(const void *a, const void *b)
{
    long x = ((const agenda_point *)a)->number, y = ((const agenda_point *)b)->number;
    return (x > y) - (x < y);
}

static int by_position(const void *a, const void *b)
{
    const pl_node *x = ((const agenda_point *)a)->node, *y = ((const agenda_point *)b)->node;
    if (x->line != y->line)
        return (x->line > y->line) - (x->line < y->line);
    return (x->col > y->col) - (x->col < y->col);
}

static agenda_point *agenda_find(agenda_point *pts, size_t n, long number)
{
    agenda_point key = {number, NULL, 0, 0};
    return n ? bsearch(&key, pts, n, sizeof *pts, by_number) : NULL;
}

pl_status pl_check_acta_004(const pl_doc *doc, pl_diags *diags)
{
    const char *R = "ACTA-004";
    const pl_node *od = doc->root ? pl_node_named(doc->root, "orden-del-dia") : NULL;
    const pl_node *des = doc->root ? pl_node_named(doc->root, "desarrollo") : NULL;
    if (od == NULL || des == NULL)
        return PL_OK;
    size_t cap = pl_node_count_named(od, "punto"), n = 0;
    agenda_point *pts = calloc(cap ? cap : 1, sizeof *pts);
    if (pts == NULL)
        return PL_ENOMEM;
    for (const pl_node *p = pl_node_named(od, "punto"); p; p = pl_node_next_named(p, "punto")) {
        long v = count_attr(p, "numero");
        if (v > 0)
            pts[n++] = (agenda_point){v, p, 0, 0};
    }
    qsort(pts, n, sizeof *pts, by_number);

    long prev = 0;
    for (const pl_node *p = pl_node_named(des, "punto"); p; p = pl_node_next_named(p, "punto")) {
        long k = count_attr(p, "ref");
        if (k < 1)
            continue;
        if (k == prev)
            pl_report_node(diags, doc, R, p,
                           "el desarrollo vuelve a tratar el punto %ld: cada punto del orden "
                           "del día se desarrolla una sola vez", k);
        else if (k < prev)
            pl_report_node(diags, doc, R, p,
                           "el desarrollo trata el punto %ld después del punto %ld: debe "
                           "seguir el orden del día", k, prev);
        if (k > prev)
            prev = k;
        int deferred = attr_is(p, "estado", "diferido");
        agenda_point *a = agenda_find(pts, n, k);
        if (a != NULL) {
            a->treated = 1;
            a->deferred |= deferred;
        }
        const pl_node *v = pl_node_named(p, "votacion");
        if (deferred && v != NULL)
            pl_report_node(diags, doc, R, v,
                           "el punto %ld consta como diferido, pero tiene una votación", k);
    }

    /* Points never dealt with, in the agenda's order. */
    qsort(pts, n, sizeof *pts, by_position);
    for (size_t i = 0; i < n; i++)
        if (!pts[i].treated)
            pl_report_node(diags, doc, R, pts[i].node,
                           "el punto %ld del orden del día no se trata en el desarrollo ni "
                           "consta como diferido", pts[i].number);

    /* An agreement cannot come from a point that was put off. */
    qsort(pts, n, sizeof *pts, by_number);
    const pl_node *acs = pl_node_named(doc->root, "acuerdos");
    for (const pl_node *a = acs ? pl_node_named(acs, "acuerdo") : NULL; a;
         a = pl_node_next_named(a, "acuerdo")) {
        long k = count_attr(a, "punto");
        agenda_point *ap = k > 0 ? agenda_find(pts, n, k) : NULL;
        if (ap != NULL && ap->deferred)
            pl_report_node(diags, doc, R, a,
                           "el acuerdo se adoptó en el punto %ld, que consta como diferido", k);
    }
    free(pts);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* ACTA-005: the session opens before it closes                      */

/* Seconds since midnight of "HH:MM" or "HH:MM:SS" (the schema's shape),
 * or -1. */
static long time_value(const char *s, size_t n)
{
    if (n != 5 && n != 8)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int colon = i == 2 || i == 5;
        if (colon ? s[i] != ':' : (s[i] < '0' || s[i] > '9'))
            return -1;
    }
    long h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    long sec = n == 8 ? (s[6] - '0') * 10 + (s[7] - '0') : 0;
    return h * 3600 + m * 60 + sec;
}

pl_status pl_check_acta_005(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *meta = doc->root ? pl_node_named(doc->root, "metadatos") : NULL;
    const pl_node *open = meta ? pl_node_named(meta, "hora-inicio") : NULL;
    const pl_node *close = meta ? pl_node_named(meta, "hora-cierre") : NULL;
    if (open == NULL || close == NULL)
        return PL_OK;
    pl_flat fo, fc;
    int ok_o = pl_flat_build(open, 0, &fo), ok_c = pl_flat_build(close, 0, &fc);
    pl_status st = PL_OK;
    if (ok_o != 0 || ok_c != 0) {
        st = PL_ENOMEM;
        goto done;
    }
    long to = time_value(fo.text, fo.len), tc = time_value(fc.text, fc.len);
    if (to >= 0 && tc >= 0 && tc <= to)
        pl_report_node(diags, doc, "ACTA-005", close,
                       "la sesión se clausura a las %s, que no es después de su instalación, "
                       "a las %s", fc.text, fo.text);
done:
    pl_flat_free(&fo);
    pl_flat_free(&fc);
    return st == PL_OK && diags->oom ? PL_ENOMEM : st;
}

/* ---------------------------------------------------------------- */
/* ACTA-006: an agreement number of the Consejo Nacional's form is   */
/* this session's                                                    */

/* Whether s (trimmed, n bytes) is meant as a Consejo Nacional number: it
 * starts with "CONAIP", in any case. */
static int consejo_form(const char *s, size_t n)
{
    static const char p[] = "CONAIP";
    if (n < sizeof p - 1)
        return 0;
    for (size_t i = 0; i < sizeof p - 1; i++) {
        char c = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
        if (c != p[i])
            return 0;
    }
    return 1;
}

pl_status pl_check_acta_006(const pl_doc *doc, pl_diags *diags)
{
    const char *R = "ACTA-006";
    const pl_node *acs = doc->root ? pl_node_named(doc->root, "acuerdos") : NULL;
    if (acs == NULL)
        return PL_OK;
    pl_acuerdo_meta m;
    pl_rules_acuerdo_meta(doc, &m);
    const char *tipo = m.sesion ? pl_node_attr(m.sesion, "tipo") : NULL;
    long numero = m.sesion ? count_attr(m.sesion, "numero") : -1;
    const char *fecha = m.sesion ? pl_node_attr(m.sesion, "fecha") : NULL;
    int y = 0, mo = 0, d = 0;
    int has_date = fecha != NULL && pl_rules_parse_iso_date(fecha, &y, &mo, &d) == 0;

    for (const pl_node *a = pl_node_named(acs, "acuerdo"); a;
         a = pl_node_next_named(a, "acuerdo")) {
        const char *raw = pl_node_attr(a, "numero");
        if (raw == NULL)
            continue;
        size_t len;
        const char *s = trim(raw, &len);
        if (!consejo_form(s, len))
            continue;
        int q = pl_rules_quote_len(s, len, NUMBER_QUOTE_MAX);
        pl_numero num;
        pl_numero_error err;
        if (pl_numero_parse(s, len, &num, &err) != 0) {
            pl_report_node(diags, doc, R, a, "el número «%.*s» está mal formado: %s", q, s,
                           err.msg);
            continue;
        }
        const char *want = tipo == NULL                         ? NULL
                         : strcmp(tipo, "ordinaria") == 0      ? "ORD"
                         : strcmp(tipo, "extraordinaria") == 0 ? "EXT"
                                                               : NULL;
        if (want != NULL && strcmp(want, num.type) != 0)
            pl_report_node(diags, doc, R, a,
                           "el número «%.*s» es de una sesión %s, pero esta acta es de una "
                           "sesión %s", q, s,
                           strcmp(num.type, "ORD") == 0 ? "ordinaria" : "extraordinaria", tipo);
        if (numero > 0 && num.session != 0 && num.session != numero)
            pl_report_node(diags, doc, R, a,
                           "el número «%.*s» es de la sesión %02d, pero esta acta es de la "
                           "sesión %ld", q, s, num.session, numero);
        if (has_date && (num.year != y || num.month != mo || num.day != d))
            pl_report_node(diags, doc, R, a,
                           "el número «%.*s» es de una sesión del %02d/%02d/%04d, pero esta "
                           "acta es de la del %02d/%02d/%04d", q, s, num.day, num.month, num.year,
                           d, mo, y);
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* ACTA-007: no two agreements share a number                        */

typedef struct numbered {
    const char *s; /* trimmed, len bytes */
    size_t len, order;
    const pl_node *node;
} numbered;

static int by_text_then_order(const void *a, const void *b)
{
    const numbered *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c != 0)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

pl_status pl_check_acta_007(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *acs = doc->root ? pl_node_named(doc->root, "acuerdos") : NULL;
    size_t cap = acs ? pl_node_count_named(acs, "acuerdo") : 0, n = 0;
    if (cap < 2)
        return PL_OK;
    numbered *v = calloc(cap, sizeof *v);
    if (v == NULL)
        return PL_ENOMEM;
    for (const pl_node *a = pl_node_named(acs, "acuerdo"); a;
         a = pl_node_next_named(a, "acuerdo")) {
        const char *raw = pl_node_attr(a, "numero");
        if (raw == NULL)
            continue;
        size_t len;
        const char *s = trim(raw, &len);
        if (len > 0) {
            v[n] = (numbered){s, len, n, a};
            n++;
        }
    }
    /* Sorting groups equal numbers, the first written first; every later
     * one names the first. */
    qsort(v, n, sizeof *v, by_text_then_order);
    for (size_t i = 1, first = 0; i < n; i++) {
        if (v[i].len == v[first].len && memcmp(v[i].s, v[first].s, v[i].len) == 0)
            pl_report_node(diags, doc, "ACTA-007", v[i].node,
                           "el número «%.*s» ya lo lleva el acuerdo de la línea %d",
                           pl_rules_quote_len(v[i].s, v[i].len, NUMBER_QUOTE_MAX), v[i].s,
                           v[first].node->line);
        else
            first = i;
    }
    free(v);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* ACTA-008: the attendance agrees with who speaks                   */

pl_status pl_check_acta_008(const pl_doc *doc, pl_diags *diags)
{
    const char *R = "ACTA-008";
    roll r;
    pl_status st = roll_load(doc, &r);
    if (st != PL_OK || r.n == 0)
        goto done;

    /* Each attribute says something only about one kind of attendance. */
    const pl_node *asis = pl_node_named(doc->root, "asistencia");
    for (const pl_node *i = pl_node_named(asis, "integrante"); i;
         i = pl_node_next_named(i, "integrante")) {
        const char *clave = pl_node_attr(i, "clave");
        const char *asist = pl_node_attr(i, "asistencia");
        if (clave == NULL || asist == NULL)
            continue;
        if (pl_node_attr(i, "desde-punto") != NULL && strcmp(asist, "ausente") != 0)
            pl_report_node(diags, doc, R, i,
                           "«%s» consta %s en el pase de lista: desde-punto es para quien se "
                           "incorpora después (asistencia=\"ausente\")", clave, asist);
        if (pl_node_attr(i, "representante") != NULL && strcmp(asist, "representado") != 0)
            pl_report_node(diags, doc, R, i,
                           "«%s» tiene representante, pero consta %s: con representante, "
                           "asistencia=\"representado\"", clave, asist);
    }

    /* A member who speaks is there. */
    const pl_node *des = pl_node_named(doc->root, "desarrollo");
    for (const pl_node *p = des ? pl_node_named(des, "punto") : NULL; p;
         p = pl_node_next_named(p, "punto")) {
        long point = count_attr(p, "ref");
        for (const pl_node *iv = pl_node_named(p, "intervencion"); iv;
             iv = pl_node_next_named(iv, "intervencion")) {
            const member *m = roll_find(&r, pl_node_attr(iv, "orador"));
            if (m != NULL && !present_at(m, point))
                pl_report_node(diags, doc, R, iv,
                               "interviene «%s», que no consta presente en el punto %ld%s",
                               m->clave, point,
                               m->from > 0 ? " (se incorpora después)"
                                           : ": si se incorporó a la sesión, diga desde qué "
                                             "punto (desde-punto)");
        }
    }
done:
    roll_free(&r);
    return st == PL_OK && diags->oom ? PL_ENOMEM : st;
}
