#!/usr/bin/env bash
# Set up a kplan checkout on Debian 12 and build the plan. Safe to run again: it only adds what is missing.
#   1. Debian packages: Pango and HarfBuzz (WeasyPrint), the BIZ UD fonts, poppler (PDF tests), git,
#      Chromium and Node.js 20+ (browser tests of the site), pandoc (the benchmark's peer), Valgrind (its
#      instruction counts).
#   2. A virtual environment in .venv with kplan (editable) and the test tools.
#   3. node_modules from package-lock.json: playwright-core and axe-core (browser tests), minisearch (its copy in
#      templates/static/vendor/ is checked against it).
#   4. kplan build: the HTML site and the PDF in build/.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  python3-venv
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho
  poppler-utils git
  chromium
  pandoc valgrind
)
# Node.js 20 or later; Debian's own packages only where the machine has none
command -v node >/dev/null || DEBIAN_PACKAGES+=(nodejs)
command -v npm >/dev/null || DEBIAN_PACKAGES+=(npm)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing the browser-test packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "setup: building the plan"
.venv/bin/kplan build
