#!/bin/sh
# Layouts as data (layouts/KIND.xml, --layout) and images (figura/@src,
# logos in the running header), checked as a user would see them: page
# size (pdfinfo), header text (pdftotext), images (pdfimages), page labels
# (qpdf), and the diagnostics of a broken layout or image, which must
# leave no PDF. Ends with "N passed, M failed".
#
#   PLENO=build/pleno sh tests/layout.sh
. tests/lib.sh

SHORT=samples/acuerdo/CONAIP-SNT-ACUERDO-ORD01-14-03-2018-02.xml
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" -; }
images() { pdfimages -list "$1" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l; }

# ---- the bundled layout ------------------------------------------------
"$PLENO" render -o "$T/a.pdf" "$SHORT" >"$T/out" 2>&1 && ok || bad "render con el diseño incluido"
[ "$(images "$T/a.pdf")" -eq "$(pdfinfo "$T/a.pdf" | awk '/^Pages:/{print $2}')" ] && ok ||
    bad "el logotipo del encabezado está en cada página"
page_text "$T/a.pdf" 1 | head -4 | grep -q 'CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02' && ok ||
    bad "el encabezado lleva el número del acuerdo ({metadatos/numero})"
pdfinfo "$T/a.pdf" | grep -q 'Page size: *612 x 792' && ok || bad "carta, como dice layouts/acuerdo.xml"
qpdf --qdf --object-streams=disable "$T/a.pdf" "$T/q.pdf" 2>/dev/null
grep -a -A5 '/PageLabels' "$T/q.pdf" | grep -q '/S /D' && ok || bad "etiquetas de página arábigas"

# ---- a secretariat's own layout -------------------------------------------
cp layouts/logo-snt.png "$T/escudo.png"
cat >"$T/mio.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<diseno xmlns="urn:pleno:diseno:1" tipo="acuerdo">
  <pagina ancho="210mm" alto="297mm" margen-izquierdo="30mm" margen-derecho="25mm"
          margen-superior="35mm" margen-inferior="25mm"/>
  <letras texto="sans" titulos="serif"/>
  <tamanos texto="10.5"/>
  <colores titulos="#1F4E79" filetes="#1F4E79"/>
  <numeracion estilo="romano-minuscula" prefijo="A-"/>
  <encabezado>
    <imagen src="escudo.png" y="30" alto="40"/>
    <texto y="50" alineacion="derecha" negrita="si">SECRETARÍA DE PRUEBA · {metadatos/organo/@siglas}</texto>
    <texto y="62" alineacion="derecha" paginas="primera">Sólo en la primera: {metadatos/nada|sin dato}</texto>
    <filete y="80" grosor="1" color="#1F4E79"/>
  </encabezado>
  <pie>
    <texto y="810" alineacion="centro">Hoja {pagina} / {paginas}</texto>
  </pie>
</diseno>
X
"$PLENO" render --layout "$T/mio.xml" -o "$T/b.pdf" "$SHORT" >"$T/out" 2>&1 && ok ||
    { bad "render --layout"; cat "$T/out"; }
pdfinfo "$T/b.pdf" 2>/dev/null | grep -q 'Page size: *595.2.* x 841.8' && ok || bad "--layout: A4 en milímetros"
page_text "$T/b.pdf" 1 | grep -q 'SECRETARÍA DE PRUEBA · CONAIP' && ok || bad "--layout: plantilla con atributo"
page_text "$T/b.pdf" 1 | grep -q 'Sólo en la primera: sin dato' && ok || bad "--layout: valor por omisión"
page_text "$T/b.pdf" 2 | grep -q 'Sólo en la primera' && bad "--layout: paginas=primera aparece en la 2" || ok
page_text "$T/b.pdf" 2 | grep -q 'Hoja 2 / 2' && ok || bad "--layout: pie con {pagina} / {paginas}"
pdffonts "$T/b.pdf" | grep -q 'NotoSans-Regular' && ok || bad "--layout: texto en sans"
qpdf --qdf --object-streams=disable "$T/b.pdf" "$T/q.pdf" 2>/dev/null
grep -a -A6 '/PageLabels' "$T/q.pdf" | grep -q '/S /r' && grep -a -A6 '/PageLabels' "$T/q.pdf" | grep -q '(A-)' &&
    ok || bad "--layout: etiquetas de página romanas con prefijo"

# ---- broken layouts: a diagnostic at the layout's line, no PDF, status 2 ----
broken() { # description, layout file, expected diagnostic (grep -E)
    rm -f "$T/c.pdf"
    "$PLENO" render --layout "$2" -o "$T/c.pdf" "$SHORT" >"$T/out" 2>&1
    st=$?
    if [ $st -eq 2 ] && grep -Eq "$3" "$T/out" && [ ! -e "$T/c.pdf" ]; then ok; else
        bad "$1 (estado $st)"
        cat "$T/out"
    fi
}
sed 's/margen-izquierdo="30mm"/margen-izquierdo="treinta"/' "$T/mio.xml" >"$T/m1.xml"
broken "medida inválida" "$T/m1.xml" "m1.xml:3:[0-9]+: error: .*margen-izquierdo.*\[XSD-001\]"
sed 's/tipo="acuerdo"/tipo="programa"/' "$T/mio.xml" >"$T/m2.xml"
broken "diseño de otro tipo" "$T/m2.xml" "m2.xml:2:1: error: este diseño es para documentos de tipo programa, no acuerdo \[LAYOUT-002\]"
sed 's/escudo.png/no-hay.png/' "$T/mio.xml" >"$T/m3.xml"
broken "imagen que no existe" "$T/m3.xml" "m3.xml:10:5: error: la imagen .*no-hay.png no se puede usar: no se puede leer el archivo \[IMG-001\]"
broken "un documento no es un diseño" "$SHORT" "error: no es un diseño de página: el elemento raíz es <acuerdo>, no <diseno> \[LAYOUT-001\]"
broken "diseño que no existe" "$T/nada.xml" "nada.xml: error: no se puede abrir el archivo: no existe \[IO-001\]"
sed 's/margen-derecho="25mm"/margen-derecho="200mm"/' "$T/mio.xml" >"$T/m4.xml"
broken "márgenes imposibles" "$T/m4.xml" "m4.xml:3:3: error: los márgenes dejan menos de 2 pulgadas .*\[LAYOUT-001\]"
"$PLENO" check "$T/mio.xml" >"$T/out" 2>&1 && [ ! -s "$T/out" ] && ok || bad "pleno check valida un diseño"
sed 's#{metadatos/nada|sin dato}#{metadatos/nada|sin dato#' "$T/mio.xml" >"$T/m5.xml"
broken "llave sin cerrar" "$T/m5.xml" "m5.xml:12:5: error: el texto «Sólo en la primera: .metadatos/nada.sin dato» tiene una llave sin cerrar o sin abrir.*\[LAYOUT-001\]"
rm -f "$T/c.pdf"
"$PLENO" render -o "$T/c.pdf" "$T/mio.xml" >"$T/out" 2>&1
[ $? -eq 2 ] && [ ! -e "$T/c.pdf" ] &&
    grep -q "mio.xml:2:1: error: es un diseño de página, no un documento: se usa con pleno render --layout" "$T/out" &&
    ok || { bad "componer un diseño como si fuera un documento"; cat "$T/out"; }

# ---- figures with images ------------------------------------------------
mkdir -p "$T/doc"
cp layouts/logo-snt.png "$T/doc/grafica.png"
pdftoppm -jpeg -r 20 -f 1 -l 1 -singlefile "$T/a.pdf" "$T/doc/foto"
printf 'no soy una imagen\n' >"$T/doc/texto.png"
printf '\211PNG\r\n\032\n esto no es un PNG' >"$T/doc/rota.png"
figdoc() { # src attribute → $T/doc/f.xml with a figure in the first punto
    awk -v src="$1" '{ print } /<punto>/ && !done { print "      <figura src=\"" src "\" ancho=\"40%\"><descripcion>Gráfica de prueba</descripcion><leyenda>Figura 1. Prueba</leyenda></figura>"; done = 1 }' \
        "$SHORT" >"$T/doc/f.xml"
}
figdoc grafica.png
"$PLENO" render -o "$T/f.pdf" "$T/doc/f.xml" >"$T/out" 2>&1 && ok || { bad "figura PNG"; cat "$T/out"; }
pdfimages -list "$T/f.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image" { print $11 }' | sort -u | wc -l | grep -q '^2$' &&
    ok || bad "figura PNG: una imagen además del logotipo"
pdftotext -layout "$T/f.pdf" - | grep -q 'Figura 1. Prueba' && ok || bad "figura PNG: leyenda"
pdftotext -layout "$T/f.pdf" - | grep -q 'Gráfica de prueba' && bad "figura PNG: la descripción no se imprime" || ok
figdoc foto.jpg
"$PLENO" render -o "$T/g.pdf" "$T/doc/f.xml" >"$T/out" 2>&1 && ok || { bad "figura JPEG"; cat "$T/out"; }
pdfimages -list "$T/g.pdf" 2>/dev/null | grep -q ' jpeg ' && ok || bad "figura JPEG: se incrusta como JPEG"
line=$(grep -n '<figura' "$T/doc/f.xml" | cut -d: -f1)
for case in "no-hay.png|no se puede leer el archivo" "texto.png|no es una imagen PNG ni JPEG" \
    "rota.png|la imagen PNG está dañada"; do
    src=${case%%|*}
    why=${case#*|}
    figdoc "$src"
    rm -f "$T/h.pdf"
    "$PLENO" render -o "$T/h.pdf" "$T/doc/f.xml" >"$T/out" 2>&1
    st=$?
    if [ $st -eq 1 ] && grep -q "f.xml:$line:7: error: la imagen .*$src no se puede usar: $why.*\[IMG-001\]" "$T/out" &&
        [ ! -e "$T/h.pdf" ]; then ok; else
        bad "figura $src (estado $st)"
        cat "$T/out"
    fi
done
"$PLENO" render --draft -o "$T/h.pdf" "$T/doc/f.xml" >/dev/null 2>&1
pdftotext -layout "$T/h.pdf" - | grep -q 'Gráfica de prueba' && ok ||
    bad "borrador con imagen dañada: el recuadro muestra la descripción"

# ---- internal cross-references: "#id" links go to the section ----------
sed 's|<p>Texto del anexo.</p>|<p>Véase la <enlace href="#metodo">sección de método</enlace>.</p><salto-pagina/><seccion id="metodo"><titulo>Método</titulo><p>Texto.</p></seccion>|' \
    tests/rules/base.xml >"$T/ref.xml"
"$PLENO" render -o "$T/ref.pdf" "$T/ref.xml" >"$T/out" 2>&1 && ok || { bad "render con referencia interna"; cat "$T/out"; }
qpdf --qdf --object-streams=disable "$T/ref.pdf" "$T/refq.pdf" 2>/dev/null
python3 - "$T/refq.pdf" <<'PY' && ok || bad "la referencia interna es un vínculo /Dest a la página de la sección"
import re, sys
t = open(sys.argv[1], "rb").read().decode("latin-1")
links = [o for o in re.findall(r"\d+ 0 obj\n(.*?)\nendobj", t, re.S) if "/Subtype /Link" in o]
internal = [l for l in links if "/Dest" in l]
assert internal and not re.search(r"/URI \(#metodo\)", t), (len(links), len(internal))
PY

finish
