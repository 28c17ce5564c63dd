#!/usr/bin/env bash
# Draws the two app icons with ImageMagick (apt-get install imagemagick). The PNGs are committed;
# run this only to change them. Colour: 192x192 on the accent colour; outline: 32x32, white on transparent.
set -euo pipefail
CONVERT=$(command -v magick || echo /usr/bin/convert)
cd "$(dirname "$0")"
"$CONVERT" -size 192x192 xc:'#2E5AAC' \
  -stroke white -strokewidth 8 -draw "line 96,56 52,136" -draw "line 96,56 140,136" -draw "line 52,136 140,136" \
  -fill white -stroke none -draw "circle 96,56 96,78" -draw "circle 52,136 52,156" -draw "circle 140,136 140,156" \
  -fill '#F2B134' -draw "circle 96,56 96,68" \
  -strip PNG32:color.png
"$CONVERT" -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 2 -draw "line 16,8 8,23" -draw "line 16,8 24,23" -draw "line 8,23 24,23" \
  -fill white -stroke none -draw "circle 16,8 16,12" -draw "circle 8,23 8,27" -draw "circle 24,23 24,27" \
  -strip PNG32:outline.png
