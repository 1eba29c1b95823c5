#!/bin/sh
# tests/bad/generate.sh — writes the generated cases of tests/bad/:
#
#   deep-nesting.xml         1000 nested <negrita> inside a punto's <p>
#   huge-attribute.xml       a 300 000-byte value of an attribute the schema
#                            does not allow (<punto color="AAA…">)
#   huge-attribute-enum.xml  a 300 000-byte value of an enumerated attribute
#                            (<sesion tipo="AAA…">)
#   utf16.xml                the valid document in UTF-16LE with a byte
#                            order mark
#   binary-garbage.xml       4 KiB of pseudo-random bytes after a PNG
#                            signature (the same bytes every time)
#
# The generated files are committed; run this only to change them, and
# commit the result (the .expected files beside them say what pleno must
# print). Usage: sh tests/bad/generate.sh

set -eu
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C

# A valid acuerdo (clean under every rule); the cases below change one
# thing each. Line 15 holds the first punto's paragraph.
base() {
    cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<acuerdo xmlns="urn:pleno:snt:acuerdo:1">
  <metadatos>
    <organo corto="Consejo Nacional" siglas="CONAIP">Consejo Nacional del Sistema Nacional de Transparencia</organo>
    <sesion tipo="ordinaria" numero="1" fecha="2018-03-14" lugar="Ciudad de México"/>
    <numero>CONAIP/SNT/ACUERDO/ORD01-14/03/2018-02</numero>
    <fecha>2018-03-14</fecha>
  </metadatos>
  <titulo>ACUERDO DE PRUEBA.</titulo>
  <fundamento>
    <p>Con fundamento en el artículo 31 de la Ley General, se emite el siguiente:</p>
  </fundamento>
  <puntos>
    <punto>
      <p>Se aprueba el documento.</p>
    </punto>
    <punto>
      <p>El presente Acuerdo entrará en vigor en la misma fecha de su emisión.</p>
    </punto>
  </puntos>
  <firmas>
    <firma>
      <nombre>Dr. Francisco J. Acuña Llamas</nombre>
      <cargo>Presidente del Consejo Nacional</cargo>
    </firma>
    <firma>
      <nombre>Lic. Federico Guzmán Tamayo</nombre>
      <cargo>Secretario Ejecutivo del Sistema Nacional de Transparencia</cargo>
    </firma>
  </firmas>
</acuerdo>
EOF
}

# deep nesting: <p><negrita>×1000 x </negrita>×1000</p> on line 15
base | awk '
    /<p>Se aprueba el documento\.<\/p>/ {
        line = "      <p>"
        for (i = 0; i < 1000; i++) line = line "<negrita>"
        line = line "x"
        for (i = 0; i < 1000; i++) line = line "</negrita>"
        print line "</p>"
        next
    }
    { print }
' > "$here/deep-nesting.xml"

# 300 000 bytes of "A" (made inside awk: one argument cannot be that long)
base | awk '
    BEGIN { big = "AAAAAAAAAA"; while (length(big) < 300000) big = big big; big = substr(big, 1, 300000) }
    !done && /<punto>/ { sub(/<punto>/, "<punto color=\"" big "\">"); done = 1 }
    { print }
' > "$here/huge-attribute.xml"

base | awk '
    BEGIN { big = "AAAAAAAAAA"; while (length(big) < 300000) big = big big; big = substr(big, 1, 300000) }
    { sub(/tipo="ordinaria"/, "tipo=\"" big "\"") }
    { print }
' > "$here/huge-attribute-enum.xml"

# UTF-16LE with a byte order mark, declared as UTF-16
{
    printf '\377\376'
    base | sed 's/encoding="UTF-8"/encoding="UTF-16"/' | iconv -f UTF-8 -t UTF-16LE
} > "$here/utf16.xml"

# a PNG signature, then bytes 1..255 from a linear congruential generator
{
    printf '\211PNG\r\n\032\n'
    awk 'BEGIN {
        s = 20180314
        for (i = 0; i < 4096; i++) {
            s = (s * 1103515245 + 12345) % 2147483648
            printf "%c", int(s / 65536) % 255 + 1
        }
    }'
} > "$here/binary-garbage.xml"
