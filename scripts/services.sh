#!/usr/bin/env bash
# Starts the local services the tests use when they are installed but not running:
# PostgreSQL (127.0.0.1:5432, trust auth for local connections) and MariaDB (127.0.0.1:3306).
# Installs them from Debian's packages first where they are missing (needs root).
set -uo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! command -v mariadbd >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql mariadb-server >/dev/null
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  if [ -n "$version" ]; then
    hba=/etc/postgresql/$version/main/pg_hba.conf
    grep -q "strongbox-test" "$hba" 2>/dev/null || {
      printf '# strongbox-test: local trust for the test suite\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' | as_root tee -a "$hba" >/dev/null
    }
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
fi
for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 0.5; done

if ! mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1; then
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  for _ in $(seq 1 20); do mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
pg_isready -h 127.0.0.1 -p 5432 -q && echo "postgresql: up" || echo "postgresql: not available (tests run on SQLite only)"
mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1 && echo "mariadb: up" || echo "mariadb: not available"
