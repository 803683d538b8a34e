#!/usr/bin/env bash
# What the container image costs: its size (the archive, its layer, the root file system unpacked) and the cold start of
# `balances check --demo` (which starts its own fake providers on loopback) outside the image and inside its root file system,
# run as the tests run it (unshare --root as user 65532, the image's environment, /proc and the usual devices). The image is
# built from the published Native AOT executable (deploy/container/build.sh). Needs root, umoci and jq.
# Usage: tests/BalanceClients.Benchmarks/image.sh [RUNS] [WARMUP]; prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
warmup=${2:-3}
aot=src/BalanceClients.Cli/bin/Release/net10.0/linux-x64/publish/balances
image=artifacts/balances-oci.tar
# shellcheck source=measure.sh
source tests/BalanceClients.Benchmarks/measure.sh

dotnet publish src/BalanceClients.Cli -c Release -r linux-x64 -nologo -v:q >/dev/null
deploy/container/build.sh "$aot" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/layout" "$work/rootfs" "$work/rootfs/proc" "$work/rootfs/dev"
tar --extract --file "$image" --directory "$work/layout"
blob() { echo "$work/layout/blobs/${1/://}"; }
manifest=$(blob "$(jq -r '.manifests[0].digest' "$work/layout/index.json")")
layer=$(blob "$(jq -r '.layers[0].digest' "$manifest")")
tar --extract --gzip --numeric-owner --same-owner --file "$layer" --directory "$work/rootfs"
for device in null:3 zero:5 random:8 urandom:9; do mknod -m 666 "$work/rootfs/dev/${device%%:*}" c 1 "${device##*:}"; done

bytes() { awk '{ s += $1 } END { print s }'; }
echo "| what | size |"
echo "| --- | ---: |"
echo "| the archive, \`$image\` | $(stat -c %s "$image" | mib) |"
echo "| its one layer, compressed (what a registry stores and a node pulls) | $(stat -c %s "$layer" | mib) |"
echo "| the root file system, unpacked | $(find "$work/rootfs" -type f -printf '%s\n' | bytes | mib) |"
echo "| of which the executable | $(stat -c %s "$work/rootfs/usr/local/bin/balances" | mib) |"
echo
# Outside and inside take turns, run by run, so that a change in the machine's load falls on both alike.
outside=(env -i PATH=/usr/bin:/bin "$aot" check --demo --format json)
inside=(env -i PATH=/usr/local/bin BALANCES_STORE=/var/lib/balances/balances.db TMPDIR=/var/lib/balances
  /usr/bin/unshare --mount-proc --root="$work/rootfs" --wd=/var/lib/balances --setgid=65532 --setuid=65532 --
  balances check --demo --format json)
(runs=$warmup warmup=0; measure "${outside[@]}"; measure "${inside[@]}") > /dev/null
for ((i = 0; i < runs; i++)); do
  (runs=1 warmup=0; measure "${outside[@]}") >> "$work/outside"
  (runs=1 warmup=0; measure "${inside[@]}") >> "$work/inside"
done
echo "| \`balances check --demo --format json\` | wall | CPU | peak RSS | how |"
echo "| --- | ---: | ---: | ---: | --- |"
summary 'outside the image' 'the executable on this machine' < "$work/outside"
summary 'inside the image' 'unshare --root, user 65532' < "$work/inside"
echo
echo "Medians of $runs runs each, taking turns, after $warmup warm-up runs each; $(nproc) cores, $(uname -r), load $(cut -d" " -f1-3 /proc/loadavg)."
