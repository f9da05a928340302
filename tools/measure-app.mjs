// Measures the app as a person feels it, in this machine's headless
// Chromium, on the release build (dist/):
//   keystroke → results painted: every key of a set of queries typed one by
//     one; the time from the key's event to the animation frame after the
//     result list changed (the frame that paints it), p50/p95/max;
//   offline cold start: a new browser process on a profile that has the
//     dataset stored, server stopped, offline; navigation start → first
//     results painted for `/?q=polizei`, with and without the saved search
//     index (median of 5 and worst).
// Usage: node tools/measure-app.mjs [DATASET.json ...]  (default: the sample)
// Generated datasets: dialognetz generate --organizations 10000 --seed 7 -o gen10k.json
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const ARGS = CHROMIUM_ARGS;
const QUERIES = ['polizei kiel', 'moschee dresden', 'muenchen', 'revier', 'kripo', 'dresdn', '24103'];
const COLD_RUNS = 5;

const files = process.argv.slice(2);
if (files.length === 0) files.push('public/data/dataset.json');

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** Serves dist/ with `file` as the dataset and a config that allows its size. */
async function serveWith(file) {
  const bytes = await readFile(file);
  const server = await serve(process.env.DIST ?? 'dist');
  server.faults.set('/data/dataset.json', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length, 'cache-control': 'no-cache' });
    res.end(bytes);
  });
  server.faults.set('/config.json', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ max_dataset_bytes: 200 * 1024 * 1024, timeout_seconds: 300 }));
  });
  return server;
}

/** Waits until the app shows data (the search field and "data as of"). */
async function waitForData(page, timeout = 600_000) {
  await page.locator('.data-as-of').waitFor({ timeout });
  await page.getByRole('searchbox').waitFor({ timeout });
}

async function keystrokes(page) {
  await page.evaluate(() => {
    window.__samples = [];
    const results = document.querySelector('.results');
    let pending = null;
    document.addEventListener(
      'keydown',
      (e) => {
        pending = e.timeStamp;
      },
      true,
    );
    new MutationObserver(() => {
      if (pending === null) return;
      const start = pending;
      pending = null;
      requestAnimationFrame((frame) => window.__samples.push(frame - start));
    }).observe(results, { childList: true, subtree: true, characterData: true });
  });
  const box = page.getByRole('searchbox');
  for (const query of QUERIES) {
    await box.fill('');
    await page.waitForTimeout(100);
    for (const ch of query) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(60);
    }
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => window.__samples);
}

async function coldStart(profile, url) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, offline: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.locator('.hit').first().waitFor({ timeout: 600_000 });
    return await page.evaluate(
      () =>
        new Promise((done) => {
          requestAnimationFrame((frame) => {
            const nav = performance.getEntriesByType('navigation')[0];
            done(frame - (nav ? nav.startTime : 0));
          });
        }),
    );
  } finally {
    await context.close();
  }
}

for (const file of files) {
  const size = (await stat(file)).size;
  const server = await serveWith(file);
  const profile = await mkdtemp(join(tmpdir(), 'dialognetz-measure-'));
  try {
    // First visit: fetch, check, index, store (and the service worker).
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 390, height: 844 } });
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = Date.now();
    await page.goto(server.url);
    await waitForData(page);
    const firstLoad = Date.now() - t0;
    await page.evaluate(() => navigator.serviceWorker.ready);
    const samples = await keystrokes(page);
    await context.close();
    await server.close();

    const url = `${server.url}/?q=polizei`;
    const withIndex = [];
    for (let i = 0; i < COLD_RUNS; i++) withIndex.push(await coldStart(profile, url));
    // Without the saved index: remove it, then measure (each start rebuilds
    // and saves it, so remove it before every run).
    const withoutIndex = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, offline: true });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/about`);
      await page.evaluate(
        () =>
          new Promise((done, fail) => {
            const open = indexedDB.open('dialognetz');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('search_index', 'readwrite');
              tx.objectStore('search_index').clear();
              tx.oncomplete = () => {
                db.close();
                done();
              };
              tx.onerror = () => fail(tx.error);
            };
            open.onerror = () => fail(open.error);
          }),
      );
      await context.close();
      withoutIndex.push(await coldStart(profile, url));
    }
    const median = (v) => percentile(v, 50);
    console.log(`\n${file} (${(size / 1e6).toFixed(1)} MB)`);
    console.log(`  first visit (fetch, check, index, store) to data shown: ${firstLoad} ms`);
    console.log(`  keystroke → results painted: n=${samples.length} p50 ${fmt(percentile(samples, 50))} p95 ${fmt(percentile(samples, 95))} max ${fmt(Math.max(...samples))}`);
    console.log(`  offline cold start → results painted, saved index: median ${fmt(median(withIndex))}, worst ${fmt(Math.max(...withIndex))} [${withIndex.map((v) => v.toFixed(0)).join(', ')}]`);
    console.log(`  offline cold start → results painted, index rebuilt: median ${fmt(median(withoutIndex))}, worst ${fmt(Math.max(...withoutIndex))} [${withoutIndex.map((v) => v.toFixed(0)).join(', ')}]`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
