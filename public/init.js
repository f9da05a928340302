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
const { default: init } = await import(script.dataset.js);
const wasm = await init({ module_or_path: script.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

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
// Opening the app's database here (at whatever version it has, and closed
// again at once) does that while the module is fetched and compiled; the
// app's own open (src/storage.rs) then finds the files open. Where there is
// no database yet, the upgrade is aborted so that none is created here.
function warmDatabase() {
  try {
    const request = indexedDB.open('dialognetz'); // src/storage.rs DATABASE
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => request.result.close();
    request.onerror = (event) => event.preventDefault();
  } catch {
    // No IndexedDB: the app says so itself.
  }
}
