// Measures the app as a person feels it, in this machine's headless
// Chromium, on the release build (dist/):
//   keystroke → results painted: every key of a set of queries typed one by
//     one; the time from the key's event to the animation frame after the
//     result list changed (the frame that paints it), p50/p95/max;
//   offline cold start: a new browser process on a profile that has the
//     dataset stored, server stopped, offline; navigation start → first
//     results painted for `/?q=polizei`, with and without the saved search
//     index (median of 5 and worst); also, by Element Timing, when the
//     frame with the first hit's text was rendered.
// Usage: node tools/measure-app.mjs [DATASET.json ...]  (default: the sample);
// REBUILD=0 skips the starts without a saved index.
// Generated datasets: dialognetz generate --organizations 10000 --seed 7 -o gen10k.json
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDataset } from './serve-dataset.mjs';
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

/** Waits until the app shows data (the search field and "data as of"). */
async function waitForData(page, timeout = 600_000) {
  await page.locator('.data-as-of').waitFor({ timeout });
  await page.getByRole('searchbox').waitFor({ timeout });
}

/** Types the queries key by key. Per key it takes two figures:
 *  - `work`: the main-thread time the key costs before its results are on
 *    screen: key event → the last change of the result list (the app's
 *    search and DOM update), plus the style, layout and paint of the frame
 *    that shows them. This is what has to fit in one frame (16 ms).
 *  - `painted`: key event → that frame rendered, as a person sees it; it
 *    also holds the wait for the display's next frame (0–16.7 ms), which no
 *    app can shorten. */
async function keystrokes(page) {
  await page.evaluate(() => {
    window.__samples = [];
    const results = document.querySelector('.results');
    let pending = null;
    // The frame that paints the key's results: asked for first thing on
    // the key (so this callback runs before any the app asks for in the
    // same frame, and the task it posts runs before work the app defers
    // until after that frame); taken again while the results have not
    // changed yet.
    const onFrame = (key) => () => {
      if (key.changed === null) {
        if (pending === key) requestAnimationFrame(onFrame(key));
        return;
      }
      if (pending === key) pending = null;
      const frameStart = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const end = performance.now();
        window.__samples.push({ work: key.changed - key.start + (end - frameStart), painted: end - key.start, typed: key.typed });
      };
      channel.port2.postMessage(null);
    };
    document.addEventListener(
      'keydown',
      (e) => {
        pending = { start: e.timeStamp, changed: null, typed: `${e.target.value ?? ''}${e.key.length === 1 ? e.key : ` (${e.key})`}` };
        requestAnimationFrame(onFrame(pending));
      },
      true,
    );
    // The update can reach the DOM in more than one microtask: the last
    // change before the frame counts.
    new MutationObserver(() => {
      if (pending !== null) pending.changed = performance.now();
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

/** Calls `done(performance.now())` once the next frame has been rendered:
 *  a task posted from an animation-frame callback runs after that frame's
 *  style, layout and paint. (The callback's own timestamp is the frame's
 *  planned start, which can lie before a long task that delayed it, so it
 *  would make a slow render look fast.) */
function afterNextPaint(done) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}

/** Notes, from the page itself, the frame in which the first hit appears:
 *  waiting from outside (Playwright's polling, then a round trip) would add
 *  its own delay to the figure. */
function watchFirstHit() {
  // Element Timing: the browser's own time of the frame that put the
  // first hit's text on screen, which no task queued after that frame can
  // delay (the end above is a task, and the facet counts' task, posted from
  // the same frame, can run first).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier !== 'first-hit') continue;
      const at = e.renderTime || e.loadTime;
      window.__firstHitRendered = Math.min(window.__firstHitRendered ?? Infinity, at);
    }
  }).observe({ type: 'element', buffered: true });
  new MutationObserver((_, observer) => {
    const hit = document.querySelector('.hit');
    if (!hit) return;
    observer.disconnect();
    // Before the frame renders it (observers run before rendering).
    for (const el of [hit, ...hit.querySelectorAll('*')]) el.setAttribute('elementtiming', 'first-hit');
    afterNextPaint((now) => {
      window.__firstHitFrame = now;
    });
  }).observe(document, { childList: true, subtree: true });
}

async function coldStart(profile, url) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, offline: true });
  try {
    await context.addInitScript(`${afterNextPaint.toString()}\n(${watchFirstHit.toString()})();`);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => window.__firstHitFrame !== undefined, null, { timeout: 600_000 });
    // The element entry is delivered when the frame is presented.
    await page.waitForFunction(() => window.__firstHitRendered !== undefined, null, { timeout: 2_000 }).catch(() => {});
    return await page.evaluate(() => {
      const frame = window.__firstHitFrame;
      const rendered = window.__firstHitRendered ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      const origin = nav ? nav.startTime : 0;
      // Where the time went: the page's own milestones and the app's marks
      // (src/browser.rs `mark`), from navigation start.
      const steps = { 'html received': nav ? nav.responseEnd : NaN };
      for (const e of performance.getEntriesByType('paint')) steps[e.name] = e.startTime;
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      if (wasm) steps['wasm received'] = wasm.responseEnd;
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('dn:')) steps[m.name] = m.startTime;
      steps['first hit rendered (Element Timing)'] = rendered;
      steps['results painted'] = frame;
      for (const k of Object.keys(steps)) steps[k] -= origin;
      return { total: frame - origin, rendered: rendered - origin, steps };
    });
  } finally {
    await context.close();
  }
}

for (const file of files) {
  const size = (await stat(file)).size;
  const server = await serveDataset(file);
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
    const runs = [];
    for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldStart(profile, url));
    const withIndex = runs.map((r) => r.total);
    // Without the saved index: remove it, then measure (each start rebuilds
    // and saves it, so remove it before every run).
    const withoutIndex = [];
    // REBUILD=0 leaves these out (at 100k each one builds the index anew).
    const rebuildRuns = process.env.REBUILD === '0' ? 0 : COLD_RUNS;
    for (let i = 0; i < rebuildRuns; i++) {
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
      withoutIndex.push((await coldStart(profile, url)).total);
    }
    const median = (v) => percentile(v, 50);
    console.log(`\n${file} (${(size / 1e6).toFixed(1)} MB)`);
    console.log(`  first visit (fetch, check, index, store) to data shown: ${firstLoad} ms`);
    const work = samples.map((s) => s.work);
    const painted = samples.map((s) => s.painted);
    console.log(`  keystroke, main-thread work until painted: n=${work.length} p50 ${fmt(percentile(work, 50))} p95 ${fmt(percentile(work, 95))} max ${fmt(Math.max(...work))}`);
    const slowest = [...samples].sort((a, b) => b.work - a.work).slice(0, 6);
    console.log(`    slowest keys (the field with the key: work): ${slowest.map((s) => `"${s.typed}" ${s.work.toFixed(1)}`).join(' · ')}`);
    console.log(`  keystroke → results on screen (with the wait for the next frame): p50 ${fmt(percentile(painted, 50))} p95 ${fmt(percentile(painted, 95))} max ${fmt(Math.max(...painted))}`);
    console.log(`  offline cold start → results painted, saved index: median ${fmt(median(withIndex))}, worst ${fmt(Math.max(...withIndex))} [${withIndex.map((v) => v.toFixed(0)).join(', ')}]`);
    const rendered = runs.map((r) => r.rendered);
    console.log(`  offline cold start → first hit rendered (Element Timing), saved index: median ${fmt(median(rendered))}, worst ${fmt(Math.max(...rendered))} [${rendered.map((v) => v.toFixed(0)).join(', ')}]`);
    // The median run's steps (medians per step would mix runs).
    const middle = [...runs].sort((a, b) => a.total - b.total)[Math.floor(runs.length / 2)];
    const steps = Object.entries(middle.steps).sort((a, b) => a[1] - b[1]);
    console.log(`    the median run, from navigation start: ${steps.map(([n, t]) => `${n} ${t.toFixed(0)}`).join(' · ')}`);
    if (withoutIndex.length) console.log(`  offline cold start → results painted, index rebuilt: median ${fmt(median(withoutIndex))}, worst ${fmt(Math.max(...withoutIndex))} [${withoutIndex.map((v) => v.toFixed(0)).join(', ')}]`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
