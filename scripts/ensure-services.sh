#!/usr/bin/env bash
# The suite uses the real PostgreSQL (127.0.0.1:5432, trust auth) and Redis (127.0.0.1:6379).
# Where they are not running, install them from Debian's packages and start them: tests never
# skip silently because a service is missing.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }

apt_install() {
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if ! pg_up; then
  echo "PostgreSQL not running: starting it"
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  version="$(ls /etc/postgresql | sort -V | tail -1)"
  conf="/etc/postgresql/${version}/main/pg_hba.conf"
  if ! $SUDO grep -q "zhumys-trust" "$conf"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust # zhumys-trust' "$conf"
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
pg_up || { echo "PostgreSQL could not be started" >&2; exit 1; }

if ! redis_up; then
  echo "Redis not running: starting it"
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  mkdir -p /tmp/zhumys-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /tmp/zhumys-redis --logfile /tmp/zhumys-redis/redis.log
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
fi
redis_up || { echo "Redis could not be started" >&2; exit 1; }
echo "PostgreSQL and Redis are up"

# Browser tests drive Debian's headless Chromium (Playwright attaches to /usr/bin/chromium).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium not installed: installing it for the browser tests"
  apt_install chromium
fi
command -v chromium >/dev/null 2>&1 || { echo "Chromium could not be installed" >&2; exit 1; }
echo "Chromium is installed"
