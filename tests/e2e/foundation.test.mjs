// The foundation's promises, checked on the release build in a real Chromium: the app loads, keeps a
// saved article across a reload, still opens with the network gone, and never talks to anyone else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, recordRequests, screenshots, appReady } from './lib.mjs';

const ARTICLE = `Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 9

Sáng 14-3, BCH Đảng bộ tỉnh khóa XX tổ chức hội nghị lần thứ 9. Các đồng chí: Trần Văn Minh, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy; Lê Thị Hoa, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì hội nghị.

Tin: Minh Anh`;

test('loads, saves, survives a reload and the network going away, talks only to its origin', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const log = recordRequests(context);
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await appReady(page);

    await page.fill('[data-testid="article-input"]', ARTICLE);
    await page.waitForFunction(() => document.querySelector('[data-testid="extraction-preview"]')?.textContent.length > 0);
    await screenshots(page, 'foundation-add');
    await page.click('[data-testid="save-article"]');
    await page.waitForSelector('[role="status"]:not(:empty)');

    await page.reload();
    await appReady(page);
    await page.click('[data-testid="nav-roster"]');
    await page.waitForSelector('[data-testid="roster-table"] tbody tr');
    assert.match(await page.textContent('[data-testid="roster-table"]'), /Trần Văn Minh/);
    await screenshots(page, 'foundation-roster');

    // Offline: once the service worker controls the page, a reload with no network and no server
    // still shows the app.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    });
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    await page.goto(server.origin + '/timeline');
    await appReady(page);
    assert.ok(await page.isVisible('[data-testid="nav-timeline"]'));

    assert.deepEqual(log.foreign(server.origin), [], 'every request stays on the local origin');
    assert.deepEqual(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), [], 'no errors in the console');
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});
