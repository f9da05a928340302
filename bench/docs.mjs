// The documents every engine indexes, flattened from a Dialognetz dataset
// (docs/dataset-format.md).
//
// All peers get exactly these objects, with exactly these fields, so that
// differences in the results come from the engines and not from what they were
// given. The project's engine gets the raw dataset bytes instead (it validates
// and flattens the dataset itself); the oracle in queries.mjs is computed from
// these documents, so the two must agree on what a document is: one per entry
// of organizations, contacts, forums, events, projects and articles, keyed by
// the entry's `id` (unique across the lists).
//
// One flat schema for every kind of entry, because Orama and FlexSearch want a
// fixed field list: a title (events, projects, articles) goes into `name`, a
// contact's `area.city` into `city`. A contact without a person's `name` is
// shown by the app with its role as its title, so its `name` is the role's
// German text (else the default language's, else the first by tag; the role
// field keeps every language); a named contact's `name` is the person's name
// alone, its role stays in `role`. A LocalizedText ({lang: text}) becomes all
// its languages' texts joined by a space, in the file's order: a searcher may
// type the English title as well as the German one.

import { readFileSync } from 'node:fs';

/** The indexed fields, in the order FlexSearch ranks them (see engines/flexsearch.mjs). */
export const FIELDS = ['name', 'short_name', 'city', 'postcode', 'street', 'role', 'description', 'phone'];

/** The fields engines boost where they can: what a person searching for an entry types. */
export const BOOSTED = ['name', 'short_name'];

/** The fields the relevance oracle looks at (queries.mjs). */
export const ORACLE_FIELDS = ['name', 'short_name', 'city', 'postcode'];

/** Text of a Text or LocalizedText value; '' when absent. */
export function text(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return Object.values(value).filter((v) => typeof v === 'string').join(' ');
  return String(value);
}

/**
 * The text the app shows of a Text or LocalizedText, in German: German, else
 * the dataset's default language, else the first language by tag
 * (docs/dataset-format.md, "LocalizedText"; LocalizedText::resolve).
 */
export function shown(value, defaultLanguage = 'de') {
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  const pick = value.de ?? value[defaultLanguage] ?? value[Object.keys(value).sort()[0]];
  return typeof pick === 'string' ? pick : '';
}

function doc(id, fields) {
  const d = { id };
  for (const f of FIELDS) d[f] = text(fields[f]);
  return d;
}

/** The flat documents of a parsed dataset, in file order. */
export function toDocuments(dataset) {
  const docs = [];
  for (const o of dataset.organizations ?? []) {
    const a = o.address ?? {};
    docs.push(doc(o.id, {
      name: o.name, short_name: o.short_name, city: a.city, postcode: a.postcode,
      street: a.street, description: o.description, phone: o.phone,
    }));
  }
  const lang = dataset.meta?.default_language ?? 'de';
  for (const c of dataset.contacts ?? []) {
    // A contact without a person's name is shown with its role as its title.
    const name = c.name ?? shown(c.role, lang);
    docs.push(doc(c.id, { name, role: c.role, city: c.area?.city, phone: c.phone }));
  }
  for (const f of dataset.forums ?? []) docs.push(doc(f.id, { name: f.name, city: f.city }));
  for (const e of dataset.events ?? []) docs.push(doc(e.id, { name: e.title, city: e.city }));
  for (const p of dataset.projects ?? []) docs.push(doc(p.id, { name: p.title, city: p.city }));
  for (const a of dataset.articles ?? []) docs.push(doc(a.id, { name: a.title }));
  return docs;
}

/** Reads a dataset file: its raw bytes (for the project's engine), the parsed JSON and the documents. */
export function loadDataset(path) {
  const bytes = readFileSync(path);
  const dataset = JSON.parse(bytes.toString('utf8'));
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), dataset, docs: toDocuments(dataset) };
}
