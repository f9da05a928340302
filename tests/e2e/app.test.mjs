// End to end: the user journeys, on the release build (dist/) in headless
// Chromium, with the sample dataset as published.
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
const kora = sample.organizations.find((o) => o.id === 'kora');
const dresden = sample.forums.find((f) => f.id === 'sicherheitsdialog-dresden');

/** A German number as published → E.164, by the plain rule (0 → +49). */
function e164(published) {
  const digits = published.replace(/\D/g, '');
  return `+49${digits.slice(1)}`;
}

/** Types like a person, one key at a time. */
async function typeQuery(page, text) {
  const box = page.getByRole('searchbox');
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
}

/** The titles of the hits shown, once the whole page of them is there (the
 *  rows past the first screen follow in the task after the first paint). */
async function hitTitles(page) {
  await page.locator('ol.hits:not([aria-busy])').waitFor();
  return page.locator('.hit-title').allTextContents();
}

async function waitForFirstHit(page, title) {
  await page.locator('.hit-title').first().filter({ hasText: title }).waitFor();
}

test('kora finds KORA; its page calls and writes to the published number and address', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await typeQuery(page, 'kora');
  await waitForFirstHit(page, kora.name);
  // The URL is written in the task after the results are painted.
  await page.waitForURL(/\?q=kora$/);
  // The matched letters are marked (as text, in <mark>).
  assert.ok((await page.locator('.hit').first().locator('mark').allTextContents()).some((m) => /kora/i.test(m)));
  await page.locator('.hit-link').first().click();
  await page.getByRole('heading', { level: 1, name: kora.name }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/organization/kora');
  const call = page.locator('a.action.call').first();
  assert.equal(await call.getAttribute('href'), `tel:${e164(kora.phone)}`);
  assert.match(await call.textContent(), new RegExp(kora.phone));
  assert.equal(await page.locator('a.action.mail').first().getAttribute('href'), `mailto:${kora.email}`);
  await page.screenshot({ path: `${OUT}/kora-de-390.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('radikalisierung finds KORA by a part of its compound name', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  await page.goto(server.url);
  await typeQuery(page, 'radikalisierung');
  await page.locator('.hit-title', { hasText: kora.name }).first().waitFor();
  const titles = await hitTitles(page);
  assert.ok(titles.slice(0, 3).includes(kora.name), titles.join(' | '));
  await context.close();
});

test('sicherheitsdialog dresden finds the forum, whose page lists its 14 members', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  await page.goto(server.url);
  await typeQuery(page, 'sicherheitsdialog dresden');
  await waitForFirstHit(page, dresden.name);
  await page.locator('.hit-link').first().click();
  await page.getByRole('heading', { level: 1, name: dresden.name }).waitFor();
  const members = page.locator('.members li');
  assert.equal(await members.count(), 14);
  assert.equal(dresden.members.length, 14);
  // Each member is a link to its organisation's page.
  const first = sample.organizations.find((o) => o.id === dresden.members[0]);
  await members.first().getByRole('link', { name: first.name }).click();
  await page.getByRole('heading', { level: 1, name: first.name }).waitFor();
  await context.close();
});

test('a deep link with query and filters shows the same results after reload and after back and forward', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  const link = `${server.url}/?q=dresden&type=organization&kind=mosque_community`;
  await page.goto(link);
  await page.locator('.hit').first().waitFor();
  const first = await hitTitles(page);
  assert.ok(first.length > 0);
  const expected = sample.organizations.filter((o) => o.kind === 'mosque_community' && o.address?.city === 'Dresden');
  assert.equal(first.length, expected.length, first.join(' | '));
  // The chosen filters show as pressed chips.
  const pressed = page.locator('.chip[aria-pressed="true"]');
  assert.equal(await pressed.count(), 2);
  await page.reload();
  await page.locator('.hit').first().waitFor();
  assert.deepEqual(await hitTitles(page), first);
  // Open a hit, go back: the same search; forward: the same page again.
  await page.locator('.hit-link').first().click();
  await page.locator('.entity h1').waitFor();
  const entityUrl = page.url();
  await page.goBack();
  await page.locator('.hit').first().waitFor();
  assert.equal(page.url(), link);
  assert.deepEqual(await hitTitles(page), first);
  assert.equal(await page.getByRole('searchbox').inputValue(), 'dresden');
  await page.goForward();
  await page.locator('.entity h1').waitFor();
  assert.equal(page.url(), entityUrl);
  await context.close();
});

test('a page of twenty hits, the rows past the first screen after the first paint, "show more" for the rest', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  // Every organisation: more than one page of them.
  await page.goto(`${server.url}/?type=organization`);
  await page.locator('.hit').first().waitFor();
  const titles = await hitTitles(page);
  const all = sample.organizations.length;
  assert.ok(all > 20, 'the sample has more than a page of organisations');
  assert.equal(titles.length, 20, 'the whole first page, not only its first screen');
  assert.equal(new Set(titles).size, 20, 'no row twice');
  const more = page.locator('button.show-more');
  assert.match(await more.textContent(), new RegExp(String(all - 20)));
  await more.click();
  await page.locator('.hit').nth(all - 1).waitFor();
  const after = await hitTitles(page);
  assert.equal(after.length, all);
  assert.deepEqual(after.slice(0, 20), titles, 'the rows shown stay where they were');
  assert.equal(await more.count(), 0, 'nothing more to show');
  await context.close();
});

test('choosing a filter makes a history entry; back removes the filter again', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  await page.goto(`${server.url}/?q=dresden`);
  await page.locator('.hit').first().waitFor();
  const all = (await page.locator('.result-count').textContent()).trim();
  await page.getByRole('button', { name: 'Filter' }).click();
  const forumChip = page.locator('.chip', { hasText: 'Dialogforum' });
  await forumChip.click();
  await page.waitForURL(/type=forum/);
  await waitForFirstHit(page, dresden.name);
  assert.equal((await page.locator('.result-count').textContent()).trim(), '1 Ergebnis');
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('type='));
  await page.locator('.result-count', { hasText: all }).waitFor();
  await context.close();
});

test('no results says what to try and offers to remove the filters', async () => {
  const context = await phoneContext(browser, 'en-GB');
  const page = await context.newPage();
  await page.goto(`${server.url}/?q=kora&type=event`);
  await page.getByText('Nothing found.').waitFor();
  assert.match(await page.locator('.result-count').textContent(), /0 results/);
  await page.getByRole('button', { name: 'Remove all filters' }).click();
  await waitForFirstHit(page, kora.name);
  await page.waitForURL((u) => u.search === '?q=kora');
  await context.close();
});

test('a favourite stays after a reload, shows on the favourites page, and can be removed', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  await page.goto(`${server.url}/organization/kora`);
  const star = page.getByRole('button', { name: 'Als Favorit merken' });
  await star.click();
  await page.getByRole('button', { name: 'Aus den Favoriten entfernen' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Aus den Favoriten entfernen' }).waitFor();
  await page.getByRole('link', { name: 'Favoriten' }).click();
  await page.locator('.favourite-list').getByRole('link', { name: kora.name }).waitFor();
  await page.getByRole('button', { name: 'Entfernen' }).click();
  await page.getByText('Noch keine Favoriten').waitFor();
  await page.reload();
  await page.getByText('Noch keine Favoriten').waitFor();
  await context.close();
});

test('the language switch goes to English and Arabic (right to left) and is kept after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('searchbox').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Find contacts, forums and events' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Find contacts, forums and events' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.reload();
  // The app's own field (not the static shell's, which the app replaces
  // once the module runs: measuring the shell's header then finds it gone).
  await page.locator('#search-input').waitFor();
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  // The layout really mirrors: the brand sits at the right.
  const brand = await page.locator('.brand').boundingBox();
  assert.ok(brand.x > 640, `brand at x=${brand.x}`);
  await context.close();
});

/** Unfolds RFC 6350/5545 content lines into [name, params, value]. */
function contentLines(text) {
  assert.ok(text.includes('\r\n'), 'CRLF line endings');
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
    });
}

async function download(page, buttonName) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('save contact downloads a vCard 4.0 with the published phone and e-mail', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  await page.goto(`${server.url}/contact/kora-kontakt`);
  await page.locator('.entity h1').waitFor();
  const { name, text } = await download(page, 'Kontakt speichern');
  assert.match(name, /\.vcf$/);
  const lines = contentLines(text);
  const get = (n) => lines.filter((l) => l.name === n);
  assert.equal(get('BEGIN')[0].value, 'VCARD');
  assert.equal(get('VERSION')[0].value, '4.0');
  assert.equal(get('TEL')[0].value, `tel:${e164(kora.phone)}`);
  assert.equal(get('EMAIL')[0].value, kora.email);
  assert.match(get('ORG')[0].value, /Koordinierungs/);
  await context.close();
});

test('add to calendar downloads an iCalendar event with the right dates and place', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  const event = sample.events[0];
  await page.goto(`${server.url}/event/${event.id}`);
  await page.locator('.entity h1').waitFor();
  const { name, text } = await download(page, 'In den Kalender');
  assert.match(name, /\.ics$/);
  const lines = contentLines(text);
  const get = (n) => lines.find((l) => l.name === n);
  assert.equal(get('BEGIN').value, 'VCALENDAR');
  assert.equal(lines.filter((l) => l.name === 'BEGIN' && l.value === 'VEVENT').length, 1);
  assert.equal(get('DTSTART').value, event.start.replaceAll('-', ''));
  // All-day events end on the day after their last day (exclusive).
  const end = new Date(`${event.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  assert.equal(get('DTEND').value, end.toISOString().slice(0, 10).replaceAll('-', ''));
  assert.match(get('SUMMARY').value, /Gleichstellung/);
  assert.match(get('LOCATION').value, /Nürnberg/);
  await context.close();
});

test('an article body is rendered from CommonMark', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  const article = sample.articles[0];
  await page.goto(`${server.url}/article/${article.id}`);
  await page.locator('.article-body').waitFor();
  assert.ok((await page.locator('.article-body').textContent()).trim().length > 40);
  assert.equal(await page.locator('.article-body script').count(), 0);
  await context.close();
});

test('an unknown route and an unknown entry each show a way back', async () => {
  const context = await phoneContext(browser, 'de-DE');
  const page = await context.newPage();
  await page.goto(`${server.url}/gibt-es-nicht`);
  await page.getByRole('heading', { level: 1, name: 'Diese Seite gibt es nicht.' }).waitFor();
  await page.goto(`${server.url}/organization/gibt-es-nicht`);
  await page.getByRole('heading', { level: 1, name: /gibt es in den Daten nicht/ }).waitFor();
  await page.getByRole('link', { name: 'Zur Startseite' }).click();
  await page.getByRole('searchbox').waitFor();
  await context.close();
});
