/* schema: XSD validation with libxml2, and Spanish messages.
 *
 * libxml2 speaks English; our users do not. The most common messages are
 * recognised and rewritten; anything else keeps libxml2's text after a
 * Spanish lead-in, so nothing is lost. */
#include "schema.h"

#include "../util/buf.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

/* Schema errors reported per document: after this many the rest are
 * usually consequences of the first ones. */
#define MAX_SCHEMA_ERRORS 50
/* Values quoted in messages are cut to this many bytes: a 300 KB attribute
 * should not make a 300 KB diagnostic. */
#define MAX_QUOTED 40

static const struct {
    pl_kind kind;
    const char *root, *ns, *file;
} kinds[] = {
    {PL_KIND_ACUERDO, "acuerdo", "urn:pleno:snt:acuerdo:1", "acuerdo.xsd"},
    {PL_KIND_PROGRAMA, "programa", "urn:pleno:snt:programa:1", "programa.xsd"},
    {PL_KIND_INFORME, "informe", "urn:pleno:snt:informe:1", "informe.xsd"},
    {PL_KIND_SEGUIMIENTO, "seguimiento", "urn:pleno:snt:seguimiento:1", "seguimiento.xsd"},
    {PL_KIND_ACTA, "acta", "urn:pleno:snt:acta:1", "acta.xsd"},
    {PL_KIND_DISENO, "diseno", "urn:pleno:diseno:1", "diseno.xsd"},
};

static xmlSchemaPtr cache[8];

const char *pl_schema_file(pl_kind kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].kind == kind)
            return kinds[i].file;
    return NULL;
}

const char *pl_schema_namespace(pl_kind kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].kind == kind)
            return kinds[i].ns;
    return NULL;
}

const char *pl_kind_name(pl_kind kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].kind == kind)
            return kinds[i].root;
    return "desconocido";
}

pl_kind pl_schema_kind_of(const char *local_name, const char *ns)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].root, local_name) == 0 && ns &&
            strcmp(kinds[i].ns, ns) == 0)
            return kinds[i].kind;
    return PL_KIND_UNKNOWN;
}

pl_kind pl_schema_kind_of_root(const char *local_name)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].root, local_name) == 0)
            return kinds[i].kind;
    return PL_KIND_UNKNOWN;
}

const char *pl_schema_kind_list(void)
{
    return "acuerdo, programa, informe, seguimiento, acta";
}

/* ------------------------------------------------------------------ */
/* Translation                                                         */

/* Removes "{namespace}" prefixes and turns 'x' quotes into «x». */
static void tidy(pl_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '{') {
            const char *close = memchr(s + i, '}', n - i);
            if (close) {
                i = (size_t)(close - s);
                continue;
            }
        }
        pl_buf_putc(out, s[i]);
    }
}

/* Copies the text between the first pair of single quotes after `after`
 * into out, tidied. Returns 1 when found. */
static int quoted(const char *msg, const char *after, pl_buf *out)
{
    const char *p = after ? strstr(msg, after) : msg;
    if (p == NULL)
        return 0;
    p = strchr(p, '\'');
    if (p == NULL)
        return 0;
    const char *q = strchr(p + 1, '\'');
    if (q == NULL)
        q = p + strlen(p); /* libxml2 cut a long message: use what there is */
    size_t n = (size_t)(q - p - 1);
    if (n > MAX_QUOTED) {
        /* keep whole UTF-8 characters */
        n = MAX_QUOTED;
        while (n > 0 && ((unsigned char)p[1 + n] & 0xC0) == 0x80)
            n--;
        tidy(out, p + 1, n);
        pl_buf_puts(out, "…");
    } else {
        tidy(out, p + 1, n);
    }
    return 1;
}

/* The "Expected is ( a, b )." list, tidied, or NULL. malloc'ed. */
static char *expected_list(const char *msg)
{
    const char *p = strstr(msg, "Expected is");
    if (p == NULL)
        return NULL;
    p += strlen("Expected is");
    int one_of = 0;
    while (*p == ' ' || *p == '(' || *p == ':')
        p++;
    if (strncmp(p, "one of", 6) == 0) {
        one_of = 1;
        p += 6;
        while (*p == ' ' || *p == '(')
            p++;
    }
    const char *end = p + strlen(p);
    while (end > p && (end[-1] == '\n' || end[-1] == '.' || end[-1] == ' ' ||
                       end[-1] == ')'))
        end--;
    pl_buf b = PL_BUF_INIT;
    pl_buf t = PL_BUF_INIT;
    tidy(&t, p, (size_t)(end - p));
    /* a, b, c -> «a», «b», «c» */
    const char *s = t.data ? t.data : "";
    if (one_of)
        pl_buf_puts(&b, "uno de ");
    pl_buf_puts(&b, "«");
    for (; *s; s++) {
        if (*s == ',' ) {
            pl_buf_puts(&b, "», «");
            while (s[1] == ' ')
                s++;
        } else {
            pl_buf_putc(&b, *s);
        }
    }
    pl_buf_puts(&b, "»");
    pl_buf_free(&t);
    return pl_buf_detach(&b);
}

/* Identity constraints of the schemas (xs:key, xs:keyref), by name: what
 * a broken one means, in the user's words, around the offending value.
 * Names are unique across schemas/ (only acta.xsd declares any today). */
static const struct {
    const char *name;
    const char *before, *after;
} identity_msgs[] = {
    {"clave-de-persona", "la clave «",
     "» se repite: cada integrante y cada persona de participantes lleva una clave distinta"},
    {"numero-de-punto", "el punto ", " se repite en el orden del día"},
    {"orador", "el orador «",
     "» no es la clave de ningún integrante (asistencia) ni de ninguna persona "
     "(participantes)"},
    {"representante", "el representante «",
     "» no es la clave de ninguna persona (participantes) ni de ningún integrante"},
    {"votante", "vota «", "», que no es la clave de ningún integrante (asistencia)"},
    {"punto-tratado", "el desarrollo trata el punto ", ", que no está en el orden del día"},
    {"punto-del-acuerdo", "el acuerdo se adoptó en el punto ",
     ", que no está en el orden del día"},
    {"punto-de-incorporacion", "desde-punto dice ", ", que no es un punto del orden del día"},
};

/* "Duplicate key-sequence ['v'] in key identity-constraint 'name'" and
 * "No match found for key-sequence ['v'] of keyref 'name'": a message of
 * identity_msgs, or else the name read as the Spanish noun phrase the
 * schemas give their constraints ("el-id-de-producto": "el id de
 * producto «A.1.1.2» se repite"). */
static void identity_message(pl_buf *out, const char *msg, int duplicate)
{
    pl_buf v = PL_BUF_INIT, name = PL_BUF_INIT;
    quoted(msg, "key-sequence", &v);
    /* The name whole (quoted() would cut a long "{namespace}name"). */
    const char *p = strstr(msg, duplicate ? "identity-constraint '" : "of keyref '");
    const char *q = p ? strchr(strchr(p, '\'') + 1, '\'') : NULL;
    if (q != NULL) {
        p = strchr(p, '\'') + 1;
        tidy(&name, p, (size_t)(q - p));
    }
    const char *value = v.data ? v.data : "";
    const char *n = name.data ? name.data : "";
    size_t i;
    for (i = 0; i < sizeof identity_msgs / sizeof identity_msgs[0]; i++)
        if (strcmp(identity_msgs[i].name, n) == 0)
            break;
    if (i < sizeof identity_msgs / sizeof identity_msgs[0])
        pl_buf_printf(out, "%s%s%s", identity_msgs[i].before, value, identity_msgs[i].after);
    else if (n[0]) /* the constraint's name is a Spanish phrase: "el-id-de-producto" */
        for (const char *c = n; *c; c++)
            pl_buf_putc(out, *c == '-' ? ' ' : *c);
    if (i == sizeof identity_msgs / sizeof identity_msgs[0])
        pl_buf_printf(out, "%s«%s» %s", n[0] ? " " : "el valor ", value,
                      duplicate ? "se repite: no puede haber dos iguales"
                                : "no se declaró en el documento");
    pl_buf_free(&v);
    pl_buf_free(&name);
}

char *pl_schema_translate(const char *msg)
{
    pl_buf out = PL_BUF_INIT, a = PL_BUF_INIT, b2 = PL_BUF_INIT;
    char *exp = NULL;
    /* element name of "Element 'x':" / "Element 'x', attribute 'y':" */
    int has_el = strncmp(msg, "Element '", 9) == 0 && quoted(msg, "Element", &a);
    int has_attr = has_el && strstr(msg, "attribute '") && quoted(msg, "attribute", &b2);
    const char *el = a.data ? a.data : "";
    const char *at = b2.data ? b2.data : "";

    if (strstr(msg, "This element is not expected")) {
        exp = expected_list(msg);
        if (exp)
            pl_buf_printf(&out, "el elemento <%s> no se esperaba aquí; se esperaba %s",
                          el, exp);
        else
            pl_buf_printf(&out, "el elemento <%s> no se esperaba aquí (sobra o está "
                          "fuera de orden)", el);
    } else if (strstr(msg, "Missing child element")) {
        exp = expected_list(msg);
        pl_buf_printf(&out, "a <%s> le falta un elemento hijo obligatorio%s%s", el,
                      exp ? ": se esperaba " : "", exp ? exp : "");
    } else if (has_attr && strstr(msg, "is not allowed")) {
        pl_buf_printf(&out, "el atributo «%s» no está permitido en <%s>", at, el);
    } else if (has_el && strstr(msg, "The attribute '") && strstr(msg, "is required but missing")) {
        pl_buf tmp = PL_BUF_INIT;
        quoted(msg, "The attribute", &tmp);
        pl_buf_printf(&out, "a <%s> le falta el atributo obligatorio «%s»", el,
                      tmp.data ? tmp.data : "");
        pl_buf_free(&tmp);
    } else if (strstr(msg, "is not an element of the set") ||
               strstr(msg, "[facet 'enumeration'] The value '")) {
        pl_buf v = PL_BUF_INIT;
        quoted(msg, "The value", &v);
        const char *set = strstr(msg, "of the set {");
        if (set)
            set += strlen("of the set ");
        pl_buf_printf(&out, "el valor «%s» no es válido%s%s%s", v.data ? v.data : "",
                      has_attr ? " para el atributo «" : "", has_attr ? at : "",
                      has_attr ? "»" : "");
        if (set) {
            const char *close = strrchr(set, '}');
            pl_buf_puts(&out, "; valores admitidos: ");
            for (const char *s = set + 1; close && s < close; s++) {
                if (*s == '\'')
                    continue;
                pl_buf_putc(&out, *s);
            }
        }
        pl_buf_free(&v);
    } else if (strstr(msg, "Duplicate key-sequence")) {
        identity_message(&out, msg, 1);
    } else if (strstr(msg, "No match found for key-sequence")) {
        identity_message(&out, msg, 0);
    } else if (strstr(msg, "is not accepted by the pattern")) {
        pl_buf v = PL_BUF_INIT;
        quoted(msg, "The value", &v);
        pl_buf_printf(&out, "el valor «%s»%s%s%s no tiene la forma esperada",
                      v.data ? v.data : "", has_attr ? " del atributo «" : "",
                      has_attr ? at : "", has_attr ? "»" : "");
        if (strstr(msg, "[0-9]{4}-[0-9]{2}-[0-9]{2}"))
            pl_buf_puts(&out, " (una fecha AAAA-MM-DD, p. ej. 2017-10-05)");
        else if (strstr(msg, "([01][0-9]|2[0-3]):[0-5][0-9]"))
            pl_buf_puts(&out, " (una hora HH:MM, de 00:00 a 23:59, p. ej. 11:23)");
        else if (strstr(msg, "[\\p{L}\\p{N}_.\\-]+"))
            pl_buf_puts(&out, " (una clave: una sola palabra, sin espacios)");
        pl_buf_free(&v);
    } else if (strstr(msg, "[facet 'maxInclusive'] The value '") ||
               strstr(msg, "[facet 'minInclusive'] The value '")) {
        /* "[facet 'maxInclusive'] The value '120' is greater than the
         * maximum value allowed ('100')." */
        pl_buf v = PL_BUF_INIT, lim = PL_BUF_INIT;
        int max = strstr(msg, "'maxInclusive'") != NULL;
        quoted(msg, "The value", &v);
        quoted(msg, "allowed", &lim);
        pl_buf_printf(&out, "el valor «%s»%s%s%s es %s que el %s admitido, %s",
                      v.data ? v.data : "", has_attr ? " del atributo «" : " de <",
                      has_attr ? at : el, has_attr ? "»" : ">", max ? "mayor" : "menor",
                      max ? "máximo" : "mínimo", lim.data ? lim.data : "?");
        pl_buf_free(&v);
        pl_buf_free(&lim);
    } else if (strstr(msg, "is not a valid value of the atomic type") ||
               strstr(msg, "is not a valid value of the local atomic type")) {
        pl_buf v = PL_BUF_INIT;
        const char *p = strstr(msg, "': '");
        quoted(p ? p + 2 : msg, NULL, &v);
        size_t vn = v.data ? strlen(v.data) : 0;
        const char *kind = strstr(msg, "positiveInteger") ? " (se esperaba un número entero positivo)"
                         : strstr(msg, "anyURI") ? " (se esperaba una dirección URI)"
                         : vn > 1 && v.data[vn - 1] == '%' ? " (escriba sólo el número, sin «%»)"
                         : strstr(msg, "integer") || strstr(msg, "porcentaje")
                             ? " (se esperaba un número entero)"
                         : strstr(msg, "date") || strstr(msg, "fecha")
                             ? " (se esperaba una fecha que exista, AAAA-MM-DD)"
                         : "";
        pl_buf_printf(&out, "«%s» no es un valor válido%s%s%s%s", v.data ? v.data : "",
                      has_attr ? " para el atributo «" : " para <",
                      has_attr ? at : el, has_attr ? "»" : ">", kind);
        pl_buf_free(&v);
    } else if (strstr(msg, "Character content other than whitespace is not allowed")) {
        pl_buf_printf(&out, "<%s> no admite texto directamente; el texto va dentro "
                      "de sus elementos hijos", el);
    } else if (strstr(msg, "Element content is not allowed")) {
        pl_buf_printf(&out, "<%s> sólo admite texto, no elementos", el);
    } else if (strstr(msg, "No matching global declaration available for the validation root")) {
        pl_buf_puts(&out, "el elemento raíz no corresponde al esquema del tipo de documento");
    } else if (strstr(msg, "Opening and ending tag mismatch")) {
        /* "Opening and ending tag mismatch: p line 3 and q" */
        const char *p = strstr(msg, "mismatch: ") + 10;
        char open[128] = "", close[128] = "";
        int line = 0;
        if (sscanf(p, "%127s line %d and %127s", open, &line, close) == 3)
            pl_buf_printf(&out, "la etiqueta de cierre </%s> no corresponde a <%s> "
                          "(abierta en la línea %d)", close, open, line);
        else
            pl_buf_puts(&out, "etiquetas de apertura y cierre no corresponden");
    } else if (strstr(msg, "Premature end of data in tag ")) {
        char tag[128] = "";
        int line = 0;
        const char *p = strstr(msg, "in tag ") + 7;
        if (sscanf(p, "%127s line %d", tag, &line) == 2)
            pl_buf_printf(&out, "el documento termina antes de cerrar <%s> (abierta en la "
                          "línea %d)", tag, line);
        else
            pl_buf_puts(&out, "el documento termina antes de cerrar todos sus elementos");
    } else if (strstr(msg, "Premature end of data") || strstr(msg, "EndTag: '</' not found")) {
        pl_buf_puts(&out, "el documento termina antes de cerrar todos sus elementos");
    } else if (strstr(msg, "XML declaration allowed only at the start")) {
        pl_buf_puts(&out, "la declaración <?xml …?> debe ir al principio del archivo, sin "
                    "líneas ni espacios antes");
    } else if (strstr(msg, "Input is not proper UTF-8") ||
               strstr(msg, "Char 0x") ||
               strstr(msg, "invalid character")) {
        pl_buf_puts(&out, "el texto no es UTF-8 válido o contiene un carácter no "
                    "permitido en XML; guarde el archivo como UTF-8");
    } else if (strstr(msg, "Entity '") && strstr(msg, "not defined")) {
        pl_buf v = PL_BUF_INIT;
        quoted(msg, "Entity", &v);
        pl_buf_printf(&out, "entidad «&%s;» no definida; use el carácter mismo "
                      "(UTF-8) o &amp; para «&»", v.data ? v.data : "");
        pl_buf_free(&v);
    } else if (strstr(msg, "xmlParseEntityRef: no name") || strstr(msg, "EntityRef: expecting ';'")) {
        pl_buf_puts(&out, "«&» suelto: escríbalo como &amp;");
    } else if (strstr(msg, "StartTag: invalid element name")) {
        pl_buf_puts(&out, "nombre de elemento inválido después de «<» (si es texto, "
                    "escriba &lt;)");
    } else if (strstr(msg, "Extra content at the end of the document")) {
        pl_buf_puts(&out, "hay contenido después del elemento raíz");
    } else if (strstr(msg, "Document is empty") || strstr(msg, "Start tag expected")) {
        pl_buf_puts(&out, "el documento está vacío o no empieza con un elemento");
    } else if (strstr(msg, "Excessive depth") || strstr(msg, "Maximum depth")) {
        pl_buf_puts(&out, "anidamiento excesivo de elementos (el límite es 256 niveles)");
    } else if (strstr(msg, "AttValue: \" or ' expected") || strstr(msg, "attributes construct error")) {
        pl_buf_puts(&out, "atributo mal escrito: el valor debe ir entre comillas");
    } else if (strstr(msg, "Attribute ") && strstr(msg, "redefined")) {
        pl_buf_puts(&out, "atributo repetido en el mismo elemento");
    } else if (strstr(msg, "Couldn't find end of Start Tag")) {
        pl_buf_puts(&out, "etiqueta de apertura sin cerrar (falta «>»)");
    } else if (strstr(msg, "Namespace prefix") && strstr(msg, "not defined")) {
        pl_buf_puts(&out, "prefijo de espacio de nombres no declarado");
    } else if (strstr(msg, "Comment not terminated")) {
        pl_buf_puts(&out, "comentario sin cerrar (falta «-->»)");
    } else if (strstr(msg, "Sequence ']]>' not allowed in content")) {
        pl_buf_puts(&out, "la secuencia «]]>» no se admite en el texto");
    } else {
        /* Unknown: keep libxml2's words so nothing is lost. */
        size_t n = strlen(msg);
        while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '.'))
            n--;
        pl_buf_puts(&out, "XML no válido: ");
        tidy(&out, msg, n);
    }
    free(exp);
    pl_buf_free(&a);
    pl_buf_free(&b2);
    return pl_buf_detach(&out);
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

typedef struct vstate {
    const char *path;
    pl_diags *diags;
    int count;
    xmlDocPtr xdoc;
    const void *last_node; /* element of the last error reported */
} vstate;

/* libxml2 reports a broken xs:keyref once the whole scope is read, with
 * no node: only the line and, in the message, the element's name. The
 * first element of that name on that line is the one. NULL when none. */
static xmlNodePtr element_at_line(xmlDocPtr xdoc, const char *msg, long line)
{
    pl_buf name = PL_BUF_INIT;
    if (xdoc == NULL || line <= 0 || strncmp(msg, "Element '", 9) != 0 ||
        !quoted(msg, "Element", &name) || name.data == NULL)
        goto none;
    /* iterative pre-order walk: the tree may be deep */
    for (xmlNodePtr n = xmlDocGetRootElement(xdoc); n != NULL;) {
        if (n->type == XML_ELEMENT_NODE && xmlGetLineNo(n) == line &&
            strcmp((const char *)n->name, name.data) == 0) {
            pl_buf_free(&name);
            return n;
        }
        if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n != NULL && n->next == NULL)
            n = n->parent != NULL && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        if (n != NULL)
            n = n->next;
    }
none:
    pl_buf_free(&name);
    return NULL;
}

static void on_schema_error(void *user, xmlErrorPtr err)
{
    vstate *v = user;
    if (err == NULL || err->level < XML_ERR_ERROR)
        return;
    /* An identity constraint on a value already reported as invalid: a
     * consequence, in libxml2's words, of that first error. */
    if (err->message && strstr(err->message, "No precomputed value available"))
        return;
    /* A key whose field is missing or invalid: in our schemas every key
     * field is a required attribute, whose absence or bad value has just
     * been reported. */
    if (err->message && strstr(err->message, "evaluate to a node"))
        return;
    xmlNodePtr node = err->node;
    if (node == NULL && err->message != NULL)
        node = element_at_line(v->xdoc, err->message, err->line);
    /* A bad item of a list attribute is reported twice: for the item
     * (with the values allowed) and for the whole list. Keep the first. */
    if (err->message != NULL && strstr(err->message, "is not a valid value of the list type") &&
        node != NULL && node == v->last_node)
        return;
    v->last_node = node;
    if (v->count++ >= MAX_SCHEMA_ERRORS)
        return;
    int line = err->line, col = 0;
    pl_buf xp = PL_BUF_INIT;
    if (node && node->_private) {
        const pl_node *n = node->_private;
        line = n->line;
        col = n->col;
        pl_node_xpath(n, &xp);
    }
    char *msg = pl_schema_translate(err->message ? err->message : "");
    pl_diags_add(v->diags, v->path, line, col, PL_SEV_ERROR, "XSD-001", xp.data,
                 "%s", msg ? msg : "el documento no cumple el esquema");
    free(msg);
    pl_buf_free(&xp);
}

static void quiet_error(void *user, xmlErrorPtr err)
{
    (void)user;
    (void)err;
}

static pl_status load_schema(pl_kind kind, const char *datadir, xmlSchemaPtr *out)
{
    if ((size_t)kind < sizeof cache / sizeof cache[0] && cache[kind]) {
        *out = cache[kind];
        return PL_OK;
    }
    const char *file = pl_schema_file(kind);
    if (file == NULL)
        return PL_EDATA;
    pl_buf path = PL_BUF_INIT;
    if (pl_buf_printf(&path, "%s/schemas/%s", datadir, file) != 0)
        return PL_ENOMEM;
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path.data);
    pl_buf_free(&path);
    if (pc == NULL)
        return PL_EDATA;
    xmlSchemaSetParserStructuredErrors(pc, quiet_error, NULL);
    xmlSchemaPtr s = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (s == NULL)
        return PL_EDATA;
    if ((size_t)kind < sizeof cache / sizeof cache[0])
        cache[kind] = s;
    *out = s;
    return PL_OK;
}

pl_status pl_schema_validate(struct _xmlDoc *xdoc, pl_kind kind, const char *datadir,
                             const char *path, pl_diags *diags)
{
    xmlSchemaPtr schema;
    pl_status st = load_schema(kind, datadir, &schema);
    if (st != PL_OK) {
        pl_diags_add(diags, path, 0, 0, PL_SEV_ERROR, "IO-004", NULL,
                     "no se pudo cargar el esquema %s/schemas/%s (¿instalación "
                     "incompleta? use PLENO_DATADIR)", datadir,
                     pl_schema_file(kind) ? pl_schema_file(kind) : "?");
        return st;
    }
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    if (vc == NULL)
        return PL_ENOMEM;
    vstate v = {path, diags, 0, xdoc, NULL};
    xmlSchemaSetValidStructuredErrors(vc, on_schema_error, &v);
    int r = xmlSchemaValidateDoc(vc, xdoc);
    xmlSchemaFreeValidCtxt(vc);
    if (r < 0)
        return PL_EINTERNAL;
    return (r == 0 && v.count == 0) ? PL_OK : PL_EDOC;
}

void pl_schema_cleanup(void)
{
    for (size_t i = 0; i < sizeof cache / sizeof cache[0]; i++) {
        if (cache[i])
            xmlSchemaFree(cache[i]);
        cache[i] = NULL;
    }
}
