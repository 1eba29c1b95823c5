#!/bin/sh
# tests/rules/run.sh — spec-format tests of the domain rules.
#
# Usage: sh tests/rules/run.sh [FILE.txt...]     (default: tests/rules/*.txt)
#        PLENO=build-asan/pleno sh tests/rules/run.sh
#
# Each tests/rules/<RULE-ID>.txt holds cases. Text outside cases is prose
# and is ignored. A case is:
#
#     ### what the case shows
#     BODY
#     .
#     EXPECTED (zero or more lines)
#     .
#
# BODY is one of:
#   - a whole document: it starts with "<?xml" or "<acuerdo";
#   - edits of the spec's base document, in this order (the base is
#     tests/rules/base.xml, a small acuerdo clean under every rule, unless
#     the spec file has a line "base: FILE" before its first case, FILE
#     being in tests/rules/, e.g. "base: base-programa.xml"):
#       lines "@@ replace OLD => NEW": the first occurrence of the literal
#         text OLD is replaced by NEW ("\n" in NEW is a new line);
#       lines "@@ replace-all OLD => NEW": every occurrence;
#       then, optionally, one XML fragment, e.g. "<puntos> … </puntos>": it
#         replaces the first element of base.xml with the fragment's root
#         name (start tag to end tag, or the empty-element tag), keeping
#         what precedes that element on its line (the indentation). So a
#         fragment's line k lands on line L+k-1, L being the element's line
#         in base.xml; write the fragment's lines after the first with the
#         indentation base.xml has.
#
# EXPECTED is exactly what `pleno check case.xml` prints (the document is
# written as case.xml in a scratch folder). The exit status must be 1 when
# an error is expected, 0 otherwise.
#
# Finally the samples are checked: `pleno check samples` (every kind) must
# print nothing and exit 0.
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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pleno-rules.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -eq 0 ]; then
    set -- "$here"/*.txt
fi

pass=0
fail=0

# Splits a spec file into $tmp/cases/N.{title,body,expected}.
split_cases() {
    rm -rf "$tmp/cases"
    mkdir -p "$tmp/cases"
    awk -v dir="$tmp/cases" '
        function flush() { close(t); close(b); close(e) }
        state == 0 && /^### / {
            n++
            t = dir "/" n ".title"; b = dir "/" n ".body"; e = dir "/" n ".expected"
            print substr($0, 5) > t
            printf "" > b
            printf "" > e
            state = 1
            next
        }
        state == 1 && $0 == "." { state = 2; next }
        state == 1 { print > b; next }
        state == 2 && $0 == "." { state = 0; flush(); next }
        state == 2 { print > e; next }
        END {
            if (state != 0) {
                print "caso sin terminar: " n > "/dev/stderr"
                exit 1
            }
        }
    ' "$1"
}

# Builds the document of a case body ($1) into $2.
build_doc() {
    first=$(sed -n '/./{p;q;}' "$1")
    # The root element's whole name: a fragment <acuerdos> is not an <acuerdo>.
    top=$(printf '%s\n' "$first" | sed -n 's/^<\([A-Za-z][-A-Za-z0-9]*\).*/\1/p')
    case $first in
    '<?xml'*) top=?xml ;;
    esac
    case $top in
    '?xml' | acuerdo | programa | informe | seguimiento | acta)
        cp "$1" "$2"
        return 0
        ;;
    esac
    awk -v basefile="$base" '
        BEGIN {
            doc = ""
            while ((getline line < basefile) > 0)
                doc = doc line "\n"
            close(basefile)
            frag = ""
            bad = 0
        }
        /^@@ replace(-all)? / && frag == "" {
            all = $0 ~ /^@@ replace-all /
            spec = substr($0, all ? 16 : 12)
            k = index(spec, " => ")
            if (k == 0) { print "edición sin \" => \": " $0 > "/dev/stderr"; bad = 1; next }
            old = substr(spec, 1, k - 1)
            new = substr(spec, k + 4)
            out = ""
            while ((j = index(new, "\\n")) > 0) {
                out = out substr(new, 1, j - 1) "\n"
                new = substr(new, j + 2)
            }
            new = out new
            p = index(doc, old)
            if (p == 0) { print "no está en base.xml: " old > "/dev/stderr"; bad = 1; next }
            done_ = ""
            while (p > 0) {
                done_ = done_ substr(doc, 1, p - 1) new
                doc = substr(doc, p + length(old))
                p = all ? index(doc, old) : 0
            }
            doc = done_ doc
            next
        }
        { frag = frag $0 "\n" }
        END {
            if (bad)
                exit 1
            sub(/\n+$/, "", frag)
            if (frag != "") {
                if (match(frag, /^[ \t]*<[A-Za-z][-A-Za-z0-9]*/) == 0) {
                    print "el fragmento no empieza con un elemento" > "/dev/stderr"
                    exit 1
                }
                name = substr(frag, RSTART, RLENGTH)
                sub(/^[ \t]*</, "", name)
                sub(/^[ \t]+/, "", frag)
                # first <name followed by space, > or /
                rest = doc
                off = 0
                start = 0
                while ((j = index(rest, "<" name)) > 0) {
                    c = substr(rest, j + length(name) + 1, 1)
                    if (c == " " || c == ">" || c == "/" || c == "\n") {
                        start = off + j
                        break
                    }
                    off += j
                    rest = substr(rest, j + 1)
                }
                if (start == 0) {
                    print "base.xml no tiene <" name ">" > "/dev/stderr"
                    exit 1
                }
                tail = substr(doc, start)
                gt = index(tail, ">")
                if (substr(tail, gt - 1, 1) == "/") {
                    stop = start + gt - 1
                } else {
                    close_tag = "</" name ">"
                    ct = index(tail, close_tag)
                    if (ct == 0) {
                        print "base.xml no cierra <" name ">" > "/dev/stderr"
                        exit 1
                    }
                    stop = start + ct - 1 + length(close_tag) - 1
                }
                doc = substr(doc, 1, start - 1) frag substr(doc, stop + 1)
            }
            printf "%s", doc
        }
    ' "$1" > "$2"
}

for spec in "$@"; do
    b=$(sed -n '/^### /q; s/^base: *//p' "$spec" | head -n 1)
    base=$here/${b:-base.xml}
    split_cases "$spec" || {
        echo "FALLA $spec: archivo mal formado"
        fail=$((fail + 1))
        continue
    }
    n=1
    while [ -f "$tmp/cases/$n.title" ]; do
        title=$(cat "$tmp/cases/$n.title")
        rm -rf "$tmp/work"
        mkdir -p "$tmp/work"
        if ! build_doc "$tmp/cases/$n.body" "$tmp/work/case.xml" 2> "$tmp/build.err"; then
            echo "FALLA $(basename "$spec") — $title: no se pudo construir el documento"
            cat "$tmp/build.err"
            fail=$((fail + 1))
            n=$((n + 1))
            continue
        fi
        (cd "$tmp/work" && "$pleno" check case.xml > out.txt 2> err.txt)
        rc=$?
        if grep -q ': error: ' "$tmp/cases/$n.expected"; then
            want_rc=1
        else
            want_rc=0
        fi
        if cmp -s "$tmp/cases/$n.expected" "$tmp/work/out.txt" && [ "$rc" -eq "$want_rc" ] &&
            [ ! -s "$tmp/work/err.txt" ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FALLA $(basename "$spec") — $title (estado $rc, se esperaba $want_rc)"
            diff -u "$tmp/cases/$n.expected" "$tmp/work/out.txt" |
                sed -e "1s|.*|--- esperado|" -e "2s|.*|+++ obtenido|"
            if [ -s "$tmp/work/err.txt" ]; then
                echo "(stderr)"
                cat "$tmp/work/err.txt"
            fi
        fi
        n=$((n + 1))
    done
done

# The samples are faithful transcriptions of real documents: no diagnostic.
(cd "$root" && "$pleno" check samples > "$tmp/samples.txt" 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/samples.txt" ]; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FALLA muestras: pleno check samples (estado $rc)"
    cat "$tmp/samples.txt"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
