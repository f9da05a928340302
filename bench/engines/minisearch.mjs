// MiniSearch, configured as its README (node_modules/minisearch/README.md)
// recommends for search-as-you-type with typos.

import MiniSearch from 'minisearch';
import { FIELDS, BOOSTED } from '../docs.mjs';

const OPTIONS = {
  // README "Usage": the fields to index; `id` is the default idField.
  fields: FIELDS,
  // README "Search options": "You can set the default search options upon
  // initialization". prefix: true from "Prefix search (so that 'moto' will
  // match 'motorcycle')" — needed for type-ahead; fuzzy: 0.2 from "Fuzzy
  // search, in this example, with a max edit distance of 0.2 * term length"
  // (the API docs' "Combining strategies" example uses exactly prefix: true
  // with fuzzy: 0.2); boost 2 for the name fields from "Boost some fields
  // (here "title")": miniSearch.search('zen', { boost: { title: 2 } }).
  // Tokenizer and term processing stay at their defaults (split on Unicode
  // space/punctuation, lowercase), as the README describes them.
  searchOptions: {
    prefix: true,
    fuzzy: 0.2,
    boost: Object.fromEntries(BOOSTED.map((f) => [f, 2])),
  },
};

export default {
  name: 'minisearch',
  config: { fields: FIELDS, searchOptions: OPTIONS.searchOptions },
  build(docs) {
    const ms = new MiniSearch(OPTIONS);
    ms.addAll(docs);
    return ms;
  },
  // MiniSearch has no result limit: it scores and sorts every match.
  search: (ms, q, limit) => ms.search(q).slice(0, limit).map((r) => r.id),
  // README / API docs: "JSON.stringify(miniSearch)" and MiniSearch.loadJSON(json, options) with the same options.
  serialize: (ms) => JSON.stringify(ms),
  load: (json) => MiniSearch.loadJSON(json, OPTIONS),
};
