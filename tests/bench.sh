#!/bin/sh
# make bench: how fast pleno renders, and with how much memory.
# Renders each sample and a generated document of about 500 pages (the
# Anexo of the acuerdo sample repeated), 5 times each, and prints the
# median wall time, pages per second and peak resident memory.
# Peer tools (pdflatex, FOP, …) are compared in ../shared/research/
# peers-performance.md on the same kind of machine.
set -eu
PLENO=${1:-build/pleno}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

python3 - "$T/largo.xml" <<'PY'
import re, sys
src = open("samples/acuerdo/CONAIP-SNT-ACUERDO-EXT04-05-10-2017-07.xml", encoding="utf-8").read()
start = src.index("<seccion", src.index("<indice"))
end = src.rindex("</anexo>")
body = src[start:end]
out = src[:start] + body * 10 + src[end:]
open(sys.argv[1], "w", encoding="utf-8").write(out)
PY

printf '%-48s %6s %9s %9s %10s\n' documento páginas "mediana s" "págs/s" "RSS máx"
for f in samples/*/*.xml "$T/largo.xml"; do
    if ! "$PLENO" render "$f" -o "$T/out.pdf" >"$T/err" 2>&1; then
        echo "bench: $f no se compone: $(cat "$T/err")" >&2
        exit 1
    fi
    times=""
    rss=0
    for i in 1 2 3 4 5; do
        /usr/bin/time -f "%e %M" -o "$T/t" "$PLENO" render "$f" -o "$T/out.pdf" >/dev/null 2>&1
        set -- $(cat "$T/t")
        times="$times $1"
        [ "$2" -gt "$rss" ] && rss=$2
    done
    med=$(echo "$times" | tr ' ' '\n' | grep . | sort -n | sed -n 3p)
    pages=$(pdfinfo "$T/out.pdf" | awk '/^Pages:/{print $2}')
    pps=$(awk -v p="$pages" -v t="$med" 'BEGIN{ if (t > 0) printf "%.0f", p / t; else print "∞" }')
    printf '%-48s %6s %9s %9s %7d KiB\n' "$(basename "$f")" "$pages" "$med" "$pps" "$rss"
done
