#!/bin/sh
# The typographic report (pleno render --report) on the samples, read as a
# user (or a pipeline) would: in JSON, no overfull or loose line, no widow
# or orphan, no ladder of hyphens, no footnote away from its reference;
# the summary agrees with the PDF. Ends with "N passed, M failed".
#
#   PLENO=build/pleno sh tests/report.sh
. tests/lib.sh

for f in samples/*/*.xml; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .xml)
    "$PLENO" render --report --format=json -o "$T/$name.pdf" "$f" >"$T/$name.json" 2>"$T/$name.err"
    st=$?
    if [ $st -ne 0 ]; then
        bad "$name: render --report (estado $st)"
        cat "$T/$name.err"
        continue
    fi
    pages=$(pdfinfo "$T/$name.pdf" | awk '/^Pages:/{print $2}')
    if python3 - "$T/$name.json" "$pages" <<'PY'; then ok; else bad "$name: informe tipográfico"; fi
import json, re, sys
diags = json.load(open(sys.argv[1]))
typo = [d for d in diags if d["rule"].startswith("TYPO-")]
for d in typo:
    print("  %s:%d:%d %s %s" % (d["file"], d["line"], d["column"], d["rule"], d["message"]))
summary = [d for d in diags if d["severity"] == "note" and "informe tipográfico" in d["message"]]
assert len(summary) == 1, "no summary"
m = summary[0]["message"]
assert re.search(r": %s páginas, \d+ líneas" % sys.argv[2], m), m
for what in ("sobresalen", "muy espaciadas", "viudas", "huérfanas", "escaleras de guiones",
             "notas fuera de su página"):
    assert re.search(what + r": 0\b", m), (what, m)
assert not typo
PY
done

# -j 2 with JSON: one valid array with both documents' summaries
"$PLENO" render --report --format=json -j 2 -d "$T/out" samples/acuerdo >"$T/j.json" 2>"$T/j.err"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = [x for x in d if "informe tipográfico" in x["message"]]
assert len(s) == 2, s
' "$T/j.json" && ok || { bad "-j 2 --format=json: un solo arreglo válido"; cat "$T/j.json" "$T/j.err"; }

# text: the summary is a note on standard error; without --report, no summary
"$PLENO" render --report -o "$T/x.pdf" samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml 2>"$T/t.err" >/dev/null
grep -q 'CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml: nota: informe tipográfico de .*x.pdf: 2 páginas' "$T/t.err" &&
    ok || bad "--report en texto"
"$PLENO" render -o "$T/x.pdf" samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml 2>"$T/t.err" >/dev/null
[ ! -s "$T/t.err" ] && ok || bad "sin --report no hay informe"

# a word wider than the column: TYPO-001 at its line and column, with its page
awk '/<punto>/ && !done { print; print "      <p>Véase el expediente 123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890 ya.</p>"; done = 1; next } { print }' \
    samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml >"$T/loose.xml"
line=$(grep -n 'Véase el expediente' "$T/loose.xml" | cut -d: -f1)
"$PLENO" render --report -o "$T/l.pdf" "$T/loose.xml" 2>"$T/l.err" >/dev/null
grep -q "loose.xml:$line:[0-9]*: aviso: la línea sobresale .* en la página 2: .* \[TYPO-001\]" "$T/l.err" &&
    ok || { bad "TYPO-001 con línea, columna y página"; cat "$T/l.err"; }

finish
