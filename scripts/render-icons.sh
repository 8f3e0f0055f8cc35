#!/usr/bin/env bash
# Renders packaging/icons/io.github.tidemark.Tidemark.svg to the PNG sizes the hicolor theme
# and the window use (packaging/icons/<size>/). The PNGs are committed so that building needs
# no SVG renderer; run this after changing the SVG and commit the result.
# Needs rsvg-convert (Debian: librsvg2-bin, installed by scripts/install-deps.sh --test).
set -euo pipefail

cd "$(dirname "$0")/../packaging/icons"
id=io.github.tidemark.Tidemark
for size in 16 32 48 64 128 256; do
    mkdir -p "$size"
    rsvg-convert --width "$size" --height "$size" "$id.svg" --output "$size/$id.png"
done
echo "render-icons: wrote $(ls -d [0-9]* | tr '\n' ' ')"
