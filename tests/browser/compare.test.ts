// Rollover and comparisons in real headless Chromium against the real server:
// roll over 78/229 (the draft has its paragraphs, the diff with the base is
// empty), change one paragraph (the diff shows exactly that), and the series
// view 78/229 → 80/229 (moved and added paragraphs are marked; in English, the
// moved marker beside the kind and counts that match their tooltips).
import { describe, expect, it } from 'vitest';
import { hasChromium, paragraphTexts, screenshot, useDesk, waitSaved } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('rollover and comparisons (browser)', { timeout: 90_000 }, () => {
  const { api, newDraft, newPage } = useDesk();

  it('rolls over 78/229: the draft has its paragraphs and the diff against the base is empty', async () => {
    const base = await api<{ paragraphs: { section: string; text: string }[] }>('/api/documents/a-res-78-229-zh');
    const expected = base.paragraphs.filter((p) => p.section === 'preamble' || p.section === 'operative');
    const page = await newPage();
    await page.goto('/');
    await page.fill('.picker input', '78/229');
    await page.click('.picker-list button[data-doc="a-res-78-229-zh"]');
    await page.waitForURL(/\/drafts\/d[0-9a-f]+$/);
    await page.waitForSelector('.para');
    expect(await page.locator('.part-preamble .para').count()).toBe(expected.filter((p) => p.section === 'preamble').length);
    expect(await page.locator('.part-operative .para').count()).toBe(expected.filter((p) => p.section === 'operative').length);
    expect(await paragraphTexts(page)).toEqual(expected.map((p) => p.text));
    await screenshot(page, '05-editor-rollover');

    await page.click('text=Compare with base');
    await page.waitForSelector('.diff .counts');
    expect(await page.locator('.counts').getAttribute('data-changes')).toBe('0');
    expect(await page.locator('.pair:not(.k-unchanged)').count()).toBe(0);
    expect(await page.locator('.pair').count()).toBe(expected.length);
  });

  it('after one paragraph is changed, the diff shows exactly that change', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-zh' });
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    await page.locator('.para[data-label="OP 3"] .para-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('并加强区域合作');
    await waitSaved(page);
    await page.click('text=Compare with base');
    await page.waitForSelector('.diff .counts');
    expect(await page.locator('.counts').getAttribute('data-changes')).toBe('1');
    const changed = page.locator('.pair:not(.k-unchanged)');
    expect(await changed.count()).toBe(1);
    expect(await changed.getAttribute('data-kind')).toBe('modified');
    // A Chinese draft's labels as the Chinese texts write them.
    expect(await changed.locator('.labels').textContent()).toBe('执行部分第3段 → 执行部分第3段');
    expect(await changed.locator('ins').allTextContents()).toEqual(['并加强区域合作']);
    expect(await changed.locator('del').count()).toBe(0);
    await page.click('text=↓ Next');
    await screenshot(page, '06-draft-vs-base');
  });

  it('series view 78/229 → 80/229 marks moved and added paragraphs', async () => {
    const page = await newPage();
    await page.goto('/series?language=zh&from=a-res-78-229-zh&to=a-res-80-229-zh');
    await page.waitForSelector('.diff .pair');
    const added = await page.locator('.pair[data-kind="added"]').count();
    const moved = await page.locator('.pair[data-moved="true"]').count();
    expect(added).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
    expect(await page.locator('.pair[data-kind="added"] .kind.k-added').count()).toBe(added);
    expect(await page.locator('.pair[data-moved="true"] .kind.k-moved').count()).toBe(moved);
    await screenshot(page, '07-series-side-by-side');
    await page.click('text=Inline');
    await page.click('text=Only changes');
    await page.click('text=↓ Next');
    await screenshot(page, '08-series-inline');
  });

  it('series view 78/229 → 80/229 (English): moved is a marker beside the kind, and the counts match their tooltips', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto('/series?language=en&from=a-res-78-229-en&to=a-res-80-229-en');
    await page.waitForSelector('.diff .pair');
    const pairs = page.locator('.diff-rows .pair');
    const total = await pairs.count();
    // The six kinds add up to the pairs shown; "moved" counts the flagged ones.
    const kinds = ['modified', 'added', 'removed', 'split', 'merged', 'unchanged'];
    let sum = 0;
    for (const k of kinds) {
      const n = Number(await page.locator(`.counts .count[data-kind="${k}"] b`).textContent());
      expect(n).toBe(await page.locator(`.diff-rows .pair[data-kind="${k}"]`).count());
      expect(await page.locator(`.counts .count[data-kind="${k}"]`).getAttribute('title')).toBeTruthy();
      sum += n;
    }
    expect(sum).toBe(total);
    expect(await page.locator('.diff-rows .pair[data-kind="moved"]').count()).toBe(0);
    const moved = page.locator('.diff-rows .pair[data-moved="true"]');
    expect(Number(await page.locator('.counts .count[data-count="moved"] b').textContent())).toBe(await moved.count());
    expect(Number(await page.locator('.counts .count[data-count="routine"] b').textContent())).toBe(await page.locator('.diff-rows .pair.is-routine').count());
    // OP 27 → OP 23 changed its text and its place: "modified" with a "moved" marker beside it.
    const op27 = page.locator('.diff-rows .pair', { has: page.locator('.labels', { hasText: /^OP 27 → OP 23$/ }) });
    expect(await op27.getAttribute('data-kind')).toBe('modified');
    expect(await op27.locator('.lbl .kind').allTextContents()).toEqual(['modified', 'moved']);
    // PP 28 (UNCAC's anniversary) is removed, not paired with PP 10 (UNTOC's).
    expect(await page.locator('.diff-rows .pair', { has: page.locator('.labels', { hasText: /^PP 28 → —$/ }) }).getAttribute('data-kind')).toBe('removed');
    await op27.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -250));
    await screenshot(page, '11-series-en-moved');
  });

  it('shows a document and a paragraph lineage', async () => {
    const page = await newPage();
    await page.goto('/documents/a-res-80-229-zh');
    await page.waitForSelector('.doc-para');
    expect(await page.locator('.doc-para.operative').count()).toBeGreaterThan(10);
    await screenshot(page, '09-document');
    await page.goto('/paragraphs/a-res-80-229-zh.op3/lineage');
    await page.waitForSelector('.lineage-steps .step');
    await screenshot(page, '10-lineage');
  });
});
