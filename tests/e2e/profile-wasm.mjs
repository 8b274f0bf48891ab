// Profiles a wasm-bindgen-test page in headless Chromium (the sampling profiler, over CDP) and
// prints where the time goes, by function: the test module keeps its name section, so the
// functions are the crate's. How BENCHMARKS.md's wasm profiles were taken:
//
//   NIENBIEU_BENCH=full cargo test --release --target wasm32-unknown-unknown --test web_bench --no-run
//   NO_HEADLESS=1 wasm-bindgen-test-runner target/wasm32-unknown-unknown/release/deps/web_bench-*.wasm &
//   node tests/e2e/profile-wasm.mjs [--url http://127.0.0.1:8000] [--under nienbieu::extract::extract]
//
// (`NO_HEADLESS=1` makes the runner serve the test page instead of driving a browser; stop it
// afterwards.) The profile is written to target/bench/wasm.cpuprofile (Chromium's DevTools open
// it). --under keeps only the samples with that function on the stack.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1] : fallback; };
const url = opt('--url', 'http://127.0.0.1:8000');
const under = opt('--under', '');
const top = Number(opt('--top', '30'));

const browser = await launch();
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  // The runner's page prints the libtest summary when every test has run.
  await page.waitForFunction(() => /test result:/.test(document.body.innerText), null, { timeout: 600000 });
  const { profile } = await cdp.send('Profiler.stop');
  const out = path.join(root, 'target', 'bench', 'wasm.cpuprofile');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(profile));
  report(profile);
  console.log(`profile: ${out}`);
} finally {
  await browser.close();
}

function report(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
  // Rust symbols without their hash and crate disambiguators.
  const name = (id) => (byId.get(id).callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const sampled = new Map();
  p.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) || 0) + (p.timeDeltas[i] || 0)));
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const [id, us] of sampled) {
    const stack = new Set();
    for (let a = id; a; a = parent.get(a)) stack.add(name(a));
    if (under && ![...stack].some((n) => n.includes(under))) continue;
    total += us;
    self.set(name(id), (self.get(name(id)) || 0) + us);
    for (const n of stack) inclusive.set(n, (inclusive.get(n) || 0) + us);
  }
  const line = ([n, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${(100 * us / total).toFixed(1).padStart(5)}%  ${n.slice(0, 150)}`;
  console.log(`${(total / 1000).toFixed(0)} ms sampled${under ? ` under ${under}` : ''}\n\n-- self time`);
  [...self].sort((a, b) => b[1] - a[1]).slice(0, top).forEach((e) => console.log(line(e)));
  console.log('\n-- inclusive time, the crate\'s functions');
  [...inclusive].filter(([n]) => n.startsWith('nienbieu::')).sort((a, b) => b[1] - a[1]).slice(0, top).forEach((e) => console.log(line(e)));
}
