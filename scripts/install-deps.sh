#!/bin/sh
# Installs the Debian packages pleno needs to build, test and render.
# The one list of dependencies: README, `make demo`/`make deps` and .ci/run
# all call this script. Idempotent: it does nothing when all are present.
set -eu

PKGS="build-essential pkg-config \
libhpdf-dev libpng-dev libxml2-dev libxml2-utils libpcre2-dev libcmocka-dev \
libhyphen-dev hyphen-es libharfbuzz-dev \
fonts-noto-core \
poppler-utils qpdf valgrind"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "pleno: instalando dependencias:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
