// End to end: the static shell (index.html + public/shell.js) that is
// painted before the WebAssembly arrives. It must say what the app says, in
// the same place, and never lose what someone typed into it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
let server;
let browser;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A context in `lang`, with the service worker kept out of the way so the
 * test decides when the WebAssembly arrives. */
async function context(lang) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: lang, serviceWorkers: 'block' });
  // Every largest-contentful-paint candidate, with when it was painted.
  await ctx.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ at: e.startTime, size: e.size, id: e.element?.closest('#app-shell') ? 'shell' : 'app' });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  return ctx;
}

/** A page in `lang` at `path` whose .wasm requests wait until `release()`
 * is called: until then only the shell is there. */
async function heldPage(lang, path) {
  const ctx = await context(lang);
  const page = await ctx.newPage();
  let release;
  const released = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(server.url + path);
  return { ctx, page, release };
}

/** What a person reads in the header and the search form, and where. */
function visible(page) {
  return page.evaluate(() => {
    const text = (sel) => document.querySelector(sel)?.textContent.trim();
    const box = (sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r && { top: Math.round(r.top), left: Math.round(r.left), width: Math.round(r.width), height: Math.round(r.height) };
    };
    const input = document.querySelector('form[role=search] input');
    return {
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      tagline: text('.brand-tagline'),
      nav: [...document.querySelectorAll('.main-nav a')].map((a) => a.textContent.trim()),
      navLabel: document.querySelector('.main-nav').getAttribute('aria-label'),
      languageLabel: document.querySelector('.language-switch').getAttribute('aria-label'),
      pressed: document.querySelector('.language-switch [aria-pressed=true]')?.lang,
      title: text('main h1'),
      label: text('form[role=search] label'),
      placeholder: input?.placeholder,
      hint: text('form[role=search] .hint'),
      boxes: { title: box('main h1'), input: box('form[role=search] input'), nav: box('.main-nav') },
    };
  });
}

for (const lang of ['de', 'en', 'tr', 'ar']) {
  test(`the shell painted before the WebAssembly says what the app says, in the same place (${lang})`, async () => {
    const { ctx, page, release } = await heldPage(lang, '/');
    await page.locator('#app-shell main h1').waitFor();
    const shell = await visible(page);
    assert.equal(shell.lang, lang);
    assert.equal(shell.dir, lang === 'ar' ? 'rtl' : 'ltr');
    const released = await page.evaluate(() => performance.now());
    release();
    await page.locator('#search-input').waitFor();
    assert.equal(await page.locator('#app-shell').count(), 0, 'the shell is gone once the app runs');
    await page.locator('.data-as-of').waitFor();
    const app = await visible(page);
    const { boxes: shellBoxes, ...shellTexts } = shell;
    const { boxes: appBoxes, ...appTexts } = app;
    assert.deepEqual(shellTexts, appTexts);
    // The largest paint is the shell's, before the WebAssembly: the app's
    // start paints nothing larger (so the page is complete for the reader,
    // and for Lighthouse, when the shell is).
    await page.waitForTimeout(200);
    const lcp = await page.evaluate(() => window.__lcp);
    assert.ok(lcp.length > 0);
    assert.ok(lcp.every((e) => e.at < released && e.id === 'shell'), JSON.stringify(lcp));
    // The header stays where it was; the data's "as of" line may push the
    // search down, nothing else moves.
    assert.deepEqual(shellBoxes.nav, appBoxes.nav);
    for (const key of ['title', 'input']) {
      assert.equal(shellBoxes[key].left, appBoxes[key].left, key);
      assert.equal(shellBoxes[key].width, appBoxes[key].width, key);
      assert.equal(shellBoxes[key].height, appBoxes[key].height, key);
    }
    await ctx.close();
  });
}

test('what someone types before the app has started becomes the search, with the caret still in the field', async () => {
  const { ctx, page, release } = await heldPage('de', '/');
  const early = page.locator('#shell-search');
  await early.click();
  await early.pressSequentially('kora', { delay: 20 });
  await page.keyboard.press('Enter'); // must not submit the form and reload
  release();
  await page.locator('#search-input').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'kora');
  assert.equal(await page.locator('#search-input').inputValue(), 'kora');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.getByRole('link', { name: /Koordinierungs- und Beratungsstelle/ }).first().waitFor();
  // Typing goes on in the app's field.
  await page.keyboard.type(' dresden');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'kora dresden');
  await ctx.close();
});

test("a query in the link wins over the shell's field, and the shell's language buttons already work", async () => {
  const { ctx, page, release } = await heldPage('de', '/?q=moschee');
  await page.locator('#app-shell .language-switch button[lang=en]').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('#app-shell main h1').textContent(), 'Find contacts, forums and events');
  await page.locator('#shell-search').fill('kora');
  release();
  await page.locator('#search-input').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'moschee');
  // The app starts in the language chosen in the shell.
  assert.equal(await page.locator('main h1').textContent(), 'Find contacts, forums and events');
  assert.equal(await page.evaluate(() => localStorage.getItem('dialognetz.lang')), 'en');
  await ctx.close();
});

test("on an entry's page the shell shows only the header, not a search that is not there", async () => {
  const { ctx, page, release } = await heldPage('de', '/organization/kora');
  await page.locator('#app-shell .site-header').waitFor();
  assert.equal(await page.locator('#app-shell main').isVisible(), false);
  release();
  await page.locator('main h1', { hasText: 'Koordinierungs' }).waitFor();
  await ctx.close();
});
