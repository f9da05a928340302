// End to end: the store with several tabs and offline, on the release build
// (dist/). A tab that upgrades the schema is not held up by an open app tab
// (the app closes its connection on `versionchange` and says that it was
// updated in another tab), and nothing stored is lost; a tab that does not
// let go blocks an upgrade until it closes, and the app says to close the
// other tabs when it is the one kept waiting; a favourite is still there
// after a reload without network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, phoneContext } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const DATABASE = 'dialognetz';
/** The favourites' object store (crates/store/src/idb/schema.rs, v2). */
const FAVOURITES = 'favourites';
/** The app's schema version (SchemaVersion::CURRENT). */
const APP_VERSION = 2;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const sample = JSON.parse(await readFile(join(DIST, 'data/dataset.json'), 'utf8'));
const kora = sample.organizations.find((o) => o.id === 'kora');
const forum = sample.forums.find((f) => f.id === 'sicherheitsdialog-dresden');
assert.ok(kora && forum, 'the sample has KORA and the Sicherheitsdialog Dresden');

/** A fresh profile (German, phone size) on a server of its own. */
async function fresh() {
  const server = await serve(DIST);
  const context = await phoneContext(browser, 'de-DE');
  const errors = [];
  const page = async (path = '/') => {
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    if (path !== null) await p.goto(server.url + path);
    return p;
  };
  return {
    server,
    context,
    errors,
    page,
    async close() {
      await context.close();
      await server.close();
    },
  };
}

/** Waits until the app shows the sample's data. */
async function appReady(page) {
  await page.locator('.data-as-of').waitFor({ timeout: 15000 });
}

/** Saves the entry at `path` (its page's heading is `name`) as a favourite. */
async function saveFavourite(page, origin, path, name) {
  await page.goto(origin + path);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('button', { name: 'Als Favorit merken' }).click();
  await page.getByRole('button', { name: 'Aus den Favoriten entfernen' }).waitFor();
}

/** The database's version as the browser reports it (0: none). */
const databaseVersion = (page) =>
  page.evaluate(
    async (name) => (await indexedDB.databases()).find((d) => d.name === name)?.version ?? 0,
    DATABASE,
  );

/** The favourite records in the database, read from the page's own
 * connection (opened without a version, closed again): [{ key, value }]. */
const storedFavourites = (page) =>
  page.evaluate(
    ({ name, store }) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const tx = db.transaction(store, 'readonly');
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(keys.result.map((key, i) => ({ key, value: values.result[i] })));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DATABASE, store: FAVOURITES },
  );

/** Waits until the favourites written in the background are stored. */
async function waitStored(page, ids) {
  const want = [...ids].sort();
  for (let i = 0; i < 100; i++) {
    const got = (await storedFavourites(page)).map((r) => r.key[1]).sort();
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the favourites ${want} were not stored`);
}

/** The favourites page's entries as shown (titles of their links). */
async function shownFavourites(page) {
  await page.locator('.favourite-list .favourite-item').first().waitFor();
  return page.locator('.favourite-list .favourite-item a').evaluateAll((links) => links.map((a) => a.textContent.trim()));
}

/**
 * Starts, in `page`, an upgrade to `version` that adds the object store
 * `added` and keeps everything else (as a newer version of the app would).
 * Its progress is in `window.upgrade`: blocked, done, stores, favourites,
 * error. The new connection stays open in `window.upgraded`.
 */
const startUpgrade = (page, version, added) =>
  page.evaluate(
    ({ name, version, added, store }) => {
      const state = (window.upgrade = { blocked: false, done: false, stores: null, favourites: null, error: null, oldVersion: null });
      const request = indexedDB.open(name, version);
      request.onblocked = () => {
        state.blocked = true;
      };
      request.onupgradeneeded = (event) => {
        state.oldVersion = event.oldVersion;
        request.result.createObjectStore(added);
      };
      request.onerror = () => {
        state.error = String(request.error);
      };
      request.onsuccess = () => {
        const db = (window.upgraded = request.result);
        state.stores = [...db.objectStoreNames].sort();
        const tx = db.transaction(store, 'readonly');
        const keys = tx.objectStore(store).getAllKeys();
        const values = tx.objectStore(store).getAll();
        tx.oncomplete = () => {
          state.favourites = keys.result.map((key, i) => ({ key, value: values.result[i] }));
          state.done = true;
        };
      };
    },
    { name: DATABASE, version, added, store: FAVOURITES },
  );

/** A page of the same origin that is no app tab: a plain file. */
const PLAIN = '/manifest.webmanifest';

/** Tab A: the app with KORA and the forum as favourites, on /favourites. */
async function appWithTwoFavourites(s) {
  const a = await s.page('/');
  await appReady(a);
  await saveFavourite(a, s.server.url, '/organization/kora', kora.name);
  await waitStored(a, ['kora']);
  await saveFavourite(a, s.server.url, '/forum/sicherheitsdialog-dresden', forum.name);
  await waitStored(a, ['kora', 'sicherheitsdialog-dresden']);
  await a.goto(`${s.server.url}/favourites`);
  assert.deepEqual((await shownFavourites(a)).sort(), [forum.name, kora.name].sort());
  return a;
}

test('a newer version upgrading in another tab is not held up, keeps every favourite, and the app tab says to reload', async () => {
  const s = await fresh();
  try {
    const a = await appWithTwoFavourites(s);
    const before = await storedFavourites(a);
    assert.equal(before.length, 2);

    // Tab B: a newer version of the app, one schema version up.
    const b = await s.page(PLAIN);
    const current = await databaseVersion(b);
    assert.equal(current, APP_VERSION);
    await startUpgrade(b, current + 1, 'notes');
    // No deadlock: the upgrade finishes within a few seconds, and without
    // ever being blocked (tab A closed its connection on `versionchange`).
    await b.waitForFunction(() => window.upgrade.done || window.upgrade.error, null, { timeout: 5000 });
    const upgrade = await b.evaluate(() => window.upgrade);
    assert.equal(upgrade.error, null);
    assert.equal(upgrade.blocked, false, 'the app tab let go at once');
    assert.equal(upgrade.oldVersion, APP_VERSION);
    assert.deepEqual(upgrade.stores, ['dataset', 'dataset_bytes', FAVOURITES, 'notes', 'search_index', 'settings', 'update_log']);
    // Every favourite record is still there, unchanged.
    const byId = (records) => [...records].sort((x, y) => x.key[1].localeCompare(y.key[1]));
    assert.deepEqual(byId(upgrade.favourites), byId(before));
    assert.deepEqual(
      byId(upgrade.favourites).map((r) => [r.key, r.value.title]),
      [
        [['organization', 'kora'], kora.name],
        [['forum', 'sicherheitsdialog-dresden'], forum.name],
      ].sort((x, y) => x[0][1].localeCompare(y[0][1])),
    );
    assert.equal(await databaseVersion(b), APP_VERSION + 1);

    // Tab A says why it no longer stores anything, and still shows its
    // favourites.
    const notice = a.locator('.store-notice');
    await notice.waitFor({ timeout: 5000 });
    assert.match(await notice.textContent(), /anderen Tab aktualisiert/);
    assert.match(await notice.textContent(), /neu/);
    assert.deepEqual((await shownFavourites(a)).sort(), [forum.name, kora.name].sort());
    // Moving on inside the tab keeps them too (no reload: the signal).
    await a.getByRole('link', { name: kora.name }).click();
    await a.getByRole('heading', { level: 1, name: kora.name }).waitFor();
    await a.getByRole('button', { name: 'Aus den Favoriten entfernen' }).waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a tab that keeps its connection blocks an upgrade until it closes; nothing is lost', async () => {
  // This models an older tab that does not answer `versionchange` holding
  // up a newer one, with raw IndexedDB on both sides: the app opens at its
  // own fixed version, so only a page that asks for a higher one can be
  // kept waiting by it (the next test has the app itself kept waiting).
  const s = await fresh();
  try {
    const a = await appWithTwoFavourites(s);
    const before = await storedFavourites(a);

    // Tab B: holds a connection at the current version and never closes it.
    const b = await s.page(PLAIN);
    await b.evaluate(
      ({ name, version }) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open(name, version);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            window.held = request.result;
            window.held.onversionchange = null;
            resolve();
          };
        }),
      { name: DATABASE, version: APP_VERSION },
    );

    // Page C: an upgrade of its own.
    const c = await s.page(PLAIN);
    await startUpgrade(c, APP_VERSION + 1, 'notes');
    await c.waitForFunction(() => window.upgrade.blocked, null, { timeout: 5000 });
    // Blocked it stays, as long as B holds on.
    await c.waitForTimeout(1000);
    let upgrade = await c.evaluate(() => window.upgrade);
    assert.equal(upgrade.done, false);
    assert.equal(upgrade.error, null);
    assert.equal(await databaseVersion(c), APP_VERSION);
    // The app tab was asked too and let go: it says so and keeps showing
    // its favourites.
    const notice = a.locator('.store-notice');
    await notice.waitFor({ timeout: 5000 });
    assert.match(await notice.textContent(), /anderen Tab aktualisiert/);
    assert.deepEqual((await shownFavourites(a)).sort(), [forum.name, kora.name].sort());

    // B lets go: the upgrade finishes, favourites intact.
    await b.evaluate(() => window.held.close());
    await c.waitForFunction(() => window.upgrade.done || window.upgrade.error, null, { timeout: 5000 });
    upgrade = await c.evaluate(() => window.upgrade);
    assert.equal(upgrade.error, null);
    assert.equal(upgrade.oldVersion, APP_VERSION);
    assert.ok(upgrade.stores.includes('notes') && upgrade.stores.includes(FAVOURITES));
    const byId = (records) => [...records].sort((x, y) => x.key[1].localeCompare(y.key[1]));
    assert.deepEqual(byId(upgrade.favourites), byId(before));
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

// What the app does when it is the one kept waiting: it opens at v2, the
// browser reports `blocked`, and the store answers Blocked at once; the app
// runs from memory for this visit and says to close the other tabs, while
// its upgrade waits in the background and finishes (v1 favourites moved to
// v2) as soon as the old tab lets go. The next start uses the database.
test('an old tab at schema v1 keeps the app waiting: it says to close the other tabs, then migrates the favourite', async () => {
  const s = await fresh();
  try {
    // Tab B: the first offline version (schema v1), open with a favourite,
    // and it does not let go when asked.
    const b = await s.page(PLAIN);
    const addedAt = Date.parse('2024-01-10T12:00:00Z');
    await b.evaluate(
      ({ name, addedAt }) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open(name, 1);
          request.onerror = () => reject(request.error);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('favorites').put({ added_at: addedAt }, 'organization/kora');
            db.createObjectStore('settings');
          };
          request.onsuccess = () => {
            window.held = request.result;
            window.held.onversionchange = null;
            resolve();
          };
        }),
      { name: DATABASE, addedAt },
    );

    // Tab C: the app needs v2 and is kept waiting.
    const c = await s.page('/');
    const notice = c.locator('.store-notice');
    await notice.waitFor({ timeout: 15000 });
    assert.match(await notice.textContent(), /anderen Tab|andere(n)? Tabs/);
    // The app works meanwhile (from memory: the data is there).
    await appReady(c);
    assert.equal(await databaseVersion(c), 1);

    // B closes: the app's waiting upgrade runs and migrates the favourite.
    await b.evaluate(() => window.held.close());
    for (let i = 0; i < 50 && (await databaseVersion(c)) !== APP_VERSION; i++) await c.waitForTimeout(100);
    assert.equal(await databaseVersion(c), APP_VERSION);
    const stored = await storedFavourites(c);
    assert.deepEqual(
      stored.map((r) => [r.key, r.value.added_at]),
      [[['organization', 'kora'], addedAt]],
    );

    // The next start uses the database: no notice, KORA is a favourite.
    await c.goto(`${s.server.url}/favourites`);
    assert.deepEqual(await shownFavourites(c), [kora.name]);
    assert.equal(await c.locator('.store-notice').count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a favourite survives a reload without network', async () => {
  const s = await fresh();
  try {
    const page = await s.page('/');
    await appReady(page);
    await saveFavourite(page, s.server.url, '/organization/kora', kora.name);
    await waitStored(page, ['kora']);

    // The service worker controls the page (after a reload at the latest).
    const ready = await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    assert.ok(ready, 'the service worker is active');
    await page.reload();
    await appReady(page);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled');

    await s.server.close();
    await s.context.setOffline(true);
    const response = await page.goto(`${s.server.url}/favourites`);
    assert.ok(response?.fromServiceWorker(), 'the shell came from the service worker');
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.deepEqual(await shownFavourites(page), [kora.name]);
    await page.getByRole('link', { name: kora.name }).click();
    await page.getByRole('heading', { level: 1, name: kora.name }).waitFor();
    const star = page.getByRole('button', { name: 'Aus den Favoriten entfernen' });
    await star.waitFor();
    assert.equal(await star.getAttribute('aria-pressed'), 'true');
    // And as a page opened directly, offline.
    await page.goto(`${s.server.url}/organization/kora`);
    await page.getByRole('heading', { level: 1, name: kora.name }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Aus den Favoriten entfernen' }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

/** The first bytes of the stored dataset form `key` (`raw`, `compact`) as
 * text, or null when there is none. */
const storedHead = (page, key) =>
  page.evaluate(
    ({ name, key }) =>
      new Promise((done, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('dataset_bytes').objectStore('dataset_bytes').get(key);
          get.onerror = () => fail(get.error);
          get.onsuccess = async () => {
            db.close();
            const blob = get.result;
            done(blob instanceof Blob ? new TextDecoder().decode(await blob.slice(0, 8).arrayBuffer()) : null);
          };
        };
      }),
    { name: DATABASE, key },
  );

/** Which way the last start took: `compact`, `json` (the app's marks). */
const startedFrom = (page) =>
  page.evaluate(() => {
    const marks = performance.getEntriesByType('mark').map((m) => m.name);
    if (marks.includes('dn:decoded')) return 'compact';
    if (marks.includes('dn:validated')) return 'json';
    return 'unknown';
  });

test('a returning start reads the compact form; damaged compact bytes fall back to the JSON and are made again, nothing lost', async () => {
  const s = await fresh();
  try {
    const page = await s.page('/');
    await appReady(page);
    assert.equal((await storedHead(page, 'raw'))?.trimStart()[0], '{', 'the published JSON is kept');
    assert.equal(await storedHead(page, 'compact'), 'DLGNDS\0\0', 'the compact form is stored beside the JSON');
    await saveFavourite(page, s.server.url, '/organization/kora', kora.name);
    await waitStored(page, ['kora']);

    await page.goto(`${s.server.url}/?q=kora`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await startedFrom(page), 'compact');
    assert.match(await page.locator('.hit').first().textContent(), /KORA/);

    // Storage damaged: the compact form is garbage now.
    await page.evaluate(
      (name) =>
        new Promise((done, fail) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('dataset_bytes', 'readwrite');
            tx.objectStore('dataset_bytes').put(new Blob(['DLGNDS\0\0', 'not what was written']), 'compact');
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
          open.onerror = () => fail(open.error);
        }),
      DATABASE,
    );
    await page.goto(`${s.server.url}/?q=kora`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await startedFrom(page), 'json', 'the verified JSON was read instead');
    assert.match(await page.locator('.hit').first().textContent(), /KORA/);
    // ... and the compact form made from it was stored again (before the
    // data was shown): the next start reads it.
    await page.goto(`${s.server.url}/?q=kora`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await startedFrom(page), 'compact', 'the compact form was repaired');
    await page.goto(`${s.server.url}/favourites`);
    assert.deepEqual(await shownFavourites(page), [kora.name]);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a damaged record of the compact form is found after the start and made again from the JSON', async () => {
  const s = await fresh();
  try {
    const page = await s.page('/');
    await appReady(page);
    // The last record is the last article's: change one of its bytes, as
    // storage that decays would.
    const article = sample.articles[sample.articles.length - 1];
    await page.evaluate(
      (name) =>
        new Promise((done, fail) => {
          const open = indexedDB.open(name);
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('dataset_bytes').objectStore('dataset_bytes').get('compact');
            get.onerror = () => fail(get.error);
            get.onsuccess = async () => {
              const bytes = new Uint8Array(await get.result.arrayBuffer());
              bytes[bytes.length - 3] ^= 0x20;
              const tx = db.transaction('dataset_bytes', 'readwrite');
              tx.objectStore('dataset_bytes').put(new Blob([bytes]), 'compact');
              tx.oncomplete = () => {
                db.close();
                done();
              };
              tx.onerror = () => fail(tx.error);
            };
          };
        }),
      DATABASE,
    );
    // The start reads the form as it is (only its tables are checked), then
    // checks the records and validates the stored JSON to make it again.
    await page.goto(`${s.server.url}/?q=kora`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await startedFrom(page), 'compact');
    await page.waitForFunction(() => performance.getEntriesByName('dn:repaired').length > 0, null, { timeout: 30_000 });
    assert.ok(await page.evaluate(() => performance.getEntriesByName('dn:validated').length > 0), 'the JSON was validated');
    // The next start reads the new form, and the article is there.
    await page.goto(`${s.server.url}/article/${article.id}`);
    await page.locator('main h1', { hasText: article.title.de }).waitFor();
    assert.equal(await startedFrom(page), 'compact');
    assert.equal(
      await page.evaluate(() => performance.getEntriesByName('dn:validated').length),
      0,
      'no second repair: the stored form is sound again',
    );
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
