// End-to-end benchmark of the release build (dist/) in headless Chromium: cold start, paste to
// preview, and the app at scale (2,000 stored articles, 10,000 officials): load, roster filter
// per keystroke, timeline, adding one more article. Not a test: it reports (markdown tables and
// `@figure KEY VALUE` lines for scripts/bench.sh) and fails only when the app does not do what
// is measured (a preview without the officials, a search that does not find the name).
//
//   node tests/e2e/bench.mjs --data DIR [--smoke]
//
// DIR is written by `cargo run --example synth -- DIR` (backup.json, the pasted articles,
// expect.json). Times are taken in the page with performance.now(): from the input event to
// the DOM showing the result (polled after every task, so after Leptos's microtasks have run),
// and to the next animation frame after it (the result painted). --smoke runs each once.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, appReady } from './lib.mjs';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const dataArg = args.indexOf('--data');
if (dataArg < 0 || !args[dataArg + 1]) {
  console.error('usage: node tests/e2e/bench.mjs --data DIR [--smoke]');
  process.exit(2);
}
const data = path.resolve(args[dataArg + 1]);
const expect = JSON.parse(fs.readFileSync(path.join(data, 'expect.json'), 'utf8'));
const read = (f) => fs.readFileSync(path.join(data, f), 'utf8');
const runs = (n) => (smoke ? 1 : n);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const max = (xs) => Math.max(...xs);
const f1 = (x) => x.toFixed(1);
const figure = (key, value) => console.log(`@figure ${key} ${value.toFixed(3)}`);
const say = (s = '') => console.log(s);

// In-page helpers, installed in every page: a task-granular poll (a MessageChannel message
// runs after every pending microtask, unclamped unlike setTimeout) and the next frame.
const HELPERS = () => {
  window.__bench = {
    tick: () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }),
    frame: () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); })),
    // Runs `act`, then polls `done` after every task; returns [ms to done, ms to the next frame].
    async time(act, done, limitMs = 60000) {
      const t0 = performance.now();
      act();
      while (!done()) {
        if (performance.now() - t0 > limitMs) throw new Error('timed out waiting for the page');
        await this.tick();
      }
      const t1 = performance.now();
      await this.frame();
      return [t1 - t0, performance.now() - t0];
    },
  };
};

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(HELPERS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

/**
 * The ready mark (first view mounted, the paste box usable), the records mark (every stored
 * article read: the app reads a large collection in the background, a slice per frame), and
 * when the wasm finished downloading, in ms.
 */
async function startTimes(page) {
  await appReady(page);
  await page.waitForFunction(() => performance.getEntriesByName('nienbieu-records').length > 0, null, { timeout: 120000 });
  return page.evaluate(() => {
    const at = (name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : NaN; };
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    return { ready: at('nienbieu-ready'), records: at('nienbieu-records'), wasm: wasm ? wasm.responseEnd : NaN };
  });
}

async function coldStart(browser, origin) {
  const ready = [];
  const wasm = [];
  for (let i = 0; i < runs(7); i++) {
    // A new profile each time: empty cache, no service worker, empty storage.
    const { context, page } = await newPage(browser);
    await page.goto(origin + '/');
    const t = await startTimes(page);
    ready.push(t.ready);
    wasm.push(t.wasm);
    await context.close();
  }
  return { ready, wasm };
}

/** Sets the article box as a paste does (paste event, then the input event of the insertion). */
async function pasteTimes(page, text, names, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    // From an empty box each time, so the preview really changes.
    await page.evaluate(async () => {
      const ta = document.querySelector('[data-testid="article-input"]');
      ta.value = '';
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      while (document.querySelector('[data-testid="extraction-preview"] [data-testid="official"]')) await __bench.tick();
      await __bench.frame();
    });
    times.push(await page.evaluate(({ text, names }) => {
      const ta = document.querySelector('[data-testid="article-input"]');
      const preview = document.querySelector('[data-testid="extraction-preview"]');
      const shown = () => {
        const got = [...preview.querySelectorAll('[data-testid="official-name"]')].map((e) => e.value);
        return names.every((n) => got.includes(n));
      };
      return __bench.time(() => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        ta.focus();
        ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        ta.value = text;
        ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, shown);
    }, { text, names }));
  }
  return times;
}

/** Clicks a navigation link in the page and times until every one of `done` (selectors) matches. */
async function navTimes(page, link, done, back, backDone, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    times.push(await page.evaluate(({ link, done }) => __bench.time(
      () => document.querySelector(`[data-testid="${link}"]`).click(),
      () => done.every((s) => document.querySelector(s)),
    ), { link, done }));
    await page.click(`[data-testid="${back}"]`);
    await page.waitForSelector(backDone);
  }
  return times;
}

/** Types `typed` into the roster search one character at a time, timing each keystroke. */
async function keystrokeTimes(page, typed) {
  return page.evaluate(async (typed) => {
    const input = document.querySelector('[data-testid="roster-search"]');
    const out = [];
    const late = [];
    for (let k = 1; k <= [...typed].length; k++) {
      const value = [...typed].slice(0, k).join('');
      // The roster keeps its query in the URL: the keystroke is done when the URL has it and
      // every task queued meanwhile (the rows' re-render) has run.
      const inUrl = () => new URLSearchParams(location.search).get('q') === value;
      let settled = false;
      const t = await __bench.time(() => {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
      }, () => {
        if (!inUrl()) return false;
        // One more task after the URL changed, for anything the navigation scheduled.
        if (settled) return true;
        settled = true;
        return false;
      });
      // Check the measure: the rows and the count must not change after it stopped.
      const seen = document.querySelector('[data-testid="roster-table"] tbody').innerHTML + document.querySelector('[data-testid="roster-count"]').textContent;
      await new Promise((r) => setTimeout(r, 50));
      await __bench.frame();
      const later = document.querySelector('[data-testid="roster-table"] tbody').innerHTML + document.querySelector('[data-testid="roster-count"]').textContent;
      out.push(t);
      if (seen !== later) late.push(value);
    }
    return { out, late };
  }, typed);
}

function row(label, times, unit = 'ms') {
  const dom = times.map((t) => t[0]);
  const paint = times.map((t) => t[1]);
  say(`| ${label} | ${times.length} | ${f1(median(dom))} ${unit} | ${f1(max(dom))} ${unit} | ${f1(median(paint))} ${unit} |`);
  return { dom: median(dom), domMax: max(dom), paint: median(paint) };
}

async function main() {
  const server = await serve();
  const browser = await launch();
  const version = browser.version();
  const failures = [];
  try {
    say(`## The app in Chromium ${version} (release build served from 127.0.0.1${smoke ? ', smoke run' : ''})\n`);

    // 1. Cold start, empty storage.
    const cold = await coldStart(browser, server.origin);
    say('| cold start (new profile, empty storage) | runs | median | max |');
    say('|---|---:|---:|---:|');
    say(`| first view mounted (\`nienbieu-ready\` mark) | ${cold.ready.length} | ${f1(median(cold.ready))} ms | ${f1(max(cold.ready))} ms |`);
    say(`| wasm downloaded | ${cold.wasm.length} | ${f1(median(cold.wasm))} ms | ${f1(max(cold.wasm))} ms |`);
    figure('app.cold_start_ms', median(cold.ready));

    // 2. Paste to preview, empty storage.
    const { context, page, errors } = await newPage(browser);
    await page.goto(server.origin + '/');
    await appReady(page);
    const warm = [];
    for (let i = 0; i < runs(7); i++) {
      await page.reload();
      warm.push((await startTimes(page)).ready);
    }
    say(`| warm start (reload: cache and service worker) | ${warm.length} | ${f1(median(warm))} ms | ${f1(max(warm))} ms |`);
    figure('app.warm_start_ms', median(warm));

    say('\n| paste to preview | runs | median to DOM | max to DOM | median to next frame |');
    say('|---|---:|---:|---:|---:|');
    const seven = expect.paste_7k;
    const big = expect.paste_200k;
    const kb = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
    // The first extraction after start also builds the lexicon's automata, once.
    const first = row(`${kb(read(seven.file))}, first paste after start`, await pasteTimes(page, read(seven.file), seven.names, 1));
    figure('app.paste_first_ms', first.dom);
    const small = row(`${kb(read(seven.file))}, ${seven.names.length} officials`, await pasteTimes(page, read(seven.file), seven.names, runs(7)));
    figure('app.paste_7k_ms', small.dom);
    figure('app.paste_7k_frame_ms', small.paint);
    // The smoke run keeps to small inputs: the 200 KB article's first 20 KB.
    const bigText = smoke ? read(big.file).slice(0, 20000) : read(big.file);
    const large = row(`${kb(bigText)}, ${big.names.length} officials`, await pasteTimes(page, bigText, big.names, runs(7)));
    figure('app.paste_200k_ms', large.dom);
    figure('app.paste_200k_frame_ms', large.paint);

    // 3. Scale: import the generated collection through the Data page.
    await page.evaluate(() => { const ta = document.querySelector('[data-testid="article-input"]'); ta.value = ''; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); });
    await page.click('[data-testid="nav-data"]');
    await page.waitForSelector('[data-testid="import-file"]');
    const t0 = Date.now();
    await page.setInputFiles('[data-testid="import-file"]', path.join(data, 'backup.json'));
    // Done when the status says how many were imported; an alert (a panic, an import error)
    // ends the run at once.
    await page.waitForFunction((n) => [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent.includes(`${n}`))
      || [...document.querySelectorAll('[role="alert"]')].some((e) => e.textContent.trim()),
    expect.articles, { timeout: 600000 });
    const importMs = Date.now() - t0;
    const alert = await page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent.trim()).join(' '));
    if (alert) throw new Error(`the import failed: ${alert} ${errors.join(' | ')}`);

    say(`\n| with ${expect.articles} stored articles (${expect.officials_named} officials named) | runs | median to DOM | max to DOM | median to next frame |`);
    say('|---|---:|---:|---:|---:|');
    say(`| import the backup (file chosen → status; from node, one run) | 1 | ${importMs} ms | | |`);
    figure('app.import_ms', importMs);

    const loads = [];
    const loadsRead = [];
    for (let i = 0; i < runs(7); i++) {
      await page.reload();
      const t = await startTimes(page);
      loads.push(t.ready);
      loadsRead.push(t.records);
    }
    say(`| load the app (reload → \`nienbieu-ready\`: first view, paste box usable) | ${loads.length} | ${f1(median(loads))} ms | ${f1(max(loads))} ms | |`);
    say(`| load the app (reload → \`nienbieu-records\`: every stored article read, roster complete) | ${loadsRead.length} | ${f1(median(loadsRead))} ms | ${f1(max(loadsRead))} ms | |`);
    figure('app.scale.load_ms', median(loads));
    figure('app.scale.load_records_ms', median(loadsRead));
    // A cold start with the collection: a new profile (empty cache, no service worker) given
    // the same localStorage.
    const stored = await context.storageState();
    const coldLoads = [];
    const coldRead = [];
    for (let i = 0; i < runs(3); i++) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 860 }, storageState: stored });
      const p = await c.newPage();
      await p.goto(server.origin + '/');
      const t = await startTimes(p);
      coldLoads.push(t.ready);
      coldRead.push(t.records);
      if (i === 0) {
        // The collection really is there: the roster counts its officials.
        await p.click('[data-testid="nav-roster"]');
        await p.waitForSelector('[data-testid="roster-count"]');
        const people = Number(((await p.textContent('[data-testid="roster-count"]')).match(/\/\s*(\d+)/) || [])[1]);
        if (!(people >= expect.officials_named * 0.9)) failures.push(`a new profile given the stored collection shows ${people} officials`);
      }
      await c.close();
    }
    say(`| cold start (new profile given the stored collection → \`nienbieu-ready\`) | ${coldLoads.length} | ${f1(median(coldLoads))} ms | ${f1(max(coldLoads))} ms | |`);
    say(`| cold start (new profile given the stored collection → \`nienbieu-records\`) | ${coldRead.length} | ${f1(median(coldRead))} ms | ${f1(max(coldRead))} ms | |`);
    figure('app.scale.cold_start_ms', median(coldLoads));
    figure('app.scale.cold_start_records_ms', median(coldRead));

    // The roster from another view, then per keystroke.
    await page.click('[data-testid="nav-data"]');
    await page.waitForSelector('[data-testid="import-file"]');
    const rosterNav = row('open the roster (click → rows)', await navTimes(page, 'nav-roster', ['[data-testid="roster-table"] tbody tr'], 'nav-data', '[data-testid="import-file"]', runs(7)));
    figure('app.scale.roster_open_ms', rosterNav.dom);
    await page.click('[data-testid="nav-roster"]');
    await page.waitForSelector('[data-testid="roster-table"] tbody tr');
    const typedName = await keystrokeTimes(page, expect.search_typed);
    const found = await page.textContent('[data-testid="roster-table"]');
    if (!found.includes(expect.search_name)) failures.push(`the roster search for "${expect.search_typed}" did not find ${expect.search_name}`);
    await page.fill('[data-testid="roster-search"]', '');
    await page.waitForFunction(() => !new URLSearchParams(location.search).get('q'));
    const typedPost = smoke ? { out: [], late: [] } : await keystrokeTimes(page, 'bi thu tinh');
    const allKeys = typedName.out.concat(typedPost.out);
    const late = typedName.late.concat(typedPost.late);
    if (late.length) failures.push(`the roster changed after the keystroke was timed as done (${late.join(', ')}): the measure is wrong`);
    const k = row(`roster filter per keystroke ("${expect.search_typed}"${smoke ? '' : ', "bi thu tinh"'})`, allKeys);
    figure('app.scale.keystroke_median_ms', k.dom);
    figure('app.scale.keystroke_max_ms', k.domMax);
    figure('app.scale.keystroke_frame_ms', k.paint);
    await page.fill('[data-testid="roster-search"]', '');

    const tl = row('render the timeline (click → events)', await navTimes(page, 'nav-timeline', ['[data-testid="timeline"] [data-testid="tl-mark"], [data-testid="timeline"] [data-testid="tl-cluster"]', '[data-testid="tl-list"] [data-testid="tl-event"]'], 'nav-roster', '[data-testid="roster-table"] tbody tr', runs(7)));
    figure('app.scale.timeline_ms', tl.dom);

    // Add one more article and save it.
    await page.click('[data-testid="nav-add"]');
    await page.waitForSelector('[data-testid="article-input"]');
    const saves = [];
    for (let i = 0; i < runs(5) && i < expect.extra.length; i++) {
      const extra = expect.extra[i];
      await pasteTimes(page, read(extra.file), extra.names, 1);
      saves.push(await page.evaluate(() => __bench.time(
        () => document.querySelector('[data-testid="save-article"]').click(),
        () => document.querySelector('[data-testid="article-input"]').value === ''
          && [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent.trim().length > 0),
      )));
    }
    const saved = row('add one more article (click save → stored and shown)', saves);
    figure('app.scale.add_one_ms', saved.dom);
    await page.click('[data-testid="nav-roster"]');
    await page.waitForSelector('[data-testid="roster-count"]');
    const count = await page.textContent('[data-testid="roster-count"]');
    say(`\nRoster after the run: ${count.trim()}.`);

    if (errors.length) failures.push(`console errors: ${errors.join(' | ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  if (failures.length) {
    for (const f of failures) console.error(`bench: ${f}`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
