// Screenshots of the release build (dist/) at phone and desktop width, in
// German and Arabic: home, results, an organisation and a forum. Usage:
//   DIST=dist node tools/screenshots.mjs [OUT_DIR]   (default docs/screenshots; docs/ keeps German and Arabic)
import { mkdir } from 'node:fs/promises';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const OUT = process.argv[2] ?? 'docs/screenshots';
const PAGES = [
  ['home', '/'],
  ['results', '/?q=moschee%20dresden'],
  ['organization', '/organization/kora'],
  ['forum', '/forum/sicherheitsdialog-dresden'],
];
const WIDTHS = [
  [390, 844],
  [1280, 900],
];
const LANGS = ['de', 'ar', 'en'];

await mkdir(OUT, { recursive: true });
const server = await serve(process.env.DIST ?? 'dist');
const browser = await launch();
try {
  for (const lang of LANGS) {
    for (const [width, height] of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height }, locale: lang, timezoneId: 'Europe/Berlin' });
      await context.addInitScript((l) => localStorage.setItem('dialognetz.lang', l), lang);
      const page = await context.newPage();
      for (const [name, path] of PAGES) {
        process.stderr.write(`${lang} ${width} ${name}\n`);
        await page.goto(server.url + path);
        await page.locator('main h1').first().waitFor();
        // The data is shown (every page here has some) and the facet counts,
        // which follow the hits by a task, are in.
        await page.locator('.data-as-of').waitFor();
        await page.waitForFunction(() => !document.querySelector('.loading'));
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${OUT}/${name}-${lang}-${width}.png`, fullPage: name !== 'home' });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
