#!/usr/bin/env bash
# Builds the OCI image archive artifacts/balances-oci.tar from the Native AOT `balances` executable and Debian's packages,
# pulling nothing from any image registry, and needing neither a container daemon nor root.
#
#   deploy/container/build.sh [EXECUTABLE]
#
# EXECUTABLE is a linux-x64 Native AOT build of balances (SQLite inside); without it, the script publishes one
# (dotnet publish src/BalanceClients.Cli -c Release -r linux-x64, which needs gcc and libsqlite3-dev). The image's root file system holds that executable, the
# shared libraries it loads (glibc; OpenSSL for HTTPS), the CA certificates, /etc/passwd and /etc/group naming user 65532,
# the Debian copyright files of what it ships, and the store's folder: no shell, no package manager, nothing else.
#
# Needs: apt-get (with its package lists: apt-get update), dpkg-deb, readelf, GNU tar, umoci and jq (Debian's umoci and jq).
# Environment: SOURCE_DATE_EPOCH (the image's time; default the last commit's), IMAGE_SOURCE (the source label; default the
# URL of the remote origin, else the repository's folder). `podman load -i artifacts/balances-oci.tar` names it
# localhost/balances:VERSION; `skopeo copy oci-archive:artifacts/balances-oci.tar ...` and Docker 25 or later take it too.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

die() { echo "build.sh: $*" >&2; exit 1; }
for tool in apt-get dpkg-deb readelf tar umoci jq; do
  command -v "$tool" > /dev/null || die "$tool is missing (Debian: apt-get install umoci jq binutils)"
done

executable=${1:-}
if [ -z "$executable" ]; then
  dotnet publish src/BalanceClients.Cli -c Release -r linux-x64 -nologo -v:q
  executable=src/BalanceClients.Cli/bin/Release/net10.0/linux-x64/publish/balances
fi
[ -x "$executable" ] || die "$executable is not an executable"

# The labels describe the executable inside, as it describes itself: VERSION+REVISION.
described=$("$executable" --version)
version=${described%%+*}
revision=${described#*+}
[ "$revision" != "$described" ] || revision=$(git rev-parse HEAD)
name=localhost/balances:$version
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
source=${IMAGE_SOURCE:-$(git remote get-url origin 2> /dev/null || echo "file://$repo")}

# What the executable loads: the libraries it is linked against, and OpenSSL, which .NET loads when it first needs TLS.
libraries=(ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libssl.so.3 libcrypto.so.3)
for needed in $(readelf -d "$executable" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  [[ " ${libraries[*]} " == *" $needed "* ]] || die "$executable needs $needed, which the image does not ship: add it here"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/debs" "$work/packages" "$work/rootfs"

packages=(libc6 libssl3 ca-certificates)
# As root, apt fetches as its own user _apt, who may not write in this user's temporary folder.
sandbox=()
[ "$(id -u)" != 0 ] || sandbox=(-o APT::Sandbox::User=root)
(cd "$work/debs" && apt-get download -qq "${sandbox[@]}" "${packages[@]}") || die "apt-get download ${packages[*]} failed (apt-get update first?)"
for deb in "$work"/debs/*.deb; do
  dpkg-deb --extract "$deb" "$work/packages"
done

rootfs=$work/rootfs
install -d -m 0755 "$rootfs"/{etc/ssl/certs,lib64,usr/local/bin,usr/lib/ssl,var/lib,lib/x86_64-linux-gnu,usr/lib/x86_64-linux-gnu}
install -m 0755 "$executable" "$rootfs/usr/local/bin/balances"
for library in "${libraries[@]}"; do
  found=$(find "$work/packages/lib/x86_64-linux-gnu" "$work/packages/usr/lib/x86_64-linux-gnu" -maxdepth 1 -name "$library" | head -n 1)
  [ -n "$found" ] || die "$library is in none of ${packages[*]}"
  install -m 0755 "$(readlink -f "$found")" "$rootfs${found#"$work/packages"}"
done
ln -s /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$rootfs/lib64/ld-linux-x86-64.so.2"

# The CA bundle, as update-ca-certificates makes it from every certificate the package ships; and where OpenSSL looks.
for certificate in $(find "$work/packages/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort); do
  sed -e '$a\' "$certificate"
done > "$rootfs/etc/ssl/certs/ca-certificates.crt"
chmod 0644 "$rootfs/etc/ssl/certs/ca-certificates.crt"
ln -s /etc/ssl/certs/ca-certificates.crt "$rootfs/usr/lib/ssl/cert.pem"
ln -s /etc/ssl/certs "$rootfs/usr/lib/ssl/certs"

for package in "${packages[@]}"; do
  install -D -m 0644 "$work/packages/usr/share/doc/$package/copyright" "$rootfs/usr/share/doc/$package/copyright"
done

printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nonroot:x:65532:65532:balances:/var/lib/balances:/sbin/nologin' \
  > "$rootfs/etc/passwd"
printf '%s\n' 'root:x:0:' 'nonroot:x:65532:' > "$rootfs/etc/group"
chmod 0644 "$rootfs/etc/passwd" "$rootfs/etc/group"
install -d -m 0700 "$rootfs/var/lib/balances"

# One layer, owned by root but for the store's folder, which 65532 owns: two archives made without root, then joined.
reproducible=(--format=gnu --sort=name --numeric-owner --mtime="@$epoch")
tar --create --file "$work/layer.tar" --owner=0 --group=0 "${reproducible[@]}" -C "$rootfs" --exclude=./var/lib/balances .
tar --create --file "$work/store.tar" --owner=65532 --group=65532 "${reproducible[@]}" -C "$rootfs" ./var/lib/balances
tar --concatenate --file "$work/layer.tar" "$work/store.tar"

layout=$work/layout
history=(--history.created "$created" --history.created_by "deploy/container/build.sh")
umoci init --layout "$layout"
umoci new --image "$layout:$version"
umoci raw add-layer --image "$layout:$version" "${history[@]}" --history.comment "balances $described and Debian's ${packages[*]}" \
  "$work/layer.tar"
umoci config --image "$layout:$version" --no-history --created "$created" --architecture amd64 --os linux \
  --config.user 65532:65532 \
  --config.entrypoint balances \
  --config.cmd serve --config.cmd --listen --config.cmd 0.0.0.0:9477 \
  --config.env PATH=/usr/local/bin \
  --config.env BALANCES_STORE=/var/lib/balances/balances.db \
  --config.env TMPDIR=/var/lib/balances \
  --config.env DOTNET_EnableDiagnostics=0 \
  --config.volume /var/lib/balances \
  --config.workingdir /var/lib/balances \
  --config.exposedports 9477/tcp \
  --config.stopsignal SIGTERM \
  --config.label "org.opencontainers.image.title=balances" \
  --config.label "org.opencontainers.image.description=balances serve: provider account balances for Prometheus" \
  --config.label "org.opencontainers.image.source=$source" \
  --config.label "org.opencontainers.image.version=$version" \
  --config.label "org.opencontainers.image.revision=$revision" \
  --config.label "org.opencontainers.image.created=$created"
umoci gc --layout "$layout"

# The name that podman load (org.opencontainers.image.ref.name) and Docker (io.containerd.image.name) give the image.
jq --arg name "$name" '.manifests[0].annotations = {"io.containerd.image.name": $name, "org.opencontainers.image.ref.name": $name}' \
  "$layout/index.json" > "$work/index.json"
mv "$work/index.json" "$layout/index.json"
[ "$(jq '.manifests | length' "$layout/index.json")" = 1 ] || die "the layout holds more than one image"

mkdir -p artifacts
tar --create --file artifacts/balances-oci.tar --owner=0 --group=0 --mode=a+rX,u+w "${reproducible[@]}" -C "$layout" \
  oci-layout index.json blobs
echo "artifacts/balances-oci.tar: $name ($(du -h artifacts/balances-oci.tar | cut -f1)), revision $revision"
