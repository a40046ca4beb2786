// The built app under its Content-Security-Policy, in real headless Chromium
// served by the real server: every page a delegate uses (drafts list, editor
// with precedents, comparison, document, series) loads and works with no
// policy violation reported, and the page and its assets carry the headers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useDesk, waitSaved } from '../helpers/browser.js';

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

describe.skipIf(!hasChromium)('content security policy (browser)', { timeout: 90_000 }, () => {
  const { newDraft, newPage } = useDesk();

  it('loads and uses every page with no policy violation', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-en' });
    const page = await newPage();
    const violations = await watchViolations(page);

    const first = await page.goto('/');
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(first?.headers()['cache-control']).toBe('no-cache');
    await page.waitForSelector(`tr[data-draft="${draftId}"]`);

    // The editor: type, get precedents (their similarity bars are styled inline), save.
    await page.goto(`/drafts/${draftId}`);
    await page.click('text=+ Add operative paragraph');
    await page.locator('textarea.para-input').waitFor();
    await page.keyboard.type('Calls upon Member States to strengthen international cooperation', { delay: 10 });
    await page.locator('.suggestion').first().waitFor({ timeout: 15_000 });
    await waitSaved(page);

    for (const path of [`/drafts/${draftId}/compare`, '/documents/a-res-78-229-en', '/series', '/documents']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('#root').innerHTML(), path).not.toBe('');
    }
    expect(violations).toEqual([]);

    // What the policy is for: a script injected into the page does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.join('\n')).toMatch(/script-src/);
  });

  it('keeps the hashed assets a year', async () => {
    const page = await newPage();
    const assets: Array<{ url: string; cache: string | undefined }> = [];
    page.on('response', (r) => {
      if (r.url().includes('/assets/')) assets.push({ url: r.url(), cache: r.headers()['cache-control'] });
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const a of assets) expect(a.cache, a.url).toBe('public, max-age=31536000, immutable');
  });
});
