#!/bin/sh
# Pathological inputs: generated worst cases must finish within a time
# limit, exit 0 and give a PDF that qpdf accepts, with every page's text
# present. Ends with "N passed, M failed".
set -u
PLENO=${PLENO:-build/pleno}
LIMIT=${LIMIT:-60}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 tests/pathological/gen.py "$T"
pass=0
fail=0
for f in "$T"/*.xml; do
    name=$(basename "$f" .xml)
    timeout "$LIMIT" "$PLENO" render --report "$f" -o "$T/$name.pdf" >"$T/$name.log" 2>&1
    st=$?
    if [ $st -ne 0 ] || ! qpdf --check "$T/$name.pdf" >/dev/null 2>&1; then
        echo "FALLA: $name (estado $st): $(head -c 300 "$T/$name.log")"
        fail=$((fail + 1))
        continue
    fi
    # nothing lost: count what the generator wrote, in the PDF's text
    if ! python3 - "$name" "$T/$name.pdf" "$T/$name.log" <<'PY'; then
import re, subprocess, sys
name, pdf, log = sys.argv[1:4]
t = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
# page furniture interrupts sentences that continue on the next page
furniture = re.compile(r"^(Página \d+ de \d+|SISTEMA NACIONAL DE TRANSPARENCIA|ACCESO A LA "
                       r"INFORMACIÓN.*|Consejo Nacional|CONAIP/SNT/.*|\(continúa\)|A|B|G|X|Y)$")
t = "\n".join(l for l in t.replace("\f", "\n").split("\n") if not furniture.match(l.strip()))
t = re.sub(r"\n\s*\n", "\n", t)
flat = re.sub(r"-\n", "", t)
flat = re.sub(r"\s+", " ", flat)
s = "Que la transparencia proactiva y el gobierno abierto"
want = {"nota-enorme": 90, "fila-gigante": 120, "diez-mil": 10000}
if name in want:
    got = flat.count(s)
    assert got == want[name], (name, got)
if name == "tabla-larga":
    raw = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert "grupo 999" in flat and raw.count("(continúa)") >= 50, name
log_text = open(log).read()
if name == "palabra-enorme":
    assert re.search(r"en la página \d+: .*\[TYPO-001\]", log_text), "overfull line not reported"
if name == "nota-enorme":
    assert re.search(r"la nota al pie no cabe entera en la página \d+ de su llamada: continúa en "
                     r"la página \d+ \[TYPO-006\]", log_text), "long footnote not reported"
PY
        echo "FALLA: $name: se perdió texto o faltó el aviso"
        fail=$((fail + 1))
        continue
    fi
    pass=$((pass + 1))
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
