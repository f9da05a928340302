// The project's engine: crates/wasm (dialognetz-search-wasm), built by
// bench/build-wasm.sh with wasm-bindgen --target nodejs into bench/pkg.
//
// Unlike the peers it is handed the dataset file itself: validating and
// flattening it is part of what SearchEngine.build does, and so part of its
// build time.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PKG = fileURLToPath(new URL('../pkg/dialognetz_search_wasm.js', import.meta.url));

export const isBuilt = () => existsSync(PKG);

let SearchEngine = null;
let moduleMemoryBytes = null;
function api() {
  if (!SearchEngine) ({ SearchEngine, moduleMemoryBytes } = createRequire(import.meta.url)(PKG));
  return SearchEngine;
}

export default {
  name: 'dialognetz',
  config: { module: 'bench/pkg/dialognetz_search_wasm.js' },
  // Instantiating the module is not part of the build: it happens before the
  // memory baseline, like importing a JS library.
  prepare: () => api(),
  build: (docs, { datasetBytes }) => api().build(datasetBytes),
  search: (engine, q, limit) => engine.search(q, limit),
  serialize: (engine) => engine.toBytes(),
  load: (bytes) => api().fromBytes(bytes),
  wasmMemory: (engine) => engine.memoryBytes(),
  // The module's memory with no engine in it (bench/load-memory.mjs).
  moduleMemory: () => {
    api();
    return moduleMemoryBytes();
  },
  dispose: (engine) => engine.free(),
};
