// End to end: the dataset's update path on the release build (dist/). A
// stored dataset survives every bad answer of the server (offline, login
// page, cut-off file, invalid data, too large, wrong signature, HTTP errors,
// no answer), with one clear line why; a good new version is taken and
// favourites it no longer has are named as gone; without IndexedDB the app
// works from memory and says so. Each test starts from a fresh profile and
// its own server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPairSync, sign } from 'node:crypto';
import { serve } from './server.mjs';
import { launch, phoneContext } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const DATASET = '/data/dataset.json';
const SIGNATURE = '/data/dataset.json.sig';
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const sampleBytes = await readFile(join(DIST, 'data/dataset.json'));
const sample = JSON.parse(sampleBytes.toString('utf8'));
const baseConfig = JSON.parse(await readFile(join(DIST, 'config.json'), 'utf8'));
const kora = sample.organizations.find((o) => o.id === 'kora');
// An organisation nothing else refers to: a new version may drop it.
const bmfsfj = sample.organizations.find((o) => o.id === 'bmfsfj');
assert.ok(kora && bmfsfj, 'the sample has KORA and the BMFSFJ');

/** "Stand der Daten" of the sample, as the app writes it in German. */
const SAMPLE_AS_OF = /Stand der Daten: 15\. Februar 2024 um 09:00/;
assert.equal(sample.meta.published_at, '2024-02-15T09:00:00+01:00');

/** A newer version of the sample, valid; `change` edits the copy. */
function newVersion(change = () => {}) {
  const next = structuredClone(sample);
  next.meta.version = '2024.2';
  next.meta.published_at = '2024-03-01T10:30:00+01:00';
  change(next);
  return Buffer.from(JSON.stringify(next, null, 2));
}
const NEW_AS_OF = /Stand der Daten: 1\. März 2024 um 10:30/;

/** An answer with the given status, type and body. */
function answer(body, type = 'application/json; charset=utf-8', status = 200, headers = {}) {
  return (req, res) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
    res.end(body);
  };
}

/** `config.json` with some fields changed. */
function configWith(fields) {
  return answer(JSON.stringify({ ...baseConfig, ...fields }));
}

/** An Ed25519 key pair as the app's configuration names it. */
function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  const raw = Buffer.from(x, 'base64url');
  assert.equal(raw.length, 32);
  return {
    publicKey: raw.toString('base64'),
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}

/** A fresh profile (German, phone size) on a server of its own. */
async function fresh({ faults = {}, init } = {}) {
  const server = await serve(DIST);
  for (const [path, handler] of Object.entries(faults)) server.faults.set(path, handler);
  const context = await phoneContext(browser, 'de-DE');
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    server,
    context,
    page,
    errors,
    async close() {
      await context.close();
      await server.close();
    },
  };
}

/** Waits until "Stand der Daten" matches `expected`; returns its text. */
async function dataAsOf(page, expected) {
  const line = page.locator('.data-as-of').filter({ hasText: expected });
  await line.waitFor();
  return line.textContent();
}

/** Types `query` into the search box and waits for `title` among the hits. */
async function searchFinds(page, query, title) {
  const box = page.getByRole('searchbox');
  await box.fill('');
  await box.pressSequentially(query, { delay: 10 });
  await page.locator('.hit-title', { hasText: title }).first().waitFor();
}

/** Saves the organisation `id` as a favourite from its page. */
async function saveFavourite(page, origin, id, name) {
  await page.goto(`${origin}/organization/${id}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('button', { name: 'Als Favorit merken' }).click();
  await page.getByRole('button', { name: 'Aus den Favoriten entfernen' }).waitFor();
}

/** The favourites page's entries: { title, vanished }. */
async function favouriteItems(page, origin) {
  await page.goto(`${origin}/favourites`);
  await page.locator('.favourite-list .favourite-item').first().waitFor();
  return page.locator('.favourite-list .favourite-item').evaluateAll((items) =>
    items.map((li) => ({
      text: li.textContent,
      link: li.querySelector('a')?.textContent ?? null,
      vanished: li.classList.contains('vanished'),
    })),
  );
}

/** The one-line message why the data was not updated. */
async function updateError(page) {
  const line = page.locator('.data-status .update-error');
  await line.waitFor();
  return line.textContent();
}

/** Whether the page is controlled by a service worker (waits a little for
 * one to take over when the build has one). */
async function controlledByServiceWorker(page) {
  if (!existsSync(join(DIST, 'sw.js'))) return false;
  return page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return false;
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return true;
    await new Promise((ok) => {
      navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true });
      setTimeout(ok, 5000);
    });
    return Boolean(navigator.serviceWorker.controller);
  });
}

test('offline after one visit: the stored data is shown with its date and search still finds KORA', async (t) => {
  const s = await fresh();
  try {
    const { page, context, server } = s;
    await page.goto(server.url);
    await dataAsOf(page, SAMPLE_AS_OF);
    await searchFinds(page, 'kora', kora.name);
    // Give a service worker of the build the time to register (a few
    // hundred ms at most); the registration check below waits for it.
    await page.waitForTimeout(500);
    const withWorker = await controlledByServiceWorker(page);
    t.diagnostic(withWorker ? 'a service worker keeps the shell; the server is stopped' : 'no service worker: only the dataset fails');

    // The network is gone: no answer at all for the dataset.
    server.faults.set(DATASET, (req) => req.socket.destroy());
    if (withWorker) {
      // The worker keeps the shell: the whole server can go.
      await server.close();
      await context.setOffline(true);
      await page.reload();
    } else {
      // Without a worker the shell itself needs the server; only the
      // dataset fails, then the browser goes offline.
      await page.reload();
      assert.match(await updateError(page), /Keine Verbindung zum Server/);
      await context.setOffline(true);
    }
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    const line = await dataAsOf(page, SAMPLE_AS_OF);
    assert.match(line, /offline: gespeicherte Daten/);
    // Offline, the failed check is not an error worth a line.
    assert.equal(await page.locator('.update-error').count(), 0);
    await searchFinds(page, 'kora', kora.name);
    const first = page.locator('.hit-title').first();
    assert.equal((await first.textContent()).trim(), kora.name);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

/**
 * The shared journey of (b): a first good load, KORA saved as a favourite,
 * then the server answers the dataset URL with `fault` (path → handler) on
 * every later load. The old data must stay, with one line saying why, and
 * the favourite too. Returns the message.
 */
async function refusedUpdate({ setup = {}, fault, expect }) {
  const s = await fresh({ faults: setup });
  try {
    const { page, server } = s;
    await page.goto(server.url);
    await dataAsOf(page, SAMPLE_AS_OF);
    await saveFavourite(page, server.url, 'kora', kora.name);

    for (const [path, handler] of Object.entries(fault)) server.faults.set(path, handler);
    await page.goto(server.url);
    const message = await updateError(page);
    assert.match(message, /Die Daten wurden nicht aktualisiert/);
    assert.match(message, expect);
    // The old data is still the one shown, and it searches.
    assert.match(await dataAsOf(page, SAMPLE_AS_OF), SAMPLE_AS_OF);
    assert.equal(await page.locator('.notice.good').count(), 0);
    assert.equal(await page.locator('.load-error').count(), 0);
    await searchFinds(page, 'kora', kora.name);

    // Loaded once more (the fault still there): the stored data and the
    // favourite are what they were.
    const items = await favouriteItems(page, server.url);
    assert.deepEqual(
      items.map((i) => [i.link, i.vanished]),
      [[kora.name, false]],
    );
    await dataAsOf(page, SAMPLE_AS_OF);
    assert.match(await updateError(page), expect);
    assert.deepEqual(s.errors, []);
    return message;
  } finally {
    await s.close();
  }
}

test('a Wi-Fi login page instead of the data keeps the old data and says so', async () => {
  const login = '<!DOCTYPE html><html><head><title>Login</title></head><body><form>WLAN-Anmeldung</form></body></html>';
  await refusedUpdate({ fault: { [DATASET]: answer(login, 'text/html; charset=utf-8') }, expect: /Anmeldeseite/ });
  // Also when the portal calls its page JSON.
  await refusedUpdate({ fault: { [DATASET]: answer(login) }, expect: /Anmeldeseite/ });
});

test('a cut-off download keeps the old data and says it arrived incomplete', async () => {
  const half = sampleBytes.subarray(0, Math.floor(sampleBytes.length / 2));
  await refusedUpdate({ fault: { [DATASET]: answer(half) }, expect: /unvollständig/ });
  // The connection breaks off in the middle of a new version's body.
  const next = newVersion();
  const cutOff = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(next.length) });
    res.write(next.subarray(0, Math.floor(next.length / 2)), () => setTimeout(() => req.socket.destroy(), 50));
  };
  await refusedUpdate({ fault: { [DATASET]: cutOff }, expect: /unvollständig/ });
});

test('an invalid new version (a javascript: website) keeps the old data and says it is faulty', async () => {
  const bad = newVersion((d) => {
    d.organizations.find((o) => o.id === 'kora').website = 'javascript:alert(1)';
  });
  await refusedUpdate({ fault: { [DATASET]: answer(bad) }, expect: /fehlerhaft/ });
});

test('a file three times the size limit is refused, with and without Content-Length', async () => {
  const limit = sampleBytes.length + 4096;
  const config = { '/config.json': configWith({ max_dataset_bytes: limit }) };
  // Valid JSON (a new version padded with spaces): only its size is wrong.
  const big = newVersion();
  const body = Buffer.concat([big, Buffer.alloc(3 * limit - big.length, ' ')]);
  assert.equal(body.length, 3 * limit);
  await refusedUpdate({
    setup: config,
    fault: { [DATASET]: answer(body, undefined, 200, { 'content-length': String(body.length) }) },
    expect: /größer/,
  });
  // Sent in chunks, so the size shows only while reading.
  const chunked = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    for (let at = 0; at < body.length; at += 16384) res.write(body.subarray(at, at + 16384));
    res.end();
  };
  await refusedUpdate({ setup: config, fault: { [DATASET]: chunked }, expect: /größer/ });
});

test('an endless answer without Content-Length is given up while it arrives, not downloaded whole', async () => {
  const limit = sampleBytes.length + 4096;
  const total = 64 * 1024 * 1024;
  let sent = 0;
  let closed;
  const gaveUp = new Promise((ok) => (closed = ok));
  // 64 MB of spaces, at the pace the app reads them.
  const endless = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const chunk = Buffer.alloc(65536, ' ');
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => closed(sent));
    pump();
  };
  await refusedUpdate({
    setup: { '/config.json': configWith({ max_dataset_bytes: limit }) },
    fault: { [DATASET]: endless },
    expect: /größer/,
  });
  const atClose = await gaveUp;
  assert.ok(atClose < total / 4, `the app stopped reading after ${atClose} of ${total} bytes`);
});

test('with a trusted key, forged, tampered and missing signatures are refused and a good one is taken', async () => {
  const publisher = keyPair();
  const stranger = keyPair();
  const signed = {
    '/config.json': configWith({ trusted_keys: [publisher.publicKey] }),
    [SIGNATURE]: answer(publisher.sign(sampleBytes), 'text/plain; charset=utf-8'),
  };
  const tampered = newVersion((d) => {
    d.organizations.find((o) => o.id === 'kora').phone = '0800 1234567';
  });
  // Signed by a key nobody trusts.
  await refusedUpdate({
    setup: signed,
    fault: {
      [DATASET]: answer(tampered),
      [SIGNATURE]: answer(stranger.sign(tampered), 'text/plain'),
    },
    expect: /Signatur|signiert/,
  });
  // The publisher's signature, but over other bytes (the untampered ones).
  const honest = newVersion();
  await refusedUpdate({
    setup: signed,
    fault: {
      [DATASET]: answer(tampered),
      [SIGNATURE]: answer(publisher.sign(honest), 'text/plain'),
    },
    expect: /Signatur passt nicht/,
  });
  // No signature at all.
  await refusedUpdate({
    setup: signed,
    fault: {
      [DATASET]: answer(honest),
      [SIGNATURE]: answer('not found', 'text/plain', 404),
    },
    expect: /nicht signiert/,
  });

  // The same check takes a new version the publisher signed.
  const s = await fresh({ faults: signed });
  try {
    const { page, server } = s;
    await page.goto(server.url);
    await dataAsOf(page, SAMPLE_AS_OF);
    server.faults.set(DATASET, answer(honest));
    server.faults.set(SIGNATURE, answer(publisher.sign(honest), 'text/plain'));
    await page.reload();
    await dataAsOf(page, NEW_AS_OF);
    await page.getByText('Neue Daten wurden übernommen.').waitFor();
    assert.equal(await page.locator('.update-error').count(), 0);
    await searchFinds(page, 'kora', kora.name);
  } finally {
    await s.close();
  }
});

test('HTTP 500 and 404 keep the old data, each with its own message', async () => {
  await refusedUpdate({ fault: { [DATASET]: answer('boom', 'text/plain', 500) }, expect: /Fehler gemeldet/ });
  await refusedUpdate({ fault: { [DATASET]: answer('not found', 'text/plain', 404) }, expect: /nicht gefunden/ });
});

test('a server that never answers runs into the timeout; the old data stays', async () => {
  const started = Date.now();
  await refusedUpdate({
    setup: { '/config.json': configWith({ timeout_seconds: 2 }) },
    // Takes the request and never answers.
    fault: { [DATASET]: () => {} },
    expect: /nicht rechtzeitig/,
  });
  // Two loads that each waited for the 2 s timeout, not for 30 s.
  assert.ok(Date.now() - started < 30000, `took ${Date.now() - started} ms`);
});

test('a valid new version is taken; a favourite it dropped is named as no longer in the data', async () => {
  const s = await fresh();
  try {
    const { page, server } = s;
    await page.goto(server.url);
    await dataAsOf(page, SAMPLE_AS_OF);
    await saveFavourite(page, server.url, 'bmfsfj', bmfsfj.name);
    await saveFavourite(page, server.url, 'kora', kora.name);

    const next = newVersion((d) => {
      d.organizations = d.organizations.filter((o) => o.id !== 'bmfsfj');
    });
    server.faults.set(DATASET, answer(next));
    await page.goto(server.url);
    await dataAsOf(page, NEW_AS_OF);
    await page.locator('.data-status .notice.good', { hasText: 'Neue Daten wurden übernommen.' }).waitFor();
    assert.equal(await page.locator('.update-error').count(), 0);

    const items = await favouriteItems(page, server.url);
    assert.equal(items.length, 2, JSON.stringify(items));
    const kept = items.find((i) => i.link === kora.name);
    assert.ok(kept && !kept.vanished, JSON.stringify(items));
    const gone = items.find((i) => i.vanished);
    assert.ok(gone, JSON.stringify(items));
    assert.equal(gone.link, null);
    assert.match(gone.text, new RegExp(bmfsfj.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(gone.text, /Nicht mehr in den aktuellen Daten/);
    // The new version is the stored one now: no second "new data" notice.
    await dataAsOf(page, NEW_AS_OF);
    assert.equal(await page.locator('.notice.good').count(), 0);
    // Its page is gone too.
    await page.goto(`${server.url}/organization/bmfsfj`);
    await page.getByRole('heading', { level: 1, name: /gibt es in den Daten nicht/ }).waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('without IndexedDB the app works from memory and says it stores nothing', async () => {
  const s = await fresh({
    init: () => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    },
  });
  try {
    const { page, server } = s;
    await page.goto(server.url);
    assert.equal(await page.evaluate(() => window.indexedDB), undefined);
    const notice = page.locator('.store-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /speichert nichts/);
    await dataAsOf(page, SAMPLE_AS_OF);
    await searchFinds(page, 'kora', kora.name);
    // A favourite works for the visit.
    await saveFavourite(page, server.url, 'kora', kora.name);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

/** A first visit (nothing stored) while the dataset URL answers `fault`:
 * the text of the error view. */
async function firstVisitError(handler) {
  const s = await fresh({ faults: { [DATASET]: handler } });
  try {
    const view = s.page.locator('.load-error[role="alert"]');
    await s.page.goto(s.server.url);
    await view.waitFor();
    assert.equal(await s.page.locator('.data-as-of').count(), 0);
    assert.equal(await view.getByRole('button', { name: 'Neu laden' }).count(), 1);
    return await view.textContent();
  } finally {
    await s.close();
  }
}

test('on a first visit a broken dataset shows the error view with a clear message', async () => {
  const bad = structuredClone(sample);
  bad.organizations[0].website = 'javascript:alert(1)';
  const invalid = await firstVisitError(answer(JSON.stringify(bad)));
  assert.match(invalid, /fehlerhaft/);
  assert.match(invalid, /organizations\[0\]\.website/);

  const login = await firstVisitError(answer('<!DOCTYPE html><html><body>Login WLAN</body></html>', 'text/html'));
  assert.match(login, /Anmeldeseite/);

  const error = await firstVisitError(answer('', 'text/plain', 500));
  assert.match(error, /Fehler gemeldet/);
});

test('"check for updates" on the about page: up to date, then a new version taken in, then a failure named', async () => {
  const t = await fresh();
  try {
    const { page, server } = t;
    await page.goto(server.url + '/about');
    await page.locator('.data-status .data-as-of', { hasText: SAMPLE_AS_OF }).waitFor();
    await page.locator('.last-check', { hasText: 'Zuletzt geprüft:' }).waitFor();
    const button = page.getByRole('button', { name: 'Nach neuen Daten suchen' });

    await button.click();
    await page.locator('.update-check-result', { hasText: 'Die Daten sind aktuell.' }).waitFor();

    server.faults.set(DATASET, answer(newVersion()));
    await button.click();
    await page.locator('.update-check-result .good', { hasText: 'Neue Daten wurden übernommen.' }).waitFor();
    await page.locator('.data-status .data-as-of', { hasText: NEW_AS_OF }).waitFor();
    await page.locator('.dataset-summary dd', { hasText: '2024.2' }).waitFor();

    server.faults.set(DATASET, answer('down', 'text/plain', 500));
    await button.click();
    const failure = page.locator('.update-check-result .update-error');
    await failure.waitFor();
    assert.match(await failure.textContent(), /Server hat einen Fehler gemeldet/);
    // The data stays as it was.
    await page.locator('.data-status .data-as-of', { hasText: NEW_AS_OF }).waitFor();
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('the app asks the browser to keep its storage once the data is stored, and again not before', async () => {
  const t = await fresh({
    init: () => {
      window.__persistCalls = 0;
      const storage = navigator.storage;
      const real = storage.persist.bind(storage);
      storage.persist = () => {
        window.__persistCalls += 1;
        return real();
      };
    },
    faults: { [DATASET]: answer('down', 'text/plain', 500) },
  });
  try {
    const { page, server } = t;
    await page.goto(server.url + '/');
    await page.locator('.load-error').waitFor();
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'nothing stored, nothing to keep');
    server.faults.delete(DATASET);
    await page.reload();
    await dataAsOf(page, SAMPLE_AS_OF);
    await page.waitForFunction(() => window.__persistCalls === 1);
    // The about page says whether the browser agreed.
    await page.goto(server.url + '/about');
    await page.locator('.storage-info', { hasText: /dauerhaft/ }).waitFor();
  } finally {
    await t.close();
  }
});
