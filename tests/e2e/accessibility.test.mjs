// Accessibility (WCAG 2.1 AA / BITV 2.0) on the release build (dist/):
// axe-core on every route in German and English, on a phone and a desktop,
// in the light and the dark theme; the keyboard path (skip link, search to
// the first hit, a visible focus indicator on every stop); no horizontal
// scrolling at 320 px and at 200 % zoom; touch targets of at least 44 × 44 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const DIST = process.env.DIST ?? 'dist';
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

/**
 * Every page of the app, each with what shows that it has finished: the
 * data loaded and the page's own content painted.
 */
const ROUTES = [
  { path: '/', ready: '#search-input' },
  { path: '/?q=dresden', ready: '.hit-link' },
  { path: '/?q=zzzzqqq', ready: '.no-results' },
  { path: '/organization/kora', ready: '.entity h1' },
  { path: '/contact/kora-kontakt', ready: '.entity h1' },
  { path: '/forum/sicherheitsdialog-dresden', ready: '.entity h1' },
  { path: '/event/fachtagung-2024', ready: '.entity h1' },
  { path: '/project/aktives-begegnen', ready: '.entity h1' },
  { path: '/article/ueber-kosizu', ready: '.article-body' },
  { path: '/favourites', ready: '.favourite-list a', prepare: saveAFavourite },
  { path: '/about', ready: '.counts' },
  { path: '/gibt-es-nicht', ready: 'main h1' },
];

/** The favourites page with an entry on it (an empty one has little to check). */
async function saveAFavourite(page) {
  await open(page, '/organization/kora', '.entity h1');
  const star = page.locator('button.favourite');
  if ((await star.getAttribute('aria-pressed')) !== 'true') {
    await star.click();
    await page.locator('button.favourite[aria-pressed="true"]').waitFor();
  }
}

const crashes = new WeakMap();

/** Waits until the page has not changed for 300 ms (at most 5 s): the data
 * and, a task after the hits, the facet counts are in place. */
function settled(page) {
  return page.evaluate(
    () =>
      new Promise((done) => {
        const observer = new MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(finish, 300);
        });
        const finish = () => {
          observer.disconnect();
          clearTimeout(limit);
          done();
        };
        let quiet = setTimeout(finish, 300);
        const limit = setTimeout(finish, 5000);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
  );
}

async function open(page, path, ready) {
  if (!crashes.has(page)) {
    crashes.set(page, []);
    page.on('pageerror', (e) => crashes.get(page).push(e.message));
    page.on('console', (m) => m.type() === 'error' && crashes.get(page).push(m.text().split('\n')[0]));
  }
  await page.goto(`${server.url}${path}`);
  try {
    await page.locator(ready).first().waitFor({ timeout: 15000 });
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await settled(page);
  } catch (e) {
    const lang = await page.evaluate(() => document.documentElement.lang).catch(() => '?');
    throw new Error(`${path} (${lang}) did not show ${ready}: ${crashes.get(page).join('; ') || e.message}`);
  }
}

/** A context in the given interface language (remembered choice), size and theme. */
async function newContext({ lang = 'de', width = 390, height = 844, colorScheme = 'light', deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    colorScheme,
    reducedMotion: 'reduce',
    locale: lang === 'de' ? 'de-DE' : 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  await context.addInitScript((tag) => localStorage.setItem('dialognetz.lang', tag), lang);
  return context;
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page; returns its violations. */
async function audit(page) {
  // Evaluated through the debugging protocol, so the page's own CSP stays
  // as shipped and is audited with it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`),
    }));
  }, WCAG_AA);
}

function describe(found) {
  return found
    .map(({ where, id, impact, help, targets }) => `${where}: ${id} [${impact}] ${help}\n    ${targets.join('\n    ')}`)
    .join('\n');
}

for (const lang of ['de', 'en']) {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe: no WCAG 2.1 AA violation on any page (${lang}, ${width} px, ${colorScheme})`, async () => {
        const context = await newContext({ lang, width, height: width < 800 ? 844 : 800, colorScheme });
        const page = await context.newPage();
        const found = [];
        for (const route of ROUTES) {
          if (route.prepare) await route.prepare(page);
          await open(page, route.path, route.ready);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          for (const v of await audit(page)) found.push({ where: route.path, ...v });
        }
        await context.close();
        if (found.length) console.log(describe(found));
        assert.equal(found.length, 0, `axe violations:\n${describe(found)}`);
      });
    }
  }
}

test('axe reports what it should: a button without a name and an image without a text alternative', async () => {
  const context = await newContext({ lang: 'de', width: 390 });
  const page = await context.newPage();
  await open(page, '/', '#search-input');
  await page.evaluate(() => {
    const main = document.querySelector('main');
    main.append(document.createElement('button'));
    const img = document.createElement('img');
    img.src = 'icons/icon.svg';
    main.append(img);
  });
  const ids = (await audit(page)).map((v) => v.id);
  await context.close();
  assert.ok(ids.includes('button-name'), `found: ${ids.join(', ')}`);
  assert.ok(ids.includes('image-alt'), `found: ${ids.join(', ')}`);
});

/** The element that has the focus, as a short description. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return { tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: (el.textContent ?? '').trim().slice(0, 60) };
  });
}

test('keyboard: the skip link comes first and leads into main; from the search field Tab reaches the first hit', async () => {
  const context = await newContext({ lang: 'de', width: 390 });
  const page = await context.newPage();
  await open(page, '/', '#search-input');
  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first?.cls, 'skip-link', `first Tab stop: ${JSON.stringify(first)}`);
  // Shown while focused: inside the viewport.
  const box = await page.locator('.skip-link').boundingBox();
  assert.ok(box && box.y >= 0 && box.x >= 0, `skip link visible when focused: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  // The next Tab continues inside main, not back in the header.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)));

  await page.locator('#search-input').focus();
  await page.keyboard.type('dresden', { delay: 20 });
  await page.locator('.hit-link').first().waitFor();
  const firstHit = await page.locator('.hit-link').first().getAttribute('href');
  const stops = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => ({
      hit: document.activeElement?.classList.contains('hit-link') ? document.activeElement.getAttribute('href') : null,
      label: `${document.activeElement?.tagName} ${(document.activeElement?.textContent ?? '').trim().slice(0, 30)}`,
    }));
    stops.push(now.label);
    if (now.hit) {
      assert.equal(now.hit, firstHit, 'the first hit reached is the first in the list');
      await context.close();
      return;
    }
  }
  await context.close();
  assert.fail(`Tab from the search field did not reach the first hit; stops: ${stops.join(' | ')}`);
});

/**
 * Tabs through the whole page; for every stop, the focus indicator as
 * computed (outline, or a box shadow that differs from the unfocused one).
 */
async function tabThrough(page) {
  // Every element a keyboard user must be able to reach, marked in DOM order.
  const expected = await page.evaluate(() => {
    const all = document.querySelectorAll(
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])',
    );
    let n = 0;
    for (const el of all) {
      const skip = el.classList.contains('skip-link');
      if (!skip && !el.checkVisibility({ visibilityProperty: true })) continue;
      el.dataset.a11yStop = String(n++);
    }
    return n;
  });
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  const reached = new Map();
  for (let i = 0; i < expected + 10; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const on = getComputedStyle(el);
      const focus = {
        style: on.outlineStyle,
        width: parseFloat(on.outlineWidth),
        color: on.outlineColor,
        shadow: on.boxShadow,
      };
      // The same element without focus, for comparison.
      const clone = el.cloneNode(true);
      clone.removeAttribute('id');
      el.after(clone);
      const off = getComputedStyle(clone);
      const idle = { style: off.outlineStyle, shadow: off.boxShadow };
      clone.remove();
      return { n: el.dataset.a11yStop, label: `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 40)}”`, focus, idle };
    });
    if (!stop) break;
    if (stop.n === undefined || reached.has(stop.n)) {
      if (reached.has(stop.n)) break; // wrapped around
      continue;
    }
    reached.set(stop.n, stop);
  }
  return { expected, reached };
}

/** An outline of at least 2 px in a visible colour, or a box shadow that only focus adds. */
function visibleIndicator({ focus, idle }) {
  const outline = focus.style !== 'none' && focus.width >= 2 && !/^transparent$|rgba\(\d+, \d+, \d+, 0\)/.test(focus.color);
  const shadow = focus.shadow !== 'none' && focus.shadow !== idle.shadow;
  return outline || shadow;
}

test('keyboard: every interactive element on every page is reached by Tab and shows a visible focus indicator', async () => {
  const problems = [];
  for (const width of [390, 1280]) {
    const context = await newContext({ lang: 'de', width, height: 844 });
    const page = await context.newPage();
    for (const route of ROUTES) {
      if (route.prepare) await route.prepare(page);
      await open(page, route.path, route.ready);
      const { expected, reached } = await tabThrough(page);
      if (reached.size !== expected) {
        problems.push(`${width} px ${route.path}: ${reached.size} of ${expected} elements reached by Tab`);
      }
      for (const stop of reached.values()) {
        if (!visibleIndicator(stop)) {
          problems.push(`${width} px ${route.path}: no visible focus on ${stop.label} (${JSON.stringify(stop.focus)})`);
        }
      }
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('no horizontal scrolling at 320 px width and at 200 % zoom of a 1280 px window, in every language', async () => {
  const problems = [];
  const sizes = [
    { width: 320, height: 640, deviceScaleFactor: 1, name: '320 px' },
    // 1280 × 800 at 200 %: a 640 × 400 CSS viewport at twice the pixel density.
    { width: 640, height: 400, deviceScaleFactor: 2, name: '1280 px at 200 %' },
  ];
  for (const size of sizes) {
    for (const lang of ['de', 'en', 'tr', 'ar']) {
      const context = await newContext({ lang, ...size });
      const page = await context.newPage();
      for (const route of ROUTES) {
        if (route.prepare) await route.prepare(page);
        await open(page, route.path, route.ready);
        const over = await page.evaluate((width) => {
          const doc = document.documentElement;
          if (doc.scrollWidth <= width) return null;
          // Name the offenders to make the failure useful: boxes outside the
          // viewport, and the innermost elements whose content overflows them.
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              const outside = r.right > width + 0.5 || r.left < -0.5;
              const overflowing = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && el.children.length === 0;
              return outside || overflowing;
            })
            .slice(-3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}”`);
          return `${doc.scrollWidth} px wide (${wide.join(', ')})`;
        }, size.width);
        if (over) problems.push(`${size.name} ${lang} ${route.path}: ${over}`);
      }
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});

test('touch targets in the header and the main content are at least 44 × 44 px at 390 px, except links within running text', async () => {
  const problems = [];
  for (const lang of ['de', 'en']) {
    const context = await newContext({ lang, width: 390 });
    const page = await context.newPage();
    for (const route of ROUTES) {
      if (route.prepare) await route.prepare(page);
      await open(page, route.path, route.ready);
      // Open what a user would open, so their controls are measured too.
      await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => (d.open = true)));
      const small = await page.evaluate(() => {
        /**
         * WCAG's exception for inline targets: a link displayed inline inside
         * a paragraph whose text, outside this link, is not empty — the link
         * is part of a sentence, and enlarging it would change the text's
         * line spacing. A link alone in its paragraph is not exempt.
         */
        const inRunningText = (el) => {
          if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
          const p = el.closest('p');
          if (!p) return false;
          const all = p.textContent.replace(/\s+/g, '');
          const own = el.textContent.replace(/\s+/g, '');
          return all.length > own.length;
        };
        const out = [];
        for (const el of document.querySelectorAll(
          'header a, header button, header input, header select, header summary, main a, main button, main input, main select, main summary',
        )) {
          if (!el.checkVisibility({ visibilityProperty: true }) || inRunningText(el)) continue;
          const r = el.getBoundingClientRect();
          if (r.width < 44 - 0.01 || r.height < 44 - 0.01) {
            out.push(`${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 40)}” ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
          }
        }
        return out;
      });
      for (const s of small) problems.push(`${lang} ${route.path}: ${s}`);
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});
