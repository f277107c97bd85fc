#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -e '.[test]'

# Browser tests drive Debian's Chromium (Playwright must not download a browser of its own);
# fonts-noto-cjk makes Chinese render in screenshots; antiword reads legacy Word .doc briefings.
if ! command -v chromium >/dev/null 2>&1 || ! command -v antiword >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk antiword >/dev/null
fi

# From npm: axe-core checks the pages' accessibility in the browser tests, and the Nu HTML
# checker (vnu-jar, run with Java) their markup.
TOOLS=tests/browser/.tools/node_modules
if [ ! -f "$TOOLS/axe-core/axe.min.js" ] || [ ! -f "$TOOLS/vnu-jar/build/dist/vnu.jar" ] || ! command -v java >/dev/null 2>&1; then
  if ! command -v npm >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm default-jre-headless >/dev/null
  fi
  npm install --silent --no-audit --no-fund --prefix tests/browser/.tools axe-core@4.14.1 vnu-jar@26.9.27 >/dev/null
fi

python -m pytest "$@"
