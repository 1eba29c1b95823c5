/* pleno: command-line interface. Owns argv, stdout/stderr, the progress
 * bar and the exit status:
 *   0  clean (warnings allowed unless --strict)
 *   1  the documents have errors
 *   2  usage, I/O or internal failure */
#include "output.h"

#include "../layouts/render.h"
#include "../src/catalog/catalog.h"
#include "../src/pdf/pdf.h"
#include "../src/load/load.h"
#include "../src/rules/cite.h"
#include "../src/rules/rules.h"
#include "../src/rules/xdoc.h"
#include "../src/util/buf.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXIT_CLEAN 0
#define EXIT_ERRORS 1
#define EXIT_FAILURE_ 2

/* Most worker processes for render -j: more than the cores only adds
 * memory pressure. */
#define MAX_JOBS 64

static const char *usage_text =
    "Uso:\n"
    "  pleno check  [--format=text|json|sarif] [--strict] ARCHIVO|CARPETA...\n"
    "  pleno render [-o SALIDA.pdf | -d CARPETA] [-j N] [--draft] [--layout DISEÑO.xml]\n"
    "               [--report] [--format=text|json] ARCHIVO|CARPETA...\n"
    "  pleno cites  [--format=text|json] ARCHIVO|CARPETA...\n"
    "  pleno rules  [--format=text|json]\n"
    "  pleno --help | --version\n"
    "\n"
    "Estado de salida: 0 sin errores, 1 el documento tiene errores,\n"
    "2 error de uso, de entrada/salida o interno.\n";

static const char *check_help =
    "pleno check — valida documentos sin componerlos\n\n"
    "Uso: pleno check [--format=text|json|sarif] [--strict] ARCHIVO|CARPETA...\n\n"
    "Comprueba cada documento: XML bien formado, esquema de su tipo y reglas\n"
    "del dominio (numeración, fechas, ordinales, firmas y citas legales, contra\n"
    "el catálogo de leyes de catalogs/). Imprime un\n"
    "diagnóstico por línea, archivo:línea:columna: error: mensaje [REGLA].\n"
    "Una CARPETA se recorre buscando archivos .xml.\n\n"
    "  --format=text   diagnósticos de una línea (predeterminado)\n"
    "  --format=json   un arreglo JSON (file, line, column, severity, rule,\n"
    "                  message, xpath)\n"
    "  --format=sarif  SARIF 2.1.0, para herramientas de revisión de código\n"
    "  --strict        los avisos también hacen fallar (estado 1)\n";

static const char *render_help =
    "pleno render — compone documentos válidos en PDF\n\n"
    "Uso: pleno render [-o SALIDA.pdf | -d CARPETA] [-j N] [--draft]\n"
    "                  [--layout DISEÑO.xml] [--report] [--format=text|json]\n"
    "                  ARCHIVO|CARPETA...\n\n"
    "Un documento con errores no se compone (estado 1, no se escribe nada),\n"
    "salvo con --draft, que lo compone con la marca de agua\n"
    "«BORRADOR — SIN VALIDEZ» en cada página.\n\n"
    "  -o SALIDA.pdf  archivo de salida (con un solo documento)\n"
    "  -d CARPETA     carpeta de salida: CARPETA/NOMBRE.pdf por documento\n"
    "                 (predeterminado: junto a cada documento)\n"
    "  -j N           componer N documentos a la vez\n"
    "  --draft        componer aunque haya errores, como borrador\n"
    "  --layout DISEÑO.xml\n"
    "                 diseño de página propio (papel, márgenes, letras, colores,\n"
    "                 encabezado y pie) en lugar de layouts/TIPO.xml; su formato\n"
    "                 está en schemas/diseno.xsd\n"
    "  --report       informe tipográfico: además de las líneas que sobresalen\n"
    "                 (TYPO-001, siempre), las muy espaciadas (TYPO-002), viudas\n"
    "                 (TYPO-003), huérfanas (TYPO-004), tres o más guiones\n"
    "                 seguidos (TYPO-005) y notas que no caben en la página de su\n"
    "                 llamada (TYPO-006), con su línea y su página; y un resumen\n"
    "  --format=json  los diagnósticos como arreglo JSON en la salida estándar\n"
    "                 (predeterminado: texto en la salida de errores)\n\n"
    "El PDF se escribe en un archivo temporal y se renombra al final: una\n"
    "ejecución fallida o interrumpida no deja archivos a medias. Las fechas\n"
    "del PDF salen del documento o de SOURCE_DATE_EPOCH, nunca del reloj:\n"
    "el mismo documento da el mismo PDF byte a byte.\n";

static const char *cites_help =
    "pleno cites — lista las citas legales de un documento\n\n"
    "Uso: pleno cites [--format=text|json] ARCHIVO|CARPETA...\n\n"
    "Imprime cada cita que encuentra en el texto, normalizada: instrumento\n"
    "(clave del catálogo de leyes), versión vigente en la fecha del documento,\n"
    "artículo, apartado, fracciones, incisos y párrafo, y cómo se nombró el\n"
    "instrumento (nombre, siglas, nombre definido, anáfora…). No revisa nada:\n"
    "para eso, pleno check.\n\n"
    "  --format=text   una tabla alineada (predeterminado)\n"
    "  --format=json   un arreglo JSON, un objeto por cita\n";

static const char *rules_help =
    "pleno rules — lista las reglas y los diagnósticos posibles\n\n"
    "Uso: pleno rules [--format=text|json]\n";

/* ------------------------------------------------------------------ */
/* Data directory                                                      */

static char datadir[PATH_MAX];

static int has_schemas(const char *dir)
{
    char p[PATH_MAX + 32];
    snprintf(p, sizeof p, "%s/schemas/common.xsd", dir);
    return access(p, R_OK) == 0;
}

/* $PLENO_DATADIR, else the source tree beside the executable (build/..),
 * else the installed share directory. */
static void find_datadir(void)
{
    const char *env = getenv("PLENO_DATADIR");
    if (env && *env) {
        snprintf(datadir, sizeof datadir, "%s", env);
        return;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char cand[PATH_MAX];
            snprintf(cand, sizeof cand, "%.*s/..", PATH_MAX - 8, exe);
            if (has_schemas(cand)) {
                snprintf(datadir, sizeof datadir, "%s", cand);
                return;
            }
            snprintf(cand, sizeof cand, "%.*s/../share/pleno", PATH_MAX - 20, exe);
            if (has_schemas(cand)) {
                snprintf(datadir, sizeof datadir, "%s", cand);
                return;
            }
        }
    }
    snprintf(datadir, sizeof datadir, "%s", PL_DATADIR);
}

/* ------------------------------------------------------------------ */
/* The catalogue of laws                                               */

static pl_catalog *catalog;

/* Loads DATADIR/catalogs once per process and gives it to the rules.
 * On failure the diagnostics (CAT-001, IO-004) go to diags and the
 * caller exits with 2. */
static int load_catalog(pl_diags *diags)
{
    if (catalog != NULL)
        return 0;
    if (pl_catalog_load(datadir, diags, &catalog) != PL_OK)
        return -1;
    pl_rules_set_catalog(catalog);
    return 0;
}

/* Same, printing the diagnostics on stderr. */
static int load_catalog_or_say(void)
{
    pl_diags d = PL_DIAGS_INIT;
    int rc = load_catalog(&d);
    pl_diags_sort(&d);
    out_text(stderr, &d);
    pl_diags_free(&d);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Inputs: files, and folders walked for *.xml                          */

typedef struct inputs {
    char **v;
    size_t n, cap;
} inputs;

static int inputs_add(inputs *in, const char *path)
{
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        char **v = realloc(in->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        in->v = v;
        in->cap = cap;
    }
    in->v[in->n] = strdup(path);
    if (in->v[in->n] == NULL)
        return -1;
    in->n++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

#include <dirent.h>

static int walk(inputs *in, const char *dir, int depth)
{
    if (depth > 32) /* symlink loops */
        return 0;
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    inputs local = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char p[PATH_MAX];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) || (strlen(e->d_name) > 4 &&
                                    strcmp(e->d_name + strlen(e->d_name) - 4, ".xml") == 0))
            inputs_add(&local, p);
    }
    closedir(d);
    qsort(local.v, local.n, sizeof *local.v, cmp_str);
    for (size_t i = 0; i < local.n; i++) {
        struct stat st;
        if (stat(local.v[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(in, local.v[i], depth + 1);
        else
            inputs_add(in, local.v[i]);
        free(local.v[i]);
    }
    free(local.v);
    return 0;
}

static void inputs_free(inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->v[i]);
    free(in->v);
}

/* Expands the command-line operands. Returns -1 (message printed) when an
 * operand does not exist. */
static int collect(inputs *in, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            char p[PATH_MAX];
            snprintf(p, sizeof p, "%s", argv[i]);
            size_t l = strlen(p);
            while (l > 1 && p[l - 1] == '/')
                p[--l] = '\0';
            walk(in, p, 0);
        } else {
            inputs_add(in, argv[i]);
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Progress bar on a terminal                                          */

static int progress_on;

static void progress(size_t done, size_t total, const char *what)
{
    if (!progress_on)
        return;
    int width = 30, fill = total ? (int)(done * (size_t)width / total) : width;
    fprintf(stderr, "\r\033[K[");
    for (int i = 0; i < width; i++)
        fputc(i < fill ? '#' : '.', stderr);
    fprintf(stderr, "] %zu/%zu %s", done, total, what ? what : "");
    if (done == total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* ------------------------------------------------------------------ */
/* check                                                               */

/* Checks one document and records in x (when not NULL) what the checks
 * across documents need of it. */
static pl_status check_one(const char *path, pl_diags *diags, pl_xdoc *x)
{
    pl_doc *doc = NULL;
    pl_status st = pl_load_file(path, datadir, diags, &doc);
    if (st != PL_OK)
        return st;
    st = pl_rules_run(doc, diags);
    if (st == PL_OK && x)
        st = pl_xdoc_add(x, doc);
    pl_doc_free(doc);
    return st;
}

static int parse_format(const char *arg, out_format *fmt)
{
    const char *v = arg + strlen("--format=");
    if (strcmp(v, "text") == 0)
        *fmt = FMT_TEXT;
    else if (strcmp(v, "json") == 0)
        *fmt = FMT_JSON;
    else if (strcmp(v, "sarif") == 0)
        *fmt = FMT_SARIF;
    else
        return -1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Arguments                                                           */

/* Handles one option of a subcommand at argv[*i] (it may consume the next
 * argument). Returns 0 when handled, -1 when unknown or incomplete, -2
 * when invalid (the handler said why). */
typedef int (*opt_handler)(void *cfg, int argc, char **argv, int *i);

/* Splits a subcommand's arguments: options go to handler, operands (in
 * any position, folders walked for .xml) into *in. Returns -1 to go on,
 * or the exit status to return at once (after --help, or a usage error,
 * which it reports). */
static int parse_args(const char *name, const char *help, int argc, char **argv,
                      opt_handler handler, void *cfg, inputs *in)
{
    char **ops = calloc((size_t)argc + 1, sizeof *ops);
    int nops = 0, only_ops = 0, rc = -1;
    if (ops == NULL)
        return EXIT_FAILURE_;
    for (int i = 0; i < argc && rc < 0; i++) {
        if (only_ops || argv[i][0] != '-' || argv[i][1] == '\0') {
            ops[nops++] = argv[i];
        } else if (strcmp(argv[i], "--") == 0) {
            only_ops = 1;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            rc = EXIT_CLEAN;
        } else {
            int r = handler(cfg, argc, argv, &i);
            if (r == -1)
                fprintf(stderr, "pleno %s: opción desconocida o incompleta «%s»\n%s", name,
                        argv[i], usage_text);
            if (r != 0)
                rc = EXIT_FAILURE_;
        }
    }
    if (rc < 0 && nops == 0) {
        fprintf(stderr, "pleno %s: falta el documento\n%s", name, usage_text);
        rc = EXIT_FAILURE_;
    }
    if (rc < 0)
        collect(in, nops, ops);
    free(ops);
    return rc;
}

/* --format=…: formats allowed by the subcommand (sarif or not). */
static int format_opt(const char *arg, out_format *fmt, int allow_sarif)
{
    if (strncmp(arg, "--format=", 9) != 0)
        return -1;
    if (parse_format(arg, fmt) != 0 || (*fmt == FMT_SARIF && !allow_sarif)) {
        fprintf(stderr, "pleno: formato desconocido «%s» (%s)\n", arg + 9,
                allow_sarif ? "text, json o sarif" : "text o json");
        return -2;
    }
    return 0;
}

typedef struct check_cfg {
    out_format fmt;
    int strict;
} check_cfg;

static int check_opt(void *cfg, int argc, char **argv, int *i)
{
    check_cfg *c = cfg;
    (void)argc;
    if (strcmp(argv[*i], "--strict") == 0) {
        c->strict = 1;
        return 0;
    }
    return format_opt(argv[*i], &c->fmt, 1);
}

static int cmd_check(int argc, char **argv)
{
    check_cfg cfg = {FMT_TEXT, 0};
    inputs in = {0};
    int early = parse_args("check", check_help, argc, argv, check_opt, &cfg, &in);
    if (early >= 0) {
        inputs_free(&in);
        return early;
    }
    out_format fmt = cfg.fmt;
    int strict = cfg.strict;
    pl_diags all = PL_DIAGS_INIT;
    int failed = 0;
    /* A broken catalogue is reported in the chosen format, like any
     * diagnostic, and no document is checked against it. */
    size_t todo = in.n;
    if (load_catalog(&all) != 0) {
        failed = 1;
        pl_diags_sort(&all);
        todo = 0;
    }
    progress_on = todo > 1 && isatty(2) && fmt == FMT_TEXT;
    /* the documents checked together: agreements and the actas of their
     * sessions (XDOC-…) */
    pl_xdoc *x = todo > 1 ? pl_xdoc_new() : NULL;
    if (todo > 1 && x == NULL)
        failed = 1;
    for (size_t k = 0; k < todo; k++) {
        progress(k, todo, in.v[k]);
        pl_diags d = PL_DIAGS_INIT;
        pl_status st = check_one(in.v[k], &d, x);
        if (st != PL_OK && st != PL_EDOC)
            failed = 1;
        pl_diags_sort(&d);
        pl_diags_move(&all, &d);
    }
    progress(todo, todo, NULL);
    if (x) {
        pl_diags d = PL_DIAGS_INIT;
        if (pl_xdoc_check(x, &d) != PL_OK)
            failed = 1;
        pl_diags_move(&all, &d);
        pl_xdoc_free(x);
    }
    if (fmt == FMT_JSON)
        out_json(stdout, &all);
    else if (fmt == FMT_SARIF)
        out_sarif(stdout, &all);
    else
        out_text(stdout, &all);
    int rc = failed ? EXIT_FAILURE_
           : pl_diags_count(&all, PL_SEV_ERROR) ? EXIT_ERRORS
           : (strict && pl_diags_count(&all, PL_SEV_WARNING)) ? EXIT_ERRORS
           : EXIT_CLEAN;
    pl_diags_free(&all);
    inputs_free(&in);
    return rc;
}

/* ------------------------------------------------------------------ */
/* render                                                              */

typedef struct render_cfg {
    const char *out_file, *out_dir;
    const char *layout; /* --layout FILE, or NULL */
    int draft;
    int report;         /* --report */
    out_format fmt;     /* text (to stderr) or json (to stdout) */
    long long sde;
} render_cfg;

/* Target path for input: -o, or DIR/BASENAME.pdf, or beside the input. */
static void target_for(const render_cfg *cfg, const char *input, char *out, size_t n)
{
    if (cfg->out_file) {
        snprintf(out, n, "%s", cfg->out_file);
        return;
    }
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t blen = strlen(base);
    if (blen > 4 && strcmp(base + blen - 4, ".xml") == 0)
        blen -= 4;
    if (cfg->out_dir)
        snprintf(out, n, "%s/%.*s.pdf", cfg->out_dir, (int)blen, base);
    else
        snprintf(out, n, "%.*s%.*s.pdf", (int)(base - input), input, (int)blen, base);
}

/* A render that is refused or fails must not leave an earlier PDF of the
 * same name looking like its result: the gate's promise is that a PDF
 * that exists corresponds to a valid document. */
static void remove_stale(const char *input, const char *target, pl_diags *diags)
{
    struct stat st;
    if (stat(target, &st) == 0 && S_ISREG(st.st_mode) && unlink(target) == 0)
        pl_diags_add(diags, input, 0, 0, PL_SEV_NOTE, "", NULL,
                     "se eliminó %s, de una composición anterior: ya no corresponde al "
                     "documento", target);
}

/* Renders input to target; *written tells whether the file was written
 * (a draft of a document with errors is). Returns the exit class. */
static int render_one_to(const render_cfg *cfg, const char *input, const char *target,
                         pl_diags *diags, int *written)
{
    *written = 0;
    pl_doc *doc = NULL;
    pl_status st = pl_load_file(input, datadir, diags, &doc);
    if (st == PL_EDOC)
        return EXIT_ERRORS; /* not even a model: nothing to draw, even as draft */
    if (st != PL_OK)
        return EXIT_FAILURE_;
    st = pl_rules_run(doc, diags);
    if (st != PL_OK) {
        pl_doc_free(doc);
        return EXIT_FAILURE_;
    }
    int has_errors = pl_diags_count(diags, PL_SEV_ERROR) > 0;
    if (has_errors && !cfg->draft) {
        pl_diags_add(diags, input, 0, 0, PL_SEV_NOTE, "", NULL,
                     "no se compuso %s: el documento tiene errores (use --draft "
                     "para un borrador)", target);
        pl_doc_free(doc);
        return EXIT_ERRORS;
    }
    /* say why a target cannot be written before doing the work */
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", target);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    if (access(dir, W_OK) != 0) {
        pl_diags_add(diags, input, 0, 0, PL_SEV_ERROR, "IO-005", NULL,
                     "no se puede escribir %s: la carpeta %s %s", target, dir,
                     errno == ENOENT ? "no existe" : pl_strerror(errno));
        pl_doc_free(doc);
        return EXIT_FAILURE_;
    }
    pl_ts_report stats;
    pl_render_opts ro = {datadir, cfg->layout, cfg->draft, cfg->sde, cfg->report, &stats};
    st = pl_render_file(doc, &ro, target, diags);
    pl_doc_free(doc);
    if (st == PL_EDOC)
        return EXIT_ERRORS;
    if (st == PL_EDATA)
        return EXIT_FAILURE_; /* pleno's data (layout, fonts): already said why */
    if (st != PL_OK) {
        pl_diags_add(diags, input, 0, 0, PL_SEV_ERROR, "IO-005", NULL,
                     "no se pudo escribir %s: %s", target, pl_status_str(st));
        return EXIT_FAILURE_;
    }
    *written = 1;
    if (cfg->report)
        pl_diags_add(diags, input, 0, 0, PL_SEV_NOTE, "", NULL,
                     "informe tipográfico de %s: %zu páginas, %zu líneas (%zu con guion de "
                     "división); líneas que sobresalen: %zu; muy espaciadas: %zu; viudas: %zu; "
                     "huérfanas: %zu; escaleras de guiones: %zu; notas fuera de su página: %zu",
                     target, stats.pages, stats.lines, stats.hyphenated, stats.overfull,
                     stats.underfull, stats.widows, stats.orphans, stats.hyphen_runs,
                     stats.notes_moved);
    return has_errors ? EXIT_ERRORS : EXIT_CLEAN;
}

/* Renders one input; diagnostics to diags. Returns the exit class. */
static int render_one(const render_cfg *cfg, const char *input, pl_diags *diags)
{
    char target[PATH_MAX];
    target_for(cfg, input, target, sizeof target);
    int written;
    int rc = render_one_to(cfg, input, target, diags, &written);
    if (!written)
        remove_stale(input, target, diags);
    return rc;
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

/* Runs inputs [from, to) and writes their text diagnostics to fd. */
static int render_range(const render_cfg *cfg, inputs *in, size_t from, size_t to, FILE *out,
                        size_t *done, size_t total)
{
    int rc = EXIT_CLEAN, first = 1;
    for (size_t k = from; k < to; k++) {
        if (done)
            progress(*done, total, in->v[k]);
        pl_diags d = PL_DIAGS_INIT;
        rc = worse(rc, render_one(cfg, in->v[k], &d));
        pl_diags_sort(&d);
        if (cfg->fmt == FMT_JSON)
            out_json_items(out, &d, &first);
        else
            out_text(out, &d);
        fflush(out);
        pl_diags_free(&d);
        if (done)
            (*done)++;
    }
    return rc;
}

static int render_parallel(const render_cfg *cfg, inputs *in, int jobs)
{
    /* Each worker renders a contiguous share and writes its diagnostics to
     * a pipe; the parent prints them in input order. Processes, not
     * threads: each document's libharu and libxml2 state stays private. */
    pid_t pids[MAX_JOBS];
    int fds[MAX_JOBS];
    pl_buf outs[MAX_JOBS];
    size_t n = in->n;
    fflush(stdout);
    fflush(stderr);
    for (int j = 0; j < jobs; j++) {
        int p[2];
        outs[j] = (pl_buf)PL_BUF_INIT;
        if (pipe(p) != 0)
            return EXIT_FAILURE_;
        pid_t pid = fork();
        if (pid < 0)
            return EXIT_FAILURE_;
        if (pid == 0) {
            close(p[0]);
            FILE *f = fdopen(p[1], "w");
            size_t from = n * (size_t)j / (size_t)jobs, to = n * (size_t)(j + 1) / (size_t)jobs;
            progress_on = 0;
            int rc = render_range(cfg, in, from, to, f, NULL, 0);
            fclose(f);
            _exit(rc);
        }
        close(p[1]);
        pids[j] = pid;
        fds[j] = p[0];
    }
    int open_fds = jobs;
    while (open_fds > 0) {
        struct pollfd pf[MAX_JOBS];
        for (int j = 0; j < jobs; j++) {
            pf[j].fd = fds[j];
            pf[j].events = POLLIN;
        }
        if (poll(pf, (nfds_t)jobs, -1) < 0 && errno != EINTR)
            break;
        for (int j = 0; j < jobs; j++) {
            if (fds[j] < 0 || !(pf[j].revents & (POLLIN | POLLHUP)))
                continue;
            char buf[4096];
            ssize_t r = read(fds[j], buf, sizeof buf);
            if (r > 0) {
                pl_buf_append(&outs[j], buf, (size_t)r);
            } else {
                close(fds[j]);
                fds[j] = -1;
                open_fds--;
            }
        }
    }
    int rc = EXIT_CLEAN, first = 1;
    for (int j = 0; j < jobs; j++) {
        int status;
        waitpid(pids[j], &status, 0);
        rc = worse(rc, WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_FAILURE_);
        if (outs[j].data && cfg->fmt == FMT_JSON) {
            /* each worker wrote array items: join them with commas */
            fputs(first ? "" : ",\n", stdout);
            fputs(outs[j].data, stdout);
            first = 0;
        } else if (outs[j].data) {
            fputs(outs[j].data, stderr);
        }
        pl_buf_free(&outs[j]);
    }
    return rc;
}

typedef struct render_args {
    render_cfg cfg;
    int jobs;
} render_args;

static int render_opt(void *cfg, int argc, char **argv, int *i)
{
    render_args *r = cfg;
    const char *a = argv[*i];
    if (strcmp(a, "--draft") == 0) {
        r->cfg.draft = 1;
        return 0;
    }
    if (strcmp(a, "--report") == 0) {
        r->cfg.report = 1;
        return 0;
    }
    if (strncmp(a, "--format=", 9) == 0)
        return format_opt(a, &r->cfg.fmt, 0) == 0 ? 0 : -2;
    if (*i + 1 >= argc)
        return -1;
    if (strcmp(a, "-o") == 0) {
        r->cfg.out_file = argv[++*i];
    } else if (strcmp(a, "-d") == 0) {
        r->cfg.out_dir = argv[++*i];
    } else if (strcmp(a, "--layout") == 0) {
        r->cfg.layout = argv[++*i];
    } else if (strcmp(a, "-j") == 0) {
        char *end;
        long v = strtol(argv[++*i], &end, 10);
        if (*end || v < 1 || v > MAX_JOBS) {
            fprintf(stderr, "pleno render: -j espera un número entre 1 y %d\n", MAX_JOBS);
            return -2;
        }
        r->jobs = (int)v;
    } else {
        return -1;
    }
    return 0;
}

static int cmd_render(int argc, char **argv)
{
    render_args ra;
    memset(&ra, 0, sizeof ra);
    ra.cfg.sde = -1;
    ra.jobs = 1;
    inputs in = {0};
    int early = parse_args("render", render_help, argc, argv, render_opt, &ra, &in);
    if (early >= 0) {
        inputs_free(&in);
        return early;
    }
    render_cfg cfg = ra.cfg;
    int jobs = ra.jobs;
    if (cfg.out_file && cfg.out_dir) {
        fprintf(stderr, "pleno render: use -o o -d, no ambos\n");
        inputs_free(&in);
        return EXIT_FAILURE_;
    }
    if (cfg.out_file && in.n != 1) {
        fprintf(stderr, "pleno render: -o admite un solo documento; para varios use -d CARPETA\n");
        inputs_free(&in);
        return EXIT_FAILURE_;
    }
    if (cfg.out_dir) {
        struct stat st;
        if (stat(cfg.out_dir, &st) != 0 && mkdir(cfg.out_dir, 0777) != 0) {
            fprintf(stderr, "pleno render: no se puede crear la carpeta %s: %s\n",
                    cfg.out_dir, pl_strerror(errno));
            inputs_free(&in);
            return EXIT_FAILURE_;
        }
    }
    if (load_catalog_or_say() != 0) {
        inputs_free(&in);
        return EXIT_FAILURE_;
    }
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde)
        cfg.sde = strtoll(sde, NULL, 10);
    if ((size_t)jobs > in.n)
        jobs = (int)in.n;
    int rc;
    FILE *diag_out = cfg.fmt == FMT_JSON ? stdout : stderr;
    if (cfg.fmt == FMT_JSON)
        fputs("[\n", stdout);
    if (jobs > 1) {
        rc = render_parallel(&cfg, &in, jobs);
    } else {
        size_t done = 0;
        progress_on = in.n > 1 && isatty(2);
        rc = render_range(&cfg, &in, 0, in.n, diag_out, &done, in.n);
        progress(in.n, in.n, NULL);
    }
    if (cfg.fmt == FMT_JSON)
        fputs("\n]\n", stdout);
    inputs_free(&in);
    return rc;
}

/* ------------------------------------------------------------------ */
/* cites                                                               */

static int cites_opt(void *cfg, int argc, char **argv, int *i)
{
    (void)argc;
    return format_opt(argv[*i], cfg, 0);
}

static int cmd_cites(int argc, char **argv)
{
    out_format fmt = FMT_TEXT;
    inputs in = {0};
    int early = parse_args("cites", cites_help, argc, argv, cites_opt, &fmt, &in);
    if (early >= 0) {
        inputs_free(&in);
        return early;
    }
    if (load_catalog_or_say() != 0) {
        inputs_free(&in);
        return EXIT_FAILURE_;
    }
    int rc = EXIT_CLEAN, first = 1, printed = 0;
    if (fmt == FMT_JSON)
        fputs("[", stdout);
    for (size_t k = 0; k < in.n; k++) {
        pl_diags d = PL_DIAGS_INIT;
        pl_doc *doc = NULL;
        pl_status st = pl_load_file(in.v[k], datadir, &d, &doc);
        pl_diags_sort(&d);
        out_text(stderr, &d);
        pl_diags_free(&d);
        if (st != PL_OK) {
            rc = worse(rc, st == PL_EDOC ? EXIT_ERRORS : EXIT_FAILURE_);
            continue;
        }
        pl_cites *cs = NULL;
        st = pl_cites_extract(doc, catalog, &cs);
        if (st != PL_OK) {
            fprintf(stderr, "%s: error: %s [IO-003]\n", in.v[k], pl_status_str(st));
            rc = EXIT_FAILURE_;
        } else if (fmt == FMT_JSON) {
            out_cites_json(stdout, in.v[k], cs, &first);
        } else {
            out_cites_text(stdout, in.v[k], cs, !printed);
            printed = 1;
        }
        pl_cites_free(cs);
        pl_doc_free(doc);
    }
    if (fmt == FMT_JSON)
        fputs(first ? "]\n" : "\n]\n", stdout);
    inputs_free(&in);
    return rc;
}

/* ------------------------------------------------------------------ */
/* rules                                                               */

static int cmd_rules(int argc, char **argv)
{
    out_format fmt = FMT_TEXT;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(rules_help, stdout);
            return EXIT_CLEAN;
        } else if (strncmp(argv[i], "--format=", 9) == 0 && parse_format(argv[i], &fmt) == 0 &&
                   fmt != FMT_SARIF) {
            continue;
        } else {
            fprintf(stderr, "pleno rules: opción desconocida «%s»\n", argv[i]);
            return EXIT_FAILURE_;
        }
    }
    size_t n = pl_rules_count();
    if (fmt == FMT_JSON) {
        fputs("[", stdout);
        for (size_t i = 0; i < n; i++) {
            const pl_rule_info *r = pl_rules_get(i);
            pl_buf b = PL_BUF_INIT;
            pl_buf_printf(&b, "%s\n  {\"id\": \"%s\", \"severity\": \"%s\", \"stage\": \"", i ? "," : "",
                          r->id, pl_severity_id(r->sev));
            pl_buf_json_escape(&b, r->stage);
            pl_buf_puts(&b, "\", \"description\": \"");
            pl_buf_json_escape(&b, r->description);
            pl_buf_puts(&b, "\"}");
            fputs(b.data, stdout);
            pl_buf_free(&b);
        }
        fputs("\n]\n", stdout);
    } else {
        for (size_t i = 0; i < n; i++) {
            const pl_rule_info *r = pl_rules_get(i);
            printf("%-9s %-6s %s\n", r->id, pl_severity_name(r->sev), r->description);
        }
    }
    return EXIT_CLEAN;
}

/* An interrupted render must not leave its temporary file behind. */
static void on_signal(int sig)
{
    const char *tmp = pl_pdf_pending_tmp();
    if (tmp)
        unlink(tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

int main(int argc, char **argv)
{
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_FAILURE_;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs("pleno — valida y compone los documentos oficiales del Sistema Nacional\n"
              "de Transparencia (acuerdos del Consejo Nacional y más).\n\n", stdout);
        fputs(usage_text, stdout);
        fputs("\nAyuda de cada orden: pleno ORDEN --help\n", stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("pleno %s\n", PL_VERSION);
        return EXIT_CLEAN;
    }
    find_datadir();
    int rc;
    if (strcmp(cmd, "check") == 0)
        rc = cmd_check(argc - 2, argv + 2);
    else if (strcmp(cmd, "render") == 0)
        rc = cmd_render(argc - 2, argv + 2);
    else if (strcmp(cmd, "rules") == 0)
        rc = cmd_rules(argc - 2, argv + 2);
    else if (strcmp(cmd, "cites") == 0)
        rc = cmd_cites(argc - 2, argv + 2);
    else {
        fprintf(stderr, "pleno: orden desconocida «%s»\n%s", cmd, usage_text);
        rc = EXIT_FAILURE_;
    }
    pl_rules_cleanup();
    pl_catalog_free(catalog);
    pl_load_cleanup();
    return rc;
}
