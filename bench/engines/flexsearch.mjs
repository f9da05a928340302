// FlexSearch 0.8, configured as its README (node_modules/flexsearch/README.md)
// recommends for partial-word (type-ahead) search with typos.

import { Document, Charset } from 'flexsearch';
import { FIELDS } from '../docs.mjs';

function options() {
  return {
    // README "Tokenizer (Partial Match)": "If you want getting back results of
    // an indexed term "flexsearch" when just typing "flex" … choose a
    // tokenizer"; "forward" indexes every prefix of a term (it is also what the
    // "match" preset sets, README "Presets").
    tokenize: 'forward',
    // README "Fuzzy-Search" (2): "use any of the builtin encoder normalize >
    // balance > advanced > extra > soundex (sorted by fuzziness)":
    // LatinBalance, the first that tolerates misspellings ("strultbrooks" in
    // README "Compare Built-In Encoder Preset"). Not stacked with the German
    // pack flexsearch/lang/de (item 3): its stemmer cuts words before the
    // forward tokenizer sees them ("meyer" → "me", which then prefixes the
    // phonetic form of "Netzwerk"); in a trial it lowered recall for
    // prefixes, whole words, compound parts and multi-word queries and moved
    // the typo and umlaut classes by a few hundredths either way.
    encoder: Charset.LatinBalance,
    // README "Document" / API overview: a Document index over the fields.
    // FlexSearch has no numeric field boost; the fields are listed name-first
    // and results merged in that order (search below), which ranks name hits
    // above the rest.
    document: { id: 'id', index: FIELDS },
  };
}

export default {
  name: 'flexsearch',
  config: { tokenize: 'forward', encoder: 'Charset.LatinBalance', fields: FIELDS, search: { suggest: true, merge: true } },
  build(docs) {
    // README "Best Practices / Use numeric IDs": "It is recommended to use id
    // values from type number": index positions, mapped back to ids.
    const index = new Document(options());
    docs.forEach((d, i) => index.add({ ...d, id: i }));
    return { index, ids: docs.map((d) => d.id) };
  },
  search({ index, ids }, q, limit) {
    // README "Fuzzy-Search" (4): "Enable suggestions by passing the search
    // option suggest: true" — also what lets "word city" match when the words
    // are in different fields; merge: true groups the per-field results by id.
    const res = index.search(q, { limit, suggest: true, merge: true });
    const out = [];
    for (const r of res) {
      out.push(ids[r.id]);
      if (out.length === limit) break;
    }
    return out;
  },
  // README API overview: document.export(handler) / document.import(key, data), both async.
  async serialize({ index, ids }) {
    const parts = [];
    await index.export((key, data) => {
      parts.push([key, data]);
    });
    return JSON.stringify({ ids, parts });
  },
  async load(json) {
    const { ids, parts } = JSON.parse(json);
    const index = new Document(options());
    for (const [key, data] of parts) await index.import(key, data);
    return { index, ids };
  },
};
