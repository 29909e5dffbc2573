#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 on loopback, then remove it.
#
#   scripts/ci_postgres.sh .venv/bin/pytest src/lineofsight/accounts -q
#
# Starts a private server (its own data directory and Unix socket, a free TCP port on 127.0.0.1),
# exports DATABASE_URL for it, runs the command, stops the server, deletes everything, and exits
# with the command's status. pytest-django creates its test database beside the one named here.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "ci_postgres: PostgreSQL 15 not found in $PG_BIN; installing it" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

# The server refuses to run as root: as root, run it as the postgres user (or a user made for it).
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  PG_USER="${PG_USER:-postgres}"
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  RUN_AS=(runuser -u "$PG_USER" --)
fi

WORK="$(mktemp -d /tmp/los-pg.XXXXXX)"
chmod 755 "$WORK"
[ "${#RUN_AS[@]}" -gt 0 ] && chown "$PG_USER" "$WORK"
PGDATA="$WORK/data"
PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

stop() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "$PASSWORD" > "$WORK/pwfile"
[ "${#RUN_AS[@]}" -gt 0 ] && chown "$PG_USER" "$WORK/pwfile"
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U lineofsight --pwfile="$WORK/pwfile" -A scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
rm -f "$WORK/pwfile"

# Speed over durability: the database is thrown away afterwards.
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/server.log" -w -t 60 start \
  -o "-h 127.0.0.1 -p $PORT -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

export DATABASE_URL="postgres://lineofsight:${PASSWORD}@127.0.0.1:${PORT}/postgres"
echo "ci_postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
