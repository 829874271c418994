#!/usr/bin/env bash
# Builds the example site and saves screenshots of its home page, an article, the
# statistics page and a province page at 390 px (a phone) and 1280 px (a desktop) into
# docs/screenshots/, for the README; then the editor's list, form and phone preview tab,
# taken by its browser test (tests/serve/editing.rs) as it writes its articles. Needs what scripts/install-test-deps.sh installs,
# and pngquant (Debian's `pngquant`) to keep the pictures small.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo run --quiet -- build --quiet --out "$out/public"
mkdir -p docs/screenshots
node tests/tools/screenshots.mjs "$out/public" docs/screenshots \
  home=/ \
  article=/le-ra-mat/dak-lak-ra-mat-luc-luong-tham-gia-bao-ve-antt-o-co-so/ \
  statistics=/thong-ke/ \
  province=/thong-ke/dak-lak/
LOA_EDITOR_SCREENSHOTS=docs/screenshots cargo test --quiet --test serve editing
for picture in docs/screenshots/*.png; do
  # 98 and 99: pngquant cannot make this one smaller at that quality; it stays as it is.
  pngquant --force --skip-if-larger --strip --quality 70-90 --ext .png "$picture" || [ $? -ge 98 ]
done
# The guide to the editor shows two of them.
guide=content/huong-dan/soan-bai-tren-trinh-duyet
cp docs/screenshots/editor-form.png "$guide/bieu-mau-va-xem-truoc.png"
cp docs/screenshots/editor-phone.png "$guide/xem-truoc-tren-dien-thoai.png"
ls -l docs/screenshots
