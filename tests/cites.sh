#!/bin/sh
# End-to-end tests of the legal citations: `pleno cites` on the samples and
# on every real form of citation, the catalogue of laws (a broken one is
# CAT-001 with file:line:col and exit 2; a law added by editing XML is
# checked without recompiling) and the generated part of catalogs/leyes.xml.
# Ends with "N passed, M failed".
#
#   PLENO=build/pleno sh tests/cites.sh
. tests/lib.sh
case $PLENO in
/*) ;;
*) PLENO=$(pwd)/$PLENO ;;
esac

BIG=samples/acuerdo/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.xml
SHORT=samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml

# ---- the command line ---------------------------------------------------
"$PLENO" cites --help | grep -q -- '--format=json' && ok || bad "cites --help"
"$PLENO" --help | grep -q 'pleno cites' && ok || bad "--help menciona cites"
"$PLENO" cites >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "cites sin documento: estado 2"
"$PLENO" cites --format=sarif "$SHORT" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "cites --format=sarif: estado 2"
"$PLENO" cites "$T/no-existe.xml" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "cites de un archivo inexistente: estado 2"
"$PLENO" rules >"$T/rules"
for id in CAT-001 CIT-001 CIT-002 CIT-003 CIT-004 CIT-005 CIT-006 CIT-007 CIT-008; do
    grep -q "^$id " "$T/rules" && ok || bad "pleno rules lista $id"
done

# ---- the fundamento of the 2017 sample ----------------------------------
"$PLENO" cites --format=json "$BIG" >"$T/big.json" 2>"$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && ok || bad "cites de la muestra grande: $(cat "$T/err")"
python3 - "$T/big.json" <<'PY' && ok || bad "cites lista el fundamento de la muestra como es"
import json, sys
d = json.load(open(sys.argv[1]))
f = [(c["instrumento"], c["version"], c["articulo"], c["fracciones"], c["se_nombra"])
     for c in d if c["xpath"] == "/acuerdo/fundamento[1]/p[1]"]
want = [("LGTAIP", "2015", "31", ["I", "IX", "XIV"]), ("LGTAIP", "2015", "35", []),
        ("RCN-SNT", "2015", "10", ["I", "VII"]), ("RCN-SNT", "2015", "12", ["VII", "XIV"]),
        ("LOCF-SNT", "2015", "4", []), ("LOCF-SNT", "2015", "11", ["IX"]),
        ("LOCF-SNT", "2015", "19", ["I", "IV"]), ("LOCF-SNT", "2015", "23", []),
        ("LOCF-SNT", "2015", "26", ["I", "IV", "VII", "XIV"]), ("LOCF-SNT", "2015", "34", ["I"]),
        ("LOCF-SNT", "2015", "43", [])]
got = [x[:4] for x in f]
assert got == want, got
assert all(x[4] == "nombre" for x in f), f
PY
python3 - "$T/big.json" "$BIG" <<'PY' && ok || bad "cada cita apunta a su primer carácter"
import json, sys
d = json.load(open(sys.argv[1]))
lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
for c in d:
    at = lines[c["linea"] - 1][c["columna"] - 1:]
    first = c["texto"] if c["articulo"] == c["texto"][:len(c["articulo"])] else None
    assert at.startswith(c["texto"][:8]) or at[0].isdigit(), (c["linea"], c["columna"], at[:20])
fund = [c for c in d if c["xpath"] == "/acuerdo/fundamento[1]/p[1]"]
assert (fund[0]["linea"], fund[0]["columna"]) == (145, 76), fund[0]
assert lines[144][75:].startswith("artículos 31"), lines[144]
PY
python3 - "$T/big.json" <<'PY' && ok || bad "las demás citas de la muestra: Constitución, LFTAIP, contexto"
import json, sys
d = json.load(open(sys.argv[1]))
rows = {(c["linea"], c["columna"]): c for c in d}
c = rows[(325, 22)]
assert (c["instrumento"], c["articulo"], c["apartado"]) == ("CPEUM", "6", "A"), c
c = rows[(362, 27)]  # "En la Ley Federal …, el INAI cuenta con atribuciones – previstas en el artículo 21"
assert (c["instrumento"], c["version"], c["fracciones"], c["se_nombra"]) == ("LFTAIP", "2016", ["XI", "XVIII"], "contexto"), c
c = rows[(372, 61)]  # "artículos 31 al 47 y 61, así como 66 y 67 de la propia Ley Federal"
assert (c["instrumento"], c["articulo"], c["hasta"]) == ("LFTAIP", "31", "47"), c
assert [x["articulo"] for x in d if x["linea"] in (372, 373)] == ["31", "61", "66", "67"]
c = rows[(101, 9)]  # "el artículo 10 de su Reglamento"
assert (c["instrumento"], c["se_nombra"]) == ("RCN-SNT", "nombre definido"), c
c = rows[(183, 56)]  # the certificación repeats "del Sistema Nacional"
assert (c["instrumento"], c["fracciones"]) == ("RCN-SNT", ["XII"]), c
PY
"$PLENO" cites "$BIG" >"$T/big.txt"
head -n 1 "$T/big.txt" | grep -q '^UBICACIÓN  *INSTRUMENTO  *VERSIÓN  *ARTÍCULO  *APARTADO  *FRACCIONES' && ok || bad "cites: encabezado de la tabla"
grep -q ":145:76  *LGTAIP  *2015  *31  *I, IX, XIV  *nombre$" "$T/big.txt" && ok || bad "cites: fila del artículo 31"
grep -q ":150:30  *LOCF-SNT  *2015  *26  *I, IV, VII, XIV  *nombre$" "$T/big.txt" && ok || bad "cites: fila del artículo 26"
"$PLENO" cites --format=json "$SHORT" | python3 -c '
import json,sys
d = json.load(sys.stdin)
got = [(c["instrumento"], c["articulo"], c["fracciones"]) for c in d]
assert got == [("LGTAIP", "31", []), ("LGTAIP", "31", ["I"]), ("LGTAIP", "35", []),
               ("RCN-SNT", "10", ["I"]), ("RCN-SNT", "12", ["XII"]), ("RCN-SNT", "13", ["VII"])], got' \
    && ok || bad "cites de la muestra corta"
"$PLENO" cites --format=json "$SHORT" "$BIG" | python3 -c 'import json,sys; assert len(json.load(sys.stdin)) > 40' \
    && ok || bad "cites de dos documentos: un solo arreglo JSON"

# ---- every real form of citation parses ---------------------------------
# A document of 2017 with one form per considerando; each must give the
# structure on the right.
python3 - "$T/forms.xml" <<'PY'
import sys
forms = [
    "los artículos 31 fracciones I, IX y XIV, y 35 de la Ley General de Transparencia y Acceso a la Información Pública",
    "los artículos 10 fracciones I y VII y 12, fracciones VII y XIV del Reglamento del Consejo Nacional del Sistema Nacional de Transparencia, Acceso a la Información Pública y Protección de Datos Personales",
    "los artículos 4, 11 fracción IX, 19 fracciones I y IV, 23, 26 I, IV, VII y XIV, 34 fracción I y 43 de los Lineamientos para la Organización, Coordinación y Funcionamiento de las Instancias de los Integrantes del Sistema Nacional de Transparencia, Acceso a la Información Pública y Protección de Datos Personales",
    "el artículo 6º, apartado A, de la Constitución Política de los Estados Unidos Mexicanos",
    "los artículos 31 al 47 y 61 de la LGTAIP",
    "el artículo 6o. constitucional",
    "el artículo 6° de la Constitución",
    "el artículo 6 º de la Constitución",
    "los artículos 72, 73 Y 89 de la Constitución",
    "la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados, en la fracción V de su artículo 3",
    "el Segundo Transitorio de la Ley General de Transparencia y Acceso a la Información Pública",
    "el artículo primero transitorio de la Constitución",
    "los artículos 6o., apartado A, fracción VIII; 16, párrafo segundo; 41, Base V, apartado C, y 116, fracción VIII de la Constitución",
    "la Ley Federal de Transparencia y Acceso a la Información Pública (Ley Federal) y el artículo 56 de la Ley Federal",
    "el artículo 73, fracción XXIX-Ñ, y 123, apartado A, fracción XXII Bis, de la Constitución",
    "el inciso b) de la fracción XXVI del artículo 65 de la LGTAIP",
    "los artículos 6º, apartado A, fracción VIII de la Constitución Política de los Estados Unidos Mexicanos; 31, fracciones I y XII, y 35 de la Ley General de Transparencia y Acceso a la Información Pública; y 10, fracciones II y VII, del Reglamento del Consejo Nacional del SNT",
]
cons = "".join("    <considerando>\n      <p>Que conforme a %s.</p>\n    </considerando>\n" % f for f in forms)
base = open("tests/rules/base.xml", encoding="utf-8").read()
start, end = base.index("  <considerandos>"), base.index("</considerandos>")
doc = base[:start] + "  <considerandos>\n" + cons + "  " + base[end:]
open(sys.argv[1], "w", encoding="utf-8").write(doc)
PY
"$PLENO" cites --format=json "$T/forms.xml" >"$T/forms.json" && ok || bad "cites de las formas reales"
python3 - "$T/forms.json" <<'PY' && ok || bad "cada forma real de cita da su estructura"
import json, sys
d = json.load(open(sys.argv[1]))
by = {}
for c in d:
    k = int(c["xpath"].split("considerando[")[1].split("]")[0]) if "considerando[" in c["xpath"] else 0
    by.setdefault(k, []).append((c["instrumento"], c["articulo"], c["hasta"], c["apartado"],
                                 c["fracciones"], c["incisos"], c["parrafo"], c["transitorio"]))
N = None
want = {
    1: [("LGTAIP", "31", N, N, ["I", "IX", "XIV"], N, N, False), ("LGTAIP", "35", N, N, [], N, N, False)],
    2: [("RCN-SNT", "10", N, N, ["I", "VII"], N, N, False), ("RCN-SNT", "12", N, N, ["VII", "XIV"], N, N, False)],
    3: [("LOCF-SNT", "4", N, N, [], N, N, False), ("LOCF-SNT", "11", N, N, ["IX"], N, N, False),
        ("LOCF-SNT", "19", N, N, ["I", "IV"], N, N, False), ("LOCF-SNT", "23", N, N, [], N, N, False),
        ("LOCF-SNT", "26", N, N, ["I", "IV", "VII", "XIV"], N, N, False), ("LOCF-SNT", "34", N, N, ["I"], N, N, False),
        ("LOCF-SNT", "43", N, N, [], N, N, False)],
    4: [("CPEUM", "6", N, "A", [], N, N, False)],
    5: [("LGTAIP", "31", "47", N, [], N, N, False), ("LGTAIP", "61", N, N, [], N, N, False)],
    6: [("CPEUM", "6", N, N, [], N, N, False)],
    7: [("CPEUM", "6", N, N, [], N, N, False)],
    8: [("CPEUM", "6", N, N, [], N, N, False)],
    9: [("CPEUM", "72", N, N, [], N, N, False), ("CPEUM", "73", N, N, [], N, N, False), ("CPEUM", "89", N, N, [], N, N, False)],
    10: [("LGPDPPSO", "3", N, N, ["V"], N, N, False)],
    11: [("LGTAIP", "Segundo Transitorio", N, N, [], N, N, True)],
    12: [("CPEUM", "Primero Transitorio", N, N, [], N, N, True)],
    13: [("CPEUM", "6", N, "A", ["VIII"], N, N, False), ("CPEUM", "16", N, N, [], N, "2", False),
         ("CPEUM", "41", N, "C", ["V"], N, N, False), ("CPEUM", "116", N, N, ["VIII"], N, N, False)],
    14: [("LFTAIP", "56", N, N, [], N, N, False)],
    15: [("CPEUM", "73", N, N, ["XXIX-Ñ"], N, N, False), ("CPEUM", "123", N, "A", ["XXII Bis"], N, N, False)],
    16: [("LGTAIP", "65", N, N, ["XXVI"], "b", N, False)],
    17: [("CPEUM", "6", N, "A", ["VIII"], N, N, False), ("LGTAIP", "31", N, N, ["I", "XII"], N, N, False),
         ("LGTAIP", "35", N, N, [], N, N, False), ("RCN-SNT", "10", N, N, ["II", "VII"], N, N, False)],
}
for k, w in want.items():
    assert by.get(k) == w, (k, by.get(k), w)
signs = [c["texto"] for c in d if "considerando[6]" in c["xpath"] or "considerando[7]" in c["xpath"]]
assert len(signs) == 2
PY
# the same document under pleno check: no error, only the warnings of the
# mixed ordinal signs (6º, 6o., 6°)
"$PLENO" check "$T/forms.xml" >"$T/forms.out" 2>&1
st=$?
[ $st -eq 0 ] && [ "$(grep -c 'aviso: .*\[CIT-007\]$' "$T/forms.out")" -eq 3 ] &&
    [ "$(grep -v 'CIT-007' "$T/forms.out")" = "" ] && ok || bad "formas reales: sólo los avisos de signos mezclados (estado $st): $(cat "$T/forms.out")"

# ---- the catalogue -------------------------------------------------------
data() { # a fresh copy of pleno's data in $T/data
    rm -rf "$T/data"
    mkdir -p "$T/data"
    cp -R schemas catalogs "$T/data/"
}
catcheck() { # runs pleno check SHORT with the data in $T/data
    PLENO_DATADIR=$T/data "$PLENO" check "$@" "$SHORT" >"$T/out" 2>&1
}
data
catcheck
[ $? -eq 0 ] && [ ! -s "$T/out" ] && ok || bad "con una copia del catálogo, la muestra sigue limpia: $(cat "$T/out")"

# a Roman numeral that does not exist, at the line and column of its element
data
sed -i 's|<articulo n="31" fracciones="I a VI"/>|<articulo n="31" fracciones="I a IIII"/>|' "$T/data/catalogs/leyes.xml"
line=$(grep -n '<articulo n="31" fracciones="I a IIII"/>' "$T/data/catalogs/leyes.xml" | cut -d: -f1)
catcheck
st=$?
[ $st -eq 2 ] && grep -q "catalogs/leyes.xml:$line:7: error: «I a IIII» en el atributo «fracciones» no es un intervalo de números romanos válidos \[CAT-001\]" "$T/out" \
    && ok || bad "catálogo con un romano imposible: CAT-001 en $line:7 y estado 2 (fue $st: $(cat "$T/out"))"

# not well formed
data
printf '<catalogo xmlns="urn:pleno:catalogo:leyes:1">\n  <instrumento clave="X">\n</catalogo>\n' >"$T/data/catalogs/roto.xml"
catcheck
st=$?
[ $st -eq 2 ] && grep -q 'catalogs/roto.xml:3:1: error: la etiqueta de cierre </catalogo> no corresponde a <instrumento> (abierta en la línea 2) \[CAT-001\]' "$T/out" \
    && ok || bad "catálogo mal formado: CAT-001 con línea y columna, estado 2 (fue $st: $(cat "$T/out"))"

# against the schema: an attribute it does not know
data
sed -i 's|<version id="2016" publicacion="2016-05-09"|<version id="2016" color="rojo" publicacion="2016-05-09"|' "$T/data/catalogs/leyes.xml"
line=$(grep -n 'color="rojo"' "$T/data/catalogs/leyes.xml" | cut -d: -f1)
catcheck --format=json
st=$?
[ $st -eq 2 ] && python3 - "$T/out" "$line" <<'PY' && ok || bad "catálogo contra su esquema: CAT-001 en JSON, estado 2 (fue $st: $(cat "$T/out"))"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 1, d
x = d[0]
assert x["rule"] == "CAT-001" and x["file"].endswith("catalogs/leyes.xml"), x
assert (x["line"], x["column"]) == (int(sys.argv[2]), 5), x
assert x["message"] == "el atributo «color» no está permitido en <version>", x
PY

# what a schema cannot say: a clave used twice, versions that overlap
data
cat >"$T/data/catalogs/otra.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<catalogo xmlns="urn:pleno:catalogo:leyes:1">
  <instrumento clave="LGTAIP">
    <nombre>Otra ley</nombre>
    <referencia>la otra ley</referencia>
    <version id="1" publicacion="2020-01-01" articulos="10" transitorios="2"/>
  </instrumento>
  <instrumento clave="OTRA">
    <nombre>Ley de Pruebas</nombre>
    <referencia>la Ley de Pruebas</referencia>
    <version id="1" publicacion="2020-01-01" vigor-hasta="2021-01-01" articulos="10" transitorios="2">
      <articulo n="11"/>
    </version>
    <version id="2" publicacion="2020-06-01" articulos="10" transitorios="2"/>
  </instrumento>
</catalogo>
EOF
catcheck
st=$?
[ $st -eq 2 ] && grep -q 'otra.xml:3:3: error: la clave LGTAIP ya se usa en .*catalogs/leyes.xml:[0-9]* \[CAT-001\]' "$T/out" &&
    grep -q 'otra.xml:12:7: error: el artículo 11 excede los 10 artículos de la versión 1 \[CAT-001\]' "$T/out" &&
    grep -q 'otra.xml:14:5: error: la versión 2 de OTRA empieza a regir antes de que termine la 1 \[CAT-001\]' "$T/out" \
    && ok || bad "catálogo: clave repetida, artículo fuera de cuenta, versiones solapadas (fue $st: $(cat "$T/out"))"

# no catalogue at all
data
rm -rf "$T/data/catalogs"
catcheck
[ $? -eq 2 ] && grep -q 'catalogs: error: no se encuentra la carpeta de catálogos' "$T/out" && grep -q 'IO-004' "$T/out" \
    && ok || bad "sin carpeta de catálogos: IO-004 y estado 2: $(cat "$T/out")"
PLENO_DATADIR=$T/data "$PLENO" cites "$SHORT" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "cites sin catálogo: estado 2"
PLENO_DATADIR=$T/data "$PLENO" render "$SHORT" -o "$T/x.pdf" >/dev/null 2>&1
[ $? -eq 2 ] && [ ! -e "$T/x.pdf" ] && ok || bad "render sin catálogo: estado 2 y ningún PDF"

# a state law added by editing XML, without recompiling
data
cat >"$T/data/catalogs/jalisco.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<catalogo xmlns="urn:pleno:catalogo:leyes:1">
  <instrumento clave="LTAIPJ">
    <nombre>Ley de Transparencia y Acceso a la Información Pública del Estado de Jalisco y sus Municipios</nombre>
    <referencia>la Ley de Transparencia de Jalisco</referencia>
    <siglas>LTAIPJ</siglas>
    <version id="2013" publicacion="2013-08-08" vigor-desde="2013-12-20" articulos="120" transitorios="desconocido">
      <articulo n="8" fracciones="I a VI"/>
    </version>
  </instrumento>
</catalogo>
EOF
sed 's|Datos Personales, se emite el siguiente:|Datos Personales, y en los artículos 8, fracción IX, y 150 de la Ley de Transparencia y Acceso a la Información Pública del Estado de Jalisco y sus Municipios, se emite el siguiente:|' "$SHORT" >"$T/jal.xml"
PLENO_DATADIR=$T/data "$PLENO" check "$T/jal.xml" >"$T/out" 2>&1
[ $? -eq 1 ] && grep -q 'error: la fracción IX no existe en el artículo 8 de la Ley de Transparencia de Jalisco, que tiene las fracciones I a VI \[CIT-004\]' "$T/out" &&
    grep -q 'error: el artículo 150 no existe en la Ley de Transparencia de Jalisco, que tiene 120 artículos \[CIT-003\]' "$T/out" \
    && ok || bad "una ley estatal agregada al catálogo se revisa: $(cat "$T/out")"
PLENO_DATADIR=$T/data "$PLENO" cites "$T/jal.xml" | grep -q ' LTAIPJ  *2013  *150 ' && ok || bad "cites con la ley estatal"
"$PLENO" check "$T/jal.xml" >"$T/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$T/out" ] && ok || bad "sin la ley en el catálogo, sus citas no se revisan: $(cat "$T/out")"

# the example of README.md is a valid catalogue, and it works
data
awk '/Cómo agregar una ley estatal/ { on = 1 } on && /^```xml/ { inx = 1; next } inx && /^```/ { exit } inx' \
    README.md >"$T/data/catalogs/readme.xml"
grep -q '<catalogo' "$T/data/catalogs/readme.xml" && catcheck && [ ! -s "$T/out" ] && ok ||
    bad "el ejemplo de catálogo del README es válido: $(cat "$T/out")"
sed 's|Datos Personales, se emite el siguiente:|Datos Personales, y en el artículo 121 de la Ley de Transparencia del Estado, se emite el siguiente:|' "$SHORT" >"$T/readme.xml"
PLENO_DATADIR=$T/data "$PLENO" check "$T/readme.xml" 2>&1 | grep -q 'el artículo 121 no existe en la Ley de Transparencia de Jalisco, que tiene 120 artículos \[CIT-003\]' \
    && ok || bad "el ejemplo del README: su nombre corto y su conteo se usan"

# ---- the counted part of the catalogue is current ------------------------
if [ -f ../shared/laws/COUNTS.md ] && [ -f ../shared/laws/CPEUM.md ]; then
    python3 catalogs/gen-counts.py --check && ok || bad "catalogs/leyes.xml no está al día con gen-counts.py"
fi
xmllint --noout --schema schemas/leyes.xsd catalogs/leyes.xml 2>/dev/null && ok || bad "xmllint: catalogs/leyes.xml cumple schemas/leyes.xsd"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
