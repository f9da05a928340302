// Lighthouse (mobile, its default form factor and throttling) on the release
// build: serves dist/ on a loopback port, audits the start page and an
// organisation's page, prints the four category scores and, for a category
// below the bar, the audits that cost points. Exits non-zero when any score
// is below 95.
//
//   node tools/lighthouse.mjs [dist]        (Chromium: CHROME_PATH, default /usr/bin/chromium)
//
// Not part of ./x test: one run takes about a minute per page.
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '../tests/e2e/server.mjs';

const DIST = process.argv[2] ?? 'dist';
const PAGES = ['/', '/organization/kora'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const BAR = 95;
const OUT = 'target/lighthouse';
const BIN = 'node_modules/lighthouse/cli/index.js';

function lighthouse(url, outputPath) {
  const args = [
    BIN,
    url,
    '--output=json',
    `--output-path=${outputPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
    '--quiet',
  ];
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`lighthouse exited with ${code} on ${url}`))));
  });
}

await mkdir(OUT, { recursive: true });
const server = await serve(DIST);
let below = 0;
try {
  for (const path of PAGES) {
    const file = join(OUT, `${path === '/' ? 'start' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-')}.json`);
    await lighthouse(`${server.url}${path}`, file);
    const report = JSON.parse(await readFile(file, 'utf8'));
    const scores = CATEGORIES.map((id) => [id, Math.round((report.categories[id]?.score ?? 0) * 100)]);
    console.log(`${path}  ${scores.map(([id, s]) => `${id} ${s}`).join('  ')}  (${file})`);
    for (const [id, score] of scores) {
      if (score >= BAR) continue;
      below++;
      // What cost the points: weighted audits that did not pass.
      for (const ref of report.categories[id].auditRefs) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`    ${id}: ${ref.id} ${Math.round(audit.score * 100)} ${audit.displayValue ?? ''} – ${audit.title}`);
        }
      }
    }
  }
} finally {
  await server.close();
}
if (below) {
  console.error(`${below} score(s) below ${BAR}`);
  process.exit(1);
}
console.log(`every score at least ${BAR}`);
