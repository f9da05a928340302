// A sampling CPU profile from Chromium's profiler (CDP `Profiler.stop`),
// summarised by function: busy time, then self and total time per function;
// `callersOf` (a part of a name) adds who calls the functions whose name holds
// it. Shared by tools/profile-keys.mjs and tools/trace-start.mjs (PROFILE=1).
export function printProfile(profile, { top = 40, callersOf } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const self = new Map();
  const total = new Map();
  const label = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  for (const [id, ms] of dt) {
    const n = byId.get(id);
    self.set(label(n), (self.get(label(n)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at));
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  const busy = [...dt].filter(([id]) => !['(idle)', '(program)', '(garbage collector)'].includes(label(byId.get(id)))).reduce((a, [, ms]) => a + ms, 0);
  console.log(`busy (not idle) ${busy.toFixed(0)} ms`);
  const show = (title, m) => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
  };
  show('self time', self);
  show('total time', total);
  // CALLERS=name: who calls the functions whose name holds it (by self time).
  if (callersOf) {
    const callers = new Map();
    for (const [id, ms] of dt) {
      let n = byId.get(id);
      if (!label(n).includes(callersOf)) continue;
      const chain = [];
      for (let at = parent.get(id); at !== undefined && chain.length < 6; at = parent.get(at)) {
        const name = label(byId.get(at));
        if (/^(wasm-to-js|js-to-wasm|__wbg|<alloc|alloc::|core::|<core)/.test(name)) continue;
        chain.push(name.slice(0, 90));
      }
      const key = chain.join('  <  ');
      callers.set(key, (callers.get(key) ?? 0) + ms);
    }
    show(`callers of ${callersOf}`, callers);
  }
}
