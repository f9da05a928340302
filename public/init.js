// Starts the app: loads the wasm-bindgen module and its WebAssembly. Trunk
// would write this as an inline script, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's
// pattern_script instead emits a <script type="module" src="init.js"> whose
// data attributes name the hashed files of this build.
const script = document.querySelector('script[data-wasm][data-js]');
if (!script) throw new Error('init.js: no <script data-js data-wasm> names the app files');

// On a first visit the module is fetched only once the static shell is on
// screen: its 0.6 MB do not compete with the page's first paint for the
// connection, and the app, which replaces the shell with the same header and
// field, never paints before it (the page's largest contentful paint stays
// the shell's). A tab in the background paints nothing: after a short wait
// it goes on. A returning visit's files come from the service worker's
// cache, where nothing competes: the module starts at once, while the shell
// is still being painted.
const returning = Boolean(navigator.serviceWorker?.controller);
if (returning) warmDatabase();
else await firstPaint();
// The module is fetched and compiled (off the main thread) while the
// bindings are imported, not after: on a returning visit each is a round trip
// through the service worker. Where streaming compilation is missing (or the
// server sends the wrong type), the bindings fetch the module themselves.
const compiled = WebAssembly.compileStreaming?.(fetch(script.dataset.wasm)).catch(() => null);
const bindings = import(script.dataset.js);
// This script is `async` (Trunk.toml): it runs as soon as it is here, even
// while the page is still parsed. The app takes over the parsed page
// (src/main.rs), so it starts only once the page is complete.
await parsed();
warmIntl();
const [{ default: init }, module] = await Promise.all([bindings, compiled]);
const wasm = await init({ module_or_path: module ?? script.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

function parsed() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((go) => document.addEventListener('DOMContentLoaded', go, { once: true }));
}

function firstPaint() {
  return new Promise((go) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (painted()) return go();
    const observer = new PerformanceObserver(() => {
      if (!painted()) return;
      observer.disconnect();
      go();
    });
    observer.observe({ type: 'paint' });
    setTimeout(go, 200);
  });
}

// A new browser process opens an origin's IndexedDB files on the first
// request, which took most of a returning start's wait for the database.
// Opening the app's database here (at whatever version it has) does that
// while the module is fetched and compiled, and holding the connection until
// the app has its own keeps the files open for it (src/storage.rs). It lets
// go at once when any tab, this one included, upgrades the schema
// (`versionchange`), so it never blocks an upgrade. Where there is no
// database yet, the upgrade is aborted so that none is created here.
function warmDatabase() {
  try {
    // The app may have its own connection before this one opens.
    let appOpen = false;
    addEventListener('dialognetz-database-open', () => (appOpen = true), { once: true }); // src/storage.rs
    const request = indexedDB.open('dialognetz'); // src/storage.rs DATABASE
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => {
      const db = request.result;
      const close = () => db.close();
      if (appOpen) return close();
      db.onversionchange = close;
      addEventListener('dialognetz-database-open', close, { once: true });
      setTimeout(close, 10_000);
    };
    request.onerror = (event) => event.preventDefault();
  } catch {
    // No IndexedDB: the app says so itself.
  }
}

// A new browser process loads the locale data of its first date format
// (18-26 ms here), which sat on the way to a returning user's first results
// ("data as of" is formatted as the data is shown). Formatting a date and a
// number here does it while the module is fetched and compiled off the main
// thread. The locale is picked as src/locale.rs `locale_for` picks it: the
// browser's first language of the page's language, which public/shell.js has
// set from the same choice the app makes.
function warmIntl() {
  try {
    const lang = document.documentElement.lang || 'de';
    const locale = (navigator.languages ?? []).find((tag) => tag.split(/[-_]/)[0].toLowerCase() === lang) ?? lang;
    new Date(0).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
    new Intl.NumberFormat(locale).format(1000);
  } catch {
    // An unknown locale: the app falls back on its own.
  }
}
