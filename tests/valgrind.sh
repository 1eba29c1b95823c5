#!/bin/sh
# Memory check: a full check and render of the largest sample under
# valgrind must report no error and no leak. Skipped for sanitizer builds
# (valgrind and AddressSanitizer do not mix) and when valgrind is absent.
set -u
PLENO=${PLENO:-build/pleno}
case $PLENO in *asan*)
    echo "0 passed, 0 failed"
    exit 0 ;;
esac
if ! command -v valgrind >/dev/null 2>&1; then
    echo "0 passed, 0 failed"
    exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
BIG=samples/acuerdo/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.xml
for cmd in "check $BIG" "render $BIG -o $T/x.pdf" "render --draft $BIG -o $T/y.pdf"; do
    # shellcheck disable=SC2086
    if valgrind --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        -q "$PLENO" $cmd >"$T/log" 2>&1; then
        pass=$((pass + 1))
    else
        echo "FALLA: valgrind pleno $cmd"
        head -40 "$T/log"
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
