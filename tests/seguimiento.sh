#!/bin/sh
# The seguimiento layout (layouts/seguimiento.{xml,c}) as a reader sees
# it: the sample renders in landscape, every product is in the table, no
# ditto mark is left, the rows that repeat an objective show it resolved,
# what is pending says so, and the summary's figures are those computed
# here from the XML. Ends with "N passed, M failed".
#
#   PLENO=build/pleno sh tests/seguimiento.sh
. tests/lib.sh

SAMPLE=samples/seguimiento/CGAyTP-SEGUIMIENTO-ORD02-2021-CORTE-20-04-2021.xml

# What the XML says, computed without pleno: per product its id, the
# objective it resolves to (following idem up the rows), whether the
# printed table wrote a ditto for it, its progress; the summary rows.
cat >"$T/expect.py" <<'PY'
import re, sys
import xml.etree.ElementTree as ET

NS = "{urn:pleno:snt:seguimiento:1}"

def plain(e):
    return re.sub(r"\s+", " ", "".join(e.itertext())).strip()

def progress(e):
    """0..100, 'pendiente' or None (pl_seg_avance)."""
    partes = e.findall(NS + "parte")
    if partes:
        vals = [int(p.get("avance")) for p in partes if p.get("avance") is not None]
        if vals:
            return (2 * sum(vals) + len(vals)) // (2 * len(vals))  # halves up
        return "pendiente" if any(p.get("estado") == "pendiente" for p in partes) else None
    if e.get("avance") is not None:
        return int(e.get("avance"))
    return "pendiente" if e.get("estado") == "pendiente" else None

def load(path):
    root = ET.parse(path).getroot()
    objs, line_obj = {}, {}
    for o in root.iter(NS + "objetivo"):
        objs[o.get("id")] = plain(o.find(NS + "texto"))
        for l in o.findall(NS + "linea-accion"):
            line_obj[l.get("id")] = o.get("id")
    groups = [(g.get("clave"), plain(g)) for g in root.iter(NS + "grupo")]
    rows, prev = [], None
    for p in root.iter(NS + "producto"):
        idem = (p.get("idem") or "").split()
        if p.get("objetivo"):
            obj = p.get("objetivo")
        elif "objetivo" in idem:
            obj = prev["obj"] if prev else None
        else:
            obj = line_obj.get(p.get("id").rsplit(".", 1)[0])
        if p.get("grupo"):
            grp = p.get("grupo")
        elif "grupo" in idem:
            grp = prev["grp"] if prev else None
        else:
            grp = None
        row = dict(id=p.get("id"), obj=obj, grp=grp, ditto="objetivo" in idem,
                   av=progress(p))
        rows.append(row)
        prev = row
    return objs, groups, rows

def tally(rows):
    pct = [r["av"] for r in rows if isinstance(r["av"], int)]
    mean = (20 * sum(pct) + len(pct)) // (2 * len(pct)) if pct else None  # tenths
    if mean is None:
        shown = "—"
    elif mean % 10:
        shown = "%d.%d %%" % (mean // 10, mean % 10)
    else:
        shown = "%d %%" % (mean // 10)
    return (len(rows), shown, sum(1 for v in pct if v == 100),
            sum(1 for r in rows if r["av"] == "pendiente"))

def summary(objs, groups, rows):
    """(label at the start of the line, figures) of each summary row."""
    out = []
    for clave, name in groups + [(None, "Sin grupo de trabajo asignado")]:
        sel = [r for r in rows if r["grp"] == clave]
        if sel:
            out.append((name, tally(sel)))
    out.append(("Todos los productos", tally(rows)))
    for oid in objs:
        sel = [r for r in rows if r["obj"] == oid]
        if sel:
            out.append(("%s %s" % (oid, objs[oid].split()[0]), tally(sel)))
    out.append(("Todos los productos", tally(rows)))
    return out

if __name__ == "__main__":
    what, path = sys.argv[1], sys.argv[2]
    objs, groups, rows = load(path)
    if what == "ids":
        for r in rows:
            print(r["id"])
    elif what == "ditto":  # id, then the resolved objective's id and first words
        for r in rows:
            if r["ditto"]:
                print("%s\t%s %s" % (r["id"], r["obj"], " ".join(objs[r["obj"]].split()[:3])))
    elif what == "summary":
        for label, (n, mean, full, pend) in summary(objs, groups, rows):
            print("%s\t%d\t%s\t%d\t%d" % (label, n, mean, full, pend))
PY

# Checks the summary page(s) of $1 (pdftotext -layout) against $2.
check_summary() {
    python3 - "$1" "$2" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = text[text.index("Resumen del avance"):]
lines = [l.strip() for l in text.splitlines()]
i = 0
for exp in open(sys.argv[2], encoding="utf-8").read().splitlines():
    label, n, mean, full, pend = exp.split("\t")
    while i < len(lines) and not lines[i].startswith(label):
        i += 1
    assert i < len(lines), "falta la fila «%s» del resumen" % label
    m = re.search(r"\s(\d+)\s+(\d+(?:\.\d)? %|—)\s+(\d+)\s+(\d+)$", lines[i])
    got = m.groups() if m else None
    assert got == (n, mean, full, pend), "«%s»: %s, se esperaba %s" % (label, got, (n, mean, full, pend))
    i += 1
PY
}

# ---- the sample ------------------------------------------------------------
"$PLENO" render -o "$T/s.pdf" "$SAMPLE" >"$T/out" 2>&1 && ok || { bad "render del seguimiento"; cat "$T/out"; }
pdfinfo "$T/s.pdf" | grep -q 'Page size: *792 x 612' && ok || bad "carta apaisada (792 x 612)"
pages=$(pdfinfo "$T/s.pdf" | awk '/^Pages:/{print $2}')
qpdf --check "$T/s.pdf" >/dev/null 2>&1 && ok || bad "qpdf --check"
pdftotext -layout "$T/s.pdf" "$T/s.txt"
pdftotext "$T/s.pdf" "$T/raw.txt"

missing=""
for id in $(python3 "$T/expect.py" ids "$SAMPLE"); do
    grep -q "\\b$id\\b" "$T/s.txt" || missing="$missing $id"
done
[ -z "$missing" ] && [ -n "$(python3 "$T/expect.py" ids "$SAMPLE")" ] && ok ||
    bad "faltan productos en la tabla:$missing"

# a ditto mark is a cell holding only a double quote
grep -nE '(^|[[:space:]])"([[:space:]]|$)' "$T/s.txt" >"$T/ditto" && bad "comillas de ídem en la tabla: $(cat "$T/ditto")" || ok

# the rows that wrote a ditto for their objective show it resolved (pdftotext
# joins the cell's hyphenated lines back)
python3 "$T/expect.py" ditto "$SAMPLE" >"$T/ditto.exp"
[ -s "$T/ditto.exp" ] && ok || bad "la muestra tiene filas con idem=\"objetivo\""
tr -s ' \n' '  ' <"$T/raw.txt" >"$T/flat.txt"
while IFS="$(printf '\t')" read -r id obj; do
    grep -qF "$obj" "$T/flat.txt" && ok || bad "$id: no se ve su objetivo resuelto «$obj…»"
done <"$T/ditto.exp"

# pending cells say so: one «Pendiente» per documento-base or
# medio-verificacion with estado="pendiente"
want=$(grep -cE '<(documento-base|medio-verificacion) estado="pendiente"' "$SAMPLE")
have=$(grep -ow 'Pendiente' "$T/s.txt" | wc -l)
[ "$want" -gt 0 ] && [ "$have" -eq "$want" ] && ok || bad "«Pendiente»: $have de $want"

# progress: "NN %" on each product's line
grep -E 'A\.1\.1\.1 .* 30 % ' "$T/s.txt" >/dev/null && ok || bad "A.1.1.1 con 30 %"

# the running header: cut-off date in words and the logo on every page
[ "$(grep -c 'Fecha de corte: 20 de abril de 2021$' "$T/s.txt")" -eq "$pages" ] && ok ||
    bad "encabezado con la fecha de corte en cada página"
[ "$(pdfimages -list "$T/s.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)" -eq "$pages" ] &&
    ok || bad "el logotipo del encabezado está en cada página"
grep -q "Página $pages de $pages" "$T/s.txt" && ok || bad "pie «Página N de M»"

# the summary
python3 "$T/expect.py" summary "$SAMPLE" >"$T/sum.exp"
check_summary "$T/s.txt" "$T/sum.exp" && ok || bad "resumen de la muestra"

# the typographic report: no TYPO-001 … TYPO-006
"$PLENO" render --report --format=json -o "$T/r.pdf" "$SAMPLE" >"$T/r.json" 2>"$T/r.err"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
typo = [x for x in d if x["rule"].startswith("TYPO-")]
for x in typo:
    print(x["rule"], x["line"], x["message"])
assert not typo and any("informe tipográfico" in x["message"] for x in d)
' "$T/r.json" && ok || bad "informe tipográfico sin TYPO-001 … TYPO-006"

# ---- a pending product and one at 100 % -----------------------------------
sed -e 's|<producto id="A.1.1.2" objetivo="A.1" linea="A.1.1" grupo="CGAyTP" avance="40">|<producto id="A.1.1.2" objetivo="A.1" linea="A.1.1" grupo="CGAyTP" estado="pendiente">|' \
    -e 's|<producto id="A.1.2.1" objetivo="A.1" linea="A.1.2" grupo="GdT2" avance="40">|<producto id="A.1.2.1" objetivo="A.1" linea="A.1.2" grupo="GdT2" avance="100">|' \
    "$SAMPLE" >"$T/v.xml"
grep -q 'id="A.1.1.2" .*estado="pendiente"' "$T/v.xml" && grep -q 'avance="100"' "$T/v.xml" && ok ||
    bad "la variante cambia A.1.1.2 y A.1.2.1"
"$PLENO" render -o "$T/v.pdf" "$T/v.xml" >"$T/out" 2>&1 && ok || { bad "render de la variante"; cat "$T/out"; }
pdftotext -layout "$T/v.pdf" "$T/v.txt"
grep -E 'A\.1\.1\.2 .*Pendiente' "$T/v.txt" >/dev/null && ok || bad "A.1.1.2 pendiente: «Pendiente» en Avance"
grep -E 'A\.1\.2\.1 .* 100 % ' "$T/v.txt" >/dev/null && ok || bad "A.1.2.1 al 100 %"
python3 "$T/expect.py" summary "$T/v.xml" >"$T/vsum.exp"
grep -q "$(printf 'Coordinación e integrantes de la CGAyTP\t4\t[^\t]*\t0\t1')" "$T/vsum.exp" &&
    grep -q "$(printf 'GdT 2\t6\t[^\t]*\t1\t0')" "$T/vsum.exp" && ok || bad "lo esperado de la variante: $(cat "$T/vsum.exp")"
check_summary "$T/v.txt" "$T/vsum.exp" && ok || bad "resumen de la variante"

# ---- the example of README.md (a pending product, no partes) -----------------
awk '/^## Cómo escribir un seguimiento/ { on = 1 } on && /^```xml/ { inx = 1; next } inx && /^```/ { exit } inx' \
    README.md >"$T/readme.xml"
"$PLENO" render -o "$T/m.pdf" "$T/readme.xml" >"$T/out" 2>&1 && ok || { bad "render del ejemplo del README"; cat "$T/out"; }
pdftotext -layout "$T/m.pdf" "$T/m.txt"
grep -E 'A\.1\.1\.2 .*Pendiente' "$T/m.txt" >/dev/null && ok || bad "README: A.1.1.2 «Pendiente»"
python3 "$T/expect.py" summary "$T/readme.xml" >"$T/msum.exp"
check_summary "$T/m.txt" "$T/msum.exp" && ok || bad "resumen del ejemplo del README"

finish
