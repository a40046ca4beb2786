// Negotiation in real headless Chromium against the real server: a second
// delegation, with propose access, reads the draft read-only, chooses a
// paragraph and proposes an amendment; the pen-holder sees it in the
// proposals panel (with its difference from the text) and accepts it; the
// text changes, as a new version whose note names the proposer, on both
// screens without a reload; a status set by the pen-holder reaches the
// proposer live; the compilation text carries status and pending proposals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXml } from '../helpers/docx-xml.js';
import { SCREENSHOTS, hasChromium, paragraphTexts, screenshot, useDesk, waitSaved } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('proposals (browser)', { timeout: 180_000 }, () => {
  const { api, newDraft, newPage } = useDesk();

  it('a delegation proposes an amendment; the pen-holder sees it, accepts it, and the text changes', async () => {
    const email = `marta.${Date.now()}@mexico.example`;
    const password = 'a member password';
    await api('/api/admin/users', { method: 'POST', body: JSON.stringify({ email, name: 'Marta Mexico', password, delegation: 'Mexico' }) });
    const draftId = await newDraft({
      title: `Negotiated ${Date.now()}`,
      language: 'en',
      paragraphs: [
        { id: 'op1', section: 'operative', text: 'Urges Member States to strengthen international cooperation;' },
        { id: 'op2', section: 'operative', text: 'Decides to remain seized of the matter.' },
      ],
    });
    await api(`/api/drafts/${draftId}/shares`, { method: 'POST', body: JSON.stringify({ delegation: 'Mexico', access: 'propose' }) });

    // Mexico: the text read-only, the proposals panel beside it.
    const mexico = await newPage({ email, password });
    await mexico.goto(`/drafts/${draftId}`);
    await mexico.waitForSelector('[data-read-only="true"]');
    expect(await mexico.locator('.access-badge[data-access="propose"]').count()).toBe(1);
    expect(await mexico.locator('input.title-input, textarea.para-input, [contenteditable="true"]').count()).toBe(0);
    await mexico.click('.read-only-block[data-paragraph="op1"]');
    const form = mexico.locator('.proposal-form[data-for="op1"]');
    await form.waitFor();
    await form.locator('textarea').fill('Urges Member States to strengthen and expand international cooperation;');
    await form.locator('button[type="submit"]').click();
    const proposed = mexico.locator('.proposal[data-kind="amend"]');
    await proposed.waitFor();
    expect(await proposed.locator('ins').first().textContent()).toContain('expand');
    // Mexico may withdraw its own proposal, not accept it.
    expect(await proposed.locator('button[data-action="withdraw"]').count()).toBe(1);
    expect(await proposed.locator('button[data-action="accept"]').count()).toBe(0);
    await screenshot(mexico, 'proposals-01-proposer');

    // The pen-holder: the proposal in the panel, with who made it; accepting it changes the text.
    const pen = await newPage();
    await pen.goto(`/drafts/${draftId}`);
    await waitSaved(pen);
    await pen.click('.proposals-toggle');
    const seen = pen.locator('.proposal[data-kind="amend"]', { hasText: 'expand' });
    await seen.waitFor();
    // A proposal made while the pen-holder's desk is open appears there without a reload.
    await mexico.click('.read-only-block[data-paragraph="op2"]');
    const second = mexico.locator('.proposal-form[data-for="op2"]');
    await second.waitFor();
    await second.locator('textarea').fill('Decides to remain actively seized of the matter.');
    await second.locator('button[type="submit"]').click();
    await expect.poll(() => pen.locator('.proposal[data-kind="amend"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await seen.locator('.delegation-badge').textContent()).toBe('Mexico');
    expect(await seen.locator('.proposal-label').textContent()).toBe('OP 1');
    await pen.locator('.proposals-panel').screenshot({ path: join(SCREENSHOTS, 'proposals-02-panel.png') });
    await seen.locator('button[data-action="accept"]').click();
    await expect.poll(() => paragraphTexts(pen), { timeout: 15_000 }).toContain('Urges Member States to strengthen and expand international cooperation;');
    const saved = await api<{ version: number }>(`/api/drafts/${draftId}`);
    expect(saved.version).toBe(2);
    const versions = await api<{ versions: { version: number; note: string | null }[] }>(`/api/drafts/${draftId}/versions`);
    expect(versions.versions[0].note).toContain('Mexico');
    await screenshot(pen, 'proposals-03-accepted');
    // Mexico's read-only view follows the live text: the accepted amendment is there without a reload.
    await expect.poll(() => mexico.locator('.read-only-block[data-paragraph="op1"]').textContent(), { timeout: 10_000 }).toContain('strengthen and expand international cooperation;');

    // The pen-holder marks OP 1 agreed ad ref: Mexico's desk shows it without a reload.
    const status = pen.locator('.para[data-para="op1"] select.status-badge');
    await status.waitFor();
    await status.selectOption('agreed-ad-ref');
    await expect.poll(() => mexico.locator('.read-only-block[data-paragraph="op1"] .status-badge').getAttribute('data-status'), { timeout: 10_000 }).toBe('agreed-ad-ref');

    // The compilation text, as the pen-holder downloads it: OP 1 with its status, Mexico's pending OP 2 amendment in place.
    const download = pen.waitForEvent('download');
    await pen.click('.export-menu summary');
    await pen.click('[data-export="compilation"]');
    const file = await (await download).path();
    const { paragraphs } = await readXml(readFileSync(file));
    const lines = paragraphs.map((p) => p.segments.map((x) => x.text).join(''));
    expect(lines.find((l) => l.startsWith('OP 1'))).toMatch(/^OP 1 \(agreed ad ref\)\tUrges Member States to strengthen and expand/);
    expect(lines.find((l) => l.startsWith('OP 2'))).toContain('[Mexico]');
  });
});
