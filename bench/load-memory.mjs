// The WebAssembly memory an engine holds after loading a saved index, in a
// fresh process and module: what a returning user's start costs, without
// the build's peak (WebAssembly memory never shrinks, so the figure taken
// after building is the build's high-water mark, not the loaded index's).
//
//   node bench/load-memory.mjs --engine NAME --payload FILE
// Prints one JSON line: { "wasm_memory_bytes": N, "before_bytes": N }.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENGINES } from './engines/index.mjs';

const { values: args } = parseArgs({ options: { engine: { type: 'string' }, payload: { type: 'string' } } });
const engine = ENGINES[args.engine];
if (!engine?.wasmMemory || !engine.moduleMemory) throw new Error(`${args.engine} has no WebAssembly memory to measure`);
const payload = readFileSync(args.payload);
if (engine.prepare) engine.prepare();
const before = engine.moduleMemory();
const loaded = await engine.load(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
process.stdout.write(`${JSON.stringify({ wasm_memory_bytes: engine.wasmMemory(loaded), before_bytes: before })}\n`);
