#!/usr/bin/env bash
# Regenerates every icon in assets/ from the SVG sources next to this script.
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
# The outputs are committed, so only whoever changes an SVG needs these tools.
set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
assets="$(dirname "$src")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

# render SVG COLOUR SIZE OUT: the tray SVGs draw in currentColor, set here by a stylesheet.
render() {
  printf 'svg { color: %s; }\n' "$2" >"$work/colour.css"
  rsvg-convert --stylesheet "$work/colour.css" -w "$3" -h "$3" "$1" -o "$4"
}

# 16 px comes from the hinted drawing; scaled up it looks thin and grey, so 20 px and up use the 32 px one.
tray_svg_for() { if [ "$1" -le 16 ]; then echo "$src/tray-16.svg"; else echo "$src/tray-32.svg"; fi; }

# macOS template images: black plus alpha only; macOS recolours them for light and dark menu bars.
render "$src/tray-16.svg" '#000000' 16 "$assets/trayTemplate.png"
render "$src/tray-32.svg" '#000000' 32 "$assets/trayTemplate@2x.png"

# Windows and Linux: "light" is for light taskbars (dark glyph), "dark" for dark taskbars (white glyph).
for variant in light dark; do
  if [ "$variant" = light ]; then colour='#1F1F1F'; else colour='#FFFFFF'; fi
  render "$src/tray-16.svg" "$colour" 16 "$assets/tray-$variant.png"
  render "$src/tray-32.svg" "$colour" 32 "$assets/tray-$variant@2x.png"
  # Windows picks the tray size by display scaling: 16, 20, 24, 32, 40, 48 px for 100-300 %.
  ico_parts=()
  for size in 16 20 24 32 40 48; do
    render "$(tray_svg_for "$size")" "$colour" "$size" "$work/tray-$variant-$size.png"
    ico_parts+=("$work/tray-$variant-$size.png")
  done
  convert "${ico_parts[@]}" "$assets/tray-$variant.ico"
done

# App icon: 1024 px master; electron-builder can derive the rest, but we ship them for offline builds.
rsvg-convert -w 1024 -h 1024 "$src/icon.svg" -o "$assets/icon.png"
ico_parts=()
for size in 16 24 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" "$src/icon.svg" -o "$work/icon-$size.png"
  ico_parts+=("$work/icon-$size.png")
done
convert "${ico_parts[@]}" "$assets/icon.ico"
icns_parts=()
for size in 16 32 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" "$src/icon.svg" -o "$work/icns-$size.png"
  icns_parts+=("$work/icns-$size.png")
done
png2icns "$assets/icon.icns" "${icns_parts[@]}" >/dev/null

echo "assets regenerated in $assets"
