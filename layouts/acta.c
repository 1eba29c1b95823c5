/* layouts: the acta of a session (of the Consejo Nacional, a commission,
 * a region). The page, letters, colours and the running header (the body
 * and the session) and footer ("Página N de M") are data: layouts/acta.xml.
 * Here: the title; an opening paragraph written from the metadata (place,
 * date and time in words, the session's name); the roll call as a table,
 * the quorum it gives and the one declared; the agenda as a numbered list
 * linked to the development; each point under its own bookmarked heading,
 * its interventions led by the speaker's cargo and name, its votes
 * summarised, "Diferido" when put off; the agreements adopted, numbered;
 * the closing paragraph; the signatures side by side. */
#include "layout.h"

#include "../src/rules/acta.h"

#include "../src/rules/es.h"
#include "../src/util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest number written in words: years, days, hours and minutes are far
 * below; past it the digits are written instead. */
#define WORDS_MAX 999999L

/* ------------------------------------------------------------------ */
/* Text helpers                                                        */

static void cat(pl_lay *L, pl_buf *b, const char *s)
{
    if (pl_buf_puts(b, s) != 0)
        pl_lay_fail(L, PL_ENOMEM);
}

/* The buffer's text copied into the render arena; b is freed. */
static const char *finish(pl_lay *L, pl_buf *b)
{
    const char *s = pl_arena_strdup(L->arena, b->data ? b->data : "");
    pl_buf_free(b);
    if (s == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return "";
    }
    return s;
}

/* The value of an xs:positiveInteger attribute, or 0 when absent or not
 * a plain number. */
static long number_attr(const pl_node *n, const char *name)
{
    const char *s = pl_node_attr(n, name);
    if (s == NULL)
        return 0;
    char *end;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    return end != s && *end == '\0' && v > 0 ? v : 0;
}

static int attr_is(const pl_node *n, const char *name, const char *value)
{
    const char *v = pl_node_attr(n, name);
    return v != NULL && strcmp(v, value) == 0;
}

/* Plain text of n's child named name, or NULL. */
static const char *child_text(pl_lay *L, const pl_node *n, const char *name)
{
    const pl_node *c = pl_node_named(n, name);
    const char *t = c ? pl_lay_plain(L, c) : NULL;
    return t && *t ? t : NULL;
}

/* ------------------------------------------------------------------ */
/* Numbers, dates and times in Spanish words                           */

/* How a number ending in "uno" agrees with its noun: "veintiuno de
 * febrero", "veintiún minutos", "veintiuna horas". */
typedef enum words_gender { W_PLAIN, W_MASC, W_FEM } words_gender;

static const char *const w_units[10] = {"cero", "uno", "dos", "tres", "cuatro",
                                        "cinco", "seis", "siete", "ocho", "nueve"};
static const char *const w_teens[10] = {"diez", "once", "doce", "trece", "catorce",
                                        "quince", "dieciséis", "diecisiete", "dieciocho",
                                        "diecinueve"};
static const char *const w_twenties[10] = {"veinte", "veintiuno", "veintidós", "veintitrés",
                                           "veinticuatro", "veinticinco", "veintiséis",
                                           "veintisiete", "veintiocho", "veintinueve"};
static const char *const w_tens[10] = {"", "", "", "treinta", "cuarenta", "cincuenta",
                                       "sesenta", "setenta", "ochenta", "noventa"};
static const char *const w_hundreds[10] = {"", "ciento", "doscientos", "trescientos",
                                           "cuatrocientos", "quinientos", "seiscientos",
                                           "setecientos", "ochocientos", "novecientos"};

static void words_below_100(pl_lay *L, pl_buf *b, int n, words_gender g)
{
    static const char *const one[3] = {"uno", "un", "una"};
    static const char *const twenty_one[3] = {"veintiuno", "veintiún", "veintiuna"};
    if (n == 1)
        cat(L, b, one[g]);
    else if (n < 10)
        cat(L, b, w_units[n]);
    else if (n < 20)
        cat(L, b, w_teens[n - 10]);
    else if (n == 21)
        cat(L, b, twenty_one[g]);
    else if (n < 30)
        cat(L, b, w_twenties[n - 20]);
    else {
        cat(L, b, w_tens[n / 10]);
        if (n % 10) {
            cat(L, b, " y ");
            words_below_100(L, b, n % 10, g);
        }
    }
}

static void words_below_1000(pl_lay *L, pl_buf *b, int n, words_gender g)
{
    if (n == 100) {
        cat(L, b, "cien");
        return;
    }
    if (n >= 100) {
        cat(L, b, w_hundreds[n / 100]);
        if (n % 100 == 0)
            return;
        cat(L, b, " ");
    }
    words_below_100(L, b, n % 100, g);
}

/* n (0..WORDS_MAX) in words; larger numbers in digits. */
static void words(pl_lay *L, pl_buf *b, long n, words_gender g)
{
    if (n < 0 || n > WORDS_MAX) {
        char d[24];
        snprintf(d, sizeof d, "%ld", n);
        cat(L, b, d);
        return;
    }
    if (n == 0) {
        cat(L, b, w_units[0]);
        return;
    }
    int th = (int)(n / 1000), rest = (int)(n % 1000);
    if (th > 0) {
        if (th > 1) {
            words_below_1000(L, b, th, W_MASC); /* "veintiún mil" */
            cat(L, b, " ");
        }
        cat(L, b, "mil");
        if (rest)
            cat(L, b, " ");
    }
    if (rest)
        words_below_1000(L, b, rest, g);
}

/* "quince de febrero de dos mil veintiuno" (the first of a month is
 * "primero"); the text as written when it is not AAAA-MM-DD. */
static void date_words(pl_lay *L, pl_buf *b, const char *iso)
{
    int y, m, d;
    if (iso == NULL || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || !pl_date_valid(y, m, d)) {
        cat(L, b, iso ? iso : "");
        return;
    }
    if (d == 1)
        cat(L, b, "primero");
    else
        words(L, b, d, W_PLAIN);
    cat(L, b, " de ");
    cat(L, b, pl_es_month_name(m));
    cat(L, b, " de ");
    words(L, b, y, W_PLAIN);
}

/* "las once horas con veintitrés minutos" of "11:23" (seconds are not
 * said); 0 when the text is not a time. */
static int time_words(pl_lay *L, pl_buf *b, const char *hhmm)
{
    int h, m;
    if (hhmm == NULL || sscanf(hhmm, "%d:%d", &h, &m) != 2 || h < 0 || h > 23 || m < 0 ||
        m > 59)
        return 0;
    if (h == 1) {
        cat(L, b, "la una hora");
    } else {
        cat(L, b, "las ");
        words(L, b, h, W_FEM);
        cat(L, b, " horas");
    }
    if (m > 0) {
        cat(L, b, " con ");
        words(L, b, m, W_MASC);
        cat(L, b, m == 1 ? " minuto" : " minutos");
    }
    return 1;
}

/* The session's name: "Primera Sesión Ordinaria", "Décima Segunda Sesión
 * Extraordinaria" (the ordinal made feminine and in title case), or
 * "Sesión Ordinaria número 120" past the ordinals es.h knows. */
static void session_name(pl_lay *L, pl_buf *b, const pl_node *sesion)
{
    long num = sesion ? number_attr(sesion, "numero") : 0;
    const char *tipo = sesion ? pl_node_attr(sesion, "tipo") : NULL;
    const char *kind = tipo && strcmp(tipo, "extraordinaria") == 0 ? "Extraordinaria"
                                                                     : "Ordinaria";
    char ord[PL_ES_ORDINAL_SIZE];
    if (num < 1 || num > PL_ES_ORDINAL_MAX || pl_es_ordinal_name((int)num, ord, sizeof ord) != 0) {
        char t[64];
        if (num > 0)
            snprintf(t, sizeof t, "Sesión %s número %ld", kind, num);
        else
            snprintf(t, sizeof t, "Sesión %s", kind);
        cat(L, b, t);
        return;
    }
    /* "DÉCIMO PRIMERO" → "Décima Primera": capitals after a word's first
     * letter to lower case (ASCII, and the Latin-1 capitals of UTF-8),
     * a word's final O to a */
    unsigned char *s = (unsigned char *)ord;
    int word_start = 1;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == ' ') {
            word_start = 1;
            continue;
        }
        int end = s[i + 1] == '\0' || s[i + 1] == ' ';
        if (s[i] == 'O' && end && !word_start)
            s[i] = 'a';
        else if (!word_start && s[i] >= 'A' && s[i] <= 'Z')
            s[i] = (unsigned char)(s[i] + 32);
        else if (!word_start && s[i] == 0xC3 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9E &&
                 s[i + 1] != 0x97)
            s[++i] += 0x20;
        else if (s[i] == 0xC3 && s[i + 1])
            i++; /* a capital that starts a word stays */
        word_start = 0;
    }
    cat(L, b, ord);
    cat(L, b, " Sesión ");
    cat(L, b, kind);
}

/* "la" or "el" before the body's name: names of bodies that end in -ión,
 * -ad or -a are feminine ("la Comisión", "la Región"); "el Consejo", "el
 * Comité". */
static const char *article_for(const char *name)
{
    size_t n = strcspn(name, " ");
    if ((n >= 3 && memcmp(name + n - 3, "ón", 3) == 0) ||
        (n >= 2 && memcmp(name + n - 2, "ad", 2) == 0) || (n >= 1 && name[n - 1] == 'a'))
        return "la";
    return "el";
}

/* ------------------------------------------------------------------ */
/* Who is who: integrantes and personas by clave                       */

typedef struct person {
    const char *clave;
    const pl_node *node;
    int member; /* an integrante (else a persona of participantes) */
} person;

typedef struct people {
    person *v;
    size_t n;
} people;

static int by_clave(const void *a, const void *b)
{
    return strcmp(((const person *)a)->clave, ((const person *)b)->clave);
}

static void people_load(pl_lay *L, const pl_node *root, people *P)
{
    const pl_node *asis = pl_node_named(root, "asistencia");
    const pl_node *part = pl_node_named(root, "participantes");
    size_t cap = (asis ? pl_node_count_named(asis, "integrante") : 0) +
                 (part ? pl_node_count_named(part, "persona") : 0);
    P->n = 0;
    P->v = cap ? pl_arena_alloc(L->arena, cap * sizeof *P->v) : NULL;
    if (cap && P->v == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    for (const pl_node *i = pl_node_named(asis, "integrante"); i;
         i = pl_node_next_named(i, "integrante"))
        if (pl_node_attr(i, "clave"))
            P->v[P->n++] = (person){pl_node_attr(i, "clave"), i, 1};
    for (const pl_node *i = pl_node_named(part, "persona"); i; i = pl_node_next_named(i, "persona"))
        if (pl_node_attr(i, "clave"))
            P->v[P->n++] = (person){pl_node_attr(i, "clave"), i, 0};
    if (P->n)
        qsort(P->v, P->n, sizeof *P->v, by_clave);
}

static const person *people_find(const people *P, const char *clave)
{
    if (P->n == 0 || clave == NULL)
        return NULL;
    person key = {clave, NULL, 0};
    return bsearch(&key, P->v, P->n, sizeof *P->v, by_clave);
}

/* How the acta names a speaker: an integrante by cargo and name
 * ("Comisionada Presidenta María del Carmen Nava Polina"), a persona by
 * name; "Intervención" when the speaker is not identified. */
static const char *speaker(pl_lay *L, const people *P, const char *clave)
{
    const person *p = people_find(P, clave);
    if (p == NULL)
        return "Intervención";
    const char *name = child_text(L, p->node, "nombre");
    const char *cargo = p->member ? child_text(L, p->node, "cargo") : NULL;
    if (name == NULL)
        return clave;
    if (cargo == NULL)
        return name;
    pl_buf b = PL_BUF_INIT;
    cat(L, &b, cargo);
    cat(L, &b, " ");
    cat(L, &b, name);
    return finish(L, &b);
}

/* ------------------------------------------------------------------ */
/* Paragraph shapes                                                    */

static float col_x(const pl_lay *L)
{
    return L->st->margin_l;
}

static float col_w(const pl_lay *L)
{
    return L->st->page_w - L->st->margin_l - L->st->margin_r;
}

/* A centred heading of the acta's parts (LISTA DE ASISTENCIA, ORDEN DEL
 * DÍA …) at anchor a (-1: none), kept with what follows. */
static void part_heading(pl_lay *L, const char *text, int a, pl_vlist *out)
{
    const pl_style *S = L->st;
    float size = S->body_size + 0.5f;
    pl_vlist_glue(out, S->body_size * 1.2f);
    if (a >= 0)
        pl_vlist_anchor(out, a);
    pl_run r = pl_lay_text(L, text, S->head_bold, size);
    pl_lay_tint(&r, 1, S->head_rgb);
    L->no_hyphen++;
    pl_lay_para(L, &r, 1, col_x(L), col_w(L), PL_ALIGN_CENTER, size, 0, 0, out);
    L->no_hyphen--;
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, S->body_size * 0.6f);
}

/* Runs lead[0..nlead) followed by runs r[0..n), in the arena. */
static pl_run *join_runs(pl_lay *L, const pl_run *lead, size_t nlead, const pl_run *r, size_t n)
{
    pl_run *all = pl_arena_alloc(L->arena, (nlead + n + 1) * sizeof *all);
    if (all == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return NULL;
    }
    if (nlead)
        memcpy(all, lead, nlead * sizeof *lead);
    if (n)
        memcpy(all + nlead, r, n * sizeof *r);
    return all;
}

/* Puts label at the left of the first line laid out on out since item
 * `from` (a number hanging in the margin of a list item). */
static void hang_label(pl_lay *L, size_t from, const char *label, pl_font font, float size,
                       uint32_t rgb, float x, pl_vlist *out)
{
    for (size_t i = from; i < out->n; i++) {
        if (out->items[i].kind != PL_V_BOX)
            continue;
        pl_run r = pl_lay_text(L, label, font, size);
        pl_op op;
        memset(&op, 0, sizeof op);
        op.kind = PL_OP_TEXT;
        op.font = r.font;
        op.size = size;
        op.x = x;
        op.y = out->items[i].height * 0.76f;
        op.text = r.text;
        op.len = r.len;
        op.rgb = rgb;
        if (pl_vlist_box_op(out, i, &op) != 0)
            pl_lay_fail(L, PL_ENOMEM);
        return;
    }
}

/* A link over every line laid out on out since item `from`, to anchor a. */
static void link_lines(pl_lay *L, size_t from, float x, float w, int a, pl_vlist *out)
{
    for (size_t i = from; i < out->n && a >= 0; i++) {
        if (out->items[i].kind != PL_V_BOX)
            continue;
        pl_op op;
        memset(&op, 0, sizeof op);
        op.kind = PL_OP_GOTO;
        op.x = x;
        op.w = w;
        op.h = out->items[i].height;
        op.anchor = a;
        if (pl_vlist_box_op(out, i, &op) != 0)
            pl_lay_fail(L, PL_ENOMEM);
    }
}

/* The blocks of node at (x, w), the runs lead[0..nlead) leading its first
 * paragraph (or standing alone when it does not start with one). */
static void lead_blocks(pl_lay *L, const pl_node *node, const pl_run *lead, size_t nlead,
                        float x, float w, pl_vlist *out)
{
    const pl_style *S = L->st;
    int first = 1;
    for (const pl_node *c = node->first; c && L->status == PL_OK; c = c->next) {
        if (c->type == PL_N_TEXT)
            continue;
        if (first && c->type == PL_N_PARA) {
            size_t n;
            pl_run *r = pl_lay_runs(L, c, S->body_font, S->body_size, &n);
            pl_run *all = join_runs(L, lead, nlead, r, n);
            if (all == NULL)
                return;
            pl_lay_para(L, all, nlead + n, x, w, PL_ALIGN_JUSTIFY, S->body_size,
                        S->body_leading, 0, out);
            pl_vlist_glue(out, S->par_space);
        } else {
            if (first && nlead) {
                pl_lay_para(L, lead, nlead, x, w, PL_ALIGN_LEFT, S->body_size,
                            S->body_leading, 0, out);
                pl_vlist_penalty(out, PL_INF);
            }
            pl_lay_block(L, c, x, w, 2, out);
        }
        first = 0;
    }
    if (first && nlead) { /* nothing but the lead */
        pl_lay_para(L, lead, nlead, x, w, PL_ALIGN_LEFT, S->body_size, S->body_leading, 0, out);
        pl_vlist_glue(out, S->par_space);
    }
}

/* A justified paragraph of one string. */
static void text_para(pl_lay *L, const char *text, pl_vlist *out)
{
    const pl_style *S = L->st;
    pl_run r = pl_lay_text(L, text, S->body_font, S->body_size);
    pl_lay_para(L, &r, 1, col_x(L), col_w(L), PL_ALIGN_JUSTIFY, S->body_size, S->body_leading,
                0, out);
    pl_vlist_glue(out, S->par_space);
}

/* ------------------------------------------------------------------ */
/* Opening, roll call, quorum                                          */

static void opening(pl_lay *L, const pl_node *meta, pl_vlist *out)
{
    const pl_node *sesion = pl_node_named(meta, "sesion");
    const char *lugar = sesion ? pl_node_attr(sesion, "lugar") : NULL;
    const char *fecha = sesion ? pl_node_attr(sesion, "fecha") : NULL;
    const char *inicio = child_text(L, meta, "hora-inicio");
    const char *organo = child_text(L, meta, "organo");
    if (fecha == NULL)
        fecha = child_text(L, meta, "fecha");
    pl_buf b = PL_BUF_INIT;
    if (lugar && *lugar) {
        /* the capital is "la Ciudad de México" */
        cat(L, &b, strcmp(lugar, "Ciudad de México") == 0 ? "En la " : "En ");
        cat(L, &b, lugar);
        cat(L, &b, ", ");
    }
    pl_buf when = PL_BUF_INIT;
    if (time_words(L, &when, inicio)) {
        cat(L, &b, "siendo ");
        cat(L, &b, when.data ? when.data : "");
        cat(L, &b, " del ");
    } else {
        cat(L, &b, "el ");
    }
    pl_buf_free(&when);
    if (b.data && b.data[0] >= 'a' && b.data[0] <= 'z')
        b.data[0] = (char)(b.data[0] - 32); /* no place: the sentence starts here */
    date_words(L, &b, fecha);
    cat(L, &b, ", se reunieron las personas integrantes ");
    if (organo) {
        cat(L, &b, strcmp(article_for(organo), "la") == 0 ? "de la " : "del ");
        cat(L, &b, organo);
    } else {
        cat(L, &b, "del órgano");
    }
    cat(L, &b, " que se enlistan a continuación, para celebrar su ");
    session_name(L, &b, sesion);
    int y;
    if (fecha && sscanf(fecha, "%d-", &y) == 1 && y > 0) {
        char t[24];
        snprintf(t, sizeof t, " de %d", y);
        cat(L, &b, t);
    }
    cat(L, &b, ".");
    text_para(L, finish(L, &b), out);
}

/* What the roll call says of integrante i. */
static const char *attendance(pl_lay *L, const people *P, const pl_node *i)
{
    if (attr_is(i, "asistencia", "presente"))
        return "Presente";
    if (attr_is(i, "asistencia", "representado")) {
        const person *r = people_find(P, pl_node_attr(i, "representante"));
        const char *name = r ? child_text(L, r->node, "nombre") : NULL;
        if (name == NULL)
            return "Representado";
        pl_buf b = PL_BUF_INIT;
        cat(L, &b, "Representado por ");
        cat(L, &b, name);
        return finish(L, &b);
    }
    long from = number_attr(i, "desde-punto");
    if (from > 0) {
        char t[64];
        snprintf(t, sizeof t, "Se incorpora en el punto %ld", from);
        return pl_arena_strdup(L->arena, t);
    }
    return "Ausente";
}

/* One cell of the roll call: text at the column, left or centred; the
 * header's in bold on the layout's header colour. */
static void roll_cell(pl_lay *L, pl_cell *c, const pl_run *r, int head, float x, float w,
                      float size)
{
    const pl_style *S = L->st;
    pl_lay_para(L, r, 1, x, w, head ? PL_ALIGN_CENTER : PL_ALIGN_LEFT, size, 0, 0, &c->content);
    while (c->content.n > 0 && c->content.items[c->content.n - 1].kind != PL_V_BOX)
        c->content.n--;
    c->shade = 1.0f;
    if (head) {
        if (S->thead_rgb)
            c->fill = S->thead_rgb;
        else
            c->shade = 0.86f;
        c->valign_center = 1;
    }
}

/* Column widths: name, cargo and place at the width of their widest
 * entry and the attendance (the only long, breakable entry: "Representado
 * por …") in what is left, when the page allows; else each column gets its
 * longest word and a share of the rest. */
static void roll_widths(pl_lay *L, const pl_run *runs, size_t rows, float width, float pad,
                        float *colw)
{
    float mn[4] = {0}, mx[4] = {0}, smin = 0, smax = 0;
    for (size_t r = 0; r < rows; r++)
        for (int c = 0; c < 4; c++) {
            const pl_run *run = &runs[r * 4 + (size_t)c];
            float a = pl_ts_runs_minwidth(L->ts, run, 1, 0) + 2 * pad;
            float b = pl_ts_runs_width(L->ts, run, 1) + 2 * pad;
            mn[c] = a > mn[c] ? a : mn[c];
            mx[c] = b > mx[c] ? b : mx[c];
        }
    for (int c = 0; c < 4; c++) {
        smin += mn[c];
        smax += mx[c];
    }
    if (mx[0] + mx[1] + mx[2] + mn[3] <= width) {
        memcpy(colw, mx, 3 * sizeof *colw);
        colw[3] = width - mx[0] - mx[1] - mx[2];
        return;
    }
    for (int c = 0; c < 4; c++) {
        if (smax <= width)
            colw[c] = mx[c] * width / smax;
        else if (smin < smax && smin <= width)
            colw[c] = mn[c] + (width - smin) * (mx[c] - mn[c]) / (smax - smin);
        else
            colw[c] = smin > 0 ? mn[c] * width / smin : width / 4;
    }
}

/* The roll call: Nombre | Cargo | Representa | Asistencia, the header
 * repeated on every page the table reaches. */
static void roll_table(pl_lay *L, const people *P, const pl_node *asis, pl_vlist *out)
{
    static const char *const heads[4] = {"Nombre", "Cargo", "Representa", "Asistencia"};
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L), size = S->table_size[0];
    size_t rows = pl_node_count_named(asis, "integrante") + 1;
    if (rows == 1)
        return;
    pl_table t;
    memset(&t, 0, sizeof t);
    t.nrows = (int)rows;
    t.ncols = 4;
    t.nhead = 1;
    t.x = x;
    t.width = w;
    t.pad = size * 0.45f;
    t.rule = 0.5f;
    t.continued = "(continúa)";
    t.caption_size = size;
    t.ncells = rows * 4;
    float *colw = pl_arena_alloc(L->arena, 4 * sizeof *colw);
    pl_cell *cells = pl_arena_alloc(L->arena, t.ncells * sizeof *cells);
    pl_run *runs = pl_arena_alloc(L->arena, t.ncells * sizeof *runs);
    if (colw == NULL || cells == NULL || runs == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    memset(cells, 0, t.ncells * sizeof *cells);
    const pl_node *i = NULL;
    for (size_t r = 0; r < rows; r++) {
        const char *text[4];
        if (r == 0) {
            memcpy(text, heads, sizeof text);
        } else {
            i = i ? pl_node_next_named(i, "integrante") : pl_node_named(asis, "integrante");
            text[0] = child_text(L, i, "nombre");
            text[1] = child_text(L, i, "cargo");
            text[2] = child_text(L, i, "representa");
            text[3] = attendance(L, P, i);
        }
        for (int c = 0; c < 4; c++)
            runs[r * 4 + (size_t)c] = pl_lay_text(L, text[c] && *text[c] ? text[c] : "—",
                                                  pl_font_style(S->body_font, r == 0, 0), size);
    }
    roll_widths(L, runs, rows, w, t.pad, colw);
    t.colw = colw;
    t.cells = cells;
    L->no_hyphen++; /* names and places are not hyphenated */
    for (size_t r = 0; r < rows && L->status == PL_OK; r++) {
        float cx = x;
        for (int c = 0; c < 4; c++) {
            pl_cell *pc = &cells[r * 4 + (size_t)c];
            pc->row = (int)r;
            pc->col = c;
            pc->rowspan = pc->colspan = 1;
            roll_cell(L, pc, &runs[r * 4 + (size_t)c], r == 0, cx + t.pad, colw[c] - 2 * t.pad,
                      size);
            cx += colw[c];
        }
    }
    L->no_hyphen--;
    if (L->status == PL_OK) {
        pl_vlist_glue(out, S->par_space);
        pl_status st = pl_ts_table(L->ts, &t, out);
        if (st != PL_OK)
            pl_lay_fail(L, st);
        pl_vlist_glue(out, S->par_space * 1.5f);
    }
    for (size_t k = 0; k < t.ncells; k++)
        pl_vlist_free(&cells[k].content);
}

/* "Con 29 de 43 integrantes presentes o representados, hay quórum", and
 * what the acta declared. */
static void quorum_para(pl_lay *L, const pl_node *asis, const pl_node *declared, pl_vlist *out)
{
    pl_acta_quorum q = pl_acta_quorum_of(asis);
    char t[256];
    snprintf(t, sizeof t,
             "Con %zu de %zu integrantes presentes o representados, %s (se requieren %zu, más de "
             "la mitad).",
             q.present, q.members, q.has ? "hay quórum" : "no hay quórum", q.needed);
    pl_buf b = PL_BUF_INIT;
    cat(L, &b, t);
    const char *d = declared ? pl_node_attr(declared, "declarado") : NULL;
    if (d && strcmp(d, "si") == 0)
        cat(L, &b, " Se declaró la existencia de quórum legal para sesionar.");
    else if (d && strcmp(d, "no") == 0)
        cat(L, &b, " Se declaró que no hay quórum legal para sesionar.");
    text_para(L, finish(L, &b), out);
}

/* "Participan también: …" — the personas of participantes, with their
 * cargo. */
static void participants_para(pl_lay *L, const pl_node *part, pl_vlist *out)
{
    if (part == NULL || pl_node_named(part, "persona") == NULL)
        return;
    pl_buf b = PL_BUF_INIT;
    cat(L, &b, "Participan también en la sesión: ");
    int first = 1;
    for (const pl_node *p = pl_node_named(part, "persona"); p; p = pl_node_next_named(p, "persona")) {
        const char *name = child_text(L, p, "nombre"), *cargo = child_text(L, p, "cargo");
        if (name == NULL)
            continue;
        if (!first)
            cat(L, &b, "; ");
        cat(L, &b, name);
        if (cargo) {
            cat(L, &b, ", ");
            cat(L, &b, cargo);
        }
        first = 0;
    }
    cat(L, &b, ".");
    text_para(L, finish(L, &b), out);
}

/* ------------------------------------------------------------------ */
/* Agenda and development                                              */

typedef struct agenda_item {
    long number;
    const pl_node *node; /* orden-del-dia/punto */
    int anchor;          /* of its development heading, or -1 */
} agenda_item;

typedef struct agenda {
    agenda_item *v; /* sorted by number */
    size_t n;
} agenda;

static int by_number(const void *a, const void *b)
{
    long x = ((const agenda_item *)a)->number, y = ((const agenda_item *)b)->number;
    return (x > y) - (x < y);
}

static agenda_item *agenda_find(const agenda *A, long number)
{
    agenda_item key = {number, NULL, -1};
    return A->n ? bsearch(&key, A->v, A->n, sizeof *A->v, by_number) : NULL;
}

static void agenda_load(pl_lay *L, const pl_node *od, agenda *A)
{
    size_t cap = od ? pl_node_count_named(od, "punto") : 0;
    A->n = 0;
    A->v = cap ? pl_arena_alloc(L->arena, cap * sizeof *A->v) : NULL;
    if (cap && A->v == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    for (const pl_node *p = pl_node_named(od, "punto"); p; p = pl_node_next_named(p, "punto"))
        A->v[A->n++] = (agenda_item){number_attr(p, "numero"), p, -1};
    if (A->n)
        qsort(A->v, A->n, sizeof *A->v, by_number);
}

/* "5. Integración de los grupos de trabajo …": the heading of a point in
 * the outline. */
static const char *point_title(pl_lay *L, long number, const agenda_item *it)
{
    const pl_node *t = it ? pl_node_named(it->node, "titulo") : NULL;
    const char *title = t ? pl_lay_plain(L, t) : NULL;
    pl_buf b = PL_BUF_INIT;
    char num[32];
    snprintf(num, sizeof num, "%ld. ", number);
    cat(L, &b, num);
    cat(L, &b, title && *title ? title : "Punto del orden del día");
    return finish(L, &b);
}

/* The agenda: each point numbered, hanging, linked to its development. */
static void agenda_list(pl_lay *L, const pl_node *od, const agenda *A, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L), indent = S->list_indent;
    for (const pl_node *p = pl_node_named(od, "punto"); p && L->status == PL_OK;
         p = pl_node_next_named(p, "punto")) {
        long num = number_attr(p, "numero");
        const pl_node *t = pl_node_named(p, "titulo");
        size_t n = 0;
        pl_run *r = t ? pl_lay_runs(L, t, S->body_font, S->body_size, &n) : NULL;
        size_t from = out->n;
        if (n == 0)
            continue;
        pl_lay_para(L, r, n, x + indent, w - indent, PL_ALIGN_LEFT, S->body_size,
                    S->body_leading, 0, out);
        char lab[32];
        snprintf(lab, sizeof lab, "%ld.", num);
        hang_label(L, from, lab, S->body_font, S->body_size, 0, x + 4, out);
        const agenda_item *it = agenda_find(A, num);
        link_lines(L, from, x, w, it ? it->anchor : -1, out);
        pl_vlist_glue(out, S->par_space * 0.5f);
    }
}

/* "Aprobado por unanimidad." / "Aprobado por mayoría: a favor 20, en
 * contra 3, abstenciones 1." — the counts written, or tallied from the
 * nominal votes. */
static const char *vote_result(pl_lay *L, const pl_node *v)
{
    long fav = -1, con = -1, abs = -1;
    const char *a;
    if ((a = pl_node_attr(v, "a-favor")) != NULL)
        fav = atol(a);
    if ((a = pl_node_attr(v, "en-contra")) != NULL)
        con = atol(a);
    if ((a = pl_node_attr(v, "abstenciones")) != NULL)
        abs = atol(a);
    if (pl_node_named(v, "voto")) {
        long nf = 0, nc = 0, na = 0;
        for (const pl_node *x = pl_node_named(v, "voto"); x; x = pl_node_next_named(x, "voto")) {
            nf += attr_is(x, "sentido", "a-favor");
            nc += attr_is(x, "sentido", "en-contra");
            na += attr_is(x, "sentido", "abstencion");
        }
        fav = fav >= 0 ? fav : nf;
        con = con >= 0 ? con : nc;
        abs = abs >= 0 ? abs : na;
    }
    int unan = attr_is(v, "tipo", "unanimidad");
    char t[160];
    size_t k = (size_t)snprintf(t, sizeof t, "%s", unan ? "Aprobado por unanimidad"
                                                        : "Aprobado por mayoría");
    if (unan) {
        if (fav > 0 && k < sizeof t)
            k += (size_t)snprintf(t + k, sizeof t - k, ", con %ld votos a favor", fav);
    } else if (fav >= 0 || con >= 0 || abs >= 0) {
        const char *sep = ": ";
        if (fav >= 0 && k < sizeof t) {
            k += (size_t)snprintf(t + k, sizeof t - k, "%sa favor %ld", sep, fav);
            sep = ", ";
        }
        if (con >= 0 && k < sizeof t) {
            k += (size_t)snprintf(t + k, sizeof t - k, "%sen contra %ld", sep, con);
            sep = ", ";
        }
        if (abs >= 0 && k < sizeof t)
            k += (size_t)snprintf(t + k, sizeof t - k, "%sabstenciones %ld", sep, abs);
    }
    if (k < sizeof t - 1)
        strcat(t, ".");
    return pl_arena_strdup(L->arena, t);
}

/* A vote: "Votación. <asunto> Aprobado por …", indented on a light
 * ground with a bar in the accent colour, kept in one piece. */
static void votacion(pl_lay *L, const pl_node *v, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L), inset = S->list_indent, pad = 5;
    const pl_node *asunto = pl_node_named(v, "asunto");
    size_t n = 0;
    pl_run *r = asunto ? pl_lay_runs(L, asunto, S->body_font, S->body_size, &n) : NULL;
    const char *res = vote_result(L, v);
    pl_run lead = pl_lay_text(L, "Votación. ", pl_font_style(S->body_font, 1, 0), S->body_size);
    pl_run tail[2];
    tail[0] = pl_lay_text(L, " ", S->body_font, S->body_size);
    tail[1] = pl_lay_text(L, res ? res : "", pl_font_style(S->body_font, 0, 1), S->body_size);
    pl_run *mid = join_runs(L, &lead, 1, r, n);
    pl_run *all = mid ? join_runs(L, mid, n + 1, n ? tail : tail + 1, n ? 2 : 1) : NULL;
    if (all == NULL)
        return;
    pl_vlist tmp = {0};
    pl_lay_para(L, all, n + 1 + (n ? 2 : 1), x + inset + pad, w - inset - 2 * pad,
                PL_ALIGN_LEFT, S->body_size, S->body_leading, 0, &tmp);
    float h = pl_vlist_height(&tmp) + 2 * pad;
    pl_vlist_glue(out, S->par_space);
    if (pl_vlist_box(out, h) < 0) {
        pl_lay_fail(L, PL_ENOMEM);
        pl_vlist_free(&tmp);
        return;
    }
    pl_lay_rect(L, out, x + inset, 0, w - inset, h, 0, 0.955f);
    pl_lay_rect(L, out, x + inset, 0, 2.5f, h, S->accent_rgb, 0.45f);
    if (pl_vlist_flatten_into(out, &tmp, 0, pad) != 0)
        pl_lay_fail(L, PL_ENOMEM);
    pl_vlist_free(&tmp);
    pl_vlist_glue(out, S->par_space * 1.5f);
}

/* An intervention: the speaker in bold leading the first paragraph. */
static void intervention(pl_lay *L, const people *P, const pl_node *iv, pl_vlist *out)
{
    const pl_style *S = L->st;
    const char *who = pl_node_attr(iv, "orador");
    pl_buf b = PL_BUF_INIT;
    cat(L, &b, who ? speaker(L, P, who) : "Intervención");
    cat(L, &b, ": ");
    pl_run lead = pl_lay_text(L, finish(L, &b), pl_font_style(S->body_font, 1, 0), S->body_size);
    lead.rgb = S->head_rgb;
    lead_blocks(L, iv, &lead, 1, col_x(L), col_w(L), out);
    pl_vlist_glue(out, S->par_space * 1.2f); /* set off from the next speaker */
}

/* A point of the development under its heading (its number hanging,
 * bookmarked): interventions and votes in their order. */
static void development_point(pl_lay *L, const people *P, const pl_node *p, const agenda *A,
                              int anchor, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L), indent = S->list_indent, size = S->body_size + 0.5f;
    long num = number_attr(p, "ref");
    const agenda_item *it = agenda_find(A, num);
    const pl_node *t = it ? pl_node_named(it->node, "titulo") : NULL;
    pl_vlist_glue(out, S->body_size * 1.1f);
    if (anchor >= 0)
        pl_vlist_anchor(out, anchor);
    int sb = L->bold;
    L->bold = 1;
    L->no_hyphen++;
    size_t n = 0;
    pl_run *r = t ? pl_lay_runs(L, t, S->head_bold, size, &n) : NULL;
    if (n == 0) {
        r = pl_arena_alloc(L->arena, sizeof *r);
        if (r == NULL) {
            pl_lay_fail(L, PL_ENOMEM);
            return;
        }
        r[0] = pl_lay_text(L, "Punto del orden del día", S->head_bold, size);
        n = 1;
    }
    pl_lay_tint(r, n, S->head_rgb);
    size_t from = out->n;
    pl_lay_para(L, r, n, x + indent, w - indent, PL_ALIGN_LEFT, size, size * 1.3f, 0, out);
    char lab[32];
    snprintf(lab, sizeof lab, "%ld.", num);
    hang_label(L, from, lab, S->head_bold, size, S->head_rgb, x, out);
    L->no_hyphen--;
    L->bold = sb;
    pl_vlist_penalty(out, PL_INF);
    pl_vlist_glue(out, S->par_space);

    if (attr_is(p, "estado", "diferido")) {
        pl_run d = pl_lay_text(L, "Diferido.", pl_font_style(S->body_font, 0, 1), S->body_size);
        pl_lay_para(L, &d, 1, x, w, PL_ALIGN_LEFT, S->body_size, S->body_leading, 0, out);
        pl_vlist_glue(out, S->par_space);
    }
    for (const pl_node *c = p->first; c && L->status == PL_OK; c = c->next) {
        if (pl_node_is(c, "intervencion"))
            intervention(L, P, c, out);
        else if (pl_node_is(c, "votacion"))
            votacion(L, c, out);
    }
}

/* ------------------------------------------------------------------ */
/* Agreements, closing, signatures                                     */

static void agreements(pl_lay *L, const pl_node *acs, pl_vlist *out)
{
    const pl_style *S = L->st;
    float x = col_x(L), w = col_w(L), indent = S->list_indent;
    int k = 0;
    for (const pl_node *a = pl_node_named(acs, "acuerdo"); a && L->status == PL_OK;
         a = pl_node_next_named(a, "acuerdo")) {
        pl_run lead[2];
        size_t nlead = 0;
        const char *numero = pl_node_attr(a, "numero");
        if (numero && *numero) {
            pl_buf b = PL_BUF_INIT;
            cat(L, &b, numero);
            cat(L, &b, ". ");
            lead[nlead++] = pl_lay_text(L, finish(L, &b), pl_font_style(S->body_font, 1, 0),
                                        S->body_size);
        }
        long punto = number_attr(a, "punto");
        if (punto > 0) {
            char t[48];
            snprintf(t, sizeof t, "(Punto %ld) ", punto);
            lead[nlead++] = pl_lay_text(L, t, pl_font_style(S->body_font, 0, 1), S->body_size);
        }
        size_t from = out->n;
        lead_blocks(L, a, lead, nlead, x + indent, w - indent, out);
        char lab[32];
        snprintf(lab, sizeof lab, "%d.", ++k);
        hang_label(L, from, lab, pl_font_style(S->body_font, 1, 0), S->body_size, 0, x + 4,
                   out);
    }
}

static void closing(pl_lay *L, const pl_node *meta, int signed_, pl_vlist *out)
{
    const pl_node *sesion = pl_node_named(meta, "sesion");
    const char *fecha = sesion ? pl_node_attr(sesion, "fecha") : NULL;
    const char *cierre = child_text(L, meta, "hora-cierre");
    pl_buf b = PL_BUF_INIT;
    cat(L, &b, "No habiendo más asuntos que tratar, se clausuró la sesión");
    pl_buf t = PL_BUF_INIT;
    if (time_words(L, &t, cierre)) {
        cat(L, &b, " a ");
        cat(L, &b, t.data ? t.data : "");
        if (fecha) {
            cat(L, &b, " del ");
            date_words(L, &b, fecha);
        }
    }
    pl_buf_free(&t);
    cat(L, &b, signed_ ? ", y se levanta la presente acta, que firman quienes en ella intervinieron."
                       : ".");
    pl_vlist_glue(out, L->st->body_size * 0.6f);
    text_para(L, finish(L, &b), out);
}

/* ------------------------------------------------------------------ */
/* The whole acta                                                      */

static void acta_layout(pl_lay *L, pl_vlist *out)
{
    const pl_style *S = L->st;
    const pl_node *root = L->doc->root;
    float x = col_x(L), w = col_w(L);
    L->size = S->body_size;
    L->align = PL_ALIGN_JUSTIFY;

    const pl_node *meta = pl_node_named(root, "metadatos");
    const pl_node *title = pl_node_named(root, "titulo");
    const pl_node *asis = pl_node_named(root, "asistencia");
    const pl_node *od = pl_node_named(root, "orden-del-dia");
    const pl_node *des = pl_node_named(root, "desarrollo");
    const pl_node *acs = pl_node_named(root, "acuerdos");
    const pl_node *firmas = pl_node_named(root, "firmas");
    people P;
    agenda A;
    people_load(L, root, &P);
    agenda_load(L, od, &A);
    if (L->status != PL_OK)
        return;

    /* anchors first, in the outline's order: the development's points
     * nest under their part, and the agenda links to them */
    const char *plain = title ? pl_lay_plain(L, title) : NULL;
    int a_title = pl_ts_anchor_new(L->ts, plain && *plain ? plain : "Acta de la sesión", 0, 0);
    int a_asis = asis ? pl_ts_anchor_new(L->ts, "Lista de asistencia", 1, 0) : -1;
    int a_od = od ? pl_ts_anchor_new(L->ts, "Orden del día", 1, 0) : -1;
    int a_des = des ? pl_ts_anchor_new(L->ts, "Desarrollo de la sesión", 1, 0) : -1;
    size_t npts = des ? pl_node_count_named(des, "punto") : 0;
    int *a_pts = npts ? pl_arena_alloc(L->arena, npts * sizeof *a_pts) : NULL;
    if (npts && a_pts == NULL) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }
    size_t k = 0;
    for (const pl_node *p = pl_node_named(des, "punto"); p; p = pl_node_next_named(p, "punto")) {
        long num = number_attr(p, "ref");
        agenda_item *it = agenda_find(&A, num);
        a_pts[k] = pl_ts_anchor_new(L->ts, point_title(L, num, it), 2, 0);
        if (it && it->anchor < 0)
            it->anchor = a_pts[k];
        k++;
    }
    int a_acs = acs ? pl_ts_anchor_new(L->ts, "Acuerdos", 1, 0) : -1;
    if (a_title < 0 || (asis && a_asis < 0) || (od && a_od < 0) || (des && a_des < 0) ||
        (acs && a_acs < 0)) {
        pl_lay_fail(L, PL_ENOMEM);
        return;
    }

    /* title */
    pl_vlist_anchor(out, a_title);
    if (title) {
        float size = S->body_size + 1.5f;
        L->bold = 1;
        L->no_hyphen++;
        size_t n;
        pl_run *r = pl_lay_runs(L, title, S->body_font, size, &n);
        pl_lay_para(L, r, n, x + 18, w - 36, PL_ALIGN_CENTER, size, size * 1.32f, 0, out);
        L->bold = 0;
        L->no_hyphen--;
        pl_vlist_penalty(out, PL_INF);
        pl_vlist_box(out, 14);
        pl_lay_line(L, out, x + w / 2 - 40, 8, 80, 0, 0.8f, S->rule_rgb, 0);
        pl_vlist_glue(out, S->body_size * 0.4f);
    }
    if (meta)
        opening(L, meta, out);

    if (asis) {
        part_heading(L, "LISTA DE ASISTENCIA", a_asis, out);
        roll_table(L, &P, asis, out);
        quorum_para(L, asis, pl_node_named(root, "quorum"), out);
        participants_para(L, pl_node_named(root, "participantes"), out);
    }
    if (od) {
        part_heading(L, "ORDEN DEL DÍA", a_od, out);
        agenda_list(L, od, &A, out);
    }
    if (des) {
        part_heading(L, "DESARROLLO DE LA SESIÓN", a_des, out);
        k = 0;
        for (const pl_node *p = pl_node_named(des, "punto"); p && L->status == PL_OK;
             p = pl_node_next_named(p, "punto"))
            development_point(L, &P, p, &A, a_pts[k++], out);
    }
    if (acs) {
        part_heading(L, "ACUERDOS", a_acs, out);
        agreements(L, acs, out);
    }
    if (meta)
        closing(L, meta, firmas != NULL, out);
    if (firmas)
        pl_lay_signatures(L, firmas, col_x(L), col_w(L), 24, 0, out);
}

const pl_kind_layout pl_acta_kind = {
    .kind = PL_KIND_ACTA,
    .layout = acta_layout,
    .title_path = "titulo",
    .subject_path = "metadatos/organo",
    .author_path = "metadatos/organo",
    .date_path = "metadatos/fecha",
    .keywords = "acta de sesión, Sistema Nacional de Transparencia",
};
