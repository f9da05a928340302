// The release build served with a given dataset file, for the measuring
// tools: tests/e2e/server.mjs serving `DIST` (default dist/), with the file
// as /data/dataset.json and a configuration whose size limit and timeout
// let a generated 100k dataset (57 MB) through.
import { readFile } from 'node:fs/promises';
import { serve } from '../tests/e2e/server.mjs';

export async function serveDataset(file) {
  const bytes = await readFile(file);
  const server = await serve(process.env.DIST ?? 'dist');
  server.faults.set('/data/dataset.json', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length, 'cache-control': 'no-cache' });
    res.end(bytes);
  });
  server.faults.set('/config.json', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ max_dataset_bytes: 200 * 1024 * 1024, timeout_seconds: 300 }));
  });
  return server;
}
