// The query set and the relevance oracle of the search benchmark.
//
// ## Why an oracle of our own
//
// There are no human relevance judgements for synthetic data, and asking any
// one engine what is relevant would crown that engine. So relevance is decided
// by brute force over the documents, with rules simple enough to check by hand
// and independent of every engine under test.
//
// ## Normalisation (`norm`)
//
// Lowercase; ß → ss; strip diacritics (ä → a, ö → o, ü → u, and likewise é, ç,
// ğ, ı …); then the German transliterations ae/oe/ue → a/o/u. Text is split
// into words on anything that is not a letter or a digit. Both the documents
// and the query words go through the same function, so "Müller", "Mueller" and
// "Muller" are one word to the oracle. (Collapsing every "ae/oe/ue" also merges
// a few unrelated words, e.g. "Michael"/"Michal"; that errs on the side of
// calling a result relevant, which no engine is punished for.)
//
// ## Relevance
//
// Every query remembers the words it was *meant* to find: the correct word
// behind a typo, the umlaut word behind "muenchen", the synonym group behind
// "kripo", the compound part behind "revier". A document is relevant when, for
// every intended word, one of its oracle fields — name (or title), short_name,
// city, postcode — contains a word that
//
//   - equals it (whole words, typos, umlaut spellings, postcodes, multi-word);
//   - starts with it (prefix queries, the word being typed);
//   - ends with it (compound parts: "revier" in "Polizeirevier", and
//     "Revier" itself);
//   - for synonyms: matches any member of the group (a member of several
//     words, such as "bundesamt für migration und flüchtlinge", matches when
//     the document has all of its words).
//
// Only the oracle fields count: a hit on a street, a description or a phone
// number is not what the query was made for, so an engine that ranks such
// hits above name hits loses recall.
//
// A contact without a person's name is shown by the app with its role as its
// title, so docs.mjs puts the role's German (else default-language) text in
// that contact's `name`: the oracle counts it as a name like the engines do.
// A named contact's role stays in `role`, which the oracle ignores.
//
// recall@10 of one query = |top 10 ∩ relevant| / min(10, |relevant|); a class's
// recall@10 is the mean over its queries. A query whose relevant set is empty
// is dropped (none should be: each is derived from a target document that must
// itself be relevant, and that is checked).
//
// ## The classes
//
// All queries are lowercase, as typed into a search box, and derived with a
// seeded PRNG from the dataset itself, so the same dataset and seed give the
// same queries on every machine.
//
//   prefix    a name word typed letter by letter: every prefix of length ≥ 1 is
//             a query ("m", "mo", "mos", … "moschee")
//   word      a whole name word (≥ 3 letters)
//   typo1     a name word of ≥ 5 letters with one edit (substitution, deletion,
//             insertion or transposition of neighbours; Damerau distance 1)
//   typo2     a name word of ≥ 9 letters with two edits (distance 2)
//             Typos never touch the first letter (people rarely mistype it, and
//             most engines anchor there). A typo is measured after `norm`: its
//             normalised form must be exactly 1 (typo1) or 2 (typo2) edits from
//             the normalised intended word, since an edit next to an umlaut or
//             one that makes an ae/oe/ue changes the distance ("zsüedom" for
//             "Züsedom" folds to "zsudom", 2 from "zusedom"). And no other word
//             of the oracle's vocabulary may be as close or closer ("salma" is 1
//             from both "salam" and "selma"; spelling another word, distance 0,
//             is the closest case): such a query tests which word an engine
//             prefers, not typo tolerance. That check compares the typo with
//             the vocabulary words of its length ± k (a LengthIndex; a word k
//             edits away is at most k letters longer or shorter, so nothing is
//             missed). A rejected draw is redrawn (up to 20 per word) from the
//             same seeded PRNG.
//   umlaut    a name word with ä/ö/ü/ß written with ae/oe/ue/ss and with
//             plain a/o/u ("münchen" → "muenchen", "munchen")
//   compound  the last part (≥ 4 letters) of a compound name word, found by
//             splitting the word against the dataset's vocabulary
//             ("polizeirevier" → "revier", "moscheegemeinde" → "gemeinde",
//             and place names such as "niedertaufkirchen" → "kirchen"); each
//             part is queried once, so the class is as large as the dataset
//             has distinct parts. The query ends with a space: it is the
//             finished word, so that completions (`burg` → `Bürgerstiftung`,
//             right while typing) do not compete with the part it names
//   postcode  an organisation's five-digit postcode
//   synonym   a one-word member of a `synonyms` group whose partner occurs in
//             the documents ("kripo" → "kriminalpolizei"), alone and followed
//             by the city of a document that has the partner ("kripo hagen")
//   multi     a name word and the (longest word of the) entry's city
//             ("moschee witzenhausen")

import { ORACLE_FIELDS, FIELDS } from './docs.mjs';

export const CLASSES = ['prefix', 'word', 'typo1', 'typo2', 'umlaut', 'compound', 'postcode', 'synonym', 'multi'];

/**
 * Queries per class (prefix: words, each typed letter by letter, about ten
 * queries a word; umlaut: words, two spellings each). About 100 a class: enough
 * for a stable p95, few enough that the slower peers finish 100,000
 * organisations in minutes.
 */
const QUOTA = { prefix: 10, word: 100, typo1: 100, typo2: 100, umlaut: 50, compound: 100, postcode: 100, synonym: 100, multi: 100 };

// ---------------------------------------------------------------------------
// Text

const WORD_SPLIT = /[^\p{L}\p{M}\p{N}]+/u;

/** The oracle's normalisation of one word (see the top of this file). */
export function norm(word) {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ae|oe|ue/g, (m) => m[0]);
}

/** The words of a text as written, lowercased (umlauts kept): what a person would type. */
export function rawWords(text) {
  return text.toLowerCase().split(WORD_SPLIT).filter(Boolean);
}

/** The oracle's words of a text. */
export function words(text) {
  return rawWords(text).map(norm).filter(Boolean);
}

const LETTERS_ONLY = /^\p{L}+$/u;

// ---------------------------------------------------------------------------
// Seeded PRNG (mulberry32): small, fast, and the same on every platform.

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    shuffle(arr) {
      const a2 = arr.slice();
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
  };
}

// ---------------------------------------------------------------------------
// The oracle's index: oracle-field words → documents. Brute force, but over
// the vocabulary rather than over every document, so that 100k organisations
// stay fast.

export class Oracle {
  constructor(docs) {
    this.docs = docs;
    /** @type {Map<string, number[]>} word → ascending document indices */
    this.postings = new Map();
    docs.forEach((d, i) => {
      const seen = new Set();
      for (const f of ORACLE_FIELDS) for (const w of words(d[f])) seen.add(w);
      for (const w of seen) {
        let p = this.postings.get(w);
        if (!p) this.postings.set(w, (p = []));
        p.push(i);
      }
    });
    this.vocab = [...this.postings.keys()].sort();
    this.indexOf = new Map(docs.map((d, i) => [d.id, i]));
  }

  /** Vocabulary words starting with `prefix` (binary search on the sorted vocabulary). */
  withPrefix(prefix) {
    let lo = 0;
    let hi = this.vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocab[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < this.vocab.length && this.vocab[i].startsWith(prefix); i++) out.push(this.vocab[i]);
    return out;
  }

  /** Documents matching one intended term, as a Set of indices. */
  termDocs(term) {
    const out = new Set();
    const add = (w) => {
      for (const i of this.postings.get(w) ?? []) out.add(i);
    };
    switch (term.kind) {
      case 'exact':
        add(term.word);
        break;
      case 'prefix':
        for (const w of this.withPrefix(term.word)) add(w);
        break;
      case 'suffix':
        for (const w of this.vocab) if (w.endsWith(term.word)) add(w);
        break;
      case 'any':
        // each member is a phrase: all of its words, anywhere in the oracle fields
        for (const phrase of term.phrases) for (const i of this.intersect(phrase.map((word) => ({ kind: 'exact', word })))) out.add(i);
        break;
      default:
        throw new Error(`unknown term kind ${term.kind}`);
    }
    return out;
  }

  /** Documents matching every term. */
  intersect(terms) {
    let acc = null;
    for (const t of terms) {
      const s = this.termDocs(t);
      if (acc === null) acc = s;
      else for (const i of acc) if (!s.has(i)) acc.delete(i);
      if (acc.size === 0) break;
    }
    return acc ?? new Set();
  }
}

// ---------------------------------------------------------------------------
// Typos

/** Optimal-string-alignment distance (Damerau–Levenshtein without re-editing substrings). */
export function osa(a, b) {
  const m = a.length;
  const n = b.length;
  const d = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit at a position ≥ 1 (the first letter is kept). */
function edit(word, r) {
  const chars = [...word];
  const kind = r.int(4);
  const pos = 1 + r.int(chars.length - 1);
  if (kind === 0) chars[pos] = ALPHABET[r.int(26)]; // substitution
  else if (kind === 1) chars.splice(pos, 1); // deletion
  else if (kind === 2) chars.splice(pos, 0, ALPHABET[r.int(26)]); // insertion
  else if (pos + 1 < chars.length) [chars[pos], chars[pos + 1]] = [chars[pos + 1], chars[pos]]; // transposition
  else [chars[pos - 1], chars[pos]] = [chars[pos], chars[pos - 1]];
  return chars.join('');
}

/** Rows reused by osaWithin (it runs for every vocabulary word near a typo). */
let scratch = [0, 1, 2].map(() => new Int32Array(64));

/**
 * Whether osa(a, b) ≤ k, without computing more of the table than needed:
 * only the diagonal band |i − j| ≤ k can hold values ≤ k, and the scan stops
 * as soon as a whole row exceeds k (the distance can only grow from there).
 */
export function osaWithin(a, b, k) {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > k) return false;
  const BIG = k + 1;
  if (scratch[0].length <= n) scratch = [0, 1, 2].map(() => new Int32Array(2 * (n + 1)));
  let [prev2, prev, cur] = scratch;
  prev2.fill(BIG, 0, n + 1);
  prev.fill(BIG, 0, n + 1);
  for (let j = 0; j <= Math.min(n, k); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(n, i + k);
    cur.fill(BIG, 0, n + 1);
    if (i <= k) cur[0] = i;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v > BIG ? BIG : v;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > k) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] <= k;
}

/**
 * The oracle's vocabulary bucketed by length (UTF-16 units, as osa() counts):
 * a word within distance k of a typo is at most k units longer or shorter, so
 * the buckets len − k … len + k are all that has to be compared, and that
 * check is exact, not a sample.
 */
export class LengthIndex {
  constructor(vocab) {
    /** @type {Map<number, string[]>} */
    this.buckets = new Map();
    for (const w of vocab) {
      let b = this.buckets.get(w.length);
      if (!b) this.buckets.set(w.length, (b = []));
      b.push(w);
    }
  }

  /** Whether a vocabulary word other than `except` is within distance k of `word`. */
  hasNeighbour(word, k, except) {
    for (let len = word.length - k; len <= word.length + k; len++) {
      for (const w of this.buckets.get(len) ?? []) if (w !== except && osaWithin(word, w, k)) return true;
    }
    return false;
  }
}

/**
 * A typo of `word` with `edits` edits, or null after 20 draws that all failed.
 * A draw is kept only when, after the oracle's normalisation, it is exactly
 * `edits` from the intended word (an edit that makes or breaks an ae/oe/ue
 * or lands next to an umlaut can change the distance: "zsüedom" folds to
 * "zsudom", 2 from "zusedom") and no other word of the vocabulary is as close
 * or closer ("salma" is 1 from "salam" and from "selma": whichever an engine
 * ranks first, the query says nothing about typo tolerance). The draw must
 * also be `edits` from the word as typed and keep its first letter.
 */
function typo(word, edits, r, lengthIndex) {
  const target = norm(word);
  for (let attempt = 0; attempt < 20; attempt++) {
    let t = word;
    for (let e = 0; e < edits; e++) t = edit(t, r);
    if (t[0] !== word[0]) continue; // a transposition at 1 may have moved the first letter
    if (osa(word, t) !== edits) continue;
    const nt = norm(t);
    if (osa(target, nt) !== edits) continue; // the normalisation shortened or lengthened the typo
    if (lengthIndex.hasNeighbour(nt, edits, target)) continue; // as close to another word: ambiguous
    return t;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Compounds

/**
 * The last part of a compound, or null. `word` is split as head + tail where
 * the tail (≥ 4 letters) is a word of the vocabulary and the head (≥ 3
 * letters) is a word, a word plus a linking element (Fugen-s, -es, -n, -en,
 * -e), or itself such a compound. The shortest such tail wins: that is the
 * last constituent ("bundespolizeirevier" → "revier", not "polizeirevier").
 */
export function lastPart(word, vocab, depth = 2) {
  const isHead = (h) => {
    if (h.length < 3) return false;
    if (vocab.has(h)) return true;
    for (const link of ['s', 'es', 'n', 'en', 'e']) if (h.endsWith(link) && h.length - link.length >= 3 && vocab.has(h.slice(0, -link.length))) return true;
    return depth > 0 && lastPart(h, vocab, depth - 1) !== null;
  };
  for (let k = word.length - 4; k >= 3; k--) {
    const tail = word.slice(k);
    if (vocab.has(tail) && isHead(word.slice(0, k))) return tail;
  }
  return null;
}

// ---------------------------------------------------------------------------
// The query set

function transliterate(w) {
  return w.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}
function plain(w) {
  return w.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
}

/** The name words (as typed, lowercased) of a document: name/title and short_name. */
function nameWords(d) {
  return [...rawWords(d.name), ...rawWords(d.short_name)];
}

/**
 * Builds the query set of a dataset.
 * @returns {{cls: string, q: string, terms: object[], rel: Set<number>, target: number}[]}
 */
export function makeQueries(docs, synonyms, { seed = 1, oracle = new Oracle(docs) } = {}) {
  const r = rng(seed);
  const order = r.shuffle(docs.map((_, i) => i));
  const lengthIndex = new LengthIndex(oracle.vocab);
  // The vocabulary for compound splitting: every word of every field, as written, plus the synonyms.
  const rawVocab = new Set();
  for (const d of docs) for (const f of FIELDS) for (const w of rawWords(d[f])) rawVocab.add(w);
  for (const g of synonyms) for (const m of g) for (const w of rawWords(m)) rawVocab.add(w);

  const out = [];
  const push = (cls, q, terms, target) => {
    const rel = oracle.intersect(terms);
    if (rel.size === 0) return false;
    if (target !== undefined && !rel.has(target)) throw new Error(`oracle: target ${docs[target].id} not relevant for ${cls} query "${q}"`);
    out.push({ cls, q, terms, rel, target });
    return true;
  };
  const exact = (w) => ({ kind: 'exact', word: norm(w) });

  // For each class, walk the documents in one shuffled order and take one
  // eligible word from each, skipping repeats, until the quota is met.
  const walk = (cls, eligible, emit) => {
    const seen = new Set();
    let n = 0;
    for (const i of order) {
      if (n >= QUOTA[cls]) break;
      const cands = eligible(docs[i]).filter((c) => !seen.has(c.key ?? c));
      if (cands.length === 0) continue;
      const c = r.pick(cands);
      seen.add(c.key ?? c);
      if (emit(c, i)) n++;
    }
  };

  walk('prefix', (d) => nameWords(d).filter((w) => w.length >= 4 && LETTERS_ONLY.test(w)), (w, i) => {
    const chars = [...w];
    for (let k = 1; k <= chars.length; k++) {
      const p = chars.slice(0, k).join('');
      push('prefix', p, [{ kind: 'prefix', word: norm(p) }], i);
    }
    return true;
  });

  walk('word', (d) => nameWords(d).filter((w) => w.length >= 3 && LETTERS_ONLY.test(w)), (w, i) => push('word', w, [exact(w)], i));

  walk('typo1', (d) => nameWords(d).filter((w) => [...w].length >= 5 && LETTERS_ONLY.test(w)), (w, i) => {
    const t = typo(w, 1, r, lengthIndex);
    return t !== null && push('typo1', t, [exact(w)], i);
  });

  walk('typo2', (d) => nameWords(d).filter((w) => [...w].length >= 9 && LETTERS_ONLY.test(w)), (w, i) => {
    const t = typo(w, 2, r, lengthIndex);
    return t !== null && push('typo2', t, [exact(w)], i);
  });

  walk('umlaut', (d) => nameWords(d).filter((w) => /[äöüß]/.test(w) && LETTERS_ONLY.test(w)), (w, i) => {
    const a = transliterate(w);
    const b = plain(w);
    push('umlaut', a, [exact(w)], i);
    if (b !== a) push('umlaut', b, [exact(w)], i);
    return true;
  });

  walk('compound', (d) => nameWords(d)
    .filter((w) => w.length >= 8 && LETTERS_ONLY.test(w))
    .map((w) => lastPart(w, rawVocab))
    .filter((t) => t !== null), (t, i) => push('compound', `${t} `, [{ kind: 'suffix', word: norm(t) }], i));

  walk('postcode', (d) => (/^\d{5}$/.test(d.postcode) ? [d.postcode] : []), (p, i) => push('postcode', p, [exact(p)], i));

  // Synonyms: first every one-word member alone, then member + a city where a
  // partner occurs, round-robin over the groups so that no group dominates.
  {
    const groups = synonyms.map((g) => ({ members: g, phrases: g.map(words).filter((p) => p.length > 0) }));
    const alone = [];
    const withCity = [];
    for (const g of groups) {
      const term = { kind: 'any', phrases: g.phrases };
      g.members.forEach((m, mi) => {
        const mw = rawWords(m);
        if (mw.length !== 1) return;
        const partners = g.phrases.filter((_, pi) => pi !== mi);
        const partnerDocs = new Set();
        for (const p of partners) for (const i of oracle.intersect(p.map((word) => ({ kind: 'exact', word })))) partnerDocs.add(i);
        if (partnerDocs.size === 0) return;
        alone.push({ q: mw[0], terms: [term] });
        const cities = [];
        const seenCity = new Set();
        for (const i of r.shuffle([...partnerDocs]).slice(0, 400)) {
          const cw = rawWords(docs[i].city).filter((w) => w.length >= 3 && LETTERS_ONLY.test(w));
          if (cw.length === 0) continue;
          const c = cw.reduce((a, b) => (b.length > a.length ? b : a));
          if (seenCity.has(c)) continue;
          seenCity.add(c);
          cities.push({ q: `${mw[0]} ${c}`, terms: [term, exact(c)], target: i });
        }
        withCity.push(cities);
      });
    }
    let n = 0;
    for (const a of alone) if (n < QUOTA.synonym && push('synonym', a.q, a.terms)) n++;
    for (let round = 0; n < QUOTA.synonym; round++) {
      let any = false;
      for (const list of withCity) {
        if (round < list.length && n < QUOTA.synonym) {
          any = true;
          if (push('synonym', list[round].q, list[round].terms, list[round].target)) n++;
        }
      }
      if (!any) break;
    }
  }

  walk('multi', (d) => {
    const cw = rawWords(d.city).filter((w) => w.length >= 3 && LETTERS_ONLY.test(w));
    if (cw.length === 0) return [];
    const c = cw.reduce((a, b) => (b.length > a.length ? b : a));
    const city = new Set(rawWords(d.city));
    return nameWords(d)
      .filter((w) => w.length >= 4 && LETTERS_ONLY.test(w) && !city.has(w))
      .map((w) => ({ key: `${w} ${c}`, w, c }));
  }, ({ w, c }, i) => push('multi', `${w} ${c}`, [exact(w), exact(c)], i));

  return out;
}

/** recall@10 of one query: |top10 ∩ relevant| / min(10, |relevant|). */
export function recallAt10(ids, rel, oracle) {
  let hit = 0;
  const seen = new Set();
  for (const id of ids.slice(0, 10)) {
    if (seen.has(id)) continue; // an engine listing one document twice gets credit once
    seen.add(id);
    const i = oracle.indexOf.get(id);
    if (i !== undefined && rel.has(i)) hit++;
  }
  return hit / Math.min(10, rel.size);
}
