#!/bin/sh
# Runs every test suite against $BUILD (build/ by default): unit tests
# (cmocka), rule cases (tests/rules), the bad-input corpus (tests/bad) and
# the end-to-end tests. Prints one "N passed, M failed" line at the end.
set -u
BUILD=${BUILD:-build}
PLENO=$BUILD/pleno
export PLENO
total_pass=0
total_fail=0

tally() { # reads a suite's output, echoes it, adds its closing counts
    last=$(tail -n 1 "$1")
    p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
    f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
    if [ -z "$p" ]; then
        p=0
        f=1
    fi
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "== pruebas unitarias ($BUILD)"
up=0
uf=0
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    if ! "$t" >"$out" 2>&1; then
        cat "$out"
        echo "FALLA: $t"
    fi
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | head -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | head -n 1)
    if [ -z "$p$f" ]; then # crashed before its summary
        f=1
    fi
    up=$((up + ${p:-0}))
    uf=$((uf + ${f:-0}))
    echo "  $(basename "$t"): ${p:-0} passed, ${f:-0} failed"
done
echo "$up passed, $uf failed" >"$out"
cat "$out"
tally "$out"

for suite in tests/rules/run.sh tests/bad/run.sh tests/e2e.sh tests/layout.sh tests/informe.sh tests/report.sh tests/cites.sh tests/golden/run.sh tests/pathological/run.sh tests/valgrind.sh; do
    [ -f "$suite" ] || continue
    echo "== $suite ($BUILD)"
    sh "$suite" >"$out" 2>&1
    cat "$out"
    tally "$out"
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
