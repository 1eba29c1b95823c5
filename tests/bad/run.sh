#!/bin/sh
# tests/bad/run.sh — malformed and hostile inputs.
#
# Usage: sh tests/bad/run.sh [NAME...]          (default: every case)
#        PLENO=build-asan/pleno sh tests/bad/run.sh
#
# Each case is tests/bad/NAME.xml with
#   NAME.expected  exactly what `pleno check NAME.xml` prints on standard
#                  output, the document's path written as FILE;
#   NAME.status    the exit status `pleno check` must return.
# Some cases are made by tests/bad/generate.sh (deep nesting, huge
# attributes, UTF-16, binary garbage); their files are committed.
#
# For every case the runner, on a copy of the file in a scratch folder:
#   1. runs `$PLENO check NAME.xml` under a 20 s timeout and compares its
#      standard output with NAME.expected and its status with NAME.status;
#      standard error must be empty;
#   2. runs `$PLENO render NAME.xml -o OUT/out.pdf` under the same timeout:
#      the status must be 1 or 2, and no out.pdf and no *.tmp* file may be
#      left anywhere in the scratch folder;
#   3. in both runs, a sanitizer report on standard error is a failure.
#
# Prints a unified diff for every failing case and, last, "N passed, M
# failed"; exits 1 when something failed.

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pleno=${PLENO:-$root/${BUILD:-build}/pleno}
case $pleno in
/*) ;;
*) pleno=$(pwd)/$pleno ;;
esac
if [ ! -x "$pleno" ]; then
    echo "run.sh: no se encuentra $pleno (¿make?)" >&2
    exit 2
fi
# The command finds schemas/ beside its executable (build/..); a copy
# elsewhere needs PLENO_DATADIR.
if [ -z "${PLENO_DATADIR:-}" ] && [ ! -f "$(dirname "$pleno")/../schemas/common.xsd" ]; then
    PLENO_DATADIR=$root
    export PLENO_DATADIR
fi

TIMEOUT=${TIMEOUT:-20}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pleno-bad.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -eq 0 ]; then
    set --
    for f in "$here"/*.xml; do
        n=$(basename "$f" .xml)
        set -- "$@" "$n"
    done
fi

pass=0
fail=0

# Replaces every occurrence of the literal string $1 in stdin with FILE.
subst_path() {
    awk -v p="$1" '{
        out = ""
        while ((i = index($0, p)) > 0) {
            out = out substr($0, 1, i - 1) "FILE"
            $0 = substr($0, i + length(p))
        }
        print out $0
    }'
}

sanitizer_report() {
    grep -E -q 'Sanitizer|runtime error:|LeakSanitizer' "$1"
}

for name in "$@"; do
    src=$here/$name.xml
    problems=""
    if [ ! -f "$src" ] || [ ! -f "$here/$name.expected" ] || [ ! -f "$here/$name.status" ]; then
        echo "FALLA $name: faltan $name.xml, $name.expected o $name.status"
        fail=$((fail + 1))
        continue
    fi
    want_rc=$(tr -d ' \n\r' < "$here/$name.status")
    rm -rf "$tmp/work" "$tmp/out"
    mkdir -p "$tmp/work" "$tmp/out"
    cp "$src" "$tmp/work/$name.xml"

    # 1. check
    (cd "$tmp/work" && timeout "$TIMEOUT" "$pleno" check "$name.xml" > "$tmp/check.raw" 2> "$tmp/check.err")
    rc=$?
    subst_path "$name.xml" < "$tmp/check.raw" > "$tmp/check.out"
    if [ "$rc" -eq 124 ]; then
        problems="$problems
  check: más de $TIMEOUT s"
    elif [ "$rc" -ne "$want_rc" ]; then
        problems="$problems
  check: estado $rc, se esperaba $want_rc"
    fi
    if ! cmp -s "$here/$name.expected" "$tmp/check.out"; then
        problems="$problems
  check: la salida no es la esperada"
    fi
    if [ -s "$tmp/check.err" ]; then
        problems="$problems
  check: escribió en la salida de errores"
    fi

    # 2. render: refused, nothing left behind
    (cd "$tmp/work" && timeout "$TIMEOUT" "$pleno" render "$name.xml" -o "$tmp/out/out.pdf" \
        > "$tmp/render.out" 2> "$tmp/render.err")
    rrc=$?
    if [ "$rrc" -eq 124 ]; then
        problems="$problems
  render: más de $TIMEOUT s"
    elif [ "$rrc" -ne 1 ] && [ "$rrc" -ne 2 ]; then
        problems="$problems
  render: estado $rrc, se esperaba 1 o 2"
    fi
    left=$(cd "$tmp" && find . -name out.pdf -o -name '*.tmp*' -o -name '*.pdf' | sort)
    if [ -n "$left" ]; then
        problems="$problems
  render: dejó archivos: $(echo $left)"
    fi
    if sanitizer_report "$tmp/check.err" || sanitizer_report "$tmp/render.err"; then
        problems="$problems
  informe de un sanitizer en la salida de errores"
    fi

    if [ -z "$problems" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FALLA $name$problems"
        if ! cmp -s "$here/$name.expected" "$tmp/check.out"; then
            diff -u "$here/$name.expected" "$tmp/check.out" |
                sed -e "1s|.*|--- esperado|" -e "2s|.*|+++ obtenido|" | cut -c1-600
        fi
        for f in check.err render.err; do
            if [ -s "$tmp/$f" ] && { [ "$f" = check.err ] || sanitizer_report "$tmp/$f"; }; then
                echo "($f)"
                head -c 4000 "$tmp/$f"
            fi
        done
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
