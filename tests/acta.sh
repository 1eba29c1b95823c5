#!/bin/sh
# The acta's page layout, end to end: the sample renders, and what a
# reader checks in an acta is in the PDF — the quorum counted from the
# roll call, every agenda point, who spoke, how votes went, the opening
# and closing times — with a clean typographic report, a sound file and
# an outline with one entry per agenda point, on the point's page. A
# variant exercises deferred points, majority votes, numbered agreements
# and signatures. Ends with "N passed, M failed".
#
#   PLENO=build/pleno sh tests/acta.sh
. tests/lib.sh

SAMPLE=samples/acta/CGAyTP-ACTA-ORD01-15-02-2021.xml

# Joins words hyphenated at line ends and squeezes spaces, so phrases can
# be searched in pdftotext output (as in tests/e2e.sh).
flat() { pdftotext -layout "$1" - | sed 's/^ *//; s/  */ /g' |
    awk '{ if (prev ~ /[[:alpha:]]-$/) { sub(/-$/, "", prev); prev = prev $0 } else { if (NR > 1) print prev; prev = $0 } } END { print prev }' |
    tr '\n' ' ' | sed 's/  */ /g'; }

# ---- it renders ------------------------------------------------------
"$PLENO" render "$SAMPLE" -o "$T/acta.pdf" >"$T/err" 2>&1
st=$?
[ $st -eq 0 ] && [ -s "$T/acta.pdf" ] && ok || { bad "el acta se compone (estado $st)"; cat "$T/err"; }
[ ! -s "$T/err" ] && ok || { bad "el acta se compone sin avisos"; cat "$T/err"; }
flat "$T/acta.pdf" >"$T/acta.txt"

# ---- what the acta says, computed from its source ----------------------
python3 - "$SAMPLE" "$T/acta.txt" <<'PY' >"$T/py.out" 2>&1 && ok || { bad "contenido del acta"; cat "$T/py.out"; }
import sys, xml.etree.ElementTree as ET
ns = {"a": "urn:pleno:snt:acta:1"}
root = ET.parse(sys.argv[1]).getroot()
text = open(sys.argv[2], encoding="utf-8").read()
def norm(s):
    return " ".join(s.split())
missing = []
def need(phrase, what):
    if norm(phrase) not in text:
        missing.append("%s: «%s»" % (what, phrase))

# the quorum, as ACTA-001 counts it
members = root.findall("a:asistencia/a:integrante", ns)
present = [m for m in members if m.get("asistencia") in ("presente", "representado")]
has = len(present) > len(members) // 2
need("Con %d de %d integrantes presentes o representados, %s" %
     (len(present), len(members), "hay quórum" if has else "no hay quórum"), "quórum")
need("Se declaró la existencia de quórum legal", "quórum declarado")

# every agenda point, in the agenda and as a heading
for p in root.findall("a:orden-del-dia/a:punto", ns):
    title = norm("".join(p.find("a:titulo", ns).itertext()))
    if text.count(title) < 2:
        missing.append("punto %s, en el orden del día y como encabezado: «%s»" % (p.get("numero"), title))

# every speaker, by cargo and name (integrantes) or name (personas)
label = {}
for m in members:
    cargo = m.findtext("a:cargo", default="", namespaces=ns).strip()
    label[m.get("clave")] = norm(cargo + " " + m.findtext("a:nombre", namespaces=ns))
for p in root.findall("a:participantes/a:persona", ns):
    label[p.get("clave")] = norm(p.findtext("a:nombre", namespaces=ns))
for iv in root.iter("{urn:pleno:snt:acta:1}intervencion"):
    who = iv.get("orador")
    need((label[who] if who else "Intervención") + ":", "orador %s" % who)

# votes, attendance, opening and closing
need("Votación. Aprobación del Orden del Día. Aprobado por unanimidad.", "votación")
need("Representado por C. Ruvalcaba", "asistencia por representación")
need("Se incorpora en el punto 2", "incorporación tardía")
need("En la Ciudad de México, siendo las once horas con veintitrés minutos del quince de febrero de dos mil veintiuno", "apertura")
need("para celebrar su Primera Sesión Ordinaria de 2021", "nombre de la sesión")
need("se clausuró la sesión a las doce horas con cincuenta y siete minutos", "cierre")
need("(Punto 5) Integración de los comisionados", "acuerdos")
assert not missing, "\n".join(missing)
PY

# ---- a clean typographic report ---------------------------------------
"$PLENO" render --report --format=json -o "$T/r.pdf" "$SAMPLE" >"$T/r.json" 2>"$T/r.err"
python3 - "$T/r.json" <<'PY' && ok || { bad "informe tipográfico sin TYPO-001…006"; cat "$T/r.json" "$T/r.err"; }
import json, sys
d = json.load(open(sys.argv[1]))
typo = [x for x in d if x["rule"] in ("TYPO-001", "TYPO-002", "TYPO-003", "TYPO-004", "TYPO-005", "TYPO-006")]
for x in typo:
    print(x)
assert not typo
assert any("informe tipográfico" in x["message"] for x in d)
PY

# ---- a sound, reproducible file ----------------------------------------
qpdf --check "$T/acta.pdf" >"$T/q" 2>&1 && ok || { bad "qpdf --check"; tail -5 "$T/q"; }
"$PLENO" render "$SAMPLE" -o "$T/again.pdf" >/dev/null 2>&1
cmp -s "$T/acta.pdf" "$T/again.pdf" && ok || bad "dos composiciones dan el mismo PDF"
pdfinfo "$T/acta.pdf" | grep -q '^Title: *Versión estenográfica de la Primera Sesión' && ok ||
    bad "el título del PDF es el del acta"

# ---- the outline: one entry per agenda point, on the point's page ------
qpdf --json --json-key=outlines --json-key=pages "$T/acta.pdf" >"$T/o.json" 2>"$T/o.err"
python3 - "$SAMPLE" "$T/o.json" "$T/acta.pdf" <<'PY' >"$T/py.out" 2>&1 && ok || { bad "marcadores del PDF"; cat "$T/py.out"; }
import json, subprocess, sys, xml.etree.ElementTree as ET
ns = {"a": "urn:pleno:snt:acta:1"}
root = ET.parse(sys.argv[1]).getroot()
d = json.load(open(sys.argv[2]))
pages = [p["object"] for p in d["pages"]]
entries = []
def walk(items):
    for o in items:
        entries.append(o)
        walk(o["kids"])
walk(d["outlines"])
titles = [o["title"] for o in entries]
for want in ("Lista de asistencia", "Orden del día", "Desarrollo de la sesión", "Acuerdos"):
    assert want in titles, (want, titles)
for p in root.findall("a:orden-del-dia/a:punto", ns):
    title = " ".join("".join(p.find("a:titulo", ns).itertext()).split())
    want = "%s. %s" % (p.get("numero"), title)
    hits = [o for o in entries if o["title"] == want]
    assert len(hits) == 1, ("one outline entry per point", want, titles)
    page = pages.index(hits[0]["dest"][0]) + 1
    txt = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), sys.argv[3], "-"],
                         capture_output=True, text=True).stdout
    assert " ".join(txt.split()).find(want.split(",")[0][:40]) >= 0, (want, "not on page", page)
PY

# ---- a variant: deferred point, majority vote, numbered agreement, ----
# ---- signatures, no place and no opening time --------------------------
python3 - "$SAMPLE" "$T/var.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace('<punto ref="4">', '<punto ref="4" estado="diferido">', 1)
s = s.replace('<votacion tipo="unanimidad"><asunto>Aprobación del acta',
              '<votacion tipo="mayoria" a-favor="20" en-contra="3" abstenciones="1"><asunto>Aprobación del acta', 1)
s = s.replace('<acuerdo punto="2">', '<acuerdo punto="2" numero="CGAyTP/ORD01/2021-01">', 1)
s = s.replace(' lugar="Ciudad de México"', '', 1)
s = s.replace('<hora-inicio>11:23</hora-inicio>', '', 1)
s = s.replace('</acuerdos>', '''</acuerdos>
  <firmas>
    <firma><nombre>María del Carmen Nava Polina</nombre><cargo>Comisionada Presidenta</cargo></firma>
    <firma><nombre>Luis Gustavo Parra Noriega</nombre><cargo>Comisionado Secretario</cargo></firma>
    <firma><nombre>Josefina Román Vergara</nombre><cargo>Comisionada</cargo></firma>
  </firmas>''', 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
"$PLENO" render "$T/var.xml" -o "$T/var.pdf" >"$T/err" 2>&1
st=$?
[ $st -eq 0 ] && ok || { bad "la variante se compone (estado $st)"; cat "$T/err"; }
flat "$T/var.pdf" >"$T/var.txt"
for phrase in \
    "El quince de febrero de dos mil veintiuno, se reunieron las personas integrantes de la Comisión" \
    "4. Revisión de acuerdos de la sesión anterior y su seguimiento. Diferido." \
    "Aprobado por mayoría: a favor 20, en contra 3, abstenciones 1." \
    "1. CGAyTP/ORD01/2021-01. (Punto 2) El Orden del Día" \
    "y se levanta la presente acta, que firman quienes en ella intervinieron."; do
    grep -qF "$phrase" "$T/var.txt" && ok || bad "variante: «$phrase»"
done
# two signatures side by side, the third alone below
pdftotext -layout "$T/var.pdf" - | grep -q 'María del Carmen Nava Polina  *Luis Gustavo Parra Noriega *$' &&
    ok || bad "variante: firmas lado a lado"
pdftotext -layout "$T/var.pdf" - | grep -q '^ *Josefina Román Vergara *$' && ok ||
    bad "variante: la tercera firma sola"
qpdf --check "$T/var.pdf" >/dev/null 2>&1 && ok || bad "variante: qpdf --check"

# ---- dates, times and session names in words ---------------------------
# number, tipo, date, opening, closing | what the opening, the session's
# name and the closing say
while IFS='|' read -r meta want_open want_name want_close; do
    set -- $meta
    sed -e "s/tipo=\"ordinaria\" numero=\"1\" fecha=\"2021-02-15\"/tipo=\"$2\" numero=\"$1\" fecha=\"$3\"/" \
        -e "s#<hora-inicio>11:23#<hora-inicio>$4#" -e "s#<hora-cierre>12:57#<hora-cierre>$5#" \
        -e "s#<fecha>2021-02-15#<fecha>$3#" "$SAMPLE" >"$T/w.xml"
    if "$PLENO" render "$T/w.xml" -o "$T/w.pdf" >"$T/err" 2>&1; then
        flat "$T/w.pdf" >"$T/w.txt"
        grep -qF "$want_open" "$T/w.txt" && grep -qF "$want_name" "$T/w.txt" &&
            grep -qF "$want_close" "$T/w.txt" && ok ||
            bad "en letras ($meta): «$want_open» … «$want_name» … «$want_close»"
    else
        bad "en letras ($meta): no se compone"
        cat "$T/err"
    fi
done <<'EOF'
12 extraordinaria 2021-03-21 01:01 21:21|siendo la una hora con un minuto del veintiuno de marzo de dos mil veintiuno,|celebrar su Décima Segunda Sesión Extraordinaria de 2021.|a las veintiuna horas con veintiún minutos del veintiuno de marzo
21 ordinaria 2000-01-01 00:00 23:59|siendo las cero horas del primero de enero de dos mil,|celebrar su Vigésima Primera Sesión Ordinaria de 2000.|a las veintitrés horas con cincuenta y nueve minutos del primero de enero de dos mil.
7 ordinaria 1999-12-31 10:00 10:01|siendo las diez horas del treinta y uno de diciembre de mil novecientos noventa y nueve,|celebrar su Séptima Sesión Ordinaria de 1999.|a las diez horas con un minuto del treinta y uno de diciembre
EOF

finish
