/* rules PROG-001 … PROG-006: the programa anual de trabajo.
 *   PROG-001  every acronym the text uses is declared in siglas, once
 *   PROG-002  every declared acronym is used (a warning: the document is
 *             still right, its table of siglas has a row too many)
 *   PROG-003  the numbers the author writes are hierarchical (línea 2.1.3
 *             under estrategia 2.1 under objetivo 2) and run without gaps
 *             or repeats; so do the sessions of the calendar
 *   PROG-004  the units of linea@responsable and linea@seguimiento are
 *             declared siglas
 *   PROG-005  the alignment table refers only to objectives that exist
 *   PROG-006  the date of the programme and those of its sessions exist;
 *             the sessions run in order, inside the programme's year
 *
 * An acronym in the text is a word of two or more capitals, digits and a
 * joining "y" or "e" allowed (INAI, PA2018, CGAyTP). Not acronyms: Roman
 * numerals (XIV); words in capitals, told by a capital with an accent
 * (DIAGNÓSTICO), by a neighbour in capitals (GOBIERNO ABIERTO) or by a
 * heading written all in capitals; and words inside a URL, a path or an
 * identifier (CGAyTP/0032/2017, ACT-PUB/…, ENAID_2016_…). A declared
 * sigla is used wherever its key appears as a word outside those tokens,
 * or names a unit of a línea de acción. */
#include "check.h"
#include "es.h"
#include "programa.h"
#include "rx.h"

#include "../util/roman.h"
#include "../util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest acronym or attribute value quoted in a message. */
#define VALUE_QUOTE_MAX 40

/* Distinct undeclared acronyms PROG-001 remembers per document: a rule
 * shows at most 200 diagnostics per document (check.c), and the bound
 * keeps the look-up made for every word short. */
#define UNDECLARED_MAX 256

/* Largest part of a number pleno computes with. Real programmes have a
 * handful of objectives and a few dozen lines; a written number past this
 * is read as this, which keeps n + 1 from overflowing. */
#define NUMBER_MAX 1000000L

/* Room for a number of three parts of at most 7 digits, and a message's
 * list of objectives. */
#define NUMBER_TEXT 32
#define LIST_SHOWN 6

/* ---------------------------------------------------------------- */
/* Siglas                                                            */

enum { USO_AMBOS, USO_TABLA, USO_TEXTO };

typedef struct sigla {
    const char *clave; /* sigla/@clave */
    size_t len;
    const pl_node *node;
    size_t order; /* position among the declarations */
    int uso;
    int used;
} sigla;

/* The declarations, sorted by key and, for a key declared twice, in
 * document order: a look-up finds the first declaration. */
typedef struct siglas {
    sigla *v;
    size_t n;
} siglas;

static int cmp_sigla(const void *a, const void *b)
{
    const sigla *x = a, *y = b;
    int c = strcmp(x->clave, y->clave);
    return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* Returns PL_OK (with s->n == 0 when the document declares none) or
 * PL_ENOMEM. Free s->v. */
static pl_status siglas_load(const pl_doc *doc, siglas *s)
{
    memset(s, 0, sizeof *s);
    const pl_node *list = doc->root ? pl_node_named(doc->root, "siglas") : NULL;
    size_t n = pl_node_count_named(list, "sigla");
    if (n == 0)
        return PL_OK;
    s->v = calloc(n, sizeof *s->v);
    if (s->v == NULL)
        return PL_ENOMEM;
    for (const pl_node *g = pl_node_named(list, "sigla"); g; g = pl_node_next_named(g, "sigla")) {
        const char *clave = pl_node_attr(g, "clave");
        const char *uso = pl_node_attr(g, "uso");
        if (clave == NULL)
            continue;
        sigla *e = &s->v[s->n];
        e->clave = clave;
        e->len = strlen(clave);
        e->node = g;
        e->order = s->n++;
        e->uso = uso == NULL                      ? USO_AMBOS
                 : strcmp(uso, "solo-tabla") == 0 ? USO_TABLA
                 : strcmp(uso, "solo-texto") == 0 ? USO_TEXTO
                                                  : USO_AMBOS;
    }
    qsort(s->v, s->n, sizeof *s->v, cmp_sigla);
    return PL_OK;
}

/* The first declaration of the key w[0..len), or NULL. */
static sigla *siglas_find(const siglas *s, const char *w, size_t len)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(s->v[mid].clave, w, len);
        if (c == 0 && s->v[mid].len > len)
            c = 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->n && s->v[lo].len == len && memcmp(s->v[lo].clave, w, len) == 0)
        return &s->v[lo];
    return NULL;
}

/* ---------------------------------------------------------------- */
/* Words of the text                                                 */

/* A word that starts with a capital. */
static pl_rx rx_word = PL_RX("(?<![\\p{L}\\p{N}_])\\p{Lu}[\\p{L}\\p{N}]*(?![\\p{L}\\p{N}_])", 0);

static int ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_upper_cp(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

static int is_lower_cp(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

/* The run of non-blank characters of a flat text that holds the words
 * being looked at, and whether it is a URL, a path or an identifier: it
 * has one of / \ @ _ = or a period between two letters or digits. Words
 * come in order, so each run is classified once (a run can be as long as
 * the paragraph). */
typedef struct chunk {
    size_t end; /* 0 before the first */
    int identifier;
} chunk;

static int in_identifier(chunk *k, const char *s, size_t n, size_t ms)
{
    if (ms < k->end)
        return k->identifier;
    size_t a = ms, b = ms;
    while (a > 0 && s[a - 1] != ' ')
        a--;
    while (b < n && s[b] != ' ')
        b++;
    k->end = b;
    k->identifier = 0;
    for (size_t i = a; i < b && !k->identifier; i++) {
        char c = s[i];
        if (c == '/' || c == '\\' || c == '@' || c == '_' || c == '=')
            k->identifier = 1;
        else if (c == '.' && i > a && i + 1 < b && ascii_alnum(s[i - 1]) &&
                 ascii_alnum(s[i + 1]))
            k->identifier = 1;
    }
    return k->identifier;
}

/* Whether w[0..n) has the shape of an acronym: capitals (Ñ and Ü among
 * them) and digits, at least two capitals, lower-case only a "y" or "e"
 * between capitals (CGAyTP); no accented capital (a word in capitals:
 * DIAGNÓSTICO) and not a Roman numeral. */
static int is_acronym(const char *w, size_t n)
{
    int upper = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = pl_utf8_decode(w + i, n - i, &len);
        if ((cp >= 'A' && cp <= 'Z') || cp == 0xD1 || cp == 0xDC) {
            upper++;
        } else if (cp >= '0' && cp <= '9') {
            /* PA2018 */
        } else if (cp == 'y' || cp == 'e') {
            size_t nl;
            uint32_t next = i + len < n ? pl_utf8_decode(w + i + len, n - i - len, &nl) : 0;
            if (!(prev >= 'A' && prev <= 'Z') || !(next >= 'A' && next <= 'Z'))
                return 0;
        } else {
            return 0;
        }
        prev = cp;
        i += len;
    }
    return upper >= 2 && pl_roman_value(w, n) == 0;
}

/* Whether s[a..b) is a word in capitals: two letters or more, every one a
 * capital. */
static int caps_word(const char *s, size_t a, size_t b)
{
    int letters = 0;
    for (size_t i = a; i < b;) {
        size_t len;
        uint32_t cp = pl_utf8_decode(s + i, b - i, &len);
        if (!is_upper_cp(cp))
            return 0;
        letters++;
        i += len;
    }
    return letters >= 2;
}

static int word_byte(char c)
{
    return ascii_alnum(c) || (unsigned char)c >= 0x80;
}

/* Whether the word at [ms, me) of s has a word in capitals right before
 * or after it: words written in capitals ("GOBIERNO ABIERTO"), not
 * acronyms. */
static int in_caps_run(const char *s, size_t n, size_t ms, size_t me)
{
    if (ms >= 2 && s[ms - 1] == ' ') {
        size_t b = ms - 1, a = b;
        while (a > 0 && word_byte(s[a - 1]))
            a--;
        if (a < b && caps_word(s, a, b))
            return 1;
    }
    if (me + 1 < n && s[me] == ' ') {
        size_t a = me + 1, b = a;
        while (b < n && word_byte(s[b]))
            b++;
        if (a < b && caps_word(s, a, b))
            return 1;
    }
    return 0;
}

/* A title, subtitle or rótulo with no lower-case letter: a heading in
 * capitals, whose words are not acronyms. */
static int caps_heading(const pl_node *block, const pl_flat *f)
{
    if (block->type != PL_N_TITLE && block->type != PL_N_SUBTITLE && block->type != PL_N_LABEL)
        return 0;
    for (size_t i = 0; i < f->len;) {
        size_t len;
        if (is_lower_cp(pl_utf8_decode(f->text + i, f->len - i, &len)))
            return 0;
        i += len;
    }
    return 1;
}

static int inside_siglas(const pl_node *n)
{
    for (const pl_node *p = n; p != NULL; p = p->parent)
        if (pl_node_is(p, "siglas"))
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- */
/* The scan shared by PROG-001 and PROG-002                          */

typedef struct scan_ctx {
    siglas *s;
    pl_diags *diags; /* PROG-001 reports the undeclared; NULL: only mark uses */
    pcre2_match_data *md;
    char *undeclared[UNDECLARED_MAX]; /* reported already (malloc'ed) */
    size_t nundeclared;
} scan_ctx;

static int reported_before(const scan_ctx *c, const char *w, size_t len)
{
    for (size_t i = 0; i < c->nundeclared; i++)
        if (strlen(c->undeclared[i]) == len && memcmp(c->undeclared[i], w, len) == 0)
            return 1;
    return 0;
}

static pl_status scan_text(const pl_doc *doc, const pl_node *block, const pl_flat *f, void *vctx)
{
    scan_ctx *c = vctx;
    if (inside_siglas(block))
        return PL_OK; /* the expansions are the table, not the text */
    int heading = caps_heading(block, f);
    const char *s = f->text;
    size_t at = 0, ms, me;
    chunk k = {0, 0};
    int rc;
    while ((rc = pl_rx_next(&rx_word, s, f->len, &at, c->md, &ms, &me)) == 1) {
        if (in_identifier(&k, s, f->len, ms))
            continue;
        sigla *g = siglas_find(c->s, s + ms, me - ms);
        if (g != NULL) {
            g->used = 1;
            continue;
        }
        if (c->diags == NULL || heading || !is_acronym(s + ms, me - ms) ||
            in_caps_run(s, f->len, ms, me) || c->nundeclared == UNDECLARED_MAX ||
            reported_before(c, s + ms, me - ms))
            continue;
        char *copy = malloc(me - ms + 1);
        if (copy == NULL)
            return PL_ENOMEM;
        memcpy(copy, s + ms, me - ms);
        copy[me - ms] = '\0';
        c->undeclared[c->nundeclared++] = copy;
        int explained = ms > 0 && s[ms - 1] == '(' && me < f->len && s[me] == ')';
        pl_report_flat(c->diags, doc, "PROG-001", block, f, ms,
                       "la sigla «%.*s» no está declarada en siglas%s",
                       pl_rules_quote_len(s + ms, me - ms, VALUE_QUOTE_MAX), s + ms,
                       explained ? " (el texto la explica, pero la tabla de siglas sólo tiene "
                                   "las declaradas)"
                                 : "");
    }
    return rc == PL_RX_ENOMEM ? PL_ENOMEM : PL_OK;
}

/* The units of a línea de acción (value of one of its attributes), one
 * call of fn per unit. */
typedef void (*unit_fn)(void *ctx, const pl_node *linea, const char *attr, const char *unit,
                        size_t len);

static void each_unit(const pl_node *linea, const char *attr, unit_fn fn, void *ctx)
{
    const char *v = pl_node_attr(linea, attr);
    for (size_t i = 0; v != NULL && v[i];) {
        while (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r')
            i++;
        size_t j = i;
        while (v[j] && v[j] != ' ' && v[j] != '\t' && v[j] != '\n' && v[j] != '\r')
            j++;
        if (j > i)
            fn(ctx, linea, attr, v + i, j - i);
        i = j;
    }
}

/* ---------------------------------------------------------------- */
/* Numbering                                                         */

/* Reads "a", "a.b" or "a.b.c" (digits, a leading "+" as
 * xs:positiveInteger allows) into parts[0..max), each capped at
 * NUMBER_MAX. Returns the number of parts, 0 when s has another shape. */
static int parse_parts(const char *s, long *parts, int max)
{
    int k = 0;
    if (s == NULL)
        return 0;
    while (*s == ' ')
        s++;
    if (*s == '+')
        s++;
    for (;;) {
        if (k == max || !(*s >= '0' && *s <= '9'))
            return 0;
        long v = 0;
        while (*s >= '0' && *s <= '9') {
            v = v * 10 + (*s - '0');
            if (v > NUMBER_MAX)
                v = NUMBER_MAX;
            s++;
        }
        parts[k++] = v;
        if (*s != '.')
            break;
        s++;
    }
    while (*s == ' ')
        s++;
    return *s == '\0' ? k : 0;
}

/* "2.1.3" into out (NUMBER_TEXT bytes: parts are at most NUMBER_MAX). */
static void fmt_number(char *out, const long *pre, int npre, long v)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < npre && o < NUMBER_TEXT; i++)
        o += (size_t)snprintf(out + o, NUMBER_TEXT - o, "%ld.", pre[i]);
    if (o < NUMBER_TEXT)
        snprintf(out + o, NUMBER_TEXT - o, "%ld", v);
}

/* The number as the author wrote it (at most VALUE_QUOTE_MAX bytes), for
 * messages: a written number past NUMBER_MAX is not the one computed. */
static void fmt_written(char *out, size_t size, const char *w)
{
    snprintf(out, size, "%.*s", pl_rules_quote_len(w, strlen(w), VALUE_QUOTE_MAX), w);
}

#define WRITTEN_TEXT (VALUE_QUOTE_MAX + 1)

/* How messages name an element of a series. */
typedef struct noun {
    const char *the, *the_pl, *art, *first;
} noun;

static const noun n_objetivo = {"el objetivo", "los objetivos", "el", "el primer objetivo"};
static const noun n_estrategia = {"la estrategia", "las estrategias", "la",
                                  "la primera estrategia"};
static const noun n_linea = {"la línea de acción", "las líneas de acción", "la",
                             "la primera línea de acción"};
static const noun n_sesion = {"la sesión", "las sesiones", "la", "la primera sesión"};

/* A series of siblings numbered under the prefix pre[0..npre): *last is
 * the last number given or written (0 before the first). */
typedef struct series {
    pl_diags *diags; /* NULL: compute the numbers, report nothing */
    const pl_doc *doc;
    const noun *k;
    const long *pre;
    int npre;
    const char *scope; /* " del objetivo 2", " de la estrategia 3.2", "" */
    long last;
} series;

static long next_of(long v)
{
    return v < NUMBER_MAX ? v + 1 : NUMBER_MAX;
}

/* Element n, numbered v by its author, who wrote it as written (salto: a
 * gap before it is admitted). One report per seam; the series then
 * follows the author. */
static void series_written(series *q, const pl_node *n, long v, const char *written, int salto)
{
    long want = next_of(q->last);
    char x[NUMBER_TEXT], vs[WRITTEN_TEXT], p[NUMBER_TEXT], y[NUMBER_TEXT];
    fmt_number(x, q->pre, q->npre, want);
    fmt_written(vs, sizeof vs, written);
    fmt_number(p, q->pre, q->npre, q->last);
    fmt_number(y, q->pre, q->npre, v - 1);
    const noun *k = q->k;
    if (q->diags == NULL || v == want || (v > want && salto)) {
        /* nothing to say */
    } else if (v > want && q->last == 0) {
        pl_report_node(q->diags, q->doc, "PROG-003", n, "%s%s es %s %s, no %s %s", k->first,
                       q->scope, k->art, x, k->art, vs);
    } else if (v == next_of(want)) {
        pl_report_node(q->diags, q->doc, "PROG-003", n, "falta %s %s: tras %s %s viene %s %s",
                       k->the, x, k->art, p, k->art, vs);
    } else if (v > want && v < NUMBER_MAX) {
        pl_report_node(q->diags, q->doc, "PROG-003", n, "faltan %s %s a %s: tras %s %s viene %s %s",
                       k->the_pl, x, y, k->art, p, k->art, vs);
    } else if (v > want) {
        pl_report_node(q->diags, q->doc, "PROG-003", n,
                       "faltan %s desde %s %s: tras %s %s viene %s %s", k->the_pl, k->art, x,
                       k->art, p, k->art, vs);
    } else if (v == q->last) {
        pl_report_node(q->diags, q->doc, "PROG-003", n, "%s %s se repite: se esperaba %s %s",
                       k->the, vs, k->art, x);
    } else {
        pl_report_node(q->diags, q->doc, "PROG-003", n,
                       "%s %s está fuera de orden: se esperaba %s %s", k->the, vs, k->art, x);
    }
    q->last = v;
}

/* Element n without a number: pleno gives it the next one. */
static long series_given(series *q)
{
    return q->last = next_of(q->last);
}

static int salto_of(const pl_node *n)
{
    const char *s = pl_node_attr(n, "salto");
    return s != NULL && strcmp(s, "si") == 0;
}

/* Called for every objetivo (depth 1), estrategia (2) and linea (3) with
 * its number: num[0..depth). */
typedef pl_programa_number_fn number_fn;

/* Element n of depth depth + 1 under the parent numbered pre[0..depth):
 * its number into num (num[0..depth] = its own), reporting (when
 * q->diags) a number written under another parent. */
static void number_child(series *q, const pl_node *n, int depth, const char *kind_of_parent,
                         long *num)
{
    long parts[3];
    int k = parse_parts(pl_node_attr(n, "numero"), parts, 3);
    memcpy(num, q->pre, (size_t)depth * sizeof *num);
    if (k != depth + 1) { /* none written (or not of this shape: the schema said so) */
        num[depth] = series_given(q);
        return;
    }
    if (memcmp(parts, q->pre, (size_t)depth * sizeof *parts) != 0) {
        if (q->diags != NULL) {
            char vs[WRITTEN_TEXT], pre[NUMBER_TEXT], x[NUMBER_TEXT];
            fmt_written(vs, sizeof vs, pl_node_attr(n, "numero"));
            fmt_number(pre, q->pre, depth - 1, q->pre[depth - 1]);
            fmt_number(x, q->pre, depth, next_of(q->last));
            pl_report_node(q->diags, q->doc, "PROG-003", n,
                           "%s %s está en %s %s: se esperaba %s %s", q->k->the, vs, kind_of_parent,
                           pre, q->k->art, x);
        }
        q->last = parts[depth];
        memcpy(num, parts, (size_t)(depth + 1) * sizeof *num);
        return;
    }
    series_written(q, n, parts[depth], pl_node_attr(n, "numero"), salto_of(n));
    num[depth] = parts[depth];
}

/* Numbers the objetivos, estrategias and líneas de acción as pleno does
 * (the author's numbers, else the next one), reporting PROG-003 when
 * diags is not NULL, and calls fn (when not NULL) for each. */
static void number_objectives(const pl_doc *doc, pl_diags *diags, number_fn fn, void *ctx)
{
    const pl_node *objs = doc->root ? pl_node_named(doc->root, "objetivos") : NULL;
    series so = {diags, doc, &n_objetivo, NULL, 0, "", 0};
    for (const pl_node *o = pl_node_named(objs, "objetivo"); o;
         o = pl_node_next_named(o, "objetivo")) {
        long on[1], en[2], ln[3];
        long parts[3];
        if (parse_parts(pl_node_attr(o, "numero"), parts, 3) == 1) {
            series_written(&so, o, parts[0], pl_node_attr(o, "numero"), salto_of(o));
            on[0] = parts[0];
        } else {
            on[0] = series_given(&so);
        }
        if (fn)
            fn(ctx, o, 1, on);
        char oscope[NUMBER_TEXT + 16];
        snprintf(oscope, sizeof oscope, " del objetivo %ld", on[0]);
        series se = {diags, doc, &n_estrategia, on, 1, oscope, 0};
        for (const pl_node *e = pl_node_named(o, "estrategia"); e;
             e = pl_node_next_named(e, "estrategia")) {
            number_child(&se, e, 1, "el objetivo", en);
            if (fn)
                fn(ctx, e, 2, en);
            char escope[NUMBER_TEXT + 24];
            snprintf(escope, sizeof escope, " de la estrategia %ld.%ld", en[0], en[1]);
            series sl = {diags, doc, &n_linea, en, 2, escope, 0};
            for (const pl_node *l = pl_node_named(e, "linea"); l;
                 l = pl_node_next_named(l, "linea")) {
                number_child(&sl, l, 2, "la estrategia", ln);
                if (fn)
                    fn(ctx, l, 3, ln);
            }
        }
    }
}

/* ---------------------------------------------------------------- */
/* PROG-001, PROG-002: siglas                                        */

static void mark_unit(void *ctx, const pl_node *linea, const char *attr, const char *unit,
                      size_t len)
{
    (void)linea;
    (void)attr;
    sigla *g = siglas_find(ctx, unit, len);
    if (g != NULL)
        g->used = 1;
}

static void mark_line_units(void *ctx, const pl_node *n, int depth, const long *num)
{
    (void)num;
    if (depth != 3)
        return;
    each_unit(n, "responsable", mark_unit, ctx);
    each_unit(n, "seguimiento", mark_unit, ctx);
}

/* Scans the text, marking the declared siglas it uses and, when diags,
 * reporting PROG-001 for the first use of each undeclared one. */
static pl_status scan(const pl_doc *doc, siglas *s, pl_diags *diags)
{
    scan_ctx c;
    memset(&c, 0, sizeof c);
    c.s = s;
    c.diags = diags;
    c.md = pl_rx_match_data();
    if (c.md == NULL)
        return PL_ENOMEM;
    pl_status st = pl_rules_each_text(doc, 0, scan_text, &c);
    pcre2_match_data_free(c.md);
    for (size_t i = 0; i < c.nundeclared; i++)
        free(c.undeclared[i]);
    if (st == PL_OK)
        number_objectives(doc, NULL, mark_line_units, s);
    return st;
}

pl_status pl_check_prog_001(const pl_doc *doc, pl_diags *diags)
{
    siglas s;
    pl_status st = siglas_load(doc, &s);
    if (st != PL_OK)
        return st;
    for (size_t i = 1; i < s.n; i++)
        if (strcmp(s.v[i].clave, s.v[i - 1].clave) == 0)
            pl_report_node(diags, doc, "PROG-001", s.v[i].node,
                           "la sigla «%.*s» ya está declarada (línea %d)",
                           pl_rules_quote_len(s.v[i].clave, s.v[i].len, VALUE_QUOTE_MAX),
                           s.v[i].clave, s.v[i - 1].node->line);
    st = scan(doc, &s, diags);
    free(s.v);
    return st;
}

pl_status pl_check_prog_002(const pl_doc *doc, pl_diags *diags)
{
    siglas s;
    pl_status st = siglas_load(doc, &s);
    if (st == PL_OK)
        st = scan(doc, &s, NULL);
    for (size_t i = 0; st == PL_OK && i < s.n; i++) {
        const sigla *g = &s.v[i];
        int q = pl_rules_quote_len(g->clave, g->len, VALUE_QUOTE_MAX);
        if (i > 0 && strcmp(g->clave, s.v[i - 1].clave) == 0)
            continue; /* declared twice: PROG-001 */
        if (!g->used && g->uso != USO_TABLA)
            pl_report_node(diags, doc, "PROG-002", g->node,
                           "la sigla «%.*s» está declarada, pero el texto no la usa", q, g->clave);
        else if (g->used && g->uso == USO_TABLA)
            pl_report_node(diags, doc, "PROG-002", g->node,
                           "la sigla «%.*s» tiene uso=\"solo-tabla\", pero el texto la usa", q,
                           g->clave);
    }
    free(s.v);
    return st;
}

/* ---------------------------------------------------------------- */
/* PROG-003: numbering                                               */

/* Numbers the sesiones of the calendar as pleno does, reporting PROG-003
 * when diags is not NULL, and calls fn (when not NULL) for each. */
static void number_sessions(const pl_doc *doc, pl_diags *diags, number_fn fn, void *ctx)
{
    const pl_node *cal = doc->root ? pl_node_named(doc->root, "calendario") : NULL;
    series ss = {diags, doc, &n_sesion, NULL, 0, "", 0};
    for (const pl_node *s = pl_node_named(cal, "sesion"); s; s = pl_node_next_named(s, "sesion")) {
        long v;
        if (parse_parts(pl_node_attr(s, "numero"), &v, 1) == 1)
            series_written(&ss, s, v, pl_node_attr(s, "numero"), 0);
        else
            v = series_given(&ss);
        if (fn)
            fn(ctx, s, 1, &v);
    }
}

pl_status pl_check_prog_003(const pl_doc *doc, pl_diags *diags)
{
    number_objectives(doc, diags, NULL, NULL);
    number_sessions(doc, diags, NULL, NULL);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

void pl_programa_number(const pl_doc *doc, pl_programa_number_fn fn, void *ctx)
{
    number_objectives(doc, NULL, fn, ctx);
}

void pl_programa_number_sessions(const pl_doc *doc, pl_programa_number_fn fn, void *ctx)
{
    number_sessions(doc, NULL, fn, ctx);
}

/* ---------------------------------------------------------------- */
/* PROG-004: responsible units                                       */

typedef struct units_ctx {
    const pl_doc *doc;
    pl_diags *diags;
    siglas *s;
    char number[WRITTEN_TEXT]; /* of the línea being checked */
} units_ctx;

static void check_unit(void *vctx, const pl_node *linea, const char *attr, const char *unit,
                       size_t len)
{
    units_ctx *c = vctx;
    if (siglas_find(c->s, unit, len) != NULL)
        return;
    pl_report_node(c->diags, c->doc, "PROG-004", linea,
                   "la unidad %s «%.*s» de la línea de acción %s no es una sigla declarada",
                   strcmp(attr, "responsable") == 0 ? "responsable" : "de seguimiento",
                   pl_rules_quote_len(unit, len, VALUE_QUOTE_MAX), unit, c->number);
}

static void check_line_units(void *vctx, const pl_node *n, int depth, const long *num)
{
    units_ctx *c = vctx;
    if (depth != 3)
        return;
    const char *w = pl_node_attr(n, "numero");
    if (w != NULL)
        fmt_written(c->number, sizeof c->number, w);
    else
        fmt_number(c->number, num, 2, num[2]);
    each_unit(n, "responsable", check_unit, c);
    each_unit(n, "seguimiento", check_unit, c);
}

pl_status pl_check_prog_004(const pl_doc *doc, pl_diags *diags)
{
    units_ctx c = {doc, diags, NULL, ""};
    siglas s;
    pl_status st = siglas_load(doc, &s);
    if (st != PL_OK)
        return st;
    c.s = &s;
    number_objectives(doc, NULL, check_line_units, &c);
    free(s.v);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* PROG-005: alignment                                               */

typedef struct objectives {
    long *v;
    size_t n, cap;
    int oom;
} objectives;

static void collect_objective(void *vctx, const pl_node *n, int depth, const long *num)
{
    (void)n;
    objectives *o = vctx;
    if (depth != 1 || o->oom)
        return;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 8;
        long *v = realloc(o->v, cap * sizeof *v);
        if (v == NULL) {
            o->oom = 1;
            return;
        }
        o->v = v;
        o->cap = cap;
    }
    o->v[o->n++] = num[0];
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* "el objetivo 1", "los objetivos 1 y 2", "los objetivos 1 a 3", "los
 * objetivos 1, 2 y 5", "los 9 objetivos del 1 al 12" — of a sorted list
 * without repeats. */
static void describe_objectives(const long *v, size_t n, char *out, size_t size)
{
    if (n == 1) {
        snprintf(out, size, "el objetivo %ld", v[0]);
    } else if (n > 2 && v[n - 1] - v[0] == (long)n - 1) {
        snprintf(out, size, "los objetivos %ld a %ld", v[0], v[n - 1]);
    } else if (n <= LIST_SHOWN) {
        size_t o = (size_t)snprintf(out, size, "los objetivos");
        for (size_t i = 0; i < n && o < size; i++)
            o += (size_t)snprintf(out + o, size - o, "%s%ld",
                                  i == 0       ? " "
                                  : i + 1 == n ? " y "
                                               : ", ",
                                  v[i]);
    } else {
        snprintf(out, size, "los %zu objetivos del %ld al %ld", n, v[0], v[n - 1]);
    }
}

pl_status pl_check_prog_005(const pl_doc *doc, pl_diags *diags)
{
    const pl_node *al = doc->root ? pl_node_named(doc->root, "alineacion") : NULL;
    if (al == NULL)
        return PL_OK;
    objectives o = {NULL, 0, 0, 0};
    number_objectives(doc, NULL, collect_objective, &o);
    if (o.oom) {
        free(o.v);
        return PL_ENOMEM;
    }
    qsort(o.v, o.n, sizeof *o.v, cmp_long);
    size_t u = 0; /* without repeats (PROG-003 reports those) */
    for (size_t i = 0; i < o.n; i++)
        if (u == 0 || o.v[u - 1] != o.v[i])
            o.v[u++] = o.v[i];
    char have[160];
    if (u > 0)
        describe_objectives(o.v, u, have, sizeof have);
    for (const pl_node *v = pl_node_named(al, "vinculo"); v; v = pl_node_next_named(v, "vinculo")) {
        long want;
        if (u == 0 || parse_parts(pl_node_attr(v, "objetivo"), &want, 1) != 1 ||
            bsearch(&want, o.v, u, sizeof *o.v, cmp_long) != NULL)
            continue;
        char ws[WRITTEN_TEXT];
        fmt_written(ws, sizeof ws, pl_node_attr(v, "objetivo"));
        pl_report_node(diags, doc, "PROG-005", v,
                       "la alineación se refiere al objetivo %s, que no existe: el programa "
                       "tiene %s",
                       ws, have);
    }
    free(o.v);
    return diags->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* PROG-006: dates                                                   */

/* The text of metadatos/<name>, flattened into f; NULL when absent. */
static const pl_node *meta_text(const pl_doc *doc, const char *name, pl_flat *f, int *oom)
{
    const pl_node *meta = doc->root ? pl_node_child(doc->root, PL_N_METADATA) : NULL;
    const pl_node *n = pl_node_named(meta, name);
    memset(f, 0, sizeof *f);
    if (n == NULL)
        return NULL;
    if (pl_flat_build(n, 0, f) != 0) {
        *oom = 1;
        return NULL;
    }
    return n;
}

/* "la sesión 3": its number as written, else its place in the calendar. */
static void session_label(const pl_node *s, char *out, size_t size)
{
    const char *numero = pl_node_attr(s, "numero");
    char w[WRITTEN_TEXT];
    if (numero != NULL)
        fmt_written(w, sizeof w, numero);
    else
        snprintf(w, sizeof w, "%d", s->index);
    snprintf(out, size, "la sesión %s", w);
}

pl_status pl_check_prog_006(const pl_doc *doc, pl_diags *diags)
{
    char why[96];
    int oom = 0, year = 0, y, m, d;
    pl_flat f;
    const pl_node *fecha = meta_text(doc, "fecha", &f, &oom);
    if (fecha != NULL && pl_rules_parse_iso_date(f.text, &y, &m, &d) == 0 &&
        !pl_date_valid(y, m, d))
        pl_report_flat(diags, doc, "PROG-006", fecha, &f, 0,
                       "la fecha del programa, %s, no existe: %s", f.text,
                       pl_date_why_invalid(y, m, d, why, sizeof why));
    pl_flat_free(&f);
    const pl_node *ejercicio = meta_text(doc, "ejercicio", &f, &oom);
    if (ejercicio != NULL && f.len == 4 && f.text[0] >= '0' && f.text[0] <= '9')
        year = atoi(f.text);
    pl_flat_free(&f);
    if (oom)
        return PL_ENOMEM;

    const pl_node *cal = doc->root ? pl_node_named(doc->root, "calendario") : NULL;
    const pl_node *prev = NULL;
    long prev_date = 0;
    for (const pl_node *s = pl_node_named(cal, "sesion"); s; s = pl_node_next_named(s, "sesion")) {
        const char *sf = pl_node_attr(s, "fecha");
        char label[WRITTEN_TEXT + 16], plabel[WRITTEN_TEXT + 16];
        session_label(s, label, sizeof label);
        if (pl_rules_parse_iso_date(sf, &y, &m, &d) != 0)
            continue; /* the schema said so */
        if (!pl_date_valid(y, m, d)) {
            pl_report_node(diags, doc, "PROG-006", s, "la fecha de %s, %s, no existe: %s", label,
                           sf, pl_date_why_invalid(y, m, d, why, sizeof why));
            continue;
        }
        if (year > 0 && y != year)
            pl_report_node(diags, doc, "PROG-006", s,
                           "%s (%s) cae fuera del ejercicio del programa, %d", label, sf, year);
        long date = (long)y * 10000 + m * 100 + d;
        if (prev != NULL && date <= prev_date) {
            session_label(prev, plabel, sizeof plabel);
            if (date == prev_date)
                pl_report_node(diags, doc, "PROG-006", s, "%s tiene la misma fecha (%s) que %s",
                               label, sf, plabel);
            else
                pl_report_node(diags, doc, "PROG-006", s,
                               "%s (%s) es anterior a %s (%s): las sesiones van en orden de fecha",
                               label, sf, plabel, pl_node_attr(prev, "fecha"));
        }
        prev = s;
        prev_date = date;
    }
    return diags->oom ? PL_ENOMEM : PL_OK;
}
