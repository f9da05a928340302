// Where typing's script time goes: a sampling CPU profile (Chromium's own
// profiler) while queries are typed key by key on the release build after a
// first visit, summarised by function: self time and total time. Build the
// module with its function names to read it (see docs/performance.md,
// "Profiling"): a release build has none.
// Usage: node tools/profile-keys.mjs [DATASET.json]  (DIST=…; TOP=40)
import { chromium } from 'playwright-core';
import { serveDataset } from './serve-dataset.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const file = process.argv[2] ?? 'public/data/dataset.json';
const top = Number(process.env.TOP ?? 40);
const server = await serveDataset(file);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url);
  await page.locator('.data-as-of').waitFor({ timeout: 600_000 });
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const box = page.getByRole('searchbox');
  for (let round = 0; round < 2; round++) {
    for (const query of ['polizei kiel', 'moschee dresden', 'muenchen', 'revier', 'kripo', 'dresdn', '24103']) {
      await box.fill('');
      await page.waitForTimeout(100);
      for (const ch of query) {
        await page.keyboard.type(ch);
        await page.waitForTimeout(60);
      }
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const self = new Map();
  const total = new Map();
  const label = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  for (const [id, ms] of dt) {
    const n = byId.get(id);
    self.set(label(n), (self.get(label(n)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at));
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  const busy = [...dt].filter(([id]) => !['(idle)', '(program)', '(garbage collector)'].includes(label(byId.get(id)))).reduce((a, [, ms]) => a + ms, 0);
  console.log(`busy (not idle) ${busy.toFixed(0)} ms`);
  const show = (title, m) => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
  };
  show('self time', self);
  show('total time', total);
  // CALLERS=name: who calls the functions whose name holds it (by self time).
  if (process.env.CALLERS) {
    const callers = new Map();
    for (const [id, ms] of dt) {
      let n = byId.get(id);
      if (!label(n).includes(process.env.CALLERS)) continue;
      const chain = [];
      for (let at = parent.get(id); at !== undefined && chain.length < 6; at = parent.get(at)) {
        const name = label(byId.get(at));
        if (/^(wasm-to-js|js-to-wasm|__wbg|<alloc|alloc::|core::|<core)/.test(name)) continue;
        chain.push(name.slice(0, 90));
      }
      const key = chain.join('  <  ');
      callers.set(key, (callers.get(key) ?? 0) + ms);
    }
    show(`callers of ${process.env.CALLERS}`, callers);
  }
} finally {
  await browser.close();
  await server.close();
}
