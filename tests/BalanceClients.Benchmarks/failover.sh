#!/usr/bin/env bash
# How long several balances serve replicas on one PostgreSQL store go without a leader when the leader dies: two replicas of
# the Native AOT executable against the fakes (in a process of their own), on a private PostgreSQL server (Debian's package,
# a Unix socket only); the leader is killed with kill -9, and the time until the other says balances_leader 1 on /metrics is
# measured, RUNS times (10 by default, a fresh replica started in the dead one's place each time). Prints each run and the
# median and worst, in seconds. Usage: tests/BalanceClients.Benchmarks/failover.sh [RUNS]; run as root (PostgreSQL then runs as
# the postgres user) or as a user that may run PostgreSQL. BALANCES_EXECUTABLE=path measures that executable.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
aot=${BALANCES_EXECUTABLE:-src/BalanceClients.Cli/bin/Release/net10.0/linux-x64/publish/balances}
bench=tests/BalanceClients.Benchmarks/bin/Release/net10.0/BalanceClients.Benchmarks.dll
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

[ -n "${BALANCES_EXECUTABLE:-}" ] || dotnet publish src/BalanceClients.Cli -c Release -r linux-x64 -nologo -v:q >/dev/null
dotnet build tests/BalanceClients.Benchmarks -c Release -nologo -v:q >/dev/null

work=$(mktemp -d)
chmod 755 "$work"
replicas=()
as_postgres() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${replicas[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -f "$work/pg/data/postmaster.pid" ] && as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  exec 3>&- 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/pg/socket"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$work/pg"
as_postgres "$pgbin/initdb" -D "$work/pg/data" -U balances --auth trust -E UTF8 --locale C.UTF-8 --no-sync >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -o "-k $work/pg/socket -c listen_addresses=" -l "$work/pg/log" -w start >/dev/null
as_postgres "$pgbin/createdb" -h "$work/pg/socket" -U balances balances
store="postgresql://balances@/balances?host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$work/pg/socket")"

# The fakes serve until their standard input closes: the FIFO's writer is this script.
mkfifo "$work/stdin"
dotnet "$bench" fakes < "$work/stdin" > "$work/fakes" &
exec 3> "$work/stdin"
until grep -q '^ready$' "$work/fakes"; do sleep 0.1; done
# shellcheck disable=SC1090
source <(grep '^export ' "$work/fakes")

# Starts a replica; sets $pid and $url.
start_replica() {
  local log="$work/replica-$1.err"
  "$aot" serve --listen 127.0.0.1:0 --interval 10 --store "$store" 2> "$log" &
  pid=$!
  replicas+=("$pid")
  until grep -q 'serving http' "$log"; do sleep 0.1; done
  url=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
}

leader() { curl -s "$1/metrics" | awk '$1 == "balances_leader" { v = $2 } END { print v + 0 }'; }

start_replica a; declare -A urls=([$pid]=$url)
start_replica b; urls[$pid]=$url
times=()
for run in $(seq 1 "$runs"); do
  pids=("${!urls[@]}")
  until [ "$(( $(leader "${urls[${pids[0]}]}") + $(leader "${urls[${pids[1]}]}") ))" = 1 ]; do sleep 0.1; done
  if [ "$(leader "${urls[${pids[0]}]}")" = 1 ]; then dead=${pids[0]}; other=${pids[1]}; else dead=${pids[1]}; other=${pids[0]}; fi
  start=$(date +%s.%N)
  { kill -9 "$dead"; wait "$dead"; } 2>/dev/null || true
  until [ "$(leader "${urls[$other]}")" = 1 ]; do sleep 0.05; done
  took=$(bc -l <<< "$(date +%s.%N) - $start")
  times+=("$took")
  printf 'run %d: the other replica led after %.2f s\n' "$run" "$took"
  unset "urls[$dead]"
  start_replica "r$run"; urls[$pid]=$url
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
  median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
  printf "failover over %d runs: median %.2f s, worst %.2f s\n", NR, median, t[NR] }'
printf '%d cores, load average %s.\n' "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
