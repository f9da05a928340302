// Which benchmark queries an engine misses, and why: a diagnostic, not a
// measurement (no timing, no GC, everything in one process).
//
//   node bench/misses.mjs [--size 10000] [--engine dialognetz] [--query-seed 1]
//        [--classes prefix,word,…] [--show 5] > /tmp/misses-10000.txt
//
// It builds the benchmark's query set and oracle for bench/data/orgs-SIZE.json
// exactly as run.mjs does (queries.mjs, docs.mjs), builds the engine with its
// adapter from engines/, asks every query once for the top 10 and prints
//
//   1. per class: queries, how many have recall@10 < 1, the class's recall@10;
//   2. every query with recall@10 < 1, by class (in CLASSES order), then by
//      recall (worst first): the query, |relevant|, relevant hits in the top
//      10, the intended terms (queries.mjs's `terms`: exact:/prefix:/suffix:
//      word, or any: the synonym group's phrases), the 10 returned documents
//      and up to --show relevant documents that were not returned.
//
// Each listed document is `✓` (relevant) or `·` (not), its type (id prefix),
// its name (a contact without one: its role, in brackets), its city, and
// `via`: the document fields in which the oracle's rule for each intended term
// holds (one field at a time, so a synonym phrase split over two fields shows
// as "-"). For relevant documents that is why the oracle counts them; for
// returned non-relevant ones it shows where the engine probably found the word
// when that is a field the oracle ignores (street, role, description, phone);
// "-" there means the engine matched in a way the oracle's rules do not know
// (typo, stem, compound part, kind label, topic, a contact's organisation …).
// Terms are separated by " & " in `via`. The not-returned relevant documents
// are those with a name/short_name match first, then city, then postcode, and
// the line above them counts all of them by that best field.

import { parseArgs } from 'node:util';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, FIELDS } from './docs.mjs';
import { CLASSES, Oracle, makeQueries, recallAt10 } from './queries.mjs';
import { ENGINES } from './engines/index.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    engine: { type: 'string', default: 'dialognetz' },
    'query-seed': { type: 'string', default: '1' },
    classes: { type: 'string' },
    show: { type: 'string', default: '5' },
  },
});
const engine = ENGINES[args.engine];
if (!engine) throw new Error(`--engine: one of ${Object.keys(ENGINES).join(', ')}`);
const classes = args.classes ? args.classes.split(',') : CLASSES;
const SHOW = Number(args.show);

const { bytes, dataset, docs } = loadDataset(join(BENCH, 'data', `orgs-${args.size}.json`));
const oracle = new Oracle(docs);
const queries = makeQueries(docs, dataset.synonyms ?? [], { seed: Number(args['query-seed']), oracle })
  .filter((q) => classes.includes(q.cls));

// One oracle per document field, each seeing only that field (in the `name`
// slot): termDocs() then says in which field a term's rule holds.
const fieldOracle = Object.fromEntries(FIELDS.map((f) => [f, new Oracle(docs.map((d) => ({ id: d.id, name: d[f], short_name: '', city: '', postcode: '' })))]));

if (engine.prepare) engine.prepare();
const state = await engine.build(docs, { datasetBytes: bytes });

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const termText = (t) => (t.kind === 'any' ? `any:${t.phrases.map((p) => p.join(' ')).join('|')}` : `${t.kind}:${t.word}`);
const RANK = { name: 0, short_name: 0, city: 1, postcode: 2 };

const rows = [];
for (const q of queries) {
  const ids = Array.from(await engine.search(state, q.q, 10), String);
  const recall = recallAt10(ids, q.rel, oracle);
  if (recall >= 1) {
    rows.push({ q, recall });
    continue;
  }
  // per term, per field: the documents where the term's rule holds
  const perField = q.terms.map((t) => Object.fromEntries(FIELDS.map((f) => [f, fieldOracle[f].termDocs(t)])));
  const via = (i) => perField.map((pf) => FIELDS.filter((f) => pf[f].has(i)).join('+') || '-').join(' & ');
  const line = (i, mark) => {
    const d = docs[i];
    const title = d.name || `[${d.role}]`;
    return `    ${mark} ${d.id.split('-')[0].padEnd(12)} ${clip(title, 58).padEnd(58)}  ${clip(d.city || '—', 22).padEnd(22)}  via ${via(i)}`;
  };
  const top = ids.map((id) => oracle.indexOf.get(id));
  const returned = new Set(top);
  // best oracle field of a relevant doc: the worst over the terms of each term's best field
  const best = (i) => Math.max(...perField.map((pf) => Math.min(...Object.keys(RANK).filter((f) => pf[f].has(i)).map((f) => RANK[f]), 3)));
  const missed = [...q.rel].filter((i) => !returned.has(i)).map((i) => [i, best(i)]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const byBest = ['name', 'city', 'postcode', 'across fields'].map((f, k) => [f, missed.filter((m) => m[1] === k).length]).filter((x) => x[1]);
  const hits = top.filter((i) => i !== undefined && q.rel.has(i)).length;
  rows.push({
    q, recall, text: [
      `  "${q.q}"  [${q.cls}]  recall ${recall.toFixed(2)}  |relevant| ${q.rel.size}  relevant in top 10: ${hits}/${ids.length}  intended: ${q.terms.map(termText).join(' & ')}`,
      '   returned:',
      ...(top.length ? top.map((i) => (i === undefined ? '    ? (unknown id)' : line(i, q.rel.has(i) ? '✓' : '·'))) : ['    (nothing)']),
      `   relevant, not returned: ${missed.length} (best field: ${byBest.map(([f, n]) => `${f} ${n}`).join(', ')})`,
      ...missed.slice(0, SHOW).map(([i]) => line(i, '✓')),
    ].join('\n'),
  });
}
if (engine.dispose) engine.dispose(state);

console.log(`misses of ${engine.name} at ${args.size} organisations (${docs.length} documents), query seed ${args['query-seed']}\n`);
console.log('class      queries  recall<1  recall@10');
for (const c of classes) {
  const r = rows.filter((x) => x.q.cls === c);
  if (!r.length) continue;
  const mean = r.reduce((a, x) => a + x.recall, 0) / r.length;
  console.log(`${c.padEnd(10)} ${String(r.length).padStart(7)}  ${String(r.filter((x) => x.recall < 1).length).padStart(8)}  ${mean.toFixed(3).padStart(9)}`);
}
for (const c of classes) {
  const miss = rows.filter((x) => x.q.cls === c && x.recall < 1).sort((a, b) => a.recall - b.recall);
  if (!miss.length) continue;
  console.log(`\n━━ ${c}: ${miss.length} of ${rows.filter((x) => x.q.cls === c).length} queries with recall@10 < 1\n`);
  for (const m of miss) console.log(`${m.text}\n`);
}
