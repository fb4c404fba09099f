#!/usr/bin/env bash
# Install the generator and build the site from the shipped catalogue into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e .
python3 -m generator validate catalogue
python3 -m generator build --catalogue catalogue --site-dir site
