// Where typing's script time goes: a sampling CPU profile (Chromium's own
// profiler) while queries are typed key by key on the release build after a
// first visit, summarised by function: self time and total time. Build the
// module with its function names to read it (see docs/performance.md,
// "Profiling"): a release build has none.
// Usage: node tools/profile-keys.mjs [DATASET.json]  (DIST=…; TOP=40)
import { chromium } from 'playwright-core';
import { serveDataset } from './serve-dataset.mjs';
import { printProfile } from './cpu-profile.mjs';
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
  printProfile(profile, { top, callersOf: process.env.CALLERS });
} finally {
  await browser.close();
  await server.close();
}
