// The engines under test, in the order the tables list them: the project first.
//
// Each adapter has the same shape:
//   build(docs, ctx) → state          ctx.datasetBytes: the dataset file's bytes
//   search(state, query, limit) → ids best first
//   serialize(state) → string | Uint8Array   everything needed to answer searches
//   load(payload, ctx) → state
// and optionally prepare() (load code before the memory baseline),
// wasmMemory(state) and dispose(state). Any of them may return a promise.

import dialognetz from './dialognetz.mjs';
import minisearch from './minisearch.mjs';
import flexsearch from './flexsearch.mjs';
import fuse from './fuse.mjs';
import orama from './orama.mjs';

export const PROJECT = 'dialognetz';
export const PEERS = ['minisearch', 'flexsearch', 'fuse', 'orama'];
export const ENGINES = { dialognetz, minisearch, flexsearch, fuse, orama };
