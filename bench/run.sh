#!/usr/bin/env bash
# The search benchmark, everything in one command:
#   bench/run.sh                         1,000, 10,000 and 100,000 organisations
#   bench/run.sh --sizes 1000            a quick run
#   bench/run.sh --peers-only            without the project's engine (no wasm build)
# Other flags go to bench/run.mjs (--engines, --rounds, --budget-s, --query-seed, --out).
#
# Builds the release CLI and (unless --peers-only) the WebAssembly engine,
# installs the pinned peers (npm ci) when bench/node_modules is missing or
# older than the lock file, generates the datasets that are missing or older
# than the CLI binary, and runs the benchmark. Results: stdout and
# bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

sizes=1000,10000,100000
peers_only=0
rest=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --sizes=*) sizes="${1#--sizes=}"; shift ;;
    --peers-only) peers_only=1; rest+=("$1"); shift ;;
    *) rest+=("$1"); shift ;;
  esac
done

echo "==> release CLI" >&2
cargo build --release -p dialognetz-cli
if [ "$peers_only" = 0 ]; then
  echo "==> WebAssembly engine" >&2
  bench/build-wasm.sh
fi

if ! [ -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  echo "==> npm ci (bench)" >&2
  npm ci --prefix bench --no-audit --no-fund
fi

mkdir -p bench/data
for n in ${sizes//,/ }; do
  f="bench/data/orgs-$n.json"
  if ! [ -f "$f" ] || [ target/release/dialognetz -nt "$f" ]; then
    echo "==> generating $f" >&2
    target/release/dialognetz generate --organizations "$n" --seed 7 -o "$f"
  fi
done

echo "==> benchmark" >&2
exec node --expose-gc bench/run.mjs --sizes "$sizes" "${rest[@]}"
