#!/usr/bin/env bash
# The cost of one reading recorded, and of following, on SQLite and on PostgreSQL: builds the benchmarks, starts a private
# PostgreSQL server (Debian's package, as initdb makes it: fsync and synchronous_commit on; loopback TCP and a Unix socket in
# a temporary folder), and runs `store-cost ACCOUNTS` on a SQLite file in that folder and on a database of that server; both are
# removed afterwards. Usage: tests/BalanceClients.Benchmarks/store.sh [ACCOUNTS] (100,000 by default; about 12 minutes on 2
# cores); run as root (PostgreSQL then runs as the postgres user) or as a user that may run PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
accounts=${1:-100000}
bench=tests/BalanceClients.Benchmarks/bin/Release/net10.0/BalanceClients.Benchmarks.dll
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

dotnet build tests/BalanceClients.Benchmarks -c Release -nologo -v:q >/dev/null

work=$(mktemp -d)
chmod 755 "$work"
as_postgres() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi; }
cleanup() {
  [ -f "$work/pg/data/postmaster.pid" ] && as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/pg/socket" "$work/sqlite"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$work/pg"
as_postgres "$pgbin/initdb" -D "$work/pg/data" -U balances --auth trust -E UTF8 --locale C.UTF-8 >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -o "-k $work/pg/socket -c listen_addresses=127.0.0.1 -p $port" \
  -l "$work/pg/log" -w start >/dev/null
as_postgres "$pgbin/createdb" -h "$work/pg/socket" -p "$port" -U balances balances

printf '%d cores; %s\n' "$(nproc)" "$(uptime)"
df -T "$work" | tail -1
dotnet "$bench" store-cost "$accounts" "$work/sqlite" "postgresql://balances@127.0.0.1:$port/balances" "$work/pg/data"
