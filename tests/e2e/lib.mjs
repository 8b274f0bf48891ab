// Shared harness for the end-to-end tests: a static server for the release build (dist/), Debian's
// Chromium driven by playwright-core, a log of every request the page makes, and screenshots.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const shots = path.join(root, 'target', 'e2e-screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

/** Serves dist/ on 127.0.0.1 like any static host: files as they are, index.html for app routes. */
export async function serve() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/index.html missing: run `trunk build --release` first');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // App routes (/roster, /people/3) are the single-page app; missing assets are 404s.
      if (path.extname(url.pathname)) { res.writeHead(404).end(); return; }
      file = path.join(dist, 'index.html');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

/** Launches headless Chromium with the flags this machine needs (no sandbox as root, no background traffic). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Records every request of a browser context, service worker included, and console errors. */
export function recordRequests(context) {
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (p) => watchPage(p, errors));
  for (const p of context.pages()) watchPage(p, errors);
  return { requests, errors, foreign: (origin) => requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) };
}

function watchPage(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
}

/** Saves a full-page screenshot at desktop (1280) and phone (360) width under target/e2e-screenshots/. */
export async function screenshots(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  const before = page.viewportSize();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 860 });
    await page.waitForTimeout(50);
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** Waits until the wasm app has mounted (the boot message is gone and the navigation is there). */
export async function appReady(page) {
  await page.waitForSelector('[data-testid="nav-add"]', { timeout: 20000 });
}
