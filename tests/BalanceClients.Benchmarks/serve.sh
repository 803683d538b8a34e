#!/usr/bin/env bash
# What `balances serve` costs while it serves: the latency of /metrics and /api/v1/balances answered from its cache, at a
# fixed request rate on loopback (p50/p99/max over a bounded run, from ServeLoad.cs), and the resident memory of the process
# with 5 accounts, 1,000 and 10,000: idle once every account has been checked, and while it checks each account every 10 s
# (5 and 1,000). With 1,000 and 10,000 accounts, /metrics is measured plain (10,000: at a tenth of the rate) and gzip (as
# Prometheus asks for it).
# The server is the Native AOT executable; the providers are the fakes, in a process of their own, answering at once.
# Usage: tests/BalanceClients.Benchmarks/serve.sh [PER-SECOND] [SECONDS], or serve.sh memory for the memory table alone;
# prints Markdown tables. BALANCES_EXECUTABLE=path measures that executable instead of publishing this checkout's.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=all
if [ "${1:-}" = memory ]; then mode=memory; shift; fi
rate=${1:-500}
seconds=${2:-20}
aot=${BALANCES_EXECUTABLE:-src/BalanceClients.Cli/bin/Release/net10.0/linux-x64/publish/balances}
bench=tests/BalanceClients.Benchmarks/bin/Release/net10.0/BalanceClients.Benchmarks.dll

[ -n "${BALANCES_EXECUTABLE:-}" ] || dotnet publish src/BalanceClients.Cli -c Release -r linux-x64 -nologo -v:q >/dev/null
dotnet build tests/BalanceClients.Benchmarks -c Release -nologo -v:q >/dev/null

work=$(mktemp -d)
serve=""
cleanup() {
  [ -n "$serve" ] && kill "$serve" 2>/dev/null && wait "$serve" 2>/dev/null
  exec 3>&- 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The fakes serve until their standard input closes: the FIFO's writer is this script.
mkfifo "$work/stdin"
dotnet "$bench" fakes < "$work/stdin" > "$work/fakes" &
exec 3> "$work/stdin"
until grep -q '^ready$' "$work/fakes"; do sleep 0.1; done
# shellcheck disable=SC1090
source <(grep '^export ' "$work/fakes")

# 995 named accounts beside the five default ones, 199 per provider, all on the fakes.
accounts_file() {
  python3 - "$1" <<'PY'
import json, os, sys
per = int(sys.argv[1]) // 5
creds = {
  "undrctrl": {"ApiKey": os.environ["UNDRCTRL_API_KEY"]},
  "antgst": {"AuthSecret": os.environ["ANTGST_AUTH_SECRET"]},
  "telnyx": {"ApiKey": os.environ["TELNYX_API_KEY"]},
  "lumenfall": {"ApiKey": os.environ["LUMENFALL_API_KEY"]},
  "mesh": {k: os.environ["MESH_" + v] for k, v in
           {"ClientId": "CLIENT_ID", "ClientSecret": "CLIENT_SECRET", "AuthToken": "AUTH_TOKEN", "BrokerType": "BROKER_TYPE"}.items()},
}
providers = {p: {"Accounts": {f"a{i:04d}": c for i in range(per)}} for p, c in creds.items()}
print(json.dumps({"Balances": {"Providers": providers}}))
PY
}

# Starts serve with ACCOUNTS accounts, checking each every INTERVAL seconds, and waits until every one has been checked.
start_serve() {
  local extra=()
  if [ "$1" -gt 5 ]; then
    accounts_file "$(( $1 - 5 ))" > "$work/config.json"
    extra=(--config "$work/config.json")
  fi
  "$aot" serve --listen 127.0.0.1:0 --interval "${2:-3600}" --no-store "${extra[@]}" 2> "$work/serve.err" &
  serve=$!
  until grep -q 'serving http' "$work/serve.err"; do sleep 0.1; done
  url=$(grep -o 'http://[0-9.:]*' "$work/serve.err" | head -1)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ]; do sleep 0.2; done
  sleep 5
}

stop_serve() { kill "$serve"; wait "$serve" 2>/dev/null || true; serve=""; }

kib() { awk -v name="$1" '$1 == name ":" { print $2 }' "/proc/$serve/status"; }

if [ "$mode" = all ]; then
  echo "| endpoint | load | requests | p50 | p99 | max | sent late (p50) |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  start_serve 5
  dotnet "$bench" serve-load "$url/metrics" "$rate" "$seconds"
  dotnet "$bench" serve-load "$url/api/v1/balances" "$rate" "$seconds"
  stop_serve
  echo
fi
echo "| accounts | idle RSS | peak RSS | RSS while checking every 10 s | /metrics size | /metrics gzip size | /api/v1/balances size |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A rss
declare -A loads
mib() { bc -l <<< "$1 / 1024"; }
for n in 5 1000 10000; do
  busy=""
  if [ "$n" -le 1000 ]; then
    start_serve "$n" 10
    sleep 30
    busy=$(printf '%.1f MiB' "$(mib "$(kib VmRSS)")")
    stop_serve
  fi
  start_serve "$n"
  rss[$n]=$(kib VmRSS)
  printf '| %d | %.1f MiB | %.1f MiB | %s | %d KiB | %d KiB | %d KiB |\n' "$n" "$(mib "${rss[$n]}")" "$(mib "$(kib VmHWM)")" "${busy:-not measured}" \
    "$(( $(curl -s "$url/metrics" | wc -c) / 1024 ))" "$(( $(curl -s -H 'Accept-Encoding: gzip' "$url/metrics" | wc -c) / 1024 ))" \
    "$(( $(curl -s "$url/api/v1/balances" | wc -c) / 1024 ))"
  if [ "$n" -ge 1000 ] && [ "$mode" = all ]; then
    # 7.5 MiB a plain body at 10,000 accounts: at the full rate that is 3.7 GB/s, more than 2 cores carry; a tenth of it.
    plain_rate=$(( n > 1000 ? rate / 10 : rate ))
    loads[$n]=$(dotnet "$bench" serve-load "$url/metrics" "$plain_rate" "$seconds"
      dotnet "$bench" serve-load "$url/metrics" "$rate" "$seconds" gzip)
  fi
  stop_serve
done
echo
printf 'Idle growth per account: %.1f KiB (5 to 1,000), %.1f KiB (1,000 to 10,000). %d cores, load average %s, %s, %s.\n' \
  "$(bc -l <<< "(${rss[1000]} - ${rss[5]}) / 995")" "$(bc -l <<< "(${rss[10000]} - ${rss[1000]}) / 9000")" "$(nproc)" \
  "$(cut -d' ' -f1 /proc/loadavg)" "$(uname -r)" "$(dotnet --version)"
if [ "$mode" = all ]; then
  for n in 1000 10000; do
    echo
    echo "| endpoint, $n accounts | load | requests | p50 | p99 | max | sent late (p50) |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    echo "${loads[$n]}"
  done
fi
