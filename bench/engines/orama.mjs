// Orama 3, configured from its README (node_modules/@orama/orama/README.md),
// which refers to docs.orama.com for "Typo Tolerance", "Fields Boosting" and
// "Stemming and tokenization in 30 languages".

import { create, insertMultiple, search } from '@orama/orama';
import { persist, restore } from '@orama/plugin-data-persistence';
import { FIELDS, BOOSTED } from '../docs.mjs';

// README "Usage": a schema of the indexed properties; the document's own `id`
// becomes Orama's id.
const SCHEMA = Object.fromEntries(FIELDS.map((f) => [f, 'string']));

// Typo tolerance: `tolerance` is the Levenshtein distance ("tolerance: 1 —
// allow 1 character difference"); Orama matches prefixes of words by default
// (exact: false). Fields boosting: boost: { title: 2 }.
const SEARCH = { tolerance: 1, boost: Object.fromEntries(BOOSTED.map((f) => [f, 2])) };

const maybeAwait = (v) => (v && typeof v.then === 'function' ? v : null);

export default {
  name: 'orama',
  config: { schema: SCHEMA, tokenizer: { language: 'german' }, search: SEARCH, persistence: '@orama/plugin-data-persistence, format json' },
  async build(docs) {
    // The default tokenizer is English, whose splitter treats ä/ö/ü/ß as
    // separators ("Türkisch" → "t", "rkisch"); the text-analysis docs select
    // the language with components.tokenizer.language.
    const db = create({ schema: SCHEMA, components: { tokenizer: { language: 'german' } } });
    const p = maybeAwait(insertMultiple(db, docs));
    if (p) await p;
    return db;
  },
  search(db, q, limit) {
    const res = search(db, { term: q, limit, ...SEARCH });
    if (maybeAwait(res)) throw new Error('orama: search went async; the benchmark times synchronous calls');
    return res.hits.map((h) => h.id);
  },
  // @orama/plugin-data-persistence: persist(db, format) / restore(format, data).
  // Format 'json' rather than the default 'binary', which is MessagePack written
  // out as a hex string (twice the bytes of the MessagePack itself).
  serialize: (db) => persist(db, 'json'),
  load: (data) => restore('json', data),
};
