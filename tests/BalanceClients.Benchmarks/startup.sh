#!/usr/bin/env bash
# Whole-process cost of one check of five loopback providers that answer at once: five parallel curl calls (the floor a
# user could script), `balances check` on the JIT (dotnet balances.dll) and the Native AOT binary. For each: the median of
# RUNS runs after WARMUP runs of wall time, CPU time (user + system) and peak RSS, from /usr/bin/time -v; and the size of
# what has to be installed. Usage: tests/BalanceClients.Benchmarks/startup.sh [RUNS] [WARMUP]; prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
warmup=${2:-3}
jit=src/BalanceClients.Cli/bin/Release/net10.0/balances.dll
aot=src/BalanceClients.Cli/bin/Release/net10.0/linux-x64/publish/balances

dotnet build src/BalanceClients.Cli -c Release -nologo -v:q >/dev/null
dotnet publish src/BalanceClients.Cli -c Release -r linux-x64 -nologo -v:q >/dev/null
dotnet build tests/BalanceClients.Benchmarks -c Release -nologo -v:q >/dev/null

# The fakes serve until their standard input closes: the FIFO's writer is this script.
work=$(mktemp -d)
mkfifo "$work/stdin"
dotnet tests/BalanceClients.Benchmarks/bin/Release/net10.0/BalanceClients.Benchmarks.dll fakes < "$work/stdin" > "$work/fakes" &
fakes=$!
exec 3> "$work/stdin"
trap 'exec 3>&-; wait "$fakes" 2>/dev/null; rm -rf "$work"' EXIT
until grep -q '^ready$' "$work/fakes"; do sleep 0.1; done
# shellcheck disable=SC1090
source <(grep '^export ' "$work/fakes")

curl_five() {
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d "{\"key\":\"$UNDRCTRL_API_KEY\",\"action\":\"balance\"}" "${UNDRCTRL_BASE_URL%/}/api/v2/" &
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d "{\"authSecret\":\"$ANTGST_AUTH_SECRET\"}" "${ANTGST_BASE_URL%/}/user/account/balance" &
  curl -sf -o /dev/null -H "Authorization: Bearer $TELNYX_API_KEY" "${TELNYX_BASE_URL%/}/balance" &
  curl -sf -o /dev/null -H "Authorization: Bearer $LUMENFALL_API_KEY" "${LUMENFALL_BASE_URL%/}/v1/balance" &
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "X-Client-Id: $MESH_CLIENT_ID" -H "X-Client-Secret: $MESH_CLIENT_SECRET" \
    -d "{\"authToken\":\"$MESH_AUTH_TOKEN\",\"type\":\"$MESH_BROKER_TYPE\"}" "${MESH_BASE_URL%/}/api/v1/balance/get" &
  wait
}
export -f curl_five

# shellcheck source=measure.sh
source tests/BalanceClients.Benchmarks/measure.sh

curl_size=$( (stat -c %s "$(command -v curl)"; ldd "$(command -v curl)" | awk '/libcurl/ { print $3 }' | xargs stat -L -c %s) | awk '{ s += $1 } END { print s }' | mib)
jit_size=$(find "$(dirname "$jit")" -maxdepth 1 -type f ! -name '*.pdb' ! -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { print s }' | mib)
aot_size=$(stat -c %s "$aot" | mib)

echo "| command, 5 loopback providers | wall | CPU | peak RSS | size |"
echo "| --- | ---: | ---: | ---: | ---: |"
row 'five parallel `curl`' "$curl_size (curl + libcurl)" bash -c curl_five
row '`balances check` JIT (`dotnet balances.dll`)' "$jit_size (app, no symbols) + the .NET runtime" dotnet "$jit" check --format json
row '`balances check` Native AOT' "$aot_size (one file)" "$aot" check --format json
echo
echo "Medians of $runs runs after $warmup warm-up runs; $(nproc) cores, $(uname -r), $(dotnet --version)."
