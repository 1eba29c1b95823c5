# Shared by the end-to-end suites (sourced, not run): the pleno under test,
# a scratch folder removed at exit, and the pass/fail tally that
# tests/run.sh reads from the last line ("N passed, M failed").
#
#   . tests/lib.sh          (from the repository's root)
set -u
PLENO=${PLENO:-build/pleno}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FALLA: $*"; }
# The last line, and the status: 0 only when nothing failed.
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
