#!/usr/bin/env bash
# The two generators side by side, in one run (docs/benchmarks.md, "Choosing the generator"): the per-call benchmarks
# (baseline, NSwag client, Kiota client, the unified layer) under an NSwag build and then under a Kiota build
# (-p:ClientGenerator=Kiota), the Native AOT executable's size under each, and the build's generation times (a no-op build,
# one changed spec, each generator's clean generation). About 30 minutes on 2 cores; it edits and restores
# specs/lumenfall.yaml. Usage: tests/BalanceClients.Benchmarks/generators.sh; prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/generators
rm -rf "$out" && mkdir -p "$out"

for generator in NSwag Kiota; do
  dotnet run -c Release -p:ClientGenerator="$generator" --project tests/BalanceClients.Benchmarks -- \
    --filter '*PerCallBenchmarks*' --artifacts "$out/$generator" > "$out/$generator.log"
  if grep -q 'There are not any results runs' "$out/$generator.log"; then
    echo "the $generator benchmarks did not run: $out/$generator.log" >&2
    exit 1
  fi
  printf '\n### Per call, %s build\n\n' "$generator"
  cat "$out/$generator"/results/*PerCallBenchmarks-report-github.md

  dotnet publish src/BalanceClients.Cli -c Release -r linux-x64 -p:ClientGenerator="$generator" -o "$out/aot-$generator" -nologo -v:q >/dev/null
  "$out/aot-$generator/balances" check --demo --format json > /dev/null
done

printf '\n### Native AOT executable\n\n| ClientGenerator | size (bytes) | size (MiB) |\n| --- | ---: | ---: |\n'
for generator in NSwag Kiota; do
  size=$(stat -c %s "$out/aot-$generator/balances")
  printf '| %s | %s | %s |\n' "$generator" "$size" "$(python3 -c "print(f'{$size / 1048576:.1f}')")"
done

printf '\n### Build\n\n'
dotnet run -c Release --project tests/BalanceClients.Benchmarks -- build
