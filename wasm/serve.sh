#!/usr/bin/env bash
# Builds the package and serves the page on http://127.0.0.1:${PORT:-8000}/ (local only;
# the page needs no network once loaded). Ctrl-C stops it.
set -euo pipefail
WASM_DIR="$(cd "$(dirname "$0")" && pwd)"
"$WASM_DIR/build.sh"
PORT="${PORT:-8000}"
echo "vmkcheck page: http://127.0.0.1:$PORT/"
exec python3 -m http.server --bind 127.0.0.1 --directory "$WASM_DIR/www" "$PORT"
