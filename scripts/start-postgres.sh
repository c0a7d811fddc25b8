#!/usr/bin/env bash
# Starts a throwaway Postgres 15 for the Postgres half of the test suite and prints the
# DATABASE_URL to use. Usage: eval "$(bash scripts/start-postgres.sh)"
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
if [[ ! -x $bin/initdb ]]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
fi
dir=$(mktemp -d /tmp/stagecraft-pg.XXXXXX)
chown postgres "$dir"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >&2
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export STAGECRAFT_PG_DIR=$dir"
