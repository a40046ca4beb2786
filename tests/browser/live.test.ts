// Live co-editing in real headless Chromium against the real server: two
// browsers signed in as users of two delegations on one shared draft see who
// is where, type at once in different paragraphs and in the same one (an IME
// composition included), one goes offline, types and comes back; every text
// reaches both screens and the server. Logs the keystroke-to-other-screen latency.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, screenshot, useDesk, waitSaved } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('live co-editing (browser)', { timeout: 240_000 }, () => {
  const { api, newDraft, newPage } = useDesk();

  async function twoDelegations() {
    const stamp = Date.now();
    const email = `ingrid.${stamp}@norway.example`;
    const password = 'a member password';
    await api('/api/admin/users', { method: 'POST', body: JSON.stringify({ email, name: 'Ingrid Norway', password, delegation: 'Norway' }) });
    const draftId = await newDraft({
      title: `Live ${stamp}`,
      language: 'en',
      paragraphs: [
        { id: 'pp1', section: 'preamble', text: 'Recalling its previous resolutions,' },
        { id: 'op1', section: 'operative', text: 'Urges Member States to cooperate;' },
        { id: 'op2', section: 'operative', text: 'Requests the Secretary-General to report;' },
      ],
    });
    await api(`/api/drafts/${draftId}/shares`, { method: 'POST', body: JSON.stringify({ delegation: 'Norway', access: 'edit' }) });
    const pen = await newPage();
    const norway = await newPage({ email, password });
    for (const page of [pen, norway]) {
      await page.goto(`/drafts/${draftId}`);
      await waitSaved(page);
    }
    return { draftId, pen, norway };
  }

  /** Puts the caret at the start of a paragraph's text, or at its end before the closing punctuation (where a drafter adds words). */
  async function caretIn(page: Page, label: string, where: 'end' | 'start') {
    await page.locator(`.para[data-label="${label}"] .para-text`).click();
    await page.locator(`.para[data-label="${label}"] textarea.para-input`).waitFor();
    await page.keyboard.press(where === 'end' ? 'Control+End' : 'Control+Home');
    if (where === 'end') await page.keyboard.press('ArrowLeft');
  }

  const textOf = (page: Page, id: string) =>
    page.locator(`.para[data-para="${id}"] textarea.para-input, .para[data-para="${id}"] .para-text`).first().evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '')));

  it('two delegations type at once, in different paragraphs and in the same one, and see each other', async () => {
    const { draftId, pen, norway } = await twoDelegations();

    // Presence: each sees the other, and in which paragraph.
    await caretIn(pen, 'OP 1', 'end');
    await caretIn(norway, 'OP 2', 'end');
    await norway.locator('.para[data-para="op1"] .peer').waitFor({ timeout: 5000 });
    await pen.locator('.para[data-para="op2"] .peer').waitFor({ timeout: 5000 });
    expect(await pen.locator('.presence-person').first().getAttribute('data-person')).toBe('Ingrid Norway');

    // Different paragraphs, at once.
    await Promise.all([pen.keyboard.type(' in good faith', { delay: 20 }), norway.keyboard.type(' annually', { delay: 20 })]);
    for (const page of [pen, norway]) {
      await expect.poll(() => textOf(page, 'op1'), { timeout: 2000 }).toBe('Urges Member States to cooperate in good faith;');
      await expect.poll(() => textOf(page, 'op2'), { timeout: 2000 }).toBe('Requests the Secretary-General to report annually;');
    }
    await screenshot(pen, 'live-01-presence');

    // The same paragraph, at once: Norway at its start, the pen-holder at its end.
    await caretIn(norway, 'OP 1', 'start');
    await Promise.all([norway.keyboard.type('Strongly ', { delay: 20 }), pen.keyboard.type(', as appropriate', { delay: 20 })]);
    const merged = 'Strongly Urges Member States to cooperate in good faith, as appropriate;';
    // (the pen-holder types "!" next, before the semicolon)
    for (const page of [pen, norway]) await expect.poll(() => textOf(page, 'op1'), { timeout: 2000 }).toBe(merged);
    // The pen-holder's caret stayed where it was typing: the next keys land at the end.
    await pen.keyboard.type('!');
    await expect.poll(() => textOf(norway, 'op1'), { timeout: 2000 }).toBe(`${merged.slice(0, -1)}!;`);

    // Keystroke in one browser → painted in the other.
    await caretIn(pen, 'OP 2', 'end');
    const samples: number[] = [];
    for (let i = 0; i < 12; i++) {
      const mark = String.fromCharCode(65 + i);
      const sent = Date.now();
      await pen.keyboard.type(mark);
      await norway.waitForFunction((m) => document.querySelector('.para[data-para="op2"] .para-text')?.textContent?.includes(m) ?? false, `annually${'ABCDEFGHIJKL'.slice(0, i + 1)}`, { polling: 'raf', timeout: 2000 });
      samples.push(Date.now() - sent);
    }
    samples.sort((a, b) => a - b);
    console.log(`[timing] keystroke→other browser median ${samples[6]} ms, p95 ${samples[11]} ms, max ${samples[11]} ms (12 keystrokes)`);

    await Promise.all([waitSaved(pen), waitSaved(norway)]);
    const stored = await api<{ paragraphs: { id: string; text: string }[] }>(`/api/drafts/${draftId}`);
    expect(stored.paragraphs.find((p) => p.id === 'op1')?.text).toBe(`${merged.slice(0, -1)}!;`);
    expect(stored.paragraphs.find((p) => p.id === 'op2')?.text).toBe('Requests the Secretary-General to report annuallyABCDEFGHIJKL;');
  });

  it('an IME composition is not broken by a co-editor typing in the same paragraph', async () => {
    const { draftId, pen, norway } = await twoDelegations();
    await caretIn(pen, 'OP 2', 'start');
    await caretIn(norway, 'OP 2', 'end');
    const cdp = await pen.context().newCDPSession(pen);
    await cdp.send('Input.imeSetComposition', { text: 'z', selectionStart: 1, selectionEnd: 1 });
    await norway.keyboard.type(' soon', { delay: 20 });
    await cdp.send('Input.imeSetComposition', { text: 'zai', selectionStart: 3, selectionEnd: 3 });
    // Mid-composition, the composing text is untouched by what arrives.
    expect(await textOf(pen, 'op2')).toMatch(/^zaiRequests/);
    await cdp.send('Input.insertText', { text: '再' });
    const both = '再Requests the Secretary-General to report soon;';
    for (const page of [pen, norway]) await expect.poll(() => textOf(page, 'op2'), { timeout: 3000 }).toBe(both);
    await Promise.all([waitSaved(pen), waitSaved(norway)]);
    const stored = await api<{ paragraphs: { id: string; text: string }[] }>(`/api/drafts/${draftId}`);
    expect(stored.paragraphs.find((p) => p.id === 'op2')?.text).toBe(both);
  });

  it('one goes offline, types, comes back: both texts merge', async () => {
    const { draftId, pen, norway } = await twoDelegations();
    await norway.context().setOffline(true);
    await norway.waitForSelector('.save-badge[data-state="offline"]', { timeout: 10_000 });
    await caretIn(norway, 'OP 1', 'end');
    await norway.keyboard.type(' (typed offline)');
    await caretIn(pen, 'OP 2', 'end');
    await pen.keyboard.type(' (typed online)');
    await screenshot(norway, 'live-02-offline');
    expect(await textOf(norway, 'op2')).toBe('Requests the Secretary-General to report;');
    await norway.context().setOffline(false);
    const texts = (page: Page) => Promise.all(['pp1', 'op1', 'op2'].map((id) => textOf(page, id)));
    for (const page of [pen, norway]) {
      await expect.poll(() => texts(page), { timeout: 15_000 }).toEqual([
        'Recalling its previous resolutions,',
        'Urges Member States to cooperate (typed offline);',
        'Requests the Secretary-General to report (typed online);',
      ]);
    }
    await Promise.all([waitSaved(pen), waitSaved(norway)]);
    const stored = await api<{ paragraphs: { text: string }[] }>(`/api/drafts/${draftId}`);
    expect(stored.paragraphs.map((p) => p.text)).toContain('Urges Member States to cooperate (typed offline);');
  });

  it('shows the draft read-only, saying why, when the live socket cannot be reached', async () => {
    const draftId = await newDraft({ title: `Behind a proxy ${Date.now()}`, language: 'en', paragraphs: [{ id: 'op1', section: 'operative', text: 'Urges Member States to cooperate;' }] });
    const page = await newPage();
    await page.routeWebSocket('**/api/live', (ws) => ws.close());
    await page.goto(`/drafts/${draftId}`);
    await page.waitForSelector('[role="alert"]', { timeout: 15_000 });
    expect(await page.locator('[role="alert"]').textContent()).toContain('WebSockets');
    expect(await page.locator('.read-only-block[data-paragraph="op1"]').textContent()).toContain('Urges Member States to cooperate;');
    expect(await page.locator('textarea.para-input').count()).toBe(0);
  });
});
