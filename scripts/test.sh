#!/usr/bin/env bash
# Install everything the tests need and run the whole suite (lint + pytest).
# Extra arguments go to pytest, e.g. scripts/test.sh -m "not e2e" -x
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Browser tests: Debian's Chromium (Playwright cannot download browsers here),
# with CJK and emoji fonts so screenshots show Korean text and emoji.
apt_install chromium fonts-noto-cjk fonts-noto-color-emoji
# Deployment tests: Debian's nginx runs deploy/nginx/app.conf (nginx -t, two replicas),
# Debian's coturn runs deploy/coturn/turnserver.conf (the app's TURN credentials).
apt_install nginx coturn
ensure_venv requirements-dev.txt

# PostgreSQL: the suite runs every database test on SQLite and on PostgreSQL.
export TEST_PG_ADMIN_URL="${TEST_PG_ADMIN_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres}"
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! pg_up; then
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  echo "==> starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! .venv/bin/python -c "import sqlalchemy as sa, os; sa.create_engine(os.environ['TEST_PG_ADMIN_URL']).connect().close()" 2>/dev/null; then
  # A stock Debian server asks for a password on 127.0.0.1: give the postgres role one.
  echo "==> setting a password for the local postgres role (test server only)"
  as_root runuser -u postgres -- psql -qc "ALTER ROLE postgres PASSWORD 'postgres'"
  export TEST_PG_ADMIN_URL="postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
fi

echo "==> ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "==> pytest"
exec .venv/bin/python -m pytest "$@"
