// The drafting desk in real headless Chromium against the real server: the
// drafts and documents lists a page at a time, live precedents while typing,
// inserting one, surviving a reload, typing while the server is unreachable
// (and across a reload), and a save made elsewhere merging into the open editor.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, screenshot, useDesk, waitSaved } from '../helpers/browser.js';

// 57/173 OP 9 (seed 000): the precedent the typed text must find.
const PRECEDENT = '鼓励联合国系统各有关方案、基金和组织，特别是联合国开发计划署、各国际金融机构，尤其是世界银行以及各区域和国家供资机构，支助中心的技术性业务活动；';
const TYPED = '鼓励联合国系统各有关方案、基金和组织，特别是联合国开发计划署、各国际金融机构';

describe.skipIf(!hasChromium)('drafting desk (browser)', { timeout: 90_000 }, () => {
  const { api, newDraft, newPage } = useDesk();
  const TITLE = '预防犯罪决议草案';
  /** An empty Chinese draft. */
  const emptyDraft = () => newDraft({ title: TITLE, language: 'zh' });
  /** A Chinese draft with two operative paragraphs: TYPED, then PRECEDENT. */
  const twoParagraphDraft = () =>
    newDraft({
      title: TITLE,
      language: 'zh',
      paragraphs: [
        { id: 'op-typed', section: 'operative', text: TYPED },
        { id: 'op-precedent', section: 'operative', text: PRECEDENT, lead: '鼓励' },
      ],
    });

  /** In a new page on the draft, adds an operative paragraph, types TYPED and waits until 57/173 OP 9 is the first precedent. */
  async function typeUntilPrecedent(draftId: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    await page.click('text=+ Add operative paragraph');
    const input = page.locator('textarea.para-input');
    await input.waitFor();
    await page.keyboard.type(TYPED, { delay: 15 });
    await expect.poll(() => page.locator('.suggestion').first().getAttribute('data-citation'), { timeout: 15_000 }).toBe('A/RES/57/173, OP 9');
    return page;
  }

  it('shows the drafts list', async () => {
    const draftId = await emptyDraft();
    const page = await newPage();
    await page.goto('/');
    await page.waitForSelector(`tr[data-draft="${draftId}"]`);
    await page.fill('.picker input', '78/229');
    await page.waitForSelector('.picker-list button[data-doc="a-res-78-229-zh"]');
    await screenshot(page, '01-drafts-list');
  });

  it('pages through the drafts list and the documents list, saying which rows of how many it shows', async () => {
    const { total: before } = await api<{ total: number }>('/api/drafts?limit=1');
    // Enough drafts for a second page of 50, the oldest made first.
    const made: string[] = [];
    for (let i = 0; i < Math.max(0, 51 - before); i++) made.push(await newDraft({ title: `Paged draft ${i}`, language: 'en' }));
    const total = before + made.length;
    const page = await newPage();
    await page.goto('/');
    const range = page.locator('.drafts-list .pager [data-range]');
    await expect.poll(() => range.textContent()).toBe(`1–50 of ${total}`);
    expect(await page.locator('.drafts-list tr[data-draft]').count()).toBe(50);
    await page.locator('.drafts-list .pager button', { hasText: 'Next' }).click();
    await expect.poll(() => range.textContent()).toBe(`51–${total} of ${total}`);
    // The oldest draft (whichever test made it) is on the second page.
    const { drafts: oldest } = await api<{ drafts: { id: string }[] }>(`/api/drafts?limit=1&offset=${total - 1}`);
    await page.waitForSelector(`tr[data-draft="${oldest[0].id}"]`);
    await page.locator('.drafts-list .pager button', { hasText: 'Previous' }).click();
    await expect.poll(() => range.textContent()).toBe(`1–50 of ${total}`);

    const { total: documents } = await api<{ total: number }>('/api/documents?limit=1');
    const english = await api<{ total: number }>('/api/documents?language=en&limit=1');
    await page.goto('/documents');
    const docRange = page.locator('.pager [data-range]');
    await expect.poll(() => docRange.textContent()).toBe(`1–100 of ${documents.toLocaleString('en')}`);
    const firstRow = () => page.locator('table tbody tr').first().textContent();
    const first = await firstRow();
    await page.locator('.pager button', { hasText: 'Next' }).click();
    await expect.poll(() => docRange.textContent()).toBe(`101–200 of ${documents.toLocaleString('en')}`);
    expect(await firstRow()).not.toBe(first);
    // The next page is read from its top.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // A filter starts again from its first page.
    await page.selectOption('.toolbar select >> nth=0', 'en');
    await expect.poll(() => docRange.textContent()).toBe(`1–100 of ${english.total.toLocaleString('en')}`);
    await screenshot(page, '01b-documents-paged');
  });

  it('typing on while precedents are asked for: one request out at a time, the last about the final text', async () => {
    const page = await newPage();
    await page.goto(`/drafts/${await emptyDraft()}`);
    await page.click('text=+ Add operative paragraph');
    await page.locator('textarea.para-input').waitFor();
    let out = 0;
    let mostOut = 0;
    const asked: string[] = [];
    const isSuggest = (url: string) => new URL(url).pathname === '/api/suggest';
    page.on('request', (r) => {
      if (!isSuggest(r.url())) return;
      out++;
      mostOut = Math.max(mostOut, out);
      asked.push((r.postDataJSON() as { text: string }).text);
    });
    const done = (r: { url(): string }) => {
      if (isSuggest(r.url())) out--;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    // Faster than an answer comes back: most keystrokes arrive while a request is out.
    await page.keyboard.type(TYPED, { delay: 5 });
    await expect.poll(() => page.locator('.suggestion').first().getAttribute('data-citation'), { timeout: 15_000 }).toBe('A/RES/57/173, OP 9');
    await expect.poll(() => asked.at(-1)).toBe(TYPED);
    expect(mostOut).toBe(1);
    // Fewer requests than keystrokes past the minimum length (4 characters), yet more than one.
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.length).toBeLessThan([...TYPED].length - 3);
    await waitSaved(page);
  });

  it('typing a paragraph brings up the known precedent with its citation', async () => {
    const page = await typeUntilPrecedent(await emptyDraft());
    const first = page.locator('.suggestion').first();
    await expect(first.getAttribute('data-citation')).resolves.toBe('A/RES/57/173, OP 9');
    await expect(first.locator('.badge').textContent()).resolves.toBe('agreed');
    // The shared passage is highlighted.
    expect(await first.locator('mark.hl').count()).toBeGreaterThan(0);
    // The timing is recorded on the animation frame after the results are painted: wait for it.
    await expect.poll(() => page.evaluate(() => window.__precedentTimings?.length ?? 0)).toBeGreaterThan(0);
    const timings = await page.evaluate(() => window.__precedentTimings ?? []);
    const last = timings[timings.length - 1];
    console.log(`[timing] keystroke→suggestions ${last.total.toFixed(0)} ms (request ${last.request.toFixed(0)} ms, server ${last.server} ms, answer→painted ${last.painted.toFixed(0)} ms)`);
    await waitSaved(page);
    await screenshot(page, '02-editor-suggestions');
  });

  it('inserting the precedent puts it in the draft, and it survives a reload', async () => {
    const draftId = await emptyDraft();
    const page = await typeUntilPrecedent(draftId);
    await page.keyboard.press('Control+.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    await page.keyboard.press('Enter');
    const inserted = page.locator('.para', { hasText: '支助中心的技术性业务活动' });
    await expect.poll(() => inserted.count()).toBe(1);
    // Stored as delegates cite it; shown as the Chinese texts cite it.
    await expect(inserted.locator('.provenance .cite').getAttribute('data-citation')).resolves.toBe('A/RES/57/173, OP 9');
    await expect(inserted.locator('.provenance .cite').textContent()).resolves.toBe('第57/173号决议第9段');
    // Numbered after the typed paragraph.
    await expect(inserted.getAttribute('data-label')).resolves.toBe('OP 2');
    await waitSaved(page);
    await page.reload();
    const after = page.locator('.para', { hasText: '支助中心的技术性业务活动' });
    await after.waitFor();
    await expect(after.locator('.para-text').textContent()).resolves.toBe(PRECEDENT);
    await expect(after.locator('.lead-bold').textContent()).resolves.toBe('鼓励');
    const stored = await api<{ paragraphs: { text: string; source?: { citation: string } }[] }>(`/api/drafts/${draftId}`);
    expect(stored.paragraphs.map((p) => p.source?.citation ?? null)).toContain('A/RES/57/173, OP 9');
  });

  it('keeps text typed offline, across a reload while the server is out of reach, and saves it when back', async () => {
    const draftId = await twoParagraphDraft();
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    await waitSaved(page);
    await page.context().setOffline(true);
    await page.waitForSelector('.save-badge[data-state="offline"]', { timeout: 15_000 });
    await page.locator('.para[data-label="OP 1"] .para-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('离线文字');
    await screenshot(page, '03-editor-offline');
    // Reloaded while the server is still unreachable: the text comes back from the browser's copy.
    let reachable = false;
    await page.route('**/api/drafts/**', (route) => route.abort('connectionrefused'));
    await page.routeWebSocket('**/api/live', (ws) => (reachable ? ws.connectToServer() : ws.close()));
    await page.context().setOffline(false);
    await page.reload();
    await page.locator('.para', { hasText: '离线文字' }).waitFor();
    expect(await page.locator('.save-badge').getAttribute('data-state')).toBe('offline');
    await page.unroute('**/api/drafts/**');
    reachable = true;
    await page.waitForSelector('.save-badge[data-state="saved"]', { timeout: 45_000 });
    const stored = await api<{ paragraphs: { text: string }[] }>(`/api/drafts/${draftId}`);
    expect(stored.paragraphs.some((p) => p.text.endsWith('离线文字'))).toBe(true);
  });

  it('a save made elsewhere appears in the open editor as the user types, and both are kept', async () => {
    const draftId = await twoParagraphDraft();
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    await waitSaved(page);
    await page.locator('.para[data-label="OP 2"] .para-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('我的修改');
    const current = await api<{ version: number; paragraphs: { id: string; section: string; text: string }[] }>(`/api/drafts/${draftId}`);
    const theirs = current.paragraphs.map((p, i) => (i === 0 ? { ...p, text: `${p.text}（他人修改）` } : p));
    await api(`/api/drafts/${draftId}`, { method: 'PUT', body: JSON.stringify({ version: current.version, paragraphs: theirs }) });
    await page.locator('.para[data-label="OP 1"]', { hasText: '（他人修改）' }).waitFor({ timeout: 5000 });
    await page.keyboard.type('再改');
    await waitSaved(page);
    const stored = await api<{ paragraphs: { text: string }[] }>(`/api/drafts/${draftId}`);
    expect(stored.paragraphs[0].text.endsWith('（他人修改）')).toBe(true);
    expect(stored.paragraphs[1].text.endsWith('我的修改再改')).toBe(true);
    await screenshot(page, '04-editor-merged');
  });

  it('Insert acts on the first click of a card that is not selected (the card does not move the button away)', async () => {
    const doc = await api<{ paragraphs: { section: string; text: string }[] }>('/api/documents/a-res-78-229-en');
    const typed = doc.paragraphs.find((p) => p.section === 'operative')!.text.slice(0, 90);
    const page = await newPage();
    await page.goto(`/drafts/${await newDraft({ title: 'Crime prevention', language: 'en' })}`);
    await page.click('text=+ Add operative paragraph');
    await page.locator('textarea.para-input').waitFor();
    await page.keyboard.type(typed, { delay: 10 });
    // The answer to the whole typed text, not to a prefix: an answer arriving
    // between reading the second card and clicking it would reorder the cards.
    const secondCite = () => page.locator('.suggestion').nth(1).getAttribute('data-citation');
    const settled = async () => {
      if ((await page.locator('.suggestion').count()) <= 2 || (await page.locator('ul.suggestions.stale').count()) > 0) return false;
      const before = await secondCite();
      await page.waitForTimeout(600);
      return (await page.locator('ul.suggestions.stale').count()) === 0 && (await secondCite()) === before;
    };
    await expect.poll(settled, { timeout: 15_000 }).toBe(true);
    const second = page.locator('.suggestion').nth(1);
    const cite = await second.getAttribute('data-citation');
    expect(await second.getAttribute('aria-selected')).toBe('false');
    await second.locator('button', { hasText: 'Insert' }).click();
    await expect.poll(() => page.locator('.para .provenance .cite').allTextContents()).toContain(cite);
    // The new paragraph is the one edited, and its own source is not offered as its precedent.
    const href = await page.locator('.para.active .provenance .cite').getAttribute('href');
    const source = decodeURIComponent(href!.split('?p=')[1]);
    await expect.poll(() => page.locator('.panel-status').textContent(), { timeout: 15_000 }).toMatch(/\d+ precedents?/);
    await expect.poll(() => page.locator('.suggestion').count()).toBeGreaterThan(0);
    const offered = await page.locator('.suggestion').evaluateAll((els) => els.map((e) => e.getAttribute('data-paragraph')));
    expect(offered).not.toContain(source);
    await screenshot(page, '06-editor-precedent-card');
    // Copy citation, then Esc: the caret is back in the paragraph.
    await page.locator('.suggestion').first().locator('button', { hasText: 'Copy citation' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('para-input'))).toBe(true);
    // One undo stack: the typing, then the insert; Ctrl+Shift+Z brings the insert back.
    const inserted = page.locator('.para', { has: page.locator('.provenance .cite', { hasText: cite! }) });
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' zzz');
    await expect.poll(() => page.locator('textarea.para-input').inputValue()).toMatch(/ zzz$/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('textarea.para-input').inputValue()).not.toMatch(/zzz/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => inserted.count()).toBe(0);
    await expect(page.locator('.para').count()).resolves.toBe(1);
    await page.locator('.para').first().locator('.para-text, textarea').first().focus();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => inserted.count()).toBe(1);
    await waitSaved(page);
  });

  it('shows footnotes as markers in the text: moved with the text, their text editable, deleted like a character', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-en' });
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    const pp2 = page.locator('.para[data-label="PP 2"]');
    await pp2.waitFor();
    const before = await api<{ paragraphs: { text: string; footnotes: { text: string; offset: number }[] }[] }>(`/api/drafts/${draftId}`);
    const notes = before.paragraphs[1].footnotes;
    expect(notes.length).toBeGreaterThan(2);
    // Typeset: one raised marker per footnote.
    await expect(pp2.locator('sup.fn').count()).resolves.toBe(notes.length);
    await pp2.locator('.para-text').click();
    const input = pp2.locator('textarea.para-input');
    await input.waitFor();
    const value = await input.inputValue();
    expect([...value].filter((c) => '❶❷❸❹❺❻❼❽❾❿'.includes(c)).length).toBe(notes.length);
    // "Reaffirming also" → "Reaffirming further", typed.
    await input.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(12, 16));
    await page.keyboard.type('further');
    // The first footnote's text edited; the second deleted with Backspace after its marker.
    await pp2.locator('.fn-text').first().fill('Edited note.');
    await input.evaluate((el: HTMLTextAreaElement) => {
      el.focus();
      const at = el.value.indexOf('❷') + 1;
      el.setSelectionRange(at, at);
    });
    await page.keyboard.press('Backspace');
    await screenshot(page, '05-editor-footnotes');
    await waitSaved(page);
    const after = await api<{ paragraphs: { text: string; footnotes: { text: string; offset: number }[] }[] }>(`/api/drafts/${draftId}`);
    const p2 = after.paragraphs[1];
    expect(p2.text.startsWith('Reaffirming further')).toBe(true);
    expect(p2.footnotes.length).toBe(notes.length - 1);
    expect(p2.footnotes[0].text).toBe('Edited note.');
    // Each remaining footnote follows the character it followed before.
    const old = before.paragraphs[1];
    const follows = (text: string, offset: number) => text.slice(Math.max(0, offset - 12), offset);
    expect(p2.footnotes.map((f) => follows(p2.text, f.offset))).toEqual([notes[0], ...notes.slice(2)].map((f) => follows(old.text, f.offset)));
  });

  it('an IME composition in a paragraph with footnotes commits once, its footnotes moving with the text', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-zh' });
    const before = await api<{ paragraphs: { text: string; footnotes: { offset: number }[] }[] }>(`/api/drafts/${draftId}`);
    const i = before.paragraphs.findIndex((p) => p.footnotes.length > 0);
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    const block = page.locator('.para').nth(i);
    await block.locator('.para-text').click();
    const input = block.locator('textarea.para-input');
    await input.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'z', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'zai', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '再' });
    await expect.poll(() => input.inputValue()).toMatch(/^再/);
    expect((await input.inputValue()).startsWith('再再')).toBe(false);
    await waitSaved(page);
    const after = await api<{ paragraphs: { text: string; footnotes: { offset: number }[] }[] }>(`/api/drafts/${draftId}`);
    expect(after.paragraphs[i].text).toBe(`再${before.paragraphs[i].text}`);
    expect(after.paragraphs[i].footnotes.map((f) => f.offset)).toEqual(before.paragraphs[i].footnotes.map((f) => f.offset + 1));
  });

  it('a document page shows each footnote once, also at the end of a paragraph', async () => {
    const doc = await api<{ paragraphs: { id: string; text: string; footnotes: { marker: string; offset: number }[] }[] }>('/api/documents/a-res-78-229-en');
    const atEnd = doc.paragraphs.find((p) => p.footnotes.some((f) => f.offset >= p.text.length));
    expect(atEnd).toBeDefined();
    const page = await newPage();
    await page.goto('/documents/a-res-78-229-en');
    const para = page.locator(`[id="p-${atEnd!.id}"]`);
    await para.waitFor();
    await expect(para.locator('sup.fn').allTextContents()).resolves.toEqual(atEnd!.footnotes.map((f) => f.marker));
    const total = doc.paragraphs.reduce((n, p) => n + p.footnotes.length, 0);
    await expect(page.locator('sup.fn').count()).resolves.toBe(total);
  });
});
