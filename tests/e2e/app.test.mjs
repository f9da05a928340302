// End-to-end: the release build (dist/) in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, phoneContext } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const OUT = 'tests/e2e/output';
let server;
let browser;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
  await mkdir(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const sample = JSON.parse(await readFile('public/data/dataset.json', 'utf8'));

/** Opens the app while the server answers the dataset URL with `answer`;
 * resolves to the text of the alert the app shows. */
async function alertWhenDatasetIs(answer, locale) {
  server.faults.set('/data/dataset.json', answer);
  const context = await phoneContext(browser, locale);
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    return await alert.textContent();
  } finally {
    await context.close();
    server.faults.delete('/data/dataset.json');
  }
}

test('shows the sample dataset title and its date at phone width in German', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), sample.meta.title.de);
  const asOf = page.locator('.data-as-of');
  assert.match(await asOf.textContent(), /Stand der Daten: 15\. Februar 2024 um 09:00/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  const organizations = page.locator('.counts li').first();
  assert.match(await organizations.textContent(), new RegExp(`${sample.organizations.length}\\s*Organisationen`));
  await page.screenshot({ path: `${OUT}/home-de-390.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('follows the browser language and switches to English on request', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: sample.meta.title.en }).waitFor();
  assert.match(await page.locator('.data-as-of').textContent(), /Data as of: 15 February 2024 at 09:00/);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: sample.meta.title.de }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: sample.meta.title.de }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: sample.meta.title.en }).waitFor();
  await page.screenshot({ path: `${OUT}/home-en-1280.png`, fullPage: true });
  await context.close();
});

test('an invalid dataset shows a clear message and its first problems, not a blank page', async () => {
  const broken = structuredClone(sample);
  broken.organizations[0].website = 'javascript:alert(1)';
  const text = await alertWhenDatasetIs(
    (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(broken)),
    'de-DE',
  );
  assert.match(text, /fehlerhaft/);
  assert.match(text, /organizations\[0\]\.website/);
});

test('a captive portal login page instead of the data is named as such', async () => {
  const text = await alertWhenDatasetIs(
    (req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Login WLAN</body></html>'),
    'en-US',
  );
  assert.match(text, /faulty/);
  assert.match(text, /html_instead_of_json/);
});

test('a server error says what to do', async () => {
  const text = await alertWhenDatasetIs((req, res) => res.writeHead(500).end(), 'de-DE');
  assert.match(text, /Server hat einen Fehler gemeldet/);
});

test('an unknown route shows a not-found page with a way back', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  await page.goto(`${server.url}/gibt-es-nicht`);
  await page.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' }).waitFor();
  await page.getByRole('link', { name: 'Zur Startseite' }).click();
  await page.getByRole('heading', { level: 1, name: sample.meta.title.de }).waitFor();
  await context.close();
});
