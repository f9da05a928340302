// Trunk's post-build step (Trunk.toml, [[hooks]] stage = "post_build"): runs
// on the finished staging directory, after trunk has hashed the file names
// and wasm-bindgen and wasm-opt have written the final files.
//
// 1. Refuses a page with an inline script: the Content-Security-Policy in
//    index.html (script-src 'self') would block it, and the app would not
//    start.
// 2. Writes the app shell's file list and a SHA-256 over those files'
//    contents into sw.js, so that every build with other contents is a new
//    service worker with a new cache.
// 3. Writes a Brotli (.br) and a gzip (.gz) copy beside every text and
//    WebAssembly file, for hosts that serve precompressed files (nginx
//    gzip_static/brotli_static, most CDNs, tests/e2e/server.mjs): Brotli at
//    its best level takes seconds for the module, too slow to do per request.
//
// `node tools/post-build.mjs DIR` runs it by hand on a built directory.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('usage: node tools/post-build.mjs DIR (or run by trunk, which sets TRUNK_STAGING_DIR)');
  process.exit(2);
}

const WORKER = 'sw.js';
const PRECOMPRESSED = ['.br', '.gz'];
const COMPRESSIBLE = ['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.tsv'];
const HASH_PLACEHOLDER = '__DIALOGNETZ_BUILD_HASH__';
const FILES_PLACEHOLDER = /\/\* __DIALOGNETZ_SHELL_FILES__ \*\/ \[\]/;

/** Files the worker must not keep: itself, and the dataset with its
 * signature, which the app stores in IndexedDB and fetches past all caches. */
function isShellFile(path) {
  const name = path.split('/').pop();
  return (
    path !== WORKER &&
    name !== 'dataset.json' &&
    !name.endsWith('.sig') &&
    !name.startsWith('.') &&
    !PRECOMPRESSED.some((ext) => name.endsWith(ext))
  );
}

async function walk(root, at = root) {
  const files = [];
  for (const entry of await readdir(at, { withFileTypes: true })) {
    const full = join(at, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(root, full)));
    else if (entry.isFile()) files.push(relative(root, full).split(sep).join('/'));
  }
  return files;
}

/** `<script>` elements without `src` in the page. */
function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc\s*=/i.test(attrs) || body.trim() !== '')
    .map(([tag]) => tag.slice(0, 120));
}

const html = await readFile(join(dir, 'index.html'), 'utf8');
const inline = inlineScripts(html);
if (inline.length > 0) {
  console.error(`index.html has inline scripts, which its Content-Security-Policy blocks:\n${inline.join('\n')}`);
  process.exit(1);
}

const shell = (await walk(dir)).filter(isShellFile).sort();
const digest = createHash('sha256');
for (const path of shell) {
  // The name is part of the content: a renamed file is a new build too.
  digest.update(path).update('\0').update(await readFile(join(dir, path))).update('\0');
}
const hash = digest.digest('hex').slice(0, 16);

const workerPath = join(dir, WORKER);
const worker = await readFile(workerPath, 'utf8');
if (!worker.includes(HASH_PLACEHOLDER) || !FILES_PLACEHOLDER.test(worker)) {
  console.error(`${WORKER} lacks its placeholders (${HASH_PLACEHOLDER}, the shell file list)`);
  process.exit(1);
}
await writeFile(
  workerPath,
  worker.replace(HASH_PLACEHOLDER, hash).replace(FILES_PLACEHOLDER, JSON.stringify(shell, null, 2)),
);
console.log(`${WORKER}: build ${hash}, ${shell.length} shell files`);

let compressed = 0;
for (const path of await walk(dir)) {
  if (!COMPRESSIBLE.includes(extname(path))) continue;
  const body = await readFile(join(dir, path));
  if (body.length < 1024) continue;
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  await writeFile(join(dir, `${path}.br`), br);
  await writeFile(join(dir, `${path}.gz`), gzipSync(body, { level: 9 }));
  compressed += 1;
}
console.log(`precompressed ${compressed} files (.br, .gz)`);
