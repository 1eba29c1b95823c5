#!/bin/sh
# Golden tests: the text of every rendered sample, page by page
# (pdftotext -layout keeps form feeds), so any change in pagination or
# line breaking shows up as a diff. After an intended change to the
# engine or a layout, regenerate with: sh tests/golden/update.sh
set -u
PLENO=${PLENO:-build/pleno}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
for src in samples/*/*.xml; do
    name=$(basename "$src" .xml)
    golden=tests/golden/$name.txt
    if ! "$PLENO" render "$src" -o "$T/$name.pdf" >"$T/err" 2>&1; then
        echo "FALLA: $src no se compone: $(cat "$T/err")"
        fail=$((fail + 1))
        continue
    fi
    if [ ! -f "$golden" ]; then
        echo "FALLA: falta $golden (sh tests/golden/update.sh)"
        fail=$((fail + 1))
        continue
    fi
    pdftotext -layout "$T/$name.pdf" "$T/$name.txt"
    if cmp -s "$golden" "$T/$name.txt"; then
        pass=$((pass + 1))
    else
        echo "FALLA: $name difiere de $golden:"
        diff -u "$golden" "$T/$name.txt" | head -40
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
