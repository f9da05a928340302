// The search benchmark: the project's engine against MiniSearch, FlexSearch,
// Fuse.js and Orama, on the same machine, in the same run, on the same data
// and the same queries. See bench/README.md; bench/run.sh is the one command
// that builds and generates everything first.
//
//   node --expose-gc bench/run.mjs [--sizes 1000,10000,100000] [--peers-only]
//        [--engines a,b] [--rounds 3] [--budget-s 15] [--query-seed 1] [--out FILE]
//
// Each engine runs in a child process of its own (engine-run.mjs), one after
// the other; this process builds the query set and the oracle once per size,
// scores the answers, and prints and writes the results.

import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataset } from './docs.mjs';
import { CLASSES, Oracle, makeQueries, recallAt10 } from './queries.mjs';
import { PROJECT, PEERS } from './engines/index.mjs';
import { isBuilt, PKG } from './engines/dialognetz.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const DATA_SEED = 7; // `dialognetz generate --seed 7`, as bench/run.sh generates

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    'peers-only': { type: 'boolean', default: false },
    engines: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'budget-s': { type: 'string', default: '15' },
    'query-seed': { type: 'string', default: '1' },
    out: { type: 'string', default: join(BENCH, 'results', 'latest.json') },
  },
});

const sizes = args.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes: whole numbers, comma-separated: ${args.sizes}`);
const peersOnly = args['peers-only'];
const wanted = args.engines ? args.engines.split(',') : [PROJECT, ...PEERS];
for (const e of wanted) if (e !== PROJECT && !PEERS.includes(e)) throw new Error(`--engines: unknown engine ${e}`);
const engines = wanted.filter((e) => !(peersOnly && e === PROJECT));
const runProject = engines.includes(PROJECT);

if (runProject && !isBuilt()) {
  console.error(`dialognetz: not built — ${relative(process.cwd(), PKG)} is missing.`);
  console.error('Build it with bench/build-wasm.sh (bench/run.sh does), or pass --peers-only to measure the peers alone.');
  process.exit(1);
}

/**
 * Fuse.js compares the query with every document on every query: about 0.1 s
 * a query at 1,000 organisations, 1 s at 10,000 and 10 s at 100,000. To keep
 * the whole run within minutes it answers an evenly spaced subsample of each
 * class (`cap` queries per class) in one round, with a shorter warm-up and
 * load check. Every other engine answers the whole query set.
 */
function policy(engine, size) {
  if (engine === 'fuse') {
    if (size >= 100000) return { cap: 1, warmup: 0, check: 1, rounds: 1 };
    if (size >= 10000) return { cap: 3, warmup: 1, check: 1, rounds: 1 };
    return { cap: 10, warmup: 1, check: 3, rounds: 1 };
  }
  return { cap: 0, warmup: 3, check: 20, rounds: Number(args.rounds) };
}

// ---------------------------------------------------------------------------
// Formatting

const fmtMs = (x) => (x == null ? '—' : x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const fmtMB = (b) => (b == null ? '—' : `${(b / 1048576).toFixed(1)} MB`);
const fmtRatio = (x) => (x == null ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(0)}×`);
const fmtInt = (n) => n.toLocaleString('en-US');

function table(headers, rows, align) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => ((align?.[i] ?? 'l') === 'r' ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join('  ').trimEnd();
  return [line(headers), line(w.map((n) => '─'.repeat(n))), ...rows.map(line)].join('\n');
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------
// One engine on one size

function runEngine(engine, size, dataPath, queriesPath) {
  const p = policy(engine, size);
  const argv = [
    '--expose-gc', join(BENCH, 'engine-run.mjs'),
    '--engine', engine, '--data', dataPath, '--queries', queriesPath,
    '--rounds', String(p.rounds), '--budget-ms', String(Number(args['budget-s']) * 1000),
    '--warmup', String(p.warmup), '--check', String(p.check),
  ];
  if (p.cap) argv.push('--cap', String(p.cap));
  const res = spawnSync(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, timeout: 20 * 60 * 1000 });
  if (res.status !== 0) {
    console.error(`${engine} at ${fmtInt(size)} failed (${res.signal ?? `exit ${res.status}`}).`);
    process.exit(1);
  }
  return { ...JSON.parse(res.stdout.toString('utf8')), policy: p };
}

/** Per class: latency percentiles and mean recall@10; `byQuery` gets each
 *  answered query's recall (to compare engines on the same queries). */
function score(raw, queries, byQuery = new Map()) {
  const classes = {};
  for (const cls of CLASSES) classes[cls] = { samples: [], recalls: [] };
  for (const r of raw.results) {
    const q = queries[r.i];
    classes[q.cls].samples.push(...r.ms);
    const recall = recallAt10(r.ids, q.rel, q.oracle);
    classes[q.cls].recalls.push(recall);
    byQuery.set(r.i, recall);
  }
  const out = {};
  for (const [cls, c] of Object.entries(classes)) {
    if (c.recalls.length === 0) continue;
    const s = c.samples.sort((a, b) => a - b);
    out[cls] = {
      queries: c.recalls.length,
      samples: s.length,
      p50_ms: percentile(s, 0.5),
      p95_ms: percentile(s, 0.95),
      recall_at_10: c.recalls.reduce((a, b) => a + b, 0) / c.recalls.length,
    };
  }
  return out;
}

/** Per class: the project's p95 over the fastest peer's, and over the fastest peer with recall@10 ≥ 0.9. */
function ratios(results) {
  const out = {};
  for (const cls of CLASSES) {
    const peers = PEERS.filter((e) => results[e]?.classes[cls]).map((e) => ({ engine: e, ...results[e].classes[cls] }));
    if (peers.length === 0) continue;
    const fastest = peers.reduce((a, b) => (b.p95_ms < a.p95_ms ? b : a));
    const good = peers.filter((p) => p.recall_at_10 >= 0.9);
    const fastestGood = good.length ? good.reduce((a, b) => (b.p95_ms < a.p95_ms ? b : a)) : null;
    const mine = results[PROJECT]?.classes[cls];
    out[cls] = {
      fastest_peer: fastest.engine,
      fastest_peer_p95_ms: fastest.p95_ms,
      project_over_fastest: mine ? mine.p95_ms / fastest.p95_ms : null,
      fastest_peer_recall_ge_0_9: fastestGood?.engine ?? null,
      fastest_peer_recall_ge_0_9_p95_ms: fastestGood?.p95_ms ?? null,
      project_over_fastest_recall_ge_0_9: mine && fastestGood ? mine.p95_ms / fastestGood.p95_ms : null,
    };
  }
  return out;
}

function printSize(size, docs, queries, results, rat, datasetBytes) {
  const perClass = CLASSES.map((c) => `${c} ${queries.filter((q) => q.cls === c).length}`).join(', ');
  console.log(`\n━━ ${fmtInt(size)} organisations · ${fmtInt(docs)} documents · ${queries.length} queries (${perClass})\n`);
  const names = Object.keys(results);
  console.log(table(
    ['engine', 'build', 'heap Δ', 'array buffers Δ', 'wasm memory built', 'wasm memory loaded', 'serialised', 'load'],
    names.map((e) => {
      const r = results[e];
      return [e, `${fmtMs(r.build_ms)} ms`, fmtMB(r.heap_delta_bytes), fmtMB(r.array_buffers_delta_bytes), fmtMB(r.wasm_memory_bytes), fmtMB(r.wasm_memory_after_load_bytes), fmtMB(r.serialized_bytes), `${fmtMs(r.load_ms)} ms`];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  ));
  console.log('\nquery latency p50 / p95 in ms, recall@10');
  const label = (e) => (results[e].policy.cap ? `${e}*` : e);
  console.log(table(
    ['class', ...names.map(label)],
    CLASSES.map((c) => [c, ...names.map((e) => {
      const s = results[e].classes[c];
      return s ? `${fmtMs(s.p50_ms)} / ${fmtMs(s.p95_ms)}  ${s.recall_at_10.toFixed(2)}` : '—';
    })]),
  ));
  for (const e of names) {
    const r = results[e];
    const notes = [];
    if (r.policy.cap) {
      notes.push(`* ${e}: an evenly spaced subsample of ${r.policy.cap} ${r.policy.cap === 1 ? 'query' : 'queries'} per class, ${r.rounds} round: it scans every document per query`);
      const same = CLASSES.filter((c) => r.classes[c]?.project_recall_on_same_queries !== undefined)
        .map((c) => `${c} ${r.classes[c].project_recall_on_same_queries.toFixed(2)} / ${r.classes[c].recall_at_10.toFixed(2)}`);
      if (same.length) notes.push(`  recall@10 on ${e}'s own subsample, ${PROJECT} / ${e}: ${same.join(', ')}`);
    }
    if (r.load_check.differing) notes.push(`! ${e}: ${r.load_check.differing} of ${r.load_check.queries} checked queries return another top-10 set after loading (ties at rank 10 can do that)`);
    for (const n of notes) console.log(n);
  }
  const mine = results[PROJECT];
  if (mine?.wasm_memory_after_load_bytes) {
    const loaded = mine.wasm_memory_after_load_bytes;
    console.log(`${PROJECT}: WebAssembly memory after loading the saved index in a fresh module ${fmtMB(loaded)} = ${(loaded / datasetBytes).toFixed(2)}× the dataset's JSON (${fmtMB(datasetBytes)}; target ≤ 2×); serialised index ${(mine.serialized_bytes / (results.minisearch?.serialized_bytes ?? NaN)).toFixed(2)}× MiniSearch's (target ≤ 0.5×); load ${(mine.build_ms / mine.load_ms).toFixed(0)}× faster than build (target ≥ 20×)`);
  }
  console.log(`rounds per query: ${names.map((e) => `${e} ${results[e].rounds}`).join(', ')}`);
  console.log(`time per engine (build, queries, serialise, load): ${names.map((e) => `${e} ${(results[e].wall_ms / 1000).toFixed(0)} s`).join(', ')}`);
  console.log('\nthe project\'s p95 against the peers\'');
  console.log(table(
    ['class', 'fastest peer', 'p95', 'project ÷', 'fastest peer ≥ 0.9 recall', 'p95', 'project ÷'],
    CLASSES.filter((c) => rat[c]).map((c) => {
      const r = rat[c];
      const good = r.fastest_peer_recall_ge_0_9;
      return [c, label(r.fastest_peer), fmtMs(r.fastest_peer_p95_ms), fmtRatio(r.project_over_fastest),
        good ? label(good) : 'none', fmtMs(r.fastest_peer_recall_ge_0_9_p95_ms), fmtRatio(r.project_over_fastest_recall_ge_0_9)];
    }),
    ['l', 'l', 'r', 'r', 'l', 'r', 'r'],
  ));
}

// ---------------------------------------------------------------------------

const started = process.hrtime.bigint();
const version = (pkg) => JSON.parse(readFileSync(join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')).version;
let commit = null;
try {
  commit = execFileSync('git', ['-C', ROOT, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout: the JSON says null
}

console.log(`search benchmark · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`engines: ${engines.join(', ')}${peersOnly ? ' · dialognetz: skipped (--peers-only)' : ''}`);

const report = {
  meta: {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? null,
    total_memory_bytes: totalmem(),
    peers_only: peersOnly,
    data_seed: DATA_SEED,
    query_seed: Number(args['query-seed']),
    versions: Object.fromEntries(PEERS.map((e) => [e, version({ minisearch: 'minisearch', flexsearch: 'flexsearch', fuse: 'fuse.js', orama: '@orama/orama' }[e])])),
    oracle: 'bench/queries.mjs (top of file) and bench/README.md',
  },
  sizes: [],
};
report.meta.versions['@orama/plugin-data-persistence'] = version('@orama/plugin-data-persistence');

for (const size of sizes) {
  const dataPath = join(BENCH, 'data', `orgs-${size}.json`);
  if (!existsSync(dataPath)) {
    console.error(`missing ${relative(process.cwd(), dataPath)}: bench/run.sh generates it, or`);
    console.error(`  target/release/dialognetz generate --organizations ${size} --seed ${DATA_SEED} -o ${relative(ROOT, dataPath)}`);
    process.exit(1);
  }
  const t0 = process.hrtime.bigint();
  const { dataset, docs, bytes } = loadDataset(dataPath);
  const oracle = new Oracle(docs);
  const queries = makeQueries(docs, dataset.synonyms ?? [], { seed: Number(args['query-seed']), oracle });
  for (const q of queries) q.oracle = oracle;
  const queriesPath = join(BENCH, 'data', `queries-${size}.json`);
  writeFileSync(queriesPath, JSON.stringify({ size, queries: queries.map(({ cls, q }) => ({ cls, q })) }));
  const oracleS = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stderr.write(`\n${fmtInt(size)} organisations: ${queries.length} queries and their oracle in ${oracleS.toFixed(1)} s\n`);

  const results = {};
  const recalls = {};
  for (const e of engines) {
    const raw = runEngine(e, size, dataPath, queriesPath);
    const { results: _answers, ...rest } = raw; // the answers are scored, not kept
    const byQuery = new Map();
    results[e] = { ...rest, classes: score(raw, queries, byQuery) };
    recalls[e] = byQuery;
  }
  // A peer that answered only a subsample (Fuse.js) is compared with the
  // project on the same queries, not with the project's whole class.
  for (const e of engines) {
    if (e === PROJECT || !results[e].policy.cap || !recalls[PROJECT]) continue;
    for (const [cls, c] of Object.entries(results[e].classes)) {
      const same = [...recalls[e].keys()].filter((i) => queries[i].cls === cls);
      const mine = same.map((i) => recalls[PROJECT].get(i)).filter((r) => r !== undefined);
      if (mine.length) c.project_recall_on_same_queries = mine.reduce((a, b) => a + b, 0) / mine.length;
    }
  }
  const rat = ratios(results);
  printSize(size, docs.length, queries, results, rat, bytes.byteLength);
  report.sizes.push({
    organizations: size,
    documents: docs.length,
    dataset_bytes: bytes.byteLength,
    queries_per_class: Object.fromEntries(CLASSES.map((c) => [c, queries.filter((q) => q.cls === c).length])),
    example_queries: Object.fromEntries(CLASSES.map((c) => [c, queries.filter((q) => q.cls === c).slice(0, 8).map((q) => q.q)])),
    engines: results,
    ratios: rat,
  });
}

report.meta.runtime_s = Number(process.hrtime.bigint() - started) / 1e9;
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten ${relative(process.cwd(), args.out)} · ${report.meta.runtime_s.toFixed(0)} s`);
