#!/usr/bin/env bash
# Install the test dependencies and run every check: lint, format, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
ruff check generator tests benchmarks
ruff format --check generator tests benchmarks
mypy
python3 -m pytest "$@"
