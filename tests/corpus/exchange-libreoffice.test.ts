// The exported files are valid Office Open XML: LibreOffice (headless) converts
// each to PDF without error, with fonts that carry the script (a CJK font in
// the Chinese PDF, an Arabic-capable one in the Arabic), and page 1 of each is
// rendered to PNG under test-artifacts/exchange/lo/ to be looked at.
// Skipped, with a message, where soffice is not installed: `npm test` never
// installs LibreOffice (Debian: apt-get install libreoffice-writer-nogui poppler-utils).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { ROOT } from '../helpers/paths.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = has('soffice');
const poppler = has('pdftoppm') && has('pdffonts');
if (!soffice) console.warn('[exchange] soffice (LibreOffice) is not installed: the .docx → PDF conversion test is skipped.');

const OUT = join(ROOT, 'test-artifacts/exchange/lo');

const EXPORTS: Array<{ name: string; url: string; script: 'cjk' | 'arabic' | 'latin' | 'cyrillic' }> = [
  { name: 'document-80-229-zh', url: '/api/documents/a-res-80-229-zh/export.docx', script: 'cjk' },
  { name: 'document-80-229-en', url: '/api/documents/a-res-80-229-en/export.docx', script: 'latin' },
  { name: 'document-80-229-ar', url: '/api/documents/a-res-80-229-ar/export.docx', script: 'arabic' },
  { name: 'document-80-229-ru', url: '/api/documents/a-res-80-229-ru/export.docx', script: 'cyrillic' },
  { name: 'diff-78-229-to-80-229-zh', url: '/api/diff/export.docx?from=a-res-78-229-zh&to=a-res-80-229-zh', script: 'cjk' },
  { name: 'diff-78-229-to-80-229-en', url: '/api/diff/export.docx?from=a-res-78-229-en&to=a-res-80-229-en', script: 'latin' },
];

describe.skipIf(!soffice)('LibreOffice opens every export', () => {
  let db: Db;
  let profile: string;
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
    db = openCorpusCopy().db;
    // A private profile: never collides with another LibreOffice running on the machine.
    profile = mkdtempSync(join(tmpdir(), 'precedent-lo-'));
  });
  afterAll(() => {
    db?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('converts each .docx to PDF, with the script\'s fonts, and renders page 1', { timeout: 300_000 }, async () => {
    const app = createApp({ db, search: SearchWorker.lazy({ dbFile: db.name }) });
    const files: string[] = [];
    for (const e of EXPORTS) {
      const res = await app.request(e.url);
      expect(res.status, e.url).toBe(200);
      const file = join(OUT, `${e.name}.docx`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      rmSync(join(OUT, `${e.name}.pdf`), { force: true });
      files.push(file);
    }
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, ...files], { encoding: 'utf8', timeout: 280_000 });
    expect(run.status, run.stderr).toBe(0);
    for (const e of EXPORTS) {
      const pdf = join(OUT, `${e.name}.pdf`);
      expect(existsSync(pdf), `${e.name}: no PDF (${run.stdout} ${run.stderr})`).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (!poppler) continue;
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      if (e.script === 'cjk') expect(fonts).toMatch(/CJK|Song|Sim|Hei|Ming/i);
      if (e.script === 'arabic') expect(fonts).toMatch(/Arab|Naskh|Kufi|DejaVu|Amiri|Scheherazade/i);
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, `${e.name}-page1`)]);
      expect(existsSync(join(OUT, `${e.name}-page1.png`))).toBe(true);
    }
  });
});
