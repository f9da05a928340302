#!/usr/bin/env bash
# Builds the project's search engine for the benchmark: crates/wasm
# (dialognetz-search-wasm) compiled to WebAssembly and bound for Node with
# wasm-bindgen --target nodejs into bench/pkg/, then optimised with wasm-opt
# -O3 (speed, not size: this is what the benchmark measures).
#
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli at the version
# the crate pins (./x installs both); wasm-opt is binaryen 132 from the root
# package.json (`npm ci` in the repository root), skipped with a note if
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM=target/wasm32-unknown-unknown/release/dialognetz_search_wasm.wasm
OUT=bench/pkg

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
command -v wasm-bindgen >/dev/null || {
  echo "build-wasm: wasm-bindgen not found; install it with ./x test (or cargo install wasm-bindgen-cli@<the crate's pin>)" >&2
  exit 1
}

cargo build --release -p dialognetz-search-wasm --target wasm32-unknown-unknown
rm -rf "$OUT"
wasm-bindgen --target nodejs --out-dir "$OUT" "$WASM"
# --target nodejs writes CommonJS, but bench/package.json says "type": "module":
# this marks the folder as CommonJS again.
echo '{ "type": "commonjs" }' >"$OUT/package.json"

if [ -x node_modules/.bin/wasm-opt ]; then
  # The features rustc enables by default for wasm32-unknown-unknown (1.82+);
  # wasm-opt refuses a module that uses features it was not told about.
  node_modules/.bin/wasm-opt -O3 \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$OUT/dialognetz_search_wasm_bg.wasm" -o "$OUT/dialognetz_search_wasm_bg.wasm"
  opt="wasm-opt -O3"
else
  echo "build-wasm: node_modules/.bin/wasm-opt missing (npm ci in the repository root); the module is not optimised" >&2
  opt="not optimised"
fi
echo "build-wasm: $OUT/dialognetz_search_wasm.js ($(wc -c <"$OUT/dialognetz_search_wasm_bg.wasm") bytes of wasm, $opt, $(wasm-bindgen --version))"
