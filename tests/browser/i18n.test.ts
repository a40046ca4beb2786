// The desk in six languages in real headless Chromium: the header's switch
// turns the interface Chinese, Arabic (right to left: <html dir="rtl">, the
// header and the precedent panel mirrored) or French, labels and citations of
// a document stay in its own language, the choice survives a reload, and
// without a choice the browser's language decides. And the translations: a
// precedent beside its English version (either one inserted), a document beside
// its version in another language. Screenshots of each land in
// test-artifacts/screenshots/i18n-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESK_ADMIN, hasChromium, screenshot, useDesk } from '../helpers/browser.js';

const STORAGE_KEY = 'precedent.interfaceLanguage';

/** Chooses the interface language in the header and waits until <html> says it. */
async function switchTo(page: Page, language: string): Promise<void> {
  await page.selectOption('select.interface-language', language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe.skipIf(!hasChromium)('interface in six languages (browser)', { timeout: 120_000 }, () => {
  const { desk, newDraft, newPage } = useDesk();

  it('Chinese: the header, the drafts list and the editor speak Chinese; a Chinese draft says 序言部分/执行部分; the choice survives a reload', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-zh' });
    const page = await newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('.topbar nav a').allTextContents()).toEqual(['Drafts', 'Series', 'Documents']);
    await switchTo(page, 'zh');
    expect(await page.locator('.topbar nav a').allTextContents()).toEqual(['草案', '系列', '文件']);
    expect(await page.locator('.drafts-list h1').textContent()).toBe('草案');
    expect(await page.locator('.new-draft h2').textContent()).toBe('新建草案');
    await page.waitForSelector(`tr[data-draft="${draftId}"]`);
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe('zh');
    await screenshot(page, 'i18n-zh-drafts');

    await page.reload();
    await expect.poll(() => page.locator('.topbar nav a').first().textContent()).toBe('草案');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');

    await page.goto(`/drafts/${draftId}`);
    await page.waitForSelector('.para');
    expect(await page.locator('.part-preamble .part-title').textContent()).toMatch(/^序言部分/);
    expect(await page.locator('.part-operative .part-title').textContent()).toMatch(/^执行部分/);
    // Labels and citations as the Chinese texts write them; the stored form stays on the attributes.
    const pp1 = page.locator('.para[data-label="PP 1"]');
    expect(await pp1.locator('.gutter .pp').textContent()).toBe('序言部分第1段');
    expect(await pp1.locator('.provenance .cite').textContent()).toBe('第78/229号决议序言部分第1段');
    expect(await page.locator('.para[data-label="OP 2"] .provenance .cite').textContent()).toBe('第78/229号决议第2段');
    expect(await page.locator('.save-badge').textContent()).toMatch(/已保存|正在/);
    await page.locator('.para[data-label="OP 2"] .para-text').click();
    await expect.poll(() => page.locator('.panel-status').textContent(), { timeout: 20_000 }).toMatch(/\d+ 条先例/);
    await screenshot(page, 'i18n-zh-editor');
  });

  it('Arabic: <html dir="rtl" lang="ar">, the header and the precedent panel mirrored, Arabic labels for an Arabic document', async () => {
    const draftId = await newDraft({ base: 'a-res-80-205-ar' });
    const page = await newPage();
    await page.goto('/');
    const width = page.viewportSize()!.width;
    // Left to right first: the brand at the left, the language switch at the right.
    expect((await box(page, '.brand')).x).toBeLessThan(width / 4);
    await switchTo(page, 'ar');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(await page.locator('.topbar nav a').allTextContents()).toEqual(['المشاريع', 'السلاسل', 'الوثائق']);
    // Mirrored, not only the text: the brand on the right, the language switch on the left, the new-draft card on the left.
    const brand = await box(page, '.brand');
    expect(brand.x + brand.width).toBeGreaterThan(width * 0.9);
    expect((await box(page, 'select.interface-language')).x).toBeLessThan(width / 4);
    expect((await box(page, '.drafts-new')).x).toBeLessThan((await box(page, '.drafts-list')).x);
    expect(await page.locator('.drafts-list th').first().evaluate((th) => getComputedStyle(th).textAlign)).toBe('start');
    await screenshot(page, 'i18n-ar-drafts');

    await page.goto(`/drafts/${draftId}`);
    await page.waitForSelector('.para');
    // The precedent panel, at the end of the row, is now on the left of the draft.
    expect((await box(page, 'aside.panel')).x).toBeLessThan((await box(page, '.editor-main')).x);
    expect(await page.locator('.draft-doc').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.para[data-label="PP 2"] .gutter .pp').textContent()).toBe('الفقرة 2 من الديباجة');
    expect(await page.locator('.para[data-label="OP 1"] .provenance .cite').textContent()).toBe('القرار 80/205، الفقرة 1');
    expect(await page.locator('.part-preamble .part-title').textContent()).toMatch(/^الديباجة/);
    await page.locator('.para[data-label="OP 1"] .para-text').click();
    await expect.poll(() => page.locator('.panel-status').textContent(), { timeout: 20_000 }).toMatch(/سابق|سوابق/);
    await screenshot(page, 'i18n-ar-editor');

    // A comparison mirrors too (labels on the right), while the Chinese text in it keeps its own direction.
    await page.goto('/series?language=zh&from=a-res-78-229-zh&to=a-res-80-229-zh');
    await page.waitForSelector('.diff .pair');
    const pair = page.locator('.diff-rows .pair[data-kind="modified"]').first();
    expect((await pair.locator('.lbl').boundingBox())!.x).toBeGreaterThan((await pair.locator('.cell').first().boundingBox())!.x);
    expect(await pair.locator('.lbl .kind').first().textContent()).toBe('معدّلة');
    expect(await pair.locator('.cell').first().evaluate((cell) => getComputedStyle(cell).direction)).toBe('ltr');
    await screenshot(page, 'i18n-ar-series');
  });

  it('French: labels, dates and counts in French; a French document cites « troisième alinéa du préambule »; an English draft keeps "OP 1"', async () => {
    const englishDraft = await newDraft({ base: 'a-res-78-229-en' });
    const page = await newPage();
    await page.goto('/documents/a-res-80-206-fr');
    await page.waitForSelector('.doc-para');
    await switchTo(page, 'fr');
    expect(await page.locator('.topbar nav a').allTextContents()).toEqual(['Projets', 'Séries', 'Documents']);
    expect(await page.locator('.page-head .toolbar .primary').textContent()).toBe('Reprendre dans un nouveau projet');
    // The document's meta line: kind, body, language and date in French (Intl).
    const meta = (await page.locator('.page-head .doc-meta').textContent())!;
    expect(meta).toMatch(/^résolution · Assemblée générale · français · \d{1,2} [a-zéû]+\.? \d{4}/);
    const third = page.locator('.doc-para.preamble').nth(2);
    expect(await third.locator('.doc-num .pp').textContent()).toBe('troisième alinéa du préambule');
    expect(await third.locator('.doc-para-meta .cite').textContent()).toBe('résolution 80/206, troisième alinéa du préambule');
    await third.hover();
    await screenshot(page, 'i18n-fr-document');

    await page.goto('/documents');
    await expect.poll(() => page.locator('.page .muted.small').first().textContent(), { timeout: 15_000 }).toMatch(/^[\d  ]+ documents$/);
    await page.goto(`/drafts/${englishDraft}`);
    await page.waitForSelector('.para');
    // The chrome in French, the English draft's labels as delegates write them.
    expect(await page.locator('.part-operative .part-title').textContent()).toMatch(/^Dispositif/);
    expect(await page.locator('.para[data-label="OP 1"] .provenance .cite').textContent()).toBe('A/RES/78/229, OP 1');
    expect(await page.locator('.para[data-label="PP 1"] .gutter .pp').textContent()).toBe('PP 1');
    await screenshot(page, 'i18n-fr-editor');
  });

  it('without a choice, the browser’s language decides (zh-CN → Chinese, de-DE → English); a choice outlives it', async () => {
    const open = async (locale: string) => {
      const context = await desk().browser.newContext({ locale, baseURL: desk().url, viewport: { width: 1280, height: 800 } });
      // Signed in as the desk's administrator, as newPage() does (the context's request shares its cookies).
      await context.request.post('/api/auth/login', { data: { email: DESK_ADMIN.email, password: DESK_ADMIN.password } });
      const page = await context.newPage();
      await page.goto('/');
      await page.waitForSelector('.topbar nav a');
      return { context, page };
    };
    const chinese = await open('zh-CN');
    expect(await chinese.page.evaluate(() => document.documentElement.lang)).toBe('zh');
    expect(await chinese.page.locator('.topbar nav a').first().textContent()).toBe('草案');
    expect(await chinese.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await switchTo(chinese.page, 'ru');
    await chinese.page.reload();
    await expect.poll(() => chinese.page.locator('.topbar nav a').first().textContent()).toBe('Проекты');
    await chinese.context.close();

    const german = await open('de-DE');
    expect(await german.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    expect(await german.page.locator('.topbar nav a').first().textContent()).toBe('Drafts');
    await german.context.close();
  });

  it('translations: a precedent card shows its English version and inserts it; a document page sets two languages side by side', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-zh' });
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    await page.locator('.para[data-label="OP 2"] .para-text').click();
    // A Chinese draft: each precedent comes with its English version, where the corpus has one.
    expect(await page.locator('.also-select select').inputValue()).toBe('en');
    const card = page.locator('.suggestion', { has: page.locator('.s-translation[data-language="en"]') }).first();
    await card.waitFor({ timeout: 20_000 });
    const english = (await card.locator('.s-translation .s-text').textContent())!;
    expect(english).toMatch(/[A-Za-z]{4}/);
    const stored = (await card.getAttribute('data-citation'))!;
    await screenshot(page, 'i18n-translation-card');
    await card.locator('button.insert-translation').click();
    // The English text lands in the draft, cited from the English version of the same document.
    const inserted = page.locator('.para', { has: page.locator(`.provenance .cite[data-citation="${stored}"]`) }).filter({ hasText: english.slice(0, 40) });
    await expect.poll(() => inserted.count()).toBe(1);
    expect(await inserted.locator('.provenance .cite').getAttribute('href')).toMatch(/-en\?p=/);

    await page.goto('/documents/a-res-80-206-fr?with=en');
    await page.waitForSelector('.side-by-side .side-row');
    const row = page.locator('.side-row', { has: page.locator('.doc-para[data-label="PP 3"]') }).first();
    const [left, right] = [row.locator('.side-cell').first(), row.locator('.side-cell').nth(1)];
    expect(await left.getAttribute('lang')).toBe('fr');
    expect(await right.getAttribute('lang')).toBe('en');
    expect(await left.locator('.pp').textContent()).toBe('troisième alinéa du préambule');
    expect(await right.locator('.pp').textContent()).toBe('PP 3');
    expect(await right.locator('.doc-para').getAttribute('data-label')).toBe('PP 3');
    await screenshot(page, 'i18n-side-by-side');
    // Swapped: the English on the left, the French beside it.
    await page.click('a.button[href*="?with=fr"]');
    await expect.poll(() => page.locator('.side-row .side-cell').first().getAttribute('lang')).toBe('en');
  });
});
