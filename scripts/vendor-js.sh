#!/usr/bin/env bash
# Rebuild the vendored JavaScript the web app serves itself (no CDN): ECharts and
# Cytoscape.js, exact versions from npm, copied into the package's static files.
# The copied files are committed, so a fresh clone needs no npm; run this only to upgrade.
set -euo pipefail
ECHARTS_VERSION=6.1.0
CYTOSCAPE_VERSION=3.34.4

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/cgtatlas/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-save --no-audit --no-fund "echarts@$ECHARTS_VERSION" "cytoscape@$CYTOSCAPE_VERSION" >/dev/null

mkdir -p "$dest"
cp node_modules/echarts/dist/echarts.min.js "$dest/echarts.min.js"
cp node_modules/cytoscape/dist/cytoscape.min.js "$dest/cytoscape.min.js"
cp node_modules/echarts/LICENSE "$dest/echarts.LICENSE.txt"
cp node_modules/cytoscape/LICENSE "$dest/cytoscape.LICENSE.txt"
printf 'echarts %s\ncytoscape %s\n' "$ECHARTS_VERSION" "$CYTOSCAPE_VERSION" > "$dest/VERSIONS.txt"
ls -l "$dest"
