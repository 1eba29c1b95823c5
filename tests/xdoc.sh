#!/bin/sh
# Checks across documents (XDOC-001, XDOC-002): `pleno check` of several
# files at once compares each acuerdo's number with the actas of its
# body's sessions, and the acuerdos' numbers with each other. Ends with
# "N passed, M failed".
#
#   PLENO=build/pleno sh tests/xdoc.sh
. tests/lib.sh

NUM=CONAIP/SNT/ACUERDO/EXT04-05/10/2017-07
# an acta of the Consejo Nacional's 4th extraordinary session, 5 Oct 2017,
# that records agreement $NUM
acta() { # $1: session number, $2: the agreement number it records
    sed -e 's|siglas="CGAyTP"|siglas="CONAIP"|' \
        -e "s|<sesion tipo=\"ordinaria\" numero=\"1\" fecha=\"2021-02-15\"|<sesion tipo=\"extraordinaria\" numero=\"$1\" fecha=\"2017-10-05\"|" \
        -e 's|<fecha>2021-02-15</fecha>|<fecha>2017-10-05</fecha>|' \
        -e "s|numero=\"CONAIP/SNT/ACUERDO/ORD01-15/02/2021-01\"|$2|" \
        tests/rules/base-acta.xml
}
case_dir() { rm -rf "$T/c" && mkdir -p "$T/c"; }
run() { "$PLENO" check "$T/c" >"$T/out" 2>&1; echo $? >"$T/rc"; }
numline=$(grep -n '<numero>' tests/rules/base.xml | cut -d: -f1)

# the acuerdo and the acta of its session: clean
case_dir
cp tests/rules/base.xml "$T/c/acuerdo.xml"
acta 4 "numero=\"$NUM\"" >"$T/c/acta.xml"
run
[ "$(cat "$T/rc")" -eq 0 ] && [ ! -s "$T/out" ] && ok || { bad "acuerdo con el acta de su sesión"; cat "$T/out"; }

# the acta is of another session (number 5): XDOC-001 at the acuerdo's number
case_dir
cp tests/rules/base.xml "$T/c/acuerdo.xml"
acta 5 "" >"$T/c/acta.xml"
run
grep -q "acuerdo.xml:$numline:5: error: el acuerdo $NUM es de la sesión extraordinaria 4 del 05/10/2017 y entre los documentos no hay acta de esa sesión de CONAIP \[XDOC-001\]" "$T/out" &&
    [ "$(cat "$T/rc")" -eq 1 ] && ok || { bad "XDOC-001: sin acta de la sesión"; cat "$T/out"; }

# the acta of its session records other agreements, not this one
case_dir
cp tests/rules/base.xml "$T/c/acuerdo.xml"
acta 4 'numero="CONAIP/SNT/ACUERDO/EXT04-05/10/2017-08"' >"$T/c/acta.xml"
run
grep -q "acuerdo.xml:$numline:5: error: el acta de su sesión (.*acta.xml) no registra el acuerdo $NUM entre los adoptados \[XDOC-001\]" "$T/out" &&
    ok || { bad "XDOC-001: el acta no lo registra"; cat "$T/out"; }

# an acta that does not number its agreements is enough
case_dir
cp tests/rules/base.xml "$T/c/acuerdo.xml"
acta 4 "" >"$T/c/acta.xml"
run
[ "$(cat "$T/rc")" -eq 0 ] && [ ! -s "$T/out" ] && ok || { bad "acta sin números de acuerdo"; cat "$T/out"; }

# actas of another body say nothing about the Consejo's acuerdos
case_dir
cp tests/rules/base.xml "$T/c/acuerdo.xml"
cp tests/rules/base-acta.xml "$T/c/acta.xml"
run
[ "$(cat "$T/rc")" -eq 0 ] && [ ! -s "$T/out" ] && ok || { bad "acta de otro órgano"; cat "$T/out"; }

# two acuerdos with the same number: XDOC-002 at the second, naming the first
case_dir
cp tests/rules/base.xml "$T/c/a.xml"
cp tests/rules/base.xml "$T/c/b.xml"
run
grep -q "b.xml:$numline:5: error: el número $NUM ya lo lleva otro acuerdo: .*a.xml:$numline:5 \[XDOC-002\]" "$T/out" &&
    [ "$(grep -c XDOC "$T/out")" -eq 1 ] && ok || { bad "XDOC-002"; cat "$T/out"; }

# one document alone: no check across documents
"$PLENO" check "$T/c/a.xml" >"$T/out" 2>&1 && [ ! -s "$T/out" ] && ok || bad "un documento solo"

# the samples, all kinds together, are clean (the acta is of a commission)
"$PLENO" check samples >"$T/out" 2>&1 && [ ! -s "$T/out" ] && ok || { bad "pleno check samples"; cat "$T/out"; }
"$PLENO" rules | grep -q '^XDOC-001 ' && "$PLENO" rules | grep -q '^XDOC-002 ' && ok || bad "pleno rules lista XDOC"

finish
