// Where an offline cold start's time goes, from Chromium's own trace: one
// first visit (online) to store the dataset, then RUNS cold starts of
// `/?q=polizei` (new browser process, server stopped, offline), each traced.
// Prints, per run, the renderer main thread's tasks longer than 1 ms from
// navigation start to the first hit painted, with what ran inside them
// (script, compile, style, layout, paint), and writes the last trace as
// JSON for chrome://tracing or Perfetto.
// With KEYS=1 it traces typing instead: after the first visit, a few
// queries typed key by key (online, same browser), and prints per key the
// main thread's script, style, layout and paint time.
// Usage: node tools/trace-start.mjs [DATASET.json]  (DIST=… for another
// build; RUNS=3; KEYS=1; PROFILE=1 (a CPU profile per cold start, by
// function); OUT=/tmp/dialognetz-start-trace.json)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDataset } from './serve-dataset.mjs';
import { printProfile } from './cpu-profile.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const file = process.argv[2] ?? 'public/data/dataset.json';
const runs = Number(process.env.RUNS ?? 3);
const out = process.env.OUT ?? '/tmp/dialognetz-start-trace.json';
// PROFILE=1: also a CPU profile of each cold start, summarised by function.
const profiled = process.env.PROFILE === '1';
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8.wasm',
  'blink.user_timing',
  'loading',
  'toplevel',
].join(',');

function firstHitWatcher() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.hit')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__firstHitFrame = performance.now();
      };
      channel.port2.postMessage(null);
    });
  }).observe(document, { childList: true, subtree: true });
}

async function traced(profile, url) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, offline: true });
  try {
    await context.addInitScript(`(${firstHitWatcher.toString()})();`);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    if (profiled) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url);
    await page.waitForFunction(() => window.__firstHitFrame !== undefined, null, { timeout: 600_000 });
    const total = await page.evaluate(() => window.__firstHitFrame - performance.getEntriesByType('navigation')[0].startTime);
    const cpu = profiled ? (await cdp.send('Profiler.stop')).profile : null;
    await cdp.send('Tracing.end');
    await complete;
    return { total, events, cpu };
  } finally {
    await context.close();
  }
}

/** The renderer main thread's tasks, with the names of what they ran. */
function summarise(events, total) {
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.includes('q=polizei'))
    ?? events.find((e) => e.name === 'navigationStart');
  const origin = nav ? nav.ts : 0;
  const main = [...threads].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key);
  const onMain = events.filter((e) => main.includes(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const lines = [];
  for (const task of tasks) {
    const start = (task.ts - origin) / 1000;
    const ms = task.dur / 1000;
    if (ms < 1 || start < 0 || start > total + 5) continue;
    const inside = new Map();
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
      if (!['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.wasm.compiledModule', 'wasm.SyncCompile', 'v8.wasm.streamFromResponseCallback', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'ParseHTML', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.run', 'GCEvent', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'HitTest', 'ScheduleStyleRecalculation', 'CommitLoad', 'ResourceReceiveResponse', 'v8.callFunction', 'RunMicrotasks', 'ParseAuthorStyleSheet'].includes(e.name)) continue;
      inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
    }
    const what = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', ');
    lines.push(`    ${start.toFixed(0).padStart(5)} ms  ${ms.toFixed(1).padStart(6)} ms  ${what}`);
  }
  const marks = events
    .filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('dn:'))
    .map((e) => `${e.name} ${((e.ts - origin) / 1000).toFixed(0)}`);
  return { lines, marks };
}

/** Types queries key by key under the tracer; per key event, the main
 *  thread's time by kind until the next key. */
async function traceKeys(context, page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  const box = page.getByRole('searchbox');
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  for (const query of ['moschee dresden', 'polizei kiel', 'kripo']) {
    await box.fill('');
    await page.waitForTimeout(150);
    for (const ch of query) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(120);
    }
  }
  await cdp.send('Tracing.end');
  await complete;
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const mainKeys = new Set([...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
  const onMain = events.filter((e) => mainKeys.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined);
  const keys = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
  const kinds = { script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks'], style: ['UpdateLayoutTree'], layout: ['Layout'], paint: ['Paint', 'PrePaint', 'Layerize', 'UpdateLayer'] };
  const totals = [];
  for (let k = 0; k < keys.length; k++) {
    const from = keys[k].ts;
    const to = k + 1 < keys.length ? keys[k + 1].ts : from + 100_000;
    const row = {};
    for (const [kind, names] of Object.entries(kinds)) {
      // Outermost events only, so nested script is not counted twice.
      const own = onMain.filter((e) => names.includes(e.name) && e.ts >= from && e.ts < to);
      let sum = 0;
      let end = 0;
      for (const e of own.sort((a, b) => a.ts - b.ts)) {
        if (e.ts >= end) {
          sum += e.dur;
          end = e.ts + e.dur;
        }
      }
      row[kind] = sum / 1000;
    }
    totals.push(row);
    // KEYS=detail: every task between this key and the next, from the key.
    if (process.env.KEYS_DETAIL === '1') {
      const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts + e.dur >= from && e.ts < to && e.dur > 500);
      console.log(`key ${k + 1}: ${tasks.map((t) => `${((t.ts - from) / 1000).toFixed(1)}+${(t.dur / 1000).toFixed(1)}`).join('  ')}`);
    }
  }
  const fmt = (v) => v.toFixed(1).padStart(5);
  console.log('key  script  style  layout  paint  (ms on the main thread until the next key)');
  totals.forEach((r, i) => console.log(`${String(i + 1).padStart(3)}  ${fmt(r.script)}  ${fmt(r.style)}  ${fmt(r.layout)}  ${fmt(r.paint)}`));
  const mean = (k) => totals.reduce((a, r) => a + r[k], 0) / totals.length;
  console.log(`mean ${fmt(mean('script'))}  ${fmt(mean('style'))}  ${fmt(mean('layout'))}  ${fmt(mean('paint'))}`);
  await writeFile(out, JSON.stringify({ traceEvents: events }));
}

const server = await serveDataset(file);
const profile = await mkdtemp(join(tmpdir(), 'dialognetz-trace-'));
try {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.locator('.data-as-of').waitFor({ timeout: 600_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(500);
  if (process.env.KEYS === '1') {
    await traceKeys(context, page);
    await context.close();
    await server.close();
  } else {
    await context.close();
    const url = `${server.url}/?q=polizei`;
    await server.close();
    let last = null;
    for (let i = 0; i < runs; i++) {
      last = await traced(profile, url);
      const { lines, marks } = summarise(last.events, last.total);
      console.log(`\nrun ${i + 1}: first hit painted at ${last.total.toFixed(0)} ms`);
      console.log(`  marks: ${marks.join(' · ')}`);
      console.log('  main-thread tasks ≥ 1 ms (start, length, inside):');
      console.log(lines.join('\n'));
      if (last.cpu) printProfile(last.cpu, { top: Number(process.env.TOP ?? 30), callersOf: process.env.CALLERS });
    }
    await writeFile(out, JSON.stringify({ traceEvents: last.events }));
    console.log(`\nlast trace: ${out}`);
  }
} finally {
  await rm(profile, { recursive: true, force: true });
}
