#!/usr/bin/env bash
# Vendors Leaflet (the map on /joblog/kort) into src/Joblog.Web/wwwroot/lib/leaflet/.
# Usage: scripts/update-leaflet.sh [version]   (default: the pinned version below)
# Needs npm and access to the npm registry. Keeps the minified script, the css, the marker and
# layer images the css refers to, and the licence (BSD-2-Clause).
set -euo pipefail

VERSION="${1:-1.9.4}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/src/Joblog.Web/wwwroot/lib/leaflet"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "Installing leaflet@$VERSION into $TMP"
(cd "$TMP" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "leaflet@$VERSION" >/dev/null)
PKG="$TMP/node_modules/leaflet"
test -f "$PKG/dist/leaflet.js" || { echo "leaflet.js not found in package" >&2; exit 1; }

rm -rf "$DEST"
mkdir -p "$DEST/images"
cp "$PKG/dist/leaflet.js" "$PKG/dist/leaflet.css" "$DEST/"
cp "$PKG/dist/images/"*.png "$DEST/images/"
cp "$PKG/LICENSE" "$DEST/LICENSE"
# No source maps: drop the reference so browsers do not ask for a missing file.
sed -i '/sourceMappingURL=/d' "$DEST/leaflet.js"

echo "$VERSION" > "$DEST/VERSION"
echo "leaflet $VERSION vendored into $DEST:"
(cd "$DEST" && find . -type f | sort)
