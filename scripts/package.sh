#!/usr/bin/env bash
# Builds loa's release archives into dist/, installing first what a fresh Debian machine
# lacks (the musl and mingw-w64 C toolchains, the Rust targets, cargo-about):
#   loa-VERSION-x86_64-linux.tar.gz   loa, static (musl): runs on any current distribution
#   loa-VERSION-x86_64-windows.zip    loa.exe (mingw-w64)
#   SHA256SUMS                        `sha256sum -c SHA256SUMS` checks both
# Each holds README.md, CHANGELOG.md, loa's licences and those of every library built into
# it. The archives are the same bytes on every run of one commit: SOURCE_DATE_EPOCH
# (default: the commit's time) dates the build (`loa --version`) and every archived file.
set -euo pipefail
cd "$(dirname "$0")/.."

# cargo-about lists the licences; pinned so that the list is made the same way each time.
CARGO_ABOUT_VERSION=0.9.3
LINUX=x86_64-unknown-linux-musl
WINDOWS=x86_64-pc-windows-gnu

need_apt=()
command -v musl-gcc >/dev/null 2>&1 || need_apt+=(musl-tools)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need_apt+=(mingw-w64)
command -v zip >/dev/null 2>&1 || need_apt+=(zip)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}"
fi
rustup target add "$LINUX" "$WINDOWS"
if [ "$(cargo about --version 2>/dev/null)" != "cargo-about $CARGO_ABOUT_VERSION" ]; then
  # Without CARGO_TARGET_DIR, cargo install builds in a temporary folder of its own.
  env -u CARGO_TARGET_DIR cargo install --locked cargo-about --version "$CARGO_ABOUT_VERSION" --features cli
fi

version=$(cargo pkgid | sed 's/.*[#@]//')
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
target_dir="${CARGO_TARGET_DIR:-target}"

for target in "$LINUX" "$WINDOWS"; do
  cargo build --locked --release --target "$target"
done

rm -rf dist
mkdir -p dist
cargo about generate --locked --config scripts/package/about.toml \
  --output-file dist/THIRD-PARTY-LICENSES.txt scripts/package/licences.hbs

# Puts loa and its documents into the folder dist/NAME, every file dated SOURCE_DATE_EPOCH.
stage() {
  local name=$1 binary=$2
  mkdir -p "dist/$name"
  cp "$binary" README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE dist/THIRD-PARTY-LICENSES.txt "dist/$name/"
  touch --no-dereference --date="@$SOURCE_DATE_EPOCH" "dist/$name" "dist/$name"/*
}

linux="loa-$version-x86_64-linux"
stage "$linux" "$target_dir/$LINUX/release/loa"
tar --create --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
  --directory=dist "$linux" | gzip --no-name --best > "dist/$linux.tar.gz"

windows="loa-$version-x86_64-windows"
stage "$windows" "$target_dir/$WINDOWS/release/loa.exe"
(cd dist && find "$windows" | LC_ALL=C sort | TZ=UTC zip -X -q -9 "$windows.zip" -@)

rm -rf "dist/$linux" "dist/$windows" dist/THIRD-PARTY-LICENSES.txt
(cd dist && sha256sum "$linux.tar.gz" "$windows.zip" > SHA256SUMS)
ls -l dist
