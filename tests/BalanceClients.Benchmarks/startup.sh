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

# One line per run: wall seconds (from the shell's microsecond clock; time -v counts only hundredths), CPU seconds, peak RSS KiB.
measure() {
  local i out start end
  for ((i = 0; i < warmup + runs; i++)); do
    start=$EPOCHREALTIME
    out=$( { /usr/bin/time -v "$@" > /dev/null; } 2>&1 )
    end=$EPOCHREALTIME
    if ((i >= warmup)); then
      awk -F': ' -v start="$start" -v end="$end" '
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
        END { printf "%.4f %.2f %d\n", end - start, user + sys, rss }' <<< "$out"
    fi
  done
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

row() {
  local name=$1 size=$2; shift 2
  local results
  results=$(measure "$@")
  printf '| %s | %s s | %s s | %s MiB | %s |\n' "$name" \
    "$(cut -d' ' -f1 <<< "$results" | median)" \
    "$(cut -d' ' -f2 <<< "$results" | median)" \
    "$(cut -d' ' -f3 <<< "$results" | median | awk '{ printf "%.1f", $1 / 1024 }')" \
    "$size"
}

mib() { awk '{ printf "%.1f MiB", $1 / 1048576 }'; }
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
