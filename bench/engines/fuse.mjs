// Fuse.js, configured as its README (node_modules/fuse.js/README.md) and type
// definitions (dist/fuse.d.ts) describe fuzzy multi-word search.

import Fuse from 'fuse.js';
import { FIELDS, BOOSTED } from '../docs.mjs';

// README "Weighted Keys": { name: 'title', weight: 2 }, { name: 'description', weight: 1 }.
const KEYS = FIELDS.map((f) => ({ name: f, weight: BOOSTED.includes(f) ? 2 : 1 }));

const OPTIONS = {
  keys: KEYS,
  // README "Token Search": "Multi-word fuzzy search with relevance ranking …
  // typo tolerance per word … word order independent"; without it the whole
  // query is one pattern that must fuzzily match inside one field, so "word
  // city" could never match a name and a city.
  useTokenSearch: true,
  // fuse.d.ts: "When true, search will ignore location and distance": without
  // it a match must lie near the start of the field (location 0, distance 100).
  ignoreLocation: true,
  // fuse.d.ts "At what point does the match algorithm give up"; 0.6 is the
  // documented default, written out so the JSON output says it.
  threshold: 0.6,
};

export default {
  name: 'fuse',
  config: { keys: KEYS, useTokenSearch: true, ignoreLocation: true, threshold: 0.6 },
  build(docs) {
    return new Fuse(docs, OPTIONS);
  },
  search: (fuse, q, limit) => fuse.search(q, { limit }).map((r) => r.item.id),
  // The FuseIndex that new Fuse builds (the same that Fuse.createIndex(keys,
  // docs) returns) serialises with toJSON() and loads with Fuse.parseIndex
  // (fusejs.io "Performance": pre-built indexes). It holds the field texts;
  // the collection handed to new Fuse then only supplies the ids that results
  // carry, so the ids are stored alongside.
  serialize: (fuse) => JSON.stringify({ ids: fuse._docs.map((d) => d.id), index: fuse.getIndex().toJSON() }),
  load(json) {
    const { ids, index } = JSON.parse(json);
    return new Fuse(ids.map((id) => ({ id })), OPTIONS, Fuse.parseIndex(index));
  },
};
