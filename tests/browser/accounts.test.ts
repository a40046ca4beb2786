// Delegations in real headless Chromium against the real server: signing in
// through the form and out again; a draft shared read-only with another
// delegation, which that delegation's member sees (with who shared it) and
// cannot edit; an old version restored from the history panel.
import { describe, expect, it } from 'vitest';
import { DESK_ADMIN, hasChromium, screenshot, useDesk, waitSaved } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('accounts and sharing (browser)', { timeout: 120_000 }, () => {
  const { api, newDraft, newPage } = useDesk();

  /** A member of `delegation` made by the administrator; their credentials. */
  async function member(name: string, delegation: string) {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@${delegation.toLowerCase().replace(/\W+/g, '')}.example`;
    const password = 'a member password';
    await api('/api/admin/users', { method: 'POST', body: JSON.stringify({ email, name, password, delegation }) });
    return { email, password };
  }

  it('signs in through the form, shows the user and delegation in the header, and signs out', async () => {
    const page = await newPage(null);
    await page.goto('/');
    await page.waitForSelector('form[aria-labelledby="sign-in-title"]');
    await page.fill('input[name="email"]', DESK_ADMIN.email);
    await page.fill('input[name="password"]', 'not the password');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toMatch(/wrong e-mail or password/i);
    await screenshot(page, 'accounts-01-sign-in-refused');
    await page.fill('input[name="password"]', DESK_ADMIN.password);
    await page.click('button[type="submit"]');
    await page.waitForSelector('.account-menu');
    expect(await page.locator('.account-menu .delegation-badge').textContent()).toBe(DESK_ADMIN.delegation);
    await page.click('.account-menu .sign-out');
    await page.waitForSelector('form[aria-labelledby="sign-in-title"]');
    // The session is gone on the server too: a reload stays on the sign-in page.
    await page.reload();
    await page.waitForSelector('form[aria-labelledby="sign-in-title"]');
  });

  it('shares a draft read-only with another delegation, whose member sees it and cannot edit it', async () => {
    const reader = await member('Ana Reader', 'Mexico');
    const title = `Shared read-only ${Date.now()}`;
    const draftId = await newDraft({ title, language: 'en', paragraphs: [{ id: 'p1', section: 'operative', text: 'Decides to remain seized of the matter.' }] });

    const owner = await newPage();
    await owner.goto(`/drafts/${draftId}`);
    await owner.click('button:has-text("Share…")');
    await owner.fill('.share-form input', 'Mexico');
    await owner.selectOption('.share-form select', 'read');
    await owner.click('.share-form button[type="submit"]');
    await owner.waitForSelector('.share-list li[data-share="Mexico"]');
    await screenshot(owner, 'accounts-02-share-panel');

    const page = await newPage(reader);
    await page.goto('/');
    const row = page.locator(`tr[data-draft="${draftId}"]`);
    await row.waitFor();
    expect(await row.locator('.shared-line').textContent()).toContain(DESK_ADMIN.delegation);
    // A reader may duplicate but neither rename nor delete.
    expect(await row.locator('button:has-text("Delete")').count()).toBe(0);
    expect(await row.locator('button:has-text("Rename")').count()).toBe(0);
    await screenshot(page, 'accounts-03-shared-in-list');

    await row.locator('a.draft-title').click();
    await page.waitForSelector('[data-read-only="true"]');
    expect(await page.locator('.read-only-block .block-text').first().textContent()).toBe('Decides to remain seized of the matter.');
    // Nothing to type into: no title field, no paragraph editor.
    expect(await page.locator('input.title-input, textarea.para-input, [contenteditable="true"]').count()).toBe(0);
    expect(await page.locator('.access-badge[data-access="read"]').count()).toBe(1);
    // And the server refuses a write from this session.
    const status = await page.evaluate(async (id) => (await fetch(`/api/drafts/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: 1, title: 'Hijacked' }) })).status, draftId);
    expect(status).toBe(403);
    await screenshot(page, 'accounts-04-read-only-draft');

    // A member of a delegation it is not shared with does not even see it.
    const stranger = await newPage(await member('Sam Stranger', 'Norway'));
    await stranger.goto('/');
    await stranger.waitForSelector('.drafts-page');
    await stranger.waitForSelector('.drafts-list h1');
    expect(await stranger.locator(`tr[data-draft="${draftId}"]`).count()).toBe(0);
    await stranger.goto(`/drafts/${draftId}`);
    await expect.poll(() => stranger.locator('[role="alert"]').first().textContent()).toContain('not found');
  });

  it('restores an old version from the history panel', async () => {
    const draftId = await newDraft({ title: 'History', language: 'en', paragraphs: [{ id: 'p1', section: 'operative', text: 'Decides to remain seized of the matter.' }] });
    await api(`/api/drafts/${draftId}`, { method: 'PUT', body: JSON.stringify({ version: 1, paragraphs: [{ id: 'p1', section: 'operative', text: 'Decides to continue its consideration of the question.' }] }) });

    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    await waitSaved(page);
    await page.click('button:has-text("History")');
    await page.waitForSelector('.version-list li[data-version="1"]');
    expect(await page.locator('.version-list li').count()).toBe(2);
    await screenshot(page, 'accounts-05-history');
    await page.locator('.version-list li[data-version="1"] button:has-text("Restore")').click();
    await expect.poll(() => page.locator('textarea.para-input, .para .para-text, .para').first().textContent(), { timeout: 15_000 }).toContain('remain seized');
    const saved = await api<{ version: number; paragraphs: { text: string }[] }>(`/api/drafts/${draftId}`);
    expect(saved.version).toBe(3);
    expect(saved.paragraphs[0].text).toBe('Decides to remain seized of the matter.');
  });

  it('the administration page lists users and adds one', async () => {
    const page = await newPage();
    await page.goto('/admin');
    await page.waitForSelector('.users-table');
    const email = `new.user.${Date.now()}@eu.example`;
    await page.fill('.new-user input[name="name"]', 'New User');
    await page.fill('.new-user input[name="email"]', email);
    await page.fill('.new-user input[name="delegation"]', 'European Union');
    await page.fill('.new-user input[name="password"]', 'a new user password');
    await page.click('.new-user button[type="submit"]');
    await page.waitForSelector(`.users-table tr[data-user="${email}"]`);
    await page.waitForSelector(`.audit-log tr[data-action="user-created"]:has-text("${email}")`);
    await screenshot(page, 'accounts-06-administration');
  });
});
