// Dialognetz's service worker: keeps the app shell (the page, its script,
// WebAssembly, styles, configuration, postcodes, manifest and icons) so the
// app starts without a network. See docs/offline.md.
//
// The build's post-build step (tools/post-build.mjs) replaces the two
// placeholders below in dist/sw.js: the files to keep and a SHA-256 over their
// contents. Each build with other contents is therefore a new worker with a
// new cache; the old cache goes when the new worker takes over.
'use strict';

const BUILD = '__DIALOGNETZ_BUILD_HASH__';
const SHELL_FILES = /* __DIALOGNETZ_SHELL_FILES__ */ [];

const CACHE_PREFIX = 'dialognetz-shell-';
const CACHE = CACHE_PREFIX + BUILD;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  // No skipWaiting() here: a new version waits until the page, with the
  // user's consent, asks for it (SKIP_WAITING below). A half-stored shell is
  // no shell: addAll fails as a whole, and so does the install.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(SHELL_FILES.map((path) => new Request(new URL(path, SCOPE), { cache: 'no-cache' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      // The first visit's page is served by this worker from now on, not
      // only after its next load.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

/** The dataset and its signature are the app's own business: it stores the
 * dataset in IndexedDB and asks the server past every cache. */
function leftToNetwork(request, url) {
  return request.cache === 'no-store' || url.pathname.endsWith('/dataset.json') || url.pathname.endsWith('.sig');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || leftToNetwork(request, url)) return;

  if (request.mode === 'navigate') {
    warmDatabase();
    // Cache first: every app route is the same page, and the page must
    // match the scripts in this worker's cache. A newer page comes with a
    // newer worker, which waits for the user's consent.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(INDEX))
        .then((cached) => cached ?? fetch(request)),
    );
    return;
  }

  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached ?? fetch(request)),
  );
});

// A new browser process opens an origin's IndexedDB files on their first
// use, which took a returning start 40-100 ms. A navigation is the earliest
// sign that the app will want its database: opening it here (at whatever
// version it has) starts that while the page and the module load. The
// connection is let go after a few seconds, and at once when a tab upgrades
// the schema (`versionchange`), so it never blocks an upgrade. Where there is
// no database yet the upgrade is aborted, so none is created here. Same
// database name as src/storage.rs DATABASE.
function warmDatabase() {
  try {
    const request = indexedDB.open('dialognetz');
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      setTimeout(() => db.close(), 5000);
    };
    request.onerror = (event) => event.preventDefault();
  } catch {
    // No IndexedDB here: the app says so itself.
  }
}
