#!/bin/sh
# The informe de actividades as a reader sees it: it renders; the text
# extraction gives the cover, the index, the session dates in words, the
# meetings table and each chart's labels with their values; the charts
# are vector drawings (no image on their page, a rectangle per bar, bar
# lengths in proportion to the values, each value at its bar's end); no
# typographic warning; qpdf finds nothing wrong. Ends with
# "N passed, M failed".
#
#   PLENO=build/pleno sh tests/informe.sh
. tests/lib.sh

SRC=samples/informe/informe-gobierno-abierto-2019-2020.xml
PDF=$T/informe.pdf

"$PLENO" render -o "$PDF" "$SRC" >"$T/out" 2>&1
st=$?
if [ $st -ne 0 ] || [ ! -s "$PDF" ]; then
    bad "render del informe (estado $st): $(cat "$T/out")"
    echo "$pass passed, $fail failed"
    exit 1
fi
ok
qpdf --check "$PDF" >/dev/null 2>&1 && ok || bad "qpdf --check"
pdfinfo "$PDF" | grep -q 'Page size: *612 x 792' && ok || bad "carta, como dice layouts/informe.xml"

pdftotext -layout "$PDF" "$T/all.txt"
pages=$(pdfinfo "$PDF" | awk '/^Pages:/{print $2}')
page_text() { pdftotext -layout -f "$1" -l "$1" "$PDF" -; }
# the first page whose text has a line matching the pattern
page_of() {
    i=1
    while [ "$i" -le "$pages" ]; do
        if page_text "$i" | grep -Eq "$1"; then
            echo "$i"
            return
        fi
        i=$((i + 1))
    done
    echo 0
}
# Joins words hyphenated at line ends and squeezes spaces.
flat() { sed 's/^ *//; s/  */ /g' "$1" |
    awk '{ if (prev ~ /[[:alpha:]]-$/) { sub(/-$/, "", prev); prev = prev $0 } else { if (NR > 1) print prev; prev = $0 } } END { print prev }' |
    tr '\n' ' ' | sed 's/  */ /g'; }
flat "$T/all.txt" >"$T/flat.txt"
has() { grep -qF -- "$1" "$T/flat.txt"; }

# ---- cover, running header, index ------------------------------------
page_text 1 | grep -q 'INFORME DE ACTIVIDADES' && ok || bad "la portada lleva el título"
page_text 1 | grep -q 'Periodo que se informa: del 22 de noviembre de 2019 al 10 de noviembre de 2020' &&
    ok || bad "la portada da el periodo en palabras"
page_text 1 | grep -q 'Página' && bad "la portada no lleva número de página" || ok
page_text 2 | head -4 | grep -q 'noviembre de 2019 a noviembre de 2020' && ok ||
    bad "el encabezado lleva el periodo ({metadatos/periodo/@inicio:mes})"
page_text 2 | grep -q "Página 2 de $pages" && ok || bad "el pie lleva «Página N de M»"
page_text 2 | grep -q 'Índice' && ok || bad "el índice va en la página 2"
grep -Eq '^Reuniones de Trabajo( \.)+ +[0-9]+$' "$T/all.txt" && ok || bad "el índice lista las secciones con su página"
[ "$(pdfimages -list "$PDF" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)" -eq "$pages" ] && ok ||
    bad "sólo el emblema es imagen: uno por página"

# ---- sessions: dates in words, matters numbered ------------------------
for d in 'Jueves 9 de enero de 2020' 'Lunes 10 de agosto de 2020' 'Martes 10 de noviembre de 2020' \
         'Lunes 25 de mayo de 2020' 'Martes 20 de octubre de 2020'; do
    has "$d" && ok || bad "la fecha de la sesión en palabras: $d"
done
has 'PRIMER SESIÓN ORDINARIA Jueves 9 de enero de 2020 1.- Se aprobó el Plan de Trabajo' && ok ||
    bad "la sesión: título, fecha y asuntos numerados 1.-"
has '3.- Se recibió y dio cuenta de la propuesta' && ok || bad "el tercer asunto de la segunda sesión"

# ---- the meetings table and the people tables --------------------------
grep -Eq '^ *FECHA +ASUNTO *$' "$T/all.txt" && ok || bad "la tabla de reuniones con su cabecera"
# the source writes «1 julio de 2020»; the date comes from @fecha
has '1 de julio de 2020 Reunión con particular' && ok || bad "la fecha de la reunión sale de @fecha"
[ "$(grep -cE '^ *FECHA +ASUNTO *$' "$T/all.txt")" -le 2 ] && ok || bad "la cabecera se repite sólo si la tabla sigue"
grep -Eq '^ *Francisco Javier Acuña Llamas +Comisionado Presidente del INAI\. *$' "$T/all.txt" && ok ||
    bad "personas: nombre y cargo en la misma fila"

# ---- key figures -------------------------------------------------------
# two cards side by side: the numbers on one line, the units on the next
grep -Eq '^ *1,000,000 +700 *$' "$T/all.txt" && grep -Eq '^ *usuarios +seguidores *$' "$T/all.txt" && ok ||
    bad "las cifras destacadas: número y unidad, lado a lado"
has '102,000 personas Alcance a más de 102,000 personas' && ok || bad "una cifra sola: número, unidad, texto"

# ---- the horizontal bar chart: each label with its value ---------------
for pair in 'Objetivo 16:24' 'Objetivo 5:8' 'Objetivo 4:7' 'Objetivo 11:5' 'Objetivo 1:5' \
            'Objetivo 6:3' 'Objetivo 8:3' 'Objetivo 3:2' 'Objetivo 12:1' 'Objetivo 2:1' 'Objetivo 15:1'; do
    label=${pair%:*}
    value=${pair#*:}
    grep -Eq "^ *$label +$value *\$" "$T/all.txt" && ok || bad "gráfica: «$label» con su valor $value en la misma línea"
done
has 'Total: 60 compromisos' && ok || bad "gráfica: el total declarado"
has 'Objetivo 16. Promover sociedades pacíficas e inclusivas' && ok || bad "gráfica: la descripción de cada objetivo"

# ---- the vertical bar chart: values and legend -------------------------
for s in 'Representantes de entidades públicas: 105 (57.1%)' 'Representantes de la academia: 17 (9.2%)' \
         'Hombres: 110 (59.8%)' 'Mujeres: 74 (40.2%)' 'Integración de los STL' 'Estadística de género'; do
    has "$s" && ok || bad "gráfica vertical: «$s»"
done

# ---- the charts are vector drawings -------------------------------------
hpage=$(page_of '^ *Objetivo 16 +24 *$')
vpage=$(page_of 'Estadística de género')
[ "$hpage" -gt 0 ] && [ "$vpage" -gt 0 ] && ok || bad "las páginas de las gráficas ($hpage, $vpage)"
for p in $hpage $vpage; do
    n=$(pdfimages -f "$p" -l "$p" -list "$PDF" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)
    [ "$n" -eq 1 ] && ok || bad "página $p: la gráfica no es una imagen (hay $n imágenes; sólo el emblema)"
done
qpdf --qdf --object-streams=disable "$PDF" "$T/q.pdf" 2>/dev/null
pdftotext -bbox -f "$hpage" -l "$hpage" "$PDF" "$T/h.html"
if python3 - "$T/q.pdf" "$hpage" "$vpage" "$T/h.html" <<'PY'; then ok; else bad "gráficas: barras vectoriales proporcionales a los valores"; fi
import re, sys
qdf = open(sys.argv[1], "rb").read().decode("latin-1")
def rects(page):
    m = re.search(r"%% Contents for page " + page + r"\n.*?stream\n(.*?)endstream", qdf, re.S)
    assert m, "no content stream for page " + page
    return [tuple(map(float, r)) for r in
            re.findall(r"^([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re$", m.group(1), re.M)]
hp, vp = sys.argv[2], sys.argv[3]
# horizontal: eleven bars of one height, from one axis, widths in proportion
values = [24, 8, 7, 5, 5, 3, 3, 2, 1, 1, 1]
hr = rects(hp)
heights = {}
for r in hr:
    heights.setdefault(round(r[3], 2), []).append(r)
bars = max(heights.values(), key=len)
assert len(bars) == len(values), ("bars", len(bars))
bars.sort(key=lambda r: -r[1])  # top to bottom
assert len({round(r[0], 2) for r in bars}) == 1, "bars do not start at one axis"
unit = bars[0][2] / values[0]
for r, v in zip(bars, values):
    assert abs(r[2] - v * unit) < 0.05, (r, v, unit)
assert abs(bars[0][2] - 3 * bars[1][2]) < 0.05, "the 24-bar is three times the 8-bar"
# each value label sits just after its bar's end
words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                   open(sys.argv[4], encoding="utf-8").read())
lines = {}
for w in words:
    lines.setdefault(round(float(w[1])), []).append((float(w[0]), w[4]))
ends = []
for ws in lines.values():
    ws.sort()
    if len(ws) == 3 and ws[0][1] == "Objetivo":
        ends.append((ws[2][0], int(ws[2][1])))
assert len(ends) == len(values), ("value labels", ends)
x0 = bars[0][0]
for x, v in ends:
    assert abs(x - (x0 + v * unit) - 4) < 1.0, ("value label not at its bar's end", x, v)
# vertical: five bars on one baseline, heights in proportion (105 62 17 | 110 74)
vr = [r for r in rects(vp) if r[2] > 20 and r[3] > 7.5]  # not the legend's swatches
groups = {}
for r in vr:
    groups.setdefault(round(r[1], 1), []).append(r)  # by their bottom edge
hs = sorted(r[3] for r in max(groups.values(), key=len))
want = sorted([105, 62, 17, 110, 74])
assert len(hs) == 5, ("vertical bars", hs)
k = hs[-1] / want[-1]
for h, v in zip(hs, want):
    assert abs(h - v * k) < 0.05, (h, v)
PY

# ---- typographic report ---------------------------------------------------
"$PLENO" render --report --format=json -o "$T/r.pdf" "$SRC" >"$T/r.json" 2>"$T/r.err"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
typo = [x for x in d if x["rule"] in ("TYPO-001", "TYPO-002", "TYPO-003", "TYPO-004", "TYPO-005", "TYPO-006")]
for x in typo:
    print("  %s:%d:%d %s %s" % (x["file"], x["line"], x["column"], x["rule"], x["message"]))
assert not typo
' "$T/r.json" && ok || bad "render --report: ningún aviso TYPO-001 a TYPO-006"

# ---- the same source gives the same bytes ----------------------------------
"$PLENO" render -o "$T/again.pdf" "$SRC" >/dev/null 2>&1
cmp -s "$PDF" "$T/again.pdf" && ok || bad "dos renders idénticos byte a byte"

finish
