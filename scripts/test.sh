#!/usr/bin/env bash
# Install what the tests need and run the whole suite (lint, types, tests). CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

bash scripts/ensure-services.sh

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

echo "== ruff"
.venv/bin/ruff check app matching indexer tests bench migrations
.venv/bin/ruff format --check app matching indexer tests bench migrations
echo "== mypy"
.venv/bin/mypy app matching indexer
echo "== pytest"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$status"
