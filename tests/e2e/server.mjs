// A small static server for the release build (dist/): the app's routes fall
// back to index.html. Tests start it on a free loopback port and stop it to
// simulate going offline; `faults` lets a test replace a path's answer.
// Like any static host worth deploying to, it compresses text and
// WebAssembly (Brotli, else gzip) and answers `If-None-Match` with 304.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.sig', '.svg', '.webmanifest', '.tsv']);

/** Compressed bodies, made once per file version (path, size, mtime). */
const compressed = new Map();

/** The body in `encoding`: the build's precompressed copy (FILE.br,
 * FILE.gz, written by tools/post-build.mjs) when it is as new as the file,
 * else compressed here, at a level fast enough for a request. */
async function encode(file, info, body, encoding) {
  const suffix = encoding === 'br' ? '.br' : '.gz';
  try {
    const pre = await stat(file + suffix);
    if (pre.mtimeMs >= info.mtimeMs) return await readFile(file + suffix);
  } catch {
    // No precompressed copy.
  }
  const key = `${encoding} ${file} ${info.size} ${info.mtimeMs}`;
  let out = compressed.get(key);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 6 });
    compressed.set(key, out);
  }
  return out;
}

/** The encoding to answer with, from the request's `Accept-Encoding`. */
function chooseEncoding(req, file) {
  if (!COMPRESSIBLE.has(extname(file))) return null;
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

/** Starts serving `root`; resolves to { url, close, faults }. */
export async function serve(root, port = 0) {
  const base = resolve(root);
  const faults = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const fault = faults.get(path);
    if (fault) return fault(req, res);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      // Unknown paths without an extension are app routes.
      file = extname(path) ? file : join(base, 'index.html');
    }
    try {
      const [info, body] = await Promise.all([stat(file), readFile(file)]);
      const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        etag,
        vary: 'accept-encoding',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const encoding = chooseEncoding(req, file);
      const sent = encoding ? await encode(file, info, body, encoding) : body;
      if (encoding) headers['content-encoding'] = encoding;
      headers['content-length'] = String(sent.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}`,
    faults,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(ok);
      }),
  };
}

// `node tests/e2e/server.mjs [dir] [port]` serves by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 8080));
  console.log(`serving on ${s.url}`);
}
