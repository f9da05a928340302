// Starts the app: loads the wasm-bindgen module and its WebAssembly. Trunk
// would write this as an inline script, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's
// pattern_script instead emits a <script type="module" src="init.js"> whose
// data attributes name the hashed files of this build.
const script = document.querySelector('script[data-wasm][data-js]');
if (!script) throw new Error('init.js: no <script data-js data-wasm> names the app files');
const { default: init } = await import(script.dataset.js);
const wasm = await init({ module_or_path: script.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
