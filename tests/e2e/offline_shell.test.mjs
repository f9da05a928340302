// End-to-end: the installable, offline app shell of the release build
// (dist/): the service worker, the Content-Security-Policy, the web manifest
// and its icons, and how a new version takes over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const CACHE_PREFIX = 'dialognetz-shell-';
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Opens `url` and waits until the service worker is active and controls
 * the page (it claims the page on its first visit). */
async function openControlled(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await appShell(page);
  const registered = await page.evaluate(async () => {
    const registration = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise((resolve) => setTimeout(() => resolve(null), 15000)),
    ]);
    if (!registration) return null;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.active?.scriptURL ?? null;
  });
  assert.ok(registered, 'the app registers /sw.js (src/app.rs calls service_worker::register)');
  assert.equal(new URL(registered).pathname, '/sw.js');
  return page;
}

/** Waits for the app shell: the page's <main id="main"> with text in it. */
async function appShell(page) {
  await page.waitForFunction(() => (document.querySelector('main#main')?.textContent ?? '').trim().length > 0, null, {
    timeout: 15000,
  });
  assert.match(await page.title(), /Dialognetz$/);
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** The cache name the post-build step wrote into a built sw.js. */
function buildOf(worker) {
  const match = worker.match(/const BUILD = '([0-9a-f]{16})';/);
  assert.ok(match, 'the post-build step wrote the build hash into sw.js');
  return match[1];
}

test('the build lists the shell in sw.js, leaves out the dataset and has no inline script', async () => {
  const worker = await readFile(join(DIST, 'sw.js'), 'utf8');
  buildOf(worker);
  const files = JSON.parse(worker.match(/const SHELL_FILES = (\[[\s\S]*?\]);/)[1]);
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  for (const must of ['index.html', 'config.json', 'data/postcodes.tsv', 'manifest.webmanifest', 'init.js', 'shell.js', 'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png', 'icons/apple-touch-icon.png']) {
    assert.ok(files.includes(must), `${must} is in the shell`);
  }
  // The hashed files the page loads are all kept (links to the app's own
  // routes, like /about in the static header, are pages, not files).
  const referenced = [...html.matchAll(/(?:href|src|data-js|data-wasm)="\/([^"]+)"/g)]
    .map((m) => m[1])
    .filter((f) => /\.[a-z0-9]+$/i.test(f));
  assert.ok(referenced.some((f) => f.endsWith('.wasm')), 'the page names its WebAssembly');
  for (const file of referenced) assert.ok(files.includes(file), `${file} (named in index.html) is in the shell`);
  assert.ok(!files.some((f) => f.endsWith('dataset.json') || f.endsWith('.sig')), 'no dataset in the shell');
  assert.ok(!files.includes('sw.js'));
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
    ([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== '',
  );
  assert.deepEqual(inline, []);
});

test('after one online visit the app shell opens offline, on deep routes too', async () => {
  const server = await serve(DIST);
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await openControlled(context, server.url);
    const origin = server.url;
    const names = await cacheNames(page);
    assert.equal(names.length, 1);
    assert.ok(names[0].startsWith(CACHE_PREFIX));

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await appShell(page);
    for (const route of ['/about', '/organization/anything?tab=contacts']) {
      const response = await page.goto(origin + route);
      assert.ok(response?.fromServiceWorker(), `${route} answered by the service worker`);
      assert.equal(new URL(page.url()).pathname, route.split('?')[0]);
      await appShell(page);
    }
  } finally {
    await context.close();
    await server.close();
  }
});

test('the dataset and its signature pass the service worker by', async () => {
  const server = await serve(DIST);
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, server.url);
    const seen = [];
    context.on('request', (request) => seen.push(request));
    // Asked the way the app asks (past the HTTP cache) and plainly: neither
    // is answered from the shell cache, nor stored in it. (`probe` tells
    // these requests from the app's own.)
    const answers = await page.evaluate(async () => {
      const plain = await fetch('data/dataset.json?probe=plain');
      const noStore = await fetch('data/dataset.json?probe=no-store', { cache: 'no-store' });
      const sig = await fetch('data/dataset.json.sig?probe=sig');
      return [plain.status, noStore.status, sig.status];
    });
    assert.equal(answers[0], 200);
    assert.equal(answers[1], 200);
    const dataset = seen.filter((r) => new URL(r.url()).searchParams.has('probe'));
    assert.equal(dataset.length, 3);
    for (const request of dataset) assert.equal(request.serviceWorker(), null);
    const responses = await Promise.all(dataset.map((r) => r.response()));
    for (const response of responses) assert.equal(response.fromServiceWorker(), false);
    const cached = await page.evaluate(async () => {
      const keys = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) keys.push(new URL(request.url).pathname);
      }
      return keys;
    });
    assert.ok(cached.includes('/index.html'));
    assert.ok(cached.includes('/data/postcodes.tsv'));
    assert.ok(!cached.some((path) => path.includes('dataset')), `no dataset cached: ${cached}`);

    // Offline the dataset fails like any network request: the app falls
    // back to its own stored copy.
    await server.close();
    await context.setOffline(true);
    const offline = await page.evaluate(() =>
      fetch('data/dataset.json', { cache: 'no-store' }).then(
        () => 'answered',
        () => 'failed',
      ),
    );
    assert.equal(offline, 'failed');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the Content-Security-Policy holds: no violations, no third-party requests, inline script blocked', async () => {
  const server = await serve(DIST);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const violations = [];
    const cspConsole = [];
    const requests = [];
    const errors = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspConsole.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    context.on('request', (request) => requests.push(request.url()));
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(server.url);
    await appShell(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(`${server.url}/about`);
    await appShell(page);

    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(policy, /unsafe-inline|sha256-|nonce-/);
    assert.deepEqual(violations, []);
    assert.deepEqual(cspConsole, []);
    assert.deepEqual(errors, []);
    const foreign = requests.filter((url) => !url.startsWith(`${server.url}/`));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((url) => url.endsWith('/init.js')));
    assert.equal(await page.locator('meta[name="referrer"]').getAttribute('content'), 'no-referrer');

    // The policy is in force: an inline script and a foreign image are
    // refused, and the listener above sees both.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = 'https://example.org/pixel.png';
      document.body.append(img);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await page.evaluate(() => window.inlineRan ?? false), false);
    assert.ok(violations.some((v) => v.startsWith('script-src')), `inline script refused: ${violations}`);
    assert.ok(violations.some((v) => v.startsWith('img-src') && v.includes('example.org')), `image refused: ${violations}`);
  } finally {
    await context.close();
    await server.close();
  }
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the web manifest is served, complete, and its icons are PNGs of the stated sizes', async () => {
  const server = await serve(DIST);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/organization/anything`);
    await appShell(page);
    const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
    assert.equal(href, `${server.url}/manifest.webmanifest`);

    const response = await fetch(href);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.name, 'Dialognetz');
    assert.equal(manifest.short_name, 'Dialognetz');
    assert.equal(manifest.lang, 'de');
    assert.match(manifest.description, /Polizei/);
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.scope, '/');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.theme_color, '#0b5cad');
    assert.equal(manifest.background_color, '#f6f7f9');

    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    const has = (sizes, purpose) => pngs.some((i) => i.sizes === sizes && i.purpose.split(' ').includes(purpose));
    assert.ok(has('192x192', 'any'));
    assert.ok(has('512x512', 'any'));
    assert.ok(has('512x512', 'maskable'));
    const appleTouch = await page.evaluate(() => document.querySelector('link[rel="apple-touch-icon"]').href);
    const icons = [...pngs.map((i) => [new URL(i.src, href).href, i.sizes]), [appleTouch, '180x180']];
    for (const [url, sizes] of icons) {
      const answer = await fetch(url);
      assert.equal(answer.status, 200, url);
      assert.equal(answer.headers.get('content-type'), 'image/png', url);
      const [width, height] = pngSize(Buffer.from(await answer.arrayBuffer()));
      assert.equal(`${width}x${height}`, sizes, url);
    }
    const favicon = await page.evaluate(() => document.querySelector('link[rel="icon"]').href);
    const svg = await fetch(favicon);
    assert.equal(svg.status, 200);
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(await svg.text(), /<svg[\s\S]*viewBox="0 0 512 512"/);

    // Chromium reads the same manifest without complaint.
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    assert.equal(parsed.url, href);
    assert.deepEqual(parsed.errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new version waits, takes over on SKIP_WAITING, drops the old cache and still works offline', async () => {
  const root = await mkdtemp(join(tmpdir(), 'dialognetz-dist-'));
  await cp(DIST, root, { recursive: true });
  const server = await serve(root);
  const context = await browser.newContext();
  try {
    const page = await openControlled(context, server.url);
    const worker = await readFile(join(root, 'sw.js'), 'utf8');
    const build = buildOf(worker);
    assert.deepEqual(await cacheNames(page), [CACHE_PREFIX + build]);

    // The next deploy: another build hash in sw.js.
    const next = 'feedfacecafebeef';
    assert.notEqual(next, build);
    await writeFile(join(root, 'sw.js'), worker.replace(`const BUILD = '${build}';`, `const BUILD = '${next}';`));
    await page.reload();
    await appShell(page);
    const waiting = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      for (let i = 0; i < 200 && !registration.waiting; i += 1) await new Promise((r) => setTimeout(r, 50));
      return registration.waiting?.state ?? null;
    });
    assert.equal(waiting, 'installed', 'the new version waits');
    // Waiting means waiting: the old worker still serves, the old cache stays.
    await page.reload();
    await appShell(page);
    const stillWaiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting));
    assert.equal(stillWaiting, true);
    assert.deepEqual((await cacheNames(page)).sort(), [CACHE_PREFIX + build, CACHE_PREFIX + next].sort());

    const changed = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const before = navigator.serviceWorker.controller;
      const change = new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
      registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      await change;
      return navigator.serviceWorker.controller !== before && registration.waiting === null;
    });
    assert.equal(changed, true);
    const names = await page.evaluate(async (only) => {
      for (let i = 0; i < 100; i += 1) {
        const keys = await caches.keys();
        if (keys.length === 1 && keys[0] === only) return keys;
        await new Promise((r) => setTimeout(r, 50));
      }
      return caches.keys();
    }, CACHE_PREFIX + next);
    assert.deepEqual(names, [CACHE_PREFIX + next]);

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await appShell(page);
    const response = await page.goto(`${server.url}/organization/anything`);
    assert.ok(response?.fromServiceWorker());
    await appShell(page);
  } finally {
    await context.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});
