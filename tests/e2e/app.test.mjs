// The app as a user meets it, on the release build in a real Chromium: paste an article, check
// what was read, save, find the officials in the roster, keep them across a reload, follow the
// evidence, see the event on the timeline, add a second article naming the same official, search
// without diacritics, switch language. Screenshots of every view at 1280 and 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, recordRequests, screenshots, appReady } from './lib.mjs';

// Written for this test, in the style of a provincial Party committee portal.
const FIRST = `Hội nghị lần thứ 9 Ban Chấp hành Đảng bộ tỉnh khóa XX

Sáng 14-12, BCH Đảng bộ tỉnh Ninh Bình khóa XX tổ chức hội nghị lần thứ 9 để thảo luận, cho ý kiến về báo cáo tổng kết công tác năm 2023, phương hướng, nhiệm vụ năm 2024. Các đồng chí: Đoàn Minh Huấn, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh; Mai Văn Tuất, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; Phạm Quang Ngọc, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì hội nghị.

Phát biểu kết luận hội nghị, đồng chí Bí thư Tỉnh ủy Đoàn Minh Huấn đề nghị các cấp ủy tập trung lãnh đạo thực hiện thắng lợi nhiệm vụ năm 2024.

Tin: Hồng Nhung`;

const SECOND = `Chiều 9-1, tại kỳ họp thứ 15, HĐND tỉnh Ninh Bình khóa XV đã tiến hành bầu bổ sung chức danh Phó Chủ tịch UBND tỉnh đối với ông Trần Song Tùng, Giám đốc Sở Tài chính. Ông Mai Văn Tuất, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì kỳ họp.

Thu Hà`;

test('paste, review, save, roster, reload, evidence, timeline, same person, search, language', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const log = recordRequests(context);
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await appReady(page);
    // Vietnamese by default, whatever the browser's language.
    assert.match(await page.textContent('[data-testid="nav-add"]'), /Nhập bài/);
    await screenshots(page, 'add-empty');

    // A real paste from a web page: HTML and plain text on the clipboard; the box takes the text
    // and none of the markup comes in.
    await page.evaluate(async (text) => {
      const html = `<article><h1 class="title">Tin nổi bật</h1><p>${text.replace(/\n/g, '<br>')}</p><a href="https://example.org/share">Chia sẻ</a></article>`;
      await navigator.clipboard.write([new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      })]);
    }, FIRST);
    await page.click('[data-testid="article-input"]');
    await page.keyboard.press('Control+V');
    await page.waitForFunction(() => document.querySelector('[data-testid="article-input"]').value.includes('Tin: Hồng Nhung'));
    const pasted = await page.inputValue('[data-testid="article-input"]');
    assert.equal(pasted.trim(), FIRST.trim(), 'the plain text, not the markup');
    assert.doesNotMatch(pasted, /<|Chia sẻ/);

    // The preview appears with no button: officials, titles, the date.
    const preview = page.locator('[data-testid="extraction-preview"]');
    await preview.locator('[data-testid="official"]').first().waitFor();
    const names = await preview.locator('[data-testid="official-name"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(names, ['Đoàn Minh Huấn', 'Mai Văn Tuất', 'Phạm Quang Ngọc']);
    const titles = await preview.locator('[data-testid="official"]').first().locator('.title-input').evaluateAll((els) => els.map((e) => e.value));
    assert.ok(titles.includes('Bí thư Tỉnh ủy'), titles.join(' | '));
    assert.ok(titles.includes('Ủy viên Ban Chấp hành Trung ương Đảng'), titles.join(' | '));
    assert.match(await page.textContent('[data-testid="event-date"]'), /14\/12\/2023/);
    assert.doesNotMatch(await preview.textContent(), /Hồng Nhung.*chủ trì/, 'the byline is not an official');
    await screenshots(page, 'add-preview');

    // Save; saving the same text again says so and stores nothing new.
    await page.click('[data-testid="save-article"]');
    await page.waitForSelector('[role="status"]:has-text("Đã lưu")');
    assert.equal(await page.inputValue('[data-testid="article-input"]'), '');
    await page.fill('[data-testid="article-input"]', FIRST);
    await preview.locator('[data-testid="official"]').first().waitFor();
    await page.click('[data-testid="save-article"]');
    await page.waitForSelector('[role="status"]:has-text("đã có trong kho")');
    await page.click('[data-testid="article-input"]');
    await page.fill('[data-testid="article-input"]', '');

    // The roster lists them, and keeps them across a reload.
    await page.click('[data-testid="nav-roster"]');
    const roster = page.locator('[data-testid="roster-table"]');
    await roster.locator('tbody tr').first().waitFor();
    assert.equal(await roster.locator('tbody tr').count(), 3);
    await page.reload();
    await appReady(page);
    await roster.locator('tbody tr').first().waitFor();
    assert.equal(await roster.locator('tbody tr').count(), 3);
    assert.match(await roster.textContent(), /Đoàn Minh Huấn/);
    await screenshots(page, 'roster');

    // The person page shows the evidence sentence.
    await roster.locator('a:has-text("Mai Văn Tuất")').click();
    await page.waitForURL(/\/people\//);
    await page.waitForFunction(() => document.querySelector('main').innerText.includes('Phó Bí thư Thường trực Tỉnh ủy'));
    assert.match(await page.textContent('main'), /Mai Văn Tuất, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; Phạm Quang Ngọc/, 'the evidence sentence, as written');
    const personUrl = page.url();
    await screenshots(page, 'person');

    // The timeline shows the event.
    await page.click('[data-testid="nav-timeline"]');
    await page.waitForSelector('[data-testid="timeline"]');
    await page.waitForFunction(() => document.querySelector('main').textContent.includes('Hội nghị lần thứ 9'));
    await screenshots(page, 'timeline');

    // A second article naming the same official lands on the same person.
    await page.click('[data-testid="nav-add"]');
    await page.fill('[data-testid="article-input"]', SECOND);
    await preview.locator('[data-testid="official"]').first().waitFor();
    await page.click('[data-testid="save-article"]');
    await page.waitForSelector('[role="status"]:has-text("Đã lưu")');
    await page.click('[data-testid="nav-roster"]');
    await roster.locator('tbody tr').first().waitFor();
    assert.equal(await roster.locator('tbody tr').count(), 4, 'Trần Song Tùng is new; Mai Văn Tuất is not counted twice');
    const tuat = roster.locator('tr:has-text("Mai Văn Tuất")');
    assert.equal(await tuat.count(), 1);
    assert.match(await tuat.locator('td.num').textContent(), /2/);
    await page.goto(personUrl);
    await appReady(page);
    await page.waitForFunction(() => document.querySelector('main').textContent.includes('Ông Mai Văn Tuất, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì kỳ họp'));

    // Search without diacritics: a name, and a post.
    await page.click('[data-testid="nav-roster"]');
    await page.fill('[data-testid="roster-search"]', 'doan minh huan');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="roster-table"] tbody tr').length === 1);
    assert.match(await roster.textContent(), /Đoàn Minh Huấn/);
    await page.fill('[data-testid="roster-search"]', 'chu tich hdnd');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="roster-table"] tbody tr').length >= 1);
    assert.match(await roster.textContent(), /Mai Văn Tuất/);
    // The search is in the URL: a reload keeps it.
    await page.reload();
    await appReady(page);
    assert.equal(await page.inputValue('[data-testid="roster-search"]'), 'chu tich hdnd');
    await page.fill('[data-testid="roster-search"]', '');

    // The data page, and the article page.
    await page.click('[data-testid="nav-data"]');
    await page.waitForSelector('[data-testid="export-backup"]');
    await screenshots(page, 'data');
    await page.click('[data-testid="nav-roster"]');
    await roster.locator('a:has-text("Trần Song Tùng")').click();
    await page.waitForURL(/\/people\//);
    await page.locator('a[href^="/articles/"]').first().click();
    await page.waitForSelector('[data-testid="article-page"]');
    await page.waitForSelector('[data-testid="highlighted-text"] mark');
    await screenshots(page, 'article');

    // English and back; the choice survives a reload.
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-add"]').textContent.includes('Add article'));
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.reload();
    await appReady(page);
    assert.match(await page.textContent('[data-testid="nav-roster"]'), /Roster/);
    await page.click('[data-testid="nav-roster"]');
    await roster.locator('tbody tr').first().waitFor();
    await screenshots(page, 'roster-en');
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-add"]').textContent.includes('Nhập bài'));

    assert.deepEqual(log.foreign(server.origin), [], 'every request stays on the local origin');
    assert.deepEqual(log.errors, [], 'no errors in the console');
  } finally {
    await browser.close();
    await server.close();
  }
});
