#!/usr/bin/env bash
# Install the test dependencies and run every check: lint, format, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'

apt_install() {
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
    fi
}
# Browser tests drive Debian's Chromium through Playwright (no browser download).
if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
fi
# The Nu HTML Checker (tests/test_html_valid.py) is a Java program: Debian's Java runtime, and
# the checker from the npm package pinned in tests/tools/ (installed into that folder; its
# install script, which would download a Java runtime, is not run).
if ! command -v java >/dev/null; then
    apt_install default-jre-headless
fi
npm ci --prefix tests/tools --ignore-scripts --no-audit --no-fund --loglevel=error

ruff check generator devtools tests benchmarks
ruff format --check generator devtools tests benchmarks
mypy
python3 -m pytest "$@"
