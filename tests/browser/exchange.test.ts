// Word in, Word out in real headless Chromium against the real server: export
// a rolled-over draft with tracked changes (the downloaded bytes are a .docx
// holding the draft's text and the edit as a revision), import that file back
// with its changes rejected (the base's text), import pasted text (paragraphs
// recognised), and a file that is not a .docx (the server's message, no draft).
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hasChromium, paragraphTexts, screenshot, useDesk } from '../helpers/browser.js';
import { readXml, resolve } from '../helpers/docx-xml.js';

type DraftT = { id: string; title: string; language: string; baseDocumentId: string | null; paragraphs: { section: string; text: string; lead?: string }[] };

const ADDED = '并加强区域合作';
const PASTED = `Strengthening cooperation on disaster risk reduction
The General Assembly,
Recalling its resolution 78/229 of 22 December 2023,
Noting with concern the increasing number and scale of natural disasters,
1. Welcomes the report of the Secretary-General;
2. Requests the Secretary-General to report to it at its eighty-first session on the implementation of the present resolution.`;

describe.skipIf(!hasChromium)('Word in, Word out (browser)', { timeout: 90_000 }, () => {
  const { desk, api, newDraft, newPage } = useDesk();
  const draftIds = async () => (await api<{ drafts: { id: string }[] }>('/api/drafts')).drafts.map((d) => d.id).sort();

  /** 78/229 rolled over, with ADDED at the end of OP 1, exported with its changes tracked against the base. */
  async function trackedExport(): Promise<Buffer> {
    const id = await newDraft({ base: 'a-res-78-229-zh' });
    const draft = await api<DraftT & { version: number; paragraphs: { label?: string }[] }>(`/api/drafts/${id}`);
    const op1 = draft.paragraphs.findIndex((p) => p.section === 'operative');
    const paragraphs = draft.paragraphs.map((p, i) => (i === op1 ? { ...p, text: p.text + ADDED } : p));
    await api(`/api/drafts/${id}`, { method: 'PUT', body: JSON.stringify({ version: draft.version, paragraphs }) });
    const res = await fetch(`${desk().url}/api/drafts/${id}/export.docx`, { headers: { cookie: desk().cookie } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it('exports a rolled-over draft with tracked changes: a .docx with the draft text and the edit as a revision', async () => {
    const draftId = await newDraft({ base: 'a-res-78-229-zh' });
    const page = await newPage();
    await page.goto(`/drafts/${draftId}`);
    await page.waitForSelector('.para');
    await page.locator('.para[data-label="OP 1"] .para-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(ADDED);
    // Export straight away: the menu saves the pending edit first, then downloads.
    await page.click('.export-menu summary');
    await page.waitForSelector('.export-menu[open] [data-export="tracked"]');
    await screenshot(page, '12-export');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-export="tracked"]')]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const exported = readFileSync((await download.path())!);
    expect(exported.subarray(0, 2).toString('latin1')).toBe('PK');

    const draft = await api<DraftT>(`/api/drafts/${draftId}`);
    expect(draft.paragraphs.some((p) => p.text.endsWith(ADDED))).toBe(true);
    const zip = await JSZip.loadAsync(exported);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    // The first paragraph's text, read across its runs (lead phrase and rest are separate runs).
    const xml = await readXml(exported);
    const accepted = resolve(xml.paragraphs, 'accept').map((p) => p.text);
    expect(accepted.some((t) => t.endsWith(draft.paragraphs[0].text))).toBe(true);
    expect(documentXml).toContain(draft.paragraphs[0].text.slice(-12));
    // The edit is a tracked insertion, and only the edit.
    expect(xml.revisionElements).toBeGreaterThan(0);
    const inserted = xml.paragraphs.flatMap((p) => p.segments.filter((s) => s.status === 'insert').map((s) => s.text)).join('');
    expect(inserted).toBe(ADDED);
  });

  it('imports that file back with its changes rejected: the base text, and the notice says how many changes it saw', async () => {
    const exported = await trackedExport();
    const page = await newPage();
    await page.goto('/');
    await page.click('.new-draft [role="tab"]:has-text("Import")');
    await page.setInputFiles('.dropzone input[type="file"]', { name: 'rollover-78-229.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: exported });
    await page.check('input[name="changes"][value="reject"]');
    await page.click('text=Import as new draft');
    await page.waitForURL((u) => /\/drafts\/d[0-9a-f]+$/.test(u.pathname));
    await page.waitForSelector('.para');
    const notice = page.locator('.notice');
    await expect(notice.getAttribute('data-changes-seen')).resolves.toMatch(/^[1-9]\d*$/);
    await expect(notice.textContent()).resolves.toContain('rejected');
    await screenshot(page, '14-imported-docx');
    const base = await api<{ paragraphs: { section: string; text: string; footnotes: unknown[] }[] }>('/api/documents/a-res-78-229-zh');
    const expected = base.paragraphs.filter((p) => p.section === 'preamble' || p.section === 'operative');
    // The text read without its raised footnote markers; the markers, one per footnote kept by the import.
    expect(await paragraphTexts(page)).toEqual(expected.map((p) => p.text));
    await expect(page.locator('.para .para-text sup.fn').count()).resolves.toBe(expected.reduce((n, p) => n + p.footnotes.length, 0));
  });

  it('imports pasted text: lands in the editor with preambular and operative paragraphs recognised', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.click('.new-draft [role="tab"]:has-text("Import")');
    await page.click('.import-mode button:has-text("Paste text")');
    await page.selectOption('.import select[aria-label="Language"]', 'en');
    await page.fill('textarea.paste', PASTED);
    await screenshot(page, '11-import');
    await page.click('text=Import as new draft');
    await page.waitForURL(/\/drafts\/d[0-9a-f]+$/);
    await page.waitForSelector('.para');
    expect(await page.locator('.part-preamble .para').count()).toBe(2);
    expect(await page.locator('.part-operative .para').count()).toBe(2);
    await expect(page.locator('.part-operative .para').first().locator('.lead-italic').textContent()).resolves.toBe('Welcomes');
    await expect(page.locator('.title-input').inputValue()).resolves.toBe('Strengthening cooperation on disaster risk reduction');
    await expect(page.locator('.notice').textContent()).resolves.toContain('Imported 4 paragraphs from pasted text');
    await screenshot(page, '13-imported-editor');
    const draft = await api<DraftT>(`/api/drafts/${page.url().split('/').pop()}`);
    expect(draft.language).toBe('en');
    expect(draft.paragraphs.map((p) => p.section)).toEqual(['preamble', 'preamble', 'operative', 'operative']);
  });

  it('a file that is not a .docx shows the server message, keeps the file, and creates no draft', async () => {
    await newDraft({ title: 'An earlier draft', language: 'en' }); // the list shows it (its table is what the page waits for)
    const before = await draftIds();
    const page = await newPage();
    await page.goto('/');
    await page.click('.new-draft [role="tab"]:has-text("Import")');
    await page.waitForSelector('.drafts-list table');
    await screenshot(page, '11-import-file');
    await page.setInputFiles('.dropzone input[type="file"]', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Recalling its resolution 78/229,\n1. Decides;\n') });
    await page.click('text=Import as new draft');
    const error = page.locator('.import .error-note');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('notes.txt is not a Word .docx file: upload a .docx (Word 2007 or later).');
    await expect(page.locator('.dropzone .file-chosen b').textContent()).resolves.toBe('notes.txt');
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot(page, '11-import-error');
    expect(await draftIds()).toEqual(before);
  });

  it('the document, draft comparison and series pages offer their .docx downloads', async () => {
    const fetchDocx = async (href: string | null) => {
      expect(href).toBeTruthy();
      const res = await fetch(`${desk().url}${href}`, { headers: { cookie: desk().cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('wordprocessingml');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    };
    const draftId = await newDraft({ base: 'a-res-78-229-zh' });
    const page = await newPage();
    await page.goto('/documents/a-res-78-229-zh');
    const docLink = page.locator('a.button:has-text("Export .docx")');
    await expect(docLink.getAttribute('href')).resolves.toBe('/api/documents/a-res-78-229-zh/export.docx');
    await screenshot(page, '16-document-export');
    await fetchDocx(await docLink.getAttribute('href'));

    await page.goto(`/drafts/${draftId}/compare`);
    const cmp = page.locator('a.button:has-text("Download comparison (.docx)")');
    await expect(cmp.getAttribute('href')).resolves.toBe(`/api/drafts/${draftId}/export.docx?against=a-res-78-229-zh`);
    await fetchDocx(await cmp.getAttribute('href'));

    await page.goto('/series?from=a-res-78-229-zh&to=a-res-80-229-zh');
    const series = page.locator('a.button:has-text("Download comparison (.docx)")');
    await expect(series.getAttribute('href')).resolves.toBe('/api/diff/export.docx?from=a-res-78-229-zh&to=a-res-80-229-zh');
    await page.waitForSelector('.diff .counts');
    await screenshot(page, '15-series-download');
    await fetchDocx(await series.getAttribute('href'));
  });
});
