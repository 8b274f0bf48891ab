#!/bin/sh
# Trunk post_build hook: prepend to the staged sw.js the build's version and the list of every file
# to precache. Runs inside Trunk, which sets TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
base="${TRUNK_PUBLIC_URL:-/}"
cd "$dir"
[ -f sw.js ] || { echo "sw-assets: no sw.js in $dir" >&2; exit 1; }
files=$(find . -type f ! -name sw.js ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do cat "$f"; done | sha256sum | cut -c1-16)
list="\"$base\""
for f in $files; do list="$list, \"$base$f\""; done
{
  printf 'const VERSION = "%s";\nconst ASSETS = [%s];\n' "$version" "$list"
  cat sw.js
} > sw.js.tmp
mv sw.js.tmp sw.js
echo "sw-assets: $(echo "$files" | wc -l) files, version $version" >&2
