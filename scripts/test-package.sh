#!/usr/bin/env bash
# Tests what an office installs: builds the packages (scripts/package.sh), then
#  - unpacks the Linux archive into an empty folder and, with no Rust on the PATH, has
#    its `loa` build and check the example site (this repository) and say its version;
#  - checks the Windows archive holds loa.exe and the same documents;
#  - installs loa with `cargo install --locked --path .` into an empty folder and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

# The packages' date, which cargo install below must see too: a build script run with
# another date would compile loa again and give another `loa --version`.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
scripts/package.sh
version=$(cargo pkgid | sed 's/.*[#@]//')
linux="loa-$version-x86_64-linux"
windows="loa-$version-x86_64-windows"
documents="CHANGELOG.md LICENSE-APACHE LICENSE-MIT README.md THIRD-PARTY-LICENSES.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "test-package: $*" >&2
  exit 1
}

(cd dist && sha256sum --check --quiet SHA256SUMS) || fail "SHA256SUMS does not match the archives"

mkdir "$work/linux"
tar --extract --file "dist/$linux.tar.gz" --directory "$work/linux"
[ "$(cd "$work/linux/$linux" && echo $documents loa | tr ' ' '\n' | sort | xargs)" \
  = "$(ls "$work/linux/$linux" | sort | xargs)" ] || fail "$linux.tar.gz holds $(ls "$work/linux/$linux")"
# Only the system's own folders: neither cargo nor rustc nor a C compiler's libraries.
(
  export PATH=/usr/bin:/bin
  ! command -v cargo >/dev/null && ! command -v rustc >/dev/null || fail "Rust is on the PATH /usr/bin:/bin"
  loa="$work/linux/$linux/loa"
  ldd "$loa" 2>&1 | grep -Eq "statically linked|not a dynamic executable" \
    || fail "the Linux loa needs libraries: $(ldd "$loa")"
  "$loa" --version | grep -Eq "^loa $version \([0-9a-f]{12} [0-9]{4}-[0-9]{2}-[0-9]{2}\)$" \
    || fail "unexpected version: $("$loa" --version)"
  "$loa" build --quiet --root "$repo" --out "$work/site"
  [ -f "$work/site/index.html" ] && [ -f "$work/site/thong-ke/stats.json" ] || fail "no site built"
  "$loa" check --quiet --root "$repo"
)

unzip -q "dist/$windows.zip" -d "$work/windows"
[ "$(cd "$work/windows/$windows" && echo $documents loa.exe | tr ' ' '\n' | sort | xargs)" \
  = "$(ls "$work/windows/$windows" | sort | xargs)" ] || fail "$windows.zip holds $(ls "$work/windows/$windows")"
[ "$(head -c 2 "$work/windows/$windows/loa.exe")" = MZ ] || fail "loa.exe is not a Windows program"

# Into a temporary root, for the musl target and in the same target folder, so that the
# package's build is reused rather than everything compiled a third time.
cargo install --locked --quiet --path . --root "$work/installed" \
  --target x86_64-unknown-linux-musl --target-dir "${CARGO_TARGET_DIR:-target}"
[ "$("$work/installed/bin/loa" --version)" = "$("$work/linux/$linux/loa" --version)" ] \
  || fail "cargo install gave $("$work/installed/bin/loa" --version)"
echo "test-package: the packages and cargo install work"
