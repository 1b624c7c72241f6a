#!/usr/bin/env bash
# Vendors DKFDS (Det Fælles Designsystem) into src/Joblog.Web/wwwroot/lib/dkfds/.
# Usage: scripts/update-dkfds.sh [version]   (default: the pinned version below)
# Needs npm and access to the npm registry. Only the borger.dk theme and the minified js are kept.
set -euo pipefail

VERSION="${1:-11.2.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/src/Joblog.Web/wwwroot/lib/dkfds"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "Installing dkfds@$VERSION into $TMP"
(cd "$TMP" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "dkfds@$VERSION" >/dev/null)
PKG="$TMP/node_modules/dkfds"
test -f "$PKG/dist/css/dkfds-borgerdk.min.css" || { echo "dkfds-borgerdk.min.css not found in package" >&2; exit 1; }

# Keep our README; replace everything else.
find "$DEST" -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} + 2>/dev/null || true
mkdir -p "$DEST/css" "$DEST/js"

cp "$PKG/dist/css/dkfds-borgerdk.min.css" "$DEST/css/"
cp "$PKG/dist/js/dkfds.min.js" "$DEST/js/"
cp -R "$PKG/dist/fonts" "$DEST/fonts"
cp -R "$PKG/dist/img" "$DEST/img"

# Licence files: the package's own (MIT) plus any under fonts/ and img/ (OFL, Apache) come along above.
find "$PKG" -maxdepth 1 -type f \( -iname 'licen[cs]e*' -o -iname 'notice*' -o -iname 'copying*' \) -exec cp {} "$DEST/" \;

# No virk.dk theme assets.
rm -f "$DEST/img/logo_virk.svg"

# No source maps.
find "$DEST" -name '*.map' -delete

# Fonts: keep only the files the css refers to (plus the licence files) — the package ships
# every weight in five formats (~12 MB), the theme uses a few.
CSS="$DEST/css/dkfds-borgerdk.min.css"
while IFS= read -r -d '' f; do
  rel="../${f#"$DEST"/}"
  grep -qF "$rel" "$CSS" || rm -f "$f"
done < <(find "$DEST/fonts" -type f ! -iname 'licen[cs]e*' -print0)
find "$DEST/fonts" -type d -empty -delete
find "$DEST/fonts" -iname 'licen[cs]e*' -execdir sh -c 'ls | grep -qvi "^licen[cs]e" || rm -f "$1"' _ {} \;
find "$DEST/fonts" -type d -empty -delete

echo "$VERSION" > "$DEST/VERSION"
echo "dkfds $VERSION vendored into $DEST:"
(cd "$DEST" && find . -type f | sort)
