/* rules: resolving the legal citations of a document (see cite.h for what
 * comes out; cite_parse.c finds and parses them, cite_names.c matches
 * names).
 *
 * Two passes over the text blocks, in document order. The first collects
 * the short names the document defines ("… Pública (Ley General)"), so
 * that the second can tell a short name used before its definition. The
 * second, block by block, walks the words of the block: the names of
 * instruments met in running text are remembered (for anaphora, for
 * shared short names, and for the citations that name no instrument), and
 * each citation found by cite_parse.c is resolved when the walk reaches
 * it, with what was named before it: its instrument, the version in force
 * on the document's date (or the one a date written after the name points
 * at), then one pl_cite per article. */
#include "cite_impl.h"

#include "check.h"
#include "es.h"

#include "../util/roman.h"
#include "../util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest short name a document defines in parentheses ("Lineamientos de
 * las Instancias del SNT" is 38 bytes). */
#define DEFINITION_MAX 80

/* Longest name of an instrument not in the catalogue, in words: enough
 * for "Ley de Transparencia y Acceso a la Información Pública del Estado
 * de …". */
#define UNKNOWN_NAME_WORDS 30

/* How far back a citation that names no instrument looks for the
 * sentence it belongs to: legal sentences run long (a considerando is
 * often one), but a bound keeps many such citations in one huge
 * paragraph linear. */
#define SENTENCE_MAX 4096

/* Most short names one document defines: a real one defines a handful;
 * the bound keeps the look-ups short. */
#define DEFINED_MAX 1000

/* Longest quotation of a name in a message. */
#define NAME_QUOTE_MAX 250

/* Short names for the reader's types in this file. */
typedef pl_cite_ctx ctx;
typedef pl_cite_group group;
typedef pl_cite_item item;
typedef pl_cite_mention mention;

#define NB "(?![\\p{L}\\p{N}])" /* no letter or digit follows */

/* Between two citations that share the instrument named after the
 * second. */
static pl_rx rx_joins =
    PL_RX("\\s*[,;]?\\s*(?:y|e|así\\s+como)\\s+(?:(?:en|a)\\s+)?(?:(?:el|la|los|las)\\s+)?",
          PCRE2_CASELESS);

#define MONTHS                                                                                     \
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"                      \
    "octubre|noviembre|diciembre"
/* A version named by its publication: ", publicada en el Diario Oficial
 * de la Federación el 4 de mayo de 2015" or "(DOF 04-05-2015)". */
static pl_rx rx_pub =
    PL_RX("\\s*,?\\s*(?:que\\s+fue\\s+)?(?:publicad[oa]s?|expedid[oa]s?)\\s+en\\s+el\\s+"
          "(?:Diario\\s+Oficial\\s+de\\s+la\\s+Federaci[oó]n|D\\.?O\\.?F\\.?)\\s+(?:el\\s+)?"
          "(?:d[íi]a\\s+)?(\\d{1,2})(?:\\s?[º°]|o\\.?)?\\s+de\\s+(" MONTHS ")\\s+del?\\s+"
          "(?:año\\s+)?(\\d{4})",
          PCRE2_CASELESS);
static pl_rx rx_dof =
    PL_RX("\\s*,?\\s*\\(?\\s*(?:DOF|D\\.O\\.F\\.)\\s+(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})\\s*\\)?",
          PCRE2_CASELESS);
static pl_rx rx_abrog_after = PL_RX(
    "\\s*,?\\s*\\(?\\s*(?:ya\\s+|hoy\\s+)?(?:abrogad[oa]s?|derogad[oa]s?|que\\s+se\\s+abroga)",
    PCRE2_CASELESS);

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static uint64_t order_of(const ctx *c, size_t off)
{
    return ((uint64_t)c->block_seq << 32) | (uint64_t)off;
}

/* ---------------------------------------------------------------- */
/* Resolving names                                                   */

/* Most kinds of instrument remembered for anaphora ("ley", "reglamento",
 * and the first words of names the catalogue lacks); past this a kind is
 * not remembered, which keeps every look-up short. */
#define HEADS_MAX 256

/* The kind head, interned (so kinds compare as pointers), or NULL when
 * there is no room. */
static const char *intern_head(ctx *c, const char *head, size_t *slot)
{
    for (size_t i = 0; i < c->nheads; i++)
        if (strcmp(c->heads[i], head) == 0) {
            *slot = i;
            return c->heads[i];
        }
    if (c->nheads >= HEADS_MAX)
        return NULL;
    if (c->nheads == c->capheads) {
        size_t cap = c->capheads ? c->capheads * 2 : 16;
        const char **h = realloc(c->heads, cap * sizeof *h);
        size_t *l = h ? realloc(c->last_head, cap * sizeof *l) : NULL;
        if (h)
            c->heads = h;
        if (l == NULL) {
            c->oom = 1;
            return NULL;
        }
        c->last_head = l;
        c->capheads = cap;
    }
    const char *copy = pl_arena_strdup(c->out->arena, head);
    if (copy == NULL) {
        c->oom = 1;
        return NULL;
    }
    c->heads[c->nheads] = copy;
    c->last_head[c->nheads] = 0;
    *slot = c->nheads++;
    return copy;
}

static void add_mention(ctx *c, const pl_cat_instrumento *ins, const char *head, size_t start,
                        size_t end, int cited)
{
    mention *m = pl_cite_grow((void **)&c->m, &c->nm, &c->capm, sizeof *m);
    if (m == NULL) {
        c->oom = 1;
        return;
    }
    size_t slot = 0;
    m->ins = ins;
    m->head = head ? intern_head(c, head, &slot) : NULL;
    m->block = c->block_seq;
    m->start = start;
    m->end = end;
    m->cited = cited;
    if (m->head != NULL)
        c->last_head[slot] = c->nm;
    if (ins != NULL && c->last_ins != NULL)
        c->last_ins[ins - c->cat->instrumentos] = c->nm;
}

static const char *head_of(const pl_cat_instrumento *ins, ctx *c)
{
    /* the first word of the official name, folded */
    for (size_t i = 0; i < c->names.n; i++)
        if (c->names.v[i].ins == ins && c->names.v[i].kind == PL_CN_FULL)
            return c->names.v[i].words[0];
    return "";
}

/* The last instrument named of kind head (NULL: of any kind), or NULL. */
static const mention *last_mention(ctx *c, const char *head)
{
    if (head == NULL)
        return c->nm ? &c->m[c->nm - 1] : NULL;
    for (size_t i = 0; i < c->nheads; i++)
        if (strcmp(c->heads[i], head) == 0)
            return c->last_head[i] ? &c->m[c->last_head[i] - 1] : NULL;
    return NULL;
}

/* The best name at token k. */
typedef struct match {
    const pl_cn_name *name; /* NULL: none */
    size_t end;             /* token after it */
    size_t words;
    const pl_cat_instrumento *cands[8]; /* PL_CN_SHORT: every instrument with that name */
    size_t ncands;
} match;

static int glue_word(const char *w)
{
    static const char *const glue[] = {"de", "del", "la", "las", "el",   "los",
                                       "y",  "e",   "a",  "en",  "para", NULL};
    for (const char *const *g = glue; *g; g++)
        if (strcmp(*g, w) == 0)
            return 1;
    return 0;
}

static int kind_rank(pl_cn_kind k)
{
    return k == PL_CN_DEFINED ? 4 : k == PL_CN_FULL ? 3 : k == PL_CN_SIGLAS ? 2 : 1;
}

static void best_name(ctx *c, size_t k, int with_defined, match *mt)
{
    memset(mt, 0, sizeof *mt);
    for (size_t i = 0; i < c->names.n; i++) {
        const pl_cn_name *nm = &c->names.v[i];
        if (nm->kind == PL_CN_BODY || (nm->kind == PL_CN_DEFINED && !with_defined))
            continue;
        size_t end, m = pl_cn_match(&c->toks, k, nm, &end);
        if (m == 0)
            continue;
        if (m < nm->nwords) {
            /* a full name cut short ("Ley General de Transparencia y Acceso
             * a la Información"): enough of it to be sure, ending on a word
             * of its own, and not going on with other capitalized words
             * ("Ley General de | Archivos") */
            if (nm->kind != PL_CN_FULL)
                continue;
            while (m > 0 && glue_word(nm->words[m - 1]))
                m--;
            size_t content = 0;
            for (size_t w = 0; w < m; w++)
                content += !glue_word(nm->words[w]);
            if (m < 3 || content < 2)
                continue;
            size_t e2;
            pl_cn_name cut = *nm;
            cut.nwords = m;
            pl_cn_match(&c->toks, k, &cut, &e2);
            end = e2;
            size_t nx = end;
            while (nx < c->toks.n && c->toks.v[nx].skip)
                nx++;
            if (nx < c->toks.n && c->toks.v[nx].fold && c->toks.v[nx].cap)
                continue;
        }
        int better = mt->name == NULL || m > mt->words ||
                     (m == mt->words && kind_rank(nm->kind) > kind_rank(mt->name->kind));
        if (better) {
            mt->name = nm;
            mt->end = end;
            mt->words = m;
            mt->ncands = 0;
        }
        if (mt->name && m == mt->words && nm->kind == PL_CN_SHORT &&
            mt->name->kind == PL_CN_SHORT && mt->ncands < 8) {
            int dup = 0;
            for (size_t q = 0; q < mt->ncands; q++)
                dup |= mt->cands[q] == nm->ins;
            if (!dup)
                mt->cands[mt->ncands++] = nm->ins;
        }
    }
}

static void quote_name(ctx *c, size_t a, size_t b, const char **p, int *len)
{
    *p = c->f->text + a;
    *len = pl_rules_quote_len(*p, b - a, NAME_QUOTE_MAX);
}

/* A short name defined by the document: the definition in force at this
 * point (the latest before it). Without one: with report, the first
 * definition (and a CIT-005: used before it is defined); else NULL. */
static const pl_cat_instrumento *defined(ctx *c, const pl_cn_name *nm, size_t at_off, int report,
                                         size_t report_off)
{
    uint64_t here = order_of(c, at_off);
    size_t name = (size_t)(nm - c->names.v);
    const pl_cite_def *before = NULL, *first = NULL;
    for (size_t i = 0; i < c->ndefs; i++) {
        const pl_cite_def *d = &c->defs[i];
        if (d->name != name)
            continue;
        if (first == NULL)
            first = d;
        if (d->order >= here)
            break; /* in document order */
        before = d;
    }
    if (before)
        return before->ins;
    if (first == NULL || !report)
        return NULL;
    pl_cite_note(c, "CIT-005", report_off,
                 "«%s» se usa antes de definirse: el documento lo define en la línea %d", nm->text,
                 first->line);
    return first->ins;
}

/* Resolves a catalogue short name shared by several instruments: the one
 * named last before. */
static const pl_cat_instrumento *shared_short(ctx *c, const match *mt)
{
    if (mt->ncands <= 1)
        return mt->ncands ? mt->cands[0] : mt->name->ins;
    const pl_cat_instrumento *best = NULL;
    size_t best_at = 0;
    for (size_t k = 0; k < mt->ncands && c->last_ins; k++) {
        size_t at = c->last_ins[mt->cands[k] - c->cat->instrumentos];
        if (at > best_at) {
            best_at = at;
            best = mt->cands[k];
        }
    }
    return best;
}

/* The resolution of one group's instrument. */
typedef struct resolved {
    pl_cite_via via;
    const pl_cat_instrumento *ins;
    size_t name_start, name_end; /* bytes; equal when no name */
    const char *head;            /* for an unknown name: its first word */
} resolved;

/* Words that start the name of an instrument the catalogue may lack. */
static const char *const instrument_nouns[] = {
    "ley",        "leyes",       "reglamento", "lineamientos", "lineamiento",   "constitucion",
    "codigo",     "estatuto",    "decreto",    "acuerdo",      "norma",         "normas",
    "manual",     "criterios",   "reglas",     "programa",     "convenio",      "tratado",
    "convencion", "declaracion", "pacto",      "protocolo",    "disposiciones", "politicas",
    "bases",      NULL};

/* Nouns that name "the instrument" whatever its kind. */
static const char *const generic_nouns[] = {"ordenamiento", "instrumento", "normativa",
                                            "normatividad", NULL};

/* The extent of a name the catalogue lacks, from token k: capitalized
 * words, joined by short words or commas. */
static size_t unknown_extent(const pl_cn_toks *t, size_t k)
{
    static const char *const joins[] = {"de", "del", "la", "las",  "el",    "los", "y",
                                        "e",  "a",   "en", "para", "sobre", NULL};
    size_t e = k + 1, i = k + 1, words = 1;
    while (i < t->n && words < UNKNOWN_NAME_WORDS) {
        if (t->v[i].skip) {
            i++;
            continue;
        }
        if (t->v[i].fold && t->v[i].cap) {
            e = ++i;
            words++;
            continue;
        }
        /* joins (or a comma) count only if a capitalized word follows */
        size_t j = i;
        while (j < t->n && j < i + 3 && (pl_cn_is(t, j, joins) || t->v[j].punct == ','))
            j++;
        if (j == i || j >= t->n || !t->v[j].fold || !t->v[j].cap)
            break;
        i = j;
    }
    return e;
}

/* Where the sentence holding byte off starts: after the last ". " that
 * is followed by a capital and ends a word of three letters or more (not
 * "6o." nor "art."). */
static size_t sentence_start(const char *s, size_t off)
{
    size_t stop = off > SENTENCE_MAX ? off - SENTENCE_MAX : 0;
    for (size_t p = off; p >= 4 && p > stop; p--) {
        size_t q = p - 1; /* the period */
        if (s[q] == '.' && s[q + 1] == ' ' && q + 2 < off && s[q + 2] >= 'A' && s[q + 2] <= 'Z' &&
            s[q - 1] >= 'a' && s[q - 1] <= 'z' && s[q - 2] >= 'a' && s[q - 2] <= 'z' &&
            s[q - 3] >= 'a' && s[q - 3] <= 'z' && !(s[q - 3] == 'a' && s[q - 2] == 'r'))
            return q + 2;
    }
    return stop;
}

/* Moves a quotation's start back over the article before it ("la" of
 * "la citada Ley"), for messages. */
static size_t with_article(const char *s, size_t at_off)
{
    static const char *const arts[] = {"la ", "el ", "los ", "las ", "del ", NULL};
    for (const char *const *a = arts; *a; a++) {
        size_t k = strlen(*a);
        if (at_off >= k && strncmp(s + at_off - k, *a, k) == 0 &&
            (at_off == k || s[at_off - k - 1] == ' '))
            return strcmp(*a, "del ") == 0 ? at_off : at_off - k;
    }
    return at_off;
}

static void resolve(ctx *c, group *g, resolved *r)
{
    memset(r, 0, sizeof *r);
    const pl_cn_toks *t = &c->toks;
    if (g->adj) {
        r->via = PL_VIA_ADJECTIVE;
        r->ins = g->adj;
        r->name_start = g->adj_end;
        while (r->name_start > 0 && c->f->text[r->name_start - 1] != ' ')
            r->name_start--;
        r->name_end = g->adj_end;
        return;
    }
    if (!g->has_ref) {
        if (g->su_articulo) {
            const mention *m = last_mention(c, NULL);
            r->via = PL_VIA_ANAPHORA;
            if (m == NULL)
                pl_cite_note(
                    c, "CIT-005", g->start,
                    "«su artículo» no tiene a qué referirse: el texto no ha nombrado antes "
                    "ningún instrumento");
            else
                r->ins = m->ins;
        } else {
            /* none named: the instrument the sentence is about — the
             * first it names outside a citation ("En la Ley Federal …,
             * cuyas disposiciones son armónicas con la Ley General, … el
             * artículo 21"), else the last one it cites */
            size_t from = sentence_start(c->f->text, g->start);
            const mention *pick = NULL, *last_cited = NULL;
            for (size_t i = c->nm; i-- > c->block_first;) {
                const mention *m = &c->m[i];
                if (m->start < from)
                    break;
                if (m->end > g->start)
                    continue;
                if (!m->cited)
                    pick = m; /* walking back: the first one wins */
                else if (last_cited == NULL)
                    last_cited = m;
            }
            if (pick == NULL)
                pick = last_cited;
            if (pick != NULL) {
                r->via = PL_VIA_CONTEXT;
                r->ins = pick->ins;
            }
        }
        return;
    }
    size_t k = pl_cn_tok_at(t, g->ref_off);
    if (k >= t->n || t->v[k].fold == NULL)
        return;
    r->name_start = t->v[k].start;
    match mt;
    best_name(c, k, 1, &mt);
    /* a full name cut short, or one whose last words are misspelled
     * ("… Acceso a la Informacoin Publca")? */
    if (mt.name != NULL && mt.name->kind == PL_CN_FULL && mt.words < mt.name->nwords) {
        size_t e;
        const pl_cn_name *like = pl_cn_resembles(&c->names, t, k, &e);
        if (like != NULL && e > mt.end)
            mt.name = NULL;
    }
    if (mt.name != NULL && !pl_cn_continues(t, mt.end)) {
        r->name_end = t->v[mt.end - 1].end;
        r->ins = mt.name->ins;
        int qlen;
        const char *q;
        quote_name(c, r->name_start, r->name_end, &q, &qlen);
        switch (mt.name->kind) {
        case PL_CN_FULL:
            r->via = PL_VIA_NAME;
            break;
        case PL_CN_SIGLAS:
            r->via = PL_VIA_SIGLAS;
            break;
        case PL_CN_DEFINED:
            r->via = PL_VIA_DEFINED;
            r->ins = defined(c, mt.name, g->start, 1, g->start);
            break;
        default:
            r->via = PL_VIA_SHORT;
            r->ins = shared_short(c, &mt);
            if (r->ins == NULL) {
                pl_buf b = PL_BUF_INIT;
                for (size_t i = 0; i < mt.ncands; i++) {
                    const char *ref = mt.cands[i]->referencia;
                    int el = strncmp(ref, "el ", 3) == 0;
                    pl_buf_printf(&b, "%s%s%s",
                                  i == 0               ? ""
                                  : i + 1 == mt.ncands ? " o "
                                                       : ", ",
                                  el ? "al " : "a ", el ? ref + 3 : ref);
                }
                pl_cite_note(c, "CIT-005", g->start,
                             "«%.*s» puede designar %s: escriba el nombre completo o defina el "
                             "nombre corto entre paréntesis",
                             qlen, q, b.data ? b.data : "");
                pl_buf_free(&b);
            }
        }
        return;
    }
    const char *w = t->v[k].fold;
    int cap = t->v[k].cap;
    int continues = pl_cn_continues(t, k + 1);
    /* "del presente Acuerdo": the document itself */
    if (g->self && pl_cn_is(t, k, instrument_nouns) && !continues &&
        (strcmp(w, "acuerdo") == 0 || strcmp(w, "decreto") == 0 || strcmp(w, "documento") == 0)) {
        r->via = PL_VIA_SELF;
        r->name_end = t->v[k].end;
        return;
    }
    /* "de la misma", "del mismo": the last instrument named */
    static const char *const same[] = {"misma", "mismo", "mismas", "mismos", NULL};
    if (pl_cn_is(t, k, same)) {
        const mention *m = last_mention(c, NULL);
        r->via = PL_VIA_ANAPHORA;
        r->name_end = t->v[k].end;
        size_t q = with_article(c->f->text, t->v[k].start);
        if (m == NULL)
            pl_cite_note(c, "CIT-005", g->start,
                         "«%.*s» no tiene a qué referirse: el texto no ha nombrado antes ningún "
                         "instrumento",
                         (int)(t->v[k].end - q), c->f->text + q);
        else
            r->ins = m->ins;
        return;
    }
    /* "dicha Ley", "su Reglamento", "la citada Ley", "de la Ley" */
    if (cap && !continues && (pl_cn_is_head(&c->names, w) || pl_cn_is(t, k, generic_nouns)) &&
        (g->anaphoric || g->self || k + 1 >= t->n || t->v[k + 1].fold == NULL ||
         !t->v[k + 1].cap)) {
        int generic = pl_cn_is(t, k, generic_nouns);
        const mention *m = last_mention(c, generic ? NULL : w);
        r->via = PL_VIA_ANAPHORA;
        r->name_end = t->v[k].end;
        size_t a = g->ref_off;
        /* quote from the modifier: "dicha Ley" */
        size_t mod_start = a;
        while (mod_start > 0 && c->f->text[mod_start - 1] == ' ')
            mod_start--;
        if (g->anaphoric) {
            while (mod_start > 0 && c->f->text[mod_start - 1] != ' ')
                mod_start--;
        } else {
            mod_start = a;
        }
        mod_start = with_article(c->f->text, mod_start);
        if (m == NULL)
            pl_cite_note(c, "CIT-005", g->start,
                         "«%.*s» no tiene a qué referirse: el texto no ha nombrado antes ningún "
                         "instrumento «%.*s»",
                         (int)(r->name_end - mod_start), c->f->text + mod_start,
                         (int)(t->v[k].end - t->v[k].start), c->f->text + t->v[k].start);
        else
            r->ins = m->ins;
        return;
    }
    /* a name the catalogue lacks, or misspelled */
    if (cap && (pl_cn_is(t, k, instrument_nouns) || pl_cn_is_head(&c->names, w) ||
                (t->v[k].upper && t->v[k].end - t->v[k].start >= 4))) {
        size_t e;
        const pl_cn_name *like = pl_cn_resembles(&c->names, t, k, &e);
        r->via = PL_VIA_UNKNOWN;
        r->head = w;
        if (like != NULL) {
            r->name_end = t->v[e - 1].end;
            int qlen;
            const char *q;
            quote_name(c, r->name_start, r->name_end, &q, &qlen);
            pl_cite_note(c, "CIT-002", g->start,
                         "«%.*s» no está en el catálogo de leyes: ¿quiso decir «%s»?", qlen, q,
                         like->text);
        } else {
            if (t->v[k].upper && !pl_cn_is(t, k, instrument_nouns) && !pl_cn_is_head(&c->names, w))
                e = k + 1; /* siglas the catalogue lacks */
            else
                e = unknown_extent(t, k);
            r->name_end = t->v[e - 1].end;
        }
    }
}

/* ---------------------------------------------------------------- */
/* Emitting                                                          */

static const pl_cat_version *choose_version(const pl_cat_instrumento *ins, int when,
                                            int explicit_date, int abrogated)
{
    /* "la abrogada Ley …": the last version that had ended by then */
    if (abrogated && !explicit_date && when) {
        const pl_cat_version *last = NULL;
        for (size_t i = 0; i < ins->nversiones; i++)
            if (ins->versiones[i].vigor_hasta > 0 && ins->versiones[i].vigor_hasta < when)
                last = &ins->versiones[i];
        if (last != NULL)
            return last;
    }
    if (explicit_date) {
        for (size_t i = 0; i < ins->nversiones; i++)
            if (ins->versiones[i].publicacion == when)
                return &ins->versiones[i];
    }
    if (when) {
        const pl_cat_version *v = pl_cat_version_at(ins, when);
        return v ? v : pl_cat_version_published(ins, when);
    }
    return ins->nversiones == 1 ? &ins->versiones[0] : NULL;
}

/* After the name: ", publicada en el DOF el 4 de mayo de 2015", "(DOF
 * 20-03-2025)", "(abrogada)". Returns the date written, or 0. */
static int read_after_name(ctx *c, size_t i, int *abrog, size_t *end)
{
    const char *s = c->f->text;
    size_t e, a = 0, b = 0;
    int date = 0;
    *end = i;
    if (pl_cite_at(c, &rx_pub, i, &e)) {
        int d = 0, y = 0, m;
        pl_cite_grp(c, 1, &a, &b);
        d = atoi(s + a);
        pl_cite_grp(c, 2, &a, &b);
        m = pl_es_month(s + a, b - a);
        pl_cite_grp(c, 3, &a, &b);
        y = atoi(s + a);
        if (pl_date_valid(y, m, d))
            date = y * 10000 + m * 100 + d;
        *end = i = e;
    } else if (pl_cite_at(c, &rx_dof, i, &e)) {
        int d, m, y;
        pl_cite_grp(c, 1, &a, &b);
        d = atoi(s + a);
        pl_cite_grp(c, 2, &a, &b);
        m = atoi(s + a);
        pl_cite_grp(c, 3, &a, &b);
        y = atoi(s + a);
        if (pl_date_valid(y, m, d))
            date = y * 10000 + m * 100 + d;
        *end = i = e;
    }
    if (pl_cite_at(c, &rx_abrog_after, i, &e)) {
        *abrog = 1;
        *end = e;
    }
    return date;
}

/* What a group's reference resolves to, ready to emit. */
typedef struct target {
    resolved r;
    const pl_cat_version *ver;
    int explicit_date, abrog, group_id;
    const char *name;
} target;

static int resolve_target(ctx *c, group *g, target *tg)
{
    memset(tg, 0, sizeof *tg);
    resolved *r = &tg->r;
    resolve(c, g, r);
    tg->abrog = g->abrog;
    if (r->name_end > r->name_start) {
        size_t e;
        tg->explicit_date = read_after_name(c, r->name_end, &tg->abrog, &e);
        if (e > g->end)
            g->end = e;
        if (r->via != PL_VIA_SELF && (r->ins != NULL || r->via == PL_VIA_UNKNOWN))
            add_mention(c, r->ins, r->ins ? head_of(r->ins, c) : r->head, r->name_start,
                        r->name_end, 1);
        tg->name = pl_arena_strndup(c->out->arena, c->f->text + r->name_start,
                                    r->name_end - r->name_start);
        if (tg->name == NULL) {
            c->oom = 1;
            return -1;
        }
    }
    if (r->ins != NULL)
        tg->ver = choose_version(r->ins, tg->explicit_date ? tg->explicit_date : c->out->date,
                                 tg->explicit_date != 0, tg->abrog);
    tg->group_id = c->next_group++;
    return 0;
}

static void emit(ctx *c, group *g, const target *tg)
{
    const resolved *rp = &tg->r;
    const pl_cat_version *ver = tg->ver;
    int abrog = tg->abrog, explicit_date = tg->explicit_date, group_id = tg->group_id;
    const char *name = tg->name;
    const char *s = c->f->text;
    size_t tl = (size_t)pl_rules_quote_len(s + g->start, g->end - g->start, PL_CITE_TEXT_MAX);
    const char *text = pl_arena_strndup(c->out->arena, s + g->start, tl);
    if (text == NULL) {
        c->oom = 1;
        return;
    }
    if (g->kw_unaccented) {
        size_t k = g->kw_unaccented - 1;
        size_t e = pl_es_word_end(s, c->f->len, k);
        pl_cite_note(c, "CIT-008", k, "«%.*s» lleva tilde: «%s»", (int)(e - k), s + k,
                     s[k + 1] == 'R' ? (e - k > 8 ? "ARTÍCULOS" : "ARTÍCULO")
                     : s[k] == 'A'   ? (e - k > 8 ? "Artículos" : "Artículo")
                                     : (e - k > 8 ? "artículos" : "artículo"));
    }
    for (size_t i = 0; i < g->n; i++) {
        item *it = &g->items[i];
        if (g->has_lead) {
            if (!it->apartado)
                it->apartado = g->lead.apartado;
            for (size_t k = 0; k < g->lead.nfracs; k++)
                if (pl_cite_add_frac(c, it, &g->lead.fracs[k]) != 0)
                    return;
            if (!it->incisos[0])
                memcpy(it->incisos, g->lead.incisos, sizeof it->incisos);
            if (!it->parrafo)
                it->parrafo = g->lead.parrafo;
            it->bad |= g->lead.bad;
        }
        pl_cite *ct = pl_cite_grow((void **)&c->out->v, &c->out->n, &c->out->cap, sizeof *ct);
        if (ct == NULL) {
            c->oom = 1;
            return;
        }
        pl_cite_place(c, PL_PLACE_CITE, c->out->n - 1, it->start);
        ct->text = text;
        ct->group = group_id;
        ct->article = it->article;
        ct->article_to = it->article_to;
        ct->bis = it->bis;
        ct->transitorio = it->transitorio;
        ct->sign = it->sign;
        ct->apartado = it->apartado;
        ct->malformed = it->bad;
        ct->unico = it->ordinal == 2;
        ct->parrafo = it->parrafo;
        ct->fracs = it->fracs; /* already in the arena */
        ct->nfracs = it->nfracs;
        if (it->incisos[0] && (ct->incisos = pl_arena_strdup(c->out->arena, it->incisos)) == NULL)
            c->oom = 1;
        ct->via = rp->via;
        ct->ins = rp->ins;
        ct->ver = ver;
        ct->ver_explicit = explicit_date != 0;
        ct->abrogada = abrog;
        ct->name = name;
    }
}

/* ---------------------------------------------------------------- */
/* Walking a block                                                   */

/* A definition in parentheses after a name at token e: "(Ley General)",
 * "(en adelante, la Ley)", "(«Lineamientos»)". */
static void definition_after(ctx *c, size_t e, const pl_cat_instrumento *ins)
{
    const pl_cn_toks *t = &c->toks;
    if (e >= t->n || t->v[e].punct != '(')
        return;
    const char *s = c->f->text;
    size_t a = t->v[e].end, n = c->f->len, b = a;
    while (b < n && b - a <= DEFINITION_MAX + 40 && s[b] != ')' && s[b] != '(')
        b++;
    if (b >= n || s[b] != ')')
        return;
    static const char *const leads[] = {"en adelante", "en lo sucesivo", "en lo subsecuente", NULL};
    while (a < b && s[a] == ' ')
        a++;
    for (const char *const *l = leads; *l; l++) {
        size_t k = strlen(*l);
        if (b - a > k && strncasecmp(s + a, *l, k) == 0) {
            a += k;
            while (a < b && (s[a] == ' ' || s[a] == ',' || s[a] == ':'))
                a++;
        }
    }
    static const char *const articles[] = {"la ", "el ", "los ", "las ", NULL};
    for (const char *const *l = articles; *l; l++) {
        size_t k = strlen(*l);
        if (b - a > k && strncasecmp(s + a, *l, k) == 0)
            a += k;
    }
    /* quotes: « » “ ” " ' */
    static const char *const quotes[] = {"«", "»", "“", "”", "\"", "'", NULL};
    for (int again = 1; again;) {
        again = 0;
        for (const char *const *q = quotes; *q; q++) {
            size_t k = strlen(*q);
            if (b - a >= k && memcmp(s + a, *q, k) == 0) {
                a += k;
                again = 1;
            }
            if (b - a >= k && memcmp(s + b - k, *q, k) == 0) {
                b -= k;
                again = 1;
            }
        }
        while (b > a && s[b - 1] == ' ')
            b--;
    }
    if (b <= a || b - a > DEFINITION_MAX ||
        (!(s[a] >= 'A' && s[a] <= 'Z') && (unsigned char)s[a] != 0xC3))
        return;
    for (size_t i = a; i < b; i++)
        if (is_digit(s[i]))
            return;
    if (b - a == 3 && memcmp(s + a, "DOF", 3) == 0)
        return;
    if (c->ndefs >= DEFINED_MAX)
        return;
    /* the same short name already defined: for another instrument, an
     * error; for the same one, one more definition */
    const pl_cn_name *nm = NULL;
    char fold[DEFINITION_MAX + 1];
    size_t fl = pl_es_fold(s + a, b - a, fold);
    for (size_t i = 0; i < c->names.n && nm == NULL; i++) {
        const pl_cn_name *d = &c->names.v[i];
        char dfold[DEFINITION_MAX * 2 + 1];
        size_t dl = strlen(d->text);
        if (d->kind != PL_CN_DEFINED || dl > DEFINITION_MAX * 2)
            continue;
        dl = pl_es_fold(d->text, dl, dfold);
        if (fl == dl && memcmp(fold, dfold, fl) == 0)
            nm = d;
    }
    if (nm != NULL) {
        for (size_t i = 0; i < c->ndefs; i++) {
            const pl_cite_def *d = &c->defs[i];
            if (d->name == (size_t)(nm - c->names.v) && d->ins != ins) {
                pl_cite_note(c, "CIT-005", a,
                             "«%.*s» ya designa a %s (línea %d): no puede designar también a %s",
                             (int)(b - a), s + a, d->ins->referencia, d->line, ins->referencia);
                return;
            }
        }
    } else {
        nm = pl_cn_names_add_defined(&c->names, c->out->arena, s + a, b - a, ins);
        if (nm == NULL)
            return; /* no words (or out of memory: a definition less) */
    }
    pl_cite_def *d = pl_cite_grow((void **)&c->defs, &c->ndefs, &c->capdefs, sizeof *d);
    if (d == NULL) {
        c->oom = 1;
        return;
    }
    d->name = (size_t)(nm - c->names.v);
    d->ins = ins;
    d->order = order_of(c, a);
    /* definitions come in order within a block: the block's locator */
    const pl_node *where;
    pl_rules_locate(&c->loc, a, &d->line, &d->col, &where);
}

/* A name at token k in running text. Returns the token after it (k when
 * none). */
static size_t mention_at(ctx *c, size_t k)
{
    const pl_cn_toks *t = &c->toks;
    if (t->v[k].fold == NULL || !t->v[k].cap)
        return k;
    match mt;
    best_name(c, k, c->pass == 2, &mt);
    if (mt.name == NULL || pl_cn_continues(t, mt.end))
        return k;
    const pl_cat_instrumento *ins = NULL;
    switch (mt.name->kind) {
    case PL_CN_FULL:
    case PL_CN_SIGLAS:
        ins = mt.name->ins;
        break;
    case PL_CN_DEFINED:
        ins = defined(c, mt.name, t->v[k].start, 0, 0); /* only once defined */
        break;
    default:
        ins = shared_short(c, &mt);
    }
    if (ins == NULL)
        return mt.end;
    if (c->pass == 1)
        definition_after(c, mt.end, ins);
    else
        add_mention(c, ins, head_of(ins, c), t->v[k].start, t->v[mt.end - 1].end, 0);
    return mt.end;
}

static const char *const demonstratives[] = {
    "dicha",   "dicho",   "dichas",     "dichos",     "citada",   "citado",
    "citadas", "citados", "mencionada", "mencionado", "referida", "referido",
    "aludida", "aludido", "senalada",   "senalado",   NULL};

/* Index of head w in names.heads, or -1. */
static long head_index(const ctx *c, const char *w)
{
    for (size_t i = 0; i < c->names.nheads; i++)
        if (strcmp(c->names.heads[i], w) == 0)
            return (long)i;
    return -1;
}

/* A capitalized kind word at token k that starts no name of the catalogue
 * ("los Lineamientos para determinar los catálogos …"): an instrument of
 * that kind has been named, for the anaphora that follow. */
static void unknown_head_at(ctx *c, size_t k)
{
    const pl_cn_toks *t = &c->toks;
    if (c->head_named == NULL || t->v[k].fold == NULL || !t->v[k].cap ||
        (k > 0 && pl_cn_is(t, k - 1, demonstratives)))
        return;
    long i = head_index(c, t->v[k].fold);
    if (i >= 0)
        c->head_named[i] = 1;
}

/* "dicha Ley" in running text, with nothing named before it. */
static void anaphora_at(ctx *c, size_t k)
{
    const pl_cn_toks *t = &c->toks;
    if (!pl_cn_is(t, k, demonstratives) || k + 1 >= t->n || t->v[k + 1].fold == NULL ||
        !t->v[k + 1].cap || !pl_cn_is_head(&c->names, t->v[k + 1].fold) ||
        pl_cn_continues(t, k + 2))
        return;
    if (last_mention(c, t->v[k + 1].fold) != NULL)
        return;
    long h = head_index(c, t->v[k + 1].fold);
    if (h >= 0 && c->head_named != NULL && c->head_named[h])
        return;
    pl_cite_note(
        c, "CIT-005", t->v[k].start,
        "«%.*s» no tiene a qué referirse: el texto no ha nombrado antes ningún instrumento "
        "«%.*s»",
        (int)(t->v[k + 1].end - t->v[k].start), c->f->text + t->v[k].start,
        (int)(t->v[k + 1].end - t->v[k + 1].start), c->f->text + t->v[k + 1].start);
}

/* The name of a body with an extinction date (INAI) at token k: kept for
 * CIT-006. */
static void body_at(ctx *c, size_t k)
{
    static const char *const exempt[] = {"extinto",  "extinta", "entonces",     "otrora",
                                         "antiguo",  "antigua", "desaparecido", "desaparecida",
                                         "anterior", "ex",      "extinguido",   "extinguida",
                                         NULL};
    const pl_cn_toks *t = &c->toks;
    if (t->v[k].fold == NULL || !t->v[k].cap)
        return;
    for (size_t i = 0; i < c->names.n; i++) {
        const pl_cn_name *nm = &c->names.v[i];
        if (nm->kind != PL_CN_BODY)
            continue;
        size_t end, m = pl_cn_match(t, k, nm, &end);
        if (m < nm->nwords)
            continue;
        pl_cite_body *b =
            pl_cite_grow((void **)&c->out->bodies, &c->out->nbodies, &c->out->capbodies, sizeof *b);
        if (b == NULL) {
            c->oom = 1;
            return;
        }
        b->org = nm->org;
        pl_cite_place(c, PL_PLACE_BODY, c->out->nbodies - 1, t->v[k].start);
        b->text = pl_arena_strndup(c->out->arena, c->f->text + t->v[k].start,
                                   t->v[end - 1].end - t->v[k].start);
        if (b->text == NULL)
            c->oom = 1;
        /* "el extinto INAI", "el entonces Instituto …" */
        size_t p = k;
        for (int back = 0; back < 2 && p > 0; back++) {
            p--;
            if (pl_cn_is(t, p, exempt))
                b->exempt = 1;
        }
        return;
    }
}

static int cmp_pending(const void *a, const void *b)
{
    const pl_cite_pending *x = a, *y = b;
    return (x->off > y->off) - (x->off < y->off);
}

/* Fills in the positions the block owes, in one pass over it. */
static void place_all(ctx *c)
{
    if (c->npend == 0)
        return;
    qsort(c->pend, c->npend, sizeof *c->pend, cmp_pending);
    pl_rules_locator l;
    pl_rules_locator_init(&l, c->doc, c->block, c->f);
    for (size_t i = 0; i < c->npend; i++) {
        const pl_cite_pending *p = &c->pend[i];
        int line, col;
        const pl_node *at;
        pl_rules_locate(&l, p->off, &line, &col, &at);
        if (p->what == PL_PLACE_CITE && p->index < c->out->n) {
            c->out->v[p->index].line = line;
            c->out->v[p->index].col = col;
            c->out->v[p->index].at = at;
        } else if (p->what == PL_PLACE_ISSUE && p->index < c->out->nissues) {
            c->out->issues[p->index].line = line;
            c->out->issues[p->index].col = col;
            c->out->issues[p->index].at = at;
        } else if (p->what == PL_PLACE_BODY && p->index < c->out->nbodies) {
            c->out->bodies[p->index].line = line;
            c->out->bodies[p->index].col = col;
            c->out->bodies[p->index].at = at;
        }
    }
    c->npend = 0;
}

/* Whether citation a names no instrument and only a conjunction stands
 * between it and b ("… del artículo 31 y el inciso b) …"). */
static int joins_next(ctx *c, const group *a, const group *b)
{
    if (a->has_ref || a->adj || a->su_articulo || b->start < a->end)
        return 0;
    size_t e;
    return pl_cite_at(c, &rx_joins, a->end, &e) && e == b->start;
}

static pl_status on_block(const pl_doc *doc, const pl_node *block, const pl_flat *f, void *vctx)
{
    ctx *c = vctx;
    c->block_seq++;
    c->block = block;
    c->f = f;
    c->block_first = c->nm;
    c->npend = 0;
    pl_rules_locator_init(&c->loc, doc, block, f);
    if (pl_cn_tokenize(f->text, f->len, &c->toks) != 0) {
        pl_cn_toks_free(&c->toks);
        return PL_ENOMEM;
    }
    group *gs = NULL;
    size_t ng = 0, gi = 0;
    if (c->pass == 2 && pl_cite_find_groups(c, &gs, &ng) != 0)
        goto done;
    size_t skip_until = 0;
    for (size_t k = 0; k < c->toks.n && !c->oom;) {
        size_t off = c->toks.v[k].start;
        if (gi < ng && gs[gi].start <= off) {
            /* "la fracción XIV del artículo 31 y el inciso b) … del artículo
             * 65 de la LGTAIP": citations joined by "y" share the
             * instrument named after the last one */
            size_t j = gi;
            while (j + 1 < ng && joins_next(c, &gs[j], &gs[j + 1]))
                j++;
            target tg;
            if (resolve_target(c, &gs[j], &tg) != 0)
                break;
            for (size_t q = gi; q <= j; q++)
                emit(c, &gs[q], &tg);
            skip_until = gs[j].end;
            gi = j + 1;
            continue;
        }
        if (off < skip_until) {
            k++;
            continue;
        }
        size_t e = k;
        if (c->pass == 2) {
            anaphora_at(c, k);
            body_at(c, k);
        }
        e = mention_at(c, k);
        if (c->pass == 2 && e == k)
            unknown_head_at(c, k);
        k = e > k ? e : k + 1;
    }
    while (gi < ng && !c->oom) {
        target tg;
        if (resolve_target(c, &gs[gi], &tg) != 0)
            break;
        emit(c, &gs[gi++], &tg);
    }
    place_all(c);
done:
    for (size_t i = 0; i < ng; i++)
        free(gs[i].items);
    free(gs);
    pl_cn_toks_free(&c->toks);
    return c->oom ? PL_ENOMEM : PL_OK;
}

/* ---------------------------------------------------------------- */
/* Entry points                                                      */

pl_status pl_cites_extract(const pl_doc *doc, const pl_catalog *cat, pl_cites **out)
{
    pl_status st = PL_OK;
    *out = NULL;
    ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.cat = cat;
    c.out = calloc(1, sizeof *c.out);
    if (c.out == NULL || (c.out->arena = pl_arena_new()) == NULL ||
        (c.md = pl_rx_match_data()) == NULL ||
        pl_cn_names_build(&c.names, cat, c.out->arena) != 0) {
        st = PL_ENOMEM;
        goto done;
    }
    c.out->date = pl_rules_doc_date(doc);
    if (cat != NULL && cat->ninstrumentos > 0 &&
        (c.last_ins = calloc(cat->ninstrumentos, sizeof *c.last_ins)) == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    if ((c.head_named = calloc(c.names.nheads + 1, 1)) == NULL) {
        st = PL_ENOMEM;
        goto done;
    }
    for (c.pass = 1; c.pass <= 2; c.pass++) {
        c.block_seq = 0;
        c.nm = 0;
        if (c.last_ins)
            memset(c.last_ins, 0, cat->ninstrumentos * sizeof *c.last_ins);
        for (size_t i = 0; i < c.nheads; i++)
            c.last_head[i] = 0;
        st = pl_rules_each_text(doc, 0, on_block, &c);
        if (st == PL_OK && c.oom)
            st = PL_ENOMEM;
        if (st != PL_OK)
            goto done;
    }
done:
    pl_cn_names_free(&c.names);
    free(c.m);
    free(c.last_ins);
    free(c.pend);
    free(c.defs);
    free(c.heads);
    free(c.last_head);
    free(c.head_named);
    if (c.md)
        pcre2_match_data_free(c.md);
    if (st != PL_OK) {
        pl_cites_free(c.out);
        return st;
    }
    *out = c.out;
    return PL_OK;
}

void pl_cites_free(pl_cites *c)
{
    if (c == NULL)
        return;
    free(c->v);
    free(c->issues);
    free(c->bodies);
    pl_arena_free(c->arena);
    free(c);
}

const char *pl_cite_via_name(pl_cite_via via)
{
    switch (via) {
    case PL_VIA_NAME:
        return "nombre";
    case PL_VIA_SHORT:
        return "nombre corto";
    case PL_VIA_SIGLAS:
        return "siglas";
    case PL_VIA_DEFINED:
        return "nombre definido";
    case PL_VIA_ANAPHORA:
        return "anáfora";
    case PL_VIA_ADJECTIVE:
        return "adjetivo";
    case PL_VIA_CONTEXT:
        return "contexto";
    case PL_VIA_UNKNOWN:
        return "no catalogado";
    case PL_VIA_SELF:
        return "este documento";
    default:
        return "ninguno";
    }
}

char *pl_cite_article_label(const pl_cite *c, int which_end, char *out, size_t size)
{
    int v = which_end && c->article_to ? c->article_to : c->article;
    if (c->transitorio) {
        char ord[PL_ES_ORDINAL_SIZE];
        if (pl_es_ordinal_name(v, ord, sizeof ord) != 0)
            snprintf(ord, sizeof ord, "%d", v);
        /* "SEGUNDO" → "Segundo" */
        char nice[PL_ES_ORDINAL_SIZE * 2];
        size_t o = 0;
        int word_start = 1;
        for (size_t i = 0; ord[i] && o + 4 < sizeof nice; i++) {
            unsigned char ch = (unsigned char)ord[i];
            if (ch == ' ') {
                nice[o++] = ' ';
                word_start = 1;
                continue;
            }
            if (!word_start && ch >= 'A' && ch <= 'Z')
                ch = (unsigned char)(ch + 32);
            else if (!word_start && ch == 0xC3 && ord[i + 1]) {
                nice[o++] = (char)ch;
                ch = (unsigned char)(ord[++i] + 32);
            }
            nice[o++] = (char)ch;
            word_start = 0;
        }
        nice[o] = '\0';
        snprintf(out, size, "%s Transitorio", nice);
    } else {
        snprintf(out, size, "%d%s%s", v, c->bis && !(which_end && c->article_to) ? " " : "",
                 which_end && c->article_to ? "" : pl_cat_bis_name(c->bis));
    }
    return out;
}
