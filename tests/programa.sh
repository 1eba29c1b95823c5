#!/bin/sh
# The page layout of the programa anual de trabajo, read as a user would
# read the PDF: the sample renders; the table of siglas is generated from
# the declared siglas (without those of uso="solo-texto"); the numbers of
# objectives, strategies and lines of action are the written ones or, when
# the author leaves them out, the ones PROG-003 expects; the calendar
# gives its dates in words; the alignment table takes each objective's
# enunciado from the objective; the index and the PDF outline follow the
# chapters; no typographic warning; fonts embedded; qpdf is happy; the same
# source gives the same bytes. Ends with "N passed, M failed".
#
#   PLENO=build/pleno sh tests/programa.sh
. tests/lib.sh

SAMPLE=samples/programa/INAI-CPGAT-PAT-2017.xml

# The text of a PDF on one line: hyphenated line ends joined, spaces
# squeezed (as tests/e2e.sh does).
flat() { sed 's/^ *//; s/  */ /g' |
    awk '{ if (prev ~ /[[:alpha:]]-$/) { sub(/-$/, "", prev); prev = prev $0 } else { if (NR > 1) print prev; prev = $0 } } END { print prev }' |
    tr '\n' ' ' | sed 's/  */ /g'; }
has() { # description, text file, fixed string
    if grep -qF -- "$3" "$2"; then ok; else bad "$1: falta «$3»"; fi
}
hasnt() {
    if grep -qF -- "$3" "$2"; then bad "$1: sobra «$3»"; else ok; fi
}

# ---- the sample renders --------------------------------------------------
"$PLENO" render -o "$T/p.pdf" "$SAMPLE" >"$T/err" 2>&1
st=$?
[ $st -eq 0 ] && [ -s "$T/p.pdf" ] && ok || { bad "la muestra se compone (estado $st)"; cat "$T/err"; }
[ ! -s "$T/err" ] && ok || { bad "sin diagnósticos al componer"; cat "$T/err"; }
pdftotext -layout "$T/p.pdf" "$T/p.txt"
flat <"$T/p.txt" >"$T/p.flat"

# ---- cover, running header and footer -----------------------------------
pages=$(pdfinfo "$T/p.pdf" | awk '/^Pages:/{print $2}')
has "portada" "$T/p.flat" "Comisión Permanente de Gobierno Abierto y Transparencia"
has "portada: la fecha" "$T/p.flat" "14 de marzo de 2017"
# page 1 is the cover: no running footer; page 2 has header and footer
pdftotext -f 1 -l 1 -layout "$T/p.pdf" "$T/p1.txt"
hasnt "la portada no lleva pie" "$T/p1.txt" "Página 1 de"
pdftotext -f 2 -l 2 -layout "$T/p.pdf" "$T/p2.txt"
has "encabezado: el órgano" "$T/p2.txt" "CPGAT"
has "encabezado: el ejercicio" "$T/p2.txt" "Programa Anual de Trabajo 2017"
has "pie" "$T/p2.txt" "Página 2 de $pages"
has "índice" "$T/p2.txt" "Índice"
flat <"$T/p2.txt" >"$T/p2.flat"
grep -qE 'III\. Objetivos, estrategias y líneas de acción( \.)+ [0-9]+' "$T/p2.flat" &&
    ok || bad "el índice da la página de los objetivos"
grep -qE 'V\. Calendario Anual de Sesiones de la Comisión Permanente( \.)+ [0-9]+' "$T/p2.flat" &&
    ok || bad "el índice da la página del calendario"

# ---- the table of siglas, generated --------------------------------------
# its page: the one with the heading and the header row
sp=$(awk 'BEGIN { RS = "\f" } /Siglas y acrónimos/ && /Significado/ { print NR; exit }' "$T/p.txt")
if [ -n "$sp" ]; then
    ok
    pdftotext -f "$sp" -l "$sp" -layout "$T/p.pdf" "$T/sig.txt"
    grep -qE '^ *AGA +Alianza para el Gobierno Abierto' "$T/sig.txt" && ok ||
        bad "siglas: AGA y su significado en una fila"
    grep -qE '^ *PA2018 +Plan de Acción 2016-2018' "$T/sig.txt" && ok ||
        bad "siglas: una de uso=\"solo-tabla\" está en la tabla"
    grep -qE '^ *STT +Secretariado Técnico Tripartita' "$T/sig.txt" && ok ||
        bad "siglas: la última declarada"
    for s in CIDE DGE GESOC ITESO LFTAIPG PNUD; do # uso="solo-texto"
        hasnt "siglas: $s (uso=\"solo-texto\") no va en la tabla" "$T/sig.txt" "$s"
    done
    hasnt "siglas" "$T/sig.txt" "Centro de Investigación y Docencia Económicas"
else
    bad "no hay página con la tabla de siglas"
fi

# ---- objectives, strategies, lines of action ------------------------------
has "objetivo" "$T/p.flat" "Objetivo 2 Promover, en el marco del SNT,"
has "estrategia" "$T/p.flat" "Estrategia 2.1. Acompañar las actividades"
has "línea de acción con su número" "$T/p.flat" "2.1.3 Incentivar el impulso de los ejercicios"
has "salto admitido: se conserva el número escrito" "$T/p.flat" "3.2.2 Dar seguimiento a la promoción"
grep -qE 'Líneas de Acción +encargada del +General' "$T/p.txt" && ok ||
    bad "las columnas que el autor nombra en objetivos/encabezado"
grep -qE '1\.1\.1 Tomar conocimiento de la .*SAI DGGAT' "$T/p.flat" && ok ||
    bad "la línea 1.1.1 con sus unidades de seguimiento y responsable"

# without the numbers, pleno generates the ones PROG-003 expects
sed -E 's/(<(objetivo|estrategia|linea|sesion)) numero="[^"]*"/\1/; s/ salto="si"//' \
    "$SAMPLE" >"$T/sin-numeros.xml"
grep -qE '<(objetivo|estrategia|linea|sesion) [^>]*numero=' "$T/sin-numeros.xml" &&
    bad "quedan números escritos en la copia" || ok
out=$("$PLENO" check "$T/sin-numeros.xml" 2>&1)
[ $? -eq 0 ] && [ -z "$out" ] && ok || bad "sin números, la revisión queda limpia: $out"
"$PLENO" render -o "$T/g.pdf" "$T/sin-numeros.xml" >"$T/err" 2>&1 && ok ||
    { bad "sin números, se compone"; cat "$T/err"; }
pdftotext -layout "$T/g.pdf" - | flat >"$T/g.flat"
has "número generado" "$T/g.flat" "2.1.3 Incentivar el impulso de los ejercicios"
has "número generado" "$T/g.flat" "1.3.4 Dar seguimiento a las actividades de difusión"
has "número generado tras una estrategia" "$T/g.flat" "Estrategia 3.2. Promover y difundir"
has "número generado: sin el salto del original" "$T/g.flat" "3.2.1 Dar seguimiento a la promoción"
has "número generado: la siguiente" "$T/g.flat" "3.2.2 Dar seguimiento y apoyar el proceso"
has "objetivo numerado" "$T/g.flat" "Objetivo 3 Consolidar el liderazgo internacional"

# ---- alignment: the objective's enunciado comes from the objective --------
grep -qE '^ *2\. Promover el pleno ejercicio de +1\. Apoyar y acompañar el diseño,' "$T/p.txt" &&
    ok || bad "alineación: el objetivo estratégico y el enunciado del objetivo 1 en una fila"
grep -qE '^ *3\. Consolidar el liderazgo +• Dirección General de Gobierno' "$T/p.txt" &&
    ok || bad "alineación: el enunciado del objetivo 3 y sus participantes"
has "alineación: participantes" "$T/p.txt" "• Dirección General de Asuntos"

# ---- calendar: dates in words ---------------------------------------------
for d in "14 de marzo de 2017" "30 de junio de 2017" "29 de septiembre de 2017" \
    "15 de diciembre de 2017"; do
    grep -qE "^ *[1-4] +$d( |\$)" "$T/p.txt" && ok || bad "calendario: la sesión del $d"
done
hasnt "calendario: sin fechas ISO" "$T/p.flat" "2017-06-30"
has "calendario: subtemas" "$T/p.flat" "b) Estrategia 2017 del proyecto Gobierno Abierto"

# ---- the PDF outline follows the structure --------------------------------
qpdf --json --json-key=outlines "$T/p.pdf" >"$T/o.json" 2>"$T/err"
python3 - "$T/o.json" <<'PY' && ok || bad "marcadores del PDF"
import json, sys
o = json.load(open(sys.argv[1]))["outlines"]
assert len(o) == 1 and o[0]["title"].startswith("Programa Anual"), o
top = [k["title"] for k in o[0]["kids"]]
assert top[:5] == ["Índice", "Introducción", "Siglas y acrónimos", "I. Marco Normativo",
                   "II. Diagnóstico"], top
assert top[5].startswith("III. Objetivos") and top[-1].startswith("VII. Eventos"), top
obj = o[0]["kids"][5]["kids"]
assert [k["title"].split(".")[0] for k in obj] == ["Objetivo 1", "Objetivo 2", "Objetivo 3"], obj
assert [k["title"][:15] for k in obj[1]["kids"]] == ["Estrategia 2.1.", "Estrategia 2.2."]
diag = o[0]["kids"][4]["kids"]
assert [k["title"] for k in diag] == ["TRANSPARENCIA PROACTIVA", "GOBIERNO ABIERTO"], diag
PY

# ---- quality bars -----------------------------------------------------------
"$PLENO" render --report --format=json -o "$T/r.pdf" "$SAMPLE" >"$T/r.json" 2>"$T/err"
python3 - "$T/r.json" <<'PY' && ok || bad "informe tipográfico sin TYPO-001 a TYPO-006"
import json, sys
d = json.load(open(sys.argv[1]))
typo = [x for x in d if x["rule"] in ("TYPO-001", "TYPO-002", "TYPO-003", "TYPO-004",
                                      "TYPO-005", "TYPO-006")]
for x in typo:
    print("  %s:%d:%d %s %s" % (x["file"], x["line"], x["column"], x["rule"], x["message"]))
assert not typo
assert any("informe tipográfico" in x["message"] for x in d)
PY
pdffonts "$T/p.pdf" >"$T/fonts" 2>&1
awk 'NR > 2 && $0 !~ / yes +yes +yes / { bad = 1 } END { exit bad || NR < 3 }' "$T/fonts" && ok ||
    { bad "pdffonts: todas las letras incrustadas"; cat "$T/fonts"; }
qpdf --check "$T/p.pdf" >"$T/qpdf" 2>&1 && ok || { bad "qpdf --check"; cat "$T/qpdf"; }
"$PLENO" render -o "$T/p2.pdf" "$SAMPLE" >/dev/null 2>&1
cmp -s "$T/p.pdf" "$T/p2.pdf" && ok || bad "la misma fuente da el mismo PDF"

# the example of README.md renders too
awk '/Cómo escribir un programa anual de trabajo/ { on = 1 } on && /^```xml/ { inx = 1; next } inx && /^```/ { exit } inx' \
    README.md >"$T/readme.xml"
"$PLENO" render -o "$T/readme.pdf" "$T/readme.xml" >"$T/err" 2>&1 && ok ||
    { bad "el ejemplo del README se compone"; cat "$T/err"; }

# signatures (pl_lay_signatures, shared with the acuerdo and the acta):
# two by two, the odd last one alone, each name and cargo
sed 's|</programa>|<firmas><firma><nombre>Mtra. Ana Pérez</nombre><cargo>Coordinadora</cargo></firma><firma><nombre>Lic. Juan López</nombre><cargo>Secretario Técnico</cargo></firma><firma><nombre>Dra. Eva Ruiz</nombre><cargo>Comisionada</cargo></firma></firmas></programa>|' \
    samples/programa/INAI-CPGAT-PAT-2017.xml >"$T/firmas.xml"
"$PLENO" render -o "$T/firmas.pdf" "$T/firmas.xml" >"$T/out" 2>&1 &&
    pdftotext -layout "$T/firmas.pdf" - | grep -q 'Mtra. Ana Pérez  *Lic. Juan López' &&
    pdftotext -layout "$T/firmas.pdf" - | grep -q 'Secretario Técnico' &&
    pdftotext -layout "$T/firmas.pdf" - | grep -q '^ *Dra. Eva Ruiz *$' && ok || bad "firmas del programa, dos por fila"
finish
