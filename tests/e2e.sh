#!/bin/sh
# End-to-end tests: run pleno as a user would and check what a user would
# notice in the diagnostics and in the PDF (pdftotext, pdfinfo, pdffonts,
# qpdf). Ends with "N passed, M failed".
#
#   PLENO=build/pleno sh tests/e2e.sh
. tests/lib.sh
check() { # description, then a command that must succeed
    d=$1
    shift
    if "$@" >/dev/null 2>&1; then ok; else bad "$d"; fi
}

BIG=samples/acuerdo/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.xml
SHORT=samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml
BIGNUM=CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07
SHORTNUM=CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02

# Joins words hyphenated at line ends and squeezes spaces, so phrases can
# be searched in pdftotext output.
flat() { pdftotext -layout "$1" - | sed 's/^ *//; s/  */ /g' |
    awk '{ if (prev ~ /[[:alpha:]]-$/) { sub(/-$/, "", prev); prev = prev $0 } else { if (NR > 1) print prev; prev = $0 } } END { print prev }' |
    tr '\n' ' ' | sed 's/  */ /g'; }

# ---- the command line ------------------------------------------------
check "--version" sh -c "$PLENO --version | grep -q '^pleno [0-9]'"
check "--help" sh -c "$PLENO --help | grep -q 'pleno render'"
check "check --help" sh -c "$PLENO check --help | grep -q -- '--format=json'"
check "render --help" sh -c "$PLENO render --help | grep -q -- '--draft'"
check "rules --help" sh -c "$PLENO rules --help | grep -q 'pleno rules'"
"$PLENO" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "sin argumentos: estado 2"
"$PLENO" frobnicate >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "orden desconocida: estado 2"
"$PLENO" check --format=xml "$SHORT" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "formato desconocido: estado 2"
"$PLENO" render "$SHORT" "$BIG" -o "$T/x.pdf" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "-o con dos documentos: estado 2"
"$PLENO" check "$T/no-existe.xml" >"$T/out" 2>&1
[ $? -eq 2 ] && grep -q 'no-existe.xml: error: no se puede abrir el archivo: no existe \[IO-001\]' "$T/out" && ok || bad "archivo inexistente"

# rules: every id listed with severity and description
"$PLENO" rules >"$T/rules" 2>&1
for id in XML-001 XML-002 XSD-001 KIND-001 FONT-001 NUM-001 NUM-002 NUM-003 ORD-001 DATE-001 SIG-001; do
    grep -q "^$id " "$T/rules" && ok || bad "pleno rules lista $id"
done
"$PLENO" rules --format=json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert all(set(x)>={"id","severity","description"} for x in r) and len(r)>=11' \
    && ok || bad "pleno rules --format=json"

# ---- check -------------------------------------------------------------
out=$("$PLENO" check samples/acuerdo/*.xml 2>&1)
st=$?
[ $st -eq 0 ] && [ -z "$out" ] && ok || bad "check de las muestras: sin salida y estado 0 (fue $st: $out)"
out=$("$PLENO" check samples/ 2>&1)
[ $? -eq 0 ] && [ -z "$out" ] && ok || bad "check de una carpeta"
# the seguimiento example of README.md is clean under every rule
{ echo '<?xml version="1.0" encoding="UTF-8"?>'
  awk '/^## Cómo escribir un seguimiento/ { on = 1 } on && /^```xml/ { inx = 1; next } inx && /^```/ { exit } inx' README.md
} >"$T/seguimiento.xml"
out=$("$PLENO" check "$T/seguimiento.xml" 2>&1)
[ $? -eq 0 ] && [ -z "$out" ] && grep -q '<seguimiento' "$T/seguimiento.xml" && ok ||
    bad "el ejemplo de seguimiento del README es válido: $out"
# the programa of README.md is valid and clean
awk '/Cómo escribir un programa anual de trabajo/ { on = 1 } on && /^```xml/ { inx = 1; next } inx && /^```/ { exit } inx' \
    README.md >"$T/readme-programa.xml"
out=$("$PLENO" check "$T/readme-programa.xml" 2>&1)
[ $? -eq 0 ] && [ -z "$out" ] && grep -q '<programa' "$T/readme-programa.xml" && ok ||
    bad "el ejemplo de programa del README: $out"
[ "$("$PLENO" check --format=json "$SHORT")" = "[]" ] && ok || bad "json vacío"
"$PLENO" check --format=sarif "$SHORT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["version"]=="2.1.0" and d["runs"][0]["results"]==[]' \
    && ok || bad "sarif vacío"

# a broken document: one line per problem, file:line:col, exit 1
sed 's|<sesion tipo="ordinaria" numero="1"|<sesion tipo="ordinaria" numero="1" color="rojo"|' "$SHORT" >"$T/roto.xml"
out=$("$PLENO" check "$T/roto.xml" 2>&1)
[ $? -eq 1 ] && echo "$out" | grep -q "roto.xml:5:5: error: el atributo «color» no está permitido en <sesion> \[XSD-001\]" \
    && ok || bad "diagnóstico de esquema con línea y columna: $out"
"$PLENO" check --format=json "$T/roto.xml" | python3 -c '
import json,sys
d=json.load(sys.stdin)
assert len(d)==1
x=d[0]
assert (x["line"],x["column"],x["severity"],x["rule"])==(5,5,"error","XSD-001"), x
assert x["xpath"]=="/acuerdo/metadatos[1]/sesion[1]", x
assert x["file"].endswith("roto.xml")' && ok || bad "diagnóstico JSON (file, line, column, severity, rule, message, xpath)"
"$PLENO" check --format=sarif "$T/roto.xml" | python3 -c '
import json,sys
d=json.load(sys.stdin)
r=d["runs"][0]["results"][0]
assert r["ruleId"]=="XSD-001" and r["locations"][0]["physicalLocation"]["region"]=={"startLine":5,"startColumn":5}' \
    && ok || bad "diagnóstico SARIF"

# ---- render: the short acuerdo -------------------------------------------
"$PLENO" render "$SHORT" -o "$T/short.pdf" >"$T/out" 2>&1
[ $? -eq 0 ] && [ -s "$T/short.pdf" ] && ok || bad "render del acuerdo ordinario: $(cat "$T/out")"
ls "$T" | grep -q tmp && bad "quedó un temporal" || ok

pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

for pdf in short big; do
    case $pdf in
    short) src=$SHORT num=$SHORTNUM ;;
    big) src=$BIG num=$BIGNUM
         "$PLENO" render -o "$T/big.pdf" "$src" >"$T/out" 2>&1 && ok || bad "render del acuerdo con anexo: $(cat "$T/out")" ;;
    esac
    f=$T/$pdf.pdf
    n=$(pages "$f")
    qpdf --check "$f" >"$T/qpdf" 2>&1 && grep -q "No syntax or stream encoding errors" "$T/qpdf" && ok || bad "$pdf: qpdf --check"
    # every font embedded and subset
    pdffonts "$f" | awk 'NR>2 && $(NF-4)!="yes"{bad=1} END{exit bad}' && ok || bad "$pdf: fuentes sin incrustar"
    pdffonts "$f" | grep -q NotoSerif && ok || bad "$pdf: Noto Serif"
    # "Página k de N" on every page, N exact
    k=1
    okp=1
    while [ $k -le "$n" ]; do
        pdftotext -f $k -l $k -layout "$f" - | grep -q "Página $k de $n" || okp=0
        pdftotext -f $k -l $k -layout "$f" - | grep -q "$num" || okp=0
        k=$((k + 1))
    done
    [ $okp -eq 1 ] && ok || bad "$pdf: «Página k de $n» y el número en cada página"
    pdftotext -layout "$f" - 2>&1 | grep -qi "warning\|error" && bad "$pdf: pdftotext se queja" || ok
    # determinism
    "$PLENO" render "$src" -o "$T/again.pdf" >/dev/null 2>&1
    cmp -s "$f" "$T/again.pdf" && ok || bad "$pdf: dos renders idénticos byte a byte"
    # PDF metadata
    pdfinfo "$f" | grep -q "^Subject: *$num" && ok || bad "$pdf: Subject = número del acuerdo"
done

[ "$(pages "$T/short.pdf")" -eq 2 ] && ok || bad "el acuerdo ordinario ocupa 2 páginas"
nb=$(pages "$T/big.pdf")
[ "$nb" -ge 40 ] && [ "$nb" -le 70 ] && ok || bad "el acuerdo con anexo: entre 40 y 70 páginas (tiene $nb)"

# text round trip: accents, ñ, ¿¡, «», º, every considerando and punto
flat "$T/short.pdf" >"$T/short.txt"
for s in "¿Qué sigue? Su publicación y su seguimiento trimestral; ¡nada menos!" \
    "«con especial atención a los municipios»" \
    "1. Que el 4 de mayo de 2015" "5. Que en el punto número 6" \
    "PRIMERO. Se aprueba el Programa Anual de Trabajo 2018" "SEGUNDO. El presente Acuerdo" \
    "TERCERO. Se instruye al Secretario Ejecutivo" "CONSIDERANDO" "ACUERDO" \
    "Dr. Francisco J. Acuña Llamas" "Lic. Federico Guzmán Tamayo"; do
    grep -qF -- "$s" "$T/short.txt" && ok || bad "texto del acuerdo ordinario: «$s»"
done
flat "$T/big.pdf" >"$T/big.txt"
k=1
while [ $k -le 13 ]; do
    grep -qE "(^| )$k\. Que" "$T/big.txt" && ok || bad "considerando $k"
    k=$((k + 1))
done
for s in "PRIMERO. Se aprueba el “Documento de Políticas de Gobierno Abierto" \
    "SEGUNDO. El presente Acuerdo entrará en vigor" "TERCERO. Se instruye al Secretario Ejecutivo" \
    "ANEXO 1 DEL ACUERDO CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07" "artículo 6º, apartado A" \
    "¿Hacia dónde avanzar?" "ÍNDICE DE GOBIERNO ABIERTO 2015" "PROYECTO 2: BANCO DE BUENAS PRÁCTICAS" \
    "Fichas resumen por proyecto" "Hojas de ruta" "(continúa)" "Democracy-index-2014.pdf"; do
    grep -qF -- "$s" "$T/big.txt" && ok || bad "texto del anexo: «$s»"
done
# the index: its entries end in the right page numbers
python3 - "$T/big.pdf" <<'PY' && ok || bad "el índice apunta a las páginas correctas"
import re, subprocess, sys
f = sys.argv[1]
n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout).group(1))
pages = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", f, "-"], capture_output=True, text=True).stdout for i in range(1, n + 1)]
toc = next(p for p in pages if "Índice" in p and "Presentación" in p)
entries = re.findall(r"^\s*(\S.*?)\s*(?:\.\s*){3,}(\d+)\s*$", toc, re.M)
assert len(entries) >= 10, entries
for title, num in entries:
    body = pages[int(num) - 1]
    words = title.split()[:3]
    assert all(w in body for w in words), (title, num)
PY
# footnotes on the page of their reference
python3 - "$T/big.pdf" <<'PY' && ok || bad "cada nota al pie en la página de su llamada"
import re, subprocess, sys
f = sys.argv[1]
n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout).group(1))
checks = {"sustainabledevelopment": "Agenda 2030 de Desarrollo Sostenible",
          "rti-rating": "Rating Global de Derecho a la Información",
          "opendatabarometer": "Barómetro de los Datos Abiertos 2015"}
for note, ref in checks.items():
    found = False
    for i in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", f, "-"], capture_output=True, text=True).stdout
        t = re.sub(r"\s+", " ", t)
        if note in t:
            assert " ".join(ref.split()[:3]) in t, (note, i)
            found = True
    assert found, note
PY
# outline: a bookmark for the acuerdo, the anexo and every section
python3 - "$T/big.pdf" <<'PY' && ok || bad "marcadores del documento"
import json, subprocess, sys
j = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", sys.argv[1]], capture_output=True, text=True).stdout)
titles = []
def walk(items):
    for o in items:
        titles.append(o["title"]); walk(o.get("kids", []))
walk(j["outlines"])
for t in ["Acuerdo CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07", "Presentación", "Diagnóstico", "Hojas de ruta", "Fichas resumen por proyecto"]:
    assert any(t in x for x in titles), (t, titles[:10])
PY

# ---- the gate, drafts, atomic output ------------------------------------
sed 's|<numero>CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02</numero>|<numero>CONAIP/SNT/ACUERDO/ORD01-14/03/2018</numero>|' "$SHORT" >"$T/mal.xml"
if "$PLENO" rules | grep -q '^NUM-001 '; then
    echo viejo >"$T/mal.pdf"
    "$PLENO" render "$T/mal.xml" -o "$T/mal.pdf" >"$T/out" 2>&1
    st=$?
    [ $st -eq 1 ] && ok || bad "render de un documento con errores: estado 1 (fue $st)"
    [ -e "$T/mal.pdf" ] && bad "render rechazado dejó un PDF" || ok
    grep -q "NUM-001" "$T/out" && ok || bad "render rechazado muestra el diagnóstico"
    "$PLENO" render --draft "$T/mal.xml" -o "$T/mal.pdf" >"$T/out" 2>&1
    st=$?
    [ $st -eq 1 ] && [ -s "$T/mal.pdf" ] && ok || bad "--draft compone aunque haya errores (estado 1, fue $st)"
    # the watermark is what a reader sees: red ink on every page
    pdftoppm -r 20 "$T/mal.pdf" "$T/mal" && python3 - "$T"/mal-*.ppm <<'PY' && ok || bad "marca de agua visible en cada página"
import sys
for f in sys.argv[1:]:
    d = open(f, "rb").read()
    parts = d.split(b"\n", 3)
    w, h = map(int, parts[1].split()); px = parts[3]
    red = sum(1 for i in range(0, w * h * 3, 3) if px[i] > px[i + 1] + 30 and px[i] > px[i + 2] + 30)
    assert red > w * h * 0.005, (f, red)
PY
    [ "$(ls "$T"/mal-*.ppm | wc -l)" -eq "$(pages "$T/mal.pdf")" ] && ok || bad "una imagen por página"
fi
pdftotext "$T/short.pdf" - | grep -q BORRADOR && bad "un documento válido no lleva marca de agua" || ok
# not even a model: no draft possible, no file
printf '<acuerdo xmlns="urn:pleno:snt:acuerdo:1"><metadatos>' >"$T/trunc.xml"
"$PLENO" render --draft "$T/trunc.xml" -o "$T/trunc.pdf" >/dev/null 2>&1
[ $? -eq 1 ] && [ ! -e "$T/trunc.pdf" ] && ok || bad "XML roto: estado 1 y ningún archivo"
# an unwritable target: status 2, nothing left
mkdir -p "$T/ro"
chmod 555 "$T/ro"
if [ "$(id -u)" -ne 0 ]; then
    "$PLENO" render "$SHORT" -o "$T/ro/x.pdf" >/dev/null 2>&1
    [ $? -eq 2 ] && ok || bad "destino sin permiso: estado 2"
fi
"$PLENO" render "$SHORT" -o "$T/no/such/dir/x.pdf" >"$T/out" 2>&1
[ $? -eq 2 ] && ! ls "$T/no" >/dev/null 2>&1 && grep -q "la carpeta .*/no/such/dir no existe \[IO-005\]" "$T/out" \
    && ok || bad "carpeta de destino inexistente: estado 2 y el porqué: $(cat "$T/out")"
# -d with several files, -j 2
"$PLENO" render -d "$T/outdir" -j 2 samples/acuerdo/*.xml >"$T/out" 2>&1
[ $? -eq 0 ] && [ -s "$T/outdir/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.pdf" ] &&
    [ -s "$T/outdir/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.pdf" ] && ok || bad "render -d CARPETA -j 2: $(cat "$T/out")"
cmp -s "$T/outdir/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.pdf" "$T/big.pdf" && ok || bad "-j 2 da los mismos bytes"
# SOURCE_DATE_EPOCH sets the dates; otherwise the document's date
SOURCE_DATE_EPOCH=1500000000 "$PLENO" render "$SHORT" -o "$T/sde.pdf" >/dev/null 2>&1
pdfinfo "$T/sde.pdf" | grep -q "CreationDate:.*2017" && ok || bad "SOURCE_DATE_EPOCH"
pdfinfo "$T/short.pdf" | grep -q "CreationDate:.*Mar 14 .*2018" && ok || bad "fecha del documento en el PDF"
# a character the font does not have is an error, not a box
sed 's|¿Qué sigue?|¿Qué sigue? ⌘|' "$SHORT" >"$T/glifo.xml"
"$PLENO" render "$T/glifo.xml" -o "$T/glifo.pdf" >"$T/out" 2>&1
[ $? -eq 1 ] && [ ! -e "$T/glifo.pdf" ] && grep -q "glifo.xml:[0-9]*:[0-9]*: error: el carácter «⌘» (U+2318) no existe en la fuente" "$T/out" \
    && ok || bad "carácter sin glifo: FONT-001 y ningún archivo: $(cat "$T/out")"

# ---- kerning --------------------------------------------------------------
# Kerning from the fonts' GPOS: a kerned word is narrower than its letters
# set apart (pdftotext -bbox measures what is drawn), and pdftotext still
# reads it as one word.
sed 's|¿Qué sigue?|¿Qué sigue?</p><p>AVATAR A V A T A R Te T e</p><p>|' "$SHORT" >"$T/kern.xml"
"$PLENO" render "$T/kern.xml" -o "$T/kern.pdf" >"$T/out" 2>&1 && pdftotext -bbox "$T/kern.pdf" "$T/kern.html" &&
    python3 - "$T/kern.html" <<'PY' && ok || bad "AVATAR y Te más estrechos que sus letras sueltas: $(cat "$T/out")"
import re, sys
w = [(m.group(3), float(m.group(2)) - float(m.group(1)))
     for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                          open(sys.argv[1], encoding="utf-8").read())]
t = [x[0] for x in w]
i = t.index("AVATAR")
assert t[i:i + 10] == "AVATAR A V A T A R Te T e".split(), t[i:i + 10]
# Noto Serif, in 1/1000 em: AVATAR 4059 unkerned, 3779 kerned; Te 1148, 1098
r = w[i][1] / sum(x[1] for x in w[i + 1:i + 7])
assert 0.92 < r < 0.94, r
r = w[i + 7][1] / (w[i + 8][1] + w[i + 9][1])
assert 0.95 < r < 0.96, r
PY

# Justified lines are flush: on the body pages of the big acuerdo, every
# line that starts at the left margin and ends near the right one ends
# exactly at it (what is measured, kerning included, is what is drawn).
python3 - "$T/big.pdf" <<'PY' && ok || bad "líneas justificadas al ras del margen derecho"
import collections, re, subprocess, sys
for page in (2, 3, 4):
    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", sys.argv[1], "-"],
                          capture_output=True, text=True).stdout
    left, right = {}, collections.defaultdict(float)
    for m in re.finditer(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)"', html):
        y = round(float(m.group(3)), 1)
        left[y] = min(left.get(y, 1e9), float(m.group(1)))
        right[y] = max(right[y], float(m.group(2)))
    lmargin = collections.Counter(round(x, 1) for x in left.values()).most_common(1)[0][0]
    rmargin = collections.Counter(round(x, 1) for x in right.values()).most_common(1)[0][0]
    near = [right[y] for y in right if abs(left[y] - lmargin) < 0.05 and right[y] > rmargin - 3]
    assert len(near) > 10, (page, len(near))
    assert all(abs(x - rmargin) < 0.02 for x in near), (page, rmargin, sorted(near))
PY

finish
