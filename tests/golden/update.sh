#!/bin/sh
# Regenerates the golden texts from the current build. Review the diff
# (git diff tests/golden) before committing: it is the change users see.
set -eu
PLENO=${PLENO:-build/pleno}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for src in samples/*/*.xml; do
    name=$(basename "$src" .xml)
    "$PLENO" render "$src" -o "$T/$name.pdf"
    pdftotext -layout "$T/$name.pdf" "tests/golden/$name.txt"
done
