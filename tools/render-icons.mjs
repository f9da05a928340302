// Renders the app's PNG icons from the SVGs in public/icons/ with headless
// Chromium (playwright-core, Debian's /usr/bin/chromium), so they can be
// drawn again after the SVGs change: `node tools/render-icons.mjs`.
import { readFile } from 'node:fs/promises';
import { launch } from '../tests/e2e/browser.mjs';

const DIR = 'public/icons';
/** [source SVG, output PNG, size in px, transparent corners?] */
const ICONS = [
  ['icon.svg', 'icon-192.png', 192, true],
  ['icon.svg', 'icon-512.png', 512, true],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512, false],
  // iOS rounds the corners itself and shows transparency as black.
  ['icon-maskable.svg', 'apple-touch-icon.png', 180, false],
];

const browser = await launch();
try {
  for (const [source, output, size, transparent] of ICONS) {
    const svg = await readFile(`${DIR}/${source}`, 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(
      `<!DOCTYPE html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    await page.locator('svg').screenshot({ path: `${DIR}/${output}`, omitBackground: transparent });
    await page.close();
    console.log(`${DIR}/${output} (${size} px)`);
  }
} finally {
  await browser.close();
}
