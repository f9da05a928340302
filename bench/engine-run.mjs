// Measures one engine on one dataset, in a process of its own.
//
// run.mjs starts this once per engine and size, one after the other, so each
// engine starts from a clean heap: its memory figure is not inflated by the
// garbage of the engine before it, and no engine's JIT state or GC pressure
// leaks into another's latencies. Everything goes to stdout as one JSON line;
// progress goes to stderr.
//
//   node --expose-gc bench/engine-run.mjs --engine NAME --data FILE --queries FILE
//        [--rounds N] [--budget-ms N] [--warmup N] [--check N] [--cap N]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from './docs.mjs';
import { ENGINES } from './engines/index.mjs';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    data: { type: 'string' },
    queries: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'budget-ms': { type: 'string', default: '15000' },
    warmup: { type: 'string', default: '3' },
    check: { type: 'string', default: '20' },
    cap: { type: 'string' },
  },
});

if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
const engine = ENGINES[args.engine];
if (!engine) throw new Error(`unknown engine ${args.engine}`);

const LIMIT = 10;
const log = (msg) => process.stderr.write(`  [${engine.name}] ${msg}\n`);
const now = () => process.hrtime.bigint();
const ms = (t0, t1) => Number(t1 - t0) / 1e6;
const gc = () => {
  global.gc();
  global.gc();
};
const settle = async (v) => (v && typeof v.then === 'function' ? await v : v);

/**
 * Every class's queries, or with --cap an evenly spaced subsample of at most
 * `cap` per class (for engines that scan every document per query). Spacing
 * over the whole class keeps every prefix length and query shape represented.
 */
function select(queries, cap) {
  const byClass = new Map();
  queries.forEach((q, i) => {
    if (!byClass.has(q.cls)) byClass.set(q.cls, []);
    byClass.get(q.cls).push(i);
  });
  const chosen = [];
  for (const idx of byClass.values()) {
    if (!cap || idx.length <= cap) chosen.push(...idx);
    else for (let k = 0; k < cap; k++) chosen.push(idx[Math.floor((k * idx.length) / cap)]);
  }
  return chosen.sort((a, b) => a - b);
}

const startT = now();
const prepT0 = now();
const { bytes, docs } = loadDataset(args.data);
const queries = JSON.parse(readFileSync(args.queries, 'utf8')).queries;
const prepMs = ms(prepT0, now());
const cap = args.cap ? Number(args.cap) : 0;
const chosen = select(queries, cap);
const ctx = { datasetBytes: bytes };

if (engine.prepare) engine.prepare();

// Build, with the heap measured around it. The documents already exist, so
// the delta is what the index itself keeps alive.
gc();
const m0 = process.memoryUsage();
const t0 = now();
const state = await settle(engine.build(docs, ctx));
const buildMs = ms(t0, now());
gc();
const m1 = process.memoryUsage();
const wasmMemory = engine.wasmMemory ? engine.wasmMemory(state) : null;
log(`built in ${buildMs.toFixed(0)} ms`);

// Warm-up: the first few queries of each class, untimed, so that the timed
// pass does not measure the JIT compiling the search path.
const firstOfClass = new Map();
for (const i of chosen) {
  const c = queries[i].cls;
  if (!firstOfClass.has(c)) firstOfClass.set(c, []);
  if (firstOfClass.get(c).length < Number(args.warmup)) firstOfClass.get(c).push(i);
}
for (const list of firstOfClass.values()) for (const i of list) engine.search(state, queries[i].q, LIMIT);

// Timed rounds over the chosen queries, in generation order (prefixes of one
// word come one after another, as when typing). A full GC before each round
// keeps one round's garbage out of the next. Rounds stop early once the timed
// queries have taken --budget-ms, so slow engines keep the run bounded.
const results = new Map(chosen.map((i) => [i, { i, ids: null, ms: [] }]));
const maxRounds = Number(args.rounds);
let rounds = 0;
let spentMs = 0;
while (rounds < maxRounds && (rounds === 0 || spentMs < Number(args['budget-ms']))) {
  gc();
  for (const i of chosen) {
    const q = queries[i].q;
    const a = now();
    const ids = engine.search(state, q, LIMIT);
    const b = now();
    const res = results.get(i);
    const t = ms(a, b);
    spentMs += t;
    res.ms.push(t);
    if (rounds === 0) res.ids = Array.from(ids, String);
  }
  rounds++;
}
log(`${chosen.length} queries × ${rounds} rounds done`);

// Serialise and load. The loaded index must answer like the built one: a
// check that the serialisation is complete, not a measurement.
const s0 = now();
const payload = await settle(engine.serialize(state));
const serializeMs = ms(s0, now());
const serializedBytes = typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : payload.byteLength;
gc();
const l0 = now();
const loaded = await settle(engine.load(payload, ctx));
const loadMs = ms(l0, now());
// Ties may come back in another order after loading (MiniSearch does that),
// so the check compares the top-10 sets.
let mismatches = 0;
const nCheck = Math.min(Number(args.check), chosen.length);
const checked = Array.from({ length: nCheck }, (_, k) => chosen[Math.floor((k * chosen.length) / nCheck)]);
const asSet = (ids) => Array.from(ids, String).sort().join('\n');
for (const i of checked) {
  if (asSet(results.get(i).ids) !== asSet(engine.search(loaded, queries[i].q, LIMIT))) mismatches++;
}
// WebAssembly memory after loading, in a fresh process and module (see
// load-memory.mjs): the figure after building is the build's peak.
let loadedMemory = null;
if (engine.moduleMemory) {
  const dir = mkdtempSync(join(tmpdir(), 'dialognetz-bench-'));
  try {
    const file = join(dir, 'index.bin');
    writeFileSync(file, payload);
    const script = new URL('./load-memory.mjs', import.meta.url).pathname;
    loadedMemory = JSON.parse(execFileSync(process.execPath, [script, '--engine', args.engine, '--payload', file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`WebAssembly memory after loading in a fresh module: ${(loadedMemory.wasm_memory_bytes / 1e6).toFixed(1)} MB`);
}
if (engine.dispose) {
  engine.dispose(loaded);
  engine.dispose(state);
}
log(`serialised ${(serializedBytes / 1e6).toFixed(1)} MB, loaded in ${loadMs.toFixed(0)} ms${mismatches ? `, ${mismatches}/${checked.length} answers differ after loading` : ''}`);

process.stdout.write(`${JSON.stringify({
  engine: engine.name,
  config: engine.config,
  documents: docs.length,
  prep_ms: prepMs,
  build_ms: buildMs,
  heap_delta_bytes: m1.heapUsed - m0.heapUsed,
  array_buffers_delta_bytes: m1.arrayBuffers - m0.arrayBuffers,
  wasm_memory_bytes: wasmMemory,
  wasm_memory_after_load_bytes: loadedMemory?.wasm_memory_bytes ?? null,
  wasm_memory_fresh_module_bytes: loadedMemory?.before_bytes ?? null,
  serialize_ms: serializeMs,
  serialized_bytes: serializedBytes,
  load_ms: loadMs,
  load_check: { queries: checked.length, differing: mismatches },
  rounds,
  query_ms_total: spentMs,
  wall_ms: ms(startT, now()),
  cap: cap || null,
  results: [...results.values()],
})}\n`);
