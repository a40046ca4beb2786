// Documents named by symbol wherever a person reads them, and lineage that
// claims no more than the corpus shows, in real headless Chromium: the drafts
// list's Base column, the export menu, a lineage heading and its "first
// appeared" line; and provenance that says "modified" once the text is edited.
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useDesk, waitSaved } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('citations and names (browser)', { timeout: 90_000 }, () => {
  const { newDraft, newPage } = useDesk();

  it('the drafts list and the export menu name the base by its symbol', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-en' });
    const page = await newPage();
    await page.goto('/');
    const base = page.locator(`tr[data-draft="${draftId}"] td.base a`);
    await expect.poll(() => base.textContent()).toBe('A/RES/78/229');
    expect(await base.getAttribute('href')).toBe('/documents/a-res-78-229-en');
    await screenshot(page, '17-drafts-list-base-symbol');

    await page.goto(`/drafts/${draftId}`);
    await page.waitForSelector('.para');
    await page.click('.export-menu summary');
    const tracked = page.locator('.export-menu[open] [data-export="tracked"]');
    await expect.poll(() => tracked.textContent()).toContain('every change against the base A/RES/78/229 as a Word revision');
    await screenshot(page, '18-export-menu-base-symbol');
  });

  it('a lineage heading names the document by symbol and says "at least as old as" past a hole in the corpus', async () => {
    const page = await newPage();
    await page.goto('/paragraphs/a-res-80-229-zh.op6/lineage');
    await page.waitForSelector('.lineage-steps .step');
    // The paragraph's label in its document's language (Chinese), the rest in the interface's.
    expect(await page.locator('h1').textContent()).toBe('Lineage of 执行部分第6段 A/RES/80/229');
    const first = (await page.locator('.first-appeared').textContent()) ?? '';
    expect(first).toMatch(/^At least as old as A\/RES\/69\/197/);
    expect(first).toContain('the corpus lacks the versions of sessions 63–68');
    await screenshot(page, '19-lineage-at-least');

    await page.goto('/paragraphs/a-res-80-229-en.op79/lineage');
    await page.waitForSelector('.lineage-steps .step');
    expect(await page.locator('.first-appeared').textContent()).toMatch(/^First appeared in A\/RES\/78\/229/);
  });

  it('provenance says "modified" once the inserted text is edited, and still after a reload', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-en' });
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    const op6 = page.locator('.para[data-label="OP 6"] .provenance');
    await expect.poll(() => op6.textContent()).toMatch(/^from A\/RES\/78\/229, OP 6 · lineage/);
    await page.locator('.para[data-label="OP 6"] .para-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' further');
    await expect.poll(() => op6.textContent()).toMatch(/^from A\/RES\/78\/229, OP 6, modified · lineage/);
    expect(await page.locator('.para[data-label="OP 5"] .provenance').textContent()).not.toContain('modified');
    await waitSaved(page);
    await screenshot(page, '20-provenance-modified');
    await page.reload();
    await expect.poll(() => page.locator('.para[data-label="OP 6"] .provenance').textContent()).toContain('OP 6, modified');
  });
});
